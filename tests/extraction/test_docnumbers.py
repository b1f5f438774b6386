"""文号: variants, normalisation, precision."""
from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extraction.docnumbers import find_doc_numbers


@pytest.mark.parametrize(("text", "expected"), [
    ("川环委〔2023〕1号", ["川环委〔2023〕1号"]),
    ("环督察[2022]58号", ["环督察〔2022〕58号"]),
    ("国办发(2019)12號", ["国办发〔2019〕12号"]),
    ("湘政办发（2021）3号", ["湘政办发〔2021〕3号"]),
    ("粤环【2024】015号", ["粤环〔2024〕15号"]),
    ("环发［2018］ 7 号", ["环发〔2018〕7号"]),
    ("环发2019年12号", ["环发〔2019〕12号"]),
    ("根据川环委〔2023〕1号文件要求", ["川环委〔2023〕1号"]),
    ("按照《方案》（昭办发〔2023〕12号）", ["昭办发〔2023〕12号"]),
    ("川经信委〔2023〕5号", ["川经信委〔2023〕5号"]),
])
def test_variants_normalised(text: str, expected: list[str]) -> None:
    assert find_doc_numbers(text) == expected


@pytest.mark.parametrize("text", ["环办督察函2022 58号", "截至2023年12月底", "第〔2023〕1号", "2023〕1号",
                                  "（2023）", "68个问题在2023年底前完成整改3个", ""])
def test_loose_forms_rejected(text: str) -> None:
    assert find_doc_numbers(text) == []


def test_order_and_dedup() -> None:
    text = "环督察〔2022〕58号……川环委〔2023〕1号……再次引用环督察[2022]58号"
    assert find_doc_numbers(text) == ["环督察〔2022〕58号", "川环委〔2023〕1号"]


def test_seed_001(shared_dir: Path) -> None:
    text = next((shared_dir / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")
    assert find_doc_numbers(text) == ["环督察〔2022〕58号", "川环委〔2023〕1号"]


def test_printed_form_on_request() -> None:
    text = "依据环督察[2026]35号和昭环委〔2026〕77號，再次引用环督察〔2026〕35号"
    assert find_doc_numbers(text, normalise=False) == ["环督察[2026]35号", "昭环委〔2026〕77號"]
    assert find_doc_numbers(text) == ["环督察〔2026〕35号", "昭环委〔2026〕77号"]
