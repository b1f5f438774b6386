"""What the readers got wrong when a seen set was new: its dev rows read by the code of the commit that added it.

    .venv/bin/python bench/first_sight.py --set fresh24 --set fresh25            # per reader: then and now, counts
    .venv/bin/python bench/first_sight.py --set fresh24 --kind status --rows      # the dev rows missed then
    .venv/bin/python bench/first_sight.py --pooled --set fresh22 … --set fresh34  # every row, pooled, counts only
    .venv/bin/python bench/first_sight.py --trend --kind status --set fresh10 … --set fresh34  # per set, counts only

A fresh set is labelled and committed before any reader runs on it, so the code of the commit that first holds its
rows is the readers as they met it: their misses there are what unseen language looked like, the sample a precision
or recall audit should start from (the rounds since have fixed most of them, which ``--misses`` no longer shows).
Only dev rows of sets that are not kept unread (``KEPT_UNREAD`` in ``ledger_language.py``) are ever printed.
``--pooled`` scores every row of each set (dev and held-out, kept-unread sets too: counts only) with the code that
first met it and sums the sets per reader, with 95 % Wilson intervals: the readers' figure on unseen language.
``--trend`` gives the same first-sight counts set by set, in the order named, and the earlier and later half pooled:
whether the rounds between sets made the next unseen set read better (a grammar converging on the language) or not.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind_delta import REPO, _counts, _tree_of, values_at
from ledger_language import KEPT_UNREAD, wilson

from archive.ledger.language import KINDS, expected, load


def first_commit(name: str) -> str:
    """The commit that first added rows of the set ``name`` to the corpus."""
    found = subprocess.run(["git", "-C", str(REPO), "log", "-S", f'"set": "{name}"', "--format=%h", "--reverse",
                            "--", "tests/fixtures/ledger_language/"], check=True, capture_output=True, text=True)
    commits = found.stdout.split()
    if not commits:
        raise SystemExit(f"no commit adds rows of {name}")
    return commits[0]


def per_set(sets: list[str], kinds: list[str]) -> dict[str, dict[str, tuple[int, int, int]]]:
    """Per set and reader, TP / FP / FN over every row of the set as the code that first met it read it."""
    counts: dict[str, dict[str, tuple[int, int, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in sets:
            commit = first_commit(name)
            then = values_at(_tree_of(commit, Path(tmp) / commit), [name])
            counts[name] = {kind: _counts([r for r in load(kind) if r.get("set") == name], then) for kind in kinds}
    return counts


def _line(label: str, tp: int, fp: int, fn: int) -> str:
    p, r = (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)
    (plo, phi), (rlo, rhi) = wilson(tp, tp + fp), wilson(tp, tp + fn)
    return f"{label:<12} {f'{tp}/{fp}/{fn}':>12}  {p:.3f} {plo:.2f}–{phi:.2f}  {r:.3f} {rlo:.2f}–{rhi:.2f}"


def _summed(counts: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    return tp, fp, fn


def _header(label: str) -> str:
    return f"{label:<12} {'TP/FP/FN':>12}  {'P':>5} {'P 95%':>11}  {'R':>5} {'R 95%':>11}"


def pooled(sets: list[str], kinds: list[str]) -> None:
    """Per reader, TP / FP / FN over every row of ``sets`` as the code that first met each set read it."""
    counts = per_set(sets, kinds)
    print(f"{len(sets)} sets at first sight: {', '.join(sets)}")
    print(_header("reader"))
    for kind in kinds:
        print(_line(kind, *_summed([counts[name][kind] for name in sets])))


def trend(sets: list[str], kinds: list[str]) -> None:
    """Per reader, the first-sight counts set by set, then the earlier and the later half of the sets pooled."""
    counts = per_set(sets, kinds)
    half = len(sets) // 2
    for kind in kinds:
        print(kind)
        print(_header("set"))
        for name in sets:
            print(_line(name, *counts[name][kind]))
        for label, part in ((f"first {half}", sets[:half]), (f"last {len(sets) - half}", sets[half:])):
            print(_line(label, *_summed([counts[name][kind] for name in part])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", required=True, help="a seen fresh set (repeatable)")
    parser.add_argument("--kind", choices=KINDS, help="only this reader")
    parser.add_argument("--rows", action="store_true", help="print the dev rows read wrong then, as JSON lines")
    parser.add_argument("--pooled", action="store_true", help="every row of the sets at first sight, summed (counts)")
    parser.add_argument("--trend", action="store_true",
                        help="every row at first sight, set by set in the order named, and each half pooled (counts)")
    args = parser.parse_args()
    if args.pooled or args.trend:
        (trend if args.trend else pooled)(args.sets, [args.kind] if args.kind else list(KINDS))
        return
    unread = sorted(set(args.sets) & KEPT_UNREAD)
    if unread:
        raise SystemExit(f"kept unread, never listed here: {', '.join(unread)}")
    kinds = [args.kind] if args.kind else list(KINDS)
    now = values_at(REPO, args.sets)
    print(f"{'reader':<12} {'set':<8} {'at':<8} {'dev':>4}  {'then TP/FP/FN':>13}  {'now TP/FP/FN':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            commit = first_commit(name)
            then = values_at(_tree_of(commit, Path(tmp) / commit), [name])
            for kind in kinds:
                rows = [r for r in load(kind, split="dev") if r.get("set") == name]
                before, after = ("/".join(map(str, _counts(rows, values))) for values in (then, now))
                print(f"{kind:<12} {name:<8} {commit:<8} {len(rows):>4}  {before:>13}  {after:>12}")
                if args.rows:
                    for row in rows:
                        if then[row["id"]] != expected(row):
                            print(json.dumps({"id": row["id"], "text": row["text"], "expected": expected(row),
                                              "then": then[row["id"]], "now": now[row["id"]]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
