"""Precision and recall of the ledger's readers on real government language.

    .venv/bin/python bench/ledger_language.py              # dev, held-out and whole corpus, per reader
    .venv/bin/python bench/ledger_language.py --misses     # also the rows each reader gets wrong (dev only)
    .venv/bin/python bench/ledger_language.py --show dev   # print the dev rows (never the held-out ones)
    .venv/bin/python bench/ledger_language.py --set fresh3 # only the rows of one fresh set (``"set"`` field)
    .venv/bin/python bench/ledger_language.py --set fresh8 --split heldout  # one split of one set: counts only
    .venv/bin/python bench/ledger_language.py --set fresh26 --set fresh27  # several sets pooled
    .venv/bin/python bench/ledger_language.py --with-unread  # the whole corpus, kept-unread sets counted too

The corpus is ``tests/fixtures/ledger_language`` (labelled excerpts of public pages, see its README);
the detail-page info-block reader is the crawler's ``info_block``.  Sets kept unread (``KEPT_UNREAD``, the blind
measure of the readers after the last round) are left out of every line, ``--misses`` and ``--show``: score them
with ``--set`` (or count them in with ``--with-unread``), counts only.
Each line ends with the 95 % Wilson intervals of its precision and recall: a held-out or blind line counts tens of rows.
"""
from __future__ import annotations

import argparse
import json
import math

from archive.ledger.language import KINDS, READERS, Reader, Score, load, score
from crawler.extraction.info import info_block

#: fresh sets no reader round reads, dev rows included (sets 13–62 were, each until its blind measure; README
#: "Fresh set 13" … "Sets 62 and 63 measured blind after the rounds on set 61"; the rounds on them read their dev
#: rows): set 63 (harvest 68), measured blind after the rounds on set 61, kept unread, the blind measure of the next
#: round (set 62's dev rows are released for the round on it)
KEPT_UNREAD: set[str] = {"fresh63"}


def _readable(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r.get("set") not in KEPT_UNREAD]


def wilson(hits: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson interval of a proportion ``hits / total`` ((0, 1) when there is nothing to count).

    Held-out and blind lines count tens of rows: 27 of 29 read right is 0.931, but anything from 0.78 to 0.98 fits it.
    """
    if total == 0:
        return 0.0, 1.0
    p = hits / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    spread = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - spread), min(1.0, centre + spread)


def miss_shape(s: Score) -> tuple[int, int, int]:
    """A line's misses by what a user would meet: a wrong value (one stated, another read), a value invented where the
    text states none, and a silence (a stated value read as nothing, which the ledger lists among what it could not
    read).  Counts only, so held-out lines may show them."""
    wrong = sum(1 for _, want, got in s.misses if want is not None and got is not None)
    invented = sum(1 for _, want, got in s.misses if want is None)
    return wrong, invented, len(s.misses) - wrong - invented


def readers() -> dict[str, Reader]:
    """Every reader measured, by corpus kind."""
    return {**READERS, "info_block": lambda row: info_block(row["text"]).value()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the dev rows each reader gets wrong")
    parser.add_argument("--show", choices=["dev"], help="print the rows of this split as JSON lines")
    parser.add_argument("--set", dest="fresh", action="append",
                        help="score only the rows of this fresh set (their \"set\" field); repeat to pool sets")
    parser.add_argument("--split", choices=["dev", "heldout", "all"],
                        help="score only this split (counts only; --misses still lists dev rows)")
    parser.add_argument("--shape", action="store_true",
                        help="split each line's misses into wrong values, values where none is stated, and silences")
    parser.add_argument("--with-unread", action="store_true",
                        help="count the sets kept unread too (counts only: the whole corpus, for the lead)")
    args = parser.parse_args()
    splits: tuple[str | None, ...] = ("dev", "heldout", None) if not args.split else (
        None if args.split == "all" else args.split,)
    if args.show:
        for kind in KINDS:
            for row in _readable(load(kind, split=args.show)):
                print(json.dumps(row, ensure_ascii=False))
        return
    print(f"{'reader':<12} {'split':<8} {'rows':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6}"
          f"  {'P 95% interval':>14}  {'R 95% interval':>14}" + ("  wrong invented silent" if args.shape else ""))
    for kind, reader in readers().items():
        for split in splits:
            rows = load(kind, split=split)
            if args.fresh:
                rows = [r for r in rows if r.get("set") in args.fresh]
            elif not args.with_unread:
                rows = _readable(rows)  # a helper's regression check must not count rows it may not read
            s = score(rows, reader)
            p_low, p_high = wilson(s.tp, s.tp + s.fp)
            r_low, r_high = wilson(s.tp, s.tp + s.fn)
            print(f"{kind:<12} {split or 'all':<8} {s.rows:>5} {s.tp:>4} {s.fp:>4} {s.fn:>4}"
                  f" {s.precision:>6.3f} {s.recall:>6.3f}  {p_low:.3f}–{p_high:.3f}  {r_low:.3f}–{r_high:.3f}"
                  + ("  {:>5} {:>8} {:>6}".format(*miss_shape(s)) if args.shape else ""))
        if args.misses:
            for rid, want, got in score(_readable(load(kind, split="dev")), reader).misses:
                print(f"    miss {rid}: expected {want!r}, read {got!r}")
    if not args.fresh and not args.with_unread and KEPT_UNREAD:
        print(f"(sets kept unread left out of every line: {', '.join(sorted(KEPT_UNREAD))}; --set or --with-unread)")


if __name__ == "__main__":
    main()
