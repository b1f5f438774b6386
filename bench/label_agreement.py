"""How far two people labelling the same excerpts agree: the ceiling of any reader's measured figures.

    .venv/bin/python bench/label_agreement.py                     # the random sample: 40 rows of each kind
    .venv/bin/python bench/label_agreement.py --sample heldout    # the held-out fifth of status, task count, deadline

``tests/fixtures/ledger_language/second_labels.jsonl`` holds a second, independent labelling of 280 corpus rows
(40 random rows per kind, drawn with a fixed seed from every set but the kept-unread 19 and 20): the second labeller saw
the excerpt, its ``context_year`` and the corpus README's written conventions, never the first labels, the readers or
their output, and marked each row ``confident`` or not.  Per kind this prints how many rows the two labellings agree
on (in the readers' form, ``expected``), overall and on the rows the second labeller was confident of, with the 95 %
Wilson interval.  Where they disagree, the row is listed by id only when ``--ids`` is given.
``second_labels_heldout.jsonl`` holds a second labelling, the same way, of every held-out row of status, task count
and deadline the random sample did not hold (421 rows; the sets kept unread left out).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from ledger_language import wilson

from archive.ledger.language import CORPUS, KINDS, expected, load

SAMPLES = {"random": CORPUS / "second_labels.jsonl", "heldout": CORPUS / "second_labels_heldout.jsonl"}


def agreement(sample: str = "random") -> dict[str, dict[str, list[str]]]:
    """Per kind: the ids of the rows both labellings agree on, those they do not, and the not-confident ones."""
    first = {r["id"]: r for kind in KINDS for r in load(kind)}
    out: dict[str, dict[str, list[str]]] = {k: {"agree": [], "differ": [], "unsure": []} for k in KINDS}
    for line in SAMPLES[sample].read_text(encoding="utf-8").splitlines():
        second = json.loads(line)
        row = first[second["id"]]
        tally = out[row["kind"]]
        tally["agree" if expected(row) == expected(second) else "differ"].append(row["id"])
        if not second.get("confident", True):
            tally["unsure"].append(row["id"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", action="store_true", help="list the ids of the rows the labellings differ on")
    parser.add_argument("--sample", choices=sorted(SAMPLES), default="random", help="which second labelling")
    args = parser.parse_args()
    print(f"{'kind':<12} {'rows':>4} {'agree':>5} {'rate':>6}  {'95% interval':>12}  {'confident: agree/rows':>21}")
    totals = [0, 0, 0, 0]
    for kind, tally in agreement(args.sample).items():
        rows = len(tally["agree"]) + len(tally["differ"])
        if not rows:
            continue
        sure = [i for i in tally["agree"] + tally["differ"] if i not in tally["unsure"]]
        sure_agree = sum(1 for i in sure if i in tally["agree"])
        totals = [a + b for a, b in zip(totals, (rows, len(tally["agree"]), len(sure), sure_agree), strict=True)]
        low, high = wilson(len(tally["agree"]), rows)
        print(f"{kind:<12} {rows:>4} {len(tally['agree']):>5} {len(tally['agree']) / rows:>6.3f}  {low:.3f}–{high:.3f}"
              f"  {sure_agree:>12}/{len(sure)}")
        if args.ids and tally["differ"]:
            print("    differ: " + ", ".join(tally["differ"]))
    low, high = wilson(totals[1], totals[0])
    print(f"{'all':<12} {totals[0]:>4} {totals[1]:>5} {totals[1] / totals[0]:>6.3f}  {low:.3f}–{high:.3f}"
          f"  {totals[3]:>12}/{totals[2]}")


if __name__ == "__main__":
    main()
