"""Round r61a: the status reader's learned fallback, measured by leave-one-set-out CV and not wired in.

Constructed cases only (no corpus text): the bench's model is deterministic, its counts are the corpus score's, and
the ledger's status reader is the grammar alone (no learned reading reaches it).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from status_learned_cv import counts
from status_learned_model import Model, features, guess

from archive.ledger.language import score
from archive.ledger.status import read_status

PAIRS = [("已完成整改", "done"), ("已全部整改完毕", "done"), ("正在推进整改", "on_track"), ("按计划推进中", "on_track"),
         ("尚未完成整改", "behind"), ("进度滞后", "behind"), ("将于年底前完成", "other"), ("计划明年实施", "other")]


def test_training_is_deterministic() -> None:
    assert Model.train(PAIRS, min_count=1).to_json() == Model.train(list(PAIRS), min_count=1).to_json()
    model = Model.train(PAIRS, min_count=1)
    assert Model.from_json(model.to_json()).posterior("已完成") == model.posterior("已完成")


def test_features_fold_numbers_and_mark_cues() -> None:
    f = features("已完成12项,尚未完成3项")
    assert f["0"] == 2 and "1" not in f
    assert f["#aspect_done"] == 1 and f["#negation"] == 1
    assert "#aim" in features("确保年底前完成整改") and "#aim" not in features("已完成整改")


def test_model_separates_constructed_classes() -> None:
    model = Model.train(PAIRS, min_count=1)
    assert guess(model, "已经完成")[0] == "done"
    assert guess(model, "尚未完成")[0] == "behind"
    assert abs(sum(model.posterior("正在推进").values()) - 1.0) < 1e-9


def test_cv_counts_are_the_corpus_score() -> None:
    rows = [{"id": str(i), "kind": "status", "text": t, "status": s} for i, (t, s) in enumerate(
        [("a", "done"), ("b", "other"), ("c", "behind"), ("d", "done"), ("e", "other")])]
    read = {"a": "done", "b": "on_track", "c": None, "d": "behind", "e": None}
    got = score(rows, lambda r: read[r["text"]])
    want = [None if r["status"] == "other" else r["status"] for r in rows]
    assert counts(list(zip(want, [read[r["text"]] for r in rows]))) == (got.tp, got.fp, got.fn) == (1, 2, 2)


def test_the_ledger_reads_by_grammar_only() -> None:
    # the fallback is not wired in: a wording the grammar reads nothing in stays other, the reading has no learned flag
    reading = read_status("相关情况说明")
    assert reading.status == "other" and reading.head is None
    assert not hasattr(reading, "learned")
