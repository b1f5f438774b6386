"""Turning markup into body text: paragraphs, whitespace, chrome lines, repeated print views.

``element_text`` walks an lxml element and keeps block boundaries as ``\\n``;
``clean_body_text`` then drops page chrome (打印, 关闭, 浏览次数…, footers) line by line and
removes a repeated copy of the body (print views that repeat the whole article).
"""
from __future__ import annotations

import logging
import re

from lxml import etree

logger = logging.getLogger(__name__)

BLOCK_TAGS = frozenset(["address", "article", "aside", "blockquote", "body", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "center"])
CELL_TAGS = frozenset({"td", "th"})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "select", "option", "button",
                       "input", "textarea", "object", "embed", "svg", "canvas", "map", "head", "title"})
_WS = re.compile(r"[ \t\r\f\v\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff]+")

# Chrome: whole lines that are page furniture, never content.
_CHROME_LINE = re.compile(
    r"""^(?:
      [\[【(（]?\s*(?:打印(?:本页|此页|文章)?|关闭(?:本页|窗口|此页)?|返回顶部|返回|收藏|纠错|我要纠错|播报|
        保存|下载|分享|点赞|顶部|加入收藏|设为首页)\s*[\]】)）]?
      (?:\s*[\[【(（]?\s*(?:打印(?:本页|此页)?|关闭(?:本页|窗口)?|返回顶部|返回|收藏|纠错|保存)\s*[\]】)）]?)*
    | 【?\s*(?:字号|字体)\s*[:：]?.*
    | .*扫一扫在手机.*|.*用微信扫一扫.*|.*扫一扫分享.*|.*手机扫一扫.*
    | 分享到\s*[:：]?.*
    | (?:浏览次数|访问量|点击数|点击量|阅读次数|阅读量|浏览量|访问次数)\s*[:：].*
    | [(（]?\s*(?:责任编辑|编辑|校对|审核|审校)\s*[:：].*
    | (?:相关链接|相关文档|相关稿件|相关新闻|相关阅读|相关文章|相关附件)\s*[:：]?
    | (?:上一篇|下一篇|上一条|下一条)\s*[:：].*
    | 微信|微博|客户端|头条号|手机版|电脑版|手机版\s*电脑版|网站无障碍|无障碍|适老化|English|繁体|简体|繁體|
      网站地图|联系我们|技术支持\s*[:：].*|建议使用.*分辨率.*
    | 今天是.*(?:星期|周)[一二三四五六日天].*
    )$""",
    re.VERBOSE,
)
# A line made only of "label：value" metadata pairs (来源：…  时间：2024-07-03  浏览次数：12).
_META_LABELS = ("来源|信息来源|文章来源|稿件来源|发布机构|发布单位|发布时间|发布日期|更新时间|时间|日期|作者|"
                "浏览次数|点击数|访问量|阅读次数|字号|字体|责任编辑|编辑|撰稿|供稿|录入")
_META_LINE = re.compile(
    rf"^(?:\s*(?:{_META_LABELS})\s*[:：]\s*[^:：]{{0,40}}?\s*(?=(?:{_META_LABELS})\s*[:：]|$))+$"
)
# Page-chrome dates: numeric dates alone (2020-07-14, [2024-07-03]) or any date with a time.
# A 年月日 date alone on a line is kept: that is how a document signs its own date.
_DATETIME_LINE = re.compile(
    r"^[\[【(（]?\s*(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"(?:\s*\d{1,2}\s*[:：]\s*\d{1,2}(?:\s*[:：]\s*\d{1,2})?)?"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}\s*[:：时]\s*\d{1,2}\s*分?"
    r"(?:\s*[:：]?\s*\d{1,2}\s*秒?)?)\s*[\]】)）]?$"
)
# Footer phrases: a short line containing one is a footer line.
_FOOTER = re.compile(r"版权所有|ICP备|ICP证|公网安备|网站标识码|主办单位|承办单位|运行维护单位|Copyright|©")
_FOOTER_MAX_LINE = 120
_BULLETS = "•●◆■▪◇·"
_MIN_DUP_RUN_CHARS = 80
_MIN_DUP_PARAGRAPH = 120
_BACKTRACK_WINDOW = 6


def normalise_line(line: str) -> str:
    """Collapse runs of whitespace (incl. NBSP and ideographic space) and trim the line."""
    return _WS.sub(" ", line).strip()


def _tag(tag: str) -> str:
    """An element's tag, lower case, without its namespace."""
    name = _TAGS.get(tag)
    if name is None:
        name = _TAGS[tag] = tag.lower().rpartition("}")[2]
    return name


_TAGS: dict[str, str] = {}


def _walk(root: etree._Element, out: list[str]) -> None:
    """Append the text of ``root`` and then its tail: a block element between line breaks, a table
    cell between spaces; comments, processing instructions and skipped tags leave only their tail.
    lxml's own walk (no recursion: a page nested thousands of levels deep must not overflow)."""
    if not isinstance(root.tag, str):
        if root.tail:
            out.append(root.tail)
        return
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event == "comment" or event == "pi":
            if node.tail:
                out.append(node.tail)
            continue
        tag = _tag(node.tag)
        kept = tag not in SKIP_TAGS
        edge = "\n" if tag in BLOCK_TAGS else " " if tag in CELL_TAGS else ""
        if event == "start":
            if not kept:
                walker.skip_subtree()
                continue
            out.append(edge)
            if node.text:
                out.append(node.text)
        else:
            if kept:
                out.append(edge)
            if node.tail:
                out.append(node.tail)


def element_text(node: etree._Element) -> str:
    """Text of ``node`` with one line per block element, whitespace collapsed, empty lines dropped."""
    parts: list[str] = []
    tail = node.tail
    node.tail = None
    try:
        _walk(node, parts)
    finally:
        node.tail = tail
    lines = (normalise_line(ln) for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def is_chrome_line(line: str) -> bool:
    """True when the whole line is page chrome (print/close buttons, counters, footers, 分享…)."""
    core = line.strip().lstrip(_BULLETS).strip()
    if not core:
        return True
    if len(core) <= _FOOTER_MAX_LINE and _FOOTER.search(core):
        return True
    return bool(_CHROME_LINE.match(core) or _META_LINE.match(core) or _DATETIME_LINE.match(core))


def _drop_repeated_runs(lines: list[str]) -> list[str]:
    """Remove a second copy of a run of lines (a print view repeating the body)."""
    first_seen: dict[str, int] = {}
    keep = [True] * len(lines)
    i = 0
    while i < len(lines):
        j = first_seen.get(lines[i])
        if j is None:
            first_seen[lines[i]] = i
            i += 1
            continue
        run = 0
        while i + run < len(lines) and j + run < i and lines[i + run] == lines[j + run]:
            run += 1
        chars = sum(len(lines[i + k]) for k in range(run))
        if chars >= _MIN_DUP_RUN_CHARS and (run >= 2 or chars >= _MIN_DUP_PARAGRAPH):
            for k in range(run):
                keep[i + k] = False
            _drop_leading_repeats(lines, keep, i, j)
            i += run
        else:
            i += 1
    return [ln for ln, kept in zip(lines, keep) if kept]


def _drop_leading_repeats(lines: list[str], keep: list[bool], i: int, j: int) -> None:
    """Also drop short lines just before a removed run that repeat lines just before its original."""
    window = set(lines[max(0, j - _BACKTRACK_WINDOW):j])
    k = i - 1
    while k >= 0 and i - k <= _BACKTRACK_WINDOW and keep[k] and lines[k] in window and k >= j:
        keep[k] = False
        k -= 1


def clean_body_text(text: str) -> str:
    """Normalise lines, drop chrome lines and repeated print-view copies; paragraphs joined by ``\\n``."""
    lines = [normalise_line(ln) for ln in text.split("\n")]
    lines = [ln for ln in lines if ln and not is_chrome_line(ln)]
    return "\n".join(_drop_repeated_runs(lines))
