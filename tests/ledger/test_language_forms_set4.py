"""Forms fresh set 4 and the earlier sets left unread, read as grammar (issue 21): a mirror's inline pinyin,
times listed for past batches, a feedback day dated by the inspectors' stay just before it."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.ledger.numbers import citations, deadline
from archive.ledger.progress import status_class
from archive.script_fold import for_reading, unannotated
from archive.timeliness.dates import find_dates
from archive.timeliness.fields import feedback_date, task_count
from crawler.extraction.info import info_block


def test_inline_pinyin_is_taken_out_and_other_brackets_stay():
    assert for_reading("省第二生態(tài)環(huán)境保護督察組") == ("省第二生態環境保護督察組", "省第二生态环境保护督察组")
    assert unannotated("進(jìn)駐（zhù）时间") == ("進駐时间", [0, 6, 12, 13])
    assert unannotated("汉(han4)字 生态(shēng tài)")[0] == "汉字 生态"  # tone digits; two syllables in one bracket
    for kept in ("方案(a)", "附件(xls)", "表(a1)", "中国(China)", "PM(2.5)", "第(1)项", "(tài)开头", "ab(tài)"):
        assert unannotated(kept) == (kept, None)  # no tone, a label, latin before it, nothing before it


@pytest.mark.parametrize(("text", "key"), [
    ("6月25日,,安徽省第二生態(tài)環(huán)境保護督察組向我市轉辦信訪件15件", ("provincial", None, None, 2, False, False)),
    ("根據工作安排,第三輪第二批中央生態(tài)環(huán)境保護督察進(jìn)駐時間為1個月", ("central", 3, 2, None, False, False)),
])
def test_inspection_read_through_a_mirrors_inline_pinyin(text, key):
    name = inspection_name(text)
    assert name is not None and name.key() == key
    assert "(" not in name.text and name.text.endswith(("督察組", "督察"))  # the wording as written, without the pinyin


def test_every_reader_reads_through_inline_pinyin():
    assert status_class("已全部整改銷(xiāo)號(hào)") == "done"
    count = task_count("督察組反饋(kuì)的144個(gè)問題")
    assert count is not None and count.count == 144
    found = feedback_date("2017年8月7日,中央第五環境保護督察組向我省反饋(kuì)督察意見")
    assert found is not None and found.iso() == "2017-08-07"
    assert [c.numbers for c in citations("第三項(xiàng)整改任務")] == [(3,)]
    assert deadline("長(zhǎng)期堅(jiān)持").kind == "ongoing"
    block = info_block("來(lái)源:市生態環境局 | 發(fā)佈時間:2019-03-05")
    assert (block.publisher, block.posted) == ("市生態環境局", "2019-03-05")


def test_date_spans_map_back_to_the_text_with_its_pinyin():
    text = "督察組於2018年5月30日進(jìn)駐,至6月30日"
    mentions = find_dates(text)
    assert [(m.iso(), text[m.start:m.end]) for m in mentions] == [("2018-05-30", "2018年5月30日"), ("2018-06-30", "6月30日")]
    assert all(m.text == text[m.start:m.end] for m in mentions)


@pytest.mark.parametrize(("text", "last_day"), [
    ("2016年7月和11月、2017年4月和8月分四批開展30個省(區、市)的督察", None),  # when past batches happened
    ("2018年5月、2019年6月先后两次进驻", None),
    ("2019年3月与9月陆续完成两批督察", None),
    ("2018年9月、2019年6月底前分别完成", "2019-06-30"),  # staged last days: the latest
    ("2023年6月和12月底前完成", "2023-12-31"),
    ("确保2020年6月先后完成", "2020-06-30"),  # one month, no list
])
def test_times_listed_for_past_batches_are_no_deadline(text, last_day):
    found = deadline(text)
    assert found.iso() == last_day
    assert found.kind == ("date" if last_day else "unknown")


_STAY = ("国务院联合督查组于11月11日至14日对我省环保专项行动工作进行了督查。督查组听取汇报后,对兰州市、白银市进行了现场检查。"
         "14日上午,督查组向省政府反馈了督查意见")


def test_a_feedback_day_takes_its_month_only_from_the_inspectors_stay_just_before_it():
    found = feedback_date(_STAY, context_year=2005)
    assert found is not None and (found.iso(), found.text) == ("2005-11-14", "14日")
    assert feedback_date("14日上午,督查组向省政府反馈了督查意见", context_year=2005) is None  # no month anywhere
    assert feedback_date(_STAY.replace("14日上午", "9日上午"), context_year=2005) is None  # before the stay: next month?
    assert feedback_date("公司于11月3日召开会议。14日上午,督查组向省政府反馈了督查意见", context_year=2005) is None  # not the stay
    assert feedback_date(_STAY.replace("。督查组听取", "\n督查组听取"), context_year=2005) is None  # another paragraph


def test_item_4_forms_still_unread_before_are_read():
    import datetime as dt

    from archive.timeliness.objection import parse_objection
    from archive.timeliness.url_dates import url_date

    # 同年 / 次年 after a year stated alone (no dated mention before them)
    assert [m.iso() for m in find_dates("2022年进驻，同年12月31日前完成")] == ["2022-12-31"]
    assert deadline("2022年进驻，次年6月底前完成").iso() == "2023-06-30"
    # a /YYYY/MMDD/ path (besides /YYYY/MM-DD/)
    assert url_date("http://env.people.com.cn/n1/2024/0703/c1010-40271234.html").iso() == "2024-07-03"
    assert url_date("http://x.gov.cn/a/2024/1399/1.html") is None  # no such day: an id, not a date
    # a window's length in days under its label, without 内
    window = parse_objection("公示期为7日，有异议请联系", publish_date=dt.date(2024, 7, 3))
    assert (window.stated_length, window.stated_unit, window.end) == (7, "calendar_day", dt.date(2024, 7, 9))
    assert not parse_objection("公示期为7日起", publish_date=dt.date(2024, 7, 3)).found  # a start, no length
    # labelled dates on one line, each ended by its separator: none is the posting date but 发布日期's
    block = info_block("成文日期:2024-03-01 | 发布日期:2024-03-05 | 公示日期:2024-03-06")
    assert block.value() == (None, "2024-03-05", "2024-03-01", "2024-03-06")
    block = info_block("公示期：2024-03-06至2024-03-12 丨 来源：县政府办")
    assert block.value() == ("县政府办", None, None, "2024-03-06")
