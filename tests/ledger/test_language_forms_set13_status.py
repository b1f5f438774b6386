"""Forms the dev rows of fresh sets 13 and 14 showed misread in progress status and deadlines, read as grammar
(issue 21); every text here is our own, built on the construction, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import read_status


@pytest.mark.parametrize(("text", "status", "head"), [
    # the target, plan or pace not reached, with a qualifier before it
    ("部分整改任务未达预期目标", "behind", "未达预期目标"),
    ("两个重点项目未达到既定进度", "behind", "未达到既定进度"),
    ("该工程整改进展未达预期", "behind", "未达预期"),
    ("受汛期影响,部分工程难以按期完成", "behind", "难以按期完成"),
    # 实现 is a terminal verb after 已: the groups' entry achieved
    ("目前,各督察组已全部实现进驻", "done", "已全部实现"),
    ("该企业已实现达标排放", "done", "已实现"),
    # the work judged slack by a negated degree complement, or its effect cut
    ("部分县区在黑臭水体治理方面抓得不紧", "behind", "抓得不紧"),
    ("某些乡镇整改落实得不够", "behind", "落实得不够"),
    ("个别地方整改工作成效打折扣", "behind", "打折扣"),
    # a shortfall: only able to finish a part
    ("预计年底仅能完成六成工程量", "behind", "仅能完成"),
    ("该项目今年只能完成30%的建设任务", "behind", "只能完成"),
    # a part done, then the rest counted in the next sentence and on track in the clause after its count
    ("全区整改任务共12项,已完成10项。剩余2项计划明年完成,均按序时推进。", "on_track", "序时"),
    ("某县承担任务8项,已完成6项。2026年底前需完成2项,均达到序时进度要求。", "on_track", "序时"),
    # ...while a part mostly done in the next sentence is another report, and a rest with no progress leaves done
    ("已完成整改6项。基本完成的2项将于年底前验收", "done", "已完成"),
    ("已完成整改6项。另有2项已列入明年计划。", "done", "已完成"),
    # measures reported taken keep their progress; a completion after measures reports its result
    ("我县已采取措施持续推进整改", "ongoing", "持续推进"),
    ("该企业采取措施完成整改", "done", "完成整改"),
])
def test_status_forms_of_sets_13_and_14(text, status, head):
    found = read_status(text)
    assert (found.status, found.head) == (status, head)


@pytest.mark.parametrize("text", [
    # 实现 without 已 is an aim or a heading
    "全部实现达标排放",
    # a pledge not to cut the effect, a remark on ideas (no work judged)
    "整改工作决不能打折扣",
    "对反馈问题整改不打折扣",
    "绿色发展理念树得不牢",
    # work pushed on or kept up as the purpose of measures taken: a plan
    "对群众反映的问题采取有力措施持续推进整改,并建立长效机制",
    "各县区要采取措施加快推进",
])
def test_no_status_in_pledges_and_aims(text):
    assert read_status(text).status == "other"


@pytest.mark.parametrize(("text", "iso", "kind"), [
    # a plan's stage closes on its last day: the stage named after its time
    ("2023年5月8日至6月30日,为集中整改阶段", "2023-06-30", "date"),
    ("2022年3月1日至4月15日,是自查自纠阶段", "2022-04-15", "date"),
    ("2021年4月下旬至6月30日,为整改攻坚阶段", "2021-06-30", "date"),
    # ...or the stage as the range's label, as a window's (an inspection's stay stays none)
    ("集中整改阶段:2023年6月10日至12月31日", "2023-12-31", "date"),
    ("整改阶段为2023年5月6日至6月14日", "2023-06-14", "date"),
    ("督察进驻阶段(2023年5月8日至6月8日)", None, "unknown"),
    # ...or the work the plan assigns to the bodies it names, a manner phrase between
    ("4月1日至15日,组织各县区对照问题清单开展自查", "2023-04-15", "date"),
    ("4月1日至15日,按照工作方案,督促各乡镇完成排查", "2023-04-15", "date"),
    ("3月10日至20日,各县区要对照清单完成自查", "2023-03-20", "date"),
    # ...not a report of that work, nor an event with its subject
    ("4月1日至15日,组织各县区开展了自查", None, "unknown"),
    ("4月1日至15日,市督察组对各县区开展督察", None, "unknown"),
    ("3月10日至20日,各县区完成了自查", None, "unknown"),
    ("9月15日至25日,将对各县开展全面督查", None, "unknown"),
    # a five-year plan's period with a completion aimed at within it: the period's end
    ("“十四五”时期要全面排查尾矿库并全部完成治理", "2025-12-31", "date"),
    ("十三五期间确保建成污水处理厂3座", "2020-12-31", "date"),
    ("“十四五”期间,全市要完成造林10万亩", "2025-12-31", "date"),
    # ...not a report, a trend, or a title
    ("“十三五”期间,全市完成造林10万亩", None, "unknown"),
    ("十三五期间完成了造林10万亩", None, "unknown"),
    ("“十二五”时期,全市污染物排放总量下降", None, "unknown"),
    ("“十三五”期间,我市人口仍将持续增长", None, "unknown"),
    ("《十四五期间要完成的任务清单》", None, "unknown"),
    # 立 / 即 + a verb twice: done at once
    ("对一般问题立查立改", None, "immediate"),
    ("能当场解决的,立整立改", None, "immediate"),
    ("发现问题即查即改", None, "immediate"),
])
def test_deadline_forms_of_sets_13_and_14(text, iso, kind):
    found = deadline(text, context_year=2023)
    assert (found.iso(), found.kind) == (iso, kind)
