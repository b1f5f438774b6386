"""The citation and task-count readers as grammars: cases built from the dimensions of issue 21, not from corpus rows.

Citations: marker × numeral form × shape (one number, a list, a range, a sub-item) × closer × bracketed or not, and
the negative contexts (文号, batches, meetings, issues, enumerators, attachment labels, phone numbers, counts).
Task counts: counted noun × measure word × what governs the count (方案 / 反馈 / 清单 / 督察), categories before the
total, numeral form; and the counts of other things, which read as unknown (None).
"""
from __future__ import annotations

import itertools

import pytest

from archive.ledger.numbers import cited_numbers
from archive.timeliness.fields import problem_count

#: numeral forms: (Arabic, Chinese, full-width) spellings of one value
NUMERALS = {
    3: ("3", "三", "３"),
    10: ("10", "十", "１０"),
    12: ("12", "十二", "１２"),
    20: ("20", "二十", "２０"),
    34: ("34", "三十四", "３４"),
    99: ("99", "九十九", "９９"),
    102: ("102", "一百零二", "１０２", "一〇二"),
    110: ("110", "一百一十", "１１０"),
}
SPELLINGS = [(value, spelled) for value, forms in NUMERALS.items() for spelled in forms]

#: a marker with its closer around the number: "{}" is the number (or list, range, sub-item)
MARKERS = (
    "第{}项", "第{}项整改任务", "第{}个问题", "第{}号问题", "第{}条整改任务", "第{}件", "问题清单第{}项",
    "反馈问题第{}项", "附件1第{}项", "附件2中第{}项", "（序号{}）", "(序号{})", "（编号{}）", "（省编号第{}号）",
    "问题编号：{}", "问题编号{}：", "清单编号：{}", "台账序号：{}", "序号{}：", "编号：{}", "反馈问题(省编号):{}", "【第{}项】", "（第{}号）整改任务",
)
#: markers that take a list or range (all but the heading forms, whose colon closes one label)
LIST_MARKERS = tuple(m for m in MARKERS if not m.endswith("："))


def _texts(template: str, spelled: str) -> str:
    """The citation in a title; a heading (序号一：) opens its own line."""
    if template.endswith("："):
        return "中央生态环境保护督察整改情况\n" + template.format(spelled) + "整改情况"
    return "关于中央生态环境保护督察" + template.format(spelled) + "整改情况的公示"


SINGLE = [(_texts(m, s), [v]) for m, (v, s) in itertools.product(MARKERS, SPELLINGS)]

#: lists and ranges: every marker × every separator, the numeral forms taken in turn (pairwise, to keep the file fast)
PAIRS = (("3", "5", 3, 5), ("三", "五", 3, 5), ("３", "５", 3, 5), ("十二", "三十四", 12, 34), ("十", "十二", 10, 12))
LIST_SEPS = ("、", "，", ",", "和", "及", "以及", "与")
RANGE_SEPS = ("-", "—", "～", "~", "至", "到", "－", "–", "——")


def _pair(i: int) -> tuple[str, str, int, int]:
    return PAIRS[i % len(PAIRS)]


LISTED = [(_texts(m, f"{a}{sep}{b}"), [x, y])
          for i, m in enumerate(LIST_MARKERS) for j, sep in enumerate(LIST_SEPS) for a, b, x, y in [_pair(i + j)]]
RANGED = [(_texts(m, f"{a}{sep}{b}"), list(range(x, y + 1)))
          for i, m in enumerate(LIST_MARKERS) for j, sep in enumerate(RANGE_SEPS) for a, b, x, y in [_pair(i + j)]]
#: three in a list, each with its own 第 and closer, a range written out twice
LONGER = [
    ("第3、5、7项", [3, 5, 7]), ("第三、五、七项", [3, 5, 7]), ("第3项、第5项和第7项", [3, 5, 7]),
    ("第三项至第五项", [3, 4, 5]), ("第1-5项", [1, 2, 3, 4, 5]), ("1至20号整改任务", list(range(1, 21))),
    ("问题编号三十四、三十八", [34, 38]), ("1号、3号问题", [1, 3]), ("第3号至第5号问题", [3, 4, 5]),
    ("第3项、5项", [3, 5]), ("问题编号为12", [12]), ("第廿一项", [21]), ("第卅二项", [32]), ("第十项到第十二项", [10, 11, 12]), ("第３项至第５项", [3, 4, 5]),
]
#: sub-items cite their item
SUBS = ["（二）", "(二)", "（2）", "之一", "之二", "第2小项"]
SUB_ITEMS = [(_texts("第{}项" + sub, spelled), [v])
             for sub, (v, spelled) in itertools.product(SUBS, [(14, "14"), (14, "十四"), (14, "１４")])]
SUB_FORMS = [
    ("问题编号：14-2", [14]), ("（编号14-2）", [14]), ("反馈问题（14-2）", [14]), ("问题编号14-2", [14]), ("编号:二十七(二)", [27]),
    ("问题编号：二十七（二）", [27]), ("第3项之一", [3]), ("（序号14-1）", [14]), ("第十七项(69)", [17]),
]

#: numbers in these contexts are no task's
NEGATIVES = [
    "川环发〔2020〕3号", "川环发[2020]12号", "黔府办发（2021）34号", "环督察〔2022〕第5号",
    "第3批", "第三批反馈问题", "第二批整改任务", "第3次会议", "第十二次常务会议", "第3期", "第二期简报",
    "第二轮中央生态环境保护督察", "第3条 本办法自发布之日起施行", "第十二条规定",
    "一、总体要求", "（一）反馈问题：", "(1)加强监管", "1.问题概况", "附件1", "附件2：整改任务清单", "附件3.",
    "监督电话：0851-12345678", "联系电话：028-86123456", "共12项", "共有整改任务34项", "12项整改任务",
    "第1个工作日", "自发布之日起10个工作日内", "交办单编号：3", "受理编号：609", "批次编号：2",
    "第3号通告", "（第5号）", "第三季度", "第2组", "第三督察组", "第3名", "第2年",
    "第3至5批", "第3、4批", "第一、二轮督察", "第3届", "第3页", "2023年第3期", "第3号文件", "编号：ZJ-2020-03",
    "文件编号：3", "详见附件2", "附件1、附件2", "①加强监管", "3个问题", "共3个问题", "3、加强监管",
    "川环发〔2020〕3号问题", "2023年3号问题", "第3号交办单", "附件1-3", "附件1至附件3", "第1至3批",
    "第3次会议第5项议题", "常务会议第5项", "项目编号：3", "证书编号：12", "许可证编号：3", "案件编号：3", "设备编号：三", "监测点位编号：12",
    "《环境保护法》第六十三条第三项", "第十二条第3项规定", "第二款第一项", "第3条第(二)项",
]
#: a citation after a negative context reads the citation only
AFTER_NEGATIVE = [
    ("第二批中央生态环境保护督察第3项整改任务", [3]), ("第二轮督察反馈问题第十二项", [12]),
    ("川环发〔2020〕3号文件第5项", [5]), ("附件2：第七项整改任务", [7]), ("2023年第3期简报（序号5）", [5]),
]


#: a mirror's traditional script reads as the simplified (every seventh case of each kind, to keep the file fast)
_TRADITIONAL = str.maketrans("项号问题编务个馈办访举报发达处检确对条单县区责组织级门实计划审议与为长应续进还余设规",
                             "項號問題編務個饋辦訪舉報發達處檢確對條單縣區責組織級門實計劃審議與為長應續進還餘設規")


def _traditional(cases: list) -> list:
    return [(case[0].translate(_TRADITIONAL), *case[1:]) if isinstance(case, tuple) else case.translate(_TRADITIONAL)
            for case in cases[::7]]


CITED = SINGLE + LISTED + RANGED + SUB_ITEMS + [(_texts("{}", t), n) for t, n in LONGER + SUB_FORMS + AFTER_NEGATIVE]
NOT_CITED = NEGATIVES + [f"关于{t}的说明" for t in NEGATIVES]


def _groups(cases: list, size: int = 100) -> list:
    """Cases in groups of ``size``: one test item each (thousands of items cost the parallel suite more than their
    checks), every wrong case of a group reported at once."""
    return [cases[i:i + size] for i in range(0, len(cases), size)]


def _wrong(cases: list, read, expected) -> list:
    return [(text, want, got) for text, want in cases if (got := read(text)) != expected(want)]


@pytest.mark.parametrize("cases", _groups(CITED + _traditional(CITED)))
def test_a_citation_reads_every_marker_numeral_shape_and_closer(cases):
    assert not _wrong(cases, cited_numbers, lambda want: want)


@pytest.mark.parametrize("cases", _groups([(t, []) for t in NOT_CITED + _traditional(NOT_CITED)]))
def test_numbers_of_other_things_are_no_citation(cases):
    assert not _wrong(cases, cited_numbers, lambda want: want)


#: a plan's count: what governs it, the count (numeral + measure word + counted noun), in either order
GOVERNED = (
    "《整改方案》明确{}", "整改方案共确定{}", "督察组反馈{}", "中央生态环境保护督察反馈的{}", "督察反馈意见指出{}",
    "问题清单共列出{}", "对照反馈意见梳理出{}", "整改方案细化为{}",
)
COUNTED = ("{}项整改任务", "{}个整改任务", "{}条整改任务", "{}项问题", "{}个问题", "{}个反馈问题", "{}项反馈问题",
           "{}项具体问题", "{}个突出问题", "{}条整改措施清单")
AFTER = ("整改任务{}项", "整改任务共{}项", "整改任务共计{}个", "反馈问题{}个", "反馈问题{}项", "反馈问题共{}项", "问题共有{}个")
COUNT_NUMERALS = [(56, "56"), (56, "五十六"), (56, "５６"), (20, "二十"), (102, "102"), (3, "三"), (102, "一百零二"),
                  (110, "一百一十"), (102, "一〇二"), (1024, "1,024"), (1024, "1024")]
#: every governor × every counted form, the numeral forms taken in turn; every numeral form × three counted forms
PLAN_COUNTS = [(g.format(c.format(s)) + "。", v) for i, g in enumerate(GOVERNED) for j, c in enumerate(COUNTED + AFTER)
               for v, s in [COUNT_NUMERALS[(i + j) % len(COUNT_NUMERALS)]]]
PLAN_COUNTS += [(GOVERNED[0].format(c.format(s)) + "。", v)
                for c, (v, s) in itertools.product(("{}项整改任务", "{}个问题", "反馈问题{}个"), COUNT_NUMERALS)]
#: categories before the total
#: a plan's count with its parts after it, or the inspection's batch naming it
WITH_PARTS = [(t.format(s), v) for t, (v, s) in itertools.product((
    "督察反馈的{}个问题中，已完成整改30个。", "整改方案明确{}项整改任务，已完成30项。",
    "第二批中央生态环境保护督察反馈的{}个问题。", "督察反馈的{}个问题涉及12个县区。",
    "{}项整改任务中，2023年底前完成20项。", "针对督察反馈的{}个问题，制定了120条整改措施。",
    "反馈问题{}个，涉及12个县区。", "{}项整改任务已全部完成。", "督察反馈我市的问题{}个。",
    "整改方案共分解{}项整改任务。", "我市承担{}项整改任务。", "督察组反馈意见指出，我省存在{}个问题。",
    "督察组指出，共有{}个问题。", "本次省督察反馈的{}个问题。", "督察组向我省反馈了{}个问题。", "反馈意见共指出{}个问题。",
    "督察反馈意见共涉及{}项问题。", "交办我省整改问题{}个。", "整改方案共列出整改任务{}项，整改措施120条。",
    "我省将反馈意见梳理为{}项整改任务。", "确定了{}个具体整改问题。", "按照整改方案，{}项整改任务中已完成40项。",
    "整改任务总数为{}项。", "督察反馈问题合计{}个。", "督察组反馈的4个方面{}个问题。", "共6大类{}项整改任务。",
    "截至目前，{}项整改任务已完成40项。", "中央生态环境保护督察反馈问题整改任务共计{}项。", "共梳理出整改任务{}项。", "《督察整改方案》明确{}项整改任务。",
    "《中央生态环境保护督察反馈意见问题清单》共{}个问题。"), COUNT_NUMERALS)]
CATEGORIES = [(f"督察反馈{cat}{s}个问题。", v)
              for cat, (v, s) in itertools.product(("4个方面", "四个方面", "6类", "六大类", "3个方面共"), COUNT_NUMERALS)]

#: counts of other things: "{}" is the number
OTHER = (
    "交办信访件{}件", "督察组交办群众信访举报{}件", "受理群众举报{}个", "信访件涉及的问题{}个",
    "分{}批交办", "督察组分{}批次", "涉及{}个县区", "{}个单位", "涉及{}个部门", "制定{}条措施",
    "已完成{}项整改任务", "已完成整改任务{}项", "完成整改{}个", "已整改{}个问题", "正在整改{}项", "未完成{}项",
    "2023年底前完成整改任务{}项，2024年底前完成整改任务2项", "其中，2023年底前完成{}项",
    "其中，甲市{}项、乙市41项、丙市9项", "全国共{}项", "各省（区、市）共{}项整改任务", "召开会议{}次",
    "办理{}件民生实事", "《政府工作报告》确定{}项重点工作任务", "巡察反馈{}个问题", "检查企业{}家", "出动执法人员{}人次",
    "立案{}起", "罚款{}万元", "共{}个方面", "{}大类",
    "督察组交办的{}件信访件", "共分5批交办信访件{}件", "交办群众信访举报5件，涉及问题{}个", "群众反映的{}个问题",
    "媒体曝光的{}个问题", "暗访发现{}个问题", "警示片披露问题{}个", "已完成整改的{}个问题", "第三批交办的{}个问题",
    "省生态环境厅牵头的{}项整改任务", "其中由省级部门牵头{}项", "全国31个省（区、市）共{}项整改任务",
    "两轮督察反馈问题共{}个", "历次督察反馈问题共{}个", "各地共排查{}个问题", "{}个问题线索", "{}个问题项目",
    "巡视指出的{}项具体问题", "领办整改任务{}项", "省级领导包案{}个问题", "《大气污染防治行动计划》明确{}项措施",
    "2023年底前完成{}个", "累计完成{}项", "整改任务已完成{}项", "第{}个问题", "第{}项整改任务",
    "累计完成了{}项整改任务", "共完成{}项整改任务", "已验收销号整改任务{}项", "剩余的{}项整改任务", "尚有{}项整改任务未完成",
    "今年需完成整改任务{}项", "2023年度整改任务{}项", "督察组移交{}个责任追究问题", "制定{}条整改措施",
    "《水污染防治行动计划》确定的{}项任务", "《河长制工作方案》明确{}项任务", "《三年行动计划》明确{}个问题",
    "按时序进度应完成的{}项整改任务", "到期应完成的{}项整改任务", "属于长期坚持的{}项整改任务", "需长期坚持的整改任务{}项",
    "已达到序时进度的{}项整改任务", "立行立改的{}个问题", "已销号{}项整改任务", "已完成整改并销号的{}个问题",
    "督察组进驻期间共受理群众信访举报{}件", "其中{}个问题已完成整改", "剩余{}个问题正在整改", "目前还有{}项整改任务未完成",
    "本次公示{}项整改任务", "现将{}项整改任务完成情况公示如下", "本次拟销号的{}个问题", "此次验收的{}项整改任务",
    "我局承担{}项整改任务", "由市生态环境局负责{}项整改任务", "省直部门共承担{}项整改任务",
    "检查发现{}项问题", "排查出{}项问题", "自查发现{}个问题", "警示片曝光的{}个问题", "督察期间交办的{}个信访问题",
)
OTHER_COUNTS = [g + o.format(s) + "。" for o, g, (_, s) in itertools.product(
    OTHER, ("", "督察反馈后，"), [(56, "56"), (56, "五十六")])]


COUNTS = PLAN_COUNTS + CATEGORIES + WITH_PARTS


@pytest.mark.parametrize("cases", _groups(COUNTS + _traditional(COUNTS)))
def test_a_plans_count_of_its_tasks_is_read(cases):
    assert not _wrong(cases, problem_count, lambda want: want)


@pytest.mark.parametrize("cases", _groups([(t, None) for t in OTHER_COUNTS + _traditional(OTHER_COUNTS)]))
def test_counts_of_other_things_are_unknown(cases):
    assert not _wrong(cases, problem_count, lambda want: want)
