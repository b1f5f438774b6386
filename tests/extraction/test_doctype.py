"""doc_type: title rules first, body as tie-breaker; real titles from the 定西 Hanweb list."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from crawler.extraction.doctype import DOC_TYPES, classify

DINGXI_EXPECTED = {
    "定西市省级第二轮生态环境保护督察反馈问题第16项整改任务完成情况公示": "acceptance_notice",
    "定西市农业农村局落实甘肃省第二轮生态环境保护督察反馈问题第4项整改任务完成情况公示": "acceptance_notice",
    "定西市工信局关于对省级第二轮环保督察反馈第四项第十三项问题整改完成情况的公示": "acceptance_notice",
    "S42漳县至三岔高速公路工程环境影响评价第二次公示": "eia_notice",
    "定西市“春节”文明祭祀倡议书": "other",
    "定西市人民代表大会常务委员会公告（第10号）": "other",
    "关于在定西市岷县开展省级自然资源所有权首次登记的通告": "other",
}


@pytest.fixture(scope="module")
def dingxi_titles(shared_dir: Path) -> list[str]:
    """Full titles (``@title``) of the real 定西 dataproxy list."""
    xml = (shared_dir / "real-samples" / "hanweb-dataproxy-dingxi.xml").read_text(encoding="utf-8")
    return re.findall(r'title="([^"]+)"', xml)


def test_dingxi_titles(dingxi_titles: list[str]) -> None:
    got = {title: classify(title, "") for title in dingxi_titles}
    for title, code in DINGXI_EXPECTED.items():
        assert got[title] == code, title
    assert sum(code == "acceptance_notice" for code in got.values()) == 3
    assert all(code in DOC_TYPES for code in got.values())


@pytest.mark.parametrize(("title", "code"), [
    ("江苏省贯彻落实第三轮中央生态环境保护督察报告整改方案", "rectification_plan"),
    ("关于印发《昭通市贯彻落实省级生态环境保护督察报告整改方案》的通知", "rectification_plan"),
    ("湖南省第二轮中央生态环境保护督察整改落实情况", "rectification_progress"),
    ("2024年第二季度督察整改进展情况", "rectification_progress"),
    ("中央第五生态环境保护督察组向广东省反馈督察情况", "inspection_feedback"),
    ("中央第三生态环境保护督察组公开第二批典型案例", "typical_case"),
    ("关于某项目环境影响报告书受理情况的公示", "eia_notice"),
    ("深入学习贯彻习近平生态文明思想任务 验收销号意见公开公示内容", "acceptance_notice"),
])
def test_title_rules(title: str, code: str) -> None:
    assert classify(title, "") == code


def test_body_breaks_ties_when_title_is_generic() -> None:
    body = "该问题已整改完成，经验收销号，现予公示。自发布之日起10个工作日内有异议的，请联系。"
    assert classify("公示", body) == "acceptance_notice"
    assert classify("通知", "请各单位做好国庆假期值班安排。") == "other"


def test_title_beats_body() -> None:
    assert classify("某市典型案例", "验收销号 验收销号 现予公示") == "typical_case"
