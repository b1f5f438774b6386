"""Forms the dev rows of fresh sets 13 and 14 showed misread by the inspection, feedback-date, task-count and
info-block readers, read as grammar (issue 21); every text here is our own, built on the construction, not a
corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.timeliness.fields import feedback_date, problem_count
from crawler.extraction.info import info_block


@pytest.mark.parametrize(("text", "key"), [
    # the group after the body, written 第N督察组 after the inspection's name
    ("2022年5月,某省第三轮生态环境保护督察第二督察组对某市开展了例行督察", ("provincial", 3, None, 2, False, False)),
    ("中央生态环境保护督察第四督察组进驻某省", ("central", None, None, 4, False, False)),
    # a count of batches between the round and the level (首轮N个批次省级…督察) keeps the round
    ("某省先后开展了首轮3个批次省级环境保护督察", ("provincial", 1, None, None, False, False)),
    ("第二轮共5个批次中央生态环境保护督察已全部完成", ("central", 2, None, None, False, False)),
    # a plan's title issued inside a notice's title (《关于印发〈…整改方案〉的通知》) names the plan's inspection
    ("按照《某省人民政府关于印发〈某省贯彻落实第二轮中央生态环境保护督察反馈意见整改方案〉的通知》要求",
     ("central", 2, None, None, False, False)),
    ("根据《关于印发〈某市落实中央环境保护督察“回头看”及某湖专项督察反馈意见整改方案〉的通知》",
     ("central", None, None, None, True, True)),
])
def test_inspection_group_after_the_body_batch_counts_and_issued_plans(text, key):
    found = inspection_name(text)
    assert found is not None and found.key() == key


@pytest.mark.parametrize("text", [
    # a rule issued inside a notice's title (〈…办法〉, 〈…规定(试行)〉) still names no inspection
    "根据《关于印发〈某省生态环境保护督察工作实施办法〉的通知》",
    "按照《关于印发〈某市环境保护督察整改工作规定(试行)〉的通知》执行",
])
def test_a_rule_issued_inside_a_notice_names_no_inspection(text):
    assert inspection_name(text) is None


@pytest.mark.parametrize(("text", "count"), [
    # measures are the plan's list when the part done follows them
    ("某县落实省第二督察组反馈问题的64项整改措施已完成51项", 64),
    # problems broken into tasks: the tasks are the plan's count
    ("中央督察反馈某省的31个问题细化为142项整改任务", 142),
    ("第三轮督察反馈某市17个问题共85项任务", 85),
    # a whole plan set for one last day stays the plan's count
    ("某省要求2025年6月前完成36项具体整改任务", 36),
    # parts scheduled by their last days, and a part after them, state no total
    ("2023年底前完成整改任务4项,2024年6月底前完成整改任务6项,需长期坚持的整改任务2项", None),
    # a total before its scheduled parts is still the plan's
    ("督察反馈的12个问题,2023年底前完成整改5个,2024年底前完成整改7个", 12),
    # tasks officials lead (领办) are their share, no plan's count; a city taking on its share (认领) counts
    ("建立领导干部包干机制,共领办各类整改任务320项。", None),
    ("对照督察反馈意见,某市共认领27项整改任务", 27),
    # problems a check on the ground found, with no inspection named, are no plan's count
    ("对沿河巡查路线进行实地查看,梳理了两岸需整改的11个问题", None),
    # …while the inspectors' feedback in the sentence keeps it
    ("经实地查看,梳理了督察反馈需整改的11个问题", 11),
])
def test_task_count_measures_breakdowns_schedules_and_shares(text, count):
    assert problem_count(text) == count


@pytest.mark.parametrize(("text", "context_year", "iso"), [
    # a day-only feedback sentence after a news dateline takes the dateline's month; the year the report states
    ("某社某地9月12日电 2018年第二批中央环境保护督察近日向地方反馈。12日,督察组向某省委、省政府进行了反馈。",
     None, "2018-09-12"),
    # …inside the dateline's sentence too, after the inspectors' name
    ("某社某地6月3日电(记者某某)中央第一生态环境保护督察组2日向某省委、省政府反馈督察情况", 2022, "2022-06-02"),
    # …or the page's
    ("某社某地9月12日电 11日上午,中央第三生态环境保护督察组向某省反馈了督察情况。", 2021, "2021-09-11"),
])
def test_feedback_day_after_a_news_dateline(text, context_year, iso):
    found = feedback_date(text, context_year=context_year)
    assert found is not None and found.iso() == iso


@pytest.mark.parametrize(("text", "context_year"), [
    # a day after the dateline's is an earlier month's, which the text does not say
    ("某社某地9月12日电 28日,督察组向某省进行了反馈。", 2021),
    # no year stated and none from the page: no day
    ("某社某地9月12日电 12日,督察组向某省进行了反馈。", None),
])
def test_feedback_day_a_dateline_cannot_date(text, context_year):
    found = feedback_date(text, context_year=context_year)
    assert found is None or found.value is None


@pytest.mark.parametrize(("text", "fields"), [
    # a paper's issue line: its name and the issue's day, with the page in the bracket
    ("《某某晚报》(2023年03月14日 06版)", ("某某晚报", "2023-03-14", None, None)),
    # 印发时间 / 印发日期 is the document's date, never the posting date
    ("印发时间:2020年4月8日", (None, None, "2020-04-08", None)),
    ("印发日期: 2021-11-02", (None, None, "2021-11-02", None)),
    # an effective or expiry time is no posting date
    ("成文日期: 2022-05-06 生效时间: 2022-06-01", (None, None, "2022-05-06", None)),
    # a site's name after the time, before its comment control (参与评论), is the publisher
    ("2021-09-03 08:15:02  某某网    参与评论()人", ("某某网", "2021-09-03", None, None)),
])
def test_info_block_issue_lines_issuing_labels_and_comment_controls(text, fields):
    assert info_block(text).value() == fields
