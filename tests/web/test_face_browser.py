"""The archive's face in real headless Chromium (``ducha serve`` in a subprocess), at a desktop's width and a
phone's (390 px): charts draw under our CSP with nothing refused in the console, readers see Chinese column
labels, and the ledger pages fit a phone."""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest

from tests.web.browser import MISSING, chromium_path, look, serve
from tests.web.corpus import add_ledger, build_corpus

PAGES = {"home": "/", "search": "/archive/search?q=%E9%94%80%E5%8F%B7", "document": "/-/ducha/document/{plan_doc}",
         "ledger": "/-/ducha/ledger", "plan": "/-/ducha/ledger/{plan}", "scorecard": "/-/ducha/ledger/scorecard",
         "per_month": "/archive/postings_per_month", "removals": "/archive/removals_over_time",
         "overdue": "/archive/ledger_overdue", "timeliness_figures": "/archive/timeliness_by_region",
         "timeliness_flags": "/archive/timeliness_flags", "documents": "/archive/documents"}
CHARTS = ("scorecard", "per_month", "removals")
LONG_PATH = "/sthjt/c104378/2026/11/22/ddc75766c3df709c00804a9053b994cf.shtml"
LONG_PROBLEM = ("部分地区长江干支流岸线违规占用问题突出，非法码头、砂石堆场整治不彻底，"
                "沿江化工企业环境风险隐患较多，污水收集管网建设滞后，雨污混流现象普遍，部分城市黑臭水体反弹。" * 3)
#: A column name as the database spells it (document_link, publish_date, days_overdue …).
MACHINE_NAME = re.compile(r"^[a-z]+$|[a-z0-9]+_[a-z0-9_]+")


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, dict[str, dict]]]:
    """Every page of ``PAGES`` as Chromium shows it at 1280 and 390 px: {width: {page: what ``look`` saw}}."""
    if chromium_path() is None:
        pytest.fail(MISSING)
    folder = tmp_path_factory.mktemp("face")
    corpus = build_corpus(folder / "archive.db")
    plan = add_ledger(corpus, folder / "warc")
    with sqlite3.connect(corpus.path) as conn:  # real plans' problems run to a paragraph and squeeze the other columns;
        conn.execute("UPDATE plans SET url = url || ? WHERE document_id = ?", [LONG_PATH, plan])  # URLs are long
        conn.execute("UPDATE tasks SET problem = problem || '：' || ?, responsible_units = ?",
                     [LONG_PROBLEM, "省发展改革委、省经济和信息化厅、省财政厅、省自然资源厅、省住房城乡建设厅、省交通运输厅"])
    paths = {name: path.format(plan=plan, plan_doc=corpus.ids["plan"]) for name, path in PAGES.items()}
    with serve(corpus.path) as url:
        found = {}
        for width in (1280, 390):
            pages = look([url + p for p in paths.values()], width=width)
            found[width] = {name: pages[url + p] for name, p in paths.items()}
    yield found


@pytest.mark.parametrize("width", [1280, 390])
def test_no_script_is_refused_on_any_page(seen, width):
    """No CSP error (datasette-vega needed unsafe-eval; Datasette's inline menu script was refused)."""
    errors = {name: page["errors"] for name, page in seen[width].items() if page["errors"]}
    assert errors == {}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", CHARTS)
def test_charts_draw(seen, width, name):
    page = seen[width][name]
    assert page["marks"] > 0 or page["canvases"] > 0


@pytest.mark.parametrize("name", CHARTS)
def test_chart_labels_readable_on_a_phone(seen, name):
    fonts = seen[390][name]["chart_fonts"]
    assert fonts and min(fonts) >= 11, min(fonts or [0])


@pytest.mark.parametrize("width", [1280, 390])
def test_readers_see_no_machine_column_names(seen, width):
    english = {name: [h["text"] for h in page["headers"] if MACHINE_NAME.search(h["text"].strip(" ▲▼\xa0"))]
               for name, page in seen[width].items()}
    assert {name: found for name, found in english.items() if found} == {}
    assert [h["text"] for h in seen[width]["search"]["headers"]][:2] == ["公告", "匹配片段"]
    figures = [h["text"] for h in seen[width]["timeliness_figures"]["headers"]]
    assert figures.index("公示数") <= 3  # the objection window near the left, not the 16th column


@pytest.mark.parametrize("name", ["plan", "scorecard", "ledger"])
def test_ledger_pages_fit_a_phone(seen, name):
    """At 390 px nothing is wider than the screen, nor a table cut off by a scrolling box."""
    page = seen[390][name]
    assert page["width"] <= 390 and page["tables_cut"] == 0


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", ["plan", "scorecard"])
def test_no_header_squeezed_to_one_character_per_line(seen, width, name):
    page = seen[width][name]
    squeezed = [h["text"] for h in page["headers"] if len(h["text"].replace(" ", "")) > 1
                and h["lines"] >= len(h["text"].replace(" ", ""))]
    assert squeezed == []
