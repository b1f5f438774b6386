"""`python -m simweb` serves, prints its URL and stops on SIGTERM."""
from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_cli_serves_and_stops_on_sigterm() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "simweb", "--port", "0", "--day", "2", "--docs-per-site", "12",
                             "--faults", "none", "--seed", "7", "--start-date", "2026-11-02"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"(http://127\.0\.0\.1:\d+)", line).group(1)
        health = json.loads(urllib.request.urlopen(url + "/_sim/health", timeout=10).read())
        assert health == {"ok": True, "day": 2, "date": "2026-11-04", "seed": 7, "docs_per_site": 12}
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
