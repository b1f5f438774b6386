"""Where a crawl keeps its evidence (the WARC folder), from the settings."""
from __future__ import annotations

from archive.evidence import default_warc_dir


def warc_dir_for(settings) -> str:
    """The WARC folder: the ``DUCHA_WARC_DIR`` setting, else the archive library's default."""
    return settings.get("DUCHA_WARC_DIR") or str(default_warc_dir(settings.get("DUCHA_DB")))

