"""Precision and recall of the doc_type title rules on real titles, before (main's rules) and after.

    .venv/bin/python bench/title_accuracy.py                 # real titles + simulated web, days 0–3
    .venv/bin/python bench/title_accuracy.py --no-simweb     # real titles only
    .venv/bin/python bench/title_accuracy.py --markers       # also: how often each news marker fires
    .venv/bin/python bench/title_accuracy.py --no-simweb --retype-docs 20000   # cost of re-typing

The real set is ``tests/fixtures/titles/real_titles.tsv`` (title, label, source, unsure, note, batch;
see its README); the ``held-out`` batches were labelled before the rules were first run on them.  Titles are typed from the title alone (no body), as a list page gives them.  "before" are the
title rules of main before issue 11 item 4 (kept here verbatim, frozen); "after" is ``archive.doctype``.
The simulated web part types every title of the manifest on the given days (retitled versions
included) and counts disagreements with the manifest's ``doc_type``.
"""
from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from archive.doctype import DOC_TYPES, classify, compact

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "titles" / "real_titles.tsv"

#: main's title rules before this change (crawler/extraction/doctype.py at f38f71c), frozen for "before".
LEGACY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("eia_notice", re.compile(r"环评|环境影响(?:评价|报告)|环境影响登记|建设项目.*(?:受理|审批|批复)")),
    ("typical_case", re.compile(r"典型案例|典型问题|案例.*曝光|曝光.*(?:问题|案例)")),
    ("acceptance_notice", re.compile(
        r"验收销号|销号|(?:整改|任务|问题).*完成情况.*公示|整改完成.*公示|验收.*公示|已完成整改.*公示"
        r"|公示.*(?:整改完成|完成整改)")),
    ("rectification_progress", re.compile(
        r"整改(?:工作)?进展|落实情况|整改情况|推进情况|整改进度|阶段性.*整改|整改.*清单.*更新|完成情况")),
    ("rectification_plan", re.compile(r"整改(?:工作|实施)?方案|整改措施清单|整改任务清单")),
    ("inspection_feedback", re.compile(r"督察.*反馈|反馈.*督察|督察意见|督察报告")),
)
#: Candidate news markers, measured with --markers (words in ``archive.doctype._NEWS`` and a few rejected).
MARKERS = ("召开", "举办", "举行", "开展", "组织", "参加", "出席", "主持", "调研", "督导", "座谈", "培训", "会议",
           "推进会", "部署", "动员", "发布会", "专题", "交账会", "启动", "下沉", "赴", "一行", "讲话", "学习",
           "解读", "访谈", "综述", "喜报", "取得", "全部公开", "进驻", "研究", "助力", "落地", "发布", "通报")


def legacy(title: str) -> str:
    text = compact(title)
    for code, pattern in LEGACY_RULES:
        if pattern.search(text):
            return code
    return "other"


def after(title: str) -> str:
    return classify(title, "")


def load(path: Path = FIXTURE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def score(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Per type: tp, fp, fn, precision, recall (over (truth, predicted) pairs); plus ``overall``."""
    out: dict[str, dict[str, float]] = {}
    for code in DOC_TYPES:
        tp = sum(t == p == code for t, p in pairs)
        fp = sum(p == code and t != code for t, p in pairs)
        fn = sum(t == code and p != code for t, p in pairs)
        out[code] = {"n": tp + fn, "tp": tp, "fp": fp, "fn": fn,
                     "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0}
    typed = [(t, p) for t, p in pairs if t != "other" or p != "other"]  # the postings that matter
    tp = sum(t == p for t, p in typed if p != "other")
    fp = sum(p != "other" and t != p for t, p in typed)
    fn = sum(t != "other" and t != p for t, p in typed)
    out["overall"] = {"n": len(pairs), "tp": tp, "fp": fp, "fn": fn,
                      "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
                      "accuracy": sum(t == p for t, p in pairs) / len(pairs)}
    return out


def _table(name: str, rows: list[dict[str, str]], typer: Callable[[str], str]) -> dict[str, dict[str, float]]:
    result = score([(r["label"], typer(r["title"])) for r in rows])
    print(f"\n{name}")
    print(f"  {'type':24} {'n':>5} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for code in (*DOC_TYPES, "overall"):
        s = result[code]
        print(f"  {code:24} {int(s['n']):5d} {int(s['tp']):4d} {int(s['fp']):4d} {int(s['fn']):4d}"
              f" {s['precision']:9.3f} {s['recall']:7.3f}")
    print(f"  accuracy over all {len(rows)} titles: {result['overall']['accuracy']:.4f}")
    return result


def _errors(rows: list[dict[str, str]], typer: Callable[[str], str]) -> None:
    for r in rows:
        got = typer(r["title"])
        if got != r["label"]:
            print(f"    {r['label']:22} → {got:22} {r['title']}")


def _markers(rows: list[dict[str, str]]) -> None:
    """For each marker: titles that contain it, by label (a marker that fires on positives is a risk)."""
    print("\nnews markers on the real set (titles containing the word: positives / other)")
    for word in MARKERS:
        pos = sum(word in compact(r["title"]) for r in rows if r["label"] != "other")
        neg = sum(word in compact(r["title"]) for r in rows if r["label"] == "other")
        legacy_fp = sum(word in compact(r["title"]) and legacy(r["title"]) != r["label"] for r in rows)
        print(f"  {word:6} positives {pos:3d}  other {neg:4d}  main's rules wrong on {legacy_fp}")


def simweb_disagreements(days: range, docs_per_site: int = 40) -> tuple[int, list[tuple[str, str, str]]]:
    """(titles checked, [(truth, predicted, title)]) over the simulated web's manifests."""
    from simweb.world import World

    world = World(seed=1, docs_per_site=docs_per_site, start_date=date(2026, 11, 2))
    seen: dict[str, str] = {}
    for day in days:
        for posting in world.manifest(day, hashes=False)["postings"]:
            seen[posting["title"]] = posting["doc_type"]
    wrong = [(truth, got, title) for title, truth in seen.items()
             if (got := classify(title, "")) != truth and not (truth == "other" and got == "other")]
    return len(seen), wrong


def retype_cost(n: int) -> None:
    """Seconds ``archive.retype.retype_documents`` takes over ``n`` stored postings (real titles, 1 KB bodies)."""
    import tempfile
    import time

    from sqlite_utils import Database

    from archive.retype import retype_documents
    from archive.schema import ensure_schema

    titles = [r["title"] for r in load()]
    body = "根据有关要求，现将有关情况公开如下。" * 60
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "retype.db")
        ensure_schema(db)
        db.execute("INSERT INTO sites (id, name) VALUES ('s', 's')")
        with db.atomic():
            for i in range(n):
                db.execute("INSERT INTO documents (id, site_id, url, title, first_seen_at, doc_type, current_version_id)"
                           " VALUES (?, 's', ?, ?, '2026-01-01', 'other', ?)", [i + 1, f"u{i}", titles[i % len(titles)], i + 1])
                db.execute("INSERT INTO versions (id, document_id, captured_at, sha256, title, body_text)"
                           " VALUES (?, ?, '2026-01-01', 'x', ?, ?)", [i + 1, i + 1, titles[i % len(titles)], body])
        started = time.perf_counter()
        first = retype_documents(db)
        mid = time.perf_counter()
        again = retype_documents(db)
        end = time.perf_counter()
        print(f"\nre-typing {n} stored postings: {mid - started:.2f} s ({first.changed} changed);"
              f" the next build with the same rules: {(end - mid) * 1000:.1f} ms (skipped={again.skipped})")
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-simweb", action="store_true")
    parser.add_argument("--days", type=int, default=4)
    parser.add_argument("--docs-per-site", type=int, default=40, help="simulated web size")
    parser.add_argument("--markers", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list every title typed wrongly")
    parser.add_argument("--retype-docs", type=int, default=0, help="also time re-typing this many postings")
    args = parser.parse_args()
    rows = load()
    sure = [r for r in rows if not r["unsure"]]
    print(f"real titles: {len(rows)} ({len(sure)} labelled without doubt); labels {dict(Counter(r['label'] for r in rows))}")
    _table("before (main's title rules)", rows, legacy)
    if args.errors:
        _errors(rows, legacy)
    _table("after (archive.doctype)", rows, after)
    if args.errors:
        _errors(rows, after)
    _table("after, titles labelled without doubt only", sure, after)
    for batch in ("held-out", "held-out-2"):  # labelled before the rules were first run on them
        held = [r for r in rows if r["batch"] == batch]
        _table(f"{batch} batch, before", held, legacy)
        _table(f"{batch} batch, after", held, after)
    if args.markers:
        _markers(rows)
    if args.retype_docs:
        retype_cost(args.retype_docs)
    if not args.no_simweb:
        # simweb titles are typed from the title alone here; bodies settle only the generic "other" ones
        n, wrong = simweb_disagreements(range(args.days), args.docs_per_site)
        print(f"\nsimulated web, days 0–{args.days - 1}: {n} distinct titles, {len(wrong)} typed differently from"
              " the manifest by the title alone")
        for truth, got, title in wrong[:20]:
            print(f"    {truth:22} → {got:22} {title}")


if __name__ == "__main__":
    main()
