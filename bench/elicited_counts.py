"""How many of the elicited cases of ``tests/ledger/test_elicited_r31a.py`` the readers get right, batch by batch.

    .venv/bin/python bench/elicited_counts.py                      # the readers of this checkout
    mkdir /tmp/at && git archive main archive | tar -x -C /tmp/at   # …or of another revision:
    .venv/bin/python bench/elicited_counts.py --root /tmp/at

``--root`` puts that tree's ``archive`` package first on the import path, so a batch can be scored with the readers as
they were when it was written (its "right before" count) and with main's; the cases always come from this checkout.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parents[1] / "tests" / "ledger" / "test_elicited_r31a.py"
BATCHES = ("", "_B", "_C", "_D", "_E", "_F", "_G", "_H", "_I", "_J")


def _values(case: Any) -> tuple:
    """A case's values, whether a tuple, a bare text or a ``pytest.param``."""
    if hasattr(case, "values"):
        return tuple(case.values)
    return case if isinstance(case, tuple) else (case,)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, help="a source tree whose archive package is scored")
    args = parser.parse_args()
    if args.root:
        sys.path.insert(0, str(args.root.resolve()))
    from archive.ledger.deadlines import deadline
    from archive.ledger.numbers import cited_numbers
    from archive.ledger.status import status_class

    spec = importlib.util.spec_from_file_location("elicited_r31a", CASES)
    assert spec and spec.loader
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    totals = {"status": [0, 0], "deadline": [0, 0], "citation": [0, 0]}
    print(f"readers from {Path(sys.modules['archive'].__file__ or '').parent.parent}")
    print("batch  status        deadline      citation      (written / right)")
    for n, suffix in enumerate(BATCHES, 1):
        def get(name: str, suffix: str = suffix) -> list:
            return getattr(cases, name + suffix)
        status = [_values(c)[:2] for c in get("STATUS")] + [(_values(c)[0], "other") for c in get("STATUS_NEAR")]
        dated = [_values(c) for c in get("DEADLINE")] + [(*_values(c)[:2], None, "unknown") for c in get("DEADLINE_NEAR")]
        cited = [_values(c)[:2] for c in get("CITATION")] + [(_values(c)[0], []) for c in get("CITATION_NEAR")]
        right = {
            "status": sum(status_class(text) == want for text, want in status),
            "deadline": sum((d.iso(), d.kind) == (day, kind) for text, year, day, kind in dated
                            for d in [deadline(text, context_year=year)]),
            "citation": sum(cited_numbers(text) == want for text, want in cited),
        }
        written = {"status": len(status), "deadline": len(dated), "citation": len(cited)}
        for kind, total in totals.items():
            total[0] += written[kind]
            total[1] += right[kind]
        print(f"{n:>5}  " + "  ".join(f"{written[k]:>4} / {right[k]:<5}" for k in totals))
    print("  all  " + "  ".join(f"{w:>4} / {r:<5}" for w, r in totals.values()))


if __name__ == "__main__":
    main()
