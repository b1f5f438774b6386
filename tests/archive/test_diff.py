"""Diffs: escaped HTML only, character-level for Chinese, fast on 20,000-character versions."""
from __future__ import annotations

import random
import time

from archive.diff import diff_stats, inline_diff, sentences, side_by_side

WORDS = ["整改", "方案", "验收", "销号", "公示", "督察", "反馈", "问题", "责任", "单位", "目标", "措施", "完成", "情况", "生态", "环境", "保护", "治理", "污染", "排放"]


def chinese_text(n_chars: int, seed: int = 1) -> str:
    """Deterministic Chinese-looking text of about ``n_chars`` characters, in sentences."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n_chars:
        sentence = "".join(rng.choice(WORDS) for _ in range(rng.randint(5, 15))) + rng.choice("。，；") 
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:n_chars]


def five_edits(text: str) -> str:
    """``text`` with five scattered edits (replace, insert, delete)."""
    t = list(text)
    t[1000:1004] = "二〇二四年"
    t[5000:5000] = "新增一句话。"
    del t[9000:9010]
    t[14000:14002] = "销号"
    t[19000:19000] = "（已更正）"
    return "".join(t)


def test_inline_diff_is_character_level():
    assert inline_diff("整改完成情况", "整改未完成情况") == "整改<ins>未</ins>完成情况"
    assert inline_diff("公示期10个工作日", "公示期5个工作日") == "公示期<del>10</del><ins>5</ins>个工作日"
    assert inline_diff("同样", "同样") == "同样"


def test_markup_in_either_text_comes_out_escaped():
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    for html_out in (inline_diff("正文", "正文" + evil), inline_diff(evil, "正文"), side_by_side(evil, "正文"),
                     side_by_side("正文。", "正文。" + evil)):
        assert "<script" not in html_out and "<img" not in html_out
        assert "&lt;script&gt;" in html_out


def test_side_by_side_is_a_table_of_sentences():
    table = side_by_side("第一句。第二句。", "第一句。第二句改了。")
    assert table.lstrip().startswith("<table") and "第二句" in table
    assert sentences("甲。乙！\n丙") == ["甲。", "乙！", "丙"]


def test_diff_stats():
    assert diff_stats("整改完成", "整改未完成") == {"inserted": 1, "deleted": 0, "unchanged": 4, "hunks": 1}


def test_twenty_thousand_characters_five_edits_is_fast():
    old = chinese_text(20_000)
    new = five_edits(old)
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        out = inline_diff(old, new)
        timings.append(time.perf_counter() - start)
    best = min(timings) * 1000
    print(f"inline_diff 20k chars / 5 edits: best {best:.2f} ms, all {[round(t * 1000, 2) for t in timings]}")
    assert best < 50
    assert out.count("<ins>") + out.count("<del>") >= 5
    start = time.perf_counter()
    side_by_side(old, new)
    assert (time.perf_counter() - start) * 1000 < 500
