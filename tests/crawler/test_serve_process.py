"""``ducha serve`` runs Datasette in its own process: no child to leave behind when it is stopped."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

from archive.store import Archive
from tests.web.browser import _wait_for_port, free_port


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_stopping_ducha_serve_stops_datasette(tmp_path):
    db = tmp_path / "archive.db"
    Archive(db).close()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(proc, port)
        assert _children(proc.pid) == []  # Datasette is this process, not a child
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more
