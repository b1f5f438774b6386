"""Round 52a (set 52's status and deadline dev rows, then older ones): the forms its mechanisms read, pinned with
constructed cases (no corpus text) — positives in forms no row has, negatives where the cue stands without its licence."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class


def _deadline(text: str) -> tuple[str | None, str] | None:
    read = deadline(text)
    return None if read.kind == "unknown" else (read.iso(), read.kind)


# -- D1 deadline: a three-digit ROC year, its era not named, before its month or its end (deadlines._ROC_BARE_YEAR)
@pytest.mark.parametrize(("text", "expected"), [
    ("本府限期於112年6月30日前完成改善", ("2023-06-30", "date")),
    ("受處分人應於109年12月15日以前提出改善計畫", ("2020-12-15", "date")),
    ("應於113年底前完成補正", ("2024-12-31", "date")),
    ("限期於111年十一月三十日前改善完成", ("2022-11-30", "date")),  # the month in Chinese numerals
    ("預告終止日:中華民國112年6月30日", ("2023-06-30", "date")),  # the era named: read as before
    ("本案已於112年6月30日完成改善", None),  # a past completion
    ("本計畫執行期程為112年", None),  # a bare 112年, no month
    ("該設備使用年限約120年", None),
])
def test_roc_bare_year(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D2 deadline: a span counted on from an event, then 后 — when something starts, no limit (duties.RELATIVE)
@pytest.mark.parametrize(("text", "expected"), [
    ("相關文件將自公告日起5日後刊登於網站", None),
    ("自收到通知之日起十五日以后方可复产", None),
    ("自收到通知之日起十五日内完成整改", (None, "relative")),  # within: a limit
    ("请自公告之日起10个工作日提交意见", (None, "relative")),  # counted on with no 后
])
def test_span_then_after(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D3 deadline: a demand denied before the time, or the time inside a definition closed by 者 (duties.limit_waived)
@pytest.mark.parametrize(("text", "expected"), [
    ("该局并未要求企业须于6个月内完成搬迁", None),
    ("文件没有要求各地在2021年底前全部完成", None),
    ("不再责令其于30日内拆除", None),
    ("逾期案件:系指交办后于15个工作日内未办结者。", None),
    ("该局要求企业须于6个月内完成搬迁", (None, "relative")),  # the demand stated
    ("文件要求各地在2021年底前全部完成", ("2021-12-31", "date")),
    ("指导企业于2021年底前完成改造", ("2021-12-31", "date")),  # 指导 is no definition
    ("督察组指出,须于30日内完成整改", (None, "relative")),  # 指出 is no definition
])
def test_limit_waived(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D4 deadline: at once, the matter after 就 / 针对, a remedy put forward, or those who act commissioned (duties.IMMEDIATE)
@pytest.mark.parametrize(("text", "expected"), [
    ("主管部门应立即就上述问题提出整改方案", (None, "immediate")),
    ("立即针对渗漏隐患制定处置计划", (None, "immediate")),
    ("责令该公司立即委托第三方开展土壤检测", (None, "immediate")),
    ("立即提出意见", None),  # no remedy named
    ("该公司未立即委托第三方检测", None),  # negated: a finding
])
def test_at_once_remedy(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D5 deadline: a trial run announced ahead over a span closes on its last day (windows.trial_span)
@pytest.mark.parametrize(("text", "expected"), [
    ("本项目拟于2025年3月1日至2025年8月31日进行试运行", ("2025-08-31", "date")),
    ("该厂计划于2024年5月1日—6月30日对脱硫设施进行调试,现予公示", ("2024-06-30", "date")),
    ("该项目已于2024年5月1日至6月30日进行了调试", None),  # past
    ("督察组将于2024年5月1日至6月30日开展督察", None),  # a check's stay, no trial
])
def test_trial_span(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- S1 status: a case closed (已结案, 已销案) done, as 已办结; not closed (未结案) behind (status_words.TERMINAL)
@pytest.mark.parametrize(("text", "expected"), [
    ("该陈情案件均已结案", "done"),
    ("举报事项已销案", "done"),
    ("三起案件至今未结案", "behind"),
    ("已结案的案件要定期回访", "other"),  # a group a duty is for
])
def test_case_closed(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- S2 status: kept up with a cadence between (仍须持续定期追踪, 持续不断跟踪) ongoing (status_phrases, ACTION's 追踪)
@pytest.mark.parametrize(("text", "expected"), [
    ("主管机关仍需持续定期追踪改善成效", "ongoing"),
    ("对该问题持续不断跟踪", "ongoing"),
    ("将持续定期追踪", "other"),  # a future duty
])
def test_kept_up_with_cadence(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- S3 status: not done by a time stated between (未于…完成), overdue by a span and not acted on (已逾…未), the
# improvements not carried out (没有落实改善), execution short of the ideal (执行情形未臻理想) behind (status_behind.BEHIND)
@pytest.mark.parametrize(("text", "expected"), [
    ("该公司未于2022年6月30日完成污染整治", "behind"),
    ("部分乡镇没有在年底前全部完成清理", "behind"),
    ("该厂已于2022年6月30日完成污染整治", "done"),  # 于…完成 reports it
    ("该单位已超过半年仍未答复", "behind"),
    ("已逾三个月未予回复", "behind"),
    ("约三成事项没有落实改进", "behind"),
    ("项目实施情况未尽理想", "behind"),
    ("如未于期限内完成整改,将依法处罚", "other"),  # a condition supposed
])
def test_not_done_by_time(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- S4 status: a panel's verdict on a project's completion acceptance (同意 / 建议 …, 竣工环保验收 or 符合…验收条件) is no
# task's state; a close-out agreed or a project reported past it stays done (status_attributes.project_verdict)
@pytest.mark.parametrize(("text", "expected"), [
    ("验收组认为该项目符合竣工环保验收条件,同意通过验收", "other"),
    ("专家组同意某污水处理厂一期工程竣工环境保护验收合格", "other"),
    ("评审组建议该工程通过竣工环境保护验收", "other"),
    ("验收组同意该问题通过验收销号", "done"),  # a close-out agreed
    ("该项目已通过竣工环保验收", "done"),  # reported past it
    ("污水管网工程已竣工", "done"),
])
def test_project_verdict(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- S5 status (older rows): the whole or all that was due done in the perfective (完成了全部…, 完成了应拆尽拆), the works
# built (建成了), a system set up for the most part (基本建立), the handling of cases with progress made (办理已取得…进展)
@pytest.mark.parametrize(("text", "expected"), [
    ("该镇完成了所有养殖场退养", "done"),
    ("沿河各村完成了应拆尽拆", "done"),
    ("力争完成了全部", "other"),  # an aim
    ("该区建成了两座污水处理站", "done"),
    ("该区未建成污水处理站", "behind"),
    ("三级网格监管体系已基本建立", "mostly_done"),
    ("到2025年,基本建立网格监管体系", "other"),  # a target's clause
    ("群众举报件的查处已取得阶段性进展", "on_track"),
    ("污染治理取得积极进展", "other"),  # no 已: a general remark
])
def test_perfective_whole_and_progress(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- D6 deadline (older row): a notice's window by its verb and length (现予公示5个工作日) relative (duties.RELATIVE)
@pytest.mark.parametrize(("text", "expected"), [
    ("现将有关情况予以公告十日,接受社会监督", (None, "relative")),
    ("特予公示7个工作日", (None, "relative")),
    ("予以公示七天(2024年5月1日至5月7日)", ("2024-05-07", "date")),  # its days stated
    ("该报告已公示5个工作日", None),  # no verb of a notice's own window
])
def test_notice_window_by_verb(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected
