"""CSV for spreadsheets: UTF-8 with a byte-order mark, so Excel on Windows reads Chinese text instead of
mojibake (without the mark it assumes the local code page).  Every CSV the project writes starts with it:
the reports of ``ducha report … --format csv``, ``ducha probe --format csv`` and Datasette's ``.csv``
(``archive.web.csv_labels``)."""
from __future__ import annotations

BOM = "\ufeff"


def with_bom(text: str) -> str:
    """``text`` starting with exactly one byte-order mark."""
    return text if text.startswith(BOM) else BOM + text
