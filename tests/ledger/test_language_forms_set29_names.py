"""Set 29–30 dev rows' unread constructions in the feedback, task-count and info-block readers (issue 21), pinned with
our own sentences (never corpus rows): positives in a writer's variants and near misses that must not fire."""
from __future__ import annotations

import pytest

from archive.timeliness.feedback import feedback_date
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block


def _day(text: str) -> str | None:
    """The feedback's day the reader gives (the page's year 2022), or None."""
    found = feedback_date(text, context_year=2022)
    return found.value.isoformat() if found is not None and found.value is not None else None

# -- feedback: the act named by a light verb, what was fed back before 的 (进行了…意见的反馈) ------------------------


@pytest.mark.parametrize(("text", "day"), [
    ("11月25日，市第二生态环境保护督察组向某区进行了督察意见的反馈。", "2022-11-25"),
    ("2022年11月25日，省第三生态环境保护督察组对某市作出了督察情况的正式反馈", "2022-11-25"),
    ("2022年11月25日,中央第四生态环境保护督察组向某省进行“回头看”情况的反馈", "2022-11-25"),
    ("2021年6月3日，省督察组向某县做出督察报告的书面反馈", "2021-06-03"),
    ("2021年6月3日，省环保督察组向某县予以督察意见的集中反馈", "2021-06-03"),
    ("2020年5月8日，市第一環境保護督察組向某區進行了督察意見的反饋。", "2020-05-08"),
    ("经省委批准，2019年9月2日省第五生态环境保护督察组开展了督察结果的反馈", "2019-09-02"),
    ("2023年4月12日 市生态环境保护督察组向某镇进行了专项督察意见 的 反馈", "2023-04-12"),
    ("2022年11月25日，省督察组向某市进行了现场反馈", "2022-11-25"),  # its manner between
    ("2022年11月25日，省第一督察组对某市开展了督察反馈", "2022-11-25"),
    ("2022年11月25日，省督察组向某市予以集中反馈", "2022-11-25"),
    ("2022年11月25日，省督察组向某市党委做出书面反馈", "2022-11-25"),
])
def test_a_light_verb_naming_what_was_fed_back_dates_the_feedback(text, day):
    assert _day(text) == day


@pytest.mark.parametrize("text", [
    "2022年11月25日，某县对督察组交办的信访件进行了办理结果的反馈",  # a reply to a petition
    "2022年11月25日，某局向督察组进行了整改情况的反馈",  # a body reporting back to the inspectors
    "2022年11月25日，督察组进行了督察意见的反馈问题整改督导",  # the feedback's problems, another act
    "2022年11月25日，某市召开会议，对落实督察意见的反馈工作作出部署",  # the feedback's work, planned
    "2022年11月25日，某县进行了群众意见的反馈",  # no inspectors named
    "2022年11月25日，某市开展督察反馈意见整改落实",  # acting on the feedback
    "2022年11月25日，某市开展督察反馈问题整改",
    "2022年11月25日，某县开展反馈整改工作",
])
def test_a_light_verb_on_someone_elses_reply_is_no_feedback(text):
    assert _day(text) is None


# -- feedback: a day the feedback is planned for (将于 / 拟于 / 计划于 / 预计) is not yet given (precision) ----------------


@pytest.mark.parametrize("text", [
    "督察组将于2022年11月25日向某市反馈督察意见",
    "督察组计划于2022年11月25日向某市反馈督察意见",
    "省第二督察组拟于11月25日向某县进行反馈",
    "督察组预计2022年11月25日向某市反馈",
    "中央第三生态环境保护督察组将在2022年11月25日向某省反馈督察情况",
    "督察組將於2022年11月25日向某市反饋督察意見",
    "督察组预定于11月25日召开督察反馈会",
    "经批准，督察组将于11月25日上午向某市作出督察情况的反馈",
])
def test_a_planned_feedback_day_is_not_the_feedbacks(text):
    assert _day(text) is None


@pytest.mark.parametrize("text", [
    "督察组于2022年11月25日向某市反馈督察意见",
    "督察组已于2022年11月25日向某市反馈督察意见",
    "2022年11月25日，督察组将督察报告反馈某市",  # 将 takes the object, after the day
    "按照计划，2022年11月25日督察组向某市反馈了督察意见",  # a plan named before, the day itself stated
])
def test_a_given_feedbacks_day_is_still_read(text):
    assert _day(text) == "2022-11-25"


# -- task count: a completion in a period reported on, right before the count, is the period's work (precision) -------


@pytest.mark.parametrize("text", [
    "本月完成整改任务5项",
    "上半年，全市完成整改任务12项",
    "一季度完成中央环保督察整改任务3项",
    "10月份完成整改任务6项",
    "十月份完成督察反馈问题整改4个",
    "截至6月底，完成整改任务30项",
    "截至目前，全市完成督察整改任务30项",
    "截至2022年12月，共完成中央督察整改问题15个",
    "截止目前，某县办结督察整改任务9项",
])
def test_a_completion_in_a_reported_period_is_no_plans_count(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "count"), [
    ("2024年8月前完成42项整改任务", 42),  # a deadline: the plan's whole
    ("方案明确，2025年底前完成整改任务46项", 46),
    ("截至目前，方案明确的56项整改任务已完成50项", 56),  # the total before its part done
    ("本月，我市印发整改方案，明确整改任务56项", 56),  # a plan stated in the month
    ("截至目前，需完成整改任务35项", 35),  # what is due: the whole
])
def test_a_deadline_or_a_plan_keeps_its_count(text, count):
    assert problem_count(text) == count


# -- info block: a paper's issue line, spaced inside its marks, with its edition, the page as 第N版 ---------------------


@pytest.mark.parametrize(("text", "publisher", "posted"), [
    ("《 某某日报 》( 2019年10月30日 11 版)", "某某日报", "2019-10-30"),
    ("《人民日报海外版》（2019年10月30日 第03版）", "人民日报海外版", "2019-10-30"),
    ("《光明日报》（ 2021年03月05日 第 07 版 ）", "光明日报", "2021-03-05"),
    ("《 中国环境报 》（2020-06-01 02 版）", "中国环境报", "2020-06-01"),
    ("《\u3000某某晚报\u3000》（2018年7月6日，第14版）", "某某晚报", "2018-07-06"),
    ("《某某農民報》（2017年5月2日 A3版）", "某某農民報", "2017-05-02"),  # kept as written
    ("《经济日报》 （2024年1月9日 第 5 版）", "经济日报", "2024-01-09"),
    ("《某某环境报》(2016/03/08 04版)", "某某环境报", "2016-03-08"),
])
def test_a_papers_issue_line_gives_its_name_and_day(text, publisher, posted):
    block = info_block(text)
    assert (block.publisher, block.posted) == (publisher, posted)


@pytest.mark.parametrize("text", [
    "《中华人民共和国环境保护法》（2014年4月24日修订）",  # a law and its revision
    "《某某省大气污染防治条例》（2019年10月30日 第3次修正）",  # a regulation's amendment, no paper
    "《关于加强督察整改的通知》（2020年6月1日）",  # a document's date
    "《 某某规划 》( 2019年10月30日 11 版)",  # a plan, not a paper, whatever its brackets
])
def test_a_titles_bracketed_day_is_no_papers_issue(text):
    assert info_block(text).publisher is None


# -- info block: a day after the writer's name under the writer's label is the posting day ---------------------------


@pytest.mark.parametrize(("text", "posted"), [
    ("编辑: 某某某 2019-07-29", "2019-07-29"),
    ("作者：王某 2020年3月4日", "2020-03-04"),
    ("责任编辑:李某某  2021-05-06", "2021-05-06"),
    ("編輯：張某 2019/07/29", "2019-07-29"),
    ("作者:某某 | 2019-07-29", "2019-07-29"),
    ("撰稿：阿依·买买提 2019-07-29 10:20", "2019-07-29"),
    ("撰文：某某\u30002022.11.03", "2022-11-03"),
    ("责任编辑：某某   2023年12月1日   打印本页", "2023-12-01"),
])
def test_a_day_after_the_writers_name_is_the_posting_day(text, posted):
    block = info_block(text)
    assert (block.publisher, block.posted) == (None, posted)


@pytest.mark.parametrize("text", [
    "编辑:张三",  # no day
    "作者:2019级学生",  # a class, no day
    "作者:某某某（2019-07-29修改）",  # a revision's day
    "作者:张三 2019-07-29修改",  # the day of an edit
    "编辑:某某 2019-07-29至2019-08-01",  # a span
])
def test_a_writers_other_day_is_no_posting_day(text):
    assert info_block(text).posted is None


# -- info block: a document's kind ending in 报 before its day is a list line's title, no medium (precision) ------------


@pytest.mark.parametrize("text", [
    "整改情况通报 2024-01-02",
    "督察工作简报 2024-01-02",
    "环境质量月报 2024-01-02",
    "国民经济和社会发展统计公报 2024-01-02",
    "生态环境质量季报 | 2023-10-08",
    "某某县环境信息年报\n2023-12-30 10:21",
    "第三季度整改工作简报 2024-01-02 09:30",
    "环保整改喜报 2024-01-02",
])
def test_a_documents_kind_before_its_day_names_no_medium(text):
    block = info_block(text)
    assert block.publisher is None and block.posted is not None


@pytest.mark.parametrize(("text", "publisher"), [
    ("现代快报 2017-12-09", "现代快报"),  # a paper ending in 快报
    ("文汇报 2019-01-02", "文汇报"),  # …or in 汇报
    ("某某晚报 | 2019-01-02", "某某晚报"),
    ("中国环境报 2024-01-02", "中国环境报"),
    ("某某周报 2024-01-02", "某某周报"),
])
def test_a_papers_name_ending_in_bao_is_still_its_medium(text, publisher):
    assert info_block(text).publisher == publisher
