"""One ``archive.store.Archive`` per crawl, shared by the spider and the pipeline."""
from __future__ import annotations

from pathlib import Path

from archive.store import Archive


def warc_dir_for(settings) -> str:
    """The WARC folder: ``DUCHA_WARC_DIR`` or ``warc/`` beside the archive file."""
    return settings.get("DUCHA_WARC_DIR") or str(Path(settings.get("DUCHA_DB")).resolve().parent / "warc")


def archive_for(crawler) -> Archive:
    """The crawl's Archive, opened on first use from ``DUCHA_DB``."""
    archive = getattr(crawler, "_ducha_archive", None)
    if archive is None:
        archive = Archive(crawler.settings.get("DUCHA_DB"), warc_dir=warc_dir_for(crawler.settings))
        crawler._ducha_archive = archive
    return archive
