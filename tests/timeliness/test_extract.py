"""Tests for archive.timeliness.extract (the ``ducha extract`` keys)."""
from __future__ import annotations

from archive.timeliness.extract import extract_timeliness

LN_URL = "https://sthj.ln.gov.cn/sthj/index/tzgg/202407/t20240703_4532100.shtml"


def test_liaoning_extract_keys(seeds: dict[str, str]) -> None:
    out = extract_timeliness(seeds["003"], url=LN_URL, cms_date="2024-07-03", stated_date="2024-07-03")
    assert out["objection"] == {"start": "2024-07-03", "end": "2024-07-16", "working_days": 10,
                                "deadline": "2024-07-16", "deadline_excluding_first_day": "2024-07-17",
                                "calendar": "chinese_calendar 1.11.0"}
    dates = out["dates"]
    assert (dates["cms"], dates["stated"], dates["url"], dates["url_precision"]) == (
        "2024-07-03", "2024-07-03", "2024-07-03", "day")
    found = {(d["source"], d["value"]) for d in dates["found"]}
    assert {("cms", "2024-07-03"), ("url", "2024-07-03"), ("stated", "2024-07-03"), ("stated", "2023-01-17")} <= found
    assert out["timeliness_fields"]["acceptance_date"] == "2023-01-17"


def test_no_objection_object_without_a_window(seeds: dict[str, str]) -> None:
    out = extract_timeliness(seeds["001"], url="https://sthjt.sc.gov.cn/sthjt/c104378/2023/3/20/abc.shtml")
    assert out["objection"] is None
    assert out["dates"]["url"] == "2023-03-20"
    assert [d["canonical"] for d in out["timeliness_fields"]["doc_numbers"]] == ["环督察〔2022〕58号", "川环委〔2023〕1号"]


def test_window_stated_only_in_an_attachment() -> None:
    out = extract_timeliness("现将验收销号情况予以公示（见附件）。", publish_date="2025-06-09",
                             attachment_texts=["公示期：2025年6月9日至2025年6月20日。"])
    assert out["objection"]["working_days"] == 10
    assert {d["location"] for d in out["dates"]["found"] if d["source"] == "stated"} == {"attachment"}
