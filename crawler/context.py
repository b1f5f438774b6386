"""One ``archive.store.Archive`` per crawl, shared by the spider and the pipeline."""
from __future__ import annotations

from archive.evidence import default_warc_dir
from archive.store import Archive


def warc_dir_for(settings) -> str:
    """The WARC folder: the ``DUCHA_WARC_DIR`` setting, else the archive library's default."""
    return settings.get("DUCHA_WARC_DIR") or str(default_warc_dir(settings.get("DUCHA_DB")))


def archive_for(crawler) -> Archive:
    """The crawl's Archive, opened on first use from ``DUCHA_DB``."""
    archive = getattr(crawler, "_ducha_archive", None)
    if archive is None:
        archive = Archive(crawler.settings.get("DUCHA_DB"), warc_dir=warc_dir_for(crawler.settings))
        crawler._ducha_archive = archive
    return archive
