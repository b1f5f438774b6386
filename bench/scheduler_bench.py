"""Measure the scheduler: idle RSS of the process and the overhead of starting a run.

    .venv/bin/python bench/scheduler_bench.py [--runs 5]

* idle RSS: ``scheduler.py`` started on a schedule that never fires soon, VmRSS read from /proc once
  the log says it started (and again after a short idle period);
* run start overhead: ``run_group`` (lock, bookkeeping rows, subprocess, after_run) with a no-op
  command (``python -c pass``) against the bare spawn of the same command; and the start-up of the real
  crawl command (``python -m crawler.cli crawl --help``), which is what every run pays in addition.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def idle_rss(tmp: Path) -> tuple[int, int]:
    """VmRSS (KiB) of an idle scheduler just after start and 5 s later."""
    config = tmp / "schedule.yaml"
    config.write_text(f"db: {tmp / 'archive.db'}\ngroups:\n  - {{name: daily, day_of_week: mon-sun, hour: 6, minute: 30}}\n")
    log = tmp / "scheduler.log"
    proc = subprocess.Popen([sys.executable, str(REPO / "scheduler.py"), "--config", str(config)],
                            stdout=log.open("wb"), stderr=subprocess.STDOUT, cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while "scheduler started" not in log.read_text(errors="replace"):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(log.read_text(errors="replace"))
            time.sleep(0.05)
        first = _rss_kib(proc.pid)
        time.sleep(5)
        return first, _rss_kib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def run_overhead(tmp: Path, runs: int) -> dict[str, float]:
    """Median seconds: bare spawn, run_group with the same no-op command, crawl CLI start-up."""
    from archive.ops.config import Group, OpsConfig
    from archive.ops.execute import run_group

    noop = [sys.executable, "-c", "pass"]
    cfg = OpsConfig(db=str(tmp / "overhead.db"), crawl_command=tuple(noop), groups=(Group(name="bench"),))
    run_group(cfg, "bench")  # warm-up: creates the schema
    bare = _timed(lambda: subprocess.run(noop, check=True), runs)
    wrapped = _timed(lambda: run_group(cfg, "bench"), runs)
    crawl = _timed(lambda: subprocess.run([sys.executable, "-m", "crawler.cli", "crawl", "--help"], cwd=REPO,
                                          check=True, capture_output=True), max(1, runs // 2))
    return {"bare_spawn_s": statistics.median(bare), "run_group_s": statistics.median(wrapped),
            "bookkeeping_s": statistics.median(wrapped) - statistics.median(bare),
            "crawl_cli_startup_s": statistics.median(crawl)}


def main() -> int:
    """Print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        first, later = idle_rss(Path(tmp))
        print(f"idle scheduler RSS: {first / 1024:.1f} MiB at start, {later / 1024:.1f} MiB after 5 s idle")
        result = run_overhead(Path(tmp), args.runs)
    print(f"bare spawn of `python -c pass`:            {result['bare_spawn_s'] * 1000:7.0f} ms")
    print(f"run_group with the same command:          {result['run_group_s'] * 1000:7.0f} ms")
    print(f"  scheduler bookkeeping per run:          {result['bookkeeping_s'] * 1000:7.0f} ms")
    print(f"`ducha crawl --help` start-up (per run):  {result['crawl_cli_startup_s'] * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
