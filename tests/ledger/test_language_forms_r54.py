"""Round 54 (set 54's dev rows, then older status silences): the forms its mechanisms read, pinned with constructed cases
(no corpus text) — positives in forms no row has, negatives where the cue stands without its licence."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class
from crawler.extraction.info import info_block


def _deadline(text: str, context_year: int | None = None) -> tuple[str | None, str] | None:
    read = deadline(text, context_year=context_year)
    return None if read.kind == "unknown" else (read.iso(), read.kind)


# -- D1 deadline: a term's period closing with 截止 (履约期截止至…) gives its last day (windows.CLOSING)
@pytest.mark.parametrize(("text", "expected"), [
    ("本年度排污权交易履约期截止到2024年9月30日", ("2024-09-30", "date")),
    ("第二批申报期截止于2023年4月20日。", ("2023-04-20", "date")),
    ("許可證換領期截止至2022年7月31日", ("2022-07-31", "date")),  # traditional script
    ("本季度报告期截止到2024年9月30日", None),  # a report's period: a cut-off, no limit
    ("统计期截止到2023年3月31日,共办结案件20件", None),  # a statistic's period
    ("截至2024年9月30日,申报期内共受理36家", None),  # a count's cut-off
])
def test_term_period_closing(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- S1 status: a yes-no question on completion (是否按时完成…) states none unless answered (status_attributes.asked)
@pytest.mark.parametrize(("text", "expected"), [
    ("核查表单位名称是否按期完成整改是否逾期完成整改备注", "other"),  # a blank table's headers
    ("请各区报告是否已完成销号", "other"),
    ("是否整改到位:是", "done"),  # answered yes
    ("是否完成:否", "behind"),  # answered no
    ("经核查是否完成整改,其中3家尚未完成整改", "behind"),  # the asking, then a stated shortfall
    ("已完成整改,是否组织验收另行通知", "done"),  # the question after a stated completion
])
def test_yes_no_question(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- S2 status: a counted programme of rounds or batches as the frame; the later clause states the status
#    (status_parts.campaign_results)
@pytest.mark.parametrize(("text", "expected"), [
    ("今年全省继续开展三轮检查 3月至9月,已完成前两轮检查", "done"),
    ("全年组织开展两批督查,第一批正在进行", "on_track"),
    ("继续开展两轮督察,将于年底前全部完成", "ongoing"),  # an aim after the frame: the frame stands
    ("继续开展两轮督察。", "ongoing"),  # no later clause
    ("持续开展专项检查,已检查企业12家", "ongoing"),  # no counted rounds: no frame
])
def test_counted_rounds_frame(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- I1 info block: a signer and its day run onto the line before, after a gap or after 特此通告, and an attachment heading
#    glued to the day (dates._RUN_ON_SIGNER, dates._RUN_ON_ATTACHMENT)
@pytest.mark.parametrize(("text", "issued"), [
    ("请遵照执行。 附件:某某县检查计划 某某县生态环境保护综合执法大队 2025年3月2日附件", "2025-03-02"),
    ("联系电话:1234567特此公告某某镇人民政府2024年8月9日附件:扫码阅读", "2024-08-09"),
    ("特此通知。某某市生态环境局 2022年10月11日", "2022-10-11"),
    ("某某区农业农村局2021年5月6日附件:", "2021-05-06"),
    ("请于2023年5月22日附件1所列单位报送材料", None),  # 附件 glued inside a sentence: no heading
    ("联系电话:1234567 会议于某某市人民政府2024年8月9日召开", None),  # a sentence's day
])
def test_run_on_signature(text: str, issued: str | None) -> None:
    assert info_block(text).issued == issued


# -- S3 status: the work unfolding step by step or in order, closing its clause, is on track (status_phrases)
@pytest.mark.parametrize(("text", "expected"), [
    ("河道清淤工作已逐步展开。", "on_track"),
    ("各村拆违工作陆续铺开,", "on_track"),
    ("整治行动正有序展开", "on_track"),
    ("下一步将逐步展开复垦工作", "other"),  # planned
    ("要求各地清淤工作有序展开", "other"),  # a requirement
    ("逐步展开排查并建立台账", "other"),  # a directive opening its clause, not closing it
])
def test_work_unfolding(text: str, expected: str) -> None:
    assert status_class(text) == expected
