"""A real ``redis-server`` on a free loopback port, append-only file on, in a folder of its own (tests only)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """``start()``, ``stop()`` (SHUTDOWN: the AOF is flushed, as on a clean restart), ``close()`` (the same, at the
    end of the session), ``url(db)``."""

    def __init__(self, folder: Path) -> None:
        self.exe = shutil.which("redis-server")
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        """``redis://127.0.0.1:PORT/db``."""
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        """Start and wait until it answers (loading its AOF)."""
        assert self.exe is not None
        self.process = subprocess.Popen(
            [self.exe, "--port", str(self.port), "--bind", "127.0.0.1", "--appendonly", "yes",
             "--appendfsync", "always", "--save", "", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port)
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                return
            except (redis.ConnectionError, redis.BusyLoadingError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        """Shut down (the append-only file keeps what was acknowledged) and return ~4 s later: redis-py's default
        retries reconnect to the closed port, backing off. The restart tests' outage (``stop``, 1 s, ``start``) has
        always been that long, and is kept so: the crawler's clients meet the same outage as before."""
        self._shutdown(redis.Redis(port=self.port))

    def close(self) -> None:
        """Shut down and return as soon as the server has exited (no reconnect retries)."""
        self._shutdown(redis.Redis(port=self.port, retry=Retry(NoBackoff(), 0)))

    def _shutdown(self, client: redis.Redis) -> None:
        if self.process is None:
            return
        try:
            client.shutdown(nosave=True)
        except redis.ConnectionError:
            pass  # the server closes the connection as it goes
        self.process.wait(timeout=20)
        self.process = None
