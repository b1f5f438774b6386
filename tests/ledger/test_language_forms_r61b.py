"""Round r61b (set 61's dev rows): a watch kept round the clock by the hours, a daily deployment and a daily watch, a
watch kept up within a day's set times, mechanisms named by their periods joined by a dash, and a county paper's page
head over its day, pinned by constructed cases (no corpus text) with their near misses."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block

DEADLINE_CASES: list[tuple[str, str]] = [
    # D1 a watch kept round the clock by the hours (24小时 + the watch): ongoing, as 24小时不间断 (set 61's convention)
    ("镇里安排干部24小时值班值守", "ongoing"),
    ("各村落实24小时轮流值守制度", "ongoing"),
    ("卡点实行全天24小时巡逻", "ongoing"),
    ("库区實行二十四小時值班", "ongoing"),
    ("执法队伍7×24小时巡查重点区域", "ongoing"),
    ("开通24小时值班电话受理举报", "unknown"),
    ("安装24小时监控设备", "unknown"),
    ("接报后24小时内巡查到位", "relative"),
    ("过去24小时监测数据显示", "unknown"),
    # …beside an at-once fix, the fix decides (KEPT_BESIDE, set 57's convention)
    ("24小时值守,发现火情立即处置", "immediate"),
    ("实行24小时不间断值守,发现问题立即整改", "immediate"),
    # D2 a deployment or a watch each day: recurring
    ("每天出动执法人员20人次巡查", "recurring"),
    ("城管局每日派出3个督查组", "recurring"),
    ("每天均出动洒水车6台", "recurring"),
    ("每日安排专人值守", "recurring"),
    ("各镇每天值班巡逻", "recurring"),
    ("平均每天出动120人次", "unknown"),
    ("今年累计出动执法人员500人次", "unknown"),
    ("每天出动率保持在九成", "unknown"),
    # D3 a watch kept up within the times of day a daily cadence sets: recurring (set 61's convention)
    ("村干部每天早晚不间断巡查", "recurring"),
    ("网格员每日早中晚不间断巡逻", "recurring"),
    ("每天上午和下午不間斷巡河", "recurring"),
    ("每天24小时不间断巡逻", "ongoing"),
    ("坚持不间断巡查,每日上报", "ongoing"),
    # D4 mechanisms named by their periods, joined by a dash or a plus; 总结 / 小结 as a period's duty
    ("建立“日巡查—周调度”机制", "recurring"),
    ("实行“周推进-月总结”工作机制", "recurring"),
    ("推行周通报+月小结制度", "recurring"),
    ("采取“周調度—月總結”工作機制", "recurring"),
    ("每月总结一次", "recurring"),
    ("形成年度总结报告", "unknown"),
    ("上半年总结会议召开", "unknown"),
    ("3月总结了前期工作", "unknown"),
]


@pytest.mark.parametrize(("text", "kind"), DEADLINE_CASES)
def test_deadline_kind(text: str, kind: str) -> None:
    assert deadline(text).kind == kind


INFO_CASES: list[tuple[str, str | None, str | None]] = [
    # I1 a paper's page head over, beside or under a day alone: the issue's day the posting day, no publisher (set 61's
    # convention); a page number with no column or a head in a sentence none
    ("第三版:要闻\n2023年5月6日", "2023-05-06", None),
    ("第A2版 区县新闻 2022年11月3日", "2022-11-03", None),
    ("04版:綜合新聞\n2021年1月2日 星期六", "2021-01-02", None),
    ("2020年7月8日\n第二版:专题", "2020-07-08", None),
    ("第二版\n2020年5月1日", None, "2020-05-01"),
    ("修订后的第二版指南于2020年5月1日施行", None, None),
]


@pytest.mark.parametrize(("text", "posted", "issued"), INFO_CASES)
def test_info_page_head(text: str, posted: str | None, issued: str | None) -> None:
    block = info_block(text)
    assert (block.posted, block.issued, block.publisher) == (posted, issued, None)


TASK_COUNT_CASES: list[tuple[str, int | None]] = [
    # T1 the whole country as the count's scope in its sentence (a lead before it, the tally's subject after it): every
    # province's plans added up, no one plan's count
    ("从全国看,第二轮督察整改方案明确的1200项整改任务已完成900项", None),
    ("在全国范围内,督察整改任务共计2164项", None),
    ("全国层面上共明确督察整改任务3000项", None),
    ("第一轮督察和“回头看”共明确整改任务3294项,全国总体完成率达95%", None),
    ("截至去年底,两批督察整改方案共明确1500项任务,全国已完成1400项", None),
    # …a ranking or a comparison sets no scope: the plan's own count stays read
    ("我省督察整改方案明确的95项整改任务已完成90项,完成率居全国前列", 95),
    ("全市共有整改任务48项,完成率高于全国平均水平", 48),
    # T2 provinces and central firms inspected in one batch, counted together (N省M企): no one plan's count
    ("5省2企业督察整改方案明确的363项整改任务,已完成163项", None),
    ("第三批督察6省(区)和1家央企整改方案共明确整改任务410项", None),
    ("4省及2个中央企业整改方案明确的200項整改任務", None),
    # …a plan's own count, whatever its wording, stays read
    ("本方案共36项整改任务", 36),
    ("梳理形成36项整改任务", 36),
    ("我省第一轮中央生态环境保护督察“回头看”整改方案共62项整改任务", 62),
    ("第二轮中央生态环境保护督察反馈意见整改方案共明确整改任务48项", 48),
    ("截至2023年6月,我市督察整改方案明确的48项整改任务已完成45项", 48),
    ("省委省政府印发整改方案,形成74项整改任务", 74),
]


@pytest.mark.parametrize(("text", "count"), TASK_COUNT_CASES)
def test_task_count_scope(text: str, count: int | None) -> None:
    assert problem_count(text) == count
