"""The behind class of the status phrases (``status_phrases.CLASSES``): what says the work is late, stalled, not done
or done badly — a negated completion, the pace or a target missed, a time limit passed, a problem still there, the work
judged slack — built from the word classes of ``archive.ledger.status_words``."""
from __future__ import annotations

import re

from archive.ledger.status_topics import ONLY_PART, SEVERE
from archive.ledger.status_words import COUNT as _COUNT
from archive.ledger.status_words import EVALUATION as _EVALUATION
from archive.ledger.status_words import HAN as _HAN
from archive.ledger.status_words import NEG_MANNER as _NEG_MANNER
from archive.ledger.status_words import PERFECTIVE_WORK as _PERFECTIVE_WORK
from archive.ledger.status_words import RESULT as _RESULT
from archive.ledger.status_words import SHORT as _SHORT
from archive.ledger.status_words import TERMINAL as _TERMINAL
from archive.ledger.status_words import WORK as _WORK

#: a sham or perfunctory rectification (虚假整改, 敷衍整改, 表面整改, 假装整改, 象征性整改): behind when found, else a name
SHAM = r"(?:虚假|敷衍|表面|假装|象征性|纸面)整改"

#: the behind phrases (the first status phrase in a wording is its head: 未完成 → behind, not done)
#: the tail of a late completion after a delay or an overdue word: a span and 才 + the completion (拖延了 2 个月才完成,
#: 逾期3天才整改到位); the work was done, late (r56a)
LATE_DONE_TAIL = r"了?\s*[^，,；;。]{0,10}?才(?:全部)?(?:完成|办结|完工|竣工|建成|整改到位|整改完毕|销号)"
BEHIND = re.compile(r"未(?:全部|全面|按期|按时|如期)?完成|滞后|尚未|未启动|未整改"
                    # the pace, target or plan not reached, a qualifier before it (未达预期目标, 未达到既定进度,
                    # 进展未达预期)
                    # (…the reach verb in either order, 到达 as a spun copy writes it: 没有到达序时进度)
                    r"|(?:未|没有?)(?:达到?|到达)(?:(?:预期|既定)的?)?(?:序时|时序|目标|计划|进度|整改要求|验收标准|销号条件)"
                    r"|(?:未|没有?)(?:达到?|到达)预期"
                    # …a target or pace named by a phrase before it (未达到拨付xx%的阶段目标任务, 未达到国家考核目标), or
                    # the rectification's requirement (未达到整改销号要求), as 已达到整改要求 reports it reached
                    r"|(?:未|没有?)(?:达到?|到达)[^，,；;。]{0,12}?(?:目标|序时|时序)"
                    r"|(?:未|没有?)(?:达到?|到达)[^，,；;。]{0,6}?(?:整改|验收|销号)[^，,；;。]{0,4}?(?:要求|标准|条件)"
                    # negation of a completion as a building block: 未 / 没有 (尚 / 仍 / 暂 / 还 before it) + a manner
                    # + a verb of the work + its result or a stage of the works (没有按期整改到位, 未全部销号, 未开工,
                    # 没有完全整改到位, 没有在规定时限内完成整治, 未落实整改)
                    rf"|(?:未|没有?)能?{_NEG_MANNER}?{_WORK}?"
                    # (…or a case closed, 未结案: set 52)
                    rf"(?:{_RESULT}|完工|建成|竣工|验收|开工|动工|整改|结案)"
                    # (…or the improvements carried out, 没有落实改善: set 52's audits, as 落实整改)
                    rf"|(?:未|没有?){_NEG_MANNER}?(?:完成|落实(?:整改|改善|改进))"
                    # …or not done by the time stated between (未于2023年3月31日完成改善, 没有在年底前完成整治: set 52;
                    # 于…完成 alone reports it done)
                    rf"|(?:未|没有?)(?:能)?(?:于|在)[^，,；;。]{{1,16}}?(?:全部|全面|如期)?(?:完成|{_WORK}|{_TERMINAL})"
                    # …or the time it is overdue by, then not acted on (已逾八个月未予函复, 已超过半年仍未答复: set 52)
                    r"|已(?:经)?(?:逾|超过)[^，,；;。]{1,8}?(?:年|月|日|天|周)(?:之久)?(?:仍|尚|都|均|还)?(?:未|没有?)"
                    # …any short verb closed by a result complement (未淘汰到位, 没有清理干净, 未关停到位), or the work
                    # not done as committed or required (未按承诺拆除, 没有按要求整改)
                    rf"|(?:未|没有?)能?{_NEG_MANNER}?{_HAN}{{1,3}}?(?:到位|完毕|干净)"
                    # a check's result: counted things found not done (抽查7家…,结果4家未清理; 发现3处仍未拆除)
                    rf"|(?:结果|发现)(?:有|仍有)?{_COUNT}(?:仍|还|均)?(?:未|没有?)(?:{_WORK}|{_TERMINAL}|{_PERFECTIVE_WORK})"
                    # (…whose requirement named, 未按国务院要求, and its time, 于2012年 / 在年底前, between)
                    rf"|(?:未|没有?)(?:能)?按照?(?:[^，,；;。]{{1,8}}?的?)?(?:承诺|要求|规定)(?:(?:于|在)[^，,；;。]{{1,12}}?)?"
                    rf"(?:及时|按期|按时|如期|全部|彻底)?(?:{_WORK}|{_TERMINAL}|完成)"
                    # a problem not solved (始终没有得到解决, 未得到有效解决), no real progress (至今无实质进展)
                    r"|(?:未|没有?)(?:能)?(?:得到|获得)?(?:有效|彻底|根本性?|妥善)?的?解决"
                    # …or not checked (秸秆焚烧现象仍未完全得到遏制, 违法排污未得到有效遏制)
                    r"|(?:未|没有?)(?:能)?(?:完全|全面|根本)?(?:得到|获得)?(?:有效|彻底|根本性?)?的?遏制"
                    # a thing long awaited still not done (迟迟未出台, 迟迟不整改, 迟迟没有开工)
                    r"|迟迟(?:未|没有?|不)能?[\u4e00-\u9fff]{1,2}"
                    # perfunctory conduct kept up, its subject before it (该公司一直敷衍应付; a bare 敷衍整改 is a name)
                    r"|(?:一直|始终|长期|仍然|依然|仍|还)在?(?:敷衍应付|敷衍塞责|敷衍了事|消极应付|应付了事)"
                    # the work done late, found: a time then 才 + the act (直到2018年4月才上报…, 才匆忙印发; a rule's 才能 /
                    # 才可 / 方可 is a condition)
                    r"|直到(?:19|20)\d{2}年[^，,；;。]{0,10}?才(?!能|可|会|予|准|允许|算)|才(?:匆忙|仓促|匆匆)(?:地)?[\u4e00-\u9fff]"
                    # a part still short, opening the clause after 但 (…但部分乡镇尚不够齐全和规范; 要防止部分…不规范 is none)
                    r"|(?:^|(?<=但)|(?<=然而))(?:部分|个别|少数|一些)[^，,；;。]{1,8}?(?:仍然|依然|仍|还|尚)"
                    r"(?:不够|不太|不)(?:齐全|规范|完善|到位|彻底|全面|完全|扎实|健全)"
                    # a plan drawn up but not issued (但未经…研究,也未印发实施)
                    r"|(?:未|没有?)(?:正式)?(?:印发|出台)(?:实施|执行)"
                    r"|(?:无|没有?|未取得|未见)(?:实质性?|实际|明显|任何)?的?进展"
                    # behind a comparison: a rate or the progress below the average or the set pace
                    r"|落后于[^，,；;。]{0,8}?(?:平均|序时|时序|进度|计划|目标)"
                    # …or a target missed by a stated margin in points (增长6.1%,低于目标0.9个百分点, 比目标低1个百分点)
                    r"|低于(?:年度|全年|预期|计划|既定)?(?:目标|预期)值?[\d.]+个?百分点"
                    r"|比(?:年度|全年|预期|计划|既定)?(?:目标|预期)值?低[\d.]+个?百分点"
                    r"|(?:完成|办结|整改|销号)率[^；;。]{0,24}?低于[^，,；;。]{0,8}?(?:平均|序时|时序|目标|计划)"
                    # not able to finish (未能按期完成, 无法如期完成), not at the set pace (未按序时进度推进), weak work
                    r"|(?:未能|不能|没能|无法|难以|很难|难于)(?:全部|按期|按时|如期)?完成|(?:未|没有?)按(?:照)?(?:序时|时序|计划|期)"
                    # not at the required time, whatever the work (未按要求时间开展调查, 没有在规定时限内启动; a finding
                    # about reporting, 未按时报送, is other)
                    r"|(?:未|没有?)(?:能)?(?:按照?[^，,；;。]{0,6}?(?:时间|时限|期限|节点)|按时|如期"
                    r"|在(?:规定|要求|承诺|约定)的?(?:时间|时限|期限)内)(?![^，,；;。]{0,4}?(?:报送|上报|报告|提交|填报|报备))"
                    # overdue, counted or stated (办理超期1件, 逾期未办结2件, 3件逾期, 已超期, 整改逾期; none counted,
                    # 无1件超期, is none)
                    rf"|(?:超期|逾期|超时限?)(?:未(?:办结|完成|整改|销号|办理|结))?{_COUNT}|已(?:经)?(?:超期|逾期)"
                    # …or the overdue undone judged many (超期未办件数较多的单位, 逾期未整改问题偏多: r57a; 较少 is none)
                    r"|(?:超期|逾期)未(?:办结|完成|整改|销号|办理|办|结)[^，,；;。]{0,4}?(?:较多|偏多|居多|很多|多)(?!少)"
                    rf"|(?<![无没未])(?:{_COUNT}|整改)(?:已(?:经)?)?(?:超期|逾期|超时限?)"
                    # …or past its time limit (已超过整改期限, 超出规定时限2件; 不超过 is a bound)
                    r"|(?<![不未没])(?:超过|超出)了?(?:整改|办理|办结|规定|承诺)?的?(?:时限|期限)"
                    # a gap to the target or the pace (与全年目标有较大差距; seeking to close it, 缩小…差距, is none)
                    r"|(?<!缩小|找准|查找|弥补|正视|补齐|寻找|分析)(?:与|和|距离?|离)[^，,；;。]{0,10}?"
                    r"(?:目标|计划|序时|进度)(?:任务|要求)?的?(?:相比)?[^，,；;。]{0,3}?"
                    r"(?:(?:有|存在)[^，,；;。]{0,4}?差距|差距(?:较大|很大|明显|不小))"
                    r"|(?:推进|整改|落实|整治|治理)(?:工作)?(?:进展|进度)?(?:不力|不够有力|不够得力|乏力)"  # (…治理进展不力: r56a)
                    # the work never started or done over a span up to now (长达十余年未开展, 至今未治理, 多年来一直未修复)
                    r"|(?:至今|迄今|多年来?|长达[^，,；;。]{1,6}?)(?:仍|都|均|一直|仍然|始终)?(?:未|没有?)"
                    r"(?:按照?(?:要求|规定)|依法)?(?:开展|启动|实施|动工|治理|整治|修复|处置|落实|解决|清理|安装|配备|设置"
                    rf"|{_WORK}|{_TERMINAL})"
                    # …or not set going (未开展整改, 没有进行治理)
                    rf"|(?:未|没有?)(?:能)?(?:开展|进行|实施|组织)(?:{_WORK}|{_PERFECTIVE_WORK})"
                    # the problem still there (问题依然存在, 违法行为仍然存在) or the works delayed (工期有所延误; 不得拖延 forbids it)
                    r"|(?:问题|现象|隐患|违法行为|违规行为)(?:仍然|依然|依旧|仍|还)(?:不同程度地?)?存在"
                    # (…but not when the delay ends in the completion, 拖延了2个月才完成: a late completion is done, r56a)
                    r"|(?:工期|进度|工程|项目|整改|施工)[^，,；;。]{0,8}?(?<![不未没])(?<!不得|严禁|禁止|不能|防止|避免|杜绝)(?:延误|拖延|推迟|延期)"
                    rf"(?!{LATE_DONE_TAIL})"
                    # a yes-no cell of completion answered no (是否完成:否)
                    r"|是否[^，,；;。:：]{0,6}?(?:完成|到位|办结|销号)[:：]否(?=$|[，,；;。\s])"
                    # …or still not done, an act of the rectification (仍未清运, 依然没有拆除; 仍未进行开发建设 is the problem
                    # found, not its rectification); 结束 is left to the negated result (未 + RESULT, head 未结束): a stay
                    # or a campaign not yet ended (督察还未结束) is behind, as 尚未完工 / 尚未开始, while one ended is done
                    # (已结束督察进驻) and one going on on track (专项督察正在进行; the README's conventions)
                    rf"|(?:仍|还|依然|仍然|一直|始终|长期|至今)(?:未|没有?)(?:能)?(?:依法|全部|彻底)?(?!结束)(?:{_WORK}|{_TERMINAL}|{_PERFECTIVE_WORK})"
                    # …or the rectification or its measures not carried out (整改未落实, 措施均未落实)
                    r"|(?:整改|措施|任务|责任|要求)(?:均|都|仍|还|尚)?(?:未|没有?)(?:能)?(?:有效|真正|全面)?落实"
                    # a part done limited by 仅 / 只 (目前仅完成40%): behind when what was due is stated (status_topics)
                    rf"|{ONLY_PART.pattern}"
                    # the pace compared below the set one (远低于序时进度, 明显落后于时序进度, 达不到序时要求)
                    r"|(?<![不未没])(?:低于|落后于|慢于|滞后于|达不到|跟不上|不符合)(?:序时|时序|计划|目标|时间)(?:进度|要求)"
                    # the situation judged severe after a limited part (…仅有10段,形势严峻; status_topics)
                    rf"|{SEVERE}"
                    # the work judged by a negative evaluation (see _EVALUATION)
                    rf"|{_EVALUATION}"
                    # the work judged slack by a negated degree complement (治理抓得不紧, 落实得不够) or its effect
                    # cut (成效打折扣; not a pledge: 不打折扣, 决不能打折扣)
                    r"|(?:抓|推进|整改|落实|治理|整治|执行)得不(?:紧|力|实|够|快)"
                    # …or its pace negated without 得 (问题解决不快, 整改不及时, 推进不够快)
                    r"|(?:推进|整改|落实|治理|整治|解决|办理|处置|查处)(?:速度|进度)?不(?:够)?(?:快|及时)"
                    r"|(?<![不没])(?<!不能|不得|不会|不容)打折扣"
                    # a shortfall: only able to finish a part (预计年底仅能完成45%)
                    r"|(?:仅|只)(?:能够?|可)(?:完成|实现|达到)"
                    # a rectification found not in place (反馈…存在…整改不到位; only as a finding: see _FINDING), or
                    # found a sham (存在虚假整改, 出现表面整改、敷衍整改的行为; as a finding only, see SHAM)
                    # …or not thorough, not whole (整治不彻底, 整改不彻底、不全面; asserted only, as 不到位)
                    rf"|(?:整改|落实|治理|整治|处置|清理|修复|监管|管理|监督|执法|责任|措施|{_WORK}|{_PERFECTIVE_WORK}"
                    # (…all of them: 整治均不彻底; the requirements as the subject: 落实…要求均不到位)
                    rf"|收集|淘汰|退出|退养|管控|防控|要求)(?:工作)?(?:均|都|全都)?不{_SHORT}"
                    rf"|{SHAM}"
                    # progress judged slow, an adverb inside (进度相对缓慢, 进度慢)
                    rf"|未到位|(?:进展|进度|推进){_HAN}{{0,2}}?(?:缓慢|偏慢|较慢|迟缓|慢|不快|落后|较缓|偏缓)|缓慢|偏慢|较慢|迟缓"
                    # …or its effect judged weak (整改效果不明显, 治理成效甚微; 成效还不稳固 is a caution)
                    r"|(?:整改|治理|整治|处置)(?:效果|成效)(?:不明显|不显著|甚微|不佳|不理想|较差)"
                    # …or judged poor (完成情况较差, 进展不理想)
                    rf"|(?:进展|进度|完成情况|推进情况){_HAN}{{0,2}}?(?:较差|很差|差|不佳|不理想)"
                    # (…its execution judged short of the ideal, 计划执行情形多未臻理想: set 52)
                    rf"|(?:进展|进度|执行|推进|实施)(?:情形|情况)?{_HAN}{{0,2}}?(?:未臻理想|不尽理想|未尽理想|欠佳)"
                    # a check finding the problems persisting or relapsing (此次督察发现…仍存在大量养殖场, 检查发现,…有5个
                    # 反弹; a group so found that a duty is for, 发现仍存在问题的企业, is none)
                    r"|(?:发现|查出|检查出)[^。；;]{0,40}?(?:(?:仍|依然|仍然|还|依旧)存在|反弹|回潮|死灰复燃|复发)"
                    r"(?![^，,；;。]{0,12}?的)"
                    # the works found stopped (目前处于停工状态)
                    r"|(?:处于|陷入)(?:停工|停滞|停摆|搁置)状态"
                    # work stalled (项目被搁置, 工程停滞), not forbidden to stall (不得搁置)
                    r"|(?<!不得|严禁|禁止|不能|防止|避免)(?<![不勿])(?:搁置|停滞|停摆)")
