"""The word classes of the status grammar (``archive.ledger.status`` builds its phrases from them): counts, manners,
result complements, verbs of the work, of handing over, of ending a thing, of action, the progressive, a project's
stages, and a negative evaluation of the work."""
from __future__ import annotations

HAN = r"[\u4e00-\u9fff]"
COUNT = r"[\dxXＸ一二两三四五六七八九十百千]+\s*(?:个|项|件|处|条|宗|家|座|户)"  # a masked count (X个) is a count
#: a manner adverb between 已 and its verb (已按期答复完毕, 已依法关停, 已按要求拆除)
MANNER_ADV = r"(?:依法|依规|按要求|按规定|彻底|顺利|按期|按时|如期|提前|及时|切实)"
#: …or the means it was done by, up to a completion verb (已通过处罚和补办手续完成销号: set 47)
ADVERB = rf"(?:{MANNER_ADV}|已经|均|通过[^，,；;。]{{1,10}}?(?=完成|办结|整改到位))?"
#: the manner of a negated completion (没有按期整改到位, 没有完全整改到位, 没有在规定时限内完成整治)
NEG_MANNER = r"(?:全部|全面|完全|按期|按时|如期|及时|彻底|按要求|在规定的?(?:时间|时限|期限)内)"
#: words that make a completion an aim or a requirement when they stand right before it (应完成, 确保全面完成; 待…竣工 waits for it)
#: (按要求 / 按照要求 before it is a manner: 按要求全面建成 is stated)
NOT_STATED = r"(?<![未应需要须将待])(?<!确保|力争|争取|计划|预计|目标)(?<!(?<![按照])要求)"
#: a result complement closing a verb phrase (清理干净, 答复完毕, 整改到位, 全部销号, 已处置完成; 清 after a verb of
#: finding out or settling: 已全部查清, 已结清; 摸清 / 理清 a situation is a first step, not the work)
#: (…办复 closes a proposal or a suggestion handled and answered, as 办结: 145件提案全部办复, r59a)
RESULT = r"(?:办结|办复|完毕|干净|到位|销号|清零|完成|结束|(?:查|核|结|还|付|缴)清)"
#: verbs of the work a result complement closes (整改到位, 清理完毕)
WORK = r"(?:整改|办理|处置|清理|整治|治理|拆除|建设|施工|修复|核查)"
#: verbs of the work whose perfective reports it done (进行了修复, 拆除了)
#: (…or the sanction the work ends in: 进行了立案查处, 依法查处了, 予以处罚了)
PERFECTIVE_WORK = (r"(?:修复|更换|拆除|清理|整治|整改|清运|封堵|关停|取缔|清除|处置|复绿|搬迁|改造|铺设|清淤"
                   r"|(?:立案)?查处|行政处罚|处罚"
                   # …or the upkeep of a site (进行了修剪, 进行了苫盖, 回填了; 修整, 维修, 加固)
                   r"|修剪|修整|维修|加固|苫盖|回填|平整|清扫|疏浚)")
#: verbs of ending things or of the work done that a tally counts (累计关停…企业12家, 取缔各类码头1098个, 捣毁非法砂场13个;
#: a verb of checking, 检查 / 排查, counts a sample, no work)
TALLY_VERB = rf"(?:取缔|关停|拆除|清退|淘汰|关闭|清理|整治|捣毁|{PERFECTIVE_WORK})"
#: verbs that hand work over (交办, 移交 …): delivered, not done
HANDOVER = r"交办|移交|转办|转交|下发|分解|部署"
#: verbs that give a cleared site back to land or green (已全部复垦, 已复绿, 基本恢复平整; set 39's cleared sand and quarry
#: sites): the clearance's last step
RESTORED = r"(?:复垦|复绿|覆绿|恢复(?:原貌|原状|植被|地貌|平整))"
#: verbs whose act ends a thing (已拆除, 已关停, 已移出…名录, 已建成, 已结束进驻)
TERMINAL = (r"(?:覆盖|拆除|关停|关闭|取缔|清除|消除|清运|搬迁|封堵|完工|建成|竣工|移出|移除|撤销|注销|退出|腾退|淘汰|停产"
             # …or stopping the works and cutting their supply (已停止生产, 全部断电、断水: set 39's kilns and sand yards)
             r"|停止(?:生产|营业|经营|开采|采砂|作业)|断电|断水|停建|停工|停业"
             # …or lifts a supervised case off its board after acceptance (顺利“摘牌”, 已摘牌: set 40)
             r"|[“\"]?摘牌[”\"]?"
             r"|封闭|投运|投用|投入使用|投入运行|结束|实现|验收合格|闭环|解决|" + RESTORED +
             # …or closes a case (已结案, 均已销案: set 52's correction cases, as 已办结)
             r"|结案|销案" +
             # …or takes a thing back or revokes it (已收回…审批权, 已吊销, 已废止)
             r"|收回|撤回|吊销|废止|没收|收缴"
             # passed a check, its level or body named before it (已通过省级验收, 已通过市生态环境局组织的验收)
             r"|通过[^，,；;。]{0,12}?(?:验收|评估|审核|核查|复核|考核))")
#: action verbs of the work in hand (正 / 仍在 + verb; 持续 + verb)
ACTION = (r"(?:推进|推动|整改|办理|处理|实施|落实|解决|验收|施工|建设|改造|修复|开展|进行|治理|排查|巡查|跟踪|跟进|监管|监测"
           r"|督导|巩固|深化|加强|做好|抓好|办好|管好|用好|守好|管控|宣传|曝光|公开|通报|报道|更新|组织"
           # (…or following a case up, 仍须持续定期追踪: set 52)
           r"|追踪)")
#: the predicates of work judged short of its end (不到位, 不彻底, 不全面, 不完全, 不扎实): behind when asserted (a finding,
#: a persistence adverb, a list of such predicates, a relapse after it), not as a general remark
SHORT = r"(?:够|太|很|甚)?(?:到位|彻底|全面|完全|扎实)"  # (a degree adverb inside: 整治不够彻底)
#: a negative evaluation of the work: its subject (措施 / 态度 / 工作 / 计划 …) and an evaluative predicate (不力, 消极,
#: 不严不实, 落空, 走过场), problems left unsolved (长期得不到解决),
#: none of the works done (几乎无一按时完成; 无一例外 is "all"); a prohibition before it (严禁工作走过场) is none
EVAL_SUBJECT = (r"(?:措施|态度|工作|责任|监管|管理|执法|行动|组织|领导|作风|计划|目标|任务|承诺|方案|整改|治理|整治|落实|推进"
                # …or a check of the work (考核走过场, 督查流于形式: a check judged perfunctory)
                r"|考核|检查|督查|督导|巡查|验收|核查|排查"
                # …or the control, the push or the solving of the problems (污染源控制不力, 推动解决不力, 查处不力)
                r"|控制|管控|推动|解决|查处|处置)")
#: (a sham or slack conduct named bare — 敷衍整改, 走过场, 表面整改 — is left unread: the corpus labels it a kind of
#: misconduct in general remarks and requirements as often as a finding; with the work as its subject it is read:
#: 工作走过场, 态度消极)
EVALUATION = (rf"(?:{EVAL_SUBJECT}(?:工作)?(?:较为|比较|十分|非常|很|极为|明显)?(?:不力|消极|不严不实|走过场|乏力"
               # (…or done perfunctorily or evasively, the work its subject: 整改敷衍应付、避重就轻, 督查流于形式)
               r"|敷衍应付|敷衍塞责|敷衍了事|避重就轻|流于形式|搞变通)"
               rf"|{EVAL_SUBJECT}{HAN}{{0,4}}?(?<!不)落空"
               r"|(?:得不到|未能得到|没能得到)(?:(?:有效|彻底|根本性?|妥善|及时)的?){0,2}(?:解决|整改|治理|处理)"
               # …or the work said still not in place (整改工作还不到位, 整改仍不到位, 治理工作依然不到位) or not reaching
               # what is required of it (拆除工作均未达到要求): a persistence adverb or the work as subject states it
               rf"|{EVAL_SUBJECT}(?:工作)?(?:仍然|依然|依旧|仍|还|尚)(?:存在)?不{SHORT}"
               rf"|(?:{EVAL_SUBJECT}|拆除|清理|修复)(?:工作)?(?:均|都|仍|还|尚|仍然|依然)?(?:未能?|没有?能?)达到?[^，,；;。]{{0,6}}?要求"
               r"|(?:无一|没有一(?:个|项|件|处|家))(?!例外|遗漏|漏|缺|不)[^，,；;。]{0,6}?(?:完成|到位|达标|销号|完工|建成))")
#: the progressive aspect's adverbs (正 / 仍在 / 尚在 / 还在; 正式 / 正常 / 真正 / 纠正 … are none)
PROGRESSIVE = r"(?<![真公纠修端更改校矫])(?:正|仍在|尚在|还在)(?!式|常|确|是|面|当|值|规|义|本|风|向|好|巧)"
#: a share below 100 % of the whole works, their investment or their progress (总工程量的70%, 投资约35%, 进度…30%): the works
#: how much progress a report says was made (取得积极进展, 取得了阶段性进展, 取得实质进展): the grades ``status_phrases`` and
#: ``status_parts`` read before 进展
PROGRESS_GRADE = r"(?:明显|积极|阶段性|重要|重大|较大|显著|实质性?|长足)"
#: in hand, after a completion verb (完成投资约35%) or with the works noun before it (内部装修进度已完成30%: set 48)
#: (…or a works plan's task, 完成…规划任务的80%以上: a share below 100 % is a part done, r59a; a year's quota, 完成全年计划
#: 任务的83%, stays a bare rate, r57a)
WORKS_NOUN = r"(?:工程量|投资|工程|建设任务|进度|规划任务)"
#: (…its owner or plan named before it: 完成项目总工程量的94.75%, 完成“十四五”规划任务的80%: r59a)
WORKS_SHARE = rf"(?:[^，,；;。%％\d]{{0,10}}?)(?:总|全部)?{WORKS_NOUN}[^，,；;。]{{0,6}}?的?(?:约|近|超过|逾)?(?<!\d)\d{{1,2}}(?:\.\d+)?\s*[%％]"
WORKS_SHARE_BEFORE = rf"{WORKS_NOUN}(?:已(?:经)?)?(?:累计)?完成了?(?:约|近)?(?<!\d)\d{{1,2}}(?:\.\d+)?\s*[%％]"
#: the stages of a project before and after its works (仍在招标, 正调试; 正在 + any verb reads them already)
STAGE = r"(?:设计|招标|审批|调试|编制|论证|评审|采购|安装|清理|清运|拆除|搬迁|试运行)"
#: the stage of the works themselves (处于在建阶段, 进入施工阶段: r59a; a stage name, not an action verb)
WORKS_STAGE = r"(?:在建|施工|建设|实施)"
#: no modal, future or aim straight before (应完成, 将完成, 计划完成, 力争…: a rate or a tally sought, not reached)
UNAIMED = r"(?<![应需要须将拟])(?<!计划|预计|力争|确保|争取|目标)"
#: the year's or the plan's task completed at 100 % or more (完成年度任务100.8%, 完成全年计划任务的112%: r57a; below
#: 100 % it is a share, none here); first in the done class, so a bare 完成 at the same place does not stand for it
TASK_MET = (rf"{UNAIMED}完成了?(?:年度|全年|当年|计划|目标)(?:计划|目标)?任务的?"
             r"(?:1\d{2}|[2-9]\d{2})(?:\.\d+)?\s*[%％]")
#: the grammar of aspect and result beyond 已 / 正在 (r58a: census of the status dev silences) — the heads each
#: construction of ``archive.ledger.status_aspect`` combines with any subject and marker:
#: the persistence adverbs before a negated result (仍未得到…改善, 还没有得到解决, 依然未得到遏制)
PERSIST = r"(?:仍然|依然|依旧|仍|还|尚|始终|一直)"
#: the result a problem is said to get (得到改善 / 解决 / 整改 / 遏制 …; an area's 尚未得到治理 tells its state, no work)
IMPROVED = r"(?:改善|解决|整改|遏制|纠正)"
#: the degree of that result (有效, 彻底, 明显 …)
RESULT_DEGREE = r"(?:有效|彻底|根本性?|妥善|及时|明显|较大|全面|实质性?)"
#: verbs that fit out or complete a thing (全部安装, 已完善, 已配齐): done when reported after 已 / 全部 / 均
FITTED = r"(?:安装|完善|配齐|配备到位|健全)"
#: states of all removed or covered that 实现 / 做到 reports (实现“清零”, 实现全覆盖, 做到应关尽关; 动态清零 is a duty)
ALL_STATE = r"(?:(?<!动态)清零|全覆盖|(?:应|能)(?P<verb>[\u4e00-\u9fff])尽(?P=verb))"
#: the heads a stage is named by after 进入 / 处于 (…阶段, …程序, …环节) and the project stages before the works,
#: in addition to ``STAGE`` (招投标, 审核, 报批, 公示: set 58's 已进入招投标程序, 已进入审核阶段)
STAGE_HEAD = r"(?:阶段|程序|环节|流程)"
PRE_WORKS = r"(?:招投标|投标|招标|审核|审查|报批|公示|立项|可研|环评|规划|征迁|征地)"
#: manners that judge a completion good (高质量完成, 出色完成, 较好地完成 …), beside 全面 / 圆满 / 顺利
DONE_WELL = r"(?:高质量|高标准|出色|较好|很好|优质)地?"
#: the pace a shortfall is measured against (欠目标进度8.3个百分点, 差序时进度)
PACE = r"(?:目标|序时|时序|计划|时间|年度)进度"
