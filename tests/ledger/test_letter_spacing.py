"""Spaces set between single characters (a PDF's text layer, a spaced heading) are read as not there
(``archive.letter_spacing``, through ``archive.script_fold.unannotated``), and a space a writer put between words stays."""
from __future__ import annotations

from archive.ledger.numbers import cited_numbers
from archive.letter_spacing import spacing_gaps
from archive.script_fold import for_reading, unannotated
from archive.timeliness.dates import find_dates
from archive.timeliness.fields import feedback_date, problem_count


def _spaced(text: str) -> str:
    return " ".join(text)


def test_a_letter_spaced_pdf_line_reads_as_the_sentence_it_sets():
    line = _spaced("中央第五生态环境保护督察组于2019年5月9日向我省反馈了“回头看”督察意见")
    found = feedback_date(line)
    assert found is not None and found.value.isoformat() == "2019-05-09"
    assert problem_count(_spaced("将督察意见分解为66项整改任务")) == 66
    assert cited_numbers(_spaced("关于中央环保督察第8号问题整改销号公示")) == [8]


def test_spans_read_in_the_closed_text_map_back_to_the_text_as_given():
    text = "公示期: " + _spaced("2024年3月5日至3月19日")
    written, owner = unannotated(text)
    assert written == "公示期:2024年3月5日至3月19日" and owner is not None  # the line is letter-spaced: all its gaps close
    first = find_dates(text)[0]
    assert first.iso() == "2024-03-05" and text[first.start:first.end].startswith("2 0 2 4 年")


def test_spaces_between_words_and_fields_are_the_writers_and_stay():
    for text in ("信息来源：市生态环境局 发布时间：2024-03-05", "中央环保督察启动 第十督察组进驻",
                 "整改责任单位：市住建局 市城管局 市生态环境局", "公 示"):
        assert spacing_gaps(text) == [], text
        assert for_reading(text)[0] == text


def test_a_row_of_numbers_is_never_closed_into_one_number():
    for text in ("1 2 3 4 5 6", "3 5 10 15 20 25", "关 停 取 缔 企 业 5 10 15 家"):
        closed = unannotated(text)[0]
        assert "5 10" in closed or closed == text, closed
