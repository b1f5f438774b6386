"""What a round of reader fixes did to sets nobody read: the readers of two revisions on the same rows.

    .venv/bin/python bench/blind_delta.py --before 2123c49 --set fresh19 --set fresh20
    .venv/bin/python bench/blind_delta.py --before 2123c49 --after HEAD --set fresh19 --split heldout

Each revision's readers (``archive/``, ``crawler/`` and ``bench/ledger_language.py`` as committed there; the
working tree when ``--after`` is left out) read the rows of the *current* corpus in a process of their own.
Per reader and set it prints TP/FP/FN before and after, and how many rows each way changed: fixed (wrong
before, right after), broken (right before, wrong after) and changed but still wrong.  It never prints a row,
so a set kept unread (``KEPT_UNREAD`` in ``ledger_language.py``) stays unread.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from archive.ledger.language import CORPUS, KINDS, expected, load, score

#: run inside the revision's tree: every reader's value for the rows of the chosen sets, as JSON
_CHILD = """
import json, sys
from pathlib import Path
tree, corpus, sets = sys.argv[1], Path(sys.argv[2]), set(sys.argv[3:])
sys.path[:0] = [tree, tree + "/bench"]
from ledger_language import readers
from archive.ledger.language import load
import archive
assert Path(archive.__file__).resolve().is_relative_to(Path(tree).resolve()), archive.__file__
out = {}
for kind, reader in readers().items():
    for row in load(kind, corpus=corpus):
        if row.get("set") in sets:
            out[row["id"]] = reader(row)
print(json.dumps(out, ensure_ascii=False))
"""


def _tree_of(revision: str, into: Path) -> Path:
    """The project's code as committed at ``revision``, unpacked under ``into``."""
    data = subprocess.run(["git", "-C", str(REPO), "archive", revision, "archive", "crawler", "bench"],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def values_at(tree: Path, sets: list[str]) -> dict[str, Any]:
    """Every reader's value, by row id, with the code of ``tree`` reading today's corpus."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(tree), str(CORPUS), *sets],
                          check=True, capture_output=True, text=True, cwd=tree)
    return {rid: tuple(v) if isinstance(v, list) else v for rid, v in json.loads(done.stdout).items()}


def _counts(rows: list[dict], values: dict[str, Any]) -> tuple[int, int, int]:
    """TP / FP / FN of the values read, scored as the bench scores a reader."""
    s = score(rows, lambda row: values[row["id"]])
    return s.tp, s.fp, s.fn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the revision before the round (a commit, tag or branch)")
    parser.add_argument("--after", help="the revision after it (default: the working tree)")
    parser.add_argument("--set", dest="sets", action="append", required=True, help="a fresh set (repeatable)")
    parser.add_argument("--split", choices=["dev", "heldout"], help="only this split of the sets")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        before = values_at(_tree_of(args.before, Path(tmp) / "before"), args.sets)
        after = values_at(_tree_of(args.after, Path(tmp) / "after") if args.after else REPO, args.sets)
    print(f"{'reader':<12} {'set':<8} {'rows':>5}  {'before TP/FP/FN':>15}  {'after TP/FP/FN':>15}"
          f"  {'fixed':>5} {'broken':>6} {'moved':>5}")
    for kind in KINDS:
        for name in args.sets:
            rows = [r for r in load(kind, split=args.split) if r.get("set") == name]
            right_before = {r["id"] for r in rows if before[r["id"]] == expected(r)}
            right_after = {r["id"] for r in rows if after[r["id"]] == expected(r)}
            moved = sum(1 for r in rows if r["id"] not in right_before | right_after
                        and before[r["id"]] != after[r["id"]])
            b, a = ("/".join(map(str, _counts(rows, values))) for values in (before, after))
            print(f"{kind:<12} {name:<8} {len(rows):>5}  {b:>15}  {a:>15}"
                  f"  {len(right_after - right_before):>5} {len(right_before - right_after):>6} {moved:>5}")


if __name__ == "__main__":
    main()
