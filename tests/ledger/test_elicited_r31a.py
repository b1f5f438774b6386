"""Elicited forms (issue 21, round r31a): status, deadline and citation excerpts written from knowledge of how
ecological-inspection rectification pages are worded (整改方案, 任务清单, 进展情况表, 验收销号公示, 新闻稿, 表格单元格,
OCR spacing, traditional-script mirrors), in forms the corpus's dev rows do not show, with near misses that use the same
words for something else.  Every case was labelled by the README conventions of
``tests/fixtures/ledger_language`` before any reader ran on it; none is a corpus row.

Written in ten batches, each committed before any reader ran on it, then its failures read as classes (the commit order
is the proof).  Counts (cases written, near misses included / right with the readers when the batch was written / right
after the round; main's readers in brackets where they differ from "before"):

| batch | status | deadline | citation |
| --- | --- | --- | --- |
| 1 | 86 / 73 / 86 | 86 / 74 / 85 | 87 / 81 / 85 |
| 2 | 59 / 51 [46] / 59 | 50 / 45 / 50 | 43 / 42 / 43 |
| 3 | 37 / 31 / 37 | 34 / 34 [32] / 34 | 25 / 24 / 25 |
| 4 | 26 / 22 [19] / 26 | 20 / 18 [10] / 20 | 9 / 9 [6] / 9 |
| 5 | 26 / 21 [19] / 26 | 22 / 21 / 22 | 14 / 14 / 14 |
| 6 | 20 / 17 [16] / 20 | 16 / 15 / 16 | 10 / 10 / 10 |
| 7 | 15 / 11 / 15 | 13 / 10 / 13 | 9 / 9 / 9 |
| 8 | 15 / 11 [9] / 15 | 11 / 10 / 11 | 6 / 6 / 6 |
| 9 | 12 / 8 / 12 | 14 / 14 / 14 | 5 / 5 / 5 |
| 10 | 20 / 17 [14] / 20 | 10 / 9 [7] / 10 | 5 / 5 / 5 |
| all | 316 / 262 / 316 | 276 / 250 / 275 | 213 / 205 / 211 |

``bench/elicited_counts.py`` prints the right counts batch by batch, for this checkout's readers or another revision's
(``--root``).

Not right after (strict xfails): a measured result after a year's end and a comma, no 已 or 到 (past or target);
整改问题(N) (a problem's number or a heading's category: left for precision).  Two labels corrected (commented where they
stand).  Two of the fourth batch's status cases were tried on the reader while its refinements were written.
"""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.numbers import cited_numbers
from archive.ledger.status import status_class

# ------------------------------------------------------------------------------------------------------------ status
#: (text, expected class)
STATUS: list[tuple[str, str]] = [
    # done: table cells, close-out notices, news copy, a mirror's script
    ("整改进展：完成", "done"),
    ("完成情况：已整改销号", "done"),
    ("整改状态：已销号", "done"),
    ("该问题已于2019年12月通过市级验收并在市政府网站公示销号。", "done"),
    ("截至目前，38家“散乱污”企业已全部取缔到位。", "done"),
    ("目前该渣场已完成覆土复绿，达到验收标准。", "done"),
    ("经区整改办组织验收，该问题已整改完成，同意销号。", "done"),
    ("现场核查发现，企业已拆除违规建设的生产线，恢复原状。", "done"),
    ("第二批交办的信访件已全部清零。", "done"),
    ("该案件已办结，并已向信访人反馈处理结果。", "done"),
    ("三家企业均已停产并拆除主要生产设备", "done"),
    ("禁养区内规模养殖场已全部关闭搬迁完毕。", "done"),
    ("整改已完成，长效机制已建立。", "done"),
    ("所涉12个入河排污口已完成截污纳管。", "done"),
    ("该项目已建成投用，日处理能力2万吨。", "done"),
    ("完成時限：2018年底；完成情況：已完成", "done"),
    ("已如期完成全部25项整改任务", "done"),
    ("上述問題均已整改到位。", "done"),
    ("污水处理厂提标改造工程于2020年9月竣工并通过环保验收。", "done"),
    ("该区域已恢复植被3000平方米，整改任务完成。", "done"),
    ("整改情况 ： 已 完 成 整 改", "done"),
    ("经市级验收组现场核查，该问题达到销号条件，予以销号。", "done"),
    ("非法码头已全部拆除取缔，岸线已复绿。", "done"),
    ("2020年，该县累计关停取缔“小散乱污”企业126家，任务全面完成。", "done"),
    ("整改完成，已通过县级自验和市级复核。", "done"),
    ("涉及的7个尾矿库均已完成闭库治理。", "done"),
    ("该厂已于2018年6月全面停产，设备已拆除。", "done"),
    ("自然保护区核心区内的小水电站已全部退出。", "done"),
    # mostly done
    ("该问题已基本整改到位，待验收销号。", "mostly_done"),
    ("整改工作基本完成。", "mostly_done"),
    ("整治工程基本完工。", "mostly_done"),
    ("违建别墅已基本拆除完毕。", "mostly_done"),
    ("该問題已基本完成整改。", "mostly_done"),
    ("目前已基本完成清理整治", "mostly_done"),
    # on track
    ("整改进展：序时推进", "on_track"),
    ("整改进度：按时序推进中", "on_track"),
    ("整改进展情况：正在整改", "on_track"),
    ("截至目前，该项目完成投资1.2亿元，占总投资的65%，工程按计划推进。", "on_track"),
    ("项目正在进行施工图设计。", "on_track"),
    ("该项目已完成招标，正在进场施工。", "on_track"),
    ("整改工作正有条不紊地推进。", "on_track"),
    ("各项整改措施正在逐项落实中。", "on_track"),
    ("已完成可研编制，目前正在开展环评审批。", "on_track"),
    ("目前进展顺利，预计年底前可完工。", "on_track"),
    ("施工单位已进场，正抓紧建设。", "on_track"),
    ("整改進展順利。", "on_track"),
    ("已完成整改9项，其余4项正按时序推进。", "on_track"),
    ("该工程已进入设备安装阶段。", "on_track"),
    ("整改工作正在稳步推进中。", "on_track"),
    # behind
    ("整改进展：滞后", "behind"),
    ("因资金不到位，项目至今未开工建设。", "behind"),
    ("该问题整改工作推进缓慢，未达到时序进度要求。", "behind"),
    ("经现场检查，该企业仍在违法生产，整改未落实。", "behind"),
    ("现场督察发现，该处堆放的垃圾仍未清运。", "behind"),
    ("超过整改时限仍未完成整改。", "behind"),
    ("已逾期，尚未完成整改。", "behind"),
    ("该项目进度明显滞后于计划。", "behind"),
    ("原定2020年底完成的任务，目前仅完成40%。", "behind"),
    ("整改工作进展不平衡，部分县区进度偏慢。", "behind"),
    ("该问题整改进度滞後。", "behind"),
    ("项目建设严重滞后，年度目标难以实现。", "behind"),
    # ongoing
    ("整改进展：长期坚持，持续整改", "ongoing"),
    ("该问题属长期坚持类整改任务，目前持续推进中。", "ongoing"),
    ("常态化开展巡河巡查。", "ongoing"),
]

#: near misses: the same words stating no status (a target, a rule, a title, a count, a requirement)
STATUS_NEAR: list[str] = [
    "整改目标：2020年底前全部完成整改",
    "整改标准：问题全部整改到位，通过验收销号",
    "对已完成整改的问题，要严防反弹回潮",
    "《关于已完成整改任务验收销号的办法》",
    "验收销号工作规程",
    "中央环保督察反馈问题整改完成情况统计表",
    "全省共有整改任务80项",
    "整改责任单位：市生态环境局",
    "请于完成整改后5个工作日内报送验收申请",
    "如未按期完成整改，将依法依规严肃追责",
    "整改完成时限：2021年12月",
    "各地要加快推进整改",
    "确保按期完成年度任务",
    "推进整改工作的若干措施",
    "整改措施：一是完成排污口排查；二是完成整治方案编制",
    "2018年中央环保督察反馈问题整改进展情况表",
    "拟销号问题清单",
    "整改要求：立行立改",
    "全市环境质量持续改善",
    "全市落后产能淘汰工作推进会召开",
    "验收销号程序：县级自验、市级复核、省级抽查",
    "完成整改的标志是问题得到根本解决",
]

# ---------------------------------------------------------------------------------------------------------- deadline
#: (text, context year, last day, kind); kind ``unknown`` with no last day for the near misses
DEADLINE: list[tuple[str, int | None, str | None, str]] = [
    # a day or month as a limit: labels, table cells, modal and sanction wording
    ("完成时限：2022.06", None, "2022-06-30", "date"),
    ("整改期限：2019年底", None, "2019-12-31", "date"),
    ("2020年12月底之前完成", None, "2020-12-31", "date"),
    ("最迟不晚于2021年6月30日", None, "2021-06-30", "date"),
    ("不迟于2019年9月底完成", None, "2019-09-30", "date"),
    ("务必在2020年11月15日以前整改完毕", None, "2020-11-15", "date"),
    ("整改期限至2021年3月31日止", None, "2021-03-31", "date"),
    ("限期至2019年10月底整改完成", None, "2019-10-31", "date"),
    ("责令其于2019年8月20日前完成整改", None, "2019-08-20", "date"),
    ("整改时限：2020年12月底前（阶段性目标），长期坚持", None, "2020-12-31", "date"),
    ("完成时限：2019年10月；长期坚持", None, "2019-10-31", "date"),
    ("2021年底前完成80%，2022年底前全面完成", None, "2022-12-31", "date"),
    ("整改时限：即日起至2021年5月31日", None, "2021-05-31", "date"),
    ("于2020年第四季度完成", None, "2020-12-31", "date"),
    ("2021年9月底前完成整改并申请验收", None, "2021-09-30", "date"),
    ("12月20日前完成所有问题的整改", 2020, "2020-12-20", "date"),
    ("二〇一九年十月底前", None, "2019-10-31", "date"),
    ("整改期限：2019年12月30日前", None, "2019-12-30", "date"),
    ("2020年7月1日前停产", None, "2020-07-01", "date"),
    ("2018年11月前完成清理", None, "2018-11-30", "date"),
    ("2021 年 6 月 30 日前", None, "2021-06-30", "date"),
    ("2019年年底前", None, "2019-12-31", "date"),
    ("计划于2022年上半年完成", None, "2022-06-30", "date"),
    ("预计2021年10月完工", None, "2021-10-31", "date"),
    ("2020年9月中旬前完成", None, "2020-09-20", "date"),
    ("限于2019年12月31日前搬迁", None, "2019-12-31", "date"),
    ("第一阶段（2019年）完成排查；第二阶段（2020-2021年）完成治理", None, "2021-12-31", "date"),
    ("整改时限：2023年12月", None, "2023-12-31", "date"),
    ("2024年底", None, "2024-12-31", "date"),
    ("整改時限：2018年12月底前", None, "2018-12-31", "date"),
    ("2020年6月底前全面完成取缔工作", None, "2020-06-30", "date"),
    ("须在2021年3月前完成验收销号", None, "2021-03-31", "date"),
    ("力争2022年6月底前建成投运", None, "2022-06-30", "date"),
    ("到2025年，全市城镇生活污水集中收集率达到70%以上", None, "2025-12-31", "date"),
    ("11月底前完成整改", 2019, "2019-11-30", "date"),
    ("明年汛期前完成主体工程，2021年底前完成全部工程", 2020, "2021-12-31", "date"),
    ("整改时限：2019年6月30日（已完成）", None, "2019-06-30", "date"),
    ("2022年9月30日前完成整治，逾期未完成的依法关停", None, "2022-09-30", "date"),
    ("于二〇二一年六月底前整改到位", None, "2021-06-30", "date"),
    ("完成时间：2020年12月31日前", None, "2020-12-31", "date"),
    # relative spans
    ("接到交办件后7日内办结", None, None, "relative"),
    ("自公示之日起三十日内", None, None, "relative"),
    ("限期30日内整改完毕", None, None, "relative"),
    ("收到本通知之日起15个工作日内书面报告整改情况", None, None, "relative"),
    ("用2年时间完成", None, None, "relative"),
    ("力争用3至5年时间完成治理", None, None, "relative"),
    ("督察反馈后3个月内制定整改方案", None, None, "relative"),
    ("方案印发后一年内完成", None, None, "relative"),
    # recurring duties
    ("每月25日前报送整改进展", None, None, "recurring"),
    ("每两个月通报一次", None, None, "recurring"),
    ("每年开展两次专项检查", None, None, "recurring"),
    ("一月一调度、一季一通报", None, None, "recurring"),
    ("每周五报送整改进展情况", None, None, "recurring"),
    ("实行月调度、季通报制度", None, None, "recurring"),
    ("应于每年3月31日前公开上一年度环境信息", None, None, "recurring"),
    # kept up
    ("整改时限：长期", None, None, "ongoing"),
    ("长期坚持，常抓不懈", None, None, "ongoing"),
    ("久久为功、长期坚持", None, None, "ongoing"),
    ("常态化推进", None, None, "ongoing"),
    ("持续整改", None, None, "ongoing"),
    # immediate
    ("立即停产整治", None, None, "immediate"),
    ("即查即改", None, None, "immediate"),
    ("整改时限：立行立改", None, None, "immediate"),
    ("边督边改", None, None, "immediate"),
]

#: near misses: a publication, a cut-off, a stay, a past result, a plan's name, a validity, an effective day
DEADLINE_NEAR: list = [
    ("2019年12月31日，市政府印发《整改方案》", None),
    ("发布时间：2020-06-30", None),
    ("《2018—2020年大气污染防治行动计划》", None),
    ("2019年12月，该问题整改完成", None),
    ("截至2021年6月30日", None),
    ("督察组于2017年4月24日至5月24日进驻", None),
    ("2016年至今", None),
    pytest.param("2020年底，全市PM2.5平均浓度下降到35微克/立方米", None, marks=pytest.mark.xfail(
        reason="a measured result after a year's end and a comma, no 已 or 到: a past result or a plan's target", strict=True)),
    ("2018年，全县共办结信访件120件", None),
    ("自2020年1月1日起施行", None),
    ("排污许可证有效期至2023年12月31日", None),
    ("2019年4月至12月，开展了专项整治行动", None),
    ("报告期：2021年1-6月", None),
    ("成文日期：2020年12月31日", None),
    ("到2020年底，已累计完成整改任务65项", None),
    ("每年6月5日为世界环境日", None),
    ("三年行动计划（2018-2020年）", None),
    ("“十三五”期间", None),
    ("距离整改时限还有30天", None),
    ("较2015年下降18%", None),
    ("2020年10月，省第三督察组进驻我市开展督察", None),
    ("2021年6月底，全省已有12个市完成整改", None),
]

# ---------------------------------------------------------------------------------------------------------- citation
#: (text, cited task numbers)
#: left unread for precision: a bracketed numeral after 整改问题 reads as a heading's category as often (README, the round
#: on sets 26–28: the class was taken out)
_OPEN_BRACKETED = pytest.mark.xfail(reason="整改问题(N): a problem's number or a heading's category", strict=True)
CITATION: list = [
    ("第15项：某县城区黑臭水体治理问题", [15]),
    ("（反馈问题第23项）", [23]),
    ("督察反馈问题清单第8项整改完成情况", [8]),
    ("整改任务第四十二项", [42]),
    ("附件1中第5、6项问题", [5, 6]),
    ("第12项（省级层面）", [12]),
    ("第31号整改任务", [31]),
    ("交办问题第9项", [9]),
    ("第2个反馈问题", [2]),
    ("《整改方案》第8项任务", [8]),
    ("涉及清单中第3、第7、第9项任务", [3, 7, 9]),
    ("第45-47项", [45, 46, 47]),
    ("整改任务编号：11", [11]),
    ("（清单序号第18项）", [18]),
    ("第7项、第8项", [7, 8]),
    ("第一项整改任务", [1]),
    ("第十九项", [19]),
    ("第十九个问题", [19]),
    ("第二十三项整改任务完成情况", [23]),
    ("反馈意见第五个问题", [5]),
    ("问题序号：7", [7]),
    ("任务序号：33", [33]),
    pytest.param("整改问题(十一)督察发现，部分工业园区污水处理设施不完善", [11], marks=_OPEN_BRACKETED),
    pytest.param("整改问题（三）长江岸线非法码头问题", [3], marks=_OPEN_BRACKETED),
    ("关于第8项整改任务验收销号情况的公示", [8]),
    ("中央第三生态环境保护督察组反馈问题第14项", [14]),
    ("第二轮督察反馈问题第6项", [6]),
    ("第 12 项 整 改 任 务", [12]),
    ("第12項整改任務", [12]),
    ("反饋問題第三十五項", [35]),
    ("第36、37、38项", [36, 37, 38]),
    ("第十项至第十三项", [10, 11, 12, 13]),
    ("整改方案第21项", [21]),
    ("问题清单序号15", [15]),
    ("（编号：27）", [27]),
    ("问题编号：第9号", [9]),
    ("第4项反馈问题", [4]),
    ("省级反馈问题第二十项", [20]),
    ("反馈问题第20项第（2）小项", [20]),
    ("第十七项问题整改情况", [17]),
    ("第一百零三项", [103]),
    ("序号：52", [52]),
    ("（序号：9）", [9]),
    ("第1、2项整改任务已完成", [1, 2]),
    ("第3项和第5项整改任务", [3, 5]),
    ("第廿三项", [23]),
    ("第六項", [6]),
    ("反馈问题第7项之二", [7]),
    ("【第21项】", [21]),
    ("问题编号：38-1", [38]),
    ("附件2第四项", [4]),
    ("第8项、第9项、第10项", [8, 9, 10]),
    ("第16号问题", [16]),
    ("第十一项（序号11）", [11]),
    ("任务清单第二十九项", [29]),
    ("2017年中央环保督察反馈问题第25项", [25]),
    ("编号15：某镇垃圾填埋场问题", [15]),
    ("第3至5项问题", [3, 4, 5]),
    ("整改任务第3项、第11项", [3, 11]),
    # relabelled [9] → [5, 9] after reading: a second numbering in brackets is cited too (README: 序号8(市序号9) → [8, 9])
    ("第9项整改任务（督察反馈意见第二部分第5个问题）", [5, 9]),
]

#: near misses: numbers of rules, batches, units, stages, ranks, measures and documents
CITATION_NEAR: list[str] = [
    "第十四届全国运动会",
    "2019年第3号公告",
    "第3项整改措施",
    "任务分解表第3列",
    "第5轮",
    "第三督察组",
    "第八次会议",
    "第二阶段",
    "第1季度",
    "全省排名第2位",
    "第3条 整改任务的责任单位应当按期报送",
    "共梳理出12项整改任务",
    "第5号令",
    "第一责任人",
    "第三方评估",
    "第一时间",
    "受理编号：D3200000201908010012",
    "附件3第2页",
    "国发〔2018〕22号",
    "第三轮第二批",
    "1号高炉",
    "2#锅炉",
    "第5标段",
    "地铁3号线",
    "第二十九个世界环境日",
    "（一）反馈问题",
    "一、整改问题",
]


@pytest.mark.parametrize(("text", "want"), STATUS)
def test_status_elicited(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize("text", STATUS_NEAR)
def test_status_near_miss_states_none(text: str) -> None:
    assert status_class(text) == "other"


@pytest.mark.parametrize(("text", "year", "last_day", "kind"), DEADLINE)
def test_deadline_elicited(text: str, year: int | None, last_day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert (found.iso(), found.kind) == (last_day, kind)


@pytest.mark.parametrize(("text", "year"), DEADLINE_NEAR)
def test_deadline_near_miss_sets_none(text: str, year: int | None) -> None:
    assert deadline(text, context_year=year).kind == "unknown"


@pytest.mark.parametrize(("text", "want"), CITATION)
def test_citation_elicited(text: str, want: list[int]) -> None:
    assert cited_numbers(text) == want


@pytest.mark.parametrize("text", CITATION_NEAR)
def test_citation_near_miss_cites_none(text: str) -> None:
    assert cited_numbers(text) == []


# ------------------------------------------------------------------------ a second batch, written after the first round
#: (text, expected class): table cells with yes/no, acceptance verdicts, mirrors, OCR spacing, ticks, news copy
STATUS_B: list = [
    ("销号情况：已于2021年11月经市整改办审核同意销号", "done"),
    ("该問題已於2020年10月完成整改並通過驗收", "done"),
    ("验收结论：合格，予以销号", "done"),
    ("是否完成：是", "done"),
    ("整改完成，待验收", "done"),
    ("完成整改并销号", "done"),
    ("已经全部落实到位", "done"),
    ("已完成既定整改目标", "done"),
    ("12个问题全部清零", "done"),
    ("已于9月底前全面完成清理整治工作", "done"),
    ("现已全部整改完毕，群众满意", "done"),
    ("完 成", "done"),
    ("√已完成", "done"),
    ("截至2021年底，该项目已完工并投入试运行", "done"),
    ("目前已按照序时进度完成", "done"),
    ("全市累计拆除违建3.2万平方米，整改任务提前完成", "done"),
    ("已办结销号", "done"),
    ("該項目已建成投運", "done"),
    ("已基本完成，正在完善资料申请销号", "mostly_done"),
    ("大部分问题已整改到位", "mostly_done"),
    ("已基本整改完毕", "mostly_done"),
    ("正在按计划实施", "on_track"),
    ("正有序开展拆除工作", "on_track"),
    ("目前处于调试阶段", "on_track"),
    ("进展情况：正在推进中", "on_track"),
    ("整改工作按时间节点有序推进", "on_track"),
    ("已完成10项，剩余2项正在加紧推进", "on_track"),
    ("整改任务正按照方案要求逐步落实", "on_track"),
    ("目前項目正在施工", "on_track"),
    ("工程建设进度符合时序要求", "on_track"),
    ("是否完成：否", "behind"),
    ("未按时限完成整改", "behind"),
    ("至今仍未启动", "behind"),
    ("整改明显滞后", "behind"),
    ("该問題整改未完成", "behind"),
    ("进度严重滞后", "behind"),
    ("未能在规定时限内完成整改", "behind"),
    ("整改工作推进不力", "behind"),
    ("距离目标要求仍有较大差距", "behind"),
    ("完成情况：未完成", "behind"),
    ("该企业至今未按要求安装在线监测设备", "behind"),
    ("该类问题需长期坚持", "ongoing"),
    ("整改状态：长期坚持", "ongoing"),
    ("持续巩固整改成效", "ongoing"),
]
STATUS_NEAR_B: list = [
    "对完成整改的问题组织验收",
    "完成整改是销号的前提",
    "整改完成后方可申请销号",
    "如整改到位，予以销号",
    "是否完成：",
    "整改进展情况：",
    "进度安排：2020年6月前完成方案编制，12月前完成主体工程",
    "2019年度整改任务完成情况的报告",
    "《已销号问题清单》",
    "要坚决防止整改进度滞后",
    "下一步，将继续推进整改",
    "完成时间：2020年12月",
    "整改完成标准：水质稳定达到Ⅲ类",
    "按期完成率",
    "提前完成的给予奖励",
]
#: (text, context year, last day, kind)
DEADLINE_B: list = [
    ("整改时限：2022年6月底前（阶段性），2023年12月底前（全面完成）", None, "2023-12-31", "date"),
    ("完成期限：2020年9月", None, "2020-09-30", "date"),
    ("整改时限 2021年", None, "2021-12-31", "date"),
    ("时限：2019.12.31", None, "2019-12-31", "date"),
    ("2020/12/31前完成", None, "2020-12-31", "date"),
    ("整改時限：2019年12月31日前", None, "2019-12-31", "date"),
    ("力争在今年年底前完成", 2021, "2021-12-31", "date"),
    ("确保明年6月底前建成投用", 2020, "2021-06-30", "date"),
    ("于本年度内完成", 2019, "2019-12-31", "date"),
    ("2022年10月31日前完成验收销号工作", None, "2022-10-31", "date"),
    ("2020年12月前", None, "2020-12-31", "date"),
    ("2023年第二季度前", None, "2023-06-30", "date"),
    ("2021年3月底", None, "2021-03-31", "date"),
    ("限2020年5月10日前拆除完毕", None, "2020-05-10", "date"),
    ("整改时限：二〇二一年十二月", None, "2021-12-31", "date"),
    ("按照省里要求，须于2020年11月30日前完成全部整改任务", None, "2020-11-30", "date"),
    ("各地要在2019年9月底前完成排查，10月底前完成整治", None, "2019-10-31", "date"),
    ("本方案自印发之日起实施，整改工作于2021年12月底前完成", None, "2021-12-31", "date"),
    ("原定2019年底完成，现申请延期至2020年6月底", None, "2020-06-30", "date"),
    ("2018年底前基本完成，2020年底前全面完成", None, "2020-12-31", "date"),
    ("公示时间：2021年3月1日—3月7日", None, "2021-03-07", "date"),
    ("整改时限：立即整改，长期坚持", None, None, "ongoing"),
    ("持续推进，长期坚持", None, None, "ongoing"),
    ("长期保持高压态势", None, None, "ongoing"),
    ("常抓不懈", None, None, "ongoing"),
    ("立整立改", None, None, "immediate"),
    ("即时整改", None, None, "immediate"),
    ("限期3个月完成整改", None, None, "relative"),
    ("自收到交办件之日起10日内", None, None, "relative"),
    ("两个月内", None, None, "relative"),
    ("在收到整改通知书后30天内完成", None, None, "relative"),
    ("定期开展回头看", None, None, "recurring"),
    ("每季度向市整改办报送一次进展", None, None, "recurring"),
    ("每年至少开展一次", None, None, "recurring"),
    ("每月5日前", None, None, "recurring"),
]
DEADLINE_NEAR_B: list = [
    ("2020年12月31日起施行", None),
    ("2019年6月，省委省政府印发整改方案", None),
    ("截至2020年底，累计完成整改任务80项", None),
    ("整改方案于2018年10月经省委常委会审议通过", None),
    ("督察组于2021年4月6日进驻", None),
    ("2017年第三季度，中央第三督察组对我省进行了督察", None),
    ("受理举报时间：每天8:00-20:00", None),
    ("2020年前后", None),
    ("近三年来", None),
    ("2016年以来，累计投入资金12亿元", None),
    ("上一年度", None),
    ("《关于2020年底前完成整改任务的通知》", None),
    ("2019年12月前已完成整改", None),
    ("2019年度考核结果", None),
    ("在2021年汛期来临前完成", None),
]
#: (text, cited task numbers)
CITATION_B: list = [
    ("（第十二项）", [12]),
    ("反馈问题第十四项（二）", [14]),
    ("第32项整改任务验收销号公示", [32]),
    ("關於第5項整改任務銷號的公示", [5]),
    ("第1—3项", [1, 2, 3]),
    ("第 8 项", [8]),
    ("督察反馈第11个问题", [11]),
    ("省第二生态环境保护督察组交办第6项问题", [6]),
    ("第四十六项、第四十七项", [46, 47]),
    ("整改清单第7项", [7]),
    ("序号：第21项", [21]),
    ("（省编号：15）", [15]),
    ("第64项（涉及我县）", [64]),
    ("《整改方案》附件第19项", [19]),
    ("任务清单第五项、第六项", [5, 6]),
    ("中央环保督察反馈意见第二十六项问题", [26]),
    ("第27号问题", [27]),
    ("第2、4、6项", [2, 4, 6]),
    ("第十项(第2小项)", [10]),
    ("交办问题第十一项", [11]),
    ("第七十六项", [76]),
    ("编号12号问题", [12]),
    ("反馈意见第3项", [3]),
    ("第9、10项整改任务均已完成", [9, 10]),
    ("第 十 五 项 整 改 任 务", [15]),
]
CITATION_NEAR_B: list = [
    "第十五届人大常委会第三次会议",
    "第2号总河长令",
    "第3号修改单",
    "第一季度",
    "第3次全体会议",
    "第四次全国污染源普查",
    "第十二个五年规划",
    "二号井",
    "第1、2号机组",
    "3号文",
    "第五条第（三）项",
    "1号、2号生产线",
    "第2污水处理厂",
    "第35号公告",
    "第3项议题",
    "第10条 本办法由省生态环境厅负责解释",
    "第十四个五年规划",
    "第7个工作日",
]


@pytest.mark.parametrize(("text", "want"), STATUS_B + [(t, "other") for t in STATUS_NEAR_B])
def test_status_elicited_second_batch(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "year", "last_day", "kind"),
                         DEADLINE_B + [(t, y, None, "unknown") for t, y in DEADLINE_NEAR_B])
def test_deadline_elicited_second_batch(text: str, year: int | None, last_day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert (found.iso(), found.kind) == (last_day, kind)


@pytest.mark.parametrize(("text", "want"), CITATION_B + [(t, []) for t in CITATION_NEAR_B])
def test_citation_elicited_second_batch(text: str, want: list[int]) -> None:
    assert cited_numbers(text) == want


# ------------------------------------------------------------------------- a third batch, written after the second round
STATUS_C: list = [
    ("截至目前，我市38项整改任务已完成36项，其余2项正按序时推进。", "on_track"),
    ("截至2022年6月底，43项任务中已完成整改41项，2项未完成。", "behind"),
    ("一是已完成整改；二是已通过验收", "done"),
    ("(1)已完成", "done"),
    ("整改情况：该企业已于2019年5月拆除燃煤锅炉，改用天然气。", "done"),
    ("经查，该养殖场已关闭，养殖设施已拆除。", "done"),
    ("现场检查时，该区域已全部完成覆绿。", "done"),
    ("2020年8月，项目通过竣工环保验收。", "done"),
    ("雨污分流改造工程已竣工，管网正在调试", "on_track"),
    ("已完成立项，正在开展前期工作", "on_track"),
    ("正在办理中", "on_track"),
    ("办理中", "on_track"),
    ("已交办，正在核查", "on_track"),
    ("督察组交办的56件信访件已全部办结", "done"),
    ("全部办结", "done"),
    ("已全部办结并反馈", "done"),
    ("未开展整改", "behind"),
    ("问题依然存在", "behind"),
    ("尚在整改", "on_track"),
    ("暂未完成", "behind"),
    ("因疫情影响，工期有所延误", "behind"),
    ("受资金影响，项目推进缓慢", "behind"),
    ("已达到序时进度要求", "on_track"),
    ("基本完成年度目标任务", "mostly_done"),
    ("該項整改任務正在穩步推進", "on_track"),
    ("整改已完成 , 并通过市级验收", "done"),
]
STATUS_NEAR_C: list = [
    "整改完成情况：",
    "计划完成时间：2021年6月",
    "完成整改后，由县级组织验收",
    "验收合格后予以销号",
    "已完成整改的，要巩固成效",
    "对整改不到位的，一律不予销号",
    "整改进度表",
    "推进情况",
    "整改目标：按期完成销号",
    "确保年底前全部完成",
    "争取早日完成整改",
]
DEADLINE_C: list = [
    ("1.2020年6月底前完成方案编制", None, "2020-06-30", "date"),
    ("（一）2019年底前", None, "2019-12-31", "date"),
    ("整改时限：2021年12月底前；责任单位：市生态环境局", None, "2021-12-31", "date"),
    ("整改时限：2020年12月31日 责任单位：县住建局", None, "2020-12-31", "date"),
    ("整改期限为2020年10月30日", None, "2020-10-30", "date"),
    ("务必于今年9月底前完成", 2020, "2020-09-30", "date"),
    ("要在2022年底以前全部完成", None, "2022-12-31", "date"),
    ("须在2020年9月30日24时前", None, "2020-09-30", "date"),
    ("最迟2021年6月", None, "2021-06-30", "date"),
    ("2020年10月底前基本完成，12月底前全面完成", None, "2020-12-31", "date"),
    ("在2019年至2020年两年内完成", None, "2020-12-31", "date"),
    ("三年内（2019-2021年）完成", None, "2021-12-31", "date"),
    ("整改时限：2022年", None, "2022-12-31", "date"),
    ("到二〇二五年", None, "2025-12-31", "date"),
    ("2021年11月底完成整改", None, "2021-11-30", "date"),
    ("2021年11月完成", None, "2021-11-30", "date"),
    ("第四季度完成", 2021, "2021-12-31", "date"),
    ("15个工作日内予以答复", None, None, "relative"),
    ("限期20日内改正", None, None, "relative"),
    ("按月调度，按季通报", None, None, "recurring"),
    ("实行周报告制度", None, None, "recurring"),
    ("每日巡查", None, None, "recurring"),
    ("长期", None, None, "ongoing"),
    ("即知即改", None, None, "immediate"),
    # (a near miss here until round 34: a holiday with 前 is a limit, its day a calendar fact — the eve of 2021's
    # Spring Festival, 12 February; archive.ledger.holiday_limits)
    ("于2021年春节前完成", None, "2021-02-11", "date"),
]
DEADLINE_NEAR_C: list = [
    ("2021年8月25日，县政府召开整改推进会", None),
    ("自2019年5月起开展专项整治", None),
    ("2018年12月13日发布", None),
    ("在规定期限内完成", None),
    ("2020年全市空气质量优良天数比例为85%", None),
    ("2019年12月31日，该问题已完成销号", None),
    ("2017年以来", None),
    ("2021年第1期", None),
    ("中央第二生态环境保护督察组2021年4月6日至5月6日对我省开展督察", None),
]
CITATION_C: list = [
    ("关于第18项整改任务完成情况的公示", [18]),
    ("第34项：", [34]),
    ("附件：第6项", [6]),
    ("第5项（原第3项）", [3, 5]),
    ("第12、13、14项", [12, 13, 14]),
    ("第十三至十五项", [13, 14, 15]),
    ("问题编号：二十一", [21]),
    ("第1项至第3项", [1, 2, 3]),
    ("（编号：5-2）", [5]),
    ("第五十项", [50]),
    ("第99项", [99]),
    ("第一百一十项", [110]),
    ("编号第7号", [7]),
    ("第二十八项反馈问题", [28]),
    ("反馈问题第8、9项", [8, 9]),
    ("第3項及第4項", [3, 4]),
]
CITATION_NEAR_C: list = [
    "第2轮第3批",
    "第3号文件",
    "第3页",
    "第二十届",
    "第三次全国国土调查",
    "第1名",
    "第5个年头",
    "第三督察组组长",
    "第5号台风",
]


@pytest.mark.parametrize(("text", "want"), STATUS_C + [(t, "other") for t in STATUS_NEAR_C])
def test_status_elicited_third_batch(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "year", "last_day", "kind"),
                         DEADLINE_C + [(t, y, None, "unknown") for t, y in DEADLINE_NEAR_C])
def test_deadline_elicited_third_batch(text: str, year: int | None, last_day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert (found.iso(), found.kind) == (last_day, kind)


@pytest.mark.parametrize(("text", "want"), CITATION_C + [(t, []) for t in CITATION_NEAR_C])
def test_citation_elicited_third_batch(text: str, want: list[int]) -> None:
    assert cited_numbers(text) == want


# ------------------------------------------- a fourth batch, written after the third round: near misses of the new classes
STATUS_D: list = [
    ("一旦发现问题立即整改，目前已全部完成", "done"),
    ("整改完成后，水质明显好转", "done"),
    ("该项目于2021年6月建成并投入运行", "done"),
    ("2021年5月，涉事企业拆除全部违法设施", "done"),
    ("污水处理厂已建成，配套管网正在铺设", "on_track"),
    ("群众反映的噪声问题仍未解决", "behind"),
    ("整改项目因征地问题推迟", "behind"),
    ("该问题已于2019年10月整改到位", "done"),
    ("省级验收组核查认为：已达到销号要求", "done"),
    ("核查意见：同意销号", "done"),
    ("整改工作进入收尾阶段", "on_track"),
    ("是否销号：是", "done"),
]
STATUS_NEAR_D: list = [
    "计划于2021年6月竣工",
    "预计于2021年6月底完成整改",
    "该项目将于2022年3月建成投用",
    "拟于2021年10月关停",
    "确保任务完成",
    "即将进入施工阶段",
    "目前仍未发现违法排污行为",
    "不得延误工期",
    "防止问题反弹",
    "如期完成的，予以通报表扬",
    "是否销号：",
    "验收结论：",
    "若整改不到位，不予销号",
    "凡未完成整改任务的，一律不得销号",
]
DEADLINE_D: list = [
    ("自即日起至2021年5月31日，在全市开展专项整治行动", None, "2021-05-31", "date"),
    ("2020年底前已完成80%，2021年6月底前全部完成", None, "2021-06-30", "date"),
    ("完成时限：2021/12", None, "2021-12-31", "date"),
    ("整改时限：2020.9", None, "2020-09-30", "date"),
    ("2017-2018年完成", None, "2018-12-31", "date"),
    ("即2021—2022年实施", None, "2022-12-31", "date"),
    ("限期两个月", None, None, "relative"),
    ("限期十五日", None, None, "relative"),
    ("立即关闭", None, None, "immediate"),
    ("边查边改", None, None, "immediate"),
    ("常态化巡查", None, None, "ongoing"),
    ("每年汛期前开展一次排查", None, None, "recurring"),
]
DEADLINE_NEAR_D: list = [
    ("版本号：2022.06", None),
    ("数据截至2022.06", None),
    ("2019年至2020年，全市建设污水管网120公里", None),
    ("2016-2017年建设了首批设施", None),
    ("每年3月为植树月", None),
    ("2022年春节期间", None),
    ("2020年12月前已全部办结", None),
    ("到2019年，先后三次开展专项督察", None),
]
CITATION_D: list = [
    ("第3个交办问题", [3]),
    ("问题台账序号9", [9]),
    ("任务清单编号：14", [14]),
    ("第 二 十 项", [20]),
]
CITATION_NEAR_D: list = [
    "文件编号第3号",
    "第3个督察组",
    "批次编号第2号",
    "第2个五年计划",
    "第十 期简报",
]


@pytest.mark.parametrize(("text", "want"), STATUS_D + [(t, "other") for t in STATUS_NEAR_D])
def test_status_elicited_fourth_batch(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "year", "last_day", "kind"),
                         DEADLINE_D + [(t, y, None, "unknown") for t, y in DEADLINE_NEAR_D])
def test_deadline_elicited_fourth_batch(text: str, year: int | None, last_day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert (found.iso(), found.kind) == (last_day, kind)


@pytest.mark.parametrize(("text", "want"), CITATION_D + [(t, []) for t in CITATION_NEAR_D])
def test_citation_elicited_fourth_batch(text: str, want: list[int]) -> None:
    assert cited_numbers(text) == want


# ------------------------------------------------------------------- a fifth batch, written after every class of the round
STATUS_E: list = [
    ("该问题整改已全部完成，并于2020年12月通过省级验收销号", "done"),
    ("已完成整改（见附件）", "done"),
    ("完成整改，已销号", "done"),
    ("整改完毕", "done"),
    ("该点位已清理完成并复绿", "done"),
    ("进展：已完成阶段性整改目标，正在持续推进", "on_track"),
    ("正在进行项目前期工作", "on_track"),
    ("整改推进中", "on_track"),
    ("已列入2022年计划，尚未实施", "behind"),
    ("整改工作滞后于时序进度", "behind"),
    ("未按期完成整改任务", "behind"),
    ("整改效果不明显", "behind"),
    ("整改进展缓慢，群众不满意", "behind"),
    ("持续开展巡查，防止反弹", "ongoing"),
    ("已全面完成，长期坚持", "done"),
    ("已基本完成治理，剩余部分正在施工", "on_track"),
    ("大部分已完成", "mostly_done"),
    ("绝大部分问题已整改", "mostly_done"),
]
STATUS_NEAR_E: list = [
    "整改完成时限",
    "是否按期完成",
    "已完成整改任务的验收工作由市整改办负责",
    "请各地于完成整改后及时报送",
    "督察组要求：问题整改到位",
    "关于推进中央环保督察整改工作的通知",
    "对未按期完成的，严肃问责",
    "进展顺利的，予以表扬",
]
DEADLINE_E: list = [
    ("整改时限：2021年6月", None, "2021-06-30", "date"),
    ("时限要求：2020年底前", None, "2020-12-31", "date"),
    ("2021年12月31日前完成验收销号", None, "2021-12-31", "date"),
    ("2023年底前全部完成治理", None, "2023-12-31", "date"),
    ("二O二一年六月底", None, "2021-06-30", "date"),
    ("2021年06月30日", None, "2021-06-30", "date"),
    ("2020-12-31", None, "2020-12-31", "date"),
    ("3个工作日内", None, None, "relative"),
    ("30日内整改完毕", None, None, "relative"),
    ("每半年开展一次", None, None, "recurring"),
    ("每月通报", None, None, "recurring"),
    ("长期坚持并建立长效机制", None, None, "ongoing"),
    ("即查即处", None, None, "immediate"),
]
DEADLINE_NEAR_E: list = [
    ("2021年7月1日起实施", None),
    ("2019年全年", None),
    ("前三季度", None),
    ("同比下降15%", None),
    ("1-6月", None),
    ("2020年6月5日上午", None),
    ("2021年第二轮督察", None),
    ("近5年", None),
    ("2022年汛期前", None),
]
CITATION_E: list = [
    ("第14项（十四）", [14]),
    ("第41项任务", [41]),
    ("第17项", [17]),
    ("第6号整改任务", [6]),
    ("问题第三十二项", [32]),
    ("第十五项、第十六项和第十七项", [15, 16, 17]),
    ("清单第22项", [22]),
    ("第4个问题", [4]),
]
CITATION_NEAR_E: list = [
    "第二项议程",
    "第3大队",
    "第1责任人",
    "3#、4#炉",
    "第三批",
    "第十二次党代会",
]


@pytest.mark.parametrize(("text", "want"), STATUS_E + [(t, "other") for t in STATUS_NEAR_E])
def test_status_elicited_fifth_batch(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "year", "last_day", "kind"),
                         DEADLINE_E + [(t, y, None, "unknown") for t, y in DEADLINE_NEAR_E])
def test_deadline_elicited_fifth_batch(text: str, year: int | None, last_day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert (found.iso(), found.kind) == (last_day, kind)


@pytest.mark.parametrize(("text", "want"), CITATION_E + [(t, []) for t in CITATION_NEAR_E])
def test_citation_elicited_fifth_batch(text: str, want: list[int]) -> None:
    assert cited_numbers(text) == want


# ---------------------------------------------- a sixth batch: whole sentences of news copy and notices, not table cells
STATUS_F: list = [
    ("据了解，该县针对督察反馈的畜禽养殖污染问题，共关闭搬迁养殖场32家，完成治理设施配套建设156家，整改任务已全面完成。", "done"),
    ("记者从市生态环境局获悉，截至11月底，我市中央生态环境保护督察反馈的36项整改任务中，已完成30项，其余6项正在按序时进度推进。",
     "on_track"),
    ("目前，该项目土建工程已完成，设备正在安装调试，预计年底前投入运行。", "on_track"),
    ("该企业虽已停产，但堆存的危险废物至今未按要求处置。", "behind"),
    ("经复核，该问题整改措施已落实到位，达到了销号标准，同意予以销号。", "done"),
    ("由于涉及群众搬迁，补偿协议尚未全部签订，整改进度有所滞后。", "behind"),
    ("全区28个黑臭水体已全部消除黑臭，并通过省级核查。", "done"),
    ("截至目前，已累计完成矿山生态修复面积1.2万亩，占总任务的85%，剩余部分正在加紧推进。", "on_track"),
    ("整改工作总体进展顺利，但仍有部分任务推进较慢。", "behind"),
    ("2021年以来，我市扎实推进督察整改，各项任务均按时序推进。", "on_track"),
    ("相关责任单位对整改工作重视不够，措施不力，导致问题反弹。", "behind"),
    ("经第三方评估，该区域生态修复已达到预期效果。", "done"),
    ("截至2020年底，全省共办结群众信访举报件1.2万件，办结率100%。", "done"),
    ("污水处理厂扩建工程目前已完成主体建设，预计明年3月投入试运行。", "mostly_done"),
]
STATUS_NEAR_F: list = [
    # (r55a: "将持续加大整改力度" left this list — the settled line reads a continuing duty announced with 将持续…力度
    # ongoing; pinned in test_language_forms_r55a.py)
    "各县区要对照整改任务清单，逐项核查，确保整改一项、销号一项。",
    "会议强调，要以钉钉子精神推进整改，对整改不力的严肃问责。",
    "会议听取了全市督察整改工作进展情况汇报。",
    "方案明确，到2021年底，全部完成33项整改任务。",
    "为确保整改任务按期完成，市政府成立了整改工作领导小组。",
]
DEADLINE_F: list = [
    ("方案明确，到2021年底，全部完成33项整改任务。", None, "2021-12-31", "date"),
    ("市政府要求各责任单位于2020年9月30日前报送整改进展，并于2020年12月底前全面完成整改。", None, "2020-12-31", "date"),
    ("该项目计划于2022年6月开工，2023年12月建成投运。", None, "2023-12-31", "date"),
    ("按照整改方案，该问题整改时限为2019年12月31日，目前已完成整改。", None, "2019-12-31", "date"),
    ("力争到2025年，全市地表水达到或好于Ⅲ类水体比例达到80%。", None, "2025-12-31", "date"),
    ("要求企业在接到通知后15日内完成整改。", None, None, "relative"),
    ("建立整改工作周调度、月通报机制。", None, None, "recurring"),
    ("对立行立改的问题，做到即知即改。", None, None, "immediate"),
    ("坚持问题整改与长效机制建设相结合，持续推进。", None, None, "ongoing"),
    # relabelled unknown → 2018-12-31 after reading: by the written convention a year then 建成 sets a limit unless marked past
    ("该企业2018年建成投产，年产水泥200万吨。", None, "2018-12-31", "date"),
]
DEADLINE_NEAR_F: list = [
    ("2021年4月6日至5月6日，中央第二生态环境保护督察组对我省开展第二轮督察。", None),
    ("截至2021年11月底，已完成整改任务30项。", None),
    ("2020年，全市PM2.5平均浓度为32微克/立方米，同比下降8.6%。", None),
    ("2019年6月27日，市委常委会审议通过了整改方案。", None),
    ("记者2021年12月20日从省生态环境厅获悉", None),
    ("自2021年1月1日起，全面禁止露天焚烧秸秆。", None),
]
CITATION_F: list = [
    ("根据《某市贯彻落实中央第三生态环境保护督察组督察反馈意见整改方案》第15项整改任务要求", [15]),
    ("关于中央生态环境保护督察反馈问题第6项（畜禽养殖污染）整改完成情况的公示", [6]),
    ("省委第二巡视组反馈问题第3项", [3]),
    ("涉及问题清单第12、15、18项", [12, 15, 18]),
    ("第八项：某某湖湿地保护区违规开发问题", [8]),
]
CITATION_NEAR_F: list = [
    "本次督察共交办群众信访件第一批52件",
    "根据《中华人民共和国水污染防治法》第八十三条第二项",
    "第二十五次常务会议研究了整改工作",
    "这是第3次对该问题进行督办",
    "全省排名第12位",
]


@pytest.mark.parametrize(("text", "want"), STATUS_F + [(t, "other") for t in STATUS_NEAR_F])
def test_status_elicited_sixth_batch(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "year", "last_day", "kind"),
                         DEADLINE_F + [(t, y, None, "unknown") for t, y in DEADLINE_NEAR_F])
def test_deadline_elicited_sixth_batch(text: str, year: int | None, last_day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert (found.iso(), found.kind) == (last_day, kind)


@pytest.mark.parametrize(("text", "want"), CITATION_F + [(t, []) for t in CITATION_NEAR_F])
def test_citation_elicited_sixth_batch(text: str, want: list[int]) -> None:
    assert cited_numbers(text) == want


# ------------------------------------------------ a seventh batch: table rows flattened to text, labels of plans' tables
STATUS_G: list = [
    ("1 | 某县城区黑臭水体 | 县住建局 | 2019年底 | 已完成整改", "done"),
    ("整改进展：100%", "done"),
    ("已全部整改完成。", "done"),
    ("整改工作已于今年6月全部完成", "done"),
    ("整改工作未按期完成，已申请延期至2021年底", "behind"),
    ("该问题已完成整改，但存在反弹风险", "done"),
    ("該問題正在整改中", "on_track"),
    ("已完成整改，正在申请验收销号", "done"),
    ("尚未开工建设", "behind"),
    ("整治工作已取得阶段性成效", "on_track"),
    ("现场已恢复原貌", "done"),
]
STATUS_NEAR_G: list = [
    "整改要求：2020年底前完成拆除",
    "责任单位：区城管局；整改时限：2020年12月",
    "问题描述：该企业未按要求建设污染防治设施",
    "整改目标：黑臭水体全部消除",
]
DEADLINE_G: list = [
    ("整改时限：2020年12月31日前完成，并长期坚持", None, "2020-12-31", "date"),
    ("整改时限：2019年12月-2020年6月", None, "2020-06-30", "date"),
    ("时间节点：2021年9月", None, "2021-09-30", "date"),
    ("完成时限：2020年", None, "2020-12-31", "date"),
    ("整改期限：三个月", None, None, "relative"),
    ("办结时限：15个工作日", None, None, "relative"),
    ("2020年第三季度末前", None, "2020-09-30", "date"),
    ("二〇二〇年十二月三十一日前", None, "2020-12-31", "date"),
]
DEADLINE_NEAR_G: list = [
    ("问题描述：2018年以来，该企业多次超标排放", None),
    ("2019年12月，经市政府同意，调整整改时限", None),
    ("2020年度生态环境状况公报", None),
    ("整改时限：已完成", None),
    ("2022年6月5日是第51个世界环境日", None),
]
CITATION_G: list = [
    ("1 | 第5项 | 某县城区黑臭水体", [5]),
    ("第五项反馈问题整改情况", [5]),
    ("问题编号:16", [16]),
    ("(序号12)", [12]),
    ("第十六项(第3点)", [16]),
]
CITATION_NEAR_G: list = [
    "1 | 某县城区黑臭水体 | 县住建局",
    "第3点",
    "第一部分",
    "第2款",
]


@pytest.mark.parametrize(("text", "want"), STATUS_G + [(t, "other") for t in STATUS_NEAR_G])
def test_status_elicited_seventh_batch(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "year", "last_day", "kind"),
                         DEADLINE_G + [(t, y, None, "unknown") for t, y in DEADLINE_NEAR_G])
def test_deadline_elicited_seventh_batch(text: str, year: int | None, last_day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert (found.iso(), found.kind) == (last_day, kind)


@pytest.mark.parametrize(("text", "want"), CITATION_G + [(t, []) for t in CITATION_NEAR_G])
def test_citation_elicited_seventh_batch(text: str, want: list[int]) -> None:
    assert cited_numbers(text) == want


# --------------------------------------------------------- an eighth batch: news paragraphs with several dates and counts
STATUS_H: list = [
    ("截至目前，反馈的17个问题已完成整改13个，4个正在整改。", "on_track"),
    ("群众信访举报件已全部办结，办结率、回访率均达100%。", "done"),
    ("关停取缔“散乱污”企业276家，全部完成既定任务。", "done"),
    ("工程于去年底开工，目前完成总工程量的70%，预计今年10月完工。", "on_track"),
    ("该问题整改进度与目标要求差距较大。", "behind"),
    ("该项目因环评手续未办理，至今未能开工。", "behind"),
    ("河道清淤工程已经全线完工。", "done"),
    ("经县整改办组织相关部门现场验收，一致同意该问题销号。", "done"),
    ("全市共排查出问题点位112处，已整改98处，其余正在整改。", "on_track"),
]
STATUS_NEAR_H: list = [
    "全县将以此次督察为契机，全面完成各项整改任务。",
    "会议要求，各地要进一步压实责任，确保整改工作取得实效。",
    "对已销号的问题开展“回头看”，防止问题反弹。",
    "新闻发布会上，市生态环境局通报了整改完成情况。",
    "整改完成后将组织验收",
    "市长主持召开会议，研究部署整改工作。",
]
DEADLINE_H: list = [
    ("2021年7月，省政府印发《方案》，要求2022年底前全面完成整改。", None, "2022-12-31", "date"),
    ("各地于11月15日前将整改进展报送市整改办。", 2020, "2020-11-15", "date"),
    ("按照“2019年底前取得明显成效、2020年底前基本完成”的目标", None, "2020-12-31", "date"),
    ("整改时限：2019年9月30日前（已完成）", None, "2019-09-30", "date"),
    ("力争用两年左右时间", None, None, "relative"),
]
DEADLINE_NEAR_H: list = [
    ("2021年12月3日，市委召开专题会议研究督察整改工作。", None),
    ("截至2022年3月，全市已完成整改任务45项，完成率90%。", None),
    ("这一项目于2019年10月正式投入运营。", None),
    ("2018年10月至11月，第二轮督察进驻期间", None),
    ("预计到2025年，全市新能源汽车保有量将达到10万辆。", None),
    ("2019年，全县共投入整改资金3.2亿元。", None),
]
CITATION_H: list = [
    ("第20项：某县垃圾填埋场渗滤液问题。整改时限：2019年底", [20]),
    ("反馈问题第二十一项整改情况说明", [21]),
    ("问题清单第3项、第4项", [3, 4]),
]
CITATION_NEAR_H: list = [
    "2019年第2号",
    "第二十一条规定",
    "第3届",
]


@pytest.mark.parametrize(("text", "want"), STATUS_H + [(t, "other") for t in STATUS_NEAR_H])
def test_status_elicited_eighth_batch(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "year", "last_day", "kind"),
                         DEADLINE_H + [(t, y, None, "unknown") for t, y in DEADLINE_NEAR_H])
def test_deadline_elicited_eighth_batch(text: str, year: int | None, last_day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert (found.iso(), found.kind) == (last_day, kind)


@pytest.mark.parametrize(("text", "want"), CITATION_H + [(t, []) for t in CITATION_NEAR_H])
def test_citation_elicited_eighth_batch(text: str, want: list[int]) -> None:
    assert cited_numbers(text) == want


# ------------------------------------------------------ a ninth batch: plans' measures and targets beside reports of them
STATUS_I: list = [
    ("目前，上述问题均已整改完毕。", "done"),
    ("经核查，该企业已于2019年9月完成燃煤锅炉淘汰。", "done"),
    ("各项整改任务正在有序推进，总体进度符合预期。", "on_track"),
    ("已全部完成", "done"),
    ("该问题整改工作已完成，已于2020年11月在市政府网站公示。", "done"),
    ("部分整改项目进度滞后", "behind"),
]
STATUS_NEAR_I: list = [
    "（一）全面完成城镇污水处理设施建设，2020年底前城市污水处理率达到95%。",
    "1.加快推进污水管网建设，完成雨污分流改造50公里。",
    "整改措施：1.立即停产整顿；2.完成除尘设施改造",
    "下一步工作打算：继续推进剩余问题整改",
    "工作目标：到2020年底，全面完成中央环保督察反馈问题整改",
    "主要任务：完成12个黑臭水体整治",
]
DEADLINE_I: list = [
    ("（一）2020年底前，完成城镇污水处理设施建设", None, "2020-12-31", "date"),
    ("工作目标：到2020年底，全面完成中央环保督察反馈问题整改", None, "2020-12-31", "date"),
    ("2021年6月30日之前", None, "2021-06-30", "date"),
    ("2020年11月底以前", None, "2020-11-30", "date"),
    ("务必于2019年10月底前整改到位", None, "2019-10-31", "date"),
    ("2022年上半年前", None, "2022-06-30", "date"),
    ("整改时限：2019年4-6月", None, "2019-06-30", "date"),
    ("每季度最后一个月25日前报送", None, None, "recurring"),
    ("半年内", None, None, "relative"),
]
DEADLINE_NEAR_I: list = [
    ("2020年10月至12月", None),
    ("2019年4-6月", None),
    ("即日起执行", None),
    ("2019年12月，县政府印发了实施方案", None),
    ("2020年1-11月，全市空气质量优良率为86%", None),
]
CITATION_I: list = [
    ("第5、6、7项问题", [5, 6, 7]),
    ("第十二、十三项", [12, 13]),
    ("第4项（涉及2个子项）", [4]),
]
CITATION_NEAR_I: list = [
    "第二批次",
    "第8号令",
]


@pytest.mark.parametrize(("text", "want"), STATUS_I + [(t, "other") for t in STATUS_NEAR_I])
def test_status_elicited_ninth_batch(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "year", "last_day", "kind"),
                         DEADLINE_I + [(t, y, None, "unknown") for t, y in DEADLINE_NEAR_I])
def test_deadline_elicited_ninth_batch(text: str, year: int | None, last_day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert (found.iso(), found.kind) == (last_day, kind)


@pytest.mark.parametrize(("text", "want"), CITATION_I + [(t, []) for t in CITATION_NEAR_I])
def test_citation_elicited_ninth_batch(text: str, want: list[int]) -> None:
    assert cited_numbers(text) == want


# ---------------------------------------------------------------------------------------- a tenth batch, mixed forms
STATUS_J: list = [
    ("该企业已于2020年3月搬迁至工业园区", "done"),
    ("问题已得到有效解决", "done"),
    ("群众反映的问题已妥善处理", "done"),
    ("已按要求落实", "done"),
    ("该问题目前已整改", "done"),
    ("整改进展：已开工，完成投资30%", "on_track"),
    ("正在进行环评审批", "on_track"),
    ("目前处于停工状态", "behind"),
    ("整改工作仍在推进中", "on_track"),
    ("问题尚未得到解决", "behind"),
    ("整改不彻底，问题反弹", "behind"),
    ("督察组交办的信访件已按期办结", "done"),
    ("尚需长期坚持", "ongoing"),
]
STATUS_NEAR_J: list = [
    "对已完成整改的问题，将组织开展“回头看”",
    "对整改进展缓慢的地方，将进行约谈",
    "整改工作如果推进缓慢，将影响考核结果",
    "严禁虚报整改完成情况",
    "定期通报整改进展情况",
    "督促指导各地完成整改",
    "建立完成一项、销号一项的工作机制",
]
DEADLINE_J: list = [
    ("二〇二二年底前", None, "2022-12-31", "date"),
    ("21年底前完成", None, "2021-12-31", "date"),
    ("截至2021年6月30日前完成", None, "2021-06-30", "date"),
    ("每周一调度", None, None, "recurring"),
    ("限期6个月", None, None, "relative"),
    ("2023年9月", None, "2023-09-30", "date"),
]
DEADLINE_NEAR_J: list = [
    ("力争2021年汛期前完成", None),
    ("自2018年起", None),
    ("从2019年开始", None),
    ("2019年5月8日下午召开", None),
]
CITATION_J: list = [
    ("第三十九项、第四十项", [39, 40]),
    ("反馈问题第8项（一）", [8]),
    ("第一项至第五项", [1, 2, 3, 4, 5]),
]
CITATION_NEAR_J: list = [
    "第3条第1款",
    "第一书记",
]


@pytest.mark.parametrize(("text", "want"), STATUS_J + [(t, "other") for t in STATUS_NEAR_J])
def test_status_elicited_tenth_batch(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "year", "last_day", "kind"),
                         DEADLINE_J + [(t, y, None, "unknown") for t, y in DEADLINE_NEAR_J])
def test_deadline_elicited_tenth_batch(text: str, year: int | None, last_day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert (found.iso(), found.kind) == (last_day, kind)


@pytest.mark.parametrize(("text", "want"), CITATION_J + [(t, []) for t in CITATION_NEAR_J])
def test_citation_elicited_tenth_batch(text: str, want: list[int]) -> None:
    assert cited_numbers(text) == want


def test_the_counts_bench_scores_every_batch_with_these_readers(capsys, monkeypatch) -> None:
    """``bench/elicited_counts.py`` scores all ten batches; with this checkout's readers every status case is right."""
    bench = Path(__file__).resolve().parents[2] / "bench" / "elicited_counts.py"
    monkeypatch.setattr(sys, "argv", [str(bench)])
    runpy.run_path(str(bench), run_name="__main__")
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[2:]] == [str(n) for n in range(1, 11)] + ["all"]
    written, right = lines[-1].split()[1], lines[-1].split()[3]
    assert written == right == str(len(STATUS + STATUS_B + STATUS_C + STATUS_D + STATUS_E + STATUS_F + STATUS_G + STATUS_H
                                       + STATUS_I + STATUS_J) + len(STATUS_NEAR + STATUS_NEAR_B + STATUS_NEAR_C
                                                                    + STATUS_NEAR_D + STATUS_NEAR_E + STATUS_NEAR_F
                                                                    + STATUS_NEAR_G + STATUS_NEAR_H + STATUS_NEAR_I
                                                                    + STATUS_NEAR_J))
