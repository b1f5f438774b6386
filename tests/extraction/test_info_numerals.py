"""A page's days read the same in either numeral script (issue 21, item 4: ``二〇二四年三月五日`` in lists and blocks).

Constructed cases only (no corpus text): an info block whose days are written with Chinese numerals, wholly or in part,
or with full-width digits glued to a name, states what the same block in Arabic digits states.
"""
from __future__ import annotations

import pytest

from archive.timeliness.shown_dates import arabic_days
from crawler.extraction.info import info_block


@pytest.mark.parametrize(("written", "read"), [
    ("二〇二四年三月五日", "2024年3月5日"),
    ("二○一九年十二月三十一日", "2019年12月31日"),           # the circle zero
    ("二〇一七年10月9日", "2017年10月9日"),                   # a Chinese year with Arabic month and day
    ("2022年十月一日起", "2022年10月1日起"),
    ("二〇二四年三月五日至三月十一日", "2024年3月5日至3月11日"),  # a span's year-less end
    ("二〇二四年三月五日至十一日", "2024年3月5日至11日"),
    ("二〇二四年三月五日—二〇二四年三月十一日", "2024年3月5日—2024年3月11日"),
    ("21年三月五日", "21年3月5日"),                           # a two-digit year stays as written
    ("《某刊》二〇一九年第6期", "《某刊》2019年第6期"),          # a year with no day
    ("二〇二三年二月三十日", "2023年二月三十日"),             # no calendar day: only its year read
    ("三月五日至十一日", "三月五日至十一日"),                  # no year: nothing to anchor it
    ("第三批 二十个问题", "第三批 二十个问题"),
])
def test_days_in_chinese_numerals_are_written_in_arabic_digits(written, read):
    assert arabic_days(written) == read


@pytest.mark.parametrize(("block", "expected"), [
    # a 公示's window in its sentence
    ("如有异议,请于公示期间(二〇二四年三月五日至三月十一日)向某区环保局反映。", (None, None, None, "2024-03-05")),
    # a labelled heading with its window on the next line
    ("三、公示期限\n二〇二一年九月一日-二〇二一年九月七日", (None, None, None, "2021-09-01")),
    # a paper's issue line
    ("《某某晚报》(二〇二一年六月九日 05版)", ("某某晚报", "2021-06-09", None, None)),
    # a source line, then the day alone on the next line
    ("来源:某某日报\n二〇二二年四月八日\n版次:A03", ("某某日报", "2022-04-08", None, None)),
    # a day with its time and no label
    ("二〇二三年五月六日 14时05分", (None, "2023-05-06", None, None)),
    # a labelled day with a two-digit year
    ("发布时间:21年三月五日 来源:某某县环保局", ("某某县环保局", "2021-03-05", None, None)),
    # a full-width day glued to the source's name
    ("来源:某某网２０２０-０３-０４", ("某某网", "2020-03-04", None, None)),
    # a dateline whose body names a round by its Arabic number
    ("2024-03-05 某省迎接第2轮中央生态环境保护督察工作办公室 王某",
     ("某省迎接第2轮中央生态环境保护督察工作办公室", "2024-03-05", None, None)),
])
def test_an_info_block_reads_the_same_whatever_its_numerals(block, expected):
    assert info_block(block).value() == expected


def test_a_signature_in_chinese_numerals_stays_the_documents_day():
    """A body over a day at a document's end signs it: the issue date, never a posting date, in either script."""
    for day in ("二〇二四年三月五日", "2024年3月5日"):
        assert info_block(f"某县生态环境局\n{day}").value() == (None, None, "2024-03-05", None)
