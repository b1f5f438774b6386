"""Round r52b (set 52's dev rows and older ones, info block and feedback): the forms its mechanisms read, pinned with
constructed cases (no corpus text) — positives in forms no row has, negatives where the cue stands without its licence."""
from __future__ import annotations

import pytest

from archive.timeliness.feedback import feedback_date
from crawler.extraction.dates import find_stated_date
from crawler.extraction.info import info_block

Block = tuple[str | None, str | None, str | None, str | None] | None


def _block(text: str) -> Block:
    return info_block(text).value()  # type: ignore[return-value]


# -- I1 a day of the ROC era with no era named, three-digit year (info_days.roc_days)
@pytest.mark.parametrize(("text", "expected"), [
    ("日期:112-03-07", (None, "2023-03-07", None, None)),
    ("發布日期：111/12/30", (None, "2022-12-30", None, None)),
    ("某某縣政府公告\n113.05.20", (None, "2024-05-20", None, None)),  # a dotted day alone on its line
    ("更新時間 : 108 年 2 月 1 日", (None, "2019-02-01", None, None)),
    ("日期:100-01-05", (None, "2011-01-05", None, None)),  # the era's 100th year
    ("日期：１１２-０３-０７", (None, "2023-03-07", None, None)),  # full-width digits
    ("判决日期:112 年 三月 七日", (None, None, "2023-03-07", None)),  # month and day in Chinese numerals
    ("地址:中正路110-12-1号", None),  # an address's number
    ("第109.8.3点\n", None),  # a list's number after 第
    ("日期:109-13-40", None),  # no calendar day: left as written
    ("日期:99-08-31", None),  # two digits: no era read
])
def test_roc_day_without_era(text: str, expected: Block) -> None:
    assert _block(text) == expected


# -- I2 a judgment's day under its label is the judgment's own (issued): 裁判日期, 判决日期 (info._ISSUED_LABELS)
@pytest.mark.parametrize(("text", "expected"), [
    ("• 判决日期：2019年6月3日", (None, None, "2019-06-03", None)),
    ("裁定日期 : 112 年 04 月 18 日", (None, None, "2023-04-18", None)),
    ("宣判日期:2020-11-09", (None, None, "2020-11-09", None)),
    ("更新日期:2020-11-09", (None, "2020-11-09", None, None)),  # a page's own label: the posting day
])
def test_judgment_day(text: str, expected: Block) -> None:
    assert _block(text) == expected


# -- I3 a dateline's issuing unit in brackets after the day (info._DATELINE)
@pytest.mark.parametrize(("text", "expected"), [
    ("环评专栏\n2023-04-02 [某某省生态环境厅综合处]", ("某某省生态环境厅综合处", "2023-04-02", None, None)),
    ("111-05-06 【某某縣環境保護局】", ("某某縣環境保護局", "2022-05-06", None, None)),
    ("2023-04-02 [环评专栏]", None),  # a column, no body: no dateline (the day not read alone either)
])
def test_dateline_bracketed_body(text: str, expected: Block) -> None:
    assert _block(text) == expected


# -- I4 a reporter's title glued after the medium's name under 来源 (publisher._VALUE_END)
@pytest.mark.parametrize(("text", "expected"), [
    ("来源:某州晚报记者 王某某", "某州晚报"),
    ("来源:某某网首席记者李某", "某某网"),
    ("稿源:某某电视台通讯员 赵某", "某某电视台"),
    ("来源:某某社记者站", "某某社记者站"),  # a reporters' station is a body
    ("来源:某某县记者协会", "某某县记者协会"),  # no medium before 记者
])
def test_reporter_after_medium(text: str, expected: str) -> None:
    assert info_block(text).publisher == expected


# -- I5 a form's sealing field before the signer and its day: a signature (dates._SEAL_LABEL)
@pytest.mark.parametrize(("text", "expected"), [
    ("填报单位（盖章）：某某县生态环境局 2021年9月30日", "2021-09-30"),
    ("整改单位(公章):某某镇人民政府\n2020年12月8日", "2020-12-08"),
    ("填报时间:2021年9月30日", None),  # a label's day: chrome
    ("联系人:王某 2021年9月30日", None),  # no seal asked: a label's value
])
def test_sealed_signature(text: str, expected: str | None) -> None:
    assert find_stated_date(text) == expected


# -- I6 a name's day in brackets on the name's line (a law's amendment day) is no signature (dates._NAME_THEN_BRACKET)
@pytest.mark.parametrize(("text", "expected"), [
    ("某某条例实施细则 (2018年05月10日)", None),
    ("某某管理办法附则（2016年1月4日）", None),
    ("某某县人民政府（2016年1月4日）", "2016-01-04"),  # a body's name before its day still signs
    ("（2016年1月4日）", "2016-01-04"),  # the day alone in brackets
])
def test_name_then_bracketed_day(text: str, expected: str | None) -> None:
    assert find_stated_date(text) == expected


# -- I7 another event's labelled day, a print stamp too, gives no posting day on its line (info._EVENT_DATE)
@pytest.mark.parametrize(("text", "expected"), [
    ("打印时间:2024-03-05 10:12", None),
    ("列印日期：2023/11/02 08:00", None),
    ("截止时间:2024-03-05 17:00", None),
    ("发布时间:2024-03-05 10:12 打印本页", (None, "2024-03-05", None, None)),  # a print button, no stamp
    ("2024-03-04 09:00\n下载时间:2024-03-05 10:12", (None, "2024-03-04", None, None)),
])
def test_event_stamp(text: str, expected: Block) -> None:
    assert _block(text) == expected


# -- I8 a time glued to a padded day (info_days.glued_times)
@pytest.mark.parametrize(("text", "expected"), [
    ("发布时间:2023-07-1808:45:10", (None, "2023-07-18", None, None)),
    ("2023/07/1808:45", (None, "2023-07-18", None, None)),
    ("某某晚报 2023-07-1808:45", ("某某晚报", "2023-07-18", None, None)),
    ("2023-7-118:45", None),  # an unpadded day splits two ways
])
def test_glued_time(text: str, expected: Block) -> None:
    assert _block(text) == expected


# -- F1 the inspectors' group as the subject of 反馈, the problem as its object closing the clause (feedback._FEEDBACK_VERB)
@pytest.mark.parametrize(("text", "context_year", "expected"), [
    ("今年3月,省生态环境保护督察组反馈某镇养殖废水直排问题,要求限期整改。", 2021, "2021-03"),
    ("2019年11月,中央督察组反馈某河段黑臭问题。", None, "2019-11"),
    ("2019年11月,中央环保督察工作组反馈某河段黑臭问题。", None, "2019-11"),  # the group named at length
    ("2019年11月,中央督察组反馈的某河段黑臭问题已完成整改。", None, None),  # 的: the problems named
    ("2019年11月,中央督察组反馈某河段黑臭问题的整改已完成。", None, None),  # …问题的: the object modifies
    ("2019年11月,中央督察组反馈问题整改全部完成。", None, None),  # 反馈问题: the problems named
])
def test_group_fed_back_problem(text: str, context_year: int | None, expected: str | None) -> None:
    found = feedback_date(text, context_year=context_year)
    got = None if found is None or found.value is None else (
        found.value.isoformat()[:7] if found.precision == "month" else found.value.isoformat())
    assert got == expected
