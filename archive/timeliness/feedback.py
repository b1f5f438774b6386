"""The day the inspectors gave their feedback (反馈), as a 整改方案 or a news report states it.

``feedback_date`` reads the date nearest before the feedback's verb in its sentence (``于2023年9月1日…进行了反馈``,
``向我省反馈督察意见``); a sentence opened by its day alone takes its month and year from the inspectors' stay stated
just before (``督查组于11月11日至14日…。14日上午,督查组…反馈``) or from a news dateline (``新华社某地11月15日电 …
15日,督察组向某省…进行了反馈``); a month and day with no context year takes the last year the text states before
it (``2023年,…。9月1日,督察组…反馈``); a span of days after a dateline (``20日至21日分别向…反馈``) is dated by its
first, and a day whose 年 and 月 the page lost (``2022518日``) is read as written meant when it splits one way only (or when
a broken encoding left their places, ``2016�5�3日``); a title the verb takes (``反馈了《…督察报告》``) is what was given.  ``nearest_before`` is the verb-anchored search acceptance dates share.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator

from archive.ledger.clauses import LINE_CLAUSE_ENDS, SENTENCE_ENDS, clause_start, sentence_around
from archive.script_fold import for_reading
from archive.timeliness.dates import (
    MONTH_NUMBER,
    YEAR_NUMERAL,
    DateMention,
    cn_number,
    find_dates,
    fold_digits,
)

log = logging.getLogger(__name__)

#: the feedback sentence's verb: 进行了反馈, 完成督察反馈, 反馈了督察情况, 向…等6市反馈第二轮…督察意见, 反馈到地方;
#: 督察反馈意见 (the inspection's feedback as a noun: 督导…督察反馈意见整改工作, 落实…督察反馈意见) is what another verb
#: acts on, not the feedback given
_FEEDBACK_VERB = re.compile(
    r"(?:进行了?|作出了?|正式|召开|完成了?)\s*(?:了\s*)?(?:督[察查])?\s*反馈(?!问题)"
    # …its manner between (进行了现场反馈, 作出书面反馈) or another light verb (开展了督察反馈, 予以集中反馈, 做出反馈)
    r"|(?:进行|作出|做出|开展|予以)了?\s*(?:集中|书面|当面|现场|专题|公开|统一|正式)?\s*(?:督[察查])?\s*反馈"
    r"(?!问题|意见\s*(?:的\s*)?(?:整改|落实)|整改|工作|材料)"
    # the act named by a light verb with what was fed back before 的 (进行了督察“回头看”意见的反馈, 作出督察情况的正式反馈)
    # or glued to it (进行围填海专项督察情况反馈, 进行督察意见反馈)
    r"|(?:进行|作出|做出|开展|予以)了?(?:(?!反馈|整改|办理|落实)[^。；;，,\n]){1,24}?(?:意见|情况|报告|结果)\s*(?:的\s*)?(?:正式|集中|书面)?\s*反馈"
    r"(?!问题|意见|情况|工作|报告|材料)"
    # (反馈意见整改方案, 反馈意见落实: the feedback named as what a plan answers, no act)
    r"|(?<!督察)(?<!督查)反馈了?[^。；;，,\n]{0,40}?(?:意见|情况|报告)(?!\s*(?:整改|落实))|反馈(?:到|给)|督察反馈会|反馈会"
    # …,8月16日向和田地区反馈: to the inspected region (a body reporting back to the inspectors, 向督察组反馈, is not
    # this; the recipient ends at the verb or at a hand-over: 向我市反馈了督察发现的问题, 向某市交办督察反馈意见)
    r"|向(?!(?:(?!反馈|交办|移交)[^。；;，,\n]){0,8}督[察查])[^。；;，,\n]{1,20}?反馈(?!问题)"
    # the object put first (将督察报告反馈我省), the feedback received (接到…督察反馈意见), the feedback's work ended (督察
    # 反馈工作全部完成), a table's or a list's label (督察反馈时间：…, 督察反馈:…: the day follows)
    r"|(?:将|把)(?!于|在|会|要)[^。；;，,\n]{0,16}?(?:意见|报告|情况)\s*(?:正式)?\s*反馈"
    # (the inspectors' only: 收到群众反馈意见 is a petition's, 信访件反馈工作 a reply's)
    r"|(?:接到|收到|接收|签收)了?[^。；;，,\n]{0,30}?督[察查][^。；;，,\n]{0,12}?反馈(?:的[^。；;，,\n]{0,8})?(?:意见|报告)"
    # (a day straight before a bare 反馈 with nothing after it but 的 / 了 / a clause's end: 督察组于2018年4月8日反馈的结果
    # 显示; …反馈问题 / 反馈的问题 name the problems, set 41)
    r"|(?<=日)\s*反馈(?=的(?!问题|意见)|了|[，,。；;]|$)"
    # (the inspectors' group as the subject, the problem it fed back as the object closing the clause: 去年8月,督察组反馈
    # 某厂超负荷运行问题,提出…; 督察组反馈的问题 and …问题的整改 name the problems, no act: set 49)
    r"|督[察查](?:工作|小)?组\s*反馈(?![的了]|\s*(?:问题|意见|情况|整改|工作|材料))(?:(?!的)[^。；;，,\n]){2,30}?问题(?=\s*(?:[，,。；;]|$))"
    # (…督察反馈已完成: the feedback itself said done)
    r"|督[察查][^。；;，,\n]{0,8}?反馈(?:工作)?\s*(?:已\s*)?(?:全部|顺利)?\s*(?:完成|结束)|督[察查]反馈(?:时间|日期)\s*(?:[:：]|为|是)?|督[察查]反馈\s*[:：]")
_MEETING_ON = re.compile(r"议?\s*(?:定)?于")
#: a date on an info line (发布时间：2022-11-11, 时间发布:…) is the page's, never the feedback's
_LABELLED_DATE = re.compile(r"(?:发布|时间|日期|来源)[^:：\n]{0,4}[:：]\s*$")


def nearest_before(text: str, mentions: list[DateMention], verb: re.Pattern[str], window: int) -> DateMention | None:
    """The date mention closest before a ``verb`` match in the same sentence (or just after a label)."""
    for v in verb.finditer(text):
        candidates = [m for m in mentions if m.end <= v.start() and v.start() - m.end <= window
                      and "。" not in text[m.end:v.start()] and "\n" not in text[m.end:v.start()]
                      and not _LABELLED_DATE.search(text[max(0, m.start - 12):m.start])]
        if candidates:
            last = candidates[-1]
            if last.kind == "range_end":  # 5月8日至12日…进行了反馈: the feedback began on the 8th
                return next((m for m in reversed(candidates) if m.kind == "range_start"), last)
            return last
        # a label's day after it, or the feedback meeting's (反馈会于2019年1月8日召开)
        if v.group(0).rstrip().endswith(("时间", "日期", ":", "：", "为", "是")) or (
                v.group(0).endswith("反馈会") and _MEETING_ON.match(text, v.end())):
            after = [m for m in mentions if 0 <= m.start - v.end() <= 4]
            if after:
                return after[0]
    return None


#: a meeting that passes feedback on (传达学习…反馈意见), or an act that takes the feedback as its object (落实 / 对照 /
#: 贯彻…反馈意见, 督导 / 部署…反馈问题整改), is not the inspectors giving it
#: …or acts on it (根据 / 按照 / 依据 / 针对…反馈意见制定方案)
_PASSED_ON = re.compile(r"传达|学习|落实|对照|贯彻|督导|部署|根据|按照|依据|针对")
#: a party 巡察组 / 巡视组 giving its feedback (反馈了巡察情况) is not the environmental inspectors, nor is a check's,
#: an audit's or an appraisal's (…专员办对我县…森林督查检查意见反馈会召开)
#: …nor a body reporting back to the inspectors (我市向督察组反馈了信访件办理情况)
#: …nor the State Council's 督查, a people's congress's 执法检查, the province's own rectification office reviewing the
#: bodies' work (整改办…反馈整改审核意见), nor a body answering a petitioner (向信访人反馈办理结果)
_OTHER_INSPECTORS = re.compile(r"巡[察视]|检查意见|审计|考核|向[^。；;，,\n]{0,14}?督[察查](?:组|办)|国务院[^。；;，,\n]{0,6}督查|大督查|执法检查"
                               r"|人大|整改办|(?:审核|核查|验收)意见|向(?:信访人|举报人|投诉人|来信人|来访人|群众)|办理结果"
                               # a body reporting back to the inspectors' office (各地将整改情况反馈至省督察办), or its
                               # rectification's progress fed back (将整改进展情况反馈市督察办)
                               r"|反馈(?:至|到|给)[^。；;，,\n]{0,8}?督[察查](?:组|办)|整改(?:工作)?(?:进展)?(?:情况|进展|进度)")


#: a document's title (《湖北省督察反馈意见》, 以下简称《反馈意见》): the feedback named as a document, no act of giving it
#: (a title the verb 反馈 itself takes, 反馈了《…督察报告》, is what the inspectors gave: kept)
_TITLE = re.compile(r"(?<!反馈)(?<!反馈了)(?<!反馈了 )《[^《》\n]{1,80}》|(?<=简称)\s*[“\"][^“”\"\n]{1,20}[”\"]")
#: a date listed with other dates (2017年7月、9月和2018年4月,…分三批…督察并反馈…) or batches after it (分三批, 分批): the
#: times of several stays, none of them the feedback's day (陆续 / 先后 after one day or span, 自…起陆续反馈, 3日-5日陆续
#: 反馈, is dated by its first)
_LISTED = re.compile(r"\s*(?:、|和|及|与|以及)\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月")
_CLAUSE_REST = re.compile(r"[^。；;，,\n]{0,12}")
_LISTED_BEFORE = re.compile(r"[月日]\s*(?:、|和|及|与|以及)\s*$")
_BATCHES = re.compile(r"分\s*[一二三四五六七八九十两\d]{1,3}\s*(?:批|轮)|分批")
#: the day of another event of the inspection (…于9月1日进驻以来, 9月1日进驻我省，并将于近期…反馈): a time word or the
#: stay's verb between the day and the feedback's verb dates the feedback otherwise, or not at all
_OTHER_EVENT = re.compile(r"进驻|以来|近期|近日|日前|随后|此后|之后")

#: a reporter learning of the feedback in the day's clause (5月11日,记者从生态环境部获悉,督察组向…反馈): the day dates the
#: report, not the act (set 37's convention, as set 35's: a publication is no feedback)
_LEARNED = re.compile(r"从[^。；;，,\n]{1,16}?(?:获悉|了解到|得知)|(?:记者|采访人员)[^。；;，,\n]{0,6}?(?:获悉|了解到|得知)")

#: a day the feedback is planned for (将于11月25日向某市反馈, 拟于…, 计划于…, 预计…): not yet given, the day a guess
_PLANNED = re.compile(r"(?:将|拟|计划|预计|预定)\s*(?:于|在)?\s*$")


#: the inspectors named somewhere in the text (督察组, 督查组, 海洋监察机构): feedback with none named is someone else's
_INSPECTORS_NAMED = re.compile(r"督[察查]|监察"
                               # …or implied: a clause with no subject but its day (and manner) giving the inspected
                               # body its problems or opinions (2017年8月23日正式向我市反馈了…45个问题; a body named before
                               # 向, 信访局向我市反馈, or petitions' problems, 反馈了群众来信的问题, are another's)
                               r"|(?:^|[，,。；;\n])\s*(?:[^，,。；;\n]{0,16}?日\s*)?(?:正式|集中|书面|当面)?\s*向我(?:省|市|县|区|州|盟|旗)"
                               r"\s*(?:正式)?\s*反馈了?(?:(?!信访|来信|来访|举报|投诉)[^。；;，,\n]){0,24}?(?:问题|意见)")


def feedback_date(text: str, *, context_year: int | None = None) -> DateMention | None:
    """The date the inspectors gave their feedback (反馈) that a 整改方案 cites; may be redacted."""
    written, text = for_reading(text)
    if not _INSPECTORS_NAMED.search(text):
        return None  # 收到群众反馈意见, 向信访人反馈: no inspection named, no inspectors' feedback
    lost = _lost_marks(written)  # a day read whole whose marks were lost: no part of it is a date of its own (6月5日)
    mentions = sorted([m for m in find_dates(written, context_year=context_year)
                       if not any(d.start <= m.start < d.end for d in lost)] + lost, key=lambda m: m.start)
    # a news dateline's day (某社某地9月12日电) is the day the report was filed: a bare day after it decides first
    plain = [m for m in mentions if not _DATELINE.match(text, m.start, m.end + 3)]
    text = _TITLE.sub(lambda t: " " * len(t.group(0)), text)  # 《…反馈意见》, 简称“反馈意见”: a document, no act
    found = nearest_before(text, plain, _FEEDBACK_VERB, 120)
    if found is None or (found.value is None and not found.redacted):  # no day, or one whose year is unknown
        found = (_day_of_the_stay(written, text, plain) or _day_of_the_dateline(written, text, context_year)
                 or nearest_before(text, mentions, _FEEDBACK_VERB, 120) or found)
    month = _month_alone(written, text, context_year)  # 2018年4月…进驻…,并于7月完成督察反馈: the month nearer the verb
    if month is not None and (found is None or found.end <= month.start):
        found = month
    if found is not None and found.value is None and not found.redacted and context_year is None:
        found = _in_stated_year(written, found)  # 2023年，…。9月1日，督察组…反馈: the year the text stated before
    if found is not None:
        verb = _FEEDBACK_VERB.search(text, found.end)
        between = text[found.end:verb.start()] if verb else ""
        # what is fed back closes the verb's clause (…党组反馈了巡察意见): a party inspection's is not this one's
        tail = _CLAUSE_REST.match(text, verb.end()).group(0) if verb else ""  # type: ignore[union-attr]
        if verb and (_PASSED_ON.search(between) or _OTHER_INSPECTORS.search(text[found.end:verb.end()] + tail)
                     or _PLANNED.search(text, max(0, found.start - 8), found.start)
                     or _OTHER_EVENT.search(between) or _BATCHES.search(between)
                     or _LEARNED.search(text, clause_start(text, found.start, LINE_CLAUSE_ENDS), verb.start())
                     or _LISTED.match(text, found.end) or _LISTED_BEFORE.search(text, max(0, found.start - 6), found.start)):
            return None
    return found


#: a month with no day before the feedback's verb in its clause (于7月完成督察反馈, 7月向某省反馈): not a day's month, no
#: part of a span or a period (7月底, 7月份以来, 7月至9月 at either end)
_MONTH_ALONE = re.compile(r"(?<![\d年/.\-〇○零一二三四五六七八九十])(?<![至到－—~～])(?<![至到－—~～]\s)"
                          rf"(?P<m>{MONTH_NUMBER})\s*月(?!\s*[\d〇○零一二三四五六七八九十]|\s*份?\s*(?:[底初中末上下旬]|以来|至|到|[-－—~～]))")


def _month_alone(written: str, text: str, context_year: int | None) -> DateMention | None:
    """The feedback's month, stated alone in the verb's clause and no date between (see _MONTH_ALONE), in the last year
    the text states before it, else the context year; None when neither is known."""
    for verb in _FEEDBACK_VERB.finditer(text):
        clause = clause_start(text, verb.start(), LINE_CLAUSE_ENDS)
        months = list(_MONTH_ALONE.finditer(text, clause, verb.start()))
        if not months:
            continue
        month = months[-1]
        years = [cn_number(y.group(1)) or 0 for y in _YEAR.finditer(fold_digits(written), 0, month.start())]
        year = years[-1] if years else context_year
        if year is None:
            return None
        return DateMention(dt.date(year, cn_number(month.group("m")) or 1, 1), written[month.start():month.end()], month.start(),
                           month.end(), precision="month", year=year, month=cn_number(month.group("m")) or 1,
                           year_source="text" if years else "context")
    return None


def _in_stated_year(written: str, found: DateMention) -> DateMention:
    """``found`` (a day whose year is unknown) read in the last year the text states before it (``2023年，…。9月1日…
    反馈``), or as it is when the text states none."""
    years = [cn_number(y.group(1)) or 0 for y in _YEAR.finditer(fold_digits(written), 0, found.start)]
    if not years:
        return found
    return next((m for m in find_dates(written, context_year=years[-1]) if m.start == found.start), found)


#: a feedback sentence opened by its day alone: "14日上午,督查组向省政府反馈了督查意见"
_DAY_ONLY_FEEDBACK = re.compile(r"\s*(?P<day>(?P<d>[12]?\d|3[01])\s*日)\s*(?:上午|下午|晚上?|早上|当天)?\s*[，,]?")
#: a sentence naming the inspectors' stay or work (督察组于11月11日至14日…进行了督查)
_INSPECTORS = re.compile(r"督[察查]")


def _day_openings(text: str) -> Iterator[re.Match[str]]:
    """Each feedback sentence opened by its day alone that names the inspectors giving it (``14日上午,督查组…反馈``):
    the match of its day."""
    for verb in _FEEDBACK_VERB.finditer(text):
        sentence_start = clause_start(text, verb.start(), SENTENCE_ENDS)
        day = _DAY_ONLY_FEEDBACK.match(text, sentence_start, verb.start())
        if day is not None and _INSPECTORS.search(text[day.end():verb.start()]):
            yield day


#: a month's and a day's number in either numeral script (8 / 八, 22 / 二十二): read with ``cn_number``
_CN_DAY = r"[12]\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
#: a news agency's dateline: "新华社某地11月15日电", "新华社北京八月二十二日电" (the day the report was filed)
_DATELINE = re.compile(rf"(?P<m>{MONTH_NUMBER})\s*月\s*(?P<d>{_CN_DAY})\s*日\s*电")
#: a day with no month (15日, 督察组17日向…): not a month's day, not the dateline's own
_BARE_DAY = re.compile(rf"(?<![\d月〇○零一二三四五六七八九十])(?P<d>{_CN_DAY})\s*日(?!\s*电)")
_YEAR = re.compile(rf"(?<![\d〇○零一二三四五六七八九])({YEAR_NUMERAL})\s*年")  # 2018年, 二〇一八年 (read folded: ２０１８年)
#: what joins a span's first and last days (20日至21日, 20日-21日)
_SPAN = re.compile(r"\s*(?:至|到|[-－—~～])\s*")


def _day_of_the_dateline(written: str, text: str, context_year: int | None) -> DateMention | None:
    """A bare day in a feedback sentence after a news dateline (``新华社某地11月15日电 … 15日,督察组向某省…进行了
    反馈``, ``…电 中央第二…督察组15日向某省反馈``): the dateline's month, when the day is on or before the dateline's day;
    a later day is an earlier month's, which the text does not say (a mention with no value).  The year is the page's,
    else the last year the report states before the day (``2016年第一批…``)."""
    line = _DATELINE.search(text)
    if line is None:
        return None
    for verb in _FEEDBACK_VERB.finditer(text, line.end()):
        sentence = max(line.end(), clause_start(text, verb.start(), SENTENCE_ENDS))
        days = list(_BARE_DAY.finditer(text, sentence, verb.start()))
        if not days or not _INSPECTORS.search(text, sentence, verb.start()):
            continue
        # 20日至21日分别向…反馈: several bodies over a span of days, dated by its first
        day = days[-2] if len(days) >= 2 and _SPAN.fullmatch(text, days[-2].end(), days[-1].start()) else days[-1]
        years = [cn_number(y.group(1)) or 0 for y in _YEAR.finditer(text, 0, day.start())]
        year = context_year or (years[-1] if years else None)
        month, dated, on = (cn_number(line.group("m")) or 1, cn_number(line.group("d")) or 1, cn_number(day.group("d")) or 1)
        later = on > dated
        value = None if year is None or later else dt.date(year, month, on)
        return DateMention(value=value, text=written[day.start():day.end()], start=day.start(), end=day.end(),
                           year=year, month=None if later else month, day=on,
                           year_source="context" if context_year else "text", note="month of the news dateline",
                           _explicit_year=False)
    return None


def _day_of_the_stay(written: str, text: str, mentions: list[DateMention]) -> DateMention | None:
    """A day-only feedback date (``14日上午,督查组…反馈了督查意见``) dated by the inspectors' stay just before it
    in the same paragraph (``督查组于11月11日至14日…进行了督查``): the stay's month and year, when the day falls in
    that month on or after the stay's day.  Without such a sentence nearby the month is unknown: None."""
    for day in _day_openings(text):
        paragraph = text.rfind("\n", 0, day.start()) + 1
        before = [m for m in mentions if paragraph <= m.start and m.end <= day.start() and day.start() - m.end <= 200
                  and m.value is not None and m.precision == "day" and m.month is not None]
        if not before or not _INSPECTORS.search(sentence_around(text, before[-1].start, before[-1].start)):
            return None
        stay, start, end = before[-1].value, day.start("day"), day.end("day")
        try:
            value = dt.date(stay.year, stay.month, int(day.group("d"))) if stay else None
        except ValueError:
            return None
        if stay is None or value is None or value < stay:
            return None  # an earlier day: the next month's, which the text does not say
        return DateMention(value=value, text=written[start:end], start=start, end=end, year=value.year,
                           month=value.month, day=value.day, year_source=before[-1].year_source,
                           note="month and year of the inspectors' stay stated just before", _explicit_year=False)
    return None


#: a day whose 年 and 月 the page lost (2022518日: 2022年5月18日), its digits run together before 日
_LOST_MARKS = re.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})(?P<md>\d{2,4})\s*日")


#: a day whose 年 or 月 a broken encoding replaced (2016�5�3日, 2016年5?3日, 2016？5月3日): the marks' places still split it
_BROKEN = "\ufffd?？"
_BROKEN_MARKS = re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})\s*(?P<ym>[年{_BROKEN}])\s*(?P<m>1[0-2]|0?[1-9])\s*(?P<mm>[月{_BROKEN}])"
                           r"\s*(?P<d>[12]\d|3[01]|0?[1-9])\s*日")


def _broken_marks(written: str) -> Iterator[DateMention]:
    for m in _BROKEN_MARKS.finditer(written):
        if m.group("ym") == "年" and m.group("mm") == "月":
            continue  # a whole date: find_dates reads it
        try:
            value = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        yield DateMention(value=value, text=m.group(0), start=m.start(), end=m.end(), year=value.year,
                          month=value.month, day=value.day, note="年 or 月 broken")


def _lost_marks(written: str) -> list[DateMention]:
    """Each day written with its 年 and 月 lost (``2022518日``), read as written meant when its digits split into one
    month and day only (``2022111日`` could be 1月11日 or 11月1日: none), or with a mark a broken encoding replaced
    (``2016�5�3日``)."""
    out = list(_broken_marks(written))
    for m in _LOST_MARKS.finditer(written):
        md = m.group("md")
        splits = {(int(md[:i]), int(md[i:])) for i in range(1, len(md)) if i <= 2 and len(md) - i <= 2}
        valid = []
        for month, day in splits:
            try:
                valid.append(dt.date(int(m.group("y")), month, day))
            except ValueError:
                continue
        if len(valid) == 1:
            value = valid[0]
            out.append(DateMention(value=value, text=m.group(0), start=m.start(), end=m.end(), year=value.year,
                                   month=value.month, day=value.day, note="年 and 月 lost"))
    return out
