"""``ducha serve``: the product serves the same face from a checkout and from an installed wheel."""
from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import urllib.request
import zipfile
from pathlib import Path

import pytest

from archive.store import Archive
from archive.web.metadata import canned_queries
from tests.web.browser import serve

REPO = Path(__file__).resolve().parents[2]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.status, resp.read().decode("utf-8")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The project built as a wheel, as `pip install .` would install it."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(out), str(REPO)], check=True, capture_output=True)
    return next(out.glob("ducha_archive-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A scratch venv holding only the wheel; its dependencies come from this venv's site-packages."""
    venv = tmp_path_factory.mktemp("scratch") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    str(wheel)], check=True, capture_output=True)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig;print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv


def test_the_wheel_ships_the_product_not_the_tests(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "archive/web/templates/ducha_document.html" in names
    assert "spiders/sites.yaml" in names
    assert not any(n.startswith("tests/") for n in names)
    requires = next(n for n in names if n.endswith("METADATA"))
    meta = zipfile.ZipFile(wheel).read(requires).decode()
    assert "Requires-Dist: reportlab" in meta and "extra == \"sim\"" in meta.split("Requires-Dist: reportlab")[1]


def test_serve_from_an_installed_wheel_serves_the_canned_queries_and_robots(installed, tmp_path):
    db = tmp_path / "archive.db"
    Archive(str(db)).close()
    probe = subprocess.run([str(installed / "bin" / "python"), "-c", "import crawler;print(crawler.__file__)"],
                           cwd=tmp_path, check=True, capture_output=True, text=True).stdout
    assert str(installed) in probe, "the scratch venv must run the installed wheel, not the checkout"
    with serve(db, command=[str(installed / "bin" / "ducha")], cwd=tmp_path) as url:
        status, body = _get(f"{url}/archive.json")
        assert status == 200
        served = {q["name"] for q in json.loads(body)["queries"]}
        assert set(canned_queries()) <= served
        status, robots = _get(f"{url}/robots.txt")
        assert "Disallow: /archive" in robots

