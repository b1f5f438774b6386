"""The date a detail page states for itself (its signature or adoption line).

Reading a date belongs to ``archive.timeliness.dates``, the date in a URL to ``archive.timeliness.url_dates``; this
module only decides which line of a body is the document's own date.
"""
from __future__ import annotations

import logging
import re

from archive.timeliness.shown_dates import parse_shown_date

from .names import BODY_END, SIGNER_END

logger = logging.getLogger(__name__)

_CN = "〇○零Ｏ一二三四五六七八九十"
_DATE_CN_STYLE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_CN_NUMERALS = re.compile(rf"([{_CN}]{{4}})\s*年\s*([{_CN}]{{1,3}})\s*月\s*([{_CN}]{{1,3}})\s*日")
_TIME = re.compile(r"\d{1,2}\s*[:：时]\s*\d{1,2}")
#: (a mirror's ``?`` for a character it could not write pads a line too: 2024年1月5日?, set 50)
_LINE_TRIM = " \t\u3000\xa0()（）[]【】?？"
_SIGNER_MAX = 40
_ATTACHMENT_HEADING = re.compile(r"^附\s*件\s*\d*\s*[:：]?$")


#: the place a report was given at after its signer's day (…委员会 2022年10月27日于人民大会堂): still its signature
_PLACE_AFTER = re.compile(r"(?<=日)[ \t\u3000]*于[\u4e00-\u9fff]{2,12}$")


#: a form's sealing field: the party's label with the seal or the signature it asks for, then its colon (责任单位(盖章):,
#: 填报单位（公章）：, 负责人(签字):): what follows is the signer and its day, a signature (set 40)
_SEAL_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,10}[ \t\u3000]*[(（][ \t\u3000]*(?:盖章|盖公章|签章|公章|印章|签字|签名|签字盖章)"
                         r"[ \t\u3000]*[)）][ \t\u3000]*[:：][ \t\u3000]*")


#: a name, then the day in an opening bracket (a law's name line with its amendment day: 某某法 (2015年07月03日)): the
#: name's own day; a signature's day stands alone or after its signer (a bracketed day alone is trimmed, and a body's
#: name before its bracketed day, 某某局（2022年3月1日）, still signs)
_NAME_THEN_BRACKET = re.compile(rf"[^\s\d(（](?<![{BODY_END}])(?<!政府)(?<!中心)[ \t\u3000]*[(（][ \t\u3000]*$")


def _line_date(line: str) -> str | None:
    """The date when ``line`` is a signature-style date line (optionally after the signer, or after a form's sealing
    field, and after the signer's day the place it was given at)."""
    core = _DISCLOSURE_NOTE.sub("", line.strip(" \t\u3000\xa0"))
    core = _SEAL_LABEL.sub("", core.lstrip(" \t\u3000\xa0")).strip(_LINE_TRIM)
    if not core or len(core) > _SIGNER_MAX + 20 or _TIME.search(core):
        return None
    place = _PLACE_AFTER.search(core)
    if place and _SIGNER.match(re.sub(r"[ \t\u3000]+", "", core[:place.start()]).rstrip("0123456789年月日〇○零Ｏ一二三四五六七八九十")):
        core = core[:place.start()]  # (a signer is needed: 2022年10月27日于北京 alone opens a sentence's news)
    for pattern in (_DATE_CN_STYLE, _DATE_CN_NUMERALS):
        match = pattern.search(core)
        if match and match.end() == len(core) and match.start() <= _SIGNER_MAX:
            prefix = core[: match.start()]
            if re.search(r"[:：，。,；;]", prefix):
                return None  # "时间：2024年07月03日" is page chrome, not a signature
            if _NAME_THEN_BRACKET.search(prefix):
                return None  # "某某法施行细则 附则 (2015年07月03日)": a name's day in brackets, no signature (set 52)
            return parse_shown_date(match.group(0))
    return None


#: a signer line (an organisation's name alone) and a signature printed as digits only (20201125) or one whose 日
#: the page lost (2022年8月19, read as written meant)
_SIGNER = re.compile(r"^[\u4e00-\u9fff]{4,40}$")
_COMPACT = re.compile(r"^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")
_LOST_DAY_MARK = re.compile(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})$")


#: a compact date whose month or day was printed without its zero (2021713, 202173): read only when the digits
#: split one way into a month and a day (2021113 is 1-13 or 11-3: no date)
_UNPADDED = re.compile(r"^((?:19|20)\d{2})([1-9]\d{1,2})$")


def _unpadded_date(core: str) -> str | None:
    match = _UNPADDED.match(core)
    if match is None:
        return None
    rest = match.group(2)
    readings = {d for cut in range(1, len(rest)) if rest[cut] != "0"
                if (d := parse_shown_date(f"{match.group(1)}-{rest[:cut].zfill(2)}-{rest[cut:].zfill(2)}"))}
    return readings.pop() if len(readings) == 1 else None


def _compact_date(line: str) -> str | None:
    """The date of a line holding only a compact date ``YYYYMMDD`` (or one with an unpadded month or day that reads
    one way only) or a 年月 date without its 日 (taken as a signature after a signer line)."""
    core = line.strip(_LINE_TRIM)
    match = _COMPACT.match(core) or _LOST_DAY_MARK.match(core)
    return parse_shown_date("-".join(g.zfill(2) for g in match.groups())) if match else _unpadded_date(core)


def _intro_date(line: str) -> str | None:
    """Date of a parenthesised adoption line: （2007年6月29日第十届…会议通过）."""
    core = line.strip(" \t\u3000\xa0")
    if not core or core[0] not in "(（":
        return None
    match = _DATE_CN_STYLE.match(core[1:].lstrip()) or _DATE_CN_NUMERALS.match(core[1:].lstrip())
    if match and re.search(r"(通过|印发|发布|公布|施行)[)）]?$", core):
        return parse_shown_date(match.group(0))
    return None


#: a speech's or a report's delivery line under its title: its day, then the meeting it was given at, the line's end
#: (2020年6月28日在某市第五届人民代表大会第六次会议上; a sentence goes on after it: 会议上,…)
_DELIVERED = re.compile(r"^[(（]?\s*(?P<day>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*在[^，,。；;：:\n]{2,40}?"
                        r"(?:会议|大会|全会|常委会)(?:上|开幕式上)\s*[)）]?$")


def _delivered_date(line: str) -> str | None:
    """Date of a delivery line under a speech's or a report's title: 2020年6月28日在…大会第六次会议上 (set 41)."""
    match = _DELIVERED.match(line.strip(" \t\u3000\xa0"))
    return parse_shown_date(match.group("day")) if match else None


#: a signature day run onto the body's last sentence on a flattened page (…请认真贯彻落实。 2021年12月29日), maybe with the
#: disclosure note that closes a document after it ((此件公开发布), （此件主动公开）): its own line
_RUN_ON_SIGNATURE = re.compile(r"(?<=[。！!])[ \t\u3000\xa0]+(?=(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                               r"[ \t\u3000\xa0]*(?:[(（]\s*此件[^()（）\n]{1,10}[)）])?[ \t\u3000\xa0]*$)", re.MULTILINE)
#: the disclosure note after a signature day ((此件公开发布), （此件不予公开）): no part of the date line
_DISCLOSURE_NOTE = re.compile(r"(?<=日)[ \t\u3000]*[(（]\s*此件[^()（）]{1,10}[)）]$")
#: (…glued to the day too, 2026年1月16日附件 / 2023年5月22日附件:: r54)
_RUN_ON_ATTACHMENT = re.compile(r"(?<=\d日)[ \t\u3000\xa0]+(?=附件\s*[:：\d一二三四五六七八九十]|附件\s*$)"
                                # (glued, only as a heading: 附件: or 附件 closing the text; 日附件1所列 is a sentence's)
                                r"|(?:(?<=\d日)|(?<=\d\s日))(?=附件\s*(?:[:：]|$))"
                                r"|(?<=[〇○零一二三四五六七八九十]日)[ \t\u3000\xa0]+(?=附件\s*[:：\d一二三四五六七八九十]|附件\s*$)")
#: a signer and its day run onto the line before on a flattened page: after a gap (…工作实施方案 某某综合执法大队 2026年1月16日)
#: or after the closing formula (特此通告某某区人民政府2023年5月22日): the signature's own line (r54)
_RUN_ON_SIGNER = re.compile(rf"(?:(?<=\S)[ \t\u3000\xa0]+|(?<=特此(?:通告|公告|通知|函告|批复|函复))[。！!]?[ \t\u3000\xa0]*)"
                            rf"(?=[\u4e00-\u9fff（）()]{{4,40}}?{SIGNER_END}[ \t\u3000\xa0]*(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月"
                            r"\s*\d{1,2}\s*日[ \t\u3000\xa0]*$)", re.MULTILINE)


def find_stated_date(text: str) -> str | None:
    """The date the document states for itself.

    The signature date line (``2024年7月3日`` or ``二〇二三年三月十七日`` alone, or after the
    signer) before any appended 附件 section wins, the last one if several; else an adoption line
    such as ``（2007年6月29日…会议通过）`` or a delivery line (``2020年6月28日在…会议上``); chrome lines
    (``时间：…``, dates with times) never count.
    """
    # an attachment heading run onto the signature's line of a flattened page (水利部 二〇一一年七月十九日 附件:) opens its
    # own line: the appended section starts there (set 48)
    run_on = _RUN_ON_ATTACHMENT.sub("\n", _RUN_ON_SIGNATURE.sub("\n", text))
    lines = [ln for ln in _RUN_ON_SIGNER.sub("\n", run_on).split("\n") if ln.strip(_LINE_TRIM)]
    found: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        date = _line_date(line) or (_compact_date(line) if index and _SIGNER.match(lines[index - 1].strip(_LINE_TRIM))
                                    else None)
        if date:
            found.append((index, date))
    if found:
        cut = next((i for i, ln in enumerate(lines)
                    if i > found[0][0] and _ATTACHMENT_HEADING.match(ln.strip(_LINE_TRIM))), None)
        before = [d for i, d in found if cut is None or i < cut]
        return (before or [found[-1][1]])[-1]
    for line in lines[:8]:
        date = _intro_date(line) or _delivered_date(line)
        if date:
            return date
    return None
