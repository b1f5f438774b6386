"""Datasette plugin ``ducha`` (entry point): Chinese search, safe cells, document pages, feeds, year facet.

* ``prepare_connection`` registers ``escape_fts`` (a user's query → ``archive.search.fts_query``, one
  token per Han character, so ``?_search=销号`` finds exactly the postings containing 销号) and the helper
  functions the canned queries use (``ducha_snippet``, ``ducha_compact_diff``, ``ducha_compact_diff_text``).
  As a pip-installed plugin it is registered after Datasette's own ``escape_fts`` and wins.
* ``render_cell`` renders only our own sanitised markup: ``snippet_html`` (``<mark>`` only), ``diff_html`` /
  ``改动摘要`` (ins/del/br), the lists' ``标题`` as a link to its document, links to ``/-/ducha/document/{id}``
  for ``document_link``, ``document_id`` and ``documents.url`` cells, and 未计算 for a NULL
  ``windows_shorter_than_stated``.  Everything else stays escaped by Datasette.
* ``prepare_jinja2_environment``: our templates first, Datasette's translated (``archive.web.furniture``).
* ``extra_template_vars``: the home page's figures (``archive.web.home``); pickers and the unknown-region
  message on query pages (``archive.web.furniture.query_page_vars``).
* ``asgi_wrapper``: ``archive.web.guard`` around the parameter check of ``archive.web.params`` around
  ``archive.web.search_page`` (a table search with more than 1,000 matches is shown without the exact count
  and the facets, "超过 1,000 条"); ``filters_from_request``: the exact check of 3+-character terms and that note.
* ``register_routes``: see ``archive.web.pages``.  ``register_output_renderer``: see ``archive.web.feeds``.
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

import datasette.handle_exception as _datasette_errors
from datasette import hookimpl
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup, escape

from archive.search import fts_query, fts_query_rest
from archive.search_text import in_title, matches, needs_check
from archive.web import feeds, pages, search_page
from archive.web.charts import query_chart
from archive.web.csv_labels import spreadsheet_csv
from archive.web.document import safe_href
from archive.web.facets import YearFacet
from archive.web.furniture import TranslatingLoader, query_page_vars
from archive.web.guard import Guard
from archive.web.home import home_figures
from archive.web.labels import label
from archive.web.params import params_guard
from archive.web.sanitise import DIFF_TAGS, MARK_TAGS, clean, compact_diff, compact_diff_text, snippet_html

log = logging.getLogger(__name__)

# Datasette 0.65.5 prints every handled exception with rich when rich is importable (the crawl's progress
# table installs it); for a plain 404 there is no exception being handled, rich raises ValueError and the
# 404 becomes a 500.  The console traceback is not needed: Datasette still answers with its error page.
_datasette_errors.rich = None

TEMPLATES = Path(__file__).parent / "templates"
DOCUMENT_PATH = "/-/ducha/document/{}"
_LINKED_DOCUMENT_ID = {"versions", "attachments", "events", "checks", "watch_matches"}
_NOFOLLOW = "nofollow noopener noreferrer"
#: Figures where NULL means "could not be computed" (shown 未计算, never blank or 0).
NOT_COMPUTED_COLUMNS = {"windows_shorter_than_stated"}


def _safe(function: Any) -> Any:
    """Wrap an SQL function so a Python error returns NULL instead of aborting the query."""

    def wrapper(*args: Any) -> Any:
        try:
            return function(*args)
        except Exception:
            log.exception("SQL function %s failed", function.__name__)
            return None

    wrapper.__name__ = function.__name__
    return wrapper


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Register ``escape_fts`` (Chinese-aware) and the canned queries' helper functions."""
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)
    conn.create_function("ducha_needs_check", 1, needs_check, deterministic=True)
    conn.create_function("ducha_fts_title", 1, lambda q: fts_query(q, title=True), deterministic=True)
    conn.create_function("ducha_fts_rest", 1, fts_query_rest, deterministic=True)
    conn.create_function("ducha_in_title", 2, _safe(in_title), deterministic=True)
    conn.create_function("ducha_match", 4, _safe(matches), deterministic=True)
    conn.create_function("ducha_snippet", 4, _safe(snippet_html), deterministic=True)
    conn.create_function("ducha_compact_diff", 2, _safe(compact_diff), deterministic=True)
    conn.create_function("ducha_compact_diff_text", 2, _safe(compact_diff_text), deterministic=True)


@hookimpl
def startup(datasette: Any) -> None:
    """Apply ``plugins.ducha.suggest_facets: false`` (suggestions cost ~1.3 s per search page at 100k postings).

    Datasette 0.65 reads settings only from the command line; ``--setting suggest_facets off`` does the same.
    """
    config = datasette.plugin_config(pages.PLUGIN) or {}
    if config.get("suggest_facets") is False and isinstance(getattr(datasette, "_settings", None), dict):
        datasette._settings["suggest_facets"] = False
        log.info("facet suggestions off (plugins.ducha.suggest_facets)")


@hookimpl(trylast=True)
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> Any:
    """The table search of ``documents`` (``archive.web.search_page``); last, so its search box context stands."""
    return search_page.filters(request, database, table, datasette)


@hookimpl
def prepare_jinja2_environment(env: Environment) -> None:
    """Put our templates first (``index.html``, ``ducha_document.html``); Datasette can't find a module plugin's.
    Datasette's own templates get Chinese furniture (``archive.web.furniture``), column headers their Chinese
    label (filter ``ducha_label``, ``archive.web.labels``) and the chart queries their SVG chart
    (``ducha_query_chart``, ``archive.web.charts``)."""
    inner = [TranslatingLoader(env.loader)] if env.loader else []
    env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), *inner])
    env.filters["ducha_label"] = label
    env.globals["ducha_query_chart"] = query_chart


@hookimpl
def extra_template_vars(template: str, database: str | None, datasette: Any, request: Any) -> Any:
    """``ducha_home`` (today's figures from ``timeliness`` and ``events``) for the home page; pickers, the true
    total and the pager for query pages (``archive.web.search_page.list_page_vars``)."""
    if template.startswith("query"):

        async def query_vars() -> dict[str, Any]:
            found = await query_page_vars(datasette, database, request)
            if database and database in datasette.databases:
                found.update(await search_page.list_page_vars(datasette, database, request))
            return found

        return query_vars
    if template != "index.html":
        return {}

    async def inner() -> dict[str, Any]:
        db_name = pages.database_name(datasette)
        if db_name not in datasette.databases:
            return {"ducha_home": None, "ducha_db": db_name}
        return {"ducha_home": await home_figures(datasette.get_database(db_name)), "ducha_db": db_name}

    return inner


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    """Our stylesheet on every page."""
    return [datasette.urls.path("/-/ducha/static/ducha.css")]


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    """Headers on every page, arbitrary SQL's own budget, 400 for bogus sorts (``archive.web.guard``); inside it,
    a canned query, feed, export or ledger page with a bad date / region / site / type answers 400 naming the
    valid values (``archive.web.params``); inside it, large table searches skip the exact count and the facets
    (``archive.web.search_page``); innermost, Datasette's ``.csv`` get a byte-order mark and Chinese column
    labels (``archive.web.csv_labels``)."""

    check = params_guard(datasette)

    def wrap(app: Any) -> Guard:
        return Guard(check(search_page.wrap(datasette, spreadsheet_csv(app))), datasette)

    return wrap


@hookimpl
def register_routes() -> list:
    """The ``/-/ducha/`` pages."""
    return pages.ROUTES


@hookimpl
def register_facet_classes() -> list:
    """``{"year": "publish_date"}`` facets."""
    return [YearFacet]


@hookimpl(trylast=True)
def register_output_renderer() -> dict:
    """``.atom`` that survives empty results (registered last so it replaces datasette-atom's)."""
    return {"extension": "atom", "render": feeds.render_atom, "can_render": feeds.can_render_atom}


def document_anchor(datasette: Any, document_id: Any, label: Any = None) -> Markup | None:
    """``<a href="/-/ducha/document/ID">label</a>`` or None when ``document_id`` is not an integer."""
    try:
        number = int(str(document_id))
    except ValueError:
        return None
    href = datasette.urls.path(DOCUMENT_PATH.format(number))
    text = f"#{number}" if label in (None, "") else f"#{number} {label}"
    return Markup('<a class="ducha-doc" href="{}">{}</a>').format(href, text)


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, datasette: Any) -> Markup | None:
    """Render our own columns; return None (Datasette escapes) for everything else."""
    if value is None:
        return Markup('<span class="not-computed">未计算</span>') if column in NOT_COMPUTED_COLUMNS else None
    if column == "snippet_html":
        return Markup(clean(str(value), MARK_TAGS))
    if column in ("diff_html", "改动摘要"):
        return Markup(clean(str(value), DIFF_TAGS))
    if column == "标题":  # list pages: the title links to the document page
        keys = row.keys() if hasattr(row, "keys") else []
        if "document_link" in keys and row["document_link"] is not None:
            href = datasette.urls.path(DOCUMENT_PATH.format(int(row["document_link"])))
            return Markup('<a class="ducha-title" href="{}">{}</a>').format(href, value)
    if column == "document_link":
        return document_anchor(datasette, value)
    if column == "document_id" and table in _LINKED_DOCUMENT_ID:
        if isinstance(value, dict):
            return document_anchor(datasette, value.get("value"), value.get("label"))
        return document_anchor(datasette, value)
    if table == "documents" and column == "url":
        keys = row.keys() if hasattr(row, "keys") else []
        archived = document_anchor(datasette, row["id"], "存档页") if "id" in keys else None
        href = safe_href(str(value))
        original = (Markup('<a href="{}" rel="{}">原文 {}</a>').format(href, _NOFOLLOW, href) if href
                    else escape(value))
        return Markup("{} · {}").format(archived, original) if archived else original
    return None
