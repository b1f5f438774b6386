"""The README's first command: ``ducha demo`` (here without serving) crawls every simulated family."""
from __future__ import annotations

import sqlite3
import subprocess
import sys


def test_demo_crawls_every_family_on_each_simulated_day(tmp_path):
    db = tmp_path / "archive.db"
    command = [sys.executable, "-m", "crawler.cli", "demo", "--db", str(db), "--days", "1",
               "--docs-per-site", "10", "--no-serve"]
    result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Remote control HTTP server" not in result.stderr, "a crawl must not open a code-execution port"
    assert "Telnet console listening" not in result.stderr
    conn = sqlite3.connect(db)
    assert [s for (s,) in conn.execute("SELECT status FROM runs ORDER BY id")] == ["ok", "ok"]
    per_site = dict(conn.execute("SELECT site_id, count(*) FROM documents GROUP BY site_id").fetchall())
    assert set(per_site) == {"mee", "hn-sthjt", "js-sthjt", "sc-sthjt", "gd-gdee", "hb-sthjt", "zt-sthjj", "pj-sthjj"}
    assert all(n >= 10 for n in per_site.values())
    untitled = conn.execute("SELECT count(*) FROM documents WHERE title IS NULL OR title = '' "
                            "OR title LIKE '%…' OR title LIKE '%...' OR publish_date IS NULL").fetchone()[0]
    assert untitled == 0
    assert (tmp_path / "warc").is_dir()
