"""Round r60b (the written deadline conventions audited by class, set 60's dev rows): a span from the day of or after an
undated event, a watch kept round the clock, a cadence of upkeep acts after 每天 / 定期 / 定时, and an info block's
bracketed attribution and a platform's online day, pinned by constructed cases (no corpus text) with their near misses."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from crawler.extraction.info import info_block

DEADLINE_CASES: list[tuple[str, str]] = [
    # D1 the day of or after an undated event, a duty set on it: relative (set 60's ✱)
    ("收到交办件的当日进行核查", "relative"),
    ("接到举报的当天赶赴现场", "relative"),
    ("受理投诉的次日反馈办理意见", "relative"),
    ("应在接到通知的第二天完成整改", "relative"),
    ("須在收到信訪件的當日轉辦", "relative"),
    ("工作组应于接收工单之翌日电话回访", "relative"),
    ("收到投诉的当天,执法人员赶到现场进行了核查", "unknown"),
    ("已于收到举报的当日完成核查", "unknown"),
    ("当天收到群众来信后开会研究", "unknown"),
    # D2 a watch kept round the clock (全天候 + the watch): ongoing, as 不间断
    ("实行全天候巡查机制", "ongoing"),
    ("对重点区域全天候监管", "ongoing"),
    ("開展全天候巡邏", "ongoing"),
    ("落实全天候值守", "ongoing"),
    ("服务大厅全天候开放", "unknown"),
    ("安装全天候监测设备", "unknown"),
    ("全天候在线监测系统已建成", "unknown"),
    # D3 a cadence of upkeep or checking acts after 每天 / 每日, 定期, 定时 (one home of the acts)
    ("每日对道路进行清扫", "recurring"),
    ("每天组织人员清理河面漂浮物", "recurring"),
    ("每日開展灑水作業", "recurring"),
    ("每天循环播放宣传标语", "recurring"),
    ("每日对工地进行检查", "recurring"),
    ("定期对周边环境进行检测", "recurring"),
    ("定期委托第三方检测", "recurring"),
    ("定期进行清淤", "recurring"),
    ("定时清理垃圾桶", "recurring"),
    ("每日清运量达50吨", "unknown"),
    ("每日9:00至17:00开放", "unknown"),
    ("检测率达到100%", "unknown"),
    ("规定期限内清理完毕", "unknown"),
]


@pytest.mark.parametrize(("text", "kind"), DEADLINE_CASES)
def test_deadline_kind(text: str, kind: str) -> None:
    assert deadline(text).kind == kind


INFO_CASES: list[tuple[str, str | None, str | None]] = [
    # I1 a bracketed attribution after a source that names no body: its value the publisher; the source's value ends at
    # the bracket, the closing mark no part of the name (set 60's ✱)
    ("2023/5/6 来源:不详「本文来源:某某晚报」", "某某晚报", "2023-05-06"),
    ("来源:佚名(原文来源:某某新闻网) 2021-01-02", "某某新闻网", "2021-01-02"),
    ("來源:不詳【本文來源:某某日報】", "某某日報", None),
    ("来源:未知“原文来源:某某县人民政府”", "某某县人民政府", None),
    ("来源:某某日报(原文来源:某某网)", "某某日报", None),
    ("来源:某某(集团)公司", "某某(集团)公司", None),
    ("来源:不详", None, None),
    # I2 a day alone glossed as a platform's online or first-published day: the posting day (set 60's ✱)
    ("2019-03-08(某平台首次上网日期,不代表论文的发表时间)", None, "2019-03-08"),
    ("2020-03-05 (网络首发)", None, "2020-03-05"),
    ("2021-07-01(在线出版日期)", None, "2021-07-01"),
    ("2020-03-05(会议召开)", None, None),
    ("2020-03-05(截止)", None, None),
]


@pytest.mark.parametrize(("text", "publisher", "posted"), INFO_CASES)
def test_info_block(text: str, publisher: str | None, posted: str | None) -> None:
    found = info_block(text)
    assert (found.publisher, found.posted) == (publisher, posted)
