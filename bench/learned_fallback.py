"""Would a learned fallback read unseen language better than the grammar alone?  An experiment, not a reader.

    .venv/bin/python bench/learned_fallback.py --blind fresh21 --blind fresh22 --blind fresh23

A naive Bayes classifier over character 1–3-grams (add-one smoothing) is trained on every row of the sets not named
(dev and held-out), one class per labelled value; where the grammar reads nothing, its class is taken when its
posterior is at least ``--threshold`` (fixed beforehand, never tuned on the blind rows).  Per reader it prints the
grammar's TP / FP / FN on the named (kept-unread) sets and the grammar's with the fallback: counts only, no row.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ledger_language import readers

from archive.ledger.language import Row, expected, load, score


def grams(text: str) -> list[str]:
    """Character 1-, 2- and 3-grams of the text, spaces dropped."""
    text = text.replace(" ", "")
    return [text[i:i + n] for n in (1, 2, 3) for i in range(len(text) - n + 1)]


class NaiveBayes:
    """Multinomial naive Bayes over ``grams``; a class is a labelled value in JSON (``null``: nothing to read)."""

    def __init__(self, rows: list[Row]) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.prior: Counter[str] = Counter()
        for row in rows:
            label = json.dumps(expected(row), ensure_ascii=False)
            self.prior[label] += 1
            self.counts[label].update(grams(row["text"]))
        self.vocabulary = len({g for c in self.counts.values() for g in c})
        self.totals = {label: sum(c.values()) for label, c in self.counts.items()}

    def predict(self, text: str) -> tuple[Any, float]:
        """The likeliest value and its posterior."""
        n = sum(self.prior.values())
        logs = {label: math.log(self.prior[label] / n) + sum(
            math.log((self.counts[label][g] + 1) / (self.totals[label] + self.vocabulary)) for g in grams(text))
            for label in self.prior}
        top = max(logs.values())
        best = max(logs, key=lambda label: logs[label])
        value = json.loads(best)
        return (tuple(value) if isinstance(value, list) else value), 1 / sum(math.exp(v - top) for v in logs.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blind", action="append", required=True, help="a kept-unread set to measure on (repeatable)")
    parser.add_argument("--threshold", type=float, default=0.99, help="the fallback's least posterior")
    args = parser.parse_args()
    print(f"{'reader':<12} {'rows':>5}  {'grammar TP/FP/FN':>16}  {'+ fallback TP/FP/FN':>19}")
    for kind, reader in readers().items():
        rows = load(kind)
        blind = [r for r in rows if r.get("set") in args.blind]
        model = NaiveBayes([r for r in rows if r.get("set") not in args.blind])

        def with_fallback(row: Row, reader: Any = reader, model: NaiveBayes = model) -> Any:
            got = reader(row)
            if got is None:
                value, posterior = model.predict(row["text"])
                got = value if posterior >= args.threshold else None
            return got

        alone, both = score(blind, reader), score(blind, with_fallback)
        print(f"{kind:<12} {len(blind):>5}  {f'{alone.tp}/{alone.fp}/{alone.fn}':>16}"
              f"  {f'{both.tp}/{both.fp}/{both.fn}':>19}")


if __name__ == "__main__":
    main()
