"""Decode HTML bytes defensively.

Order of trust::

    BOM  →  declared charsets (HTTP header, then <meta>/<?xml?>), each *verified*
         →  UTF-8 strict  →  GB18030 strict  →  Big5 strict
         →  best of UTF-8 / GB18030 with replacement characters (logged)

"Verified" means the strict decode succeeds and the text looks like Chinese or
Latin text rather than mojibake (no U+FFFD, few private-use or exotic characters).
GBK and GB2312 are always decoded as GB18030, their superset: pages declared
``gb2312`` routinely contain GBK-only characters such as 镕 or 喆.
"""
from __future__ import annotations

import codecs
import logging
import re

logger = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it shares the prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_GB_FAMILY = {"gbk", "gb2312", "gb18030", "cp936", "hz", "euc-cn", "x-gbk", "gb_2312-80", "gb_2312"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})["']""", re.IGNORECASE)
_SNIFF_BYTES = 8192
_MAX_WEIRD_RATIO = 0.05
_SAMPLE_CHARS = 200_000


def normalise_charset(name: str | None) -> str | None:
    """Return the Python codec name for a declared charset (GBK family → gb18030), None if unknown."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    if label in _GB_FAMILY:
        return "gb18030"
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    if codec in {"gbk", "gb2312", "gb18030", "hz"}:
        return "gb18030"
    if codec in {"ascii", "latin-1", "iso8859-1", "cp1252"}:
        # Declared Latin-1/ASCII on a Chinese site is a template default, never the truth;
        # UTF-8 decodes ASCII identically and is verified like any other guess.
        return "utf-8"
    return codec


def sniff_declared(body: bytes) -> str | None:
    """Return the charset declared by ``<meta charset>``/``http-equiv`` or ``<?xml encoding?>``, if any."""
    head = body[:_SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


#: Characters expected in Chinese government pages: ASCII, Latin-1 and Latin Extended; punctuation, symbols,
#: arrows, box drawing, circled numbers; CJK punctuation; enclosed CJK and CJK compatibility; CJK unified
#: ideographs and extension A; full-width forms; Greek and Cyrillic, kana (GB2312 has them); CJK
#: compatibility forms.
_PLAIN = re.compile("[\u0000-\u024f\u2000-\u2bff\u3000-\u303f\u3200-\u33ff\u4e00-\u9fff\u3400-\u4dbf"
                    "\uff00-\uffef\u0370-\u04ff\u3040-\u30ff\ufe30-\ufe4f]+")
_ASCII = re.compile("[\u0000-\u007f]+")


def weird_ratio(text: str) -> float:
    """Share of non-ASCII characters that are unexpected (private use, replacement, exotic scripts).

    A long text is judged on samples of its head, middle and tail (``_SAMPLE_CHARS`` each).  Counted with
    two regular-expression passes (the characters a pass leaves are the ones counted): a loop over the
    characters in Python cost 7 ms on a 40 KB page, a third of the crawl's parsing."""
    if len(text) > 3 * _SAMPLE_CHARS:
        mid = len(text) // 2
        text = text[:_SAMPLE_CHARS] + text[mid:mid + _SAMPLE_CHARS] + text[-_SAMPLE_CHARS:]
    non_ascii = len(_ASCII.sub("", text))
    return len(_PLAIN.sub("", text)) / non_ascii if non_ascii else 0.0


def _try(body: bytes, codec: str) -> str | None:
    """Strict decode that also rejects implausible results."""
    try:
        text = body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    if "\ufffd" in text or weird_ratio(text) > _MAX_WEIRD_RATIO:
        return None
    return text


def _decode_bom(body: bytes) -> tuple[str, str] | None:
    for bom, codec in _BOMS:
        if body.startswith(bom):
            try:
                return body[len(bom):].decode(codec), codec
            except UnicodeDecodeError:
                logger.warning("BOM says %s but the body does not decode as it", codec)
                return None
    return None


def _has_multibyte_utf8(body: bytes) -> str | None:
    """The UTF-8 text when ``body`` is strict, plausible UTF-8 with non-ASCII characters."""
    if body.isascii():
        return None
    return _try(body, "utf-8")


def decode_html(body: bytes, *, header_charset: str | None = None) -> tuple[str, str]:
    """Decode an HTML (or XML) body; return ``(text, encoding_used)``.

    ``header_charset`` is the charset from the HTTP ``Content-Type`` header, if any.
    Never raises: the last resort decodes with replacement characters and logs a warning.
    """
    bom = _decode_bom(body)
    if bom is not None:
        return bom
    declared: list[str] = []
    for name in (header_charset, sniff_declared(body)):
        codec = normalise_charset(name)
        if codec and codec not in declared:
            declared.append(codec)
    utf8_text = _has_multibyte_utf8(body)
    for codec in declared:
        if codec == "gb18030" and utf8_text is not None:
            # Valid multi-byte UTF-8 is almost never GBK by accident: the declaration is wrong.
            logger.info("declared %s but the body is valid UTF-8; using UTF-8", codec)
            return utf8_text, "utf-8"
        text = _try(body, codec)
        if text is not None:
            return text, codec
        logger.info("declared charset %s does not fit the body; guessing", codec)
    for codec in ("utf-8", "gb18030", "big5"):
        text = _try(body, codec)
        if text is not None:
            return text, codec
    candidates = [(body.decode(c, "replace"), c) for c in ("utf-8", "gb18030")]
    text, codec = min(candidates, key=lambda tc: (tc[0].count("\ufffd"), weird_ratio(tc[0])))
    logger.warning("no charset decodes the body cleanly; using %s with replacement characters", codec)
    return text, codec


def limit_text(text: str, raw_size: int, max_bytes: int) -> tuple[str, str | None]:
    """``text`` (decoded from ``raw_size`` bytes) cut to about ``max_bytes`` of its source, plus a note
    saying so (``None`` when nothing was cut).  A huge page costs about 30 times its size as a parse
    tree: parsing only its head keeps memory bounded; the whole page stays in the WARC record."""
    if max_bytes <= 0 or raw_size <= max_bytes or not text:
        return text, None
    keep = max(1, int(len(text) * max_bytes / raw_size))
    note = f"page of {raw_size} bytes: only its first {max_bytes} bytes were parsed (DUCHA_MAX_HTML_BYTES)"
    logger.warning("%s", note)
    return text[:keep], note
