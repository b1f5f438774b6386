"""The search pages: true totals and a pager for the canned lists and the home search, and the table search
box (``/archive/documents?_search=``) kept fast on large archives.

Every canned-query page tells its true total (``list_page_vars``): the search counts its matches with its
own count query (``ducha_count_sql`` in the metadata), a list counts the rows of its SQL without the final
``LIMIT``; both stop at ``TOTAL_CAP + 1`` (exact up to 10,000, above that "超过 10,000 条").  A paged query
(``page``: the search) gets links to the previous, next, first, last and nearby pages.

Datasette counts every match and computes the table's facets over all of them — at 100,000 postings a
common 2-character word has ~50,000 matches and those queries cost most of the page.  When a search
has more than ``COUNT_CAP`` matches (counted by the FTS index, stopping at ``COUNT_CAP + 1``), the
HTML page is served with ``_nocount=1&_nofacet=1`` and says "超过 1,000 条" instead of an exact
count; smaller result sets keep their exact count and facets.  For a term of 3+ characters, whose
candidates are checked against the stored text in the count and in every facet, the limit is
``CHECK_CAP`` candidates.  A table search shows 20 rows a page unless ``_size`` says otherwise, newest
archived first (``id`` descending) unless a sort is given, in the columns of ``RESULT_COLUMNS`` unless
``_col`` / ``_nocol`` choose (``&_all_columns=1``, named in the page's note, shows all).  The JSON API is left alone, and a
reader who asks for a facet (``_facet=…``) or a count (``_nocount=0``) gets it.

The search clause is ours, not Datasette's (``documents`` has no ``fts_table`` in the metadata, so
Datasette adds none): Datasette's ``id IN (SELECT rowid … MATCH …)`` reads every match of the index
(16 ms for a word in all 100,000 postings, ten times that at a million) to show 20 of them.  When the
page shows the newest matches without a count or facets and with no other filter, the clause is
bounded to the rows the page can show: the index is walked newest first (below ``_next``) to the
(size + 1)-th match — checked against the stored text for 3+-character terms — and the clause asks only
for ``rowid`` from there on.  Any other table search gets the whole match set, as before.
"""
from __future__ import annotations

import logging
import math
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette.database import QueryInterrupted

from archive.search import MATCH_NOTHING, fts_query
from archive.search_text import needs_check
from archive.web import pages
from archive.web.export import all_rows_sql
from archive.web.queries import SEARCH_PAGE, TOTAL_CAP, count_sql, verify

log = logging.getLogger(__name__)

COUNT_CAP = 1000
#: For terms of 3+ characters every candidate is checked against the stored text, in the count and in each
#: facet: above this many candidates the page skips both.
CHECK_CAP = 100
#: Rows per page of a table search unless ``_size`` is given (rendering 50 rows of 25 columns costs more
#: than the search itself).
PAGE_SIZE = 20
TABLE = "documents"
#: Columns a table search shows unless ``_col`` / ``_nocol`` say otherwise (all 26 took half the page's time).
RESULT_COLUMNS = ("title", "url", "site_id", "doc_type", "publish_date", "first_seen_at", "status")
#: Query-string keys a bounded search allows beside ``_search`` (anything else may drop rows or needs all of them).
_BOUNDABLE = {"_search", "_sort_desc", "_size", "_next", "_nocount", "_nofacet", "_labels", "_col", "_nocol", "_all_columns", "_trace"}
_MATCH = "documents_fts MATCH escape_fts(:ducha_search)"
#: Time the exact count of a 3+-character search may take (each candidate is checked against the stored text:
#: ~3,000 candidates took 220–300 ms at 100,000 postings); past it the page gives the index's upper bound.
COUNT_BUDGET_MS = 25
#: Pages linked on each side of the current one (besides the first and the last).
PAGER_SPAN = 2


def _query_of(datasette: Any, database: str, request: Any) -> tuple[str, dict] | None:
    name = str(getattr(request, "path", "") or "").rstrip("/").rsplit("/", 1)[-1]
    query = ((datasette.metadata(database=database) or {}).get("queries") or {}).get(name)
    return (name, query) if isinstance(query, dict) and query.get("sql") else None


async def list_page_vars(datasette: Any, database: str, request: Any) -> dict[str, Any]:
    """``ducha_total`` (the true row count, or None when it could not be counted), ``ducha_total_over`` (more
    than ``TOTAL_CAP``), ``ducha_total_cap`` and, for a query with a ``page`` parameter, ``ducha_pager``."""
    found = _query_of(datasette, database, request) if request is not None else None
    if found is None:
        return {}
    name, query = found
    declared = list(query.get("params") or [])
    params = {p: request.args.get(p) or "" for p in declared}
    sql = query.get("ducha_count_sql") or count_sql(all_rows_sql(query["sql"]))
    db = datasette.get_database(database)
    bound = False
    try:
        try:
            budget = COUNT_BUDGET_MS if query.get("ducha_bound_sql") and needs_check(params.get("q")) else None
            total = int((await db.execute(sql, params, custom_time_limit=budget)).first()[0])
        except QueryInterrupted:  # every candidate of a long term is checked: past the budget, the index's bound
            total, bound = int((await db.execute(query["ducha_bound_sql"], params)).first()[0]), True
    except Exception:  # a count that fails (time limit, …) must not break the page: it keeps the page's count
        log.exception("counting the rows of %s failed", name)
        return {"ducha_total": None}
    out: dict[str, Any] = {"ducha_total": min(total, TOTAL_CAP), "ducha_total_over": total > TOTAL_CAP,
                           "ducha_total_cap": TOTAL_CAP, "ducha_total_bound": bound}
    if "page" in declared:
        out["ducha_pager"] = pager(request, total, exact=not bound)
    return out


def pager(request: Any, total: int, size: int = SEARCH_PAGE, *, exact: bool = True) -> dict[str, Any]:
    """Links of a paged result: ``page``, ``pages`` (known up to ``TOTAL_CAP``; with ``exact=False`` ``total`` is an
    upper bound), ``more`` (beyond, or maybe fewer: the template offers 下一页 only while pages are full), ``size``, ``previous`` / ``next`` URLs (None at the ends) and ``links``:
    ``(number, url)`` pairs, ``(None, None)`` for a gap."""
    text = (request.args.get("page") or "1").strip()
    page = int(text) if text.isdigit() and int(text) > 0 else 1
    pages = max(1, math.ceil(min(total, TOTAL_CAP) / size))
    more = total > TOTAL_CAP or not exact
    args = [(k, v) for k, v in parse_qsl(request.query_string, keep_blank_values=True) if k != "page"]

    def url(number: int) -> str:
        return f"{request.path}?{urlencode([*args, ('page', str(number))])}"

    shown = sorted({1, pages, *range(max(1, page - PAGER_SPAN), min(pages, page + PAGER_SPAN) + 1)})
    links: list[tuple[int | None, str | None]] = []
    for number in shown:
        if links and links[-1][0] is not None and number - links[-1][0] > 1:
            links.append((None, None))
        links.append((number, url(number)))
    return {"page": page, "pages": pages, "more": more, "links": links, "size": size,
            "previous": url(page - 1) if page > 1 else None,
            "next": url(page + 1) if page < pages or more else None}


async def candidates(datasette: Any, query: str, cap: int) -> int:
    """Postings the index offers for ``query``, counted up to ``cap + 1`` (exact for 1- and 2-character terms)."""
    match = fts_query(query)
    if match == MATCH_NOTHING:
        return 0
    db = datasette.get_database(pages.database_name(datasette))
    result = await db.execute("SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
                              " LIMIT ?)", [match, cap + 1])
    return int(result.first()[0])


def cap_for(query: str) -> int:
    """``COUNT_CAP``, or ``CHECK_CAP`` when the matches must be checked against the text (3+-character terms)."""
    return CHECK_CAP if needs_check(query) else COUNT_CAP


async def matches_over_cap(datasette: Any, query: str) -> bool:
    """True when counting and faceting ``query`` on the table page would cost more than the search."""
    cap = cap_for(query)
    return await candidates(datasette, query, cap) > cap


def _wants_everything(args: list[tuple[str, str]]) -> bool:
    keys = {k for k, _ in args}
    return "_nocount" in keys or "_nofacet" in keys or any(k.startswith("_facet") for k in keys)


def wrap(datasette: Any, app: Any) -> Any:
    """ASGI middleware: add ``_nocount=1&_nofacet=1`` to large table searches (HTML only)."""

    async def middleware(scope: dict, receive: Any, send: Any) -> None:
        if scope.get("type") == "http" and scope.get("method") == "GET" and scope.get("query_string") and \
                scope.get("path") == f"/{pages.database_name(datasette)}/{TABLE}":
            args = parse_qsl(scope["query_string"].decode("utf-8", "replace"), keep_blank_values=True)
            query = dict(args).get("_search", "")
            extra: list[tuple[str, str]] = []
            keys = {k for k, _ in args}
            if query and "_size" not in keys:
                extra.append(("_size", str(PAGE_SIZE)))
            if query and not keys & {"_col", "_nocol", "_all_columns"}:
                extra += [("_col", column) for column in RESULT_COLUMNS]
            if query and not keys & {"_sort", "_sort_desc"}:
                extra.append(("_sort_desc", "id"))  # newest archived first: the index's own order
            if query and not _wants_everything(args):
                try:
                    over = await matches_over_cap(datasette, query)
                except Exception:  # an unreadable index must not break the page; Datasette reports errors
                    log.exception("counting matches of %r failed", query)
                    over = False
                if over:
                    extra += [("_nocount", "1"), ("_nofacet", "1")]
                    scope = {**scope, "ducha_over_cap": True}
            if extra:
                scope = {**scope, "query_string": scope["query_string"] + b"&" + urlencode(extra).encode()}
        await app(scope, receive, send)

    return middleware


def filters(request: Any, database: str, table: str, datasette: Any) -> Any:
    """``filters_from_request``: the search clause (bounded when it can be), exact for long terms, the notes.

    The index over-matches terms of three or more characters; those candidates are checked against the
    stored text (``archive.search_text.matches``).
    """
    search = request.args.get("_search")
    if table != TABLE or not search:
        return None

    async def inner() -> Any:
        from datasette.filters import FilterArguments

        where, params = [], {"ducha_search": search}
        notes = [f"搜索 search “{search}”"]
        if request.args.getlist("_col") == list(RESULT_COLUMNS):
            notes.append("只显示主要列，加 &_all_columns=1 显示全部列 main columns only: add &_all_columns=1 for all")
        bounds = await _page_bounds(datasette, request, search)
        where.append(f"[{TABLE}].id IN (SELECT rowid FROM documents_fts WHERE {_MATCH}"
                     + "".join(f" AND rowid {op} :ducha_{name}" for name, op in (("floor", ">="), ("ceiling", "<"))
                               if name in bounds) + ")")
        params.update({f"ducha_{k}": v for k, v in bounds.items()})
        if needs_check(search):
            where.append(verify(":ducha_search", f"[{TABLE}].current_version_id"))
        if request.scope.get("ducha_over_cap"):
            cap = cap_for(search)
            notes.append(f"超过 {cap:,} 条（未计总数与分面）more than {cap:,} matches (not counted; no facets)"
                         if cap == COUNT_CAP else
                         f"索引候选超过 {cap:,} 条（未计确切总数与分面）more than {cap:,} candidates"
                         " (exact count and facets not computed)")
        return FilterArguments(where, params=params, human_descriptions=notes,
                               extra_context={"supports_search": True, "search": search})

    return inner


async def _page_bounds(datasette: Any, request: Any, search: str) -> dict[str, int]:
    """``floor`` / ``ceiling`` rowids that hold every row this page can show, or ``{}`` when unsafe to bound.

    Bounded only when the page shows the newest matches with no count, facets or other filters (all
    of which need the whole match set): ``_nocount=1&_nofacet=1`` (the wrapper adds them above the cap,
    and the next-page links carry them) and ``_sort_desc=id``.
    """
    args = request.args
    if args.get("_sort_desc") != "id" or args.get("_nocount") != "1" or args.get("_nofacet") != "1" \
            or set(args) - _BOUNDABLE:
        return {}
    try:
        size = int(args.get("_size") or PAGE_SIZE)
        # sorted by the primary key, Datasette's next-page token is "id,id"
        ceiling = int(args["_next"].split(",")[-1]) if args.get("_next") else None
    except ValueError:
        return {}
    bounds = {} if ceiling is None else {"ceiling": ceiling}
    match = fts_query(search)
    sql = ("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :match"
           + (" AND rowid < :ceiling" if ceiling is not None else ""))
    if needs_check(search):  # count only real matches: FTS5 streams rowids newest first, checked one by one
        sql += f" AND {verify(':q', '(SELECT current_version_id FROM documents WHERE id = documents_fts.rowid)')}"
    db = datasette.get_database(pages.database_name(datasette))
    result = await db.execute(f"{sql} ORDER BY rowid DESC LIMIT 1 OFFSET :offset",
                              {"match": match, "ceiling": ceiling, "q": search, "offset": size})
    row = result.first()
    if row is not None:  # fewer than size + 1 matches: the whole (small) rest is read
        bounds["floor"] = int(row[0])
    return bounds
