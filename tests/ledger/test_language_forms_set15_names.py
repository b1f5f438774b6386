"""Forms the dev rows of fresh sets 15 and 16 showed misread by the inspection, feedback-date, task-count and
info-block readers, read as grammar (issue 21); every text here is our own, built on the construction, not a
corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.timeliness.feedback import feedback_date
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block


@pytest.mark.parametrize(("text", "key"), [
    # a count of groups after the level's round and batch (某省第一轮第二批N个…督察组) keeps round and batch
    ("3月2日,某省第一轮第二批4个生态环境保护督察组全部进驻", ("provincial", 1, 2, None, False, False)),
    ("某自治区第二轮第三批6个环境保护督察组陆续完成进驻", ("provincial", 2, 3, None, False, False)),
    # a bare 督察组 with a round and a batch and no level completes the naming before it
    ("随着中央第五生态环境保护督察组进驻某省,第二轮第四批6个督察组全部完成进驻",
     ("central", 2, 4, 5, False, False)),
    # the batch of those receiving the inspection (第N批接受中央…督察的…)
    ("第二批接受中央环境保护督察的7个省份", ("central", None, 2, None, False, False)),
    ("首批迎接中央生态环境保护督察的省份已完成整改", ("central", None, 1, None, False, False)),
])
def test_inspection_group_counts_bare_groups_and_receiving_batches(text, key):
    found = inspection_name(text)
    assert found is not None and found.key() == key


@pytest.mark.parametrize(("text", "key"), [
    # 分N轮 counts rounds (as 分N批): no round stated
    ("某省分两轮对6个市开展了省级环保督察", ("provincial", None, None, None, False, False)),
    ("某省分3轮开展省级生态环境保护督察", ("provincial", None, None, None, False, False)),
])
def test_split_into_rounds_states_no_round(text, key):
    found = inspection_name(text)
    assert found is not None and found.key() == key


@pytest.mark.parametrize(("text", "year", "day"), [
    # a span of days after a news dateline (…电 …督察组10日至11日分别向…反馈): the dateline's month, the span's first day
    ("新华社北京6月12日电 第二轮第三批中央生态环境保护督察组10日至11日分别向甲省、乙省反馈督察情况", 2023, "2023-06-10"),
    ("新华社某地9月8日电 各督察组3日-5日陆续向某省、某区反馈督察意见", 2021, "2021-09-03"),
    # one day alone keeps its day
    ("新华社北京6月12日电 中央第一生态环境保护督察组11日向某省反馈督察情况", 2023, "2023-06-11"),
])
def test_feedback_over_a_span_of_days_after_a_dateline(text, year, day):
    found = feedback_date(text, context_year=year)
    assert found is not None and found.value is not None and found.value.isoformat() == day


@pytest.mark.parametrize(("text", "value"), [
    # a paper's name alone on its line before its reporter in brackets (某某日报 (记者 某某)): the publisher
    ("12.03.2019  08:40\n   某城晚报 (记者 李某)", ("某城晚报", "2019-03-12", None, None)),
    ("2020-05-06 09:12\n某省日报 (通讯员 张某)", ("某省日报", "2020-05-06", None, None)),
    # a medium's name ending 新闻 before a day and its time (某某经济新闻 2019-01-02 10:11:12): the publisher
    ("某地财经新闻 2019-01-02 10:11:12", ("某地财经新闻", "2019-01-02", None, None)),
    # a correspondent or a reporter named after 来源 is no body
    ("来源:通讯员 王某\n审核:李某", None),
    ("来源:记者 赵某某\n编辑:钱某", None),
])
def test_info_block_papers_before_reporters_news_media_and_correspondents(text, value):
    assert info_block(text).value() == value


def test_a_column_ending_in_news_before_a_bare_day_is_no_publisher():
    assert info_block("图片新闻 2024-01-01").publisher is None


@pytest.mark.parametrize(("text", "key"), [
    # a level acting as the subject on a body (中央先后对某省开展了N轮…督察): the level-less naming after it is its
    ("2016年和2020年,中央先后对某省开展了2轮生态环境保护督察,并反馈督察意见。", ("central", None, None, None, False, False)),
    ("2021年6月,某省已对5个市开展了第二批督察“回头看”", ("provincial", None, 2, None, True, False)),
    ("中央于2019年对某自治区进行了环境保护督察", ("central", None, None, None, False, False)),
])
def test_a_level_as_the_subject_names_the_inspection_after_it(text, key):
    found = inspection_name(text)
    assert found is not None and found.key() == key


@pytest.mark.parametrize("text", [
    # without a level as its subject, a bare 督察“回头看” names nothing
    "某市已对3个县开展了第一批督察“回头看”",
    "各地要对照开展督察“回头看”",
])
def test_a_bare_look_back_without_a_level_names_nothing(text):
    assert inspection_name(text) is None


@pytest.mark.parametrize(("text", "key"), [
    # 专项督察 / 例行督察 right after a level, with no core words, names that level's inspection
    ("某自治区专项督察发现的问题已全部整改", ("provincial", None, None, None, False, True)),
    ("今年省级例行督察共交办问题12个", ("provincial", None, None, None, False, False)),
])
def test_a_special_or_routine_inspection_after_its_level(text, key):
    found = inspection_name(text)
    assert found is not None and found.key() == key


@pytest.mark.parametrize("text", [
    # …so a central naming joined to it in one clause names two levels, none
    "盯住中央环保督察反馈问题、媒体曝光问题、自治区专项督察指出问题",
    # …and with no level before it, it names nothing
    "开展专项督察和例行督察",
])
def test_a_special_inspection_without_one_level_names_none(text):
    assert inspection_name(text) is None


@pytest.mark.parametrize(("text", "key"), [
    # a link a spam site inserted inside the name (中央生态环境《某某app下载》保护督察组) is read as not there
    ("第二轮第三批6个中央生态环境《星空app官网》保护督察组陆续进驻", ("central", 2, 3, None, False, False)),
    ("某省第一轮环境《abc网址》保护督察启动", ("provincial", 1, None, None, False, False)),
    # a title that names the inspection is kept, Latin letters or not
    ("印发《某市PM2.5第二轮中央生态环境保护督察整改方案》", ("central", 2, None, None, False, False)),
])
def test_a_spam_link_inside_the_name_is_read_as_not_there(text, key):
    found = inspection_name(text)
    assert found is not None and found.key() == key


@pytest.mark.parametrize(("text", "day"), [
    # a day whose 年 and 月 the page lost (2021613日) is read as written meant when its digits split one way only
    ("2021613日,省第一生态环境保护督察组向某市反馈了督察意见", "2021-06-13"),
    ("20191125日,中央第三生态环境保护督察组向某省反馈督察情况", "2019-11-25"),
    # 2020111日 is 1月11日 or 11月1日: not read
    ("2020111日,省第二生态环境保护督察组向某市反馈了督察意见", None),
])
def test_feedback_on_a_day_whose_year_and_month_marks_were_lost(text, day):
    found = feedback_date(text)
    assert (found.iso() if found else None) == day


@pytest.mark.parametrize(("text", "count"), [
    # a total over a number of provinces' plans is no one plan's count
    ("截至去年底,6省(区)督察整改方案明确的402项整改任务已完成250项", None),
    ("9省市整改方案共明确了611项整改任务", None),
    ("5个省份的整改方案共确定300项整改任务", None),
    # ...while one province's plan, or a group numbered after 第, keeps its count
    ("我省整改方案明确的56项整改任务", 56),
    ("第7省督察组反馈的30个问题", 30),
])
def test_a_total_over_several_provinces_plans_is_no_plans_count(text, count):
    assert problem_count(text) == count
