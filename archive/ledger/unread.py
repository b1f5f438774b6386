"""What the ledger's readers could not read, listed for a person to read: a task's deadline cell no reader gave a day
or a kind (``deadline_kind`` unknown) and a progress report's status cell no reader classed (``status`` other).

The readers return ``unknown`` rather than guess (``archive.ledger.deadlines``, ``archive.ledger.status``), and on real
government language they still miss wordings (``tests/fixtures/ledger_language``: status recall about 0.8 on pages no
rule was written from).  A missed deadline silently keeps a task off the overdue list and a missed 已完成 off the
"reported done without a close-out" list; listed here, each can be checked by hand against the posting it came from.
A cell holding no letter, digit or Han character (—, blank) says nothing and is not listed.

``unread_wordings(views)`` reads ``archive.ledger.view.plan_views`` (the report and the pages); ``LEDGER_UNREAD``
(``archive.web.ledger_meta``) is the same list as a Datasette query.
"""
from __future__ import annotations

import re
from typing import Any

#: a cell that says something: a letter, a digit or a Han character (SQL: ``SAYS_SOMETHING_GLOB``)
_SAYS_SOMETHING = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")
SAYS_SOMETHING_GLOB = "*[0-9A-Za-z一-鿿]*"


def says_something(text: str | None) -> bool:
    """Whether a cell holds words (not only dashes, blanks or punctuation)."""
    return bool(text and _SAYS_SOMETHING.search(text))


def unread_wordings(views: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per plan and task (in the views' order): ``{"kind": "deadline" | "status", "region", "plan_url",
    "plan_title", "number", "words", "posted", "posted_in"}`` — the words no reader read and where they were posted
    (the plan for a deadline, the progress report for a status)."""
    out: list[dict[str, Any]] = []
    for plan in views:
        where = {"region": plan["region"], "plan_url": plan["url"], "plan_title": plan["title"]}
        for task in plan["tasks"]:
            if task["deadline_kind"] in (None, "unknown") and says_something(task["deadline_text"]):
                out.append({"kind": "deadline", **where, "number": task["number"], "words": task["deadline_text"],
                            "posted": plan["published"], "posted_in": plan["url"]})
            out += [{"kind": "status", **where, "number": task["number"], "words": report["status_text"],
                     "posted": report["posted"], "posted_in": report["url"]}
                    for report in task["progress"] if report["status"] == "other" and says_something(report["status_text"])]
    return out
