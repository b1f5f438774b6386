"""Classes of construction the dev rows of fresh sets 19 and 20 showed unread by the status and deadline readers
(issue 21), each pinned with positives and near-miss negatives; every text here is our own, built on the
construction, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class


@pytest.mark.parametrize("text", [
    "全区15项重点任务均正常推进",
    "各项整改任务一季度正常推进",
    "污水处理厂提标改造工程顺利推进",
    "12个整改项目均平稳有序推进",
    "该项目如期推进,预计年底完工",
    "河道清淤工程顺利实施",
    "矿山生态修复工作正常开展",
    "主城区管网改造正常施工",
    "其余3个问题均取得明显进展",
    "剩余2项任务已取得阶段性进展",
    "截至6月底,20个问题中已完成整改16个,其余4个问题均取得积极进展",
    "5個項目均正常推進",
    "整改进展平稳",
    "污水管网工程推进有序",
    "整改工作取得阶段性进展",
    "其余问题整改取得积极进展",
])
def test_work_going_on_in_a_judged_manner_or_progress_made_is_on_track(text):
    assert status_class(text) == "on_track"


@pytest.mark.parametrize("text", [
    "确保各项任务顺利推进",
    "要确保工程正常施工",
    "全市生态环境保护工作取得积极进展",
    "未取得明显进展",
    "力争重点项目如期推进",
    "为保障项目正常实施,要求各部门加强配合",
    "全省工作已取得积极进展",
    "确保推进有序",
])
def test_a_sought_pace_or_a_general_remark_of_progress_is_no_on_track(text):
    assert status_class(text) != "on_track"


@pytest.mark.parametrize("text", [
    "共受理信访件80件,已办结78件,办理超期2件",
    "交办的45件中已办结40件,逾期未办结5件",
    "该案件已超期,仍未办结",
    "某县有3件信访件超期未办结3件",
    "某部门未按要求时间开展排查",
    "某县未按规定时限启动整治",
    "某企业没有在规定时间内完成设备改造",
    "某镇未如期拆除违建",
    "某县未按整改时限完成",
    "某企业未按方案要求时间完成改造",
    "某区没按计划推进",
    "某县未按节点完成",
    "上半年全区工业产值增长仅为2%,与全年目标有较大差距",
    "整改进度与序时进度存在一定差距",
    "空气质量优良天数距离年度目标仍有差距",
    "某縣未按規定時限啟動整治",
    "该问题已超过整改期限",
    "超出规定时限2件",
    "交办件中3件逾期",
    "另有2件超期未结",
    "该问题整改逾期",
])
def test_overdue_work_work_off_its_time_and_a_gap_to_the_target_are_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "严禁办理超期",
    "不得超期办理",
    "未按时报送整改材料",
    "没有按时上报进展情况",
    "未按时间节点报送材料",
    "未按要求落实",
    "努力缩小与全年目标的差距",
    "办理时间不超过规定时限",
    "不得超过整改期限",
    "无1件超期",
    "未出现办理超期的情况",
    "认真查找与目标要求的差距",
])
def test_a_guard_a_report_late_or_closing_a_gap_is_no_behind(text):
    assert status_class(text) != "behind"


@pytest.mark.parametrize("text", [
    "经复核,目前该尾矿库问题整改达到督办要求",
    "某河段治理已达到验收标准",
    "企业整改均达到验收要求",
    "1200座小水电站得到全面整改",
    "群众反映的36个问题均得到妥善处置",
    "12家企业的违法问题已经得到依法处理",
    "已收回某县违规下放的审批权",
    "某公司排污许可证已吊销",
    "该文件已废止",
    "違規佔用的土地已收回",
    "反映的问题已全部得到解决",
    "共交办12件,均得到妥善处理",
])
def test_the_work_reaching_its_requirement_counted_results_and_revoking_are_done(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "整改达到要求后方可销号",
    "确保整改达到督办要求",
    "一大批群众身边的问题得到有效解决",
    "到2025年,突出问题得到有效治理",
    "推动36个问题得到妥善处置",
    "某企业未按期完成改造,但仍虚报整改完成",
    "某县谎报已整改到位",
    "对已完成整改的群众信访问题,开展回头看",
])
def test_a_condition_an_aim_a_general_remark_a_false_claim_or_a_topic_is_no_done(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize(("text", "want"), [
    ("思想认识方面3个需要长期坚持的问题正按序时推进", "on_track"),
    ("2个需长期坚持的问题正在持续整改中", "on_track"),
    ("需要长期坚持的任务均按计划推进", "on_track"),
    ("5个需要长期坚持的问题进展缓慢", "behind"),
    ("8个问题中已完成6个,另外2个需要长期坚持的问题正按序时推进", "on_track"),
    ("思想认识方面4个需要长期坚持的问题", "ongoing"),
    ("该问题需长期坚持", "ongoing"),
    ("对已完成整改的环境信访问题,立即组织核查", "other"),
])
def test_a_kept_up_duty_before_a_noun_is_an_attribute_the_clause_s_predicate_decides(text, want):
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "day"), [
    ("现予公示5个工作日(2020年10月16日至2020年10月23日)", "2020-10-23"),
    ("现予以公示7天(2021年3月1日至3月7日)", "2021-03-07"),
    ("公示10个工作日:2022年5月9日至2022年5月20日", "2022-05-20"),
    ("公示为期5个工作日(2019年12月2日—12月6日)", "2019-12-06"),
    ("公示期5个工作日,即2020年10月16日至10月22日", "2020-10-22"),
    ("公示期限:5个工作日(2020年10月16日-10月22日)", "2020-10-22"),
    ("确保完成2022年环境质量改善目标", "2022-12-31"),
    ("力争全面完成2021年度重点任务", "2021-12-31"),
    ("要实现2023年水质考核目标", "2023-12-31"),
    ("确保完成2020年大气污染防治各项目标任务", "2020-12-31"),
    ("完成省下达的2021年目标任务", "2021-12-31"),
    ("确保完成市里下达的2022年度减排任务", "2022-12-31"),
])
def test_a_window_with_its_length_and_a_year_s_target_give_a_last_day(text, day):
    assert deadline(text).iso() == day


@pytest.mark.parametrize(("text", "day"), [
    ("各部门承诺3月份开复工10项", "2019-03-31"),
    ("企业承诺6月份完成设备安装", "2019-06-30"),
    ("施工方保证9月份投入使用", "2019-09-30"),
    ("某局承诺11月份全部整改到位", "2019-11-30"),
    ("企业承诺2020年5月开工建设", "2020-05-31"),
])
def test_a_pledged_month_closes_on_its_last_day_in_the_page_s_year(text, day):
    assert deadline(text, context_year=2019).iso() == day


@pytest.mark.parametrize("text", [
    "公示发布之日起往后10个工作日",
    "自通知印发之日起15日",
    "从收到意见之日起30天",
    "自公告发布日起计5个工作日",
    "自交办之日起后两个月",
    "從公示發佈之日起10個工作日",
    "公示期自发布之日起7天",
    "自公告发布起7日",
    "从通知下发起15个工作日",
    "异议期为公告之日起20日",
])
def test_a_span_counted_on_from_an_event_s_day_is_relative(text):
    assert deadline(text).kind == "relative"


@pytest.mark.parametrize(("text", "kind"), [
    ("已完成2022年环境质量改善目标", "unknown"),
    ("预计完成2022年目标任务", "unknown"),
    ("完成了2021年度重点任务", "unknown"),
    ("已完成省下达的2021年目标任务", "unknown"),
    ("自2020年1月1日起施行", "unknown"),
    ("公示(2020年10月16日至2020年10月23日)期间收到意见2条", "unknown"),
])
def test_a_past_or_hedged_target_and_a_start_day_give_no_last_day(text, kind):
    assert deadline(text).kind == kind


@pytest.mark.parametrize("text", [
    "承诺书于3月份签订",
    "3月份召开了推进会",
    "企业3月份已完成设备安装",
    "截至3月份,共完成10项",
    "承诺书2020年5月签订",
    "2020年5月签订承诺书",
])
def test_a_month_with_no_pledge_gives_no_last_day(text):
    assert deadline(text, context_year=2019).iso() is None


@pytest.mark.parametrize("text", [
    "二是配合省厅完成编制《某某规划》",
    "该市完成组建生态环境保护综合执法队伍",
    "今年3月完成制定《实施方案》",
    "三是完成划定饮用水水源保护区",
    "某局完成起草《条例(草案)》",
    "某区完成建立问题台账",
    "区生态环境局完成修订《应急预案》",
    "區生態環境局完成編制《應急預案》",
])
def test_a_completion_before_a_verb_producing_a_document_or_body_is_done(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "某局完成编制《方案》后,报请审定",
    "计划完成编制规划",
    "力争完成修订工作",
    "需完成建立台账",
    "2023年底前完成编制",
    "某县未完成编制",
])
def test_a_production_sought_set_for_a_limit_a_condition_or_negated_is_no_done(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize("text", [
    "未按时间节点报送材料",
    "没按计划推进",
    "某县没有按计划实施",
    "未按照计划节点推进",
])
def test_a_negated_pace_is_no_on_track(text):
    assert status_class(text) != "on_track"
