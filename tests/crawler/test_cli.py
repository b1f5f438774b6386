"""The ``ducha`` command line: extract output, documentation of every command and setting."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler import settings as crawler_settings
from crawler.cli import main

REPO = Path(__file__).resolve().parents[2]
CONTRACT_KEYS = {"url", "title", "publish_date", "body_text", "attachments", "doc_type", "doc_numbers", "dates"}


def test_extract_prints_the_contract_object_for_a_real_page(shared_dir):
    page = shared_dir / "real-samples" / "hanweb-detail-fgw-zj.html"
    url = "http://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html"
    result = CliRunner().invoke(main, ["extract", str(page), "--url", url])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert CONTRACT_KEYS <= set(data)
    assert data["title"] == "1-10月德清县固定资产投资结构趋稳趋优"
    assert data["publish_date"] == "2016-11-22"
    assert data["dates"]["cms"] == "2016-11-22"
    assert "objection" not in data


def test_extract_gives_the_objection_window_of_a_gongshi(shared_dir, tmp_path):
    seed = (shared_dir / "seeds" / "003_85997d907e184e5e.txt").read_text(encoding="utf-8")
    title, _, body = seed.partition("\n")
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    html = (f'<html><head><meta name="ArticleTitle" content="{title.strip()}">'
            f'<meta name="PubDate" content="2024-07-03 09:30"></head><body>'
            f'<div class="TRS_Editor">{paragraphs}</div></body></html>')
    page = tmp_path / "t20240703_1.shtml"
    page.write_text(html, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "http://sthj.ln.gov.cn/sthj/index/tzgg/202407/t20240703_1.shtml"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["doc_type"] == "acceptance_notice"
    assert data["objection"] == {"start": "2024-07-03", "end": "2024-07-16", "working_days": 10,
                                 "deadline": "2024-07-16", "deadline_excluding_first_day": "2024-07-17",
                                 "calendar": "chinese_calendar 1.11.0"}


def test_extract_of_a_missing_encoding_is_a_clear_error(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes("<p>公示</p>".encode("gbk"))
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "http://x.gov.cn/a.html",
                                       "--encoding", "no-such-codec"])
    assert result.exit_code != 0
    assert "cannot decode" in result.output


def test_every_command_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = set(main.commands)
    assert {"demo", "crawl", "extract", "serve", "simweb", "schedule", "status", "runs", "report",
            "evidence"} <= commands
    assert [c for c in sorted(commands) if f"`ducha {c}" not in readme] == []


def test_every_ducha_setting_is_documented():
    documented = "".join(p.read_text(encoding="utf-8") for p in [REPO / "README.md", REPO / ".env.example",
                                                                   *sorted((REPO / "docs").glob("*.md"))])
    settings = [name for name in dir(crawler_settings) if name.startswith("DUCHA_")]
    undocumented = [name for name in settings if not re.search(rf"\b{name}\b", documented)]
    assert undocumented == []


def test_readme_command_table_and_schema_are_generated_from_the_code():
    import runpy

    gen = runpy.run_path(str(REPO / "scripts" / "gen_readme.py"))
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert gen["generated_readme"](text) == text, "run: .venv/bin/python scripts/gen_readme.py"
    schema = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    assert gen["generated_schema"](schema) == schema, "run: .venv/bin/python scripts/gen_readme.py"


def test_the_readme_is_short_and_every_docs_link_resolves():
    """A newcomer's page (the two commands, a reader's guide, the command table, where to go next); the
    reference lives in docs/, and no link from the README or docs/ points at a missing file or heading."""
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 300
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "#", "/")):
                continue
            path = target.split("#", 1)[0]
            assert (page.parent / path).exists(), f"{page.name}: broken link {target}"


def test_crawl_with_a_bad_sites_file_or_site_id_says_what_to_fix(tmp_path):
    bad = tmp_path / "sites.yaml"
    bad.write_text("sites:\n  - id: Bad_Id\n    name: x\n    region: x\n    level: province\n"
                   "    start_urls: [http://x.gov.cn/]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["crawl", "--sites", str(bad), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2                      # refused before it starts: not "some sites failed" (1)
    assert "Bad_Id" in result.output and "id" in result.output
    result = CliRunner().invoke(main, ["crawl", "--site", "no-such-site", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert "unknown site id(s) no-such-site" in result.output and "valid site ids: " in result.output
    assert "sc-sthjt" in result.output.split("valid site ids: ", 1)[1]


def test_scrapy_commands_work_in_the_checkout_with_the_project_settings():
    """`scrapy shell` / `scrapy parse` need scrapy.cfg: the project's settings and the one spider."""
    import subprocess
    import sys

    listed = subprocess.run([sys.executable, "-m", "scrapy", "list"], check=False, cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split() == ["ducha"]
    agent = subprocess.run([sys.executable, "-m", "scrapy", "settings", "--get", "USER_AGENT"], check=False,
                           cwd=REPO, capture_output=True, text=True, timeout=120)
    assert agent.stdout.startswith("DuchaArchive/")


def test_report_timeliness_region_prefix_and_unknown_region(tmp_path):
    from archive.store import Archive

    db = tmp_path / "archive.db"
    with Archive(db) as archive:
        archive.upsert_sites([{"id": "sc-sthjt", "name": "四川省生态环境厅", "region": "四川省", "level": "province",
                               "start_urls": ["https://sthjt.sc.gov.cn/"]}], now="2026-11-01T08:00:00+08:00")
    ok = CliRunner().invoke(main, ["report", "timeliness", "--db", str(db), "--region", "四川"])
    assert ok.exit_code == 0, ok.output
    bad = CliRunner().invoke(main, ["report", "timeliness", "--db", str(db), "--region", "火星"])
    assert bad.exit_code != 0 and "unknown region '火星'; valid regions: 四川省" in bad.output


@pytest.mark.parametrize(("args", "message"), [
    (["report", "timeliness", "--since", "2026/10/01"], "since must be a date YYYY-MM-DD"),
    (["report", "timeliness", "--since", "garbage"], "since must be a date YYYY-MM-DD"),
    (["report", "timeliness", "--region", "火星"], "valid regions: 四川省"),
    (["report", "ledger", "--as-of", "2026/12/06"], "as_of must be a date YYYY-MM-DD"),
    (["report", "ledger", "--as-of", "20261206"], "as_of must be a date YYYY-MM-DD"),
    (["report", "ledger", "--region", "火星"], "valid regions: 四川省"),
])
def test_report_refuses_a_bad_date_or_region_with_exit_2(tmp_path, args, message):
    from archive.store import Archive

    db = tmp_path / "archive.db"
    with Archive(db) as archive:
        archive.upsert_sites([{"id": "sc-sthjt", "name": "四川省生态环境厅", "region": "四川省", "level": "province",
                               "start_urls": ["https://sthjt.sc.gov.cn/"]}], now="2026-11-01T08:00:00+08:00")
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert message in result.output
