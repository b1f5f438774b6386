"""The ledger's readers measured on real government language (``tests/fixtures/ledger_language``).

Each corpus row is a short excerpt of a public page with what a reader should get from it.  A
reader maps a row to a value, or None when it reads nothing; ``score`` counts, per reader:

* true positive — a value equal to the expected one;
* false positive — a value where none is expected, or a wrong value;
* false negative — no value (or a wrong one) where one is expected.

Precision = TP / (TP + FP), recall = TP / (TP + FN).  ``READERS`` holds the ledger's own readers;
the detail-page info-block reader lives in the crawler and is scored by the bench and its tests
with the same ``score``.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.ledger.naming import inspection_name
from archive.ledger.numbers import cited_numbers, deadline
from archive.ledger.progress import status_class
from archive.timeliness.fields import feedback_date, problem_count

logger = logging.getLogger(__name__)

Row = dict[str, Any]
Reader = Callable[[Row], Any]
CORPUS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "ledger_language"
KINDS = ("citation", "inspection", "feedback", "task_count", "deadline", "status", "info_block")


def load(kind: str, *, corpus: Path = CORPUS, split: str | None = None) -> list[Row]:
    """Rows of one kind (``split`` ``dev`` / ``heldout`` / None for all)."""
    path = corpus / f"{kind}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def _citation(row: Row) -> Any:
    return tuple(cited_numbers(row["text"])) or None


def _inspection(row: Row) -> Any:
    name = inspection_name(row["text"])
    return name.key() if name else None


def _feedback(row: Row) -> Any:
    found = feedback_date(row["text"], context_year=row.get("context_year"))
    if found is None or found.value is None:
        return None
    return found.value.isoformat()[:7] if found.precision == "month" else found.value.isoformat()


def _task_count(row: Row) -> Any:
    return problem_count(row["text"])


def _deadline(row: Row) -> Any:
    d = deadline(row["text"], context_year=row.get("context_year"))
    return None if d.kind == "unknown" else (d.iso(), d.kind)


def _status(row: Row) -> Any:
    found = status_class(row["text"])
    return None if found == "other" else found


READERS: dict[str, Reader] = {"citation": _citation, "inspection": _inspection, "feedback": _feedback,
                              "task_count": _task_count, "deadline": _deadline, "status": _status}


def expected(row: Row) -> Any:
    """The labelled value of a row in the readers' form (None: nothing to read)."""
    kind = row["kind"]
    if kind == "citation":  # the numbers a text cites, as the reader gives them: sorted, each once (set 39's and 40's
        return tuple(sorted(set(row["numbers"]))) or None  # labels keep the page's order: 市级第14项(区级第11项) → [14, 11])
    if kind == "inspection":
        if row["level"] == "none":
            return None
        return (row["level"], row["round"], row["batch"], row["group"], row["again"], row["special"])
    if kind == "feedback":
        return row["date"]
    if kind == "task_count":
        return row["count"]
    if kind == "deadline":
        return None if row["deadline_kind"] == "unknown" else (row["last_day"], row["deadline_kind"])
    if kind == "status":
        return None if row["status"] == "other" else row["status"]
    if kind == "info_block":
        value = (row["publisher"], row["posted"], row["issued"], row["notice"])
        return None if value == (None, None, None, None) else value
    raise ValueError(f"unknown kind {kind!r}")


@dataclass
class Score:
    """Counts and misses of one reader on some rows."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    rows: int = 0
    misses: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was read."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was to be read."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(rows: Iterable[Row], reader: Reader) -> Score:
    """Score ``reader`` on ``rows`` (misses keep the row id, the expected and the read value)."""
    out = Score()
    for row in rows:
        out.rows += 1
        want, got = expected(row), reader(row)
        if got == want:
            out.tp += want is not None  # a right "nothing here" is a true negative
            continue
        if got is not None:
            out.fp += 1
        if want is not None:
            out.fn += 1
        out.misses.append((row["id"], want, got))
    return out
