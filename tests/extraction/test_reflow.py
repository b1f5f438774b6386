"""Lines a PDF's layout wrapped are joined back before the ledger reads them (``crawler.extraction.reflow``)."""
from __future__ import annotations

from archive.ledger.naming import inspection_name
from archive.timeliness.fields import feedback_date, problem_count
from crawler.extraction.office import Limits, read_pdf
from crawler.extraction.reflow import display_width, reflow, wrap_width
from simweb.attachments import build_pdf
from simweb.bodies import AttachmentText

PREAMBLE = ("为深入贯彻落实党中央、国务院关于生态文明建设和生态环境保护的决策部署，持续改善区域生态环境质量，"
            "切实解决人民群众反映强烈的突出生态环境问题，结合本市实际，制定本方案。")


def _pdf_text(*lines: str) -> str:
    content = AttachmentText(heading="某市贯彻落实督察反馈意见整改方案", lines=(PREAMBLE, *lines), table=(), probe="")
    return read_pdf(build_pdf(content), Limits())[0]


def test_a_feedback_sentence_wrapped_inside_its_date_is_read_from_the_pdf():
    # 40 characters a line: "2017年" ends the first line of the sentence, "8月1日" opens the second
    sentence = "经党中央国务院批准，中央第七环境保护督察组对我市开展督察，并于2017年8月1日向我市反馈了督察意见。"
    text = _pdf_text(sentence)
    assert sentence in text.splitlines()
    found = feedback_date(text)
    assert found is not None and found.value.isoformat() == "2017-08-01"


def test_a_count_and_an_inspection_name_cut_by_the_layout_are_read_whole():
    # 40 characters a line: the line breaks between "2" and "4项", and inside "回头看"
    count = "对照督察组反馈的意见，全面逐一认真梳理我市现存的突出生态环境问题，统筹整合形成24项整改任务。"
    assert count.index("24") == 39
    named = "按照党中央统一的工作安排，中央第五生态环境保护督察组对我省开展了第二轮督察及“回头看”，并同步开展专项督察。"
    assert named.index("回头看") == 39
    text = _pdf_text(count, named)
    assert count in text.splitlines() and named in text.splitlines()
    assert problem_count(text) == 24
    name = inspection_name(named)
    assert name is not None and name.key() == inspection_name(text).key()


def test_headings_items_and_short_lines_keep_their_own_lines():
    full = "按照督察整改工作要求，各责任单位要对照问题清单逐项制定整改措施，明确责任人和完成"
    lines = [full, "时限，确保整改到位", "一、总体要求", full, "（二）工作目标", full, "3. 强化督办",
             full, "4 关停取缔散乱污企业 2020年底", full, "第六条 本方案自印发之日起施行", "某市生态环境局", "2024年3月5日"]
    out = reflow(lines)
    assert out == [full + "时限，确保整改到位", "一、总体要求", full, "（二）工作目标", full, "3. 强化督办", full,
                   "4 关停取缔散乱污企业 2020年底", full, "第六条 本方案自印发之日起施行", "某市生态环境局", "2024年3月5日"]


def test_a_line_ended_by_the_writer_is_never_joined():
    full = "按照督察整改工作要求，各责任单位要对照问题清单逐项制定整改措施，明确责任人和完成时限。"
    assert reflow([full, full, "下一段"]) == [full, full, "下一段"]
    quoted = "各地要按照“应改尽改、能改快改”的原则推进整改工作，确保问题整改到位并经得起检验：”"
    assert reflow([quoted, quoted, "下一段"]) == [quoted, quoted, "下一段"]


def test_a_comma_at_a_line_end_asks_for_the_next_line_even_in_a_short_line():
    assert reflow(["2019年5月10日，", "督察组向我省反馈了督察意见。"]) == ["2019年5月10日，督察组向我省反馈了督察意见。"]
    assert reflow(["各地、", "（一）加强组织领导"]) == ["各地、", "（一）加强组织领导"]  # an item still starts its own


def test_without_two_full_lines_there_is_no_wrap_width_and_nothing_is_joined():
    assert wrap_width([display_width("一行很长的文字但只有这一行")]) is None
    lines = ["关于印发整改方案的通知", "各区县人民政府，市直各部门"]
    assert reflow(lines) == lines


def test_numbers_and_latin_words_cut_by_a_wrap_are_joined_as_written():
    han = "确保到2020年底前全部完成整改任务并通过验收销号，其余任务于202"
    assert reflow([han, han, "1年6月底前完成"]) == [han + han + "1年6月底前完成"]
    latin = "the rectification tasks listed in the annex of the plan are due by"
    assert reflow([latin, latin, "the end of 2020"]) == [f"{latin} {latin} the end of 2020"]


def test_a_br_after_a_comma_is_no_break_for_the_readers_and_spans_still_slice_the_text():
    from archive.line_breaks import soften_breaks
    from archive.script_fold import for_reading

    page = "2017年8月1日,\n中央第七环境保护督察组向我省反馈督察意见。\n一、总体要求"
    found = feedback_date(page)
    assert found is not None and found.value.isoformat() == "2017-08-01"
    written, folded = for_reading(page)
    assert len(folded) == len(written) == len(page) and folded.count("\n") == 1  # the heading's break stands
    listed = "整改措施如下，\n（一）加强组织领导，\n1. 建立台账，\n第3项 已完成"
    assert soften_breaks(listed) == listed  # a break before an item always stands
