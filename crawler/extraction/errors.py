"""Named exceptions of the extraction library.

Public functions do not let these escape: ``extract_attachment_text`` turns them into an
``AttachmentText.error`` string.  They exist so that the internal readers can stop early with a
message a journalist can read ("zip bomb: …", "not a PDF (HTML page)").
"""
from __future__ import annotations


class ExtractionError(Exception):
    """Base class for extraction problems."""


class AttachmentError(ExtractionError):
    """An attachment cannot be read; the message is stored as the attachment's error."""


class LimitExceeded(AttachmentError):
    """A size, count, depth or page limit was reached (zip bombs, giant spreadsheets)."""
