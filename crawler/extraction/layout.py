"""Finding things in a parsed detail page: metadata, the body container, headings, attachments.

Known CMS families are tried first (Hanweb ``ZJEG_RSS`` comment markers, UCAP ``#UCAP-CONTENT``,
TRS ``div.TRS_Editor``, common content ids); anything else goes to a readability-style scorer
that picks the element whose paragraphs carry the most non-link text.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
from lxml import etree

from .text import SKIP_TAGS, element_text

logger = logging.getLogger(__name__)

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_WRAPPERS = "div|span|font|section|article|center|main|aside|table|tbody|tr|td|th|ul|ol|li|dl|dd|dt|b|i|em|strong|p"
_OPEN_RUN = re.compile(rf"(?:<(?:{_WRAPPERS})\b[^<>]*>\s*){{7,}}(<(?:{_WRAPPERS})\b[^<>]*>)", re.IGNORECASE)
_CLOSE_RUN = re.compile(rf"(</(?:{_WRAPPERS})\s*>)(?:\s*</(?:{_WRAPPERS})\s*>){{7,}}", re.IGNORECASE)
_WRAPPER_TAG = re.compile(r"</?(?:div|span|font|section|article|center|main|aside)\b[^<>]*>", re.IGNORECASE)
_HANWEB_BEGIN = "ZJEG_RSS.content.begin"
_HANWEB_END = "ZJEG_RSS.content.end"
_KNOWN_BODIES: tuple[tuple[str, str], ...] = (
    ("ucap", "//*[@id='UCAP-CONTENT']"),
    ("trs", "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]"),
    ("trs", "//div[contains(concat(' ', normalize-space(@class), ' '), ' Custom_UnionStyle ')]"),
    ("known", ("//*[@id='zoom' or @id='Zoom' or @id='mainText' or @id='ArticleContent' or @id='article_content'"
               " or @id='content_body' or @id='zwnr' or @id='detailContent' or @id='js_content']")),
    ("known", ("//div[contains(concat(' ', normalize-space(@class), ' '), ' article-content ')"
               " or contains(concat(' ', normalize-space(@class), ' '), ' zwnr ')"
               " or contains(concat(' ', normalize-space(@class), ' '), ' article_con ')"
               " or contains(concat(' ', normalize-space(@class), ' '), ' pages_content ')]")),
)
_CHROME_HINT = re.compile(
    r"(^|[-_ ])(header|head|top|nav|navbar|menu|footer|foot|bottom|copyright|breadcrumb|crumbs?|weizhi|"
    r"location|share|print|dayin|qrcode|qr|ewm|erweima|related|xgwz|xglj|relation|prenext|pre-next|"
    r"sidebar|side|aside|login|search|toolbar|tools|fontsize|font)([-_ ]|$)",
    re.IGNORECASE,
)
_ATTACHMENT_EXT = re.compile(
    r"\.(pdf|docx?|wps|xlsx?|et|csv|pptx?|zip|rar|7z|txt|ofd|tif|tiff|ceb)$", re.IGNORECASE
)
_GENERIC_LINK_TEXT = re.compile(r"^(下载|点击下载|附件下载|点击此处下载|查看|点击查看|详见附件|附件)?[:：]?$")
_HEADING_XPATH = (
    "//h1|//h2|//h3|//*[contains(@class,'title') or contains(@class,'Title') or @id='title'"
    " or contains(@class,'biaoti')]"
)
_MIN_PARAGRAPH = 10


@dataclass
class Attachment:
    """An attachment link found on a page (absolute URL, display name)."""

    url: str
    name: str


def _too_deep(parser: lxml.html.HTMLParser) -> bool:
    return any("Excessive depth" in (e.message or "") for e in parser.error_log)


def _parse_once(html: str) -> tuple[etree._Element, bool]:
    """One parse (``huge_tree``: libxml2 keeps 2,048 levels instead of 256); whether depth cut it short."""
    parser = lxml.html.HTMLParser(huge_tree=True)
    doc = lxml.html.document_fromstring(html, parser=parser)
    return doc, _too_deep(parser)


def flatten_runs(html: str) -> str:
    """``html`` with every run of consecutive wrapper tags (``<div><div><div>…``, ``…</div></div>``)
    cut to one: the innermost opening tag (it carries the body's class) and the first closing tag."""
    html = _OPEN_RUN.sub(lambda m: m.group(1), html)
    return _CLOSE_RUN.sub(lambda m: m.group(1), html)


def parse_noted(html: str) -> tuple[etree._Element, list[str]]:
    """Parse HTML text into an lxml document, plus notes on what had to be done to read it all.

    A page nested deeper than libxml2's limit (2,048 levels even with ``huge_tree``) would silently
    end at that depth, losing the body: runs of wrapper tags are then flattened, and when that is
    not enough every layout wrapper (div, span, font, section…) is dropped, keeping its content.
    """
    html = _XML_DECL.sub("", html or "", count=1)
    if not html.strip():
        return lxml.html.document_fromstring("<html><body></body></html>"), []
    try:
        doc, too_deep = _parse_once(html)
        if not too_deep:
            return doc, []
        doc, too_deep = _parse_once(flatten_runs(html))
        if not too_deep:
            note = "markup nested deeper than 2048 levels: runs of wrapper tags flattened"
        else:
            doc, too_deep = _parse_once(_WRAPPER_TAG.sub(" ", html))
            note = "markup nested deeper than 2048 levels: layout wrappers dropped"
            if too_deep:
                note = "markup nested deeper than 2048 levels: the page is cut at that depth"
        logger.warning("deeply nested page: %s", note)
        return doc, [note]
    except (etree.ParserError, ValueError):
        logger.warning("unparseable HTML; treating the page as empty")
        return lxml.html.document_fromstring("<html><body></body></html>"), ["unparseable HTML"]


def parse(html: str) -> etree._Element:
    """Parse HTML text into an lxml document (an empty document for empty input); see :func:`parse_noted`."""
    return parse_noted(html)[0]


def metas(doc: etree._Element) -> dict[str, str]:
    """``<meta name|property=… content=…>`` as a dict keyed by lower-cased name (first non-empty wins)."""
    found: dict[str, str] = {}
    for meta in doc.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def page_title(doc: etree._Element) -> str:
    """Text of the ``<title>`` element."""
    node = doc.find(".//title")
    return " ".join((node.text_content() if node is not None else "").split())


def drop_skipped(doc: etree._Element) -> None:
    """Remove script/style and similar elements (keeping their tails)."""
    for node in list(doc.iter(*SKIP_TAGS - {"head", "title"})):
        remove_keep_tail(node)


def _hanweb_container(doc: etree._Element) -> etree._Element | None:
    """Wrap the nodes between the ``ZJEG_RSS.content`` comments into a new div and return it."""
    begin = end = None
    for comment in doc.iter(etree.Comment):
        text = comment.text or ""
        if begin is None and _HANWEB_BEGIN in text:
            begin = comment
        elif begin is not None and _HANWEB_END in text:
            end = comment
            break
    if begin is None or end is None or begin.getparent() is not end.getparent():
        return None
    parent = begin.getparent()
    wrapper = parent.makeelement("div", {"class": "ducha-hanweb-body"})
    wrapper.text = begin.tail
    begin.tail = None
    index = parent.index(begin)
    node = begin.getnext()
    while node is not None and node is not end:
        following = node.getnext()
        wrapper.append(node)  # moves the node (and its tail) into the wrapper
        node = following
    parent.insert(index + 1, wrapper)
    return wrapper


def _non_link_length(node: etree._Element) -> int:
    text = len("".join(node.itertext()))
    links = sum(len("".join(a.itertext())) for a in node.iter("a"))
    return max(text - links, 0)


def _looks_like_chrome(node: etree._Element) -> bool:
    for anc in node.iterancestors():
        if anc.tag in ("header", "footer", "nav"):
            return True
        hint = f"{anc.get('class', '')} {anc.get('id', '')}"
        if hint.strip() and _CHROME_HINT.search(hint):
            return True
    return False


def _scored_container(doc: etree._Element) -> etree._Element | None:
    """Readability-style pick: parents of text-bearing blocks, scored by non-link text."""
    scores: dict[etree._Element, float] = {}
    for node in doc.iter("p", "div", "td", "li", "span", "font", "section", "article", "pre"):
        direct = (node.text or "") + "".join((c.tail or "") for c in node)
        direct = "".join(direct.split())
        if len(direct) < _MIN_PARAGRAPH or _looks_like_chrome(node):
            continue
        weight = min(len(direct), 600) + direct.count("，") * 5 + direct.count("。") * 5
        parent = node.getparent() if node.tag in ("p", "span", "font") else node
        for level, anc in enumerate((parent, parent.getparent() if parent is not None else None)):
            if anc is not None and isinstance(anc.tag, str):
                scores[anc] = scores.get(anc, 0.0) + weight / (1 + level)
    if not scores:
        return None
    return max(scores, key=lambda n: scores[n] * _link_factor(n))


def _link_factor(node: etree._Element) -> float:
    total = len("".join(node.itertext())) or 1
    return _non_link_length(node) / total


def find_container(doc: etree._Element) -> tuple[etree._Element | None, str]:
    """The element holding the article body and the family that located it."""
    wrapper = _hanweb_container(doc)
    if wrapper is not None:
        return wrapper, "hanweb"
    for family, xpath in _KNOWN_BODIES:
        nodes = [n for n in doc.xpath(xpath) if _non_link_length(n) > 0]
        if nodes:
            return max(nodes, key=_non_link_length), family
    return _scored_container(doc), "generic"


def remove_keep_tail(node: etree._Element) -> None:
    """Remove ``node`` from its tree, keeping its tail text (which belongs to the parent) in place."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def remove_hidden(container: etree._Element) -> None:
    """Drop hidden descendants (``display:none``, ``hidden``): print views and templates."""
    for node in list(container.iterdescendants()):
        if not isinstance(node.tag, str) or node.getparent() is None:
            continue
        style = (node.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style or node.get("hidden") is not None:
            remove_keep_tail(node)


def heading_texts(doc: etree._Element) -> list[str]:
    """Candidate headings (h1–h3, ``.title``-like elements) outside obvious chrome, in document order."""
    seen: list[str] = []
    for node in doc.xpath(_HEADING_XPATH):
        if not isinstance(node.tag, str) or node.tag in ("a", "title", "meta") or _looks_like_chrome(node):
            continue
        text = "".join(element_text(node).split("\n"))
        if 4 <= len(text) <= 200 and text not in seen:
            seen.append(text)
    return seen


def _attachment_name(link: etree._Element, url: str) -> str:
    name = " ".join("".join(link.itertext()).split())
    if _GENERIC_LINK_TEXT.match(name):
        name = (link.get("title") or "").strip() or name
    if not name or _GENERIC_LINK_TEXT.match(name):
        name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return name


def find_attachments(doc: etree._Element, base_url: str) -> list[Attachment]:
    """Links to files (pdf, doc(x), xls(x), wps, zip, …) outside page chrome, absolute and de-duplicated."""
    base = doc.find(".//base")
    if base is not None and base.get("href"):
        base_url = urljoin(base_url, base.get("href").strip())
    found: dict[str, Attachment] = {}
    for link in doc.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.lower().startswith(("javascript:", "mailto:", "#")):
            continue
        url = urljoin(base_url, href)
        if not _ATTACHMENT_EXT.search(urlsplit(url).path) or url in found or _looks_like_chrome(link):
            continue
        found[url] = Attachment(url=url, name=_attachment_name(link, url))
    return list(found.values())
