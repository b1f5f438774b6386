"""Classes of construction the dev rows of fresh sets 24 and 25 showed unread by the status and deadline readers
(issue 21), each pinned with positives and near-miss negatives; every text here is our own, built on the
construction, not a corpus row."""
from __future__ import annotations

import datetime as dt

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class


@pytest.mark.parametrize("text", [
    "部分乡镇问题整改不彻底、不全面",
    "农村生活垃圾治理不彻底、不到位",
    "一是散乱污企业整治不彻底,反弹现象时有发生",
    "二是河道清理不全面",
    "其一,矿山修复工作不扎实、不到位",
    "黑臭水体整治不彻底,返黑返臭现象仍然存在",
    "部分點位整治不徹底、不全面",
    "督察发现,个别县整改不彻底",
    "该区违建整治仍不彻底",
    "(三)畜禽养殖污染整治不彻底,死灰复燃问题还存在",
    "一是部分问题整治不够彻底,反弹现象仍存在",
    "整改仍不够到位",
])
def test_work_asserted_short_of_its_end_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "对整改不彻底的要严肃问责",
    "要防止整改不彻底、不到位",
    "坚决杜绝整治不彻底",
    "整改不彻底不销号",
    "确保整改不留死角",
    "要防止整改不够彻底",
])
def test_a_shortfall_as_a_rule_or_a_guard_is_no_status(text):
    assert status_class(text) != "behind"


@pytest.mark.parametrize("text", [
    "河长制考核走过场",
    "督察组批评该市环保考核走过场",
    "部分地方检查走过场",
    "日常巡查较为消极",
    "县里的督查工作走过场",
    "验收走过场,把关不严",
    "排查工作不力",
    "專項檢查走過場",
])
def test_a_check_judged_perfunctory_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "严禁考核走过场",
    "防止检查走过场",
    "确保验收不走过场",
    "坚决避免督查走过场",
])
def test_a_perfunctory_check_guarded_against_is_no_status(text):
    assert status_class(text) != "behind"


@pytest.mark.parametrize("text", [
    "全市35条黑臭水体基本消除黑臭",
    "2019年实现12条河道基本消除黑臭",
    "违法建筑已基本拆除",
    "沿线散乱污企业基本关停",
    "保护区内养殖场已基本清理",
    "非法码头基本取缔",
    "小水电站基本退出",
    "黑臭水體基本消除",
])
def test_a_thing_mostly_ended_is_mostly_done(text):
    assert status_class(text) == "mostly_done"


@pytest.mark.parametrize("text", [
    "力争基本消除黑臭水体",
    "要基本关停散乱污企业",
    "2020年底前基本消除劣Ⅴ类水体",
    "坚持基本原则",
])
def test_a_thing_mostly_ended_as_an_aim_is_not_mostly_done(text):
    assert status_class(text) != "mostly_done"


@pytest.mark.parametrize("text", [
    "全省累计完成矿山生态修复512个",
    "今年以来完成历史遗留矿山治理37处",
    "完成污水管网铺设12.5公里",
    "累计完成造林绿化3.2万亩",
    "全县完成农村改厕1200户",
    "目前累计整改销号中央督察交办问题86个",
    "完成排污口排查整治240个,清理河道35公里",
    "區裡累計完成礦山復綠18處",
])
def test_a_completion_with_its_object_and_amount_is_done(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "计划完成矿山生态修复237处",
    "今年要完成矿山修复237处",
    "全市分解完成矿山修复237处的任务",
    "计划2018年完成的46项",
    "上半年全区完成地区生产总值1175亿元",
    "年度目标为完成矿山治理237处",
    "全年任务是完成造林5万亩",
    "有望完成造林5万亩",
])
def test_a_completion_aimed_at_or_an_output_is_not_done(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize("text", [
    "定期通报整改进展",
    "县政府将定期听取整改工作汇报",
    "定期对饮用水源地开展巡查",
    "定期公布黑臭水体治理情况",
    "每半个月调度一次各地进展",
    "每两周通报一次",
    "每3个月开展一次联合检查",
    "建立信息周报告、进展月调度等机制",
    "實行問題周通報、整改月調度制度",
    "每个月召开一次推进会",
])
def test_a_duty_repeated_by_a_period_is_recurring(text):
    assert deadline(text).kind == "recurring"


@pytest.mark.parametrize("text", [
    "在规定期限内完成整改",
    "不定期开展抽查",
    "确定期限后上报",
    "9月调度会上通报了进展",
    "按约定期间完成",
    "决定期间开展联合检查",
    "固定期限内完成",
])
def test_no_period_or_an_irregular_duty_is_not_recurring(text):
    assert deadline(text).kind != "recurring"


@pytest.mark.parametrize("text, day", [
    ("计划年内实现污水处理设施全覆盖", dt.date(2021, 12, 31)),
    ("确保实现年底全县黑臭水体基本消除的目标", dt.date(2021, 12, 31)),
    ("力争年内完工", dt.date(2021, 12, 31)),
    ("年底前全部完成拆除", dt.date(2021, 12, 31)),
    ("力争全年优良天数达到300天以上", dt.date(2021, 12, 31)),
    ("确保全年完成造林任务", dt.date(2021, 12, 31)),
    ("确保在今年9 月份取得阶段性成果", dt.date(2021, 9, 30)),
    ("要在今年10月份全面开工", dt.date(2021, 10, 31)),
    ("計劃年內實現全覆蓋", dt.date(2021, 12, 31)),
])
def test_the_pages_year_named_or_left_out_before_its_end_is_the_plans(text, day):
    assert deadline(text, context_year=2021).last_day == day


@pytest.mark.parametrize("text", [
    "截至年底,已完成100项",
    "年底完成了拆除",
    "去年底已完成整改",
    "两年内完成",
    "每年年底前报送",
    "全年共完成整改任务30项",
    "年内已完成整改30项",
    "年内共完成整改30项",
    "年末余额增加",
    "该市年底将召开推进会",
])
def test_another_year_a_span_a_cut_off_or_a_past_end_is_no_plans_year_end(text):
    assert deadline(text, context_year=2021).last_day != dt.date(2021, 12, 31)


@pytest.mark.parametrize("text", [
    "按时回复率为100%",
    "信访件办理率达到100%",
    "交办件处理率100%",
    "群众来信答复率达100%",
    "回复率已达到100%",
    "各县辦理率為100%",
    "举报件回复率是100%",
    "整改率100%",
])
def test_a_rate_of_handling_at_100_percent_is_done(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "按时回复率为95%",
    "办理率达到85%",
    "处理率同比提高10%",
    "回复率不足100%",
])
def test_a_rate_short_of_100_percent_is_not_done(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize("text", [
    "县环保局已经进行了立案查处",
    "执法大队对该企业进行了立案查处",
    "市场监管局依法查处了3家企业",
    "对违法排污行为进行了行政处罚",
    "环保部门已对其进行了处罚",
    "縣林業局進行了立案查處",
    "工作组同意通过验收销号",
    "经现场核查,同意该问题销号",
    "验收组一致认为整改到位,准予销号",
    "专家组同意其通过验收",
])
def test_a_sanction_carried_out_or_a_close_out_approved_is_done(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "未进行立案查处",
    "要依法立案查处",
    "申请验收销号",
    "验收组不同意销号",
    "待验收后销号",
])
def test_a_sanction_or_close_out_not_carried_out_is_not_done(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize("text", [
    "遗留问题长达十余年未开展治理",
    "该矿区至今未启动修复",
    "问题迄今仍未解决",
    "多年来一直未整治",
    "废弃矿山多年未修复",
    "长达5年没有开展清理",
    "沿河垃圾至今没有清理",
    "遺留問題長達十年未開展",
])
def test_the_work_not_started_over_a_span_up_to_now_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "至今未发生污染事件",
    "多年未出现反弹",
    "严禁长期未开展巡查",
    "防止至今未落实的情况发生",
])
def test_no_work_negated_or_a_guard_is_not_behind(text):
    assert status_class(text) != "behind"


@pytest.mark.parametrize("text", [
    "经验收合格后准予销号",
    "申请并经审核后同意销号",
    "如果按时完成就同意销号",
    "经市级部门同意通过验收后再销号",
])
def test_a_close_out_approved_on_a_condition_is_not_done(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize("text, day", [
    ("此次专项治理工作从2017年5月开始至2018年6月底结束", dt.date(2018, 6, 30)),
    ("集中整治行动自3月1日起至5月31日止", dt.date(2021, 5, 31)),
    ("于8月5日-9月30日期间集中开展河道采砂专项整治", dt.date(2021, 9, 30)),
    ("6月1日至8月31日在全市开展非法排污专项行动", dt.date(2021, 8, 31)),
    ("2020年3月至6月集中开展散乱污企业清理整治", dt.date(2020, 6, 30)),
    ("10月10日—12月10日,全面开展黑臭水体攻坚行动", dt.date(2021, 12, 10)),
    ("综合整治工作从2019年4月开始,至2019年10月底结束", dt.date(2019, 10, 31)),
    ("於7月1日-8月15日期間集中開展垃圾專項整治", dt.date(2021, 8, 15)),
])
def test_a_clean_up_campaigns_span_closes_on_its_last_day(text, day):
    assert deadline(text, context_year=2021).last_day == day


@pytest.mark.parametrize("text", [
    "督察组于5月8日-6月8日期间开展督察",
    "此次督察从5月10日开始至6月10日结束",
    "6月1日至8月31日开展了非法排污专项行动",
    "这是继2020年底完成第二轮督察之后首次开展督察",
    "继2019年6月完成首轮督察之后,又开展回头看",
])
def test_an_inspections_stay_a_past_campaign_or_what_followed_a_past_time_is_no_last_day(text):
    assert deadline(text, context_year=2021).last_day is None


@pytest.mark.parametrize("text, status", [
    ("全省144个问题已完成24个,达到整改时序进度要求", "on_track"),
    ("清单所列58个问题已完成40个,符合序时进度", "on_track"),
    ("反馈的36项任务已完成20项,均按序时推进", "on_track"),
    ("全市86个问题已整改完成50个,总体按计划推进", "on_track"),
    ("全县58个问题已完成40个,整体进度滞后", "behind"),
    ("交办的25件信访件已办结18件,进展缓慢", "behind"),
    ("全區144個問題已完成24個,達到整改時序進度要求", "on_track"),
    ("30项任务中已完成12项,按时间节点推进", "on_track"),
])
def test_a_part_of_a_total_done_then_the_wholes_pace_is_the_pace(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize("text", [
    "全省144个问题已完成24个",
    "32个问题已完成32个,达到整改时序进度要求",
    "已完成24个,达到整改要求",
    "144个问题已完成24个。下一步将按序时推进",
])
def test_a_part_done_alone_or_the_whole_done_is_not_on_track(text):
    assert status_class(text) != "on_track"


@pytest.mark.parametrize("text", [
    "提出经过3年努力,大幅减少污染物排放",
    "力争通过两年攻坚,基本消除黑臭水体",
    "要经过五年左右的努力,使水质稳定达标",
    "计划经过3年的治理,恢复湿地生态",
    "目标是通过2年整治,全面完成矿山修复",
    "争取经过一年多的努力,实现全覆盖",
    "将通过三年攻坚,打赢蓝天保卫战",
    "拟經過兩年努力,完成全部整治",
])
def test_a_span_of_effort_aimed_at_is_relative(text):
    assert deadline(text).kind == "relative"


@pytest.mark.parametrize("text", [
    "经过3年的治理,水质明显好转",
    "经过两年努力,已全部完成",
    "通过多年努力,生态持续改善",
    "经过全市上下共同努力,如期完成",
])
def test_a_span_of_effort_told_of_the_past_is_not_relative(text):
    assert deadline(text).kind != "relative"


@pytest.mark.parametrize("text", [
    "我局将继续加强对河道的巡查",
    "继续加强日常监管",
    "下一步将继续做好水质监测",
    "继续开展巡河护河",
    "一如既往地加强监管",
    "将继续深化源头治理",
    "我們將繼續加強巡查",
    "区里继续抓好垃圾分类宣传",
])
def test_a_duty_of_oversight_continued_is_ongoing(text):
    assert status_class(text) == "ongoing"


@pytest.mark.parametrize("text", [
    "要求县政府继续加强日常监督管理",
    "其余问题继续推进整改",
    "督促企业继续开展整治",
    "确保继续加强监管",
])
def test_a_continued_duty_required_or_the_rest_pushed_on_is_not_ongoing(text):
    assert status_class(text) != "ongoing"


@pytest.mark.parametrize("text, day", [
    ("预计11月完工", dt.date(2021, 11, 30)),
    ("確保11月完工", dt.date(2021, 11, 30)),
    ("力争10月建成投用", dt.date(2021, 10, 31)),
    ("计划6月完成招标", dt.date(2021, 6, 30)),
    ("要在9月完成整改", dt.date(2021, 9, 30)),
    ("承诺12月前完成搬迁", dt.date(2021, 12, 31)),
    ("该项目预计8月底可完成", dt.date(2021, 8, 31)),
    ("力争3月份开工", dt.date(2021, 3, 31)),
])
def test_a_month_without_its_year_set_as_a_limit_is_the_plans(text, day):
    assert deadline(text, context_year=2021).last_day == day


@pytest.mark.parametrize("text", [
    "11月召开推进会",
    "今年11月完成了验收",
    "计划5月到6月开展排查",
    "计划5月份至6月份开展排查",
    "1-9月完成投资12亿元",
])
def test_a_months_event_a_past_completion_or_a_period_is_no_limit(text):
    assert deadline(text, context_year=2021).last_day is None


# -- a rule's sanction on the cases its topic names (对 + a behind state + 的 …, 要 / 将 … 问责 / 约谈) states no case:
# the labels of the stored rows (a rule on what befalls, as 对于…虚假整改的,由纪委…) and their written convention


@pytest.mark.parametrize("text", [
    "对逾期未完成整改任务的,要及时启动问责程序",
    "对整改进度滞后的单位,将进行约谈",
    "对工作推进不力的,一律严肃追责",
    "對進度仍無明顯進展的項目,將對相關部門進行約談",
    "对未按期完成整改的,要依规依纪严肃问责",
    "对于整改不到位的地方,将予以通报批评并约谈主要负责人",
    "凡是对逾期未整改的问题,必须追究相关人员责任",
    "要压实责任,对进展缓慢的要严肃处理",
])
def test_a_sanction_on_cases_a_rule_names_is_no_status(text):
    assert status_class(text) != "behind"


@pytest.mark.parametrize("text", [
    "对进展滞后的3个项目进行了约谈",  # a sanction carried out finds the cases
    "督察发现5个项目逾期未完成,将对相关部门进行约谈",  # a finding first
    "对还未整改到位的问题,要查找差距,拿出过硬举措",  # a requirement to push the cases on names them (set 9's rule)
    "对个别尚未完工的项目,要求加快收尾",
])
def test_cases_named_outside_a_sanction_rule_stay_behind(text):
    assert status_class(text) == "behind"
