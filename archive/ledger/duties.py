"""The kinds of a task's time limit that name no day: done at once, kept up, or repeated by a period (pure patterns).

``archive.ledger.deadlines`` files a text under one of these kinds when it states no last day: ``immediate``
(立行立改, 即知即改, 随到随办), ``ongoing`` (长期坚持, 持续推进, 常态化) or ``recurring`` (每季度…, 月通报、季调度机制,
按月通报, 实行日报制, 一月一研究; 定期 + a duty names no period: 定期通报, 定期听取…汇报) or ``relative`` (30个工作日内,
自公示发布之日起10个工作日: counted from an event the text does not date).
"""
from __future__ import annotations

import re

from archive.ledger.clauses import STOP_ENDS, clause_start
from archive.ledger.limit_words import LIMIT_NOUN, WATCH
from archive.ledger.past_times import AIMED

#: (立 / 即 / 随 + a verb twice: done at once or as it comes, 立行立改, 立整立改, 即知即改, 随到随办, 随查随改; 立行立解: r55a)
#: the watches a check kept up names (巡查, 监管, 值守 …; ``limit_words.WATCH``): 常态化 / 不间断 / 全天候 + one (r60b)
_WATCH = WATCH
#: a watch kept round the clock by the hours (24小时值班坚守, 全天24小时值守, 7×24小时巡查: set 61's convention, as set 60's
#: 24小时不间断巡逻); a span (24小时内), a cadence (每24小时巡查一次), a look back (过去24小时) or a device, a line or a
#: service (24小时监控设备, 24小时值班电话) none (r61b)
_CLOCK_WATCH = (rf"(?<![每近内])(?<!过去)(?:全天|7\s*[×xX*]\s*)?(?:24|二十四)\s*小时\s*(?:不间断|轮流|轮班)?\s*(?:开展|实行|进行)?\s*{_WATCH}"
                r"(?!\s*(?:设备|系统|仪|平台|装置|探头|电话|热线|号码|手机|一次|1次))")
_ACT_AT_ONCE = r"(?:办|改|整|结|解|行|处理?)"
#: an at-once adverb before acting on the problem (第一时间赶赴现场, 立即整改, 即刻组织核查, 马上进行处置; not negated:
#: 未第一时间处置, 没有立即行动 are findings; nor the group 对能立即整改的 names)
_AT_ONCE = (r"(?<![未没不])(?<!没有)(?<!未能)(?<!没能)"  # (未能第一时间发现并处置 a finding: r57b)
            # (…nor after an ability modal in a phrase closed by 的: 对能立即整改的 names the problems that can be fixed at
            # once, a group the duty after it is for, 对能立即整改的要求尽快整改: set 47; 能完成的立即完成 still is one)
            r"(?!(?<=[能可够])(?:第一时间|立即|即刻|马上|立刻)[^，,。；;的之]{0,12}[的之])"
            r"(?:第一时间|立即|即刻|即时|马上|立刻)"
            # (…its manner between, 立即无条件停工: set 46)
            r"(?:无条件|无条件地|全面|坚决|一律)?(?:组织|进行|开展|采取措施|予以|依法|着手){0,2}"  # (着手开展: r59b)
            # (…finding the problem first, the act after it joined by 、 / 并 / 和 / 后: 第一时间发现、处置, 立即发现并制止:
            # set 57; 第一时间发现问题 alone sets no act)
            # (…a comma for the 、 too, 第一时间发现,处置: the list's mark varies)
            r"(?:(?:发现|察觉|掌握|获悉)(?:[^，,。;；]{0,6}?(?:[、和及]|并|后|即)|\s*[，,])\s*)?"
            # (…the act after the target or the people it sets to work, in the same clause: 立即对该沙场采取关停行动,
            # 立即组织相关企业整改, 立即督促业主拆除: set 39)
            # (…or those it hands the problem to, 第一时间向各城市推送督办单, 立即移交…: set 43)
            # (…or the matter it acts on after 就 / 针对, 立即就该等缺失提出补救措施: set 52)
            r"(?:(?:对|向|组织|督促|责令|安排|要求|通知|就|针对)[^，,。;；:：]{1,16}?)?"
            # (…or another act offered first as its alternative, 立即停电或关闭, 立即断水、拆除: r59b)
            r"(?:[\u4e00-\u9fff]{1,3}?(?:或者?|、))?"
            r"(?:赶赴|赶到|到达|奔赴|整改|处置|处理|调查|核查|查处|整治|清理|关停|拆除|封堵|停产|停业|停止|停用|关闭|取缔|纠正"
            # (…handing over a notice or a decision served on the party, 立即下发《…整改通知书》, is no term for the work: its own
            # limit decides, as 当场下达整改通知书, set 53; r55a)
            # (…or cleaning or repairing what is at fault, 立即清洗设备, 立即更换滤芯, 马上维修: set 57)
            r"|清洗|清扫|清掏|疏浚|维修|修复|更换|"
            r"改正|清运|清除|制止|断电|推送|下发(?![^，,。;；]{0,24}?(?:通知书|告知书|决定书))|交办|转办|移交|督办"
            # (…or improving it, 应令其立即改善 (a rule's: set 51; 可立即改善之违规行为 names a group, as 的 above); or
            # making the decision the step is for, 即时作出受理决定: set 53)
            r"|改善|作出(?=[^，,。;；]{0,6}?(?:决定|答复|回复|结论|意见))"
            # (…or stopping the works, 立即予以停工, 立即停建; or turning to the next stage of the fix, 立即转入整改销号阶段:
            # set 46)
            r"|停工|停建|停止施工|转入"
            # (…or finishing or restoring it, 能完成的立即完成, 马上恢复; or reporting it up, 立即向…专题汇报: set 44)
            r"|完成|恢复|汇报|报告"
            # (…or setting up the body or the meeting that acts: 第一时间成立整改工作组, 立即召开专题会议, r21; or the
            # ledger it works from and carrying out, 立即建立…整改台账, 立即落实行动: set 40)
            r"|成立|组建|召开|建立|落实"
            # (…or putting forward the remedy, 立即提出补救措施, 立即制定整改方案; or commissioning those who act, 立即委托
            # 有资质机构…监测: set 52)
            r"|(?:提出|制定|拿出)(?=[^，,。;；]{0,8}?(?:措施|方案|计划|办法))|委托"
            # (…or acting on it in general, 立即行动, 立即采取有效措施: set 38)
            r"|采取(?:有效|果断|有力|坚决|切实|必要|相应)?的?(?:措施|行动)|行动"
            # (…an act named before 行动 / 措施, 采取关停行动, 采取断电措施; or stopping, 立即停下来: set 39)
            r"|采取(?:关停|关闭|拆除|断电|停产|停业|封堵|取缔|查封|清理|整改)(?:的)?(?:措施|行动)|停下来?|检查|排查)")
IMMEDIATE = re.compile(_AT_ONCE + r"|立(?:行|说|知|查|整|改|交|办|接)立" + _ACT_AT_ONCE + r"|即(?:知|查|交|收|发现|办|行)即" + _ACT_AT_ONCE
                       + r"|随(?:到|交|收|报|查|发现)随" + _ACT_AT_ONCE
                       # (…or on the spot, the decision or the handling made there: 受理(当场决定), 当场办结; 当场下达整改通知
                       # hands a notice over, its own limit decides: set 53)
                       + r"|(?<![未没不])当场(?:作出|做出)?(?:决定|办结|办理|受理|答复|出具|发放|纠正|改正|整改)"
                       # (…or a handling time's value 即办, a matter done as it is brought: 办理时限:即办, 即办件)
                       # (…or an at-once word as a limit label's whole value, 整改时限:立即, 办理时限:即时: r57b)
                       + rf"|(?:{LIMIT_NOUN}\s*(?:为|是)?\s*[:：]?\s*|^)\s*(?:即办件?|立即|即时|即刻|马上|立刻)\s*(?=$|[，,。;；)）])"
                       # (…or corrected while the check goes on: 边督边改, 边查边改; 公开边督边改情况 names what is reported,
                       # 边督边改组 a group: set 39)
                       + r"|边(?:督|查|巡|检|审|察)边(?:改|整)(?!\s*(?:情况|工作|进展|成效|信息|专栏|典型|组|小组|工作组))")
#: (持续开展 with an object is a kept-up duty; a campaign said to go on, 督查持续开展。, narrates an event)
#: (…or 长期 as a time limit's whole value: 整改时限:长期, a cell 长期)
ONGOING = re.compile(r"长期坚持|持续推进|长期推进|长期保持(?!达到|在|稳定|良好|优良|于|为)|长期持续|常态化|常态长效|长效机制|持续整改|常抓不懈|久久为功"
                     # (…or kept up without a break, 不间断加强日常巡查, 24小时不间断监测: set 46)
                     r"|(?<![有无])不间断"
                     # (…or kept up round the clock, the watch named: 实行全天候巡查机制, 全天候监管, as 不间断 (set 60's ✱);
                     # a device's or a site's 全天候 (全天候监测设备, 全天候开放) names no duty: r60b)
                     rf"|全天候\s*(?:开展|实行|进行)?\s*{_WATCH}(?!\s*(?:设备|系统|仪|平台|装置|探头))"
                     rf"|{_CLOCK_WATCH}"
                     # (…or the problems that need long work, named for their duty: 对需要长期整治的问题,要持续用力, as set 14's
                     # 需要长期努力的: r56a)
                     r"|(?:需要|需|须)\s*长期(?:坚持|努力|整治|整改|治理|推进|攻坚|坚守)(?:才能(?:完成|解决))?的"
                     rf"|(?:{LIMIT_NOUN}\s*(?:为|是)?\s*[:：|｜]?|^)\s*长期\s*(?=$|[，,。;；])"
                     # (…or as a plan stage's time in brackets after its name, 巩固提升阶段(长期), as a dated stage's
                     # window, 自主整改阶段(2026年2月26日-3月15日): set 53)
                     r"|阶段\s*(?:[（(]|[:：])\s*长期(?:坚持)?\s*(?=[)）]|$|[，,。;；])"
                     # (…or a stage's span running on from its start with no end, 巩固提升(2026年4月—长期))
                     r"|(?:年|月|日|号)\s*[-—–~～至到]\s*长期(?:坚持)?\s*(?=[)）]|$|[，,。;；])"
                     r"|持续开展(?!\s*(?:[，,。;；]|$))|(?<![查察动治作])持续开展")
#: a kept-up practice beside the fix rather than the fix's own limit: a lasting mechanism to be set up (并建立…长效机制)
#: or a check kept routine (常态化巡查排查): when an at-once fix of the problems is stated too (立即整改到位, 确保问题立行立改)
#: the fix's limit decides (set 45; 立行立改并长期坚持 is the fix kept up, ongoing)
#: (…or a check kept up without a break, 24小时不间断巡查, beside 确保第一时间…处置: set 57)
KEPT_BESIDE = re.compile(r"(?:建立|健全|完善|形成|构建)[^，,。;；]{0,16}?长效机制"
                         rf"|(?:常态化|不间断|全天候)\s*(?:开展)?\s*{_WATCH}|{_CLOCK_WATCH}")
#: the work made routine as an aim, 常态化 closing its clause (推进公司整改工作常态化, 推动巡查常态化。): where the work is
#: heading, no kept-up duty set as its limit (set 44; 常态化开展巡查, 坚持整改常态化 are)
ROUTINE_AIM = re.compile(r"(?:推进|推动|促进|实现|走向)[^，,。;；]{1,16}?常态化\s*(?=[，,。;；]|$)")
#: a recurring duty: 每年… / 至少1次/年, or a mechanism named by its periods (月通报、季调度、半年督查机制: a period word
#: straight before a reporting verb, two of them listed or one before 机制 / 制度; 9月通报 / 本月调度 are one month's)
#: (…or summing up, 周推进—月总结, 月小结: r61b)
_DUTY_VERB = r"(?:通报|调度|督查|督办|督导|报告|会商|例会|点评|讲评|研判|分析|考核|跟踪|跟进|预警|推进|排名|总结|小结)"
#: checks a mechanism names by their periods (季度抽查, 年度核查, 周巡查): only listed or before 机制 / 制度
_PERIOD_CHECK = r"(?:抽查|核查|巡查|检查|暗访|复查)"
_PERIOD_DUTY = rf"(?<![\d一二三四五六七八九十本上下当次该同每今近昨明节])(?:日|月|季|半年|周|旬)度?{_DUTY_VERB}"
_HAN = r"[\u4e00-\u9fff]"
_QUOTE_OPEN = r"[“\"「『‘]"
_QUOTE_CLOSE = r"[”\"」』’]"
_CN_COUNT = "一二两三四五六七八九十"
#: duties 定期 may head besides the reporting ones (定期听取汇报, 定期开展巡查, 定期公布, 定期召开调度会)
#: (…or issuing its notices, 定期下发提示函, 定期印发通报: set 43)
_CHECK_VERB = (r"(?:落实|听取|召开|开展|组织|检查|巡查|巡河|监测|公布|公开|发布|报送|上报|研究|评估|复查|核查|回访|更新|清理|维护|调研"
               r"|下发|印发"
               # (…or sitting together to work, 定期集中办公, 定期会商: set 45; consulting jointly, 定期共商、协商: set 48)
               r"|办公|会商|共商|协商|研商"
               # (…or looking back over the work done, 定期进行“回头看”: set 46)
               r"|回头看"
               # (…or registering what a firm produces and where it goes, 定期登记工业固废种类、产生量: set 47)
               r"|登记|申报"
               # (…or making it public to the public, 定期向社会公示, 定期公告, 定期披露: r59b)
               r"|公示|公告|披露)")
#: the reporting or publishing acts a period distributes (按季度报送, 逐月上报, 每日公开: r59b)
_REPORT_VERB = r"(?:报送|上报|公开|公布|公示|公告|更新|发布|曝光)"
#: the upkeep and checking acts a cadence sets (清运, 洒水, 巡逻, 检测 …), shared by 定时, 每天 and 定期 (r60b); 清运量,
#: 检测率 name amounts
_UPKEEP = r"(?:清运|收运|收集|搬运|转运|清扫|清洗|冲洗|洒水|保洁|投放|消杀|巡检|巡逻|清理|清淤|检查|检测|监测|播放)(?![量率能])"
#: (每天 / 每日 only before a duty of reporting or making public: 每天公开…; 每日9:00至17:00 are hours)
#: (…a count or a check chained before the duty by 并 / 、 / 后: 每日统计并向…通报, set 49)
#: (…or a watch, 每天早晚巡逻, 每日值守; or dispatching the people, teams or vehicles that act, 每天出动4个巡查组, 每日派出
#: 执法人员: an average over a past campaign, 平均每天出动, is a tally: r61b)
_EACH_DAY = (rf"(?<!平均)每(?:天|日)(?:统计|汇总|核查|调度)?(?:并|、|后)?[^，,。;；\d]{{0,8}}?(?:{_DUTY_VERB}|{_REPORT_VERB}|{_WATCH}"
             rf"|{_UPKEEP})|(?<!平均)每(?:天|日)\s*(?:均|都)?\s*(?:出动|派出)(?![^，,。;；]{{0,3}}?[量率数])")
#: (每年6月5日为世界环境日, 每年3月为植树月 name a day or month of the year, no duty)
_NAMED_DAY = r"(?![^，,。;；]{0,10}?(?:为|是)[^，,。;；]{0,10}?(?:日|节|月|周)\s*(?:$|[，,。;；]))"
#: (每周一至周五 + clock times are hours of service, no duty: 受理时间为每周一至周五9:00-12:00)
_HOURS = r"(?!(?:[一二三四五六日]|星期[一二三四五六日])\s*(?:至|到|-|—|～|~)\s*(?:周|星期)?[一二三四五六日])"
#: 定期 + a duty, its period unstated (定期通报进展, 定期听取…汇报, 定期对…开展巡查; 规定期限 / 确定期间 are no 定期,
#: 不定期 is irregular): a regular duty, which decides over a kept-up cue beside it (形成长效机制,定期督查检查;
#: 常态化排查,定期委托…检测: the duty's rhythm is stated, set 34's and set 40's convention)
_REGULAR = (r"(?<![规确约限法指特议预认既设制鉴不决评判核审稳固协商选拟否肯一待裁锁界])定期\s*"
            rf"(?:[^，,。;；]{{0,10}}?(?:{_DUTY_VERB}|{_CHECK_VERB}|{_UPKEEP})"
            # (…its object after 对 running long, then 进行 / 开展 + the duty: 定期对…、…等项目进行监督检查: set 43)
            rf"|对[^，,。;；]{{1,40}}?(?:进行|开展|组织)(?:{_HAN}{{0,2}})?(?:{_DUTY_VERB}|{_CHECK_VERB}|{_UPKEEP})"
            # (…or regular and irregular together, the duty after a longer phrase of place and manner: 定期不定期的在库区内
            # 实施执法保护巡查活动, 定期与不定期相结合开展检查: set 40's ✱; 不定期 alone stays none)
            # (a gloss in brackets with no Han in it, 庫(kù), counts as one step of the phrase)
            rf"|(?:和|与|及|或|、)?\s*不定期(?:[（(][^（()）\u4e00-\u9fff]{{1,16}}[)）]|[^，,。;；]){{0,20}}?(?:{_DUTY_VERB}|{_CHECK_VERB}))")
REGULAR = re.compile(_REGULAR)
#: 定时 (at set times) + the work done at them, a place's 定点 maybe between (定时清运, 定时定点投放, 定时巡查): a cadence, as
#: 定期 (set 58's ✱; a stray space inside kept: 定 时搬运); 定时限 / 规定时间 / 一定时间 / 定时炸弹 name no cadence
_SET_TIMES = (r"(?<![规确约限法指特议预认既设制鉴不决评判核审稳固协商选拟否肯一待裁锁界])定\s?时(?!限|间|效|炸)"
              r"(?:[、,，]?\s*定\s?点)?\s*"
              rf"(?:{_DUTY_VERB}|{_CHECK_VERB}|{_UPKEEP}|开放)")
RECURRING = re.compile(rf"每(?:年|季度?|[单双]?月|半年|旬){_NAMED_DAY}|每周{_HOURS}{_NAMED_DAY}|{_EACH_DAY}|至少\s*\d+\s*次\s*/"
                       # every N periods, the count stated (每半个月调度一次, 每两周通报, 每3个月开展一次)
                       rf"|每\s*(?:(?:\d{{1,2}}|[{_CN_COUNT}]+|半)\s*个?|个)\s*(?:年|季度|月|周|星期|旬)"
                       # once (or N times) in each period, its act between (2天转运1次, 每天…收取一次, 每周巡查两次: set 45;
                       # 近3年来共开展5次, 3天内整改1次 are a tally and a span)
                       rf"|每\s*(?:(?:\d{{1,2}}|[{_CN_COUNT}]+)\s*个?)?\s*(?:天|日|周|星期|月|季度|年)[^，,。;；\d]{{0,10}}?"
                       rf"(?:\d{{1,2}}|[{_CN_COUNT}])\s*次"
                       rf"|(?<![\d{_CN_COUNT}近前后第共这])(?:\d{{1,2}}|[{_CN_COUNT}]+)\s*个?\s*(?:天|日|周|星期|月)(?!\s*[内来后])"
                       rf"{_HAN}{{1,4}}?\s*[1一]\s*次"
                       # (…the year or its half too, the act between or none: 一年开展一次排查, 半年一次督导检查; 一年内 / 两年前 /
                       # 上半年 / 近一年 are a span, a past time and a half of one year; 一季度 is the first quarter: r59b)
                       rf"|(?<![\d{_CN_COUNT}近前后第共这上下今去明本当全])(?:(?:\d{{1,2}}|[{_CN_COUNT}]+)\s*年|半年)"
                       rf"(?!\s*[内来后前])(?:{_HAN}{{1,4}}?)?\s*[1一]\s*次"
                       # mechanisms named by their periods, each after its topic (信息周报告、进展月调度、…等机制)
                       # (…its name in quotes too: 建立“周调度”机制, set 44)
                       # (…or joined by a dash or a plus, “周推进—月总结”工作机制, 日巡查+周调度: r61b)
                       rf"|{_PERIOD_DUTY}(?=\s*(?:[、，,和及与—–\-－+＋/]\s*{_HAN}{{0,4}}?{_PERIOD_DUTY}|{_QUOTE_CLOSE}?(?:工作)?(?:机制|制度)))"
                       # …checks by their periods, joined by 、 or + (日常巡查+季度抽查+年度核查, 周巡查、月抽查制度)
                       rf"|(?<![\d〇一二三四五六七八九十本上下当次该同每今近昨明节全])(?:季度?|年度|月度?|周|旬){_PERIOD_CHECK}"
                       rf"(?=\s*[、+＋]\s*(?:{_HAN}{{0,2}}?){_PERIOD_CHECK}|[^，,。;；]{{0,10}}?(?:机制|制度))"
                       # …or one held by the quarter or month with its manner (通过季度联合检查, 月度交叉检查: set 45)
                       rf"|(?<![\d〇一二三四五六七八九十本上下当次该同每今近昨明节全])(?:季度?|月度?)(?:联合|交叉|集中|专项)"
                       rf"{_PERIOD_CHECK}"
                       # …or one adopted as a mechanism (实行月调度, 建立周通报, 坚持季督查)
                       rf"|(?<=实行|实施|建立|坚持|推行|执行|落实){_QUOTE_OPEN}?{_PERIOD_DUTY}"
                       # 定期 + a duty, its period unstated (REGULAR)
                       rf"|{_REGULAR}|{_SET_TIMES}"
                       # by the period, then a reporting verb (按季度实施清单化调度, 按月通报)
                       rf"|按\s*(?:年|季|月|半年|周|旬|日|天)度?(?:[^，,。;；计划]){{0,8}}?(?:{_DUTY_VERB}|{_REPORT_VERB})"
                       # …or each period in turn (逐月报送, 逐季调度, 逐条逐月调度; 逐年下降, 逐月递增 name a trend: r59b)
                       rf"|逐\s*(?:日|周|旬|月|季|年)度?(?:[^，,。;；计划]){{0,8}}?(?:{_DUTY_VERB}|{_REPORT_VERB}|{_PERIOD_CHECK})"
                       # (…or an evaluation or a check held by the period, 按季度…进行综合测评, 按月开展巡查: set 53; 按年度计划
                       # 开展整治 names a plan, no check)
                       r"|按\s*(?:季|月|半年|周|旬|日|天)度?[^，,。;；计划]{0,24}?(?:测评|考评|评比|评估|检查|巡查|抽查|核查|监测|检测)"
                       # a report system named by its period (实行日报制, 周报告制度)
                       r"|(?<![\d一二三四五六七八九十本上下当次该同每今近昨明节])(?:日|周|旬|月|季)报(?:告)?制"
                       # 一 + a period + 一 + a verb: once in each period (一月一研究, 一周一调度, 一季一通报)
                       r"|(?<![〇○零一二三四五六七八九十])一(?:日|天|周|旬|月|季|年)一(?![日号天夜个样])[\u4e00-\u9fff]"
                       # a period named twice, each before its act, the second closing the work: done within each period
                       # (日产日清, 日查日清, 周查周改, 月结月清, 日清日结: set 57's ✱; 月中月底, 周一周二 name times)
                       r"|(?<![\d〇○零一二三四五六七八九十本上下当每该同])(?P<per>[日周月])"
                       r"(?:产|查|收|巡|报|扫|运|结|清|办|排)(?P=per)(?:清|结|毕|改|销|办)")

#: 常态化 naming a mechanism (常态化巡查机制): when a recurring duty is stated too (…,定期开展巡查), its period decides
MECHANISM_NAMED = re.compile(r"常态化[^，,。;；]{0,8}?(?:机制|制度)")

_CN_SMALL = "一二两三四五六七八九十"
#: the day of or after an event the text does not date, before the act set on it (收到…的当日, 接到…的次日); 已 before the
#: event or 了 / 已 after it in the sentence narrate what was done (r60b)
_EVENT_DAY = (r"(?<!已)(?<!已经)(?<!已于)(?<!已在)(?<!已经于)(?:收到|接到|受理|接收|接件|交办|转办)[^，,。;；]{0,30}?(?:之|的)\s*(?:当日|当天|次日|翌日|第二天)"
              r"(?![^。;；]{0,30}?(?:了(?!解)|已))")
#: what a window or a handling time is for (公示, 受理, 异议 …)
_WINDOW_NOUN = r"(?:公示|公告|受理|异议|反馈|征求意见|整改|办理|办结|答复)"
#: counted from an event the text does not date: 30个工作日内, 半个月内, 两年内; a span to finish in: 用三年左右时间完成
#: (…a range of them too: 用3至5年时间, 经过两到三年努力)
#: (…in three digits or with 百 too: 用一百天的时间, 用100天: set 49)
_SPAN = (rf"(?<![\d〇○零百{_CN_SMALL}])(?:(?:\d{{1,3}}|[{_CN_SMALL}百]+)\s*(?:至|到|-|—|～|~)\s*)?"
         rf"(?:\d{{1,3}}|[{_CN_SMALL}百]+|半)\s*(?:个)?\s*多?\s*")
#: (…the span capped or told as the usual one, 期限最长不超过一年, 整改时间不得超过20个工作日, 办理时限一般为15个工作日;
#: 期限超过一年的 names a group, 期限已超过 a lapse: r59b)
_CAP = r"(?:(?:最长|最多|一般|原则上)\s*(?:为|是)?\s*)?(?:(?:不得|不应|不能|不宜|不)\s*(?:超过|超出|多于|长于)\s*)?"
#: (…hours too, counted from the report or the call: 接到举报后2小时内到达, 24小时内办结: r57b)
RELATIVE = re.compile(rf"(?:(?:\d+|[{_CN_SMALL}百]+|半)\s*(?:个)?|(?<=[在于])\s*个)\s*(?:工作日|自然日|日|天|个?月|周|小时)\s*[以之]?内"
                      rf"|{_SPAN}年\s*[以之]?内|用\s*{_SPAN}(?:年|个?月|周|天)\s*(?:左右|多)?\s*(?:的)?\s*时间"
                      # (…or the span a limit sets, 限期3个月完成整改, 限期十五日, or a time-limit label's span: 办结时限:15个工作日;
                      # a window's or a handling time's too: 公示时间为10天, 公示期5个工作日, 受理期限:7日)
                      rf"|(?:限期|(?:{_WINDOW_NOUN}(?:时间|期|周期)|{LIMIT_NOUN})\s*(?:为|是)?\s*[:：]?)\s*{_CAP}{_SPAN}"
                      r"(?:工作日|自然日|日|天|个?月|周|年)(?!\s*(?:已满|期满|届满|已过|已结束))"
                      # …or a procedure's step with its handling time in brackets after its name (审查(9个工作日), 受理
                      # (1个工作日); a check's, 检查(3天), or a stay's is none: set 53)
                      rf"|(?:受理|审查|审核|审批|审定|核准|办理|办结|答复|决定|发证|验收|公示|公告)\s*[（(]\s*{_SPAN}"
                      r"(?:工作日|自然日|日|天|个?月)\s*[)）]"
                      # …or a window's verb and its length, the notice's own (现予公示5个工作日, 予以公告十日: set 51)
                      rf"|(?:予以|现予|现将|特予)\s*(?:公示|公告)\s*(?:为期)?\s*{_SPAN}(?:工作日|自然日|日|天|周)(?!\s*[以之]?[后後])"
                      # …or a plan stage's span stated with 为期 closing its clause (第二阶段为集中整治阶段,为期三个月: set 45; a
                      # check's stage, 下沉督察阶段,为期10天, and a campaign's or a check's length, 开展为期2天的集中整治, are none:
                      # sets 26, 27 and 38)
                      rf"|(?<!督察|督查|检查|巡视|巡察|进驻)阶段[^。;；]{{0,16}}?为期\s*{_SPAN}(?:工作日|自然日|日|天|个?月|周|年)\s*(?:左右)?"
                      r"(?=\s*(?:[，,。;；]|$))"
                      # …or a span of effort aimed at (提出经过3年努力, 力争通过两年攻坚; 经过3年治理,水质好转 tells the past)
                      rf"|(?:提出|力争|争取|务必|计划|确保|目标是?|要|将|拟|希望)[^，,。;；]{{0,6}}?(?:经过|通过|用)\s*{_SPAN}"
                      r"(?:年|个?月|周)\s*(?:左右|多)?\s*(?:的)?\s*(?:时间)?\s*(?:的)?\s*(?:努力|奋斗|攻坚|治理|整治)"
                      # (…or its time alone, 经过 / 通过 it: 力争通过两年时间,使…)
                      rf"|(?:提出|力争|争取|务必|计划|确保|目标是?|要|将|拟|希望)[^，,。;；]{{0,6}}?(?:经过|通过)\s*{_SPAN}"
                      r"(?:年|个?月|周)\s*(?:左右|多)?\s*(?:的)?\s*时间"
                      # …or a plan's span to finish in, right before the completion (计劃三年完成…改造, 计划用两年全面完成: set 49;
                      # 近三年完成 tells the past)
                      rf"|(?:计划|力争|争取|拟|预计)\s*(?:用|利用)?\s*{_SPAN}(?:年|个?月|周|天)\s*(?:左右|时间)?\s*(?:内)?\s*"
                      r"(?:全面|全部|基本)?完成(?![了过])"
                      # …or counted back from the end of a term or the start of works, a day the text does not give
                      # (有效期届满60日前, 期满前30日, 开工之日15个工作日前: set 50, as a span after an event, set 44)
                      rf"|(?:届满|期满|到期|终止|失效|开工|投产|生效)(?:之日|日)?\s*(?:前\s*{_SPAN}(?:工作日|日|天|个?月)"
                      rf"|{_SPAN}(?:工作日|日|天|个?月)\s*[以之]?前)"
                      # …or the day of or after an undated event, a duty set on it (应在收到…的次日…回访, 接到举报的当天赶赴
                      # 现场: set 60's ✱, as a span from an undated event; 已收到…的当天, …进行了核查 narrate: r60b)
                      rf"|{_EVENT_DAY}"
                      # …or counted on from an event's day, with no 内 (公示发布日起往后10个工作日, 自收到之日起15日)
                      rf"|(?:[日天]|(?:自|从)[^，,。;；\d]{{1,16}}?)\s*起\s*(?:往后|向后|之后|以后|后)?\s*(?:计算|计)?\s*{_SPAN}"
                      # (…not a day after the span, 自预告日起3日后公布: when something starts, no limit: set 52)
                      r"(?:工作日|自然日|日|天|个?月|周)(?!\s*[以之]?[后後])")

#: a span whose start the text dates (自3月5日起,至4月15日前,利用1个多月的时间…; 从2021年6月1日开始,用3个月时间):
#: the span of a dated period, counted from no undated event, so no relative limit
#: (…or a day opening its sentence with 起, 2月20日起,…: set 46)
DATED_START = re.compile(r"(?:自|从|于)\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号])?\s*(?:起|开始)"
                         r"|(?:^|(?<=[。;；]))\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*起")
#: a news lead: a day or a span of days opening its sentence, then a comma (4月14日至15日,…持续开展打击非法采砂行动): what
#: went on then, no kept-up duty set (set 39; a span counted after it, …,要求15日内办结, is still one)
#: (in any numerals, after a list item's number: 1.四月十四日至十五日,)
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
NEWS_LEAD = re.compile(r"(?:^|(?<=[。;；]))\s*(?:\d{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}、|[（(]\s*\d{1,2}\s*[)）])?\s*"
                       rf"(?:(?:(?:19|20)\d{{2}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*)?{_NUM}\s*月\s*{_NUM}\s*[日号]"
                       rf"(?:\s*[-—–~～至到]\s*(?:{_NUM}\s*月\s*)?{_NUM}\s*[日号])?\s*[，,]")
#: a span used for a check, the clause's act (利用半个月的时间对…开展专项督查, 用一周时间进行检查): how long the check took,
#: no limit set for the work (set 43; 用三个月时间开展专项整治 is the work's, 用三年时间完成…督察 a round's to finish)
_HOLD = r"(?:开展|进行|组织|实施)"  # holding a check or a visit
_HELD_TO_CLAUSE_END = r"(?:工作)?\s*(?:[，,。;；]|$)"
CHECK_SPAN = re.compile(rf"(?:(?!完成|结束)[^，,。;；]){{0,60}}?{_HOLD}[^，,。;；]{{0,16}}?"
                        rf"(?:督查|检查|督察|巡察|核查|暗访|调研|走访|督导){_HELD_TO_CLAUSE_END}")
#: a span within which a return check is held (计划在7个工作日内开展“回头看”, 10日内组织复查): when the visit comes, no limit
#: set for the work (set 44, as set 38's visits; 30个工作日内完成整改 is the work's)
REVISIT = re.compile(rf"\s*{_HOLD}[^，,。;；]{{0,8}}?[“\"「]?(?:回头看|复查|回访)[”\"」]?{_HELD_TO_CLAUSE_END}")


#: a span's act reported with the approximate amount it reached (利用两天的时间推平…场地一万余平方米, 用三天时间清运垃圾
#: 200多吨), no aim before the span in its sentence: how long a past act took, no limit (set 45's past act, set 44's rule)
_REACHED = re.compile(r"[^。;；]{0,40}?(?:\d+|[一二两三四五六七八九十百千万]+)\s*(?:余|多)\s*(?:万|亿)?\s*"
                      r"(?:平方米|立方米|吨|亩|米|公里|处|个|车|台|辆|家|户|条|座|方|人)")


#: a span after 已 (已实现 / 已做到 / 已在) and before the completion it took (3个项目已实现1个月内完成, 均已在7日内办结): how long
#: past work took, no limit (set 56's ✱; 已要求…内完成 is a demand, not matched: r56a)
_PAST_SPAN_BEFORE = re.compile(r"(?:已(?:经)?|均已|都已|全部已)(?:实现|做到)?了?\s*在?\s*$")
_PAST_SPAN_DONE = re.compile(r"\s*(?:内|以内|之内)?\s*(?:全部|均)?(?:完成|办结|完工|竣工|整改到位|解决|办理完毕|答复|反馈)")


def _past_span(raw: str, span: re.Match[str]) -> bool:
    return bool(_PAST_SPAN_BEFORE.search(raw[max(0, span.start() - 8):span.start()])
                and _PAST_SPAN_DONE.match(raw, span.end()))


def _reached(raw: str, span: re.Match[str]) -> bool:
    sentence = clause_start(raw, span.start(), STOP_ENDS)
    return bool(_REACHED.match(raw, span.end())) and not AIMED.search(raw, sentence, span.start())


#: a cadence by the day with its times of day (每天早晚, 每日早中晚, 每天上午和下午): a kept-up cue after it in its clause
#: (每天早晚不间断巡逻) is kept up within each of those times, the cadence the limit (set 61's convention; 每天24小时不间断
#: is round the clock, ongoing: r61b)
_TIMED_CADENCE = re.compile(r"每(?:天|日|晚)\s*(?:的)?\s*(?:早晚|早中晚|早、中、晚|早上和晚上|早晨和傍晚|上午和下午|上下午|白天和夜间"
                            r"|早晨|傍晚|夜间|晚上|上午|下午|早上|清晨)")


def kept_up(raw: str) -> re.Match[str] | None:
    """The kept-up cue (``ONGOING``) that sets the work's limit: the work made routine as an aim (``ROUTINE_AIM``) is
    none, nor a practice kept beside an at-once fix (``KEPT_BESIDE``, when ``IMMEDIATE`` finds one), nor work kept up
    since a day the text states (``DATED_START``) with no aim between: what has gone on since, narrated (set 46)."""
    def blank(m: re.Match[str]) -> str:
        return "　" * len(m.group(0))
    raw = ROUTINE_AIM.sub(blank, raw)
    if IMMEDIATE.search(raw):
        raw = KEPT_BESIDE.sub(blank, raw)
    found = ONGOING.search(raw)
    if found:
        sentence = clause_start(raw, found.start(), STOP_ENDS)
        start = DATED_START.search(raw, sentence, found.start()) or NEWS_LEAD.match(raw, sentence)
        if start and not AIMED.search(raw, start.end(), found.start()):
            return None  # 2月20日起,督导组…持续开展督导检查: kept up since a stated day, no duty set (or a news lead's)
        if _TIMED_CADENCE.search(raw, sentence, found.start()) and RECURRING.search(raw):
            return None  # 每天早晚不间断巡逻: kept up within the times a daily cadence sets (r61b)
    return found


#: a demand denied or waived before the time in its clause (并未要求…须于3年内拆除, 不要求…在年底前完成, 无需限期…): no
#: limit is set (set 52)
_DENIED = re.compile(r"(?:并?未|并?没有|并非|不再?|无需|无须|不必)\s*(?:要求|责令|规定|限令|限期|强制)")
#: a definition (…是指 / 系指 …者): a span or a time inside it names what the defined cases are, no limit for a work (指…
#: 处理后于二个月内再次陈情…者: set 52; 指出 / 指导 / 指定 are other verbs)
_DEFINES = re.compile(r"(?:是|系)?指(?![出导示定挥标引南令派向明望])")
_DEFINED_END = re.compile(r"[^。;；]*?者\s*(?:[，,。;；:：]|$)")


def limit_waived(raw: str, start: int, end: int) -> bool:
    """Whether the time at ``raw[start:end]`` sits where no limit is set: after a demand denied in its clause
    (``_DENIED``), or inside a definition closed by 者 (``_DEFINES``)."""
    sentence = clause_start(raw, start, STOP_ENDS)
    return bool(_DENIED.search(raw, clause_start(raw, start), start)
                or _DEFINES.search(raw, sentence, start) and _DEFINED_END.match(raw, end))


#: a span looked back over (近30日内, 过去24小时内, 最近3个月内): a time already passed, what happened in it, no limit (r57b)
_LOOK_BACK = re.compile(r"(?:近|过去|最近|以往)\s*$")


def span_sets_no_limit(raw: str, span: re.Match[str]) -> bool:
    """Whether the relative span ``span`` (``RELATIVE``) sets no limit for the work: it runs from a day the text states
    (``DATED_START``), its demand is denied or it is inside a definition (``limit_waived``), or it is the time a check took (``CHECK_SPAN``) or within which a return visit is held
    (``REVISIT``), a span looked back over (``_LOOK_BACK``), or a past act's with the amount it reached or the completion it took after 已 (``_past_span``)."""
    return bool(DATED_START.search(raw, 0, span.start()) or limit_waived(raw, span.start(), span.end())
                or _LOOK_BACK.search(raw, max(0, span.start() - 3), span.start())
                or span.group(0).lstrip().startswith("用") and CHECK_SPAN.match(raw, span.end())
                or REVISIT.match(raw, span.end()) or _reached(raw, span) or _past_span(raw, span))
