"""What a running crawl shows its operator: per site, postings found, fetched and archived, with the
request rate and an ETA from the requests still queued.

``progress_lines(stats, site_ids, elapsed)`` is pure (Scrapy's stats in, rows out);
``progress_table(...)`` renders them with rich for a terminal.  ``crawler.extensions.SiteProgress``
chooses: a live table when stderr is a terminal, log lines otherwise (cron, systemd, CI).
``probe_progress`` is the same for ``ducha probe``: a bar over the start URLs with an ETA.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from crawler.extensions import site_counts


@dataclass(frozen=True)
class ProgressLine:
    """One site's progress."""

    site_id: str
    list_pages: int
    found: int        # postings seen on its list pages
    fetched: int      # detail pages fetched (new, due for a re-check, or moved on the list)
    archived: int     # postings the archive took in (new, changed, unchanged, restored, 304)
    new: int
    changed: int
    removed: int
    errors: int


@dataclass(frozen=True)
class Overall:
    """The whole crawl: requests per second so far and the requests still queued."""

    requests: int
    rate: float | None
    queued: int

    @property
    def eta_s(self) -> float | None:
        """Seconds until the queue drains at the current rate (None while unknown)."""
        if not self.rate:
            return None
        return self.queued / self.rate


def progress_lines(stats: dict, site_ids: list[str]) -> list[ProgressLine]:
    """Per-site progress from Scrapy's stats."""
    out = []
    for site_id in site_ids:
        c = site_counts(stats, site_id)
        archived = c["new"] + c["changed"] + c["unchanged"] + c["restored"] + c["not_modified"]
        out.append(ProgressLine(site_id, c["list_pages"], c["entries"], c["details"], archived, c["new"],
                                c["changed"], c["removed"], c["errors"] + c["list_errors"] + c["parse_errors"]))
    return out


def overall(stats: dict, elapsed_s: float) -> Overall:
    """Requests, rate and queue of the crawl after ``elapsed_s`` seconds."""
    requests = int(stats.get("downloader/request_count", 0))
    queued = max(int(stats.get("scheduler/enqueued", 0)) - int(stats.get("scheduler/dequeued", 0)), 0)
    rate = requests / elapsed_s if elapsed_s > 0 and requests else None
    return Overall(requests, rate, queued)


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes, secs = divmod(int(seconds + 0.5), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def progress_table(lines: list[ProgressLine], total: Overall) -> Table:
    """A rich table of ``lines`` with the rate and ETA in its caption."""
    rate = f"{total.rate:.1f} req/s" if total.rate else "— req/s"
    table = Table(title="ducha crawl", caption=f"{total.requests} requests · {rate} · {total.queued} queued · "
                                               f"ETA {_eta(total.eta_s)}")
    for name in ("site", "lists", "found", "fetched", "archived", "new", "changed", "removed", "errors"):
        table.add_column(name, justify="left" if name == "site" else "right")
    for line in lines:
        table.add_row(line.site_id, str(line.list_pages), str(line.found), str(line.fetched), str(line.archived),
                      str(line.new), str(line.changed), str(line.removed),
                      f"[red]{line.errors}[/red]" if line.errors else "0")
    return table


@contextmanager
def probe_progress(total: int, *, enabled: bool, console: Console | None = None) -> Iterator[Callable[[Any], None]]:
    """A progress bar over ``total`` start URLs for ``ducha probe`` at a terminal (elapsed, ETA, last site);
    yields the callback ``probe_sites(on_row=…)`` calls.  Not at a terminal: a no-op (the log says enough)."""
    if not enabled:
        yield lambda row: None
        return
    progress = Progress(TextColumn("probe"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                        TimeElapsedColumn(), TimeRemainingColumn(), console=console or Console(stderr=True))
    task = progress.add_task("", total=total)

    def tick(row: Any) -> None:
        progress.update(task, advance=1, description=f"{row.site} {row.status} ({row.postings})")

    with progress:
        yield tick
