"""Forms fresh sets 5 and 6 showed unread in detail-page info blocks, task citations and inspection namings, read
as grammar (issue 21): a label's value ends at the next label, a page control or a separator, and may sit on the
next line; 编号 / 序号 headings and a number in brackets before 整改任务 cite tasks, a hand-over slip's number does
not; a round before 省 / 自治区, a group after 督察组, 回头看 / 专项 inside the naming, 督查 in a 《》 title."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.ledger.numbers import cited_numbers
from crawler.extraction.info import info_block, label_fields


@pytest.mark.parametrize(("text", "numbers"), [
    ("第二轮中央生态环境保护督察(第15号)整改任务验收销号公示", [15]),
    ("省生态环境保护督察(第7号)反馈问题整改完成情况", [7]),
    ("中央环境保护督察反馈意见整改任务 问题编号二十三:部分企业超标排放", [23]),
    ("序号三:工业园区污水收集不到位。", [3]),
    ("任务编号12:完成城区黑臭水体整治", [12]),
    ("3.?编号21:加快推进垃圾填埋场整治。", [21]),
    ("(二)编号5:规范畜禽养殖", [5]),
    # not task numbers: a hand-over slip's, a petition's, a caption, a bulletin issue, a 文号
    ("交办单年份:\n2023\n交办单编号:\n52\n交办日期:\n2023-07-01", []),
    ("二、受理编号318号:群众反映某厂夜间排放异味", []),
    ("附表:序号二任务公示表格", []),
    ("《督查通报》(第12期)", []),
    ("市政府(第3号)令", []),
])
def test_citation_headings_and_bracketed_numbers(text, numbers):
    assert cited_numbers(text) == numbers


@pytest.mark.parametrize(("text", "key"), [
    ("第二轮省生态环境保护督察反馈问题整改情况的公示", ("provincial", 2, None, None, False, False)),
    ("第三轮自治区生态环境保护督察第4项整改任务", ("provincial", 3, None, None, False, False)),
    ("河南省环境保护督察组第五组向我县转办信访件", ("provincial", None, None, 5, False, False)),
    ("省委、省政府环境保护“回头看”督察组进驻我市", ("provincial", None, None, None, True, False)),
    ("省级生态环境保护专项督察反馈问题", ("provincial", None, None, None, False, True)),
    ("自治区第三生态环境保护督察组对某地区开展例行督察和水污染专项督察", ("provincial", None, None, 3, False, True)),
    ("省委生态环境保护督察整改任务(序号12)验收公示", ("provincial", None, None, None, False, False)),
])
def test_inspection_namings_of_sets_5_and_6(text, key):
    name = inspection_name(text)
    assert name is not None and name.key() == key


def test_a_name_in_a_title_written_with_duchá_of_checks_names_no_inspection():
    assert inspection_name("某站制定《中央环境保护督查反馈意见问题整改清单》,明确整改任务") is None
    plan = inspection_name("我省编制的《某省贯彻落实中央环境保护督察组督察反馈意见整改方案》已完成")
    assert plan is not None and plan.level == "central"  # a plan's title still names the inspection it answers


@pytest.mark.parametrize(("text", "expected"), [
    # a label and its value on separate lines; a spaced label
    ("发布时间:\n2024-03-01 09:10\n信息来源:\n某市林业局\n分享到:", ("某市林业局", "2024-03-01", None, None)),
    ("索   引  号 :\n1234/2024-00001\n发 布 机 构 :\n某区人民政府办公室\n成 文 日 期 :\n发 文 日 期 :",
     ("某区人民政府办公室", None, None, None)),
    ("  • 发布机构:\n\n    某区文旅体局\n\n  • 成文日期:\n\n    2023-06-02\n\n  • 公开方式:\n\n    主动公开",
     ("某区文旅体局", None, "2023-06-02", None)),  # 成文日期 is never the posting date
    # a value ends at a page control
    ("日期:2023-04-01 10:00 来源:某市生态环境局 【字体: 大中小】 分享:", ("某市生态环境局", "2023-04-01", None, None)),
    ("发布时间:2018-05-02 14:54 来源:某市民生工作办公室 阅读:", ("某市民生工作办公室", "2018-05-02", None, None)),
    ("2018-09-28 15:08来源:生态环境部关键词:煤电收藏点赞", ("生态环境部", "2018-09-28", None, None)),
    # CMS phrases and accounts name no body; a domain does
    ("来源:部门报送浏览:100次'时间:2021年3月2日", (None, "2021-03-02", None, None)),
    ("发布时间:2024-11-20 19:01:10 来源: sp20241120", (None, "2024-11-20", None, None)),
    ("时间:2024-05-24 20:37:58 来源:fish", (None, "2024-05-24", None, None)),
    ("来源:www.example.com 编辑: 环保网 时间:2025-09-05点击:", ("www.example.com", "2025-09-05", None, None)),
    # 源自 and 发文单位 are source labels; a label cell is no value
    ("时间:2022-08-19 16:20作者:王 芳源自:县林业局", ("县林业局", "2022-08-19", None, None)),
    ("| 发文单位:某市人民政府办公室 | 成文日期:2019年03月08日 |\n| 发布日期:2019年03月09日 |",
     ("某市人民政府办公室", "2019-03-09", "2019-03-08", None)),
    ("公开责任部门 | 公开形式: | 主动公开 |\n有效性 | 有效 | 公开日期: | 2020-12-23 14:33 |", (None, "2020-12-23", None, None)),
    # a date glued to the source, an author after it, a masthead between dashes, a day before 来源
    ("来源:新华网-新华日报2020-06-01", ("新华网-新华日报", "2020-06-01", None, None)),
    ("信息來源:某某鎮 張小明 某縣發佈", ("某某鎮", None, None, None)),
    ("日期:[2018年03月21日] -- 某某日报 -- 版次:[A3]", ("某某日报", "2018-03-21", None, None)),
    ("已完成整改。 2022年9月14日 来源:某县环境 |", ("某县环境", "2022-09-14", None, None)),
])
def test_info_blocks_of_sets_5_and_6(text, expected):
    assert info_block(text).value() == expected


def test_a_label_alone_on_its_line_takes_no_sentence_and_no_other_label():
    assert "来源" not in label_fields("来源:\n\n添加时间:2021年05月08日")
    assert "来源" not in label_fields("来源:\n本报讯,记者从市生态环境局获悉,全市已完成整改。")
    assert label_fields("信息来源:\n\n某市林业局")["信息来源"] == "某市林业局"
