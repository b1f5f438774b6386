"""Round r59a (status on sets 58 and 59): done needs the whole — a completion whose object is a part, with the rest
expected or in hand, is on track; progress made after an effort's clause across clauses; 办复 a completion.  Pinned by
constructed cases (no corpus text), with their near misses (the whole done, a rest done or behind, a rest only planned,
a close-out forecast, a share of 100 %, a share that is a composition, a year's quota, a general subject, aims)."""
from __future__ import annotations

import pytest

from archive.ledger.status import status_class

STATUS = [
    # R1 a part done, the rest named and expected by a term or a future (no modal before the term; the next sentence too)
    ("已销号23项,余下问题在10月底前全部整改到位", "on_track"),
    ("已完成9处,其他按计划在年底前全面完工", "on_track"),
    ("已拆除312处。仅剩的两处违建,业主承诺将于下周内完成拆除。", "on_track"),
    ("已完成整改20项,剩余问题将于年底前完成整改", "on_track"),
    ("已完成改造130台。未完成改造的12台集中在某镇,计划9月底完成。", "on_track"),
    # R2 the whole forecast by a term after a counted part or a share below 100 %
    ("5座泵站已经全部建成,预计明年6月底可全面完成管网建设", "on_track"),
    ("已清理11条河道,完成率达到73%,预计到明年3月底,将全部完成清理", "on_track"),
    # near misses: the rest done too, behind, stated not done in its predicate, only planned, dealt with with no term;
    # the whole done with a close-out step forecast
    ("已销号23项,余下问题也已于10月底前整改到位", "done"),
    ("已销号23项,余下问题尚未整改到位", "behind"),
    ("已销号23项,余下问题逾期未完成", "behind"),
    ("已完成12项,剩余2项进度滞后,预计年底前完成", "behind"),
    ("已销号23项,余下问题列入计划拟逐步解决", "done"),
    ("已整改到位18个问题,其余问题将依法处理", "done"),
    ("已全部完成整改,预计年底前完成验收", "done"),
    ("5座泵站已经全部建成,预计明年6月底前完成竣工验收", "done"),
    # R3 a share below 100 % of the works or of a works plan's task, its owner or plan named before it
    ("截至6月底,已完成管网工程总工程量的62.5%", "on_track"),
    ("完成“十三五”治污规划任务的70%以上", "on_track"),
    ("已完成管网工程总工程量的100%", "done"),
    ("植树造林2万亩,完成全年计划任务的83%", "other"),
    ("达到规划目标的100%", "other"),
    ("整改完成率达到100%", "done"),
    # R4 money spent, then its share of the whole investment below 100 %
    ("已完成道路改造投资3600万,占总投资的41.2%", "on_track"),
    ("已完成道路改造投资3600万元,占总投资的100%", "done"),
    ("省级资金占总投资的30%", "other"),
    ("全县已有120座加油站完成改造,占全县加油站的30%", "done"),
    # R5 a part done, the rest in the works' stage; a subject with its parts named in brackets before the manner
    ("已有3个社区(东区、西区)提前完成改造任务,余下的5个社区均处于施工阶段", "on_track"),
    ("泵站目前处于建设阶段", "on_track"),
    ("甲乙两村(东、西)提前完成建设任务", "done"),
    ("余下的5个社区将进入施工阶段", "other"),
    ("泵站尚未进入施工阶段", "behind"),
    # R6 progress made after an effort's clause, across a clause between
    ("近年来,某县深入开展了河道清理,水质明显好转,河湖管护工作取得了积极进展", "on_track"),
    ("某区扎实推进污水治理,群众满意度提升,治污工作取得实质性进展", "on_track"),
    ("持续加强污水管网建设,水质逐步改善,取得了积极进展", "on_track"),
    ("全市生态环境保护工作取得积极进展", "other"),
    ("要深入开展河道清理,确保取得积极进展", "other"),
    ("到2025年,全面推进河道清理,水质改善,治理工作取得明显进展", "other"),
    ("将深入开展河道清理,取得积极进展", "other"),
    ("某县深入开展河道清理,但治理工作尚未取得明显进展", "behind"),
    # R7 办复 a completion, as 办结
    ("政协提交的38件提案全部办复", "done"),
    ("38件建议均已办复", "done"),
    ("要确保38件提案全部办复", "other"),
    ("38件提案未全部办复", "behind"),
]


@pytest.mark.parametrize(("text", "expected"), STATUS)
def test_status_forms(text: str, expected: str) -> None:
    assert status_class(text) == expected
