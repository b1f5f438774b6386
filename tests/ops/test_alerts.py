"""Alert digests as a reader gets them: links that can be followed from an e-mail, each fact told once."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.ops.alerts import Digest, send_digest
from archive.ops.config import AlertConfig, load_config
from archive.ops.ledger_alerts import LedgerEvent
from archive.store import Archive

PROGRESS = "https://sthjt.hunan.gov.cn/sthjt/xxgk/zdly/202610/t20261030_3999986.html"


def event(kind: str, plan: int, number: int = 1, **extra: object) -> LedgerEvent:
    """A ledger event of plan posting ``plan`` (task ``number``) in 湖南省."""
    return LedgerEvent(key=f"{kind}:{plan}:{number}", kind=kind, region="湖南省", plan_document_id=plan,
                       plan_title="湖南省整改方案", number=number, problem="医疗废物收集处置能力不足问题",
                       deadline="2020-02-29", since="2020-03-01", **extra)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An empty archive file (it records the alerts sent)."""
    Archive(tmp_path / "archive.db").close()
    return tmp_path / "archive.db"


def sent_text(db: Path, tmp_path: Path, digest: Digest, **config: object) -> str:
    """The text of ``digest`` as the alert log received it."""
    log = tmp_path / "alerts.jsonl"
    assert send_digest(db, AlertConfig(log_file=str(log), **config), digest) == {"log": "ok"}
    return json.loads(log.read_text(encoding="utf-8").splitlines()[-1])["text"]


def test_digest_links_are_absolute_on_the_base_url(db, tmp_path):
    digest = Digest(subject="[ducha] run 7", ledger=[event("overdue", 62)])
    text = sent_text(db, tmp_path, digest, base_url="https://ducha.example.org")
    assert "\n    https://ducha.example.org/-/ducha/ledger/62#task-1" in text
    assert "\n    /-/ducha/ledger/" not in text


def test_base_url_comes_from_the_environment_without_its_trailing_slash(tmp_path):
    assert load_config(None, env={"DUCHA_BASE_URL": "https://ducha.example.org/"}).alerts.base_url == \
        "https://ducha.example.org"
    assert load_config(None, env={}).alerts.base_url == ""


def test_a_task_reported_done_is_one_line_even_when_two_copies_of_its_plan_list_it(db, tmp_path):
    claimed = {"notice_document_id": 90, "notice_url": PROGRESS, "notice_title": "湖南省整改落实情况",
               "posted": "2026-10-30", "reported": "已完成整改"}
    digest = Digest(subject="[ducha] run 7", ledger=[event("claimed", 112, **claimed),
                                                     event("claimed", 113, **claimed)])
    text = sent_text(db, tmp_path, digest)
    assert text.count("第1项 医疗废物收集处置能力不足问题 — reported 已完成整改") == 1
    assert "Tasks reported done without a close-out 公示 (1):" in text
