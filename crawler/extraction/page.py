"""Detail-page extraction: HTML text + URL (+ what the list page said) → ``ExtractedPage``.

::

    html ─ parse ─┬─ metas (ArticleTitle, PubDate, meta-PubDate, firstpublishedtime, ContentSource)
                  ├─ find_container (Hanweb markers → UCAP → TRS_Editor → known ids → scorer)
                  │     └─ element_text → clean_body_text (chrome lines, repeated print view)
                  ├─ chrome text (page minus body): 发布日期/来源 lines, 索引号/文号/成文日期 tables
                  └─ attachments (file links, absolute)
    dates: cms (meta, else chrome/table 发布日期) · list · stated (成文日期, else signature line) · url
    display_date: the 发布日期/发布时间/日期 line the page shows, kept apart (it may disagree with the meta)
    publish_date = cms → list → stated → url, with publish_date_source naming the one used.
"""
from __future__ import annotations

import copy
import logging
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from archive.timeliness.shown_dates import parse_shown_date
from archive.timeliness.url_dates import url_day

from . import layout
from .dates import find_stated_date
from .docnumbers import find_doc_numbers
from .doctype import classify
from .info import label_fields, posted_of, publisher_of
from .text import clean_body_text, element_text, is_chrome_line, normalise_line

logger = logging.getLogger(__name__)

_CMS_META_KEYS = ("pubdate", "meta-pubdate", "firstpublishedtime", "publishdate", "publishdatetime",
                  "article:published_time", "og:release_date", "releasedate", "dc.date", "pubtime")
_TITLE_META_KEYS = ("articletitle", "meta-articletitle", "arttitle")
_PUBLISHER_META_KEYS = ("contentsource", "meta-contentsource", "source", "author:organization")
_TRUNCATED = re.compile(r"(?:…+|\.{3,}|。{3,}|\.\.)$")
_TITLE_SPLIT = re.compile(r"\s*(?:_+|\|+|｜|\s-\s|\s—\s|——|-{2,})\s*")
_SITE_WORDS = re.compile(r"网站|门户|政府网|官网|人民政府$|生态环境(?:厅|局)$")
_DIGIT_SPACE = re.compile(r"(?<=\d)[\s\u3000]+(?=[年月日号])")
_SOFT404_PHRASES = re.compile(
    r"页面不存在|您访问的页面不存在|页面未找到|找不到(?:该|您要访问的)?页面|页面已删除|信息已删除|"
    r"文章不存在|内容不存在|信息不存在|Page Not Found|Not Found|404错误|错误404|\b404\b", re.IGNORECASE
)
_SOFT404_TINY = 30
_SOFT404_SHORT = 300
# the info-block date line a reader sees: 发布日期：…, 发布时间：…, or a bare 日期：… (not 成文日期/发文日期/公示日期/
# 颁布日期/生效日期…: those are the document's or the objection window's own dates)
_DISPLAY_DATE = re.compile(r"(?:发布日期|发布时间|(?<![成生更效文期印示布])日期)\s*[:：]\s*"
                           r"((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")


@dataclass
class ExtractedPage:
    """Everything extracted from one detail page (dates ``YYYY-MM-DD``)."""

    url: str
    title: str
    publish_date: str | None
    publish_date_source: str | None
    dates: dict[str, str | None]
    publisher: str | None
    body_text: str
    doc_numbers: list[str]
    attachments: list[dict[str, str]]
    doc_type: str
    is_soft_404: bool
    family: str = "generic"
    fields: dict[str, str] = field(default_factory=dict)  # 索引号/文号/成文日期… as printed
    images: list[dict[str, str]] = field(default_factory=list)  # images in the body (may be scans)
    notes: list[str] = field(default_factory=list)  # what reading the page took (flattened, truncated…)
    display_date: str | None = None  # the date the page's info block shows (发布日期/发布时间/日期：…)

    def to_json(self) -> dict[str, Any]:
        """The ``ducha extract`` object of the contract (plus publisher, dates, source, soft-404 flag)."""
        data = asdict(self)
        keys = ("url", "title", "publish_date", "body_text", "attachments", "doc_type", "doc_numbers",
                "publisher", "dates", "publish_date_source", "is_soft_404", "notes", "images",
                "display_date")
        return {key: data[key] for key in keys}


def clean_title(title: str | None) -> str:
    """Whitespace collapsed; no spaces between a digit and 年/月/日/号."""
    return _DIGIT_SPACE.sub("", normalise_line(title or ""))


def _title_core(full: str) -> str:
    """``<title>`` minus the site suffix/prefix ("标题 - 山西省人民政府门户网站" → "标题")."""
    parts = [p for p in _TITLE_SPLIT.split(full) if p.strip()]
    content = [p for p in parts if not _SITE_WORDS.search(p)] or parts
    return clean_title(content[0]) if content else ""


def _is_truncated(title: str) -> bool:
    return bool(_TRUNCATED.search(title))


def _stem(title: str) -> str:
    return "".join(_TRUNCATED.sub("", title).split())


def choose_title(meta_title: str, headings: list[str], html_title: str, list_title: str | None) -> str:
    """Full title: meta ArticleTitle, else a heading matching <title>/list title, else list title,
    else <title> without the site name; a truncated title loses to any longer one it starts."""
    core = _title_core(html_title)
    list_title = clean_title(list_title)
    candidates = [clean_title(meta_title)] + [clean_title(h) for h in headings] + [core, list_title]
    candidates = [c for c in candidates if c]
    anchors = [_stem(a) for a in (core, list_title) if a]
    matching = [h for h in (clean_title(x) for x in headings)
                if any(a and ("".join(h.split()).startswith(a) or a.startswith("".join(h.split())))
                       for a in anchors)]
    order = [clean_title(meta_title)] + sorted(matching, key=len, reverse=True)
    if list_title and not _is_truncated(list_title):
        order.append(list_title)
    order += [core] + [clean_title(h) for h in headings] + [list_title]
    chosen = next((t for t in order if t and len(t) >= 2), "")
    if chosen and _is_truncated(chosen):
        stem = _stem(chosen)
        longer = [c for c in candidates if not _is_truncated(c) and "".join(c.split()).startswith(stem)]
        if longer:
            chosen = max(longer, key=len)
    return chosen


def _cms_date(meta: dict[str, str], fields: dict[str, str]) -> str | None:
    for key in _CMS_META_KEYS:
        date = parse_shown_date(meta.get(key))
        if date:
            return date
    return posted_of(fields)


def _publisher(meta: dict[str, str], fields: dict[str, str]) -> str | None:
    for key in _PUBLISHER_META_KEYS:
        if meta.get(key):
            return normalise_line(meta[key])
    return publisher_of(fields)


def _is_soft_404(title: str, body: str, html_title: str, *, has_content_media: bool) -> bool:
    """A 200 answer that is really "not found": 404 wording, or a stub with no content at all."""
    compact = "".join(body.split())
    if _SOFT404_PHRASES.search(title) or _SOFT404_PHRASES.search(html_title):
        return True
    if len(compact) < _SOFT404_SHORT and _SOFT404_PHRASES.search(compact):
        return True
    return len(compact) < _SOFT404_TINY and not has_content_media


def extract_page(html: str, url: str, *, list_title: str | None = None,
                 list_date: str | None = None) -> ExtractedPage:
    """Extract title, dates, body, attachments, 文号 and doc_type from a decoded detail page."""
    doc, notes = layout.parse_noted(html)
    meta = layout.metas(doc)
    html_title = layout.page_title(doc)
    layout.drop_skipped(doc)
    container, family = layout.find_container(doc)
    if container is not None and family == "generic" and container.getparent() is None:
        container = None
    attachments = layout.find_attachments(doc, url)
    headings = layout.heading_texts(doc)
    body_raw = ""
    has_images = container is not None and next(container.iter("img"), None) is not None
    images = layout.find_body_images(container, url) if container is not None else []
    if container is not None:
        probe = copy.deepcopy(container)  # hidden parts are removed on a copy
        layout.remove_hidden(probe)
        body_raw = element_text(probe) or element_text(container)
        layout.remove_keep_tail(container)
    body = clean_body_text(body_raw)
    chrome_lines = [ln for ln in body_raw.split("\n") if is_chrome_line(ln)]
    page_rest = element_text(doc.find("body") if doc.find("body") is not None else doc)
    chrome = "\n".join(chrome_lines + [page_rest])
    fields = label_fields(chrome)
    title = choose_title(_first(meta, _TITLE_META_KEYS), headings, html_title, list_title)
    dates = {
        "cms": _cms_date(meta, fields),
        "list": parse_shown_date(list_date),
        "stated": next((d for d in (parse_shown_date(fields.get(k)) for k in ("成文日期", "发文日期", "颁布日期")) if d),
                       None) or find_stated_date(body),
        "url": url_day(url),
    }
    source = next((k for k in ("cms", "list", "stated", "url") if dates[k]), None)
    shown = _DISPLAY_DATE.search(chrome)
    numbers = find_doc_numbers(" ".join(v for k, v in fields.items() if "文号" in k))
    numbers += [n for n in find_doc_numbers(f"{title}\n{body}") if n not in numbers]
    return ExtractedPage(
        url=url, title=title, publish_date=dates[source] if source else None,
        publish_date_source=source, dates=dates, publisher=_publisher(meta, fields), body_text=body,
        doc_numbers=numbers, attachments=[{"url": a.url, "name": a.name} for a in attachments],
        doc_type=classify(title, body),
        # a page we could not read whole is no proof of absence
        is_soft_404=not notes and _is_soft_404(title, body, html_title,
                                               has_content_media=bool(attachments) or has_images),
        family=family, fields=fields, notes=notes,
        images=[{"url": i.url, "name": i.name} for i in images if i.url not in {a.url for a in attachments}],
        display_date=parse_shown_date(shown.group(1)) if shown else None,
    )


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((meta[k] for k in keys if meta.get(k)), "")

