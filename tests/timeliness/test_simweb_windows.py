"""Every 验收销号 公示 of the simulated web states its objection window as the manifest has it, and the archive's reader
of windows reads it back exactly, whichever numeral script the notice prints its days in (issue 21, item 5: the
simulated web speaks the Chinese-numeral form too)."""
from __future__ import annotations

import datetime as dt

import pytest

from archive.timeliness import parse_objection

simweb_world = pytest.importorskip("simweb.world")


def test_every_stated_window_is_read_back_as_the_manifest_states_it():
    manifest = simweb_world.World(seed=1, docs_per_site=40).manifest(0)
    explicit = [p for p in manifest["postings"]
                if p["status"] == "live" and (p.get("objection") or {}).get("form") == "explicit"]
    in_chinese = [p for p in explicit if "〇" in p["body_text"].split("公示期为", 1)[-1][:12]]
    assert len(explicit) >= 20 and len(in_chinese) >= 3  # both scripts are served
    for posting in explicit:
        window = parse_objection(posting["body_text"], publish_date=dt.date.fromisoformat(posting["cms_date"]))
        got = window.to_json()
        assert (got["start"], got["end"]) == (posting["objection"]["start"], posting["objection"]["end"]), posting["url"]
