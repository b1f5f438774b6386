"""WARC evidence: every HTTP exchange of a run written as gzip WARC 1.1 request/response records.

```
WarcWriter(warc_dir, run_id=7)
  ducha-7-20261123T013000Z.warc.gz     warcinfo (software, format, run), then per exchange:
                                       request  (WARC-Concurrent-To → response)
                                       response ◄── WarcRef(file, offset) stored in versions/checks
  ducha-7-20261123T020000Z.warc.gz     … a new file past ``max_bytes``
```

Target URIs are always the original URL (never the mirror's).  When the crawler hands over a
body it has already decoded (Content-Encoding, chunked transfer), those headers are kept as
``X-Archive-Orig-*`` so the record stays self-consistent and ``warcio check`` passes.
"""
from __future__ import annotations

import io
import logging
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import BinaryIO, Self, TypeVar
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.errors import WarcError
from archive.models import WarcRef

T = TypeVar("T")

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 1_000_000_000
Headers = list[tuple[str, str]] | dict[str, str]


def _software() -> str:
    try:
        return f"ducha-archive/{version('ducha-archive')}"
    except PackageNotFoundError:
        return "ducha-archive/unknown"


def _warc_date(fetched_at: str | datetime | None) -> str:
    when = datetime.now(UTC) if fetched_at is None else (
        fetched_at if isinstance(fetched_at, datetime) else datetime.fromisoformat(fetched_at))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S") + (f".{when.microsecond:06d}Z" if when.microsecond else "Z")


def _pairs(headers: Headers | None) -> list[tuple[str, str]]:
    if not headers:
        return []
    return list(headers.items()) if isinstance(headers, dict) else [(str(k), str(v)) for k, v in headers]


def _looks_encoded(encoding: str, body: bytes) -> bool:
    """Whether ``body`` is still in the given Content-Encoding (as received) rather than decoded."""
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return body[:2] == b"\x1f\x8b"
    if encoding == "deflate":
        try:
            zlib.decompressobj().decompress(body[:512])
            return True
        except zlib.error:
            try:
                zlib.decompressobj(-zlib.MAX_WBITS).decompress(body[:512])
                return True
            except zlib.error:
                return False
    return encoding in ("", "identity") or encoding not in ("br", "zstd")


def consistent_headers(headers: Headers | None, body: bytes) -> list[tuple[str, str]]:
    """Response headers that describe ``body`` as stored: encodings already undone move to ``X-Archive-Orig-*``."""
    out: list[tuple[str, str]] = []
    for name, value in _pairs(headers):
        lower = name.lower()
        if lower == "transfer-encoding" or (lower == "content-encoding" and not _looks_encoded(value, body)) or lower == "content-length" and value.strip() != str(len(body)):
            out.append((f"X-Archive-Orig-{name}", value))
        else:
            out.append((name, value))
    return out


class WarcWriter:
    """Thread-safe writer of one run's WARC files in ``warc_dir`` (opened lazily, rotated by size)."""

    def __init__(
        self, warc_dir: str | Path, *, run_id: int | str, software: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.warc_dir = Path(warc_dir)
        self.run_id = run_id
        self.software = software or _software()
        self.max_bytes = max_bytes
        self.files: list[str] = []  # names (relative to warc_dir) written by this writer
        self._lock = threading.Lock()
        self._fh: BinaryIO | None = None
        self._writer: WARCWriter | None = None

    def _open(self) -> None:
        self.warc_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        name, n = f"ducha-{self.run_id}-{stamp}.warc.gz", 1
        while (self.warc_dir / name).exists():
            n += 1
            name = f"ducha-{self.run_id}-{stamp}-{n}.warc.gz"
        self._fh = open(self.warc_dir / name, "xb")  # noqa: SIM115 (closed in close())
        self._writer = WARCWriter(self._fh, gzip=True, warc_version="1.1")
        info = {"software": self.software, "format": "WARC File Format 1.1",
                "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
                "isPartOf": f"ducha run {self.run_id}"}
        self._writer.write_record(self._writer.create_warcinfo_record(name, info))
        self.files.append(name)
        log.info("writing WARC %s", self.warc_dir / name)

    def write_exchange(
        self, *, url: str, method: str = "GET", request_headers: Headers | None = None,
        request_body: bytes = b"", status: int, reason: str = "", response_headers: Headers | None = None,
        body: bytes, fetched_at: str | datetime | None = None,
    ) -> WarcRef:
        """Append a request and a response record for ``url`` (the original URL); return the response's ref."""
        date = _warc_date(fetched_at)
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        req_headers = _pairs(request_headers)
        if not any(k.lower() == "host" for k, _ in req_headers):
            req_headers.insert(0, ("Host", parts.netloc))
        if not reason:
            try:
                reason = HTTPStatus(status).phrase
            except ValueError:
                reason = "Unknown"
        with self._lock:
            if self._fh is not None and self._fh.tell() >= self.max_bytes:
                self._close_file()
            if self._fh is None:
                self._open()
            assert self._writer is not None and self._fh is not None
            writer = self._writer
            try:
                response = writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), length=len(body),
                    warc_headers_dict={"WARC-Date": date},
                    http_headers=StatusAndHeaders(f"{status} {reason}", consistent_headers(response_headers, body),
                                                  protocol="HTTP/1.1"))
                request = writer.create_warc_record(
                    url, "request", payload=io.BytesIO(request_body or b""), length=len(request_body or b""),
                    warc_headers_dict={"WARC-Date": date,
                                       "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")},
                    http_headers=StatusAndHeaders(f"{method.upper()} {target} HTTP/1.1", req_headers,
                                                  is_http_request=True))
                writer.write_record(request)
                offset = self._fh.tell()
                writer.write_record(response)
                self._fh.flush()
            except OSError as exc:
                raise WarcError(f"could not write WARC record for {url}: {exc}") from exc
            return WarcRef(file=self.files[-1], offset=offset)

    def _close_file(self) -> None:
        if self._fh is not None:
            self._fh.close()
        self._fh = self._writer = None

    def close(self) -> None:
        """Close the current file (a later write opens a new one)."""
        with self._lock:
            self._close_file()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class MemberDamage:
    """Why the gzip member of a record cannot be trusted: ``cut`` (the file ends inside it) or ``corrupt`` (no gzip
    member starts there, or its deflate data or checksum is wrong)."""

    kind: str
    detail: str


def gzip_member_damage(fh: BinaryIO, name: str, offset: int, *, whole: bool = True) -> MemberDamage | None:
    """What is wrong with the gzip member at ``offset`` of the open ``.warc.gz`` file ``fh`` (None when nothing is,
    when the file is not gzip, or when the file ends at ``offset``: that is another finding).  ``whole=False`` looks
    at its first two bytes only.

    warcio, handed bytes that do not decompress, falls back to reading them raw — a damaged member's bytes can then
    pass for an ARC record or a WARC record with failed digests, depending on what they happen to hold — and a member
    that breaks after its first block simply ends early, with a message on stderr.  Evidence must not depend on what
    garbage looks like: every reader asks this, and a damaged member is unreadable, never read."""
    if not name.endswith(".gz"):
        return None
    fh.seek(offset)
    head = fh.read(2)
    if len(head) < 2:
        return None
    if head != GZIP_MAGIC:
        return MemberDamage("corrupt", f"no gzip member starts at offset {offset} (bytes {head.hex()}, not 1f8b)")
    if not whole:
        return None
    try:
        _, _, complete = _inflate(fh, offset, keep=False)
    except zlib.error as exc:
        return MemberDamage("corrupt", f"the gzip member at offset {offset} does not decompress ({exc})")
    if not complete:
        return MemberDamage("cut", f"the gzip member at offset {offset} ends before it is complete (file cut?)")
    return None


def _inflate(fh: BinaryIO, offset: int, *, keep: bool) -> tuple[bytes, bytes, bool]:
    """The gzip member at ``offset``: its bytes as stored and inflated (both empty unless ``keep``), and whether it
    is complete (False: the file ends inside it).  A member whose deflate data or CRC is wrong raises ``zlib.error``."""
    fh.seek(offset)
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    stored, inflated = bytearray(), []
    while not decompressor.eof and (chunk := fh.read(1 << 16)):
        if keep:
            stored += chunk
        data = chunk
        while data and not decompressor.eof:  # a bounded output per call: a member may expand a thousandfold
            piece = decompressor.decompress(data, 1 << 20)
            if keep:
                inflated.append(piece)
            data = decompressor.unconsumed_tail
    if keep and decompressor.eof:
        del stored[len(stored) - len(decompressor.unused_data):]  # the next member's first bytes
    return bytes(stored), b"".join(inflated), decompressor.eof


def _record_at(path: Path, ref: WarcRef) -> tuple[BinaryIO, bytes | None]:
    """A stream at ``ref``'s record and, in a ``.warc.gz`` file, the record's gzip member as stored: the member is
    read and inflated once, here, so a damaged one (``gzip_member_damage``) raises ``WarcError`` and is never handed
    to warcio; another file is opened at the offset (the caller closes the stream)."""
    if not path.is_file():
        raise WarcError(f"WARC file not found: {path}")
    with open(path, "rb") as fh:
        if damage := gzip_member_damage(fh, path.name, ref.offset, whole=False):
            raise WarcError(f"unreadable WARC record at {ref.file}:{ref.offset}: {damage.detail}")
        if path.name.endswith(".gz"):
            try:
                stored, inflated, complete = _inflate(fh, ref.offset, keep=True)
            except zlib.error as exc:
                raise WarcError(f"unreadable WARC record at {ref.file}:{ref.offset}: the gzip member does not "
                                f"decompress ({exc})") from exc
            if not complete:
                raise WarcError(f"unreadable WARC record at {ref.file}:{ref.offset}: the gzip member ends before it "
                                "is complete (file cut?)")
            return io.BytesIO(inflated), stored
    fh = open(path, "rb")  # noqa: SIM115 - the caller closes it
    fh.seek(ref.offset)
    return fh, None


def _reading(read: Callable[[str | Path, WarcRef], T], warc_dir: str | Path, ref: WarcRef) -> T:
    """``read(warc_dir, ref)``, any failure other than our own turned into a ``WarcError`` naming the record."""
    try:
        return read(warc_dir, ref)
    except WarcError:
        raise
    except Exception as exc:
        raise WarcError(f"unreadable WARC record at {ref.file}:{ref.offset}: {type(exc).__name__}: {exc}") from exc


def read_record(warc_dir: str | Path, ref: WarcRef) -> tuple[dict, bytes]:
    """Read the record at ``ref``: (headers, payload bytes exactly as stored).

    ``headers`` holds ``warc`` (dict of WARC headers), ``status_line`` and ``http`` (list of pairs).
    A missing file, or a record that cannot be read (corrupt gzip, not WARC), raises ``WarcError``.
    """
    return _reading(_read_record, warc_dir, ref)


def _read_record(warc_dir: str | Path, ref: WarcRef) -> tuple[dict, bytes]:
    stream, _ = _record_at(Path(warc_dir) / ref.file, ref)
    with stream:
        for record in ArchiveIterator(stream):
            body = record.raw_stream.read()
            http = record.http_headers
            headers = {
                "warc": dict(record.rec_headers.headers),
                "status_line": http.statusline if http else None,
                "http": list(http.headers) if http else [],
            }
            return headers, body
    raise WarcError(f"no WARC record at {ref.file}:{ref.offset}")


def record_bytes(warc_dir: str | Path, ref: WarcRef) -> bytes:
    """The raw bytes (one gzip member) of the record at ``ref``, for copying into another WARC file."""
    return _reading(_record_bytes, warc_dir, ref)


def _record_bytes(warc_dir: str | Path, ref: WarcRef) -> bytes:
    stream, stored = _record_at(Path(warc_dir) / ref.file, ref)
    with stream as fh:
        if stored is not None:  # the member as stored, once it holds a WARC record
            if not fh.read(5).startswith(b"WARC/"):
                raise WarcError(f"no WARC record at {ref.file}:{ref.offset}")
            return stored
        it = ArchiveIterator(fh)
        for _record in it:
            it.read_to_end()
            length = it.get_record_length()
            break
        else:
            raise WarcError(f"no WARC record at {ref.file}:{ref.offset}")
        if not length:
            raise WarcError(f"cannot size the record at {ref.file}:{ref.offset}")
        fh.seek(ref.offset)
        return fh.read(length)
