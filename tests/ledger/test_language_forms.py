"""Forms of the government's own language the readers read, each with the span it read (issue 21, items 2 and 4)."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import citations, cited_numbers, deadline
from archive.ledger.progress import read_status, status_class
from archive.timeliness.dates import find_dates
from archive.timeliness.fields import problem_count, task_count
from archive.timeliness.shown_dates import parse_shown_date
from archive.timeliness.url_dates import url_date
from crawler.extraction.info import info_block


@pytest.mark.parametrize(("text", "context_year", "last_day", "kind", "read"), [
    ("确保年底前圆满完成阶段性整改任务", 2025, "2025-12-31", "date", "年底前"),  # the posting's year
    ("2023年5月进驻，同年底前完成", None, "2023-12-31", "date", "底前"),  # 同年: the text's last year
    ("今年底前完成", 2024, "2024-12-31", "date", "底前"),
    ("次年6月底前完成", 2024, "2025-06-30", "date", "6月底前"),
    ("公示时间:2025年1月3日-1月9日,共5个工作日。", None, "2025-01-09", "date", "1月9日"),  # a labelled window
    ("围绕2020年湖体水质达到Ⅲ类", None, "2020-12-31", "date", "2020年"),  # a year's target
    ("确保到2020年,洞庭湖湖体11个监测断面水质达到Ⅲ类", None, "2020-12-31", "date", "2020年"),
    ("督促指导其在30个工作日内研究制定整改方案", None, None, "relative", "30个工作日内"),
    ("信访件的办理情况在7天内反馈到督察组", None, None, "relative", "7天内"),
    ("主管领导应在个工作日内审核批复", None, None, "relative", "个工作日内"),  # the number lost, still a window
    ("立行立改并长期坚持", None, None, "ongoing", "长期坚持"),
    ("每年1月31日前", None, None, "recurring", "每年"),
    ("陶庙镇半个月内要启动项目征迁工作", None, None, "relative", "半个月内"),
    ("市住建局要确保城区黑臭水体治理项目3月份全面开工建设", 2020, "2020-03-31", "date", "3月份"),  # the plan's year
    ("截至2018年10月底完成阶段性整改目标", None, "2018-10-31", "date", "2018年10月底"),  # 截至 … 完成: a last day
])
def test_deadline_reads_its_form_and_says_what_it_read(text, context_year, last_day, kind, read):
    d = deadline(text, context_year=context_year)
    assert (d.iso(), d.kind, d.read) == (last_day, kind, read)


@pytest.mark.parametrize("text", [
    "2018年11月3日至12月3日",  # a period something happened in, not a window
    "截止2022年9月7日,共征集意见3条",  # a count's cut-off
    "截至2025年7月1日,中央第一生态环境保护督察组向我省交办的第二十六批群众信访举报件97件",
    "(2)本数据统计时间为2021年12月8日。",
    "该批次督察进驻已于2025年6月28日结束",  # a past event
    "到2020年将有可能达到110万人左右",  # a hedged projection
    "现在时间是:2024年11月22日",
    "针对2019年1月至2020年6月群众反映的油烟问题开展了回访",  # the period of what is handled (对/针对 + range)
])
def test_a_date_that_is_no_last_day_gives_none(text):
    d = deadline(text)
    assert (d.iso(), d.kind) == (None, "unknown")


def test_year_end_forms_are_dates_of_their_year():
    found = [(m.iso(), m.kind) for m in find_dates("2023年6月底前完成整治，年底前巩固提升")]
    assert found == [("2023-06-30", "deadline"), ("2023-12-31", "deadline")]
    assert find_dates("每年底前报送") == []  # recurring: no single year
    assert deadline("每年底前报送").kind == "recurring"


def test_item_4_date_forms_are_read():
    assert [m.iso() for m in find_dates("2022年5月进驻，同年8月反馈")] == ["2022-05-01", "2022-08-01"]
    assert [m.iso() for m in find_dates("今年3月5日", context_year=2024)] == ["2024-03-05"]
    assert [m.iso() for m in find_dates("2022年5月进驻，次年3月5日反馈")] == ["2022-05-01", "2023-03-05"]
    assert [m.iso() for m in find_dates("二〇二四年三月五日")] == ["2024-03-05"]
    assert parse_shown_date("二〇二四年三月五日") == "2024-03-05"  # a list row's Chinese-numeral date
    assert url_date("https://www.jiaozuo.gov.cn/2025/12-17/588880.html").iso() == "2025-12-17"
    assert deadline("自发布之日起5日内").kind == "relative"
    assert deadline("收到意见后10个工作日内").kind == "relative"


@pytest.mark.parametrize(("text", "value"), [
    ("信息来源:市生态环境局松滋市分局 | 发布时间:2025-08-22 16:54", ("市生态环境局松滋市分局", "2025-08-22", None, None)),
    ("来源：市生态环境局｜发布时间：2024-03-05", ("市生态环境局", "2024-03-05", None, None)),
    ("来源:县政府办丨时间:2024-03-05", ("县政府办", "2024-03-05", None, None)),
    ("发布时间:2024-03-05 · 来源:县政府办", ("县政府办", "2024-03-05", None, None)),
    ("发文日期:2024-03-01\n发布日期:2024-03-05", (None, "2024-03-05", "2024-03-01", None)),
    ("成文日期：二〇二四年三月五日", (None, None, "2024-03-05", None)),
    ("公示日期:2024-03-06至2024-03-12", (None, None, None, "2024-03-06")),  # never the posting date
    ("公示期:2024年3月6日至3月12日", (None, None, None, "2024-03-06")),
    # a table layout: the value is the next cell; 公开责任部门 names the body, 公开日期 is the posting date
    (("公开责任部门 | 紫阳县政府办公室 | 公开形式: | 主动公开 |\n文号 | 督察通报第十七期 | 成文日期: | 2022年09月14日 |\n"
      "有效性 | 有效 | 公开日期: | 2022年09月15日 |"), ("紫阳县政府办公室", "2022-09-15", "2022-09-14", None)),
    ("发布日期:2026-01-08 16:29:17 文章来源:甘南州生态环境保护督察整改办公室 作者: 访问量:",
     ("甘南州生态环境保护督察整改办公室", "2026-01-08", None, None)),
    ("26.07.2017  09:13", (None, "2017-07-26", None, None)),  # day first, with a time
    ("2019-07-09 02:50\n来源:互联网\n编辑:运营003", (None, "2019-07-09", None, None)),  # 互联网 names no body
    ("现在时间是:2024年11月22日\n时间 : 2023年02月10日  来源 : 新华社", ("新华社", "2023-02-10", None, None)),  # a clock
    ("来源:市发改委 2017-12-25 10:19 字体:【", ("市发改委", "2017-12-25", None, None)),
    ("2020-06-12 10:38:39 新安晚报 作者: 姚一鸣", ("新安晚报", "2020-06-12", None, None)),
    ("日期:2021-03-02  来源:管理员  点击:", (None, "2021-03-02", None, None)),  # a CMS account is no body
    ("某县生态环境分局\n\n20210309\n\n信息来源:某县生态环境分局",  # a signature printed as digits only
     ("某县生态环境分局", None, "2021-03-09", None)),
])
def test_info_block_fields_end_at_separators_and_keep_their_own_dates(text, value):
    assert info_block(text).value() == value


@pytest.mark.parametrize(("text", "numbers", "read"), [
    ("关于中央环保督察第8号问题整改 销号公示", [8], "第8号"),
    ("关于中央环保督察8问题整改\n\n销号公示", [8], "8"),  # a title that lost its 第 and 号
    ("吕梁市委、市政府组织人员对《整改方案》第 51 号整改任务完成情况进行了现场验收", [51], "第 51 号"),
    ("反馈问题(省编号 ):53", [53], "编号 ):53"),
])
def test_citation_grammar_reads_the_number_and_its_span(text, numbers, read):
    found = citations(text)
    assert cited_numbers(text) == numbers and read in found[0].text


@pytest.mark.parametrize("text", [
    "中央环保督察“回头看”反馈5个问题",  # a count has its measure word
    "2017年,省级环保督察反馈18项问题",
    "附件1:11月份“政府信箱”部门处理答复工作情况表",
    "序号 |\n反馈人 |\n意见内容 |\n1 |\n朱** |",  # a table's 序号 header and row number
    "第一条 为加强和规范农业高质量发展专项资金和项目管理",  # a rule's article
])
def test_not_a_citation(text):
    assert cited_numbers(text) == []


@pytest.mark.parametrize(("text", "status", "head"), [
    ("整改完成情况:\n1.完成管网改造规划任务。", "done", "完成"),  # the item label is not the wording
    ("交办的9件信访案件已全部整改到位", "done", "已全部整改到位"),
    ("各级各部门处理答复3055条,还有4条正在处理中", "on_track", "正在处理"),
    ("已经完成,长期坚持", "done", "已经完成"),
    ("当前整改中存在的突出问题整改进度缓慢", "behind", "进度缓慢"),
    ("第一轮中央生态环境保护督察反馈意见涉及我市35项整改任务,我市已全部报备销号", "done", "已全部报备销号"),
    ("督察期间转办的信访件12件,全部调查办结", "done", "全部调查办结"),  # 全部 + verb + result, no 已
    ("沿线堆放的建筑垃圾目前已清运完毕", "done", "已清运完毕"),
    ("问题清单已全部交办到位,各责任单位正在整改", "on_track", "正在整改"),  # handed over is not done
    ("确保全部整改到位", "other", None),  # a plan's aim
])
def test_status_by_its_head_verb_with_the_head(text, status, head):
    assert (read_status(text).status, read_status(text).head) == (status, head)
    assert status_class(text) == status


def test_task_count_keeps_its_span_and_counts_only_tasks():
    found = task_count("从4个方面的问题入手,整改任务清单包括43项整改任务")
    assert found is not None and (found.count, found.text) == (43, "43项整改任务")
    # another list's items (a 《政府工作报告》's tasks, 民生实事) are no plan's task count
    assert problem_count("《分工方案》将《政府工作报告》分解为五个方面79项重点工作任务") is None
    assert task_count("将销号工作划分为“建立台账、区级验收”等6个步骤") is None
    assert problem_count("中央、省委生态环境保护督察反馈我市的问题64个,目前已上报整改完成59个") == 64
    assert problem_count("2018年长江经济带生态环境警示片涉及我市问题2个,已于2019年整改完成") is None  # not fed back
    assert problem_count("梳理出督察组重点关注的35项问题,逐一移交属地") is None  # what the inspectors watch


def test_feedback_passed_on_at_a_study_meeting_is_not_the_feedback():
    from archive.timeliness.fields import feedback_date
    assert feedback_date("12月16日,市政府机关党组召开(扩大)会议,传达学习市委第三巡察组巡察反馈意见", context_year=2025) is None
    found = feedback_date("1月10日,省委省政府第四环境保护督察组督察运城市情况反馈会召开", context_year=2018)
    assert found is not None and found.iso() == "2018-01-10"
