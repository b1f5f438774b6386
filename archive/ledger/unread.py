"""What the ledger's readers could not read, listed for a person to read: a plan whose inspection no reader named
(``plans.inspection_id`` null), a task's deadline cell no reader gave a day or a kind (``deadline_kind`` unknown), a
progress report's status cell no reader classed (``status`` other) and a 验收销号 公示 tied to no task (no task number
read, no task's words matched, no plan it cites missing: not an orphan).

The readers return ``unknown`` rather than guess (``archive.ledger.deadlines``, ``archive.ledger.status``), and on real
government language they still miss wordings (``tests/fixtures/ledger_language``: status recall about 0.8 on pages no
rule was written from).  A missed deadline silently keeps a task off the overdue list, a missed 已完成 off the
"reported done without a close-out" list and a missed citation leaves a closed task open (and overdue); listed here,
each can be checked by hand against the posting it came from.
A cell holding no letter, digit or Han character (—, blank) says nothing and is not listed.

``unread_wordings(views, closeouts)`` reads ``archive.ledger.view.plan_views`` (the report and the pages) and
``unlinked_closeouts``; ``LEDGER_UNREAD`` (``archive.web.ledger_meta``) is the same list as a Datasette query.
"""
from __future__ import annotations

import re
import sqlite3
from typing import Any

from archive.ledger.closeouts import POSTED_SQL, has_tables

#: a cell that says something: a letter, a digit or a Han character (SQL: ``SAYS_SOMETHING_GLOB``)
_SAYS_SOMETHING = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")
SAYS_SOMETHING_GLOB = "*[0-9A-Za-z一-鿿]*"


def says_something(text: str | None) -> bool:
    """Whether a cell holds words (not only dashes, blanks or punctuation)."""
    return bool(text and _SAYS_SOMETHING.search(text))


def unlinked_closeouts_sql(as_of: str) -> str:
    """SQL of the close-outs tied to no task by ``as_of`` (an SQL expression): region (the one the ledger matched the
    notice against, else its site's), 'closeout', NULL, title, posted, url, document id, NULL, NULL; ``:region`` a
    prefix or ''.  Only notices the ledger has read (``ledger_notices``)."""
    return (f"SELECT coalesce(n.region, s.region) AS region, 'closeout' AS kind, 2 AS kind_order, NULL AS number,"
            f" d.title AS words, {POSTED_SQL} AS posted, d.url AS posted_in, d.id AS document_link,"
            " NULL AS plan_title, NULL AS plan_id"
            " FROM documents d JOIN ledger_notices n ON n.document_id = d.id LEFT JOIN sites s ON s.id = d.site_id"
            " WHERE d.doc_type = 'acceptance_notice'"
            " AND NOT EXISTS (SELECT 1 FROM task_links l WHERE l.document_id = d.id)"
            " AND NOT EXISTS (SELECT 1 FROM orphan_closeouts o WHERE o.document_id = d.id)"
            f" AND {POSTED_SQL} <= {as_of}"
            " AND (:region = '' OR coalesce(n.region, s.region) LIKE :region || '%')")


def unlinked_closeouts(conn: sqlite3.Connection, *, as_of: str, region: str | None = None) -> list[dict[str, Any]]:
    """The close-outs tied to no task, posted by ``as_of`` (``region`` a prefix), by region, date and URL."""
    if not has_tables(conn, "ledger_notices"):
        return []
    rows = conn.execute(unlinked_closeouts_sql(":as_of") + " ORDER BY region, posted, posted_in",
                        {"as_of": as_of, "region": (region or "").strip()}).fetchall()
    return [{"kind": "closeout", "region": r[0], "plan_url": None, "plan_title": None, "number": None,
             "words": r[4], "posted": r[5], "posted_in": r[6], "document_id": r[7]} for r in rows]


def unread_wordings(views: list[dict[str, Any]], closeouts: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Per plan and task (in the views' order): ``{"kind": "inspection" | "deadline" | "status", "region", "plan_url",
    "plan_title", "number", "words", "posted", "posted_in", "document_id"}`` — the words no reader read and the posting
    they are in
    (the plan for its inspection, its title as the words, and for a deadline; the progress report for a status); then
    ``closeouts`` (``unlinked_closeouts``: kind ``closeout``, the notice's title as its words)."""
    out: list[dict[str, Any]] = []
    for plan in views:
        where = {"region": plan["region"], "plan_url": plan["url"], "plan_title": plan["title"]}
        if plan["inspection"]["level"] is None:  # no naming read: no feedback, no lag, no link to its 督察反馈
            out.append({"kind": "inspection", **where, "number": None, "words": plan["title"],
                        "posted": plan["published"], "posted_in": plan["url"], "document_id": plan["document_id"]})
        for task in plan["tasks"]:
            if task["deadline_kind"] in (None, "unknown") and says_something(task["deadline_text"]):
                out.append({"kind": "deadline", **where, "number": task["number"], "words": task["deadline_text"],
                            "posted": plan["published"], "posted_in": plan["url"], "document_id": plan["document_id"]})
            out += [{"kind": "status", **where, "number": task["number"], "words": report["status_text"],
                     "posted": report["posted"], "posted_in": report["url"], "document_id": report["document_id"]}
                    for report in task["progress"] if report["status"] == "other" and says_something(report["status_text"])]
    return out + list(closeouts or [])
