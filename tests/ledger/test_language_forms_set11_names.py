"""Forms the dev rows of fresh sets 11 and 12 showed misread by the inspection, feedback-date, task-count and
info-block readers, read as grammar (issue 21); every text here is our own, built on the construction, not a
corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.timeliness.fields import feedback_date, problem_count
from crawler.extraction.info import info_block


@pytest.mark.parametrize(("text", "key"), [
    # the 兵团 holds its own inspections, numbered groups too, at the provincial level
    ("兵团第二生态环境保护督察组进驻第八师", ("provincial", None, None, 2, False, False)),
    ("新疆生产建设兵团第一生态环境保护督察组向某师交办信访件", ("provincial", None, None, 1, False, False)),
    # a municipality's 市级 inspection is its own, provincial; 集中 may stand before 督察 as 专项 does
    ("天津市启动市级生态环境保护督察", ("provincial", None, None, None, False, False)),
    ("北京完成了对五个区的市级环保集中督察", ("provincial", None, None, None, False, False)),
    # a naming inside a background frame (在…的基础上,) yields to the one the sentence is about
    ("在中央环保督察进驻三个区的基础上,上海完成了其余区的市级环保督察", ("provincial", None, None, None, False, False)),
    # …and stands when nothing follows it
    ("在中央环保督察整改的基础上,某县完善了长效机制", ("central", None, None, None, False, False)),
])
def test_inspection_levels_of_the_corps_and_municipalities(text, key):
    found = inspection_name(text)
    assert found is not None and found.key() == key


@pytest.mark.parametrize("text", [
    # any other city's 市级 inspection is no level of the ledger's
    "某市组织开展市级环保督察",
    # central and provincial named together with 省级 give no one level, as with 省
    "推动第二轮中央和省级生态环境保护督察反馈问题整改",
    "抓好中央、省级环保督察交办问题整改",
])
def test_no_one_level(text):
    assert inspection_name(text) is None


@pytest.mark.parametrize(("text", "context_year", "iso"), [
    # 同年 counts from the year last named, also when that one was named relative to the page's (去年)
    ("去年4月,省督察组对甲、乙两市开展督察,同年9月反馈了督察意见。", 2021, "2020-09-01"),
    ("2018年6月督察组进驻某市,同年11月向某市反馈督察意见", 2020, "2018-11-01"),
])
def test_feedback_month_in_the_same_year_as_a_relative_one(text, context_year, iso):
    found = feedback_date(text, context_year=context_year)
    assert found is not None and found.value is not None and found.value.isoformat() == iso


@pytest.mark.parametrize(("text", "count"), [
    # an inspection's name between the count and its tasks
    ("截至5月底,全市27项中央生态环境保护督察整改任务已完成19项", 27),
    # the feedback's problems, then the part done
    ("截至9月底,33项反馈问题已完成整改30项,其余3项正在推进", 33),
    # a total after its categories, with 个 before 整改任务
    ("全县3个方面12项40个整改任务已基本完成", 40),
    # a total glued to 问题 without its classifier, followed by its part done (whose manner stands between)
    ("涉及本区的9问题已按时序要求完成整改任务7项", 9),
    # problems the petitions raised are no plan's count…
    ("督察期间交办信访件涉及的环境问题1200个,已整改完成1100个", None),
    # …unless the feedback's own count follows them in the clause
    ("围绕信访件和督察反馈的58个问题抓整改", 58),
    # a number glued to 问题 after 第 is an ordinal, no total
    ("第7问题已完成整改2个", None),
    # 问题 qualifying another noun (问题项目, 问题线索) counts that noun
    ("对辖区内整改中的拆除、复绿等60个问题项目清单进行专项督查", None),
    # a total broken down by several bodies' counts after 其中 adds their plans up
    ("整改方案共确定90项整改任务,其中甲市30项、乙市25项、丙县35项", None),
    # …while a part done after 其中 leaves the total the plan's
    ("整改方案共确定90项整改任务,其中已完成60项", 90),
    # a clause opened by 其中 counts a part of a total, no plan's count
    ("其中,今年底前须完成的33个整改任务已完成30个", None),
    ("其中2019年底前要完成的12项整改任务", None),
    # 个 before 整改任务 yields to a count with 项: N个整改任务、共M项具体问题
    ("要完成整改的15个整改任务、共120项具体问题,已完成整改100项", 120),
])
def test_task_count_constructions(text, count):
    assert problem_count(text) == count


def test_a_dateline_names_the_day_and_the_body_that_posted():
    block = info_block("2023-08-09 某某市生态环境局办公室 王某")
    assert (block.publisher, block.posted) == ("某某市生态环境局办公室", "2023-08-09")


def test_a_title_line_closed_by_its_day_gives_the_posting_day_only():
    block = info_block("某某县委 某某县人民政府 关于某某督察反馈意见整改落实情况的通报 2022-10-18")
    assert (block.publisher, block.posted, block.issued) == (None, "2022-10-18", None)


@pytest.mark.parametrize("text", [
    # a body's name before the day signs it: no title line
    "某某市生态环境保护督察整改工作领导小组办公室 2022-10-18",
    # a table's row opens with its serial number
    "3 某某公司废水直排问题 已完成整改 2023-05-06",
])
def test_no_title_line_before_a_day(text):
    assert info_block(text).posted is None
