"""Set 62's ✱ status conventions built as constructions (r62s); constructed cases, no corpus text."""
from __future__ import annotations

import pytest

from archive.ledger.status import status_class


@pytest.mark.parametrize("text, expected", [
    # a daily round stated as a practice, what is found put right at once: ongoing
    ("社区每天组织网格员对小区垃圾点进行巡查,发现问题及时清理", "ongoing"),
    ("每周安排专人对河道进行检查,发现垃圾立即打捞", "ongoing"),
    ("镇环卫所每日派人排查背街小巷,发现乱堆乱放第一时间处置", "ongoing"),
    # routine held to: ongoing
    ("坚持日常巡查与集中整治相结合,清理卫生死角", "ongoing"),
    ("执法中队坚持常态化开展夜间巡逻", "ongoing"),
    # a mechanism kept improving: ongoing
    ("认真落实整治,不断完善督办机制,形成合力。", "ongoing"),
    ("县局持续健全日常监管制度", "ongoing"),
    # standing work named: ongoing
    ("农村人居环境整治是全县开展的常态化工作。", "ongoing"),
    ("各村组织保洁员对沟渠开展常态化的巡查工作。", "ongoing"),
    # a campaign proceeding in order closing its clause: on track (older 有序推进 / 有序展开)
    ("农村污水治理有序开展", "on_track"),
    ("各项整治工作稳步开展,", "on_track"),
    # rules for late or slow cases, light rules: other
    ("对于进展缓慢的进行通报,确保问题快速解决", "other"),
    ("对逾期未完成又不说明原因的,由区督查室报告区政府", "other"),
    ("对无故拖延办理时间的部门,予以通报批评", "other"),
    ("对连续2个月无正当理由应开工未开工项目亮红灯", "other"),
    ("推进滞后的项目亮黄灯", "other"),
])
def test_set62_conventions(text: str, expected: str) -> None:
    assert status_class(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare cadence or a round with no sequel stays the deadline reader's duty
    ("每日洒水两次", "other"),
    ("每天组织人员巡查", "other"),
    # an aim, a plan, the future
    ("要求每天组织人员巡查,发现问题及时整改", "other"),
    ("要坚持日常巡查", "other"),
    ("要不断完善督办机制", "other"),
    ("建立常态化工作机制", "other"),
    ("将河道保洁作为常态化工作来抓", "other"),
    ("确保整治有序开展", "other"),
    ("下一步将有序开展整治", "other"),
    # a treatment carried out finds the cases; a push on late cases names them behind (older rules)
    ("对进度滞后的项目进行了约谈", "behind"),
    ("3个项目进度滞后,已亮红灯", "behind"),
    ("对整改进展缓慢的,限期整改到位", "behind"),
    ("对尚未整改完成的,要进一步加大整改力度", "behind"),
    ("督查发现部分项目进度滞后", "behind"),
])
def test_set62_near_misses(text: str, expected: str) -> None:
    assert status_class(text) == expected
