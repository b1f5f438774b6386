"""Leave-one-set-out cross-validation of the status reader's learned fallback on dev rows only (counts only).

Each dev status row (sets kept unread left out) falls in the group of its ``set`` field; rows with no set fall in
five groups by a hash of their id.  For each group the grammar is scored as it is, and the grammar with the learned
fallback (``archive.ledger.status_learned``) trained on the other groups' rows: the model speaks only where the grammar
reads nothing, and only when its most probable class is not ``other`` and its probability reaches the threshold.
The grammar was written with every dev row read, so its figure here is in-sample; the model's is out of sample.

``--threshold`` picks the line printed per fold; the pooled lines run over a grid of thresholds; ``--nested`` also
chooses each fold's threshold by an inner leave-one-set-out run on the other groups (slow: one model per inner fold).
``--model lr`` uses the logistic regression of ``status_learned_lr``; ``--temper`` and ``--silent-prior`` tune the
naive Bayes (see ``status_learned_model``).  Round r61a's figures: the corpus README, "The round on set 61 (r61a)".
Deterministic: no randomness.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ledger_language import KEPT_UNREAD
from status_learned_lr import LR
from status_learned_model import Model, guess

from archive.ledger.language import expected, load
from archive.ledger.status import status_class

KIND = "nb"
TEMPER = 1.0
SILENT_PRIOR = False
GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999)
Counts = tuple[int, int, int]


def group_of(row: dict) -> str:
    """The CV group of a row: its set, or one of five id-hash groups for rows with no set."""
    if row.get("set"):
        return str(row["set"])
    return f"noset-{int(hashlib.sha256(row['id'].encode()).hexdigest(), 16) % 5}"


def counts(pairs: list[tuple[object, object]]) -> Counts:
    """TP / FP / FN of ``(wanted, read)`` pairs, as ``archive.ledger.language.score`` counts them."""
    tp = fp = fn = 0
    for want, got in pairs:
        if got == want:
            tp += want is not None
            continue
        fp += got is not None
        fn += want is not None
    return tp, fp, fn


def pr(c: Counts) -> str:
    tp, fp, fn = c
    return f"{tp}/{fp}/{fn} P {tp / (tp + fp) if tp + fp else 1:.3f} R {tp / (tp + fn) if tp + fn else 1:.3f}"


def fold_readings(rows: list[dict], grammar: dict[str, object], groups: dict[str, list[dict]],
                  train_on: Callable[[dict], bool]) -> dict[str, tuple[str, float]]:
    """Each row's out-of-fold model guess (class, probability), trained on the other groups' rows."""
    out: dict[str, tuple[str, float]] = {}
    for name, members in groups.items():
        pairs = [(r["text"], r["status"]) for r in rows if group_of(r) != name and train_on(r)]
        model = LR(pairs) if KIND == "lr" else Model.train(pairs)
        if KIND == "nb":
            model.temper = TEMPER
            if SILENT_PRIOR:  # the classes as often as among the rows the grammar reads nothing in (label shift)
                silent = [r["status"] for r in rows if group_of(r) != name and grammar[r["id"]] is None]
                model.set_prior({k: silent.count(k) + 1 for k in model.rows})
        for r in members:
            if grammar[r["id"]] is None:
                out[r["id"]] = guess(model, r["text"])
    return out


def combined(row: dict, grammar: dict[str, object], guesses: dict[str, tuple[str, float]], t: float) -> object:
    read = grammar[row["id"]]
    if read is None and row["id"] in guesses:
        label, p = guesses[row["id"]]
        if label != "other" and p >= t:
            return label
    return read


def choose(rows: list[dict], grammar: dict[str, object], guesses: dict[str, tuple[str, float]]) -> float:
    """The lowest threshold of the grid whose pooled precision stays within 0.01 of the grammar's alone."""
    base = counts([(expected(r), grammar[r["id"]]) for r in rows])
    floor = base[0] / (base[0] + base[1]) - 0.01
    for t in GRID:
        tp, fp, _ = counts([(expected(r), combined(r, grammar, guesses, t)) for r in rows])
        if tp / (tp + fp) >= floor:
            return t
    return 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threshold", type=float, default=0.9)
    parser.add_argument("--train", choices=("all", "silent"), default="all",
                        help="train on all rows of the other groups, or only on those the grammar reads nothing in")
    parser.add_argument("--nested", action="store_true")
    parser.add_argument("--model", choices=("nb", "lr"), default="nb")
    parser.add_argument("--temper", type=float, default=1.0)
    parser.add_argument("--silent-prior", action="store_true")
    args = parser.parse_args()
    global KIND, TEMPER, SILENT_PRIOR
    KIND, TEMPER, SILENT_PRIOR = args.model, args.temper, args.silent_prior
    rows = [r for r in load("status", split="dev") if r.get("set") not in KEPT_UNREAD]
    grammar = {r["id"]: (None if (s := status_class(r["text"])) == "other" else s) for r in rows}
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(group_of(r), []).append(r)
    train_on: Callable[[dict], bool] = (lambda r: True) if args.train == "all" else (lambda r: grammar[r["id"]] is None)
    guesses = fold_readings(rows, grammar, groups, train_on)
    print(f"{len(rows)} dev status rows in {len(groups)} groups; training on {args.train} rows of the other groups")
    print(f"group        rows  grammar TP/FP/FN  +model TP/FP/FN  (threshold {args.threshold})")
    for name in sorted(groups, key=lambda g: (len(g), g)):
        members = groups[name]
        g = counts([(expected(r), grammar[r["id"]]) for r in members])
        m = counts([(expected(r), combined(r, grammar, guesses, args.threshold)) for r in members])
        print(f"{name:<12} {len(members):>4}  {'/'.join(map(str, g)):>16}  {'/'.join(map(str, m)):>15}")
    print(f"pooled grammar alone: {pr(counts([(expected(r), grammar[r['id']]) for r in rows]))}")
    for t in GRID:
        print(f"pooled +model t={t:<5}: {pr(counts([(expected(r), combined(r, grammar, guesses, t)) for r in rows]))}")
    if args.nested:
        pairs = []
        for name, members in sorted(groups.items()):
            inner_rows = [r for r in rows if group_of(r) != name]
            inner_groups = {k: v for k, v in groups.items() if k != name}
            t = choose(inner_rows, grammar, fold_readings(inner_rows, grammar, inner_groups, train_on))
            print(f"nested {name}: threshold {t}")
            pairs += [(expected(r), combined(r, grammar, guesses, t)) for r in members]
        print(f"pooled +model, nested thresholds: {pr(counts(pairs))}")


if __name__ == "__main__":
    main()
