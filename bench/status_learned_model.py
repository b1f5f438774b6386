"""The status reader's learned fallback as tried in round r61a: a multinomial naive Bayes over a wording's characters.

Measured only (``bench/status_learned_cv.py``, leave-one-set-out on dev rows) and not wired into the ledger: the
cross-validation showed it buys one or two rows of recall for three to twelve false readings where the grammar is
silent (tests/fixtures/ledger_language/README.md, "The round on set 61 (r61a)").  Kept so the measure can be rerun.

Features: the wording folded as the grammar reads it (simplified script, ASCII digits, closed PDF gaps, no spaces),
each number as ``0``, its character 1-, 2- and 3-grams with the edges marked, and a few grammar-like cues (an aspect
marker, a negation, an aim marker before a verb, the progressive).  ``temper`` below 1 divides the summed
log-likelihood by (features held) ** (1 - temper), which softens naive Bayes's overconfident posteriors.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from archive.ledger.lead_in import closed_gaps
from archive.script_fold import for_reading
from archive.timeliness.dates import fold_digits

CLASSES = ("done", "mostly_done", "on_track", "behind", "ongoing", "other")
#: an n-gram seen fewer times than this in the training rows is left out of the model (size and noise)
MIN_COUNT = 2
_CUES = (("aspect_done", re.compile(r"已(?:经)?")), ("negation", re.compile(r"未|没有|尚未|不到位|无法")),
         ("aim", re.compile(r"(?:将|要|确保|力争|计划|拟)(?=[\u4e00-\u9fff]{1,6}(?:完成|推进|整改|实施))")),
         ("progressive", re.compile(r"正在|正(?=[\u4e00-\u9fff])|仍在|尚在")))


def folded(text: str) -> str:
    """The wording as the model sees it: folded as the grammar reads it, no spaces, every digit ``0``."""
    return re.sub(r"\d+(?:\.\d+)?", "0", re.sub(r"\s+", "", closed_gaps(fold_digits(for_reading(text)[1]))))


@lru_cache(maxsize=4096)
def features(text: str) -> Counter[str]:
    """Character 1–3-grams of the folded wording (edges marked ``^``/``$``) and the grammar-like cues it holds
    (cached: the caller must not change the counter)."""
    s = folded(text)
    out: Counter[str] = Counter(s)
    marked = f"^{s}$"
    for n in (2, 3):
        out.update(marked[i:i + n] for i in range(len(marked) - n + 1))
    out.update(f"#{name}" for name, cue in _CUES if cue.search(s))
    return out


@dataclass
class Model:
    """Counts of a multinomial naive Bayes: rows per class and feature counts per class."""

    rows: dict[str, int]
    counts: dict[str, dict[str, int]]  # feature → {class: count}
    alpha: float = 0.5
    temper: float = 1.0  # 1.0: plain naive Bayes

    @classmethod
    def train(cls, pairs: Iterable[tuple[str, str]], *, min_count: int = MIN_COUNT, alpha: float = 0.5) -> Model:
        """A model from ``(wording, class)`` pairs; features seen fewer than ``min_count`` times are dropped."""
        rows: Counter[str] = Counter()
        by_feature: dict[str, Counter[str]] = {}
        for text, label in pairs:
            rows[label] += 1
            for f, n in features(text).items():
                by_feature.setdefault(f, Counter())[label] += n
        counts = {f: dict(sorted(c.items())) for f, c in sorted(by_feature.items()) if sum(c.values()) >= min_count}
        return cls({k: rows[k] for k in CLASSES if rows[k]}, counts, alpha)

    def __post_init__(self) -> None:
        totals: Counter[str] = Counter()
        for c in self.counts.values():
            totals.update(c)
        size = len(self.counts) + 1
        self._log_denominator = {k: math.log(totals[k] + self.alpha * size) for k in self.rows}
        all_rows = sum(self.rows.values())
        self._log_prior = {k: math.log(n / all_rows) for k, n in self.rows.items()}

    def set_prior(self, rows: dict[str, int]) -> None:
        """Class priors from other row counts (the classes as often as where the model is used)."""
        total = sum(rows.values())
        self._log_prior = {k: math.log(rows[k] / total) for k in self.rows}

    def posterior(self, text: str) -> dict[str, float]:
        """The class probabilities of ``text`` (features the model does not hold are ignored)."""
        like = dict.fromkeys(self._log_prior, 0.0)
        held = 0
        for f, n in features(text).items():
            c = self.counts.get(f)
            if c is None:
                continue
            held += n
            for k in like:
                like[k] += n * (math.log(c.get(k, 0) + self.alpha) - self._log_denominator[k])
        scale = max(1.0, held) ** (1.0 - self.temper) if self.temper < 1.0 else 1.0
        score = {k: self._log_prior[k] + like[k] / scale for k in like}
        top = max(score.values())
        exp = {k: math.exp(v - top) for k, v in score.items()}
        total = sum(exp.values())
        return {k: v / total for k, v in exp.items()}

    def to_json(self) -> str:
        """The model as a deterministic, compact JSON text."""
        return json.dumps({"alpha": self.alpha, "rows": self.rows, "counts": self.counts}, ensure_ascii=False,
                          sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Model:
        """The model written by ``to_json``."""
        data = json.loads(text)
        return cls(data["rows"], data["counts"], data["alpha"])


def guess(model: Model, text: str) -> tuple[str, float]:
    """The model's most probable class for ``text`` and its probability."""
    post = model.posterior(text)
    best = max(CLASSES, key=lambda k: (post.get(k, 0.0), -CLASSES.index(k)))
    return best, post.get(best, 0.0)
