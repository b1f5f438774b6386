"""Regenerate ``docs/screenshots/*.png``: ``.venv/bin/python tests/web/screenshots.py [--db PATH] [--out DIR]``.

Without ``--db`` the synthetic archive is built in a temporary folder (the pictures in the README);
with ``--db`` any archive is served as is, e.g. the demo's, and its most recent change is pictured.
The ledger pictures need plans: ``--db archive.db --only ledger-plan.png,ledger-scorecard.png`` on the demo's.
"""
from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.web.browser import REPO, screenshot, serve
from tests.web.corpus import build_corpus

log = logging.getLogger(__name__)
OUT = REPO / "docs" / "screenshots"
XIAOHAO = "%E9%94%80%E5%8F%B7"  # 销号, URL-encoded
TALL = {"document.png", "diff.png"}
#: Phone-width pictures (390 px wide, as the phone-width browser test checks).
PHONE = {"document-phone.png", "diff-phone.png", "removed-phone.png"}
LEDGER = {"ledger-plan.png", "ledger-scorecard.png"}


def _latest_change(db: Path, *, document_id: int | None = None) -> tuple[int, int | None] | None:
    """``(document_id, version_id)`` of the latest change (of the body if any), else ``(newest posting, None)``."""
    only = " AND document_id = ?" if document_id is not None else ""
    params = [document_id] if document_id is not None else []
    with sqlite3.connect(db) as conn:
        for extra in (""" AND detail LIKE '%"body"%'""", ""):
            row = conn.execute("SELECT document_id, version_id FROM events WHERE kind = 'changed'"
                               " AND version_id IS NOT NULL" + extra + only + " ORDER BY at DESC, id DESC LIMIT 1",
                               params).fetchone()
            if row:
                return row[0], row[1]
        row = conn.execute("SELECT id FROM documents ORDER BY first_seen_at DESC, id DESC LIMIT 1").fetchone()
    return (row[0], None) if row else None


def pages(db: Path, *, ids: dict[str, int] | None = None) -> dict[str, str]:
    """Screenshot name → path: home, searches, a changed posting with its side-by-side diff (and the XSS page)."""
    database = db.stem
    found = {
        "home.png": "/",
        "search.png": f"/{database}/search?q={XIAOHAO}",
        "table-search.png": f"/{database}/documents?_search={XIAOHAO}",
        "latest.png": f"/{database}/latest",
        "removed.png": f"/{database}/removed",
        "removed-phone.png": f"/{database}/removed",
        "backdating.png": f"/{database}/backdating",
        "timeliness.png": "/-/ducha/timeliness",
    }
    changed = _latest_change(db, document_id=ids["plan"] if ids else None)
    if changed:
        document_id, version_id = changed
        found["document.png"] = found["document-phone.png"] = f"/-/ducha/document/{document_id}"
        if version_id is not None:
            found["diff.png"] = found["diff-phone.png"] = f"/-/ducha/document/{document_id}/diff/{version_id}"
    if ids and "xss" in ids:
        found["document-xss.png"] = f"/-/ducha/document/{ids['xss']}"
    return found


def _ledger_plan(db: Path) -> int | None:
    """The posting id of the plan that shows the most: tasks with reported progress first (when the archive
    has ``task_progress``), then most statuses and close-outs, then most tasks."""
    with sqlite3.connect(db) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'plans'").fetchone():
            return None
        progress = ("(SELECT count(DISTINCT tp.task_id) FROM task_progress tp JOIN tasks t2 ON t2.id = tp.task_id"
                    " WHERE t2.plan_id = p.id)" if conn.execute(
                        "SELECT 1 FROM sqlite_master WHERE name = 'task_progress'").fetchone() else "0")
        row = conn.execute(
            "SELECT p.document_id FROM plans p JOIN tasks t ON t.plan_id = p.id"
            " LEFT JOIN task_links l ON l.task_id = t.id AND l.kind = 'closure' AND l.status = 'confirmed'"
            f" GROUP BY p.id ORDER BY min({progress}, 4) + count(DISTINCT t.deadline_kind)"
            " + count(DISTINCT l.document_id) DESC, count(DISTINCT t.id) DESC, p.document_id LIMIT 1").fetchone()
    return row[0] if row else None


def ledger_pages(db: Path) -> dict[str, str]:
    """Screenshot name → path of the ledger pages (a plan, the scorecard), when the archive has plans."""
    plan = _ledger_plan(db)
    return {} if plan is None else {"ledger-plan.png": f"/-/ducha/ledger/{plan}",
                                    "ledger-scorecard.png": "/-/ducha/ledger/scorecard"}


def capture(db: Path, out: Path, *, ids: dict[str, int] | None = None, only: set[str] | None = None) -> None:
    """Serve ``db`` as ``ducha serve`` does and save each page of :func:`pages` (and :func:`ledger_pages`)
    under ``out``; ``only``: just these names."""
    wanted = {**pages(db, ids=ids), **ledger_pages(db)}
    with serve(db) as url:
        for name, path in wanted.items():
            if only and name not in only:
                continue
            size = ("390,2400" if name in PHONE else "1280,2200" if name in TALL
                    else "1280,1500" if name in LEDGER else "1280,900")
            log.info("%s ← %s", screenshot(url + path, out / name, size=size), path)


def main(argv: list[str] | None = None) -> int:
    """Capture the synthetic archive (default) or the archive given by ``--db``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an archive to picture as is (default: build the synthetic one)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write the PNGs (default: {OUT})")
    parser.add_argument("--only", help="comma-separated names, e.g. ledger-plan.png,ledger-scorecard.png")
    args = parser.parse_args(argv)
    only = {n.strip() for n in args.only.split(",")} if args.only else None
    logging.basicConfig(level=logging.INFO)
    if args.db is not None:
        if not args.db.is_file():
            parser.error(f"no archive at {args.db}: run `ducha demo --no-serve` (or `ducha crawl`) first")
        capture(args.db.resolve(), args.out, only=only)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(Path(tmp) / "archive.db")
        capture(corpus.path, args.out, ids=corpus.ids, only=only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
