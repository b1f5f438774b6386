"""Would a learned fallback read unseen language better than the grammar alone?  An experiment, not a reader.

    .venv/bin/python bench/learned_fallback.py --blind fresh21 --blind fresh22 --blind fresh23
    .venv/bin/python bench/learned_fallback.py --model logistic --threshold 0.5 --blind fresh31 … --blind fresh34

A naive Bayes classifier over character 1–3-grams (add-one smoothing) is trained on every row of the sets not named
(dev and held-out), one class per labelled value; where the grammar reads nothing, its class is taken when its
posterior is at least ``--threshold`` (fixed beforehand, never tuned on the blind rows).  Per reader it prints the
grammar's TP / FP / FN on the named (kept-unread) sets and the grammar's with the fallback: counts only, no row.
``--model logistic`` trains a softmax regression instead (the same n-grams hashed into 2**15 features, each row's
vector of unit length, L2 1e-4, 400 full-batch Adam steps; numpy): a discriminative model, for the status reader only
(six classes; the other readers' values are too many to be classes).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

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


class Logistic:
    """Softmax regression over hashed ``grams``; the same ``predict`` as ``NaiveBayes``."""

    DIMENSIONS = 1 << 15

    def __init__(self, rows: list[Row], *, steps: int = 400, l2: float = 1e-4, rate: float = 0.05) -> None:
        self.labels = sorted({json.dumps(expected(r), ensure_ascii=False) for r in rows})
        x = self._matrix([r["text"] for r in rows])
        y = np.eye(len(self.labels), dtype=np.float32)[
            [self.labels.index(json.dumps(expected(r), ensure_ascii=False)) for r in rows]]
        self.w = np.zeros((self.DIMENSIONS, len(self.labels)), np.float32)
        self.b = np.zeros(len(self.labels), np.float32)
        moments = [[np.zeros_like(p), np.zeros_like(p)] for p in (self.w, self.b)]
        for step in range(1, steps + 1):
            error = self._posteriors(x) - y
            for param, grad, (m, v) in ((self.w, x.T @ error / len(rows) + l2 * self.w, moments[0]),
                                        (self.b, error.mean(0), moments[1])):
                m *= 0.9
                m += 0.1 * grad
                v *= 0.999
                v += 0.001 * grad * grad
                param -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)

    def _matrix(self, texts: list[str]) -> np.ndarray:
        x = np.zeros((len(texts), self.DIMENSIONS), np.float32)
        for i, text in enumerate(texts):
            hashed = sorted({zlib.crc32(g.encode()) % self.DIMENSIONS for g in grams(text)})
            x[i, hashed] = 1 / math.sqrt(max(1, len(hashed)))
        return x

    def _posteriors(self, x: np.ndarray) -> np.ndarray:
        z = x @ self.w + self.b
        z = np.exp(z - z.max(1, keepdims=True))
        return z / z.sum(1, keepdims=True)

    def predict(self, text: str) -> tuple[Any, float]:
        """The likeliest value and its posterior."""
        posterior = self._posteriors(self._matrix([text]))[0]
        value = json.loads(self.labels[int(posterior.argmax())])
        return (tuple(value) if isinstance(value, list) else value), float(posterior.max())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blind", action="append", required=True, help="a kept-unread set to measure on (repeatable)")
    parser.add_argument("--threshold", type=float, default=0.99, help="the fallback's least posterior")
    parser.add_argument("--model", choices=["bayes", "logistic"], default="bayes",
                        help="naive Bayes (every reader) or softmax regression (status only)")
    args = parser.parse_args()
    print(f"{'reader':<12} {'rows':>5}  {'grammar TP/FP/FN':>16}  {'+ fallback TP/FP/FN':>19}")
    for kind, reader in readers().items():
        if args.model == "logistic" and kind != "status":
            continue
        rows = load(kind)
        blind = [r for r in rows if r.get("set") in args.blind]
        trained = [r for r in rows if r.get("set") not in args.blind]
        model: NaiveBayes | Logistic = Logistic(trained) if args.model == "logistic" else NaiveBayes(trained)

        def with_fallback(row: Row, reader: Any = reader, model: NaiveBayes | Logistic = model) -> Any:
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
