"""Round 51 (set 51's dev rows): the forms its mechanisms read, pinned with constructed cases (no corpus text) —
positives in forms no row has, negatives where the cue stands without its licence."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class
from archive.timeliness import dates
from crawler.extraction.info import info_block


def _deadline(text: str) -> tuple[str | None, str] | None:
    d = deadline(text)
    if d.kind == "unknown" and d.last_day is None:
        return None
    return (d.last_day.isoformat() if d.last_day else None, d.kind)


# -- S7 status: the whole forecast done by its limit, no object after the verb, after a part done (status_parts._whole_ahead)
@pytest.mark.parametrize(("text", "expected"), [
    ("该段堤防已完成土方回填,预计10月底前全部完工", "on_track"),
    ("某水库除险加固工程已完成坝体灌浆,沉降观测已开始,计划于明年6月底前全面建成", "on_track"),
    ("该工程已全面完成河道清淤,预计年内全部完成", "on_track"),  # a part done fully, the whole still ahead
    ("已全面完成排查,预计年底前全部完成验收", "done"),  # a close-out step named after the verb
    ("已完成管网改造,预计年底前全部完成验收", "done"),
    ("已完成管网改造,预计年底前完成验收", "done"),  # a close-out step with no whole
    ("已完成管网改造。预计年底前全部完成", "done"),  # another sentence: no licence
])
def test_whole_ahead(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- D5 deadline: a named day or festival of a bare year is no year's end (bare_years._SEASON)
@pytest.mark.parametrize(("text", "expected"), [
    ("在2019年国际湿地日到来之际,市林业局举办宣传活动", None),
    ("要求在2022年植树节前完成补植", None),
    ("在2021年完成全部补植", ("2021-12-31", "date")),  # the bare year with no named day stays a limit
    ("力争在二〇二三年十二月一日前完成", ("2023-12-01", "date")),  # numerals of a month and day are no name
])
def test_named_day_of_year(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D6 deadline: a year of the ROC era, the era named, in the common era (timeliness.dates.roc_years), and a notice's
# or comment window's end as a limit's label (limit_words.DUE_TIME)
@pytest.mark.parametrize(("text", "expected"), [
    ("草案預告終止日:中華民國110年9月3日", ("2021-09-03", "date")),
    ("意见反馈截止日期:民国112年3月1日", ("2023-03-01", "date")),
    ("公示结束日:2024年7月3日", ("2024-07-03", "date")),
    ("有效期终止日:2025年7月3日", None),  # a term's end is no window's
    ("終止日:110年9月3日", None),  # a bare 終止日 is no window's label (a bare ROC year before its month is read since r52a)
])
def test_roc_years_and_window_end(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


def test_roc_years_keep_offsets() -> None:
    text = "於中華民國99年5月6日公告"
    assert len(dates.roc_years(text)) == len(text)
    found = [m for m in dates.find_dates(text) if m.value]
    assert [(m.text, m.value.isoformat()) for m in found] == [("中華民國99年5月6日", "2010-05-06")]


# -- I7 info block: 公告日期 beside the notice's number is the issued day (alone, the posting day), ROC years in the
# common era; a 公告's window gives the notice day as a 公示's does (info._NOTICE_WINDOW)
@pytest.mark.parametrize(("text", "expected"), [
    ("公告文號:某署字第1100012345號 公告日期:中華民國110年2月3日", (None, None, "2021-02-03", None)),
    ("发文字号:某府〔2021〕3号 公告日期:2021年2月3日", (None, None, "2021-02-03", None)),
    ("公告日期:2021年2月3日", (None, "2021-02-03", None, None)),  # no number: the page's day, as before
    ("發布日期:民國111年8月9日", (None, "2022-08-09", None, None)),
    ("经研究,予以公告。公告期自2025年4月1日至2025年4月10日", (None, None, None, "2025-04-01")),
    ("本公告自2025年4月1日起施行", None),  # a day of force, no window
])
def test_notice_day_and_roc(text: str, expected: tuple[str | None, ...] | None) -> None:
    assert info_block(text).value() == expected
