"""RFC 3161 trusted timestamps of chain manifests, through the ``openssl ts`` command.

```
DUCHA_TSA_URL ─► openssl ts -query -data chain/N.json -sha256 -cert ─POST─► TSA ─► chain/N.tsr
DUCHA_TSA_CA  ─► openssl ts -verify -data chain/N.json -in chain/N.tsr -CAfile CA   (ducha verify --chain)
```
A TSA that cannot be reached never fails a crawl: the manifest stays without a token and the log says why.
"""
from __future__ import annotations

import logging
import os
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

log = logging.getLogger(__name__)

TIMEOUT_S = 30


def _openssl(*args: str, data: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["openssl", "ts", *args], input=data, capture_output=True, timeout=TIMEOUT_S, check=False)


def stamp(path: Path, *, url: str | None = None) -> Path | None:
    """Ask the TSA at ``url`` (default ``DUCHA_TSA_URL``; none: do nothing) for a token over ``path``'s SHA-256;
    write it to ``path`` with suffix ``.tsr`` and return that path, or None (logged) when it could not be had."""
    url = url or os.environ.get("DUCHA_TSA_URL")
    if not url:
        return None
    try:
        query = _openssl("-query", "-data", str(path), "-sha256", "-cert")
        if query.returncode != 0:
            log.warning("timestamp of %s: openssl ts -query failed: %s", path, query.stderr.decode(errors="replace"))
            return None
        request = urllib.request.Request(url, data=query.stdout,
                                         headers={"Content-Type": "application/timestamp-query"})
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            token = response.read()
    except (OSError, urllib.error.URLError, subprocess.SubprocessError) as exc:
        log.warning("timestamp of %s: no token from %s (%s); the manifest stays without one", path, url, exc)
        return None
    out = path.with_suffix(".tsr")
    out.write_bytes(token)
    log.info("timestamp of %s: %d-byte token from %s", path, len(token), url)
    return out


def check(problems: list[str], notes: list[str], path: Path, run_id: int) -> int:
    """Verify the token beside ``path`` against ``DUCHA_TSA_CA``; append what failed to ``problems`` (or, when
    it cannot be checked, to ``notes``); return 1 when a token verified, else 0."""
    token = path.with_suffix(".tsr")
    if not token.is_file():
        return 0
    ca = os.environ.get("DUCHA_TSA_CA")
    if not ca:
        notes.append(f"timestamp of run {run_id} not checked: set DUCHA_TSA_CA to the TSA's CA certificate")
        return 0
    result = _openssl("-verify", "-data", str(path), "-in", str(token), "-CAfile", ca)
    if result.returncode == 0:
        return 1
    why = (result.stderr or result.stdout).decode(errors="replace").strip().splitlines()
    problems.append(f"timestamp of run {run_id} ({token.name}) does not verify against {ca}: "
                    f"{why[-1] if why else 'openssl ts -verify failed'}")
    return 0
