"""The deadline reader (``archive.ledger.deadlines``) on cases found in review: our own sentences, none a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline


@pytest.mark.parametrize(("text", "day"), [("完成时限:2022.06", "2022-06-30"), ("2021/9前完成", "2021-09-30"),
                                           ("完成时限：2022.6。", "2022-06-30")])
def test_a_month_dotted_after_its_year_is_a_limit(text: str, day: str) -> None:
    assert deadline(text, context_year=2020).iso() == day


@pytest.mark.parametrize("text", ["确保2020.5万吨完成", "2019.6亩完成", "力争2021.5公里建成"])
def test_a_quantity_with_a_decimal_is_no_month(text: str) -> None:
    assert deadline(text, context_year=2020).iso() is None
