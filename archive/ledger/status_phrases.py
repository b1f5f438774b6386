"""The status phrases by class (``archive.ledger.status`` takes the one that starts first in a wording as its head and
decides whether it is stated there), built from the word classes of ``archive.ledger.status_words``."""
from __future__ import annotations

import re

from archive.ledger.limit_words import AIM_VERB
from archive.ledger.past_times import PLAIN_TIME
from archive.ledger.status_behind import BEHIND, LATE_DONE_TAIL
from archive.ledger.status_words import ACTION as _ACTION
from archive.ledger.status_words import ADVERB as _ADVERB
from archive.ledger.status_words import COUNT as _COUNT
from archive.ledger.status_words import HAN as _HAN
from archive.ledger.status_words import HANDOVER as _HANDOVER
from archive.ledger.status_words import MANNER_ADV as _MANNER_ADV
from archive.ledger.status_words import NOT_STATED as _NOT_STATED
from archive.ledger.status_words import PERFECTIVE_WORK as _PERFECTIVE_WORK
from archive.ledger.status_words import PROGRESS_GRADE, TASK_MET, WORKS_SHARE, WORKS_SHARE_BEFORE
from archive.ledger.status_words import PROGRESSIVE as _PROGRESSIVE
from archive.ledger.status_words import RESTORED as _RESTORED
from archive.ledger.status_words import RESULT as _RESULT
from archive.ledger.status_words import STAGE as _STAGE
from archive.ledger.status_words import TALLY_VERB as _TALLY_VERB
from archive.ledger.status_words import TERMINAL as _TERMINAL
from archive.ledger.status_words import UNAIMED as _UNAIMED
from archive.ledger.status_words import WORK as _WORK

#: verbs of reaching a requirement after 已 (达到, 到达, 符合, 满足: 已到达整改考核要求, 已符合验收销号条件; without
#: 已, 符合整改要求的 names a group)
_REACH = r"(?:达到|到达|符合|满足)"
#: a count or a measured amount done (237处, 1740米, 5.26万亩; money, 产值1175亿元, is an output, no work)
#: a name in quotes of any form (“水清岸绿”, "长制久清", 「…」)
_QUOTED = r"[“\"「][^”\"」]{1,30}[”\"」]"
#: (…an approximate count, 600多栋, 300余处, and the classifiers of buildings: 栋, 幢, 间)
_AMOUNT = (rf"(?:{_COUNT}|\d+\s*(?:多|余)\s*(?:个|项|件|处|条|宗|家|座|户)|[\d.]+\s*(?:多|余)?\s*(?:万|亿)?\s*(?:栋|幢|间|米|公里|千米|km|平方公里|亩|公顷|平方米|立方米|蒸吨|吨|千瓦|兆瓦|千伏安|段|台|辆|艘|座|户|套|根|口|个)"
           r"(?![\u4e00-\u9fff]{0,2}?(?:以上|以下)?的))")
#: (a count of one after a bare verb is a working rule's, 发现一处、清理一处、销号一处, no tally)
_NOT_ONE = r"(?!一\s*(?:个|项|件|处|条|宗|家|座|户))"
#: 继续 not negated nor stopped (不再继续, 无需继续, 停止继续 are none)
_CONTINUED = r"(?<![不未没])(?<!不再|无需|无须|不必|停止)继续"
#: a duty of oversight after 继续, its manner or a survey maybe between (继续深入摸底排查, 继续跟踪监测): an action that is
#: not the work itself (继续推进整改 is the work pushed on)
_OVERSIGHT = (r"(?:深入|全面|扎实|认真)?(?:摸底)?(?!推进|推动|整改|办理|处理|实施|落实|解决|验收|施工|建设|改造|修复|治理)"
              rf"{_ACTION}")
#: the words between a counted subject and its completion (60家加油站完成了…): no aim, limit, negation, 的 or 基本, nor
#: 已, whose forms read the completion with their own head (1991个已完成了整治, 三个厂已完成了主体工程建设)
_SUBJECT_GAP = (r"(?:(?!将|拟|要|应|需|须|确保|力争|争取|计划|预计|于|前|内|底|未|没|不|的|基本|已)[^，,；;。\d]){0,12}?")
#: a character of a clause, or a comma before a short list item (乱占,乱采,乱堆等; 巡视,巡查力度): a list split by commas
_LIST_GAP = r"(?:[^，,；;。]|[，,](?=[^，,；;。]{1,5}?(?:[，,]|等|力度)))"
#: a state kept, not a work (长期保持达到国家考核标准, 长期保持稳定, 长期保持在Ⅲ类: a water's or an air's quality; r56a)
_KEPT_STATE = r"保持(?:达到|在|稳定|良好|优良|于|为)"
#: 基本 (基本上) for the most part, a quantifier and 已 after it in its scope (已基本完成, 基本全部完成, 基本都已整改到位)
_MOSTLY = r"(?:已(?:经)?)?基本(?:上)?(?:全部|全都|都|均)?(?:已(?:经)?)?"

#: a table row's last cell: a terminal act or a verb of the work closed by 到位 / 完毕 alone on its line, the row's
#: other cells before it (1\n 某球场\n 某镇某村\n 取缔到位): done (a lone line, with no row before it, is a heading; under
#: a target's or a requirement's label, 整改目标\n 拆除到位, it is sought)
LAST_CELL = re.compile(rf"\S(?<!目标|要求|时限|措施|标准|任务)\s*\n\s*(?P<cell>(?:{_TERMINAL}|{_WORK})(?:到位|完毕))\s*$")

#: status phrases by class; the phrase that starts first in the wording is its head verb and decides
#: ("已经完成,长期坚持" → done; "未完成" → behind, not done; "已基本完成" → mostly_done)
CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("behind", BEHIND),
    # 基本 / 大部分 before a completion verb; the main works finished (主体工程已完工) while the rest is not
    # …or before a verb that ends a thing (基本消除黑臭, 已基本拆除, 基本关停到位)
    # (基本 scopes over a quantifier and 已 after it: 基本都已整改到位, 基本均得到了有效解决; set 43)
    # (…or a system set up for the most part, 组织体系基本建立: set 51)
    ("mostly_done", re.compile(rf"{_MOSTLY}(?:整改)?(?:完成|完工|完毕|竣工|建成|建立|办结|到位|整改|落实|解决|销号"
                               r"|消除|清除|拆除|关停|取缔|清理|清运|消灭|退出|腾退|搬迁)"
                               # …or a short verb closed by a result complement (基本清拆完毕, 已基本清理干净, 基本关停到位)
                               rf"|{_MOSTLY}[\u4e00-\u9fff]{{1,3}}?(?:完毕|干净|到位)"
                               # …or solved in the passive (基本得到解决, 基本都得到了有效解决)
                               rf"|{_MOSTLY}得到了?(?:全面|彻底|有效|妥善|根本性?|及时)?的?(?:解决|整改|处置|处理)"
                               # …or full coverage reached for the most part (基本实现全覆盖: r57a, as 基本完成)
                               rf"|{_MOSTLY}实现了?(?:全覆盖|全面覆盖)"
                               r"|主体(?:工程)?(?:已(?:经)?)?(?:完工|完成|建成)"
                               # …or a cleared site given back for the most part (基本恢复平整, 已基本复垦; 未 before or
                               # 后 / 的 after, a condition or an attribute, none: set 39)
                               rf"|(?<![未没不])(?:已(?:经)?)?基本(?:上)?(?:全部)?{_RESTORED}(?![^，,；;。]{{0,2}}?(?:后|的|前))"
                               # a requirement or target reached for the most part after 已 (已基本达到整改目标; 基本达到…后 /
                               # 的 is a condition or a name)
                               r"|已(?:经)?基本(?:上)?达到了?[^，,；;。]{0,8}?(?:整改|验收|销号|预期|既定)[^，,；;。]{0,2}?(?:目标|要求|标准|条件)"
                               r"(?![^，,；;。]{0,2}?(?:后|的|前|为止|方可|才))"
                               # the work said nearly over (专项整治接近尾声, 拆除工作已近尾声; 即将 / 预计 / 有望 … 接近尾声 and
                               # 尚未接近尾声 are none)
                               r"|(?<![将未没不])(?<!预计|有望|可望|力争|争取|确保|早日|尽快|尽早)(?:接近|临近|已近|步入)尾声"
                               # (大部分 + its noun: 大部分问题已整改到位)
                               # (…or 多数 / 大多数, a manner before the verb: 问题多数已经按进度完成整改; set 44)
                               r"|(?:大部分|(?<!少)(?<!半)多数)(?:问题|任务|项目|企业|工程|点位)?(?:均|都)?(?:已(?:经)?)?"
                               r"(?:按(?:照)?(?:进度|计划|要求|期|时))?(?:完成|整改|办结)"
                               # …or the object of the completion (已完成主体建设, 已完成了主体工程施工)
                               r"|(?:均|都)?已(?:经)?(?:全部|全面)?(?:完成|建成)了?主体"
                               r"|已(?:经)?完成(?:了)?大部分"
                               # done or mostly done stated together: the weaker state (已完成或基本完成274项)
                               # (…or solved or handled, a reply class's wording: 已经解决或基本解决的(A类); r56a)
                               r"|(?:均|都)?已(?:经)?(?:全部|全面)?(?:完成|办结|整改|销号|解决|处理|处置|落实|答复|办复)(?:整改)?"
                               r"(?:或者?|和|及|、|/)(?:已(?:经)?)?基本"
                               r"(?:上)?(?:完成|完工|完毕|竣工|建成|办结|到位|整改|销号|解决|处理|处置|落实|答复|办复)")),
    ("done", re.compile(rf"{TASK_MET}|已(?:经)?(?:全部|全面)?{_ADVERB}(?:整改)?(?:完成|办结|到位|办复|答复)|已整改|(?<![应需要须])完成整改"
                        # a completion reached late, after a delay and its span (拖延了2个月才完成; 将 / 不得 … none: r56a)
                        rf"|(?<![将要应需须不未没])(?<!不得|严禁|防止|避免)(?:延误|拖延|推迟|延期|逾期|超期){LATE_DONE_TAIL}"
                        r"|已(?:全部)?(?:整改|报备|验收)?销号|(?:整改|整治|治理)完成(?!率)|^完成(?!率)"
                        r"|(?<![未应需要须将])(?<!确保|力争|争取|要求)(?:整改|办理|处置)(?:完毕|到位)"
                        # counted things as the subject of an act that ends them, closed by 完毕 / 到位 at its clause's end
                        # (5个已认定别墅类项目拆除完毕; 将 / 要 / 确保 / 于…前 … between, or a limit, are none)
                        # (a part limited by 仅 / 只 / 才, 17个问题中仅有4个整改到位, is a part; 已 / 全部 / 均 before the verb
                        # is read by the 已 forms with their own head)
                        rf"|(?<![仅只才有\dxXＸ一二两三四五六七八九十百千]){_COUNT}(?:(?!将|拟|要|应|需|须|确保|力争|争取|计划|预计|于|前|内|底|责令|限期|未|没|不|仅|只|才)[^，,；;。]){{0,20}}?"
                        r"(?<!已)(?<!已经|全部)(?<!均)(?:拆除|关停|关闭|取缔|清理|清运|清退|搬迁|整治|整改)(?:完毕|到位)(?=$|[，,；;。])"
                        # the work brought up to standard after 已 (已经整改达标, 均已治理达标; 未 / 要 … is none)
                        r"|已(?:经)?(?:全部|均)?(?:整改|治理|整治)达标"
                        # a verb phrase ending in a result complement after 已 or a plain 全部: 全部反馈办结, 已打捞清理完毕,
                        # 全部销号, 均已按期答复完毕 (a hand-over verb is not the work: 已全部交办到位 is delivered, not done)
                        rf"|(?:已(?:经)?|(?<![未应需要须])(?<!确保|力争|争取)全部)(?:全部|全面)?{_ADVERB}"
                        rf"(?:(?!基本|{_HANDOVER}|确保|要求){_HAN}){{0,6}}?{_RESULT}"
                        # a completion verb before a verb that produces a document or a body (配合…完成编制《…报告》,
                        # 完成修订, 完成组建), as 完成整改; a condition, 完成编制后报批, is none
                        rf"|{_NOT_STATED}完成了?(?:编制|修订|制定|起草|编写|出台|印发|组建|建立|划定|设立|审定|核定)"
                        r"(?![^，,；;。]*?(?<![然最落滞背])后)"
                        # a manner adverb before the perfective completion (按时完成了…任务, 如期完成了拆除)
                        rf"|{_NOT_STATED}(?<![不没])(?<!如果|只要|一旦){_MANNER_ADV}完成了"
                        # 全面完成任务 / 圆满完成 stated, not aimed at (确保/力争…全面完成, 2020年底前全面完成)
                        r"|(?<![未应需要须将要前能否可若])(?<!确保|力争|争取|计划|预计|目标|有望|可望|如果|只要|一旦|假如|倘若)(?<!(?<![按照])要求)"
                        # (…or exceeded or on time, with its subject before it: 任务如期完成, 超额完成年度目标; a bare
                        # 按时完成 is a directive)
                        r"(?:全面|全部|圆满|顺利|(?<=[\u4e00-\u9fff)）])(?:超额|如期|按期|按时|提前))(?:完成|完工|建成)(?!率)"
                        # (…a target exceeded or met ahead of time in a clause after the subject's tally, 全年完成投资2亿元,
                        # 提前完成…的年度目标要求: set 48; a bare 按时完成 stays a directive)
                        r"|(?<=[，,])(?:超额|提前)完成(?=[^，,；;。]{0,20}?(?:目标|任务))"
                        # …or all passing a check (全部县区均顺利通过省级验收: set 48; a lone 顺利通过验收 is left as labelled)
                        rf"|(?<![未应需要须将要前没能])(?<!确保|力争|争取|计划|预计|目标)均(?:已)?{_MANNER_ADV}?"
                        r"通过[^，,；;。]{0,12}?(?:验收|评估|审核|核查|复核|考核)"
                        # (…顺利 before an ending act too: 于近日顺利“摘牌”, 顺利拆除 — a good end narrated; 顺利通过验收 is left as labelled, none)
                        rf"|(?<![应需要须将要前能否可若])(?<!确保|力争|争取|计划|预计|目标|有望|可望|如果|只要|一旦|保障|保证)顺利(?!实现|结束|通过){_TERMINAL}"
                        # …or all of a thing ended, stated (117项项目全部关停, 违建全部拆除; 全部实现进驻 is no work ended; 未 / 确保 / 才能 …
                        # 全部关停 is none)
                        rf"|(?<![未应需要须将要前没能])(?<!确保|力争|争取|计划|预计|目标)(?<!(?<![按照])要求)(?:全部|全面)(?:已)?(?!实现|结束|闭环){_TERMINAL}"
                        # a terminal verb after 已 (+ 全): 裸土已全覆盖, 已全部拆除, 已移出…名录
                        rf"|已(?:经)?(?:全部|全面|全线|全域|整体|全)?{_ADVERB}(?:{_HAN}{{1,4}}?并)?{_TERMINAL}"
                        # 已 + the disposal construction + the result (已将所有周边建筑垃圾清运完毕; 已将任务交办到位 is delivered)
                        # (…a manner adverb before it too, 已经切实把各项问题整改落实到位: set 44)
                        rf"|已(?:经)?(?:全部|均)?{_ADVERB}(?:将|把)(?:(?!{_HANDOVER})[^，,；;。]){{1,24}}?(?:完毕|干净|清零|办结"
                        r"|(?<!交办|移交|转办|下发|分解|部署)到位)"
                        # 已 + a long manner phrase closed by 要求 + the completion (均已按…方案确定的整改措施要求完成清理整改任务)
                        rf"|已(?:经)?(?:全部|均)?按照?[^，,；;。]{{1,40}}?要求(?:全部|全面)?(?:完成|{_TERMINAL})"
                        # 已 + a time limit met + the completion (均已在3月底前完成“两断三清”)
                        rf"|已(?:经)?(?:全部|均)?在[^，,；;。]{{1,12}}?(?:前|内)(?:全部|全面)?(?:完成|{_TERMINAL})"
                        # all of them carried out, a manner before it (均已按要求进行清理整治)
                        rf"|均已(?:按要求|按照要求|按规定|依法)?进行了?{_PERFECTIVE_WORK}"
                        # a perfective completion with its object (根据整改方案完成了治理任务; 未 / 要 … 完成了 is none)
                        rf"|{_NOT_STATED}(?<![不没能])(?<!如果|只要|一旦|是否)完成了(?=[^，,；;。]{{0,12}}?(?:任务|工作|整改|治理|整治|修复))"
                        # (…or the whole as its object, 完成了全部禁养, or all that was due, 完成了应关尽关 / 应拆尽拆: set 51)
                        r"|(?<![未没不能应需要须将])(?<!如果|只要|一旦|是否|确保|力争|争取|计划|预计)"
                        r"完成了(?:全部|所有|应(?P<due>[\u4e00-\u9fff])尽(?P=due))"
                        # …or after its counted subject, licensed by 已有 before the count or 了 after the verb (有169座加油站
                        # 完成了改造, 已有60家完成该改造; 60家企业完成改造 alone is a plan's or a target's; a count after the
                        # verb makes the one before it the total, 144个问题已完成了24个)
                        rf"|(?:已(?:经)?有{_COUNT}{_SUBJECT_GAP}(?:已(?:经)?)?完成(?!率)|(?<![\d.]){_COUNT}{_SUBJECT_GAP}完成了)(?!{_COUNT})"
                        # handled with a manner after 已 (已妥善处理, 已依法查处), or carried out, closing its clause (已按要求落实)
                        r"|已(?:经)?(?:全部|均)?(?:妥善|依法|及时)(?:处理|处置|查处|处罚|答复)"
                        r"|已(?:经)?(?:全部|全面|均)?(?:按要求|按照要求|按规定)?落实(?=$|[，,；;。])"
                        # the work done to standard after 已 (已规范填写危废标牌, 已规范设置贮存场所, 已规范化建设)
                        r"|已(?:经)?(?:全部|全面|均)?规范(?:化)?(?:填写|设置|张贴|建设|建立|贮存|储存|存放|处置|整理|悬挂|标识)"
                        # 已于 + its day + the completion (已于2020年6月底前完成整改); 于 + a past month or day, no limit
                        # after it, + the terminal act (工程于2020年9月竣工; 将 / 计划 / 预计于… are aims)
                        rf"|已于[^，,；;。]{{1,16}}?(?:{_RESULT}|{_TERMINAL})"
                        rf"|(?<![将拟已])(?<!计划|预计|争取|确保|力争|要求)于(?:(?:19|20)\d{{2}}年\d{{1,2}}月(?:\d{{1,2}}日)?"
                        # (…or a day of the page's year, narrated: 洗沙场冒雨于6月22日拆除完毕: set 39)
                        r"|\d{1,2}月\d{1,2}日(?:[上下]午)?(?:全部)?(?=[^，,；;。]{0,4}?(?:完毕|到位|完成)))"
                        rf"(?:{_TERMINAL}|完成整改|{_WORK}(?:完毕|到位))"
                        # (…or a finish day after the day the works started: 于7月28日开工,8月3日竣工; r55a)
                        rf"|(?<![将拟已])(?<!计划|预计|争取|确保|力争|要求)于{PLAIN_TIME}(?:正式)?(?:开工|动工)"
                        rf"[，,]{PLAIN_TIME}(?:全部|顺利)?(?:完工|竣工|建成)(?![^，,；;。]{{0,4}}?(?:前|以前|之前))"
                        # a task stated done by its act of delimiting (已划定生态红线; 已划定的… names a group: r55a)
                        r"|已(?:经)?(?:全部|全面|均)?划定(?![^，,；;。]{0,10}?的)"
                        # the tasks or works as the subject of a bare completion closing its clause (整改任务完成。; 待工程竣工, waiting for it, is none)
                        r"|(?<![应需要须将待])(?:任务|工程|项目)(?:均|都|全部|已经?)*(?:完成|完工|竣工)(?=$|[，,；;。])"
                        # counted works as the subject of their build completed and put to use, or of the year's task
                        # completed, closing the clause (68个项目建成投用, 360个重点项目完成年度投资任务; 将 / 确保 / 年底前 …
                        # between, or a target's 目标 after it, are none: set 41)
                        rf"|(?<![\d.]){_COUNT}(?:(?!将|拟|要|应|需|须|确保|力争|争取|计划|预计|于|前|内|底|未|没|不)[^，,；;。\d]){{1,14}}?"
                        r"(?:建成(?:并)?(?:投用|投运|投产|投入使用|投入运行|通水)|(?:全面|全部|如期|超额)?完成(?:年度|全年|当年)[^，,；;。]{0,6}?任务)(?=$|[，,；;。])"
                        # a year's task exceeded by a stated margin (超年度任务11天, 超全年目标任务2个百分点; 将超… is none)
                        r"|(?<![未没不将要])超(?:过|出)?(?:年度|全年)(?:目标)?任务[\d.]+\s*(?:个百分点|天|个|项|%|％)"
                        # a completion or closing verb with the count or amount it completed: 完成39项, 结案400件, 完成1646蒸吨
                        rf"|{_NOT_STATED}(?<![前内底])(?:完成|办结|完结|结案|办复)(?:整改)?(?:并{_HAN}{{1,6}}?)?{_AMOUNT}(?!的(?:目标|任务|指标))"
                        # …or with its object between (累计完成矿山生态修复976个, 完成管道安装1740米, 累计整改销号…问题197个;
                        # a target's count, 完成…237处的任务, 目标为完成…, 有望完成…, is none)
                        rf"|{_NOT_STATED}(?<![前内底为是:：])(?<!有望|可望|能够)(?:完成|办结|结案|办复|(?:整改)?销号)(?!率)(?:(?!的){_HAN}){{1,16}}?{_AMOUNT}(?![^，,；;。]{{0,2}}?(?:目标|任务|指标))"
                        # all within the set time (均在规定时间内办结, 均按期答复)
                        r"|(?<![应需要须])均(?:已)?(?:在规定(?:的)?(?:时间|时限|期限)内|按期|按时|如期)(?:完成|办结|答复|回复)"
                        # all handled, in the perfective (均按要求进行了调查处理, 均依法作了处理)
                        r"|(?:均|全部|都)(?:已)?[^，,；;。]{0,8}?(?:进行|作|做|予以)了(?:调查)?(?:处理|处置|整改|办理|答复)"
                        # as many cases handled as were received (收到…18件,已办理18件: 办理 alone is handling, not closing; the
                        # count equal to the one received says all were handled, as 办理率100% does; 已办理12件 of 18, an attribute
                        # (已办理18件的单位) are none)
                        r"|(?:收到|受理|接到|接收|转办|交办|转交)[^。；;]{0,24}?(?<![\d.])(?P<received>\d+)\s*件[^。；;\d]{0,16}?"
                        r"已(?:经)?(?:全部)?(?:办理|处理|处置)(?:完毕)?\s*(?P=received)\s*件(?!\s*的)"
                        # the requirement or standard of the rectification reached (已达到整改要求, 已达到验收销号标准)
                        rf"|已(?:经)?(?:全部)?{_ADVERB}{_REACH}了?[^，,；;。]{{0,8}}?(?:整改|验收|销号)(?:考核|验收)?(?:的)?(?:要求|标准|条件)"
                        # …or the effect or target expected of it (已达到预期效果, 已达到既定目标)
                        rf"|已(?:经)?(?:全部)?{_ADVERB}{_REACH}了?(?:预期|既定|设计|规定)的?(?:效果|目标|要求|标准)"
                        # …also without 已, after the measures it took (已落实整改措施,达到验收标准)
                        r"|(?<![未没有不])(?:达到|到达)了?[^，,；;。]{0,8}?(?:整改|验收|销号)(?:的)?(?:要求|标准|条件)"
                        # …or a named standard or target in quotes of any form (达到“水清岸绿”标准, 达到"长制久清"目标, 达到「…」标准)
                        rf"|(?<![未没有不])(?:达到|到达)了?{_QUOTED}的?(?:标准|目标|要求)(?![^，,；;。]{{0,2}}?(?:后|的|前|为止|方可|才))"
                        # …or the work as the subject reaching a requirement (整改达到督办要求, 治理已全部达到验收标准;
                        # a condition, 整改达到要求后销号 / 的, is none)
                        rf"|(?:整改|治理|整治|处置|修复)(?:工作|情况)?(?:已(?:经)?)?(?:全部|均|全面)?达到了?(?:{_QUOTED}|[^，,；;。]{{0,8}}?)"
                        r"(?:要求|标准|条件|目标)(?![^，,；;。]{0,2}?(?:后|的|前|为止|方可|才))"
                        # a passive result of counted things or of all (4839座电站得到全面整改, 12个问题均得到妥善处置,
                        # 问题已全部得到解决; 得不到 / 未得到 … is behind; an uncounted one, 一大批问题得到有效解决, is a
                        # general remark)
                        rf"|(?:{_COUNT}[^，,；;。未没]{{0,12}}?|(?:已(?:经)?|均|全部|都){{1,3}})(?<![未没不难])得到了?(?:全面|彻底|有效|妥善|根本性?|及时|依法)?的?"
                        r"(?:整改|治理|解决|处理|处置|清理|整治|修复)"
                        # the works finished, stated (污水管线建设完工, 工程竣工), all units completing it (17市均完成…目标)
                        rf"|{_NOT_STATED}(?:建设|施工|工程)(?:完工|竣工(?!(?:环境保护|环保)?验收))|(?<![应需要须])均(?:已)?(?:按期|按时|如期)?完成(?!率)"
                        # a verb of the work in the perfective, without 已 (对破损处进行了修复, 拆除了违建; 未 / 没有 negate it)
                        rf"|(?<![未没有])(?:进行|开展|实施)了(?:全面|彻底|集中|专项|永久|依法|强制)?{_PERFECTIVE_WORK}"
                        # (…or the works built, 建成了…公园: set 51, as 已建成)
                        rf"|(?<![未没有要将])(?<!正在)(?:{_PERFECTIVE_WORK}|建成|完工|竣工)了(?!解)"
                        # a counted result after its manner (有效解决62个, 妥善处置12件; 未 / 需 / 将 … is none)
                        rf"|(?<![未没不难应需要须将拟])(?:有效|妥善|依法|及时)(?:解决|处置|处理|查处)了?{_NOT_ONE}{_AMOUNT}"
                        # …or problems solved counted after their object, its list's items maybe split by commas, with or
                        # without help (助力解决…具体环保问题4000余个,
                        # 解决…问题、…问题2个: sets 29–39, 45, 53; 待 / 未 / 需 / 将 … before, a target's 目标 after, are none)
                        rf"|{_UNAIMED}(?<![未没不难待])(?:助力|帮助|推动|协调|协助)?解决了?(?:(?!未|没|不|尚|待)(?:[^，,；;。\d]|[，,](?=[^，,；;。\d]{{1,6}}[，,、等]))){{0,24}}?问题"
                        rf"{_NOT_ONE}{_AMOUNT}(?![^，,；;。]{{0,2}}?(?:目标|任务|指标|以上))"
                        # …or a verb of the work with its count straight after it (排查整治884项, 拆除了违建12处 is read
                        # above; 拟 / 计划 / 需 … before it, or a target's 以上, are none)
                        rf"|{_NOT_STATED}(?<![拟未没不难])(?<!排查)(?:排查整治|排查整改|整治|清理|清运|拆除|取缔|关停|查处)了?{_NOT_ONE}{_AMOUNT}"
                        r"(?![^，,；;。]{0,2}?(?:目标|任务|指标|以上))"
                        # 已 + verbs of the work closing the clause (现已清理修整, 已修复, 已依法查处)
                        rf"|已(?:经)?(?:全部|全面|均)?{_ADVERB}(?:{_PERFECTIVE_WORK}){{1,2}}(?=$|[，,；;。])"
                        # targets or tasks stated attained (管控目标顺利实现, 各项任务全面实现; 确保…实现 is aimed)
                        r"|(?:目标|指标)(?:任务)?(?:均|都|全部|已经?)*(?:全面|顺利|圆满|如期|按期)实现(?=$|[，,；;。])"
                        # a completion rate or a share completed, nothing said of the rest (总体完成率达到95%, 任务分别完成82.9%、
                        # 55%; set 33's 完成率为71%; a target's 以上, 计划 / 力争 … before it, are none)
                        # (…a rate passed or neared, 总体完成率超过97%, or a share of counted things ended, 2914个黑臭水体消除
                        # 比例达到98.2%: r56a)
                        rf"|{_UNAIMED}(?:(?:完成|办结|整改|销号)率|(?:完成|消除|整治|整改|销号)比例)(?:已)?(?:达到?|为|是|超过|超出|逾|接近)?(?:约|近)?"
                        r"\d{1,2}(?:\.\d+)?\s*[%％](?!\s*(?:以上|左右的?目标))"
                        rf"|{_UNAIMED}(?:分别|累计|共)?完成了?(?:约|近)?"
                        r"\d{1,2}(?:\.\d+)?\s*[%％](?!\s*(?:以上|的?目标))"
                        # …the plan's targets or full coverage reached (实现了…的目标任务, 已实现全覆盖; 确保实现… aimed: r57a)
                        r"|(?<![未没不])(?:实现了[^，,；;。]{0,24}?目标任务|(?:(?:已(?:经)?|均已|全部)实现了?|实现了)全(?:面)?覆盖)"
                        # a completion rate of 100 % (办结率达到100%)
                        r"|(?:完成|办结|整改|销号|办复|答复|回复|处理|办理|达成)率(?:已)?(?:达到?|为|是)?100(?:\.0+)?%"
                        # (…or of the work itself: 复垦率100%, 修复率达到100%; r55a)
                        rf"|{_UNAIMED}(?:复垦|修复|治理|清理|拆除)率(?:已)?(?:达到?|为|是)?100(?:\.0+)?\s*[%％](?!\s*(?:以上|的?目标))"
                        # …or the progress of the work or plan at 100 % (工程总体进度达到100%, 整体进度达成率达100%; 未达 is none)
                        r"|(?<![未没不])进度(?:达成率|完成率)?(?:已(?:经)?)?(?:达到?|为|是)?100(?:\.0+)?\s*[%％]"
                        # the close-out approved by those who checked it (同意通过验收销号, 准予销号; 申请销号 asks)
                        r"|(?<![不未后就才可])(?<!后[，,])(?:同意|准予|予以)(?:其|该问题)?(?:通过)?(?:验收|评估)?(?:并)?(?:销号|通过验收)"
                        # (…or the works' own completion acceptance agreed, 同意通过竣工验收 of a reclamation: r55a; an
                        # environmental acceptance of a project, 竣工环保验收, is a permit's step: project_verdict)
                        r"|(?<![不未后就才可])(?<!后[，,])同意(?:该项目|项目|其)?通过(?:竣工|复垦|竣工复垦)验收(?!\s*(?:条件|的))"
                        # a dated sentence's subject passing its check or ending the thing (2020年8月,项目通过竣工环保验收;
                        # 2019年12月,完成全部还林工作 is a plan's: no subject)
                        rf"|(?:^|(?<=[。；;]))(?:19|20)\d{{2}}年\d{{1,2}}月(?:\d{{1,2}}日)?(?:底|份)?[，,]"
                        rf"(?!完成|全面|全部)(?:(?!要|应|须|需|将|拟|确保|力争|计划|争取)[\u4e00-\u9fff]){{1,12}}?(?:{_TERMINAL})"
                        # …or judged passed under an acceptance verdict's label (验收结论:合格, 核查意见:通过)
                        r"|(?:验收|核查|复核|评估)(?:结论|意见|结果)[:：](?:合格|通过|达标|同意销号)"
                        # a terminal act in the passive after 已, its agent or manner between (均已被地方政府取缔, 已被拆除一空,
                        # 已被依法关停; an order, 已被责令拆除 / 已被要求关停 / 已被列入…, is no act done)
                        rf"|已(?:经)?(?:全部|均)?被(?:(?!责令|要求|通知|列入|纳入|限期|建议)[^，,；;。]){{0,10}}?(?:{_TERMINAL})"
                        # …or counted things as its subject (131个球场被取缔; 将有5家被关停, 3家被责令关停 are none)
                        rf"|(?<![将拟])(?<!预计|计划|可能){_COUNT}(?:(?!将|拟|要|应|需|须|责令|要求|限期|可能|预计|计划)[^，,；;。]){{0,12}}?"
                        rf"(?<![未没不])被(?:依法|全部|彻底|强制)?(?:{_TERMINAL})"
                        # 已 + 对 + its object + 进行 + a manner + the act (已对上述球场进行坚决取缔; 已对…进行排查 is no act done)
                        rf"|已(?:经)?(?:全部|均)?对[^，,；;。]{{1,20}}?(?:进行|予以|作出)了?(?:坚决|全面|彻底|依法|集中|强制|严肃)?"
                        rf"(?:{_PERFECTIVE_WORK})"
                        # …or a demolition narrated: 对 + its object + 进行 / 实施 / 予以 + (强制) 拆除, not aimed at (对…违章建筑进行
                        # 强制拆除; 要 / 将 / 责令 / 未 … before it, 对…进行拆除的 naming the act, are none)
                        r"|(?<![要应需须将拟令求未没不])(?<!没有|未能|不能)对[^，,；;。]{1,30}?(?<![要应需须将拟])(?:进行|实施|予以)了?(?:依法|强制|集中)?拆除(?!的|工作|行动|方案|计划)"
                        # …or 已 + 对 + its object + the work closed by its result (已对该处垃圾清理完毕, 已对…整改到位)
                        rf"|已(?:经)?(?:全部|均)?对[^，,；;。]{{1,20}}?(?:全部|彻底)?{_WORK}{_RESULT}"
                        # a verb of ending things, its object before the count, under a cut-off's or a tally's licence
                        # (依法取缔散乱污企业36家, 累计关停…企业12家; 计划 / 要 / 年底前 … before it are none)
                        # (…or any verb of the work done, 累计清运…垃圾100余吨, 累计平整场地1000余平方米: set 43)
                        rf"|(?<![前内底]){_UNAIMED}(?:累计|依法|共)"
                        rf"{_TALLY_VERB}(?:(?!的)[\u4e00-\u9fff“”\"]){{1,14}}?{_AMOUNT}"
                        r"(?![^，,；;。]{0,2}?(?:目标|任务|指标|以上))"
                        # …or with none, narrated: the verb, its object and the count (取缔各类码头1098个, 4月10日,拆除违建
                        # 厂房12处); whether a past licenses it and nothing blocks it is ``status_tallies.narrated``
                        rf"|(?P<tally>(?<![前内底共])(?<!累计|依法|排查){_UNAIMED}(?<![拟未没不难]){_TALLY_VERB}{{1,2}}了?"
                        r"(?:(?!的|涉及|包括|其中|约|共|有|不|未|没|已|正|计划|任务|目标|达|按|序时|进度)[\u4e00-\u9fff“”\"]){1,14}?"
                        # (…the count closing its clause, or a second measure after it: 174条段253公里; 48个已… is a subject)
                        rf"{_AMOUNT}(?:{_HAN}{{0,2}}[\d.]+\s*(?:万)?\s*{_HAN}{{1,3}})?(?=$|[，,；;。、（(]))"
                        # the works' result put to use, reported (便民市场正式启用, 新厂正式投运; 将 / 计划 … are aims)
                        r"|(?<![将拟于])(?<!计划|预计|争取|确保|力争)正式(?:启用|投用|投运|投入使用|投入运行|运营|开放|开园|通水)"
                        r"(?![^，,；;。]{0,2}?(?:后|前|的|以来|仪式))"
                        # a check's finding that the work meets the standard (确认现场处理情况符合有关标准要求; 需确认 / 待确认 /
                        # 确认是否符合 / 确认不符合 are none)
                        r"|(?<![需要应须待请])(?<!是否|有待)(?<!进一步)确认(?:(?!是否|不|未)[^，,；;。]){0,16}?符合"
                        r"(?:(?!是否|不|未)[^，,；;。]){0,8}?(?:标准|要求|规定)"
                        # a yes-no cell of completion answered yes (是否完成:是, 是否整改到位:是)
                        r"|是否[^，,；;。:：]{0,6}?(?:完成|到位|办结|销号)[:：]是(?=$|[，,；;。\s])"
                        r"(?![^，,；;。]{0,2}?(?:后|的|前|方可|才))")),
    # (a pace negated, 未按时间节点 / 没按计划, is none)
    # (the pace compared below, 低于序时进度 / 达不到时序要求, is behind: see the behind class)
    # (…the pace or its requirement reached, 达到计划进度 / 达到进度要求, 到达 as a spun copy writes it: on track)
    ("on_track", re.compile(r"(?<!低于)(?<!落后于)(?<!慢于)(?<!滞后于)(?<!达不到)(?<!跟不上)(?<!不符合)(?:序时|时序)|(?<![未没不])按(?:照)?(?:计划|时间节点|节点|进度安排)(?!抓好|做好|抓紧|落实好|办好|完成|应|需|须|要(?!求))|按(?:照)?进度推进|推进中(?![央国心])|有序推进|按期推进|稳步推进|(?<![未没不])(?:达到|到达)(?:或超过)?(?:(?:目标|计划)进度|进度要求)"
                            # …or ahead of the plan's target or pace (超出计划目标19个百分点, 快于序时进度)
                            r"|(?<![未没不])(?:超出|超过|高于|快于)了?(?:计划|序时|时序|年度)(?:目标|进度)"
                            # (…the pace written out as the time's share, 超过时间进度13个百分点, 快于时间进度; r57a)
                            r"|(?<![未没不])(?:超出|超过|高于|快于|达到)了?时间进度"
                            # …or the progress judged as expected or better (进展总体符合预期, 超过预期进度), and half the
                            # tasks done at half the time (实现了“时间过半、任务过半”; r56a; 不符合 / 未实现 / 确保 … are none)
                            r"|(?<![未没不])(?:进展|进度)(?:情况)?(?:总体|整体|基本|均|都)?(?:上)?(?:符合|好于|快于|超过|超出)了?(?:预期|计划)"
                            r"|(?<![未没不])(?:超过|超出|达到|快于)了?预期进度"
                            r"|(?:(?<![未没不])(?<!未能|没能|不能)(?<!确保|力争|争取|努力)实现了?[“\"「]?"
                            r"|(?<!实现)(?<!实现了)(?<!实现[“\"「])(?<!实现了[“\"「]))时间过半[、，,]\s*任务过半"
                            # work sped up or pushed on, reported with a subject or a connective before it (并加快推进…;
                            # a directive opens its clause: 加快推进…整改, and a modal makes a plan: 还要扎实推进)
                            r"|(?<=[\u4e00-\u9fff])(?<![要将应需须])(?:加快|加紧|积极|全力|扎实)推进"
                            # …or counted: the items being pushed on are a report whatever opens it (加快推进整改6项,
                            # 加快推进24项整改任务落实; 要加快推进6项 is a plan)
                            rf"|(?<![要将应需须])(?<!{AIM_VERB}|必须)(?:加快|加紧|积极|全力|扎实)推进(?:整改|落实)?{_COUNT}"
                            # cases closed for a stage, still followed up (阶段性办结2件; 已阶段性办结 alone says no more)
                            # …or having entered a stage of the works (已进入实质性治理阶段, 全面进入施工期; 未进入 is none)
                            # (…or in a stage of the project's works, 进入设备安装阶段, 处于试运行阶段)
                            rf"|(?<![未没将要])(?:进入|处于)[^，,；;。]{{0,8}}?(?:施工|治理|整治|实施|建设|整改|收尾|扫尾|{_STAGE})(?:阶段|期)"
                            # (…or the work's push at its hardest, 已进入集中攻坚区 / 攻坚阶段; 将进入, 即将进入 are none)
                            r"|(?<![未没将要])(?<!即将|准备|计划)进入(?:集中|全面|决战|最后)?攻坚(?:区|阶段|期|战)"
                            # …or more than half of the works done (土建任务完成过半; 力争 / 确保 …完成过半 are aims)
                            r"|(?<![未没应需要须将前内底年])(?<!确保|力争|争取|计划|预计|目标)完成(?:了)?(?:总量|任务|工程量|进度)?的?过半"
                            # (…the works of named parts entered, closing the clause: 进入2号坝体、管理区等工程施工建设)
                            r"|(?<![未没将要])进入[^，,；;。]{1,24}?(?:工程)?施工(?:建设)?(?=$|[，,；;。])"
                            # …or a stage's tasks reached or a first completion (基本实现了阶段任务, 完成阶段性整改任务, 初步完成: r62a)
                            r"|(?<![未没不])(?:实现|达到|完成)了?(?:既定的?)?阶段性?(?:整改)?(?:任务|目标)(?!的|后)|(?<![未没不])初步(?:完成|办结)"
                            r"|(?<!已)阶段性?(?:办结|结案)|(?<![分各每])阶段性?(?:整改)?完成(?!了?[^，,；;。]{0,4}?(?:目标|任务)的?$)"
                            # work under way with first results, no tally (办理工作已经全面展开,并取得了初步成效: S7)
                            r"|(?:已(?:经)?)?全面(?:展开|铺开)[，,]?并?取得了?(?:初步|阶段性|积极)的?(?:成效|成果)"
                            # …or the work unfolding step by step or in order, closing its clause (覆绿工作也逐步展开,
                            # 拆除工作有序铺开, 整治有序开展: r54, r62s); a modal or an aim before it (将逐步展开, 要有序展开) plans it
                            r"|(?<=[\u4e00-\u9fff])(?<![将要应需须拟])(?:也|已|正|均|都)?(?:逐步|有序|陆续|稳步)(?:展开|铺开|开展)(?=$|[，,；;。])"
                            # the work in hand, closing its clause (整改中, 施工中)
                            r"|(?:整改|办理|处理|实施|建设|施工)中(?=$|[，,；;。、)）])"
                            # all the works begun (20项工程全部开工, 均已开工建设: set 48; a lone 已开工建设 is the history
                            # before a state, none; 未开工 is behind)
                            r"|(?<![未没不将要拟])(?:全部|均|全面)(?:已(?:经)?)?(?:开工|动工)(?!率|的|时间|日期)"
                            # progress judged smooth: 总体进展顺利, 进度正常
                            r"|(?:进展|进度|推进)(?:总体|整体|较为|比较|十分)?(?:顺利|良好|正常|平稳|有序)"
                            # …or a share of the whole works or investment done now (目前完成总工程量的70%; 仅完成… is a part)
                            rf"|(?<!仅)(?<!只)完成了?{WORKS_SHARE}|(?<!仅)(?<!只){WORKS_SHARE_BEFORE}"
                            # …or the works built to a share below 100 % (完工60%, 完工率达到45%: r57a)
                            r"|(?<!仅)(?<!只)(?<![未没不])完工(?:率)?(?:已)?(?:达到?|为)?(?:约|近)?(?<!\d)\d{1,2}(?:\.\d+)?\s*[%％]"
                            # …or the work going on in a judged manner (均正常推进, 顺利实施, 平稳有序开展), progress made
                            # (均取得明显进展, 取得阶段性进展; 未取得 / 无 … 进展 is behind)
                            r"|(?:正常|顺利|平稳|如期)(?:有序)?(?:推进|实施|开展|进行|施工|建设)"
                            # (…by the tasks or problems themselves: 生态环境保护取得积极进展 is a general remark)
                            # (…or a stage's results by the work: 整治工作已取得阶段性成效)
                            r"|(?:问题|任务|项目|工程|整改|整治|治理)(?:工作)?(?:均|都|也)?(?:已(?:经)?)?取得了?阶段性的?(?:成效|成果)"
                            r"|(?:(?:问题|任务|项目|工程|事项|案件|整改)(?:工作)?(?:均|都|也)?|均|^)(?:已(?:经)?)?取得了?"
                            rf"(?:{PROGRESS_GRADE}|一定|新的?)的?进展"
                            # (…or by the handling of the cases, 已 required: …信访件办理已取得明显进展: set 51)
                            r"|(?:办理|处理|处置|查处|整治|治理)(?:工作)?(?:均|都|也)?已(?:经)?取得了?"
                            rf"(?:{PROGRESS_GRADE}|一定|新的?)的?进展"
                            # …or by a campaign since its plan or its start (《…方案》实施以来,…革命取得积极进展: set 48)
                            rf"|(?<=以来[，,])[^，,；;。]{{0,16}}?取得了?{PROGRESS_GRADE}的?进展"
                            # 正 / 仍在 / 尚在 / 还在 + up to 8 words + an action verb; 正式 / 正常 / 正确 / 正值 / 正好 are no 正在
                            # (…not before a duty of oversight continued, 还在继续深入排查: that is kept up, ongoing, set 47;
                            # 正在继续推进整改 is the work in hand)
                            rf"|(?!{_PROGRESSIVE}{_CONTINUED}{_OVERSIGHT})"
                            rf"{_PROGRESSIVE}{_HAN}{{0,8}}?{_ACTION}|(?!正在){_PROGRESSIVE}{_HAN}{{0,4}}?{_STAGE}"
                            # the progressive aspect: 正在 + any verb, with 中 (正在装修中) or without (正在设计; 真正在…,
                            # 纠正在… are no 正在)
                            rf"|(?<![真公纠修端更改校矫])正在(?:{_HAN}{{1,6}}?中(?![央国心])|{_HAN}{{1,2}})")),
    # a kept-up duty; a future one (将持续加大…) is a plan; 中长期 names a problem's span, not a duty, and 长期 before
    # a stall or a negation how long it lasted (长期搁置, 长期未整改)
    # or a standing or ranking (长期靠后, 长期处于…, 长期超标: how long a state lasted, set 43)
    ("ongoing", re.compile(rf"(?<!将)持续推进|(?<!中)长期坚持|(?<!将)持续整改|(?<!中)长期持续|(?<!中)长期(?!搁置|停滞|停摆|未|没|得不到|无|不|靠后|落后|滞后|偏高|偏低|偏差|超标|处于|位于|排名|居于|稳定|{_KEPT_STATE})|(?<![将要])(?:持续|常态化)(?:定期|不断)?{_ACTION}"
                          # …or a continuing duty of work announced (将继续加大…力度, 将继续加大力度对…: set 49, 将继续深入开展…工作, 后续将持续加强…把控;
                          # the settled status-181209e5): an effort stepped up or carried on in depth, or oversight kept up
                          # (a trend, 将持续改善, is none; 将持续加大…力度 is labelled both ways in the corpus: left unread)
                          # (…with a manner of force, 将继续强力推进…工作, 继续大力开展…工作; or 继续 opening a clause that
                          # governs the next one's effort, 将继续出重拳,加大日常巡查力度)
                          rf"|{_CONTINUED}(?:加大[^，,；;。]{{0,24}}?力度|(?:深入|全面|扎实|强力|大力|全力|坚决)(?:开展|推进)[^，,；;。]{{1,24}}?工作)"
                          rf"|{_CONTINUED}[^，,；;。]{{1,10}}?[，,]加大[^，,；;。]{{1,16}}?力度"
                          # (…or with 将持续 / 将 alone: 将持续加大…力度, 将持续加强…力度, 将加大…力度, 将持续推进…工作 — the
                          # settled line, "将继续 / 将持续 / 将加大…力度 + a duty of work ongoing", sets 24–35; r55a)
                          # (…its object a list whose items may be split by commas: 加大巡视,巡查力度)
                          rf"|(?<=将)(?:持续|进一步)?(?:加大|加强){_LIST_GAP}{{0,40}}?力度"
                          r"|(?<=将)持续(?:深入|全面|扎实)?推进[^，,；;。]{1,16}?工作"
                          r"|(?<![不未没])(?:继续|持续)加强[^，,；;。]{1,12}?(?:把控|管控|监管|巡查|督导|调度|监测)"
                          # …or the oversight of the one who must act kept up (将继续督促该养殖场整改, 将继续紧盯不放; 要求继续督促
                          # is aimed; the settled set 36 convention)
                          rf"|{_CONTINUED}(?:督促|紧盯|盯紧|跟踪督办|督办)"
                          # …or a standing requirement kept to (将继续落实超低排放改造要求, 继续落实河长制责任: set 45; 继续落实整改
                          #措施 is the work pushed on)
                          rf"|{_CONTINUED}(?:严格|全面|认真)?落实[^，,；;。]{{1,16}}?(?:要求|制度|责任|规定|标准)(?![^，,；;。]{{0,2}}?的)"
                          # …held to as before (将继续坚持开展…, 始终坚持推进: what continues is kept up, as 长期坚持; a
                          # principle, 坚持整改一个、销号一个, is none)
                          rf"|(?:继续|一如既往地?|始终)坚持(?:不懈)?地?{_ACTION}"
                          # …or a duty of oversight continued (将继续加强对河道的巡查, 继续做好监测; work pushed on, 继续推进
                          # 整改, is the rest in hand, not a duty)
                          # (…its manner or a survey between, 还在继续深入摸底排查: set 47)
                          rf"|(?:{_CONTINUED}|一如既往地?){_OVERSIGHT}")),
)
