"""Forms the dev rows of fresh sets 11 and 12 showed misread in progress status and deadlines, read as grammar
(issue 21); every text here is our own, built on the construction, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import read_status


@pytest.mark.parametrize(("text", "status", "head"), [
    # 结束 is a terminal verb after 已: a stay or a training ended
    ("省级督察组已结束对甲市的督察进驻", "done", "已结束"),
    ("各乡镇环境整治培训已全部结束", "done", "已全部结束"),
    # …and one not yet ended is behind, as work not yet finished (尚未完工): the negated result 未结束
    ("目前省级督察组对甲市的督察还未结束", "behind", "未结束"),
    ("乙县河道专项整治仍未结束", "behind", "未结束"),
    # 清 closes a verb of finding out or settling as its result (查清, 结清)
    ("督察组移交的5条问题线索已全部查清", "done", "已全部查清"),
    ("该企业拖欠的治理费用已结清", "done", "已结清"),
    # the progressive 正 before an action verb: 组织 is one
    ("镇政府正组织力量对河道垃圾开展清理", "on_track", "正组织"),
    # the main works as the object of the completion: mostly done
    ("某街道社区服务中心已完成主体建设", "mostly_done", "已完成主体"),
    # all handled, in the perfective
    ("群众反映的12件问题均依法进行了调查处理", "done", "均依法进行了调查处理"),
    # the rectification's requirement or standard reached
    ("经复核,该县黑臭水体问题已达到整改要求", "done", "已达到整改要求"),
    # ...while the set pace reached stays on track
    ("目前已达到序时进度要求", "on_track", "序时"),
    # a completion rate of 100 %
    ("截至目前,交办问题整改率达到100%", "done", "整改率达到100%"),
    # a stage completed (阶段性办结) is no done head: the rest decides
    ("剩余3件已阶段性办结,正按计划推进", "on_track", "正按计划推进"),
    # …and the rest closed for a stage is still followed up: on track (README, sets 17 and 18's convention)
    ("已办结20件,阶段性办结3件", "on_track", "阶段性办结"),
    # work stalled, found or stated; 长期 before it says how long, not a kept-up duty
    ("通报指出,该市污水处理厂提标改造项目被长期搁置", "behind", "搁置"),
    ("湿地修复工程停滞", "behind", "停滞"),
    # 彻底 after 已 is a report of the degree reached
    ("该问题已彻底整改到位", "done", "已彻底整改到位"),
    # an 已 after an aim's manner clause states again; 并 after a stated clause keeps it stated
    ("确保按时间节点,已完成整改任务", "done", "已完成"),
    ("已完成整改,并持续巩固整改成效", "done", "已完成"),
    # a part done, then a part mostly done in the same sentence: the weaker state, as 已完成或基本完成
    ("某县涉及问题5个,整改完成3个,基本整改完成2个", "mostly_done", "基本整改完成"),
    ("已完成整改10项、基本完成4项", "mostly_done", "基本完成"),
    # ...but a rest on track wins, and a mostly done part in a later sentence is another report
    ("已整改到位2项、基本到位1项,其余正在积极整改之中", "on_track", "正在积极整改"),
    ("已完成整改6项。基本完成的2项将于年底前验收", "done", "已完成"),
])
def test_status_forms_of_sets_11_and_12(text, status, head):
    found = read_status(text)
    assert (found.status, found.head) == (status, head)


@pytest.mark.parametrize("text", [
    # a completion rate below 100 %, another rate, a rate aimed at: no status from the rate
    "信访件办结率为95%",
    "群众满意率100%",
    "要确保办结率达到100%",
    # a requirement to find out, a first step (摸清 the situation), a prohibition to stall
    "要尽快查清问题线索",
    "已摸清全县养殖场底数",
    "各地不得搁置群众举报件",
    # 真正, 正值 are no progressive 正
    "真正组织群众参与监督",
    "正值汛期,县政府组织人员巡查",
    # 彻底 before a bare verb is the degree sought: a target
    "交办问题全面彻底整改到位",
    # a clause opened by 并 goes on with the aimed predicate before it
    "反馈问题彻底整改,并持续巩固整改成效",
    "确保完成整改,并加快推进验收",
    # an aim whose clause is only its manner phrase governs the clause after the comma
    "确保按市政府确定的时间节点,全面完成整改任务",
])
def test_no_status_in_rates_requirements_and_targets(text):
    assert read_status(text).status == "other"


@pytest.mark.parametrize(("text", "iso", "kind"), [
    # by the period, then a reporting verb: a recurring duty
    ("从2020年起,全市按季度开展整改情况调度", None, "recurring"),
    ("按月通报整改进展", None, "recurring"),
    # ...not any verb after the period
    ("按月列出整改任务", None, "unknown"),
    # an inspection's stay under its label, naming where it stays or written 进驻期
    ("省督察组进驻某县期间:2024年4月1日-4月30日", None, "unknown"),
    ("督察进驻期:2023年5月1日至2023年6月1日", None, "unknown"),
    # ...while a limit's label stays a window or a last day
    ("整改期:2023年5月1日至2023年6月1日", "2023-06-01", "date"),
    ("督察反馈问题整改时间:2020年12月31日", "2020-12-31", "date"),
    # a span of clock times is a period, a window only under its label; a clock time belongs to its day
    ("(2023年6月1日8时-6月1日18时)", None, "unknown"),
    ("公示时间:2023年6月1日8时至6月10日18时", "2023-06-10", "date"),
    ("请于2023年6月10日18时前报送", "2023-06-10", "date"),
    # a date opening its sentence, then the completion reported as achieved: when it was done
    ("2020年9月底,污水处理厂提标工程如期完成。", None, "unknown"),
    ("2021年3月,已全部完成整改并销号。", None, "unknown"),
    # ...while a plan's clause opened by its date, or an achievement aimed at, still sets a limit
    ("2020年9月底,完成污水处理厂提标工程。", "2020-09-30", "date"),
    ("2020年底,确保如期完成全部整改任务。", "2020-12-31", "date"),
    # 随 + a verb twice: handled as it comes
    ("对群众来信来访做到随到随办", None, "immediate"),
    ("发现问题随查随改", None, "immediate"),
])
def test_deadline_forms_of_sets_11_and_12(text, iso, kind):
    found = deadline(text)
    assert (found.iso(), found.kind) == (iso, kind)
