"""The ledger pages in real headless Chromium (``ducha serve`` in a subprocess): a script in a task's text
stays text, the scorecard chart is drawn without script, and nothing is wider than a phone."""
from __future__ import annotations

import pytest
from sqlite_utils import Database

from tests.web.browser import MISSING, chromium_path, dump_dom, page_widths, serve
from tests.web.test_browser import elements

SCRIPT = '<script>document.body.dataset.pwned = 1</script><img src=x onerror="alert(1)">'


def test_ledger_pages_in_chromium(db_path):
    if chromium_path() is None:
        pytest.fail(MISSING)
    db = Database(db_path)
    db.execute("UPDATE tasks SET problem = ? || problem WHERE number = 1", [SCRIPT])
    db.conn.commit()
    plan = db.execute("SELECT document_id FROM plans WHERE region = '四川省'").fetchone()[0]
    with serve(db_path) as url:
        dom = dump_dom(f"{url}/-/ducha/ledger/{plan}?as_of=2024-07-01")
        assert "pwned" in dom and "长江岸线生态修复不到位" in dom  # the text is there …
        for tag, attrs, text in elements(dom):  # … never as markup
            assert not (tag == "script" and "pwned" in text)
            assert not (tag == "img" and attrs.get("src") == "x")
        assert "data-pwned" not in dom
        chart = dump_dom(f"{url}/-/ducha/ledger/scorecard?as_of=2024-07-01")
        rects = [attrs for tag, attrs, _ in elements(chart) if tag == "rect" and attrs.get("data-kind")]
        assert sorted((r["data-kind"], r["data-value"]) for r in rects) == [
            ("closed", "1"), ("closure_notice", "1"), ("ongoing", "1"), ("open", "1"), ("overdue", "1")]
        paths = [f"/-/ducha/ledger/{plan}?as_of=2024-07-01", "/-/ducha/ledger", "/-/ducha/ledger/scorecard"]
        widths = page_widths([url + p for p in paths])
    assert {u.removeprefix(url): w for u, w in widths.items() if w > 390} == {}
