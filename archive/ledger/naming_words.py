"""The words of an inspection's naming (督察): numerals, places and levels, the protected core, rounds and batches.

One home for the vocabulary ``naming`` (and its special-inspection reading) build their grammar from.
"""
from __future__ import annotations

_N = r"[一二三四五六七八九十\d]{1,3}"
#: a year in either numeral script (2024年, 2024 年, 二〇二四年) and a month's or day's number (3, 十二)
_YEAR = r"(?:19|20)\d{2}\s*年|[一二][〇零一二三四五六七八九]{3}\s*年"
_NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
#: a place's name never holds a round or a batch (第二轮省… is round 2 of the province's, not a place 第二轮省)
_PLACE_LEVEL = r"(?:(?![第轮批])[\u4e00-\u9fff]){1,6}?(?:省|自治区)|北京市|天津市|上海市|重庆市|自治区"
#: the autonomous regions by their short names (新疆第一生态环境保护督察组: the region's own group 1), and the 兵团
#: (新疆生产建设兵团), which holds inspections of its own at the provincial level (兵团第三生态环境保护督察组)
_REGION = r"内蒙古|新疆|西藏|广西|宁夏|兵团"
#: a province's environment department holds its own inspections (省环保厅环境保护督察组…“回头看”): provincial
_DEPARTMENT = r"(?:生态环境|环境保护|环保)厅"
#: a province's party committee and / or government owning its groups (自治区党委第二生态环境保护督察组, 省委、省政府第一…督察组,
#: 内蒙古自治区党委、政府…): the provincial level
_COMMITTEE = r"(?:党委|委)(?:\s*[、和及]?\s*(?:省|自治区)?(?:人民)?政府)?|(?:人民)?政府"
#: what is protected before 督察: 生态环境保护, 生态保护 (中央生态保护督察回头看), 环境保护, 环保, 生态环保 —
#: (生态)(环境)保护 with at least one of the two, or 生态环境 alone
_CORE = r"(?:生态(?:环境)?保护|环境保护|生态环保|环保|生态环境)"
#: a round: 第二轮 / 第2轮 / 二轮 / 首轮, or 新一轮 (a round with no number: None); a bare N轮 after a verb that counts
#: (实现三轮…全覆盖, 开展了三轮, 累计两轮) is a number of rounds, no round
_COUNTING = "".join(f"(?<!{w})" for w in ("实现", "经过", "历经", "完成", "开展", "进行", "连续", "累计", "共", "了", "分"))
_ROUND = rf"第{_N}轮|首轮|新一?轮|(?<![新第\d一二三四五六七八九十]){_COUNTING}{_N}轮"
#: a batch: 第N批 / 首批 (a petition batch, 第N批信访件 / 交办件, is none: it follows the body, outside the naming)
_BATCH = rf"第{_N}批|首批"
#: a province by its short name (陕西已对全省12个市…开展了…督察, 北京日前启动…): a closed class, never before a city's
#: or a prefecture's ending (吉林市, 海南州 are cities)
_PROVINCE_SHORT = (r"(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
                   r"云南|陕西|甘肃|青海)(?![市州县区省])")
#: districts only a municipality (北京 / 天津 / 上海 / 重庆) has, a name no other place shares (朝阳, 通州, 普陀, 宝山,
#: 江北, 和平, 河东, 长宁 are other cities' too; 金山, 南岸, 长寿 are common words; 大兴安岭 is a prefecture): a 市级
#: inspection sent to them is the municipality's own, provincial (首批市级督察组进驻丰台、房山、大兴三个区)
_MUNICIPAL_DISTRICT = (r"(?:海淀|丰台|石景山|门头沟|房山|顺义|昌平|大兴(?!安岭)|怀柔|平谷|密云|延庆|东城区|西城区"
                       r"|黄浦|徐汇|长宁区|静安|虹口|杨浦|闵行|嘉定|浦东新区|松江区|青浦|奉贤|崇明"
                       r"|红桥区|东丽|西青|津南|北辰区|武清|宝坻|滨海新区|宁河区|静海|蓟州"
                       r"|万州|涪陵|渝中|大渡口|沙坪坝|九龙坡|北碚|綦江|大足|渝北|巴南|黔江|江津|合川|永川|南川|璧山|铜梁"
                       r"|潼南|荣昌|开州|梁平|武隆|两江新区)")
