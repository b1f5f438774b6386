"""Do the name-and-number readers answer the same when a writer words the same fact another way?

    .venv/bin/python bench/paraphrase_probe_names.py            # per kind and variation: variants that changed answer
    .venv/bin/python bench/paraphrase_probe_names.py --list     # also each variant that changed, with both answers

Kinds probed: citation, inspection, info_block, task_count, feedback (status and deadline: ``bench/paraphrase_probe.py``).
Rows probed: the dev rows the bench shows (``_readable``: never the kept-unread sets) that the reader reads right.  Each
variation is a label-preserving rewrite a government writer uses (another numeral script, full-width digits, traditional
script, a mirror's inline pinyin, the other punctuation width, a synonym the corpus README treats as the same fact, a
neutral clause or a list enumerator around the text, and — but for info blocks — the forms a layout gives a text:
``bench/layout_forms.py``); a variation that does not apply to a row (changes nothing) is not
counted.  A variant's answer is compared after folding script, width and spacing (an info block's publisher is sliced
from the text as written, so a traditional-script variant names it in traditional script).
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.ledger.language import expected, load
from archive.ledger.naming import cn_ordinal
from archive.script_fold import VARIANTS, fold_script
from archive.timeliness.dates import cn_number
from bench.layout_forms import break_after_comma, letter_spaced, pdf_round_trip
from bench.ledger_language import _readable, readers

Variation = Callable[[str], str]
KINDS = ("citation", "inspection", "info_block", "task_count", "feedback")

_DIGIT = "〇一二三四五六七八九"
_UNIT = "月日项个条批轮组号家次"


#: a machine's timestamp (2018年10月19日 07:29): a CMS prints it, never in Chinese numerals
_STAMP = re.compile(r"((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)")


def to_chinese_numerals(text: str) -> str:
    """Years digit by digit (2020年 二〇二〇年), counts below 100 before a unit (3月 三月, 第12项 第十二项); a
    timestamp is left as printed."""
    parts = _STAMP.split(text)
    if len(parts) > 1:
        return "".join(part if i % 2 else to_chinese_numerals(part) for i, part in enumerate(parts))
    text = re.sub(r"(?<![\d.])(\d{4})(?=\s*年)", lambda m: "".join(_DIGIT[int(c)] for c in m.group(1)), text)
    return re.sub(rf"(?<![\d.\-/:：])(\d{{1,2}})\s*(?=[{_UNIT}])", lambda m: cn_ordinal(int(m.group(1))) if int(m.group(1)) else "〇", text)


def to_arabic_numerals(text: str) -> str:
    """Chinese-numeral years and counts before a unit in Arabic digits (二〇二〇年 2020年, 第十二项 第12项)."""
    text = re.sub(r"([〇零一二三四五六七八九]{4})(?=年)", lambda m: str(cn_number(m.group(1))), text)
    return re.sub(rf"(?<![一二三四五六七八九十百千万〇])([一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
                  rf"(?=[{_UNIT}])", lambda m: str(cn_number(m.group(1))), text)


def full_width_digits(text: str) -> str:
    """ASCII digits as full-width ones (2020 ２０２０)."""
    return text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def space_before_unit(text: str) -> str:
    """A space between a number and its unit (2020 年, 3 月, 12 项)."""
    return re.sub(rf"(\d)(?=[年{_UNIT}])", r"\1 ", text)


#: simplified → traditional for common characters of these texts (checked against the project's fold: each pair is one
#: of its traditional → simplified pairs; the fold's table alone also holds variant forms no writer uses, 年 秊, 局 侷)
_PAIRS = ("发發时時间間来來报報网網门門户戶县縣区區环環态態护護组組轮輪馈饋问問题題项項务務员員会會厅廳关關于於导導数數个個"
          "级級进進驻駐专專记記责責编編辑輯浏瀏览覽宁寧东東广廣龙龍辽遼苏蘇湾灣贵貴云雲陕陝单單审審计計开開实實现現对對业業"
          "经經济濟资資产產据據动動这這书書长長领領为為与與处處应應标標准準监監测測统統总總结結达達条條废廢气氣车車复復检檢"
          "视視说說话話语語无無头頭号號点點击擊设設调調节節阅閱读讀转轉载載规規划劃细細则則县縣乡鄉镇鎮庆慶")
_TO_TRADITIONAL = str.maketrans({_PAIRS[i]: _PAIRS[i + 1] for i in range(0, len(_PAIRS), 2)
                                 if _PAIRS[i + 1] in VARIANTS.get(_PAIRS[i], "")})


def traditional(text: str) -> str:
    """The text in traditional script (the characters of ``_PAIRS``)."""
    return text.translate(_TO_TRADITIONAL)


#: inline pinyin a mirror prints after a character (the corpus shows 生態(tài), 環(huán), 進(jìn))
_PINYIN = {"态": "tài", "環": "huán", "环": "huán", "进": "jìn", "督": "dū", "察": "chá", "馈": "kuì", "源": "yuán"}


def inline_pinyin(text: str) -> str:
    """A mirror's toned pinyin after the first character that has one in the table (and none yet)."""
    for i, ch in enumerate(text):
        if ch in _PINYIN and text[i + 1:i + 2] not in ("(", "（"):
            return f"{text[:i + 1]}({_PINYIN[ch]}){text[i + 1:]}"
    return text


def full_width_marks(text: str) -> str:
    """ASCII , : ; ( ) as the full-width marks."""
    return text.translate(str.maketrans(",:;()", "，：；（）"))


def ascii_marks(text: str) -> str:
    """Full-width ， ： ； （ ） as ASCII marks."""
    return text.translate(str.maketrans("，：；（）", ",:;()"))


def no_final_stop(text: str) -> str:
    """The text without its final 。."""
    return text.removesuffix("。")


def spaced_marks(text: str) -> str:
    """A space after each comma, colon and semicolon (not inside a clock's 09:13)."""
    return re.sub(r"([,，:：;；])(?=\S)(?!(?<=\d[:：])\d)", r"\1 ", text)


def _swap(pairs: Iterable[tuple[str, str]]) -> Variation:
    """A synonym variation: the first phrase of ``pairs`` found, replaced (not inside a longer phrase it belongs to)."""
    def vary(text: str) -> str:
        for old, new in pairs:
            found = re.search(old, text)
            if found:
                return text[:found.start()] + new + text[found.end():]
        return text
    return vary


#: per kind, phrases the README reads as the same fact (regex → replacement; the first that matches is used)
SYNONYMS: dict[str, Variation] = {
    "inspection": _swap([(r"(?<!生态)环境保护督察", "环保督察"), (r"环保督察", "环境保护督察")]),
    "info_block": _swap([(r"(?<!信息)来源(?=[:：])", "信息来源"), (r"信息来源(?=[:：])", "来源"),
                         (r"发布时间(?=[:：])", "发布日期"), (r"发布日期(?=[:：])", "发布时间")]),
    "citation": _swap([(r"(?<=\d)项问题", "个问题"), (r"整改问题", "反馈问题")]),
    "task_count": _swap([(r"共(?=[有明确梳理制定]|\d)", "共计"), (r"整改任务", "整改事项")]),
    "feedback": _swap([(r"反馈意见", "反馈问题"), (r"督察组", "督察工作组")]),
}


def separators(text: str) -> str:
    """Another separator between two fields of an info block's line: | ｜ 丨 in turn, or `` | `` for the spaces
    between a field and the next label."""
    for old, new in (("|", "｜"), ("｜", "丨"), ("丨", "|")):
        if old in text:
            return text.replace(old, new)
    return re.sub(r"(?<=\S)[ \t\u3000]{2,}(?=(?:信息|本文)?来源|发布|作者|编辑|浏览|点击)", " | ", text, count=1)


def prefix(clause: str) -> Variation:
    """A neutral clause (or a list enumerator) before the text."""
    return lambda text: clause + text


def suffix(clause: str) -> Variation:
    """A neutral clause after the text (its final stop kept)."""
    return lambda text: text + ("" if text.endswith("。") else "。") + clause


_COMMON: dict[str, Variation] = {
    "to_chinese_numerals": to_chinese_numerals, "to_arabic_numerals": to_arabic_numerals,
    "full_width_digits": full_width_digits, "space_before_unit": space_before_unit,
    "traditional": traditional, "inline_pinyin": inline_pinyin,
    "full_width_marks": full_width_marks, "ascii_marks": ascii_marks, "spaced_marks": spaced_marks,
}
_SENTENCE: dict[str, Variation] = {  # (the layout's forms too: an info block is read from a page's HTML, never a PDF)
    "break_after_comma": break_after_comma, "letter_spaced": letter_spaced, "pdf_round_trip": pdf_round_trip,
    "no_final_stop": no_final_stop, "prefix_据悉": prefix("据悉，"), "prefix_目前": prefix("目前，"),
    "enum_1、": prefix("1、"), "enum_(一)": prefix("（一）"), "enum_一是": prefix("一是"),
    "suffix_下一步": suffix("下一步，将继续做好相关工作。"),
}


def variations(kind: str) -> dict[str, Variation]:
    """The variations probed for ``kind`` (a sentence's context clauses are no variation of an info block)."""
    out = dict(_COMMON)
    if kind == "info_block":
        out["separators"] = separators
    else:
        out.update(_SENTENCE)
    out["synonyms"] = SYNONYMS[kind]
    return out


def _norm(value: Any) -> Any:
    """An answer folded for comparison (script, width, spacing of any text in it)."""
    if isinstance(value, str):
        return re.sub(r"\s+", "", fold_script(unicodedata.normalize("NFKC", value)))
    if isinstance(value, tuple | list):
        return tuple(_norm(v) for v in value)
    return value


Changed = dict[str, list[tuple[str, str, Any, Any]]]


def probe(kind: str, rows: list[dict[str, Any]]) -> tuple[Changed, dict[str, int]]:
    """Per variation, the variants of ``rows`` read right whose answer changed ((row id, variant, was, now)), and how
    many variants were tried."""
    read = readers()[kind]
    changed: Changed = {name: [] for name in variations(kind)}
    tried = dict.fromkeys(changed, 0)
    for row in rows:
        was = read(row)
        if was != expected(row):
            continue
        for name, vary in variations(kind).items():
            text = vary(row["text"])
            if text == row["text"]:
                continue
            tried[name] += 1
            now = read({**row, "text": text})
            if _norm(now) != _norm(was):
                changed[name].append((row["id"], text, was, now))
    return changed, tried


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list each variant that changed answer")
    parser.add_argument("--kind", action="append", choices=KINDS, help="probe only this kind (repeat for several)")
    args = parser.parse_args()
    print(f"{'kind':<11} {'variation':<20} {'tried':>6} {'changed':>8}")
    for kind in args.kind or KINDS:
        changed, tried = probe(kind, _readable(load(kind, split="dev")))
        for name, hits in changed.items():
            print(f"{kind:<11} {name:<20} {tried[name]:>6} {len(hits):>8}")
            if args.list:
                for rid, text, was, now in hits:
                    print(f"    {rid}: {was!r} -> {now!r}\n        {text}")
        print(f"{kind:<11} {'(all)':<20} {sum(tried.values()):>6} {sum(map(len, changed.values())):>8}")


if __name__ == "__main__":
    main()
