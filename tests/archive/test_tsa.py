"""Trusted timestamps of chain manifests against a local RFC 3161 TSA (``openssl ts -reply`` behind a loopback
HTTP server): the token is stored beside the manifest, ``openssl ts -verify`` accepts it, verify --chain checks
it, and a manifest altered after stamping fails it."""
from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from archive.chain import verify_chain, write_manifest
from archive.warc import WarcWriter

TSA_CONFIG = """
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = {dir}
serial = $dir/serial
signer_cert = $dir/tsa.crt
signer_key = $dir/tsa.key
certs = $dir/tsa.crt
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A local time-stamping authority on loopback: (its URL, its CA certificate)."""
    folder = tmp_path_factory.mktemp("tsa")
    _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
             "-out", "ca.crt", "-subj", "/CN=Test TSA root", "-days", "2", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign", cwd=folder)
    _openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "tsa.key",
             "-out", "tsa.csr", "-subj", "/CN=Test TSA", cwd=folder)
    (folder / "ext.cnf").write_text("extendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature\n")
    _openssl("x509", "-req", "-in", "tsa.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
             "-extfile", "ext.cnf", "-out", "tsa.crt", cwd=folder)
    (folder / "serial").write_text("01\n")
    (folder / "tsa.cnf").write_text(TSA_CONFIG.format(dir=folder))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            query = self.rfile.read(int(self.headers["Content-Length"]))
            reply = subprocess.run(["openssl", "ts", "-reply", "-config", str(folder / "tsa.cnf"), "-queryfile",
                                    "/dev/stdin", "-out", "/dev/stdout"], input=query, capture_output=True,
                                   timeout=60, check=False)
            self.send_response(200 if reply.returncode == 0 else 500)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.end_headers()
            self.wfile.write(reply.stdout)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsa", folder / "ca.crt"
    server.shutdown()
    server.server_close()


def _one_run(archive) -> int:
    run_id = archive.begin_run(now="2026-11-23T09:00:00+08:00")
    with WarcWriter(archive.warc_dir, run_id=run_id) as writer:
        writer.write_exchange(url="https://www.mee.gov.cn/a.shtml", status=200, body=b"<html>a</html>")
    archive.finish_run(run_id, now="2026-11-23T09:05:00+08:00", warc_files=writer.files)
    return run_id


def test_a_manifest_is_timestamped_and_checked(archive, tsa, monkeypatch):
    url, ca = tsa
    monkeypatch.setenv("DUCHA_TSA_URL", url)
    run_id = _one_run(archive)
    entry = write_manifest(archive.conn, archive.path, run_id, now="2026-11-23T09:06:00+08:00",
                           warc_dir=archive.warc_dir)
    token = entry.path.with_suffix(".tsr")
    assert entry.timestamped and token.is_file()
    # the third party's check, with openssl alone
    openssl = subprocess.run(["openssl", "ts", "-verify", "-data", str(entry.path), "-in", str(token), "-CAfile",
                              str(ca)], capture_output=True, text=True, check=False)
    assert openssl.returncode == 0 and "Verification: OK" in openssl.stdout

    assert verify_chain(archive.path).notes == [f"manifest of run {run_id} is unsigned (no key when it was written)",
                                                (f"timestamp of run {run_id} not checked: set DUCHA_TSA_CA to the "
                                                 "TSA's CA certificate")]
    monkeypatch.setenv("DUCHA_TSA_CA", str(ca))
    report = verify_chain(archive.path)
    assert report.ok and report.timestamped == 1

    entry.path.write_bytes(entry.path.read_bytes().replace(b'"status": "ok"', b'"status": "OK"'))
    problems = verify_chain(archive.path).problems
    assert any(p.startswith(f"manifest of run {run_id} ({entry.path.name}) was altered") for p in problems)
    assert any(p.startswith(f"timestamp of run {run_id} ({token.name}) does not verify") for p in problems)


def test_an_unreachable_tsa_leaves_the_manifest_without_a_token(archive, monkeypatch):
    monkeypatch.setenv("DUCHA_TSA_URL", "http://127.0.0.1:9/tsa")  # the discard port: nothing listens
    run_id = _one_run(archive)
    entry = write_manifest(archive.conn, archive.path, run_id, now="2026-11-23T09:06:00+08:00",
                           warc_dir=archive.warc_dir)
    assert entry.path.is_file() and not entry.timestamped and not entry.path.with_suffix(".tsr").exists()
