"""The table search box (``/archive/documents?_search=``) kept fast on large archives.

Datasette counts every match and computes the table's facets over all of them — at 100,000 postings a
common 2-character word has ~50,000 matches and those queries cost most of the page.  When a search
has more than ``COUNT_CAP`` matches (counted by the FTS index, stopping at ``COUNT_CAP + 1``), the
HTML page is served with ``_nocount=1&_nofacet=1`` and says "超过 1,000 条" instead of an exact
count; smaller result sets keep their exact count and facets.  A table search shows 20 rows a page
unless ``_size`` says otherwise.  The JSON API is left alone, and a
reader who asks for a facet (``_facet=…``) or a count (``_nocount=0``) gets it.
"""
from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qsl, urlencode

from archive.search import MATCH_NOTHING, fts_query, needs_check
from archive.web import pages
from archive.web.queries import verify

log = logging.getLogger(__name__)

COUNT_CAP = 1000
#: Rows per page of a table search unless ``_size`` is given (rendering 50 rows of 25 columns costs more
#: than the search itself).
PAGE_SIZE = 20
TABLE = "documents"


async def matches_over_cap(datasette: Any, query: str, cap: int | None = None) -> bool:
    """True when ``query`` matches more than ``cap`` (default ``COUNT_CAP``) postings (reads ``cap + 1`` at most)."""
    cap = COUNT_CAP if cap is None else cap
    match = fts_query(query)
    if match == MATCH_NOTHING:
        return False
    db = datasette.get_database(pages.database_name(datasette))
    check = f" AND {verify(':q', 'd.current_version_id')}" if needs_check(query) else ""
    result = await db.execute(
        "SELECT count(*) FROM (SELECT documents_fts.rowid FROM documents_fts"
        " JOIN documents d ON d.id = documents_fts.rowid"
        f" WHERE documents_fts MATCH :match{check} LIMIT :limit)", {"match": match, "q": query, "limit": cap + 1})
    return int(result.first()[0]) > cap


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
            if query and "_size" not in dict(args):
                extra.append(("_size", str(PAGE_SIZE)))
            if query and not _wants_everything(args):
                try:
                    over = await matches_over_cap(datasette, query)
                except Exception:  # an unreadable index must not break the page; Datasette reports errors
                    log.exception("counting matches of %r failed", query)
                    over = False
                if over:
                    extra += [("_nocount", "1"), ("_nofacet", "1")]
            if extra:
                scope = {**scope, "query_string": scope["query_string"] + b"&" + urlencode(extra).encode()}
        await app(scope, receive, send)

    return middleware


def filters(request: Any, database: str, table: str, datasette: Any) -> Any:
    """``filters_from_request``: exact matches for long terms, and "超过 1,000 条" when the count was skipped.

    Datasette's own ``_search`` filter asks the index; for a term of three or more characters the index
    can over-match, so this adds the check against the stored text (``archive.search.matches``).
    """
    search = request.args.get("_search")
    if table != TABLE or not search:
        return None

    async def inner() -> Any:
        from datasette.filters import FilterArguments

        where, params, notes = [], {}, []
        if needs_check(search):
            where.append(verify(":ducha_search", f"[{TABLE}].current_version_id"))
            params["ducha_search"] = search
        if request.args.get("_nocount") == "1" and await matches_over_cap(datasette, search):
            notes.append(f"超过 {COUNT_CAP:,} 条（未计总数与分面）more than {COUNT_CAP:,} matches"
                         " (not counted; no facets)")
        return FilterArguments(where, params=params, human_descriptions=notes)

    return inner
