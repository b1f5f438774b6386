"""The ledger's readers held to the figures they reach on real government language (issue 21)."""
from __future__ import annotations

import hashlib

import pytest

from archive.ledger.language import KINDS, READERS, expected, load, score
from crawler.extraction.info import info_block

ALL_READERS = {**READERS, "info_block": lambda row: info_block(row["text"]).value()}
#: (precision, recall) floors, measured 2026-12-06 on 653 rows (bench/ledger_language.py) after fresh set 4's forms were
#: fixed (a mirror's inline pinyin taken out where text enters each reader, times listed for past batches are no
#: deadline; set 4 is seen now).  Still unread: one held-out feedback row whose excerpt states only the day (14日上午,
#: 督查组…反馈): the month is on the page around it, not in the excerpt, so the reader rightly returns nothing.
DEV_FLOOR: dict[str, tuple[float, float]] = {}
#: citation, inspection and info block count sets 5 and 6 too (their forms fixed 2026-12-06, see below): the whole
#: corpus then holds one held-out citation miss and one FP / two FN inspection rows held out of set 6
WHOLE_FLOOR = {"feedback": (1.0, 0.95), "citation": (1.0, 0.97), "inspection": (0.99, 0.98)}
#: the held-out fifth is small (3–19 positives per reader): its floor is 0.75, feedback's (7 positives) 0.8 / 0.7
HELDOUT_FLOOR = {"feedback": (0.8, 0.7)}
#: Fresh sets 5 (harvest 10, 252 rows) and 6 (harvest 11, 240 rows) are the unseen measures: their rows are left out of
#: the floors above (which keep the figures measured before set 5), and each set is held to what the readers reached on
#: it when first measured (2026-12-06, once, no fix after; corpus README "Fresh set 5" / "Fresh set 6").  When a set's
#: forms are fixed, the set becomes seen: drop it from UNSEEN_FLOOR.  Per kind: a set is unseen for the kinds its
#: entry still lists.  Citation, inspection and info-block forms of sets 5 and 6 were fixed (corpus README "After sets
#: 5 and 6 (info blocks, citations, inspections)"): for those three kinds both sets count in the floors above.
UNSEEN_FLOOR = {
    "fresh5": {"feedback": (1.0, 0.88), "task_count": (0.92, 0.66), "deadline": (1.0, 0.95), "status": (0.87, 0.66)},
    "fresh6": {"feedback": (0.94, 1.0), "task_count": (0.85, 0.5), "deadline": (0.75, 0.88), "status": (0.66, 0.58)},
}
UNSEEN = [(fresh, kind) for fresh, floors in sorted(UNSEEN_FLOOR.items()) for kind in KINDS if kind in floors]


def _seen(rows: list[dict], kind: str) -> list[dict]:
    """Rows of the sets the readers were written or fixed against (a set unseen for ``kind`` has its own floor)."""
    return [r for r in rows if kind not in UNSEEN_FLOOR.get(r.get("set") or "", {})]


def _counts(s) -> str:
    """A score's counts only: a failure message never shows which held-out rows were missed."""
    return f"rows={s.rows} tp={s.tp} fp={s.fp} fn={s.fn}"


@pytest.mark.parametrize("kind", KINDS)
def test_reader_holds_its_figures(kind):
    reader = ALL_READERS[kind]
    dev, whole, held = (score(_seen(load(kind, split=s), kind), reader) for s in ("dev", None, "heldout"))
    p, r = DEV_FLOOR.get(kind, (1.0, 1.0))
    assert dev.precision >= p and dev.recall >= r, dev.misses
    p, r = WHOLE_FLOOR.get(kind, (1.0, 1.0))
    whole_ok = whole.precision >= p and whole.recall >= r  # computed outside the assert: no row ids in its report
    assert whole_ok, _counts(whole)
    p, r = HELDOUT_FLOOR.get(kind, (0.75, 0.75))
    held_ok = held.precision >= p and held.recall >= r
    assert held_ok, _counts(held)


@pytest.mark.parametrize("kind", KINDS)
def test_corpus_rows_are_sourced_labelled_and_split_by_their_id(kind):
    rows = load(kind)
    assert rows and len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["source_url"].startswith(("http://", "https://")) and row["text"].strip()
        expected(row)  # every row carries the labels of its kind
        held = int(hashlib.sha1(row["id"].encode()).hexdigest(), 16) % 5 == 0
        assert row["split"] == ("heldout" if held else "dev")


@pytest.mark.parametrize(("fresh", "kind"), UNSEEN)
def test_unseen_set_holds_its_first_measure(fresh, kind):
    rows = [r for r in load(kind) if r.get("set") == fresh]
    assert rows  # every kind has rows in each unseen set
    s = score(rows, ALL_READERS[kind])
    p, r = UNSEEN_FLOOR[fresh][kind]
    ok = s.precision >= p and s.recall >= r  # counts only: the set's held-out rows stay unnamed
    assert ok, _counts(s)
