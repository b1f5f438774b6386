"""The name-and-number readers answer the same when a writer words the same fact another way (issue 21).

Constructed sentences only (no corpus row): each fixed class with positives and near misses, and the probe
``bench/paraphrase_probe_names.py`` run on a few constructed rows.
"""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.ledger.numbers import cited_numbers
from archive.script_fold import for_reading
from archive.timeliness.fields import feedback_date, problem_count
from bench.paraphrase_probe_names import probe, to_chinese_numerals
from crawler.extraction.info import info_block


def _key(text: str) -> tuple | None:
    name = inspection_name(text)
    return name.key() if name else None


# full-width digits are read as ASCII ones in every reader's reading copy (same length: spans still slice the text)
@pytest.mark.parametrize("text", ["２０２０年", "第１２项", "共３个督察组", "２０１９-０５-１５", "１０月", "第２轮", "ａ１", "９"])
def test_full_width_digits_read_as_ascii(text: str) -> None:
    written, folded = for_reading(text)
    assert written == text and len(folded) == len(text)
    assert folded.translate(str.maketrans("０１２３４５６７８９", "0123456789")) == folded


@pytest.mark.parametrize("text", ["二〇二〇年", "第十二项", "(tài)", "ＡＢＣ"])
def test_full_width_fold_leaves_other_characters(text: str) -> None:
    assert for_reading(text)[1] == text.replace("(tài)", "") or text == "(tài)"


@pytest.mark.parametrize("plain, spaced", [
    ("第二轮第三批8个中央生态环境保护督察组进驻", "第二轮第三批8 个中央生态环境保护督察组进驻"),
    ("第一轮第二批5个湖北省生态环境保护督察组进驻", "第一轮第二批5 个湖北省生态环境保护督察组进驻"),
    ("内蒙古组建了12个督察组开展生态环境保护督察", "内蒙古组建了12 个督察组开展生态环境保护督察"),
    ("我省8个环保督察组分赴各市", "我省8 个环保督察组分赴各市"),
    ("第一批共组建5个中央生态环境保护督察组", "第一批共组建5  个中央生态环境保护督察组"),
    ("第二轮第二批7个自治区生态环境保护督察组结束进驻", "第二轮第二批7 个自治区生态环境保护督察组结束进驻"),
    ("第三轮第一批6个中央生态环境保护督察组完成督察进驻", "第三轮第一批6 个中央生态环境保护督察组完成督察进驻"),
    ("全省组建了9个省级环保督察组", "全省组建了9 个省级环保督察组"),
])
def test_a_space_between_count_and_unit_keeps_the_naming(plain: str, spaced: str) -> None:
    assert _key(plain) is not None
    assert _key(spaced) == _key(plain)


@pytest.mark.parametrize("text", ["全省共有8 个市完成了整改", "12 个问题已整改", "5 个项目开工建设", "派出3 个工作组检查秸秆焚烧"])
def test_a_spaced_count_of_other_things_names_no_inspection(text: str) -> None:
    assert _key(text) is None


@pytest.mark.parametrize("simplified, traditional", [
    ("来源:互联网\n编辑:张三", "來源:互联網\n編輯:张三"),
    ("日期:2018-06-23    来源:系统    编辑:李四", "日期:2018-06-23    來源:系統    編輯:李四"),
    ("来源:部门报送浏览:100次", "來源:部門報送瀏覽:100次"),
    ("来源:本站\n2020-01-02", "來源:本站\n2020-01-02"),
    ("来源:宁波市审计局", "來源:寧波市審計局"),
    ("信息来源:广安区人民政府", "信息來源:廣安區人民政府"),
    ("来源:人民日报", "來源:人民日報"),
    ("发布时间:2021-03-04 来源:市生态环境局", "發布時間:2021-03-04 來源:市生態環境局"),
])
def test_publisher_read_alike_in_either_script(simplified: str, traditional: str) -> None:
    a, b = info_block(simplified), info_block(traditional)
    assert (a.publisher is None) == (b.publisher is None)
    assert (b.posted, b.issued) == (a.posted, a.issued)


@pytest.mark.parametrize("text, day", [
    ("上海市人民政府\n２０１７年１２月２０日", "2017-12-20"),
    ("上海市人民政府\n2017年12月20日", "2017-12-20"),
    ("某某县人民政府\n２０２１年３月５日", "2021-03-05"),
    ("某某市生态环境局\n２０２２年１１月１日", "2022-11-01"),
])
def test_a_signature_day_in_full_width_digits(text: str, day: str) -> None:
    assert info_block(text).issued == day


def test_probe_finds_no_change_on_constructed_rows() -> None:
    rows = [
        {"id": "c1", "kind": "inspection", "split": "dev", "text": "第二轮第三批8个中央生态环境保护督察组进驻我省",
         "level": "central", "round": 2, "batch": 3, "group": None, "again": False, "special": False},
        {"id": "c2", "kind": "inspection", "split": "dev", "text": "湖南省第三生态环境保护督察组进驻株洲市",
         "level": "provincial", "round": None, "batch": None, "group": 3, "again": False, "special": False},
    ]
    changed, tried = probe("inspection", rows)
    assert sum(tried.values()) > 10
    assert {name: hits for name, hits in changed.items() if hits and name != "synonyms"} == {}
    blocks = [{"id": "i1", "kind": "info_block", "split": "dev", "text": "发布时间:2020-11-13 14:42 来源:广安区人民政府",
               "publisher": "广安区人民政府", "posted": "2020-11-13", "issued": None, "notice": None}]
    changed, tried = probe("info_block", blocks)
    assert tried["traditional"] == 1 and tried["full_width_digits"] == 1
    assert changed["traditional"] == changed["full_width_digits"] == changed["spaced_marks"] == []


@pytest.mark.parametrize("text, count", [
    ("我省将督察意见分解为66项整改事项", 66),
    ("整改方案明确的全部55项整改事项已完成40项", 55),
    ("第二轮督察整改方案明确的2164项整改事项,总体完成率达79%", 2164),
    ("交办我市的18个整改事项均已制定方案", 18),
    ("反馈意见涉及我县27项具体整改事项", 27),
    ("我市共认领38项整改事项", 38),
    ("截至目前,《整改方案》58项整改事项中,已有13项基本完成整改", 58),
    ("省级环保督察涉及我区34项整改事项", 34),
])
def test_rectification_items_count_as_tasks(text: str, count: int) -> None:
    assert problem_count(text) == count
    assert problem_count(text.replace("整改事项", "整改任务")) == count


@pytest.mark.parametrize("text", ["会议研究了12项事项", "办理民生事项30项", "审议通过5项重大事项", "已完成整改事项11项"])
def test_other_items_are_no_task_count(text: str) -> None:
    assert problem_count(text) is None


@pytest.mark.parametrize("enumerator", ["1、", "2. ", "（一）", "(三)", "一是", "二是", "（2）", "十是"])
def test_a_list_enumerator_before_the_clause_changes_no_count(enumerator: str) -> None:
    for text, count in (("对84个具体问题,分别制定整改清单,逐一明确了整改要求", 84),
                        ("7省市督察整改方案均实行清单制,共计确定375项整改任务", None),
                        ("督察反馈问题已完成整改304项", None),
                        ("整改方案共明确整改任务45项", 45)):
        assert problem_count(text) == count
        assert problem_count(enumerator + text) == count


@pytest.mark.parametrize("text, count", [
    ("一是督察反馈问题21个已全部完成", 21), ("二是对12个督察反馈问题逐一建立台账", 12),
    ("1.7个督察反馈问题已办结", None), ("三个督察反馈问题已整改到位", 3),
])
def test_an_enumerator_is_no_count_and_a_count_stays_one(text: str, count: int | None) -> None:
    assert problem_count(text) == count


@pytest.mark.parametrize("arabic, variant", [
    ("2024年宁夏启动第三轮生态环境保护督察", "二〇二四年宁夏启动第三轮生态环境保护督察"),
    ("2024年宁夏启动第三轮生态环境保护督察", "2024 年宁夏启动第三轮生态环境保护督察"),
    ("2024年宁夏启动第三轮生态环境保护督察", "1、宁夏启动第三轮生态环境保护督察"),
    ("北京市日前启动第二轮生态环境保护督察", "（一）北京市日前启动第二轮生态环境保护督察"),
    ("北京市日前启动第二轮生态环境保护督察", "一是北京市日前启动第二轮生态环境保护督察"),
    ("3月四川省启动第二轮第四批省级生态环境保护督察", "三月四川省启动第二轮第四批省级生态环境保护督察"),
    ("天津市2023年生态环境保护督察全面启动", "天津市二〇二三年生态环境保护督察全面启动"),
    ("天津市2023年生态环境保护督察全面启动", "天津市２０２３年生态环境保护督察全面启动"),
])
def test_a_launching_level_read_past_the_date_script_and_an_enumerator(arabic: str, variant: str) -> None:
    assert _key(arabic) is not None
    assert _key(variant) == _key(arabic)


@pytest.mark.parametrize("plain, variant", [
    ("自治区从2019年8月底起,分2批对6个盟市开展了生态环境保护督察", "自治区从2019 年8 月底起, 分2 批对6 个盟市开展了生态环境保护督察"),
    ("中央先后对福建省开展了2轮生态环境保护督察", "中央先后对福建省开展了2 轮生态环境保护督察"),
    ("河北省继2020年底完成第二轮督察之后,首次开展对省属国有企业生态环境保护督察",
     "河北省继2020年底完成第二轮督察之后, 首次开展对省属国有企业生态环境保护督察"),
    ("省委于今年分3批对8个市开展了生态环境保护督察", "省委于今年分3 批对8 个市开展了生态环境保护督察"),
])
def test_a_subject_level_read_past_spaces(plain: str, variant: str) -> None:
    assert _key(plain) is not None
    assert _key(variant) == _key(plain)


@pytest.mark.parametrize("text", [
    "二〇二四年宁夏召开生态环境保护工作会议", "1、宁夏启动第三轮污染源普查", "2. 宁夏启动第三轮环境卫生检查",
    "（一）全市开展环境卫生督查",
])
def test_a_launch_without_an_inspection_names_none(text: str) -> None:
    assert _key(text) is None


def _feedback(text: str) -> str | None:
    found = feedback_date(text)
    if found is None or found.value is None:
        return None
    return found.value.isoformat()[:7] if found.precision == "month" else found.value.isoformat()


_STAY = "{y}年4月10日至30日,第二批督察组分别进驻各区开展市级环保督察,并于{m}完成督察反馈。"


@pytest.mark.parametrize("year, month, want", [
    ("2018", "7月", "2018-07"), ("二〇一八", "7月", "2018-07"), ("２０１８", "7月", "2018-07"), ("2018", "七月", "2018-07"),
    ("二〇一八", "七月", "2018-07"), ("2019", "十二月", "2019-12"), ("２０１９", "十一月", "2019-11"), ("2020", "十月", "2020-10"),
])
def test_a_month_alone_before_the_feedback_in_either_numeral_script(year: str, month: str, want: str) -> None:
    assert _feedback(_STAY.format(y=year, m=month)) == want


@pytest.mark.parametrize("text", [
    "2018年4月10日至30日,督察组进驻各区,七月底前完成督察反馈问题整改。",
    "2018年4月10日至30日,督察组进驻各区,七月份以来持续整改反馈问题。",
    "督察组于七月向各区反馈督察意见。",
    "2018年4月10日至30日,督察组进驻各区,统一月度调度反馈问题整改。",
])
def test_no_month_alone_where_it_is_a_deadline_a_period_or_yearless(text: str) -> None:
    assert _feedback(text) is None


@pytest.mark.parametrize("text, numbers", [
    ("（一）1.编号8:加强入湖河流整治。", [8]), ("一是序号一:思想认识不到位。", [1]), ("一、编号14:完善监测监控体系。", [14]),
    ("（二）2.?编号14:完善监测监控体系。", [14]), ("二是问题编号十四:整治不到位。", [14]), ("3、序号3:治理滞后。", [3]),
    ("(一) 编号21:推进污水处理。", [21]), ("1. 2. 编号6:关停小散乱污企业。", [6]),
])
def test_a_heading_label_read_after_one_or_two_enumerators(text: str, numbers: list[int]) -> None:
    assert cited_numbers(text) == numbers


@pytest.mark.parametrize("text", ["（一）受理编号609号:已办结。", "附表:序号一任务公示表格", "一是1.7个问题已整改。",
                                  "1. 2. 3. 整改措施落实到位。"])
def test_no_heading_citation_without_the_task_label(text: str) -> None:
    assert cited_numbers(text) == []


@pytest.mark.parametrize("ascii_text", [
    "26.07.2017  09:13", "2020-06-12 10:38:39 新安晚报 作者: 姚一鸣", "15.08.2017 14:13\n本文来源: 环境保护厅",
    "2023-11-21 10:53:43\n新闻联播", "2018-06-20 08:15 人民网-人民日报 ", "01.09.2016 01:31", "2024-03-15 16:02:11 红网 编辑: 王五",
    "2018-10-30 07:40\n来源: 西安日报",
])
def test_a_clock_colon_in_either_width_keeps_the_block(ascii_text: str) -> None:
    wide = ascii_text.replace(":", "：")
    assert info_block(ascii_text).value() is not None
    assert info_block(wide).value() == info_block(ascii_text).value()


@pytest.mark.parametrize("text", ["会议时间：9：30", "浏览次数：12：00", "比例为3：1", "第12：13条"])
def test_a_colon_between_numbers_without_a_day_posts_nothing(text: str) -> None:
    assert info_block(text).posted is None


@pytest.mark.parametrize("arabic", [
    "约谈其主要负责同志。 2022年9月14日 来源:安阳环境 |", "2019年4月2日作者:来源:生态环境部", "全文完。 2021年3月5日 来源:四川日报",
    "2020年10月16日 | 来源:市生态环境局", "（2023年2月24日）来源:云南省生态环境厅", "2018年7月6日 信息来源:人民日报",
    "2024年11月19日 编辑:张三", "2017年12月9日 作者:李四 来源:现代快报",
])
def test_a_day_before_the_source_label_in_chinese_numerals(arabic: str) -> None:
    chinese = to_chinese_numerals(arabic)
    assert chinese != arabic and info_block(arabic).posted is not None
    assert info_block(chinese).posted == info_block(arabic).posted


@pytest.mark.parametrize("text", [
    "公示期为二〇二〇年十月十六日至二〇二〇年十月二十三日 来源:市生态环境局", "二〇二二年九月 来源:安阳环境",
    "二〇二二年 来源:安阳环境", "第二〇二二号 来源:安阳环境",
])
def test_no_posting_day_from_a_span_end_or_a_part_date(text: str) -> None:
    assert info_block(text).posted is None


_WIRE = "新华社北京{m}月{d}日电 生态环境部发布信息,中央生态环境保护督察组{f}日向上海等7省(市)反馈督察情况。"


@pytest.mark.parametrize("month, day, fed, want", [
    ("8", "22", "20", "-08-20"), ("八", "二十二", "二十", "-08-20"), ("八", "22", "二十", "-08-20"),
    ("十一", "十五", "十五", "-11-15"), ("11", "15", "15", "-11-15"), ("十二", "三十", "二十九", "-12-29"),
    ("五", "三", "三", "-05-03"), ("十", "二十一", "十一", "-10-11"),
])
def test_a_news_dateline_dates_the_bare_day_in_either_numeral_script(month: str, day: str, fed: str, want: str) -> None:
    found = feedback_date(_WIRE.format(m=month, d=day, f=fed), context_year=2024)
    assert found is not None and found.value is not None
    assert found.value.isoformat() == "2024" + want


@pytest.mark.parametrize("month, day, fed", [("八", "二十", "二十二"), ("8", "20", "22"), ("五", "三", "十三"), ("十", "一", "三")])
def test_a_day_after_the_dateline_has_no_month(month: str, day: str, fed: str) -> None:
    found = feedback_date(_WIRE.format(m=month, d=day, f=fed), context_year=2024)
    assert found is None or found.value is None


@pytest.mark.parametrize("text, publisher", [
    ("来源:人民网-人民日报２０１９-０５-１５", "人民网-人民日报"), ("来源:人民网-人民日报2019-05-15", "人民网-人民日报"),
    ("来源:新华网２０２０-０１-０２", "新华网"), ("来源:新华网2020-01-02", "新华网"), ("来源:光明日报２０２１/３/５", "光明日报"),
    ("信息来源:市生态环境局２０２２-１１-０１", "市生态环境局"), ("來源:上觀新聞２０１９-１２-１０", "上觀新聞"),
    ("来源:经济日报２０１８-０６-２０", "经济日报"),
])
def test_a_day_glued_to_the_source_in_either_digit_width(text: str, publisher: str) -> None:
    assert info_block(text).publisher == publisher


@pytest.mark.parametrize("text", ["来源:２０１９-０５-１５", "来源:", "来源:本站２０１９-０５-１５", "来源:网络２０２０-０１-０２"])
def test_no_publisher_from_a_day_or_a_non_body(text: str) -> None:
    assert info_block(text).publisher is None


@pytest.mark.parametrize("text, count", [
    ("第二轮督察整改事项11项,已完成整改6项", 11), ("第一轮中央生态环境保护督察整改事项30项,均已完成整改", 30),
    ("整改事项共42项,已完成30项", 42), ("我市整改事项合计25项", 25),
])
def test_a_total_after_rectification_items(text: str, count: int) -> None:
    assert problem_count(text) == count
    assert problem_count(text.replace("整改事项", "整改任务")) == count
