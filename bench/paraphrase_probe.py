"""Do the readers keep their answer when a writer words the same fact another way?

    .venv/bin/python bench/paraphrase_probe.py                  # status and deadline: variants changed, per variation
    .venv/bin/python bench/paraphrase_probe.py --list           # …and each variant that changed its answer
    .venv/bin/python bench/paraphrase_probe.py --kind deadline  # one kind

Takes the dev rows the language bench shows (never the kept-unread sets) that the reader reads right, applies
label-preserving variations (numeral script, full-width digits, spacing, traditional script, a mirror's inline pinyin,
punctuation forms, synonyms from a short table per kind, a neutral prefix or list enumerator, and the forms a layout
gives a text: a line break after a comma, letter spacing, a PDF's wrapped lines — ``bench/layout_forms.py``) and counts, per kind and
variation, the variants whose answer differs from the row's label.  A variation that does not apply to a row (nothing
to substitute) makes no variant.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: the repository's bench package

from archive.ledger.language import READERS, Row, expected, load
from archive.ledger.naming import cn_ordinal
from archive.script_fold import VARIANTS
from archive.timeliness.dates import cn_number
from bench.layout_forms import break_after_comma, letter_spaced, pdf_round_trip
from bench.ledger_language import _readable

Variation = Callable[[str], list[str]]
CN_DIGITS = "〇一二三四五六七八九"
KINDS = ("status", "deadline")


def _once(text: str, new: str) -> list[str]:
    return [new] if new != text else []


def arabic_to_chinese(text: str) -> list[str]:
    """2020年 → 二〇二〇年, 3月 → 三月, 第12项 → 第十二项, 14个 → 十四个."""
    out = re.sub(r"(?<!\d)((?:19|20)\d{2})(?=年)", lambda m: "".join(CN_DIGITS[int(d)] for d in m.group(1)), text)
    out = re.sub(r"(?<![\d.])([1-9]\d?)(?=[月日号项个件条处家批轮])",
                 lambda m: cn_ordinal(int(m.group(1))), out)
    return _once(text, out)


def chinese_to_arabic(text: str) -> list[str]:
    """二〇二〇年 → 2020年, 三月 → 3月, 十二项 → 12项 (positional numerals below 100)."""
    out = re.sub(r"([〇零一二三四五六七八九]{4})(?=年)",
                 lambda m: str(cn_number(m.group(1))), text)
    out = re.sub(r"(?<![〇零一二三四五六七八九十百千万第])([一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
                 r"(?=[月日项个件条处])(?!.一)", lambda m: str(cn_number(m.group(1))), out)
    return _once(text, out)


def full_width_digits(text: str) -> list[str]:
    """2020 → ２０２０, 100% → １００％."""
    return _once(text, text.translate(str.maketrans("0123456789%", "０１２３４５６７８９％")))


def unit_spaces(text: str) -> list[str]:
    """2020年3月 → 2020 年 3 月 (a PDF's spacing)."""
    return _once(text, re.sub(r"(\d)(?=[年月日号项个件条处])", r"\1 ", text))


def range_dash(text: str) -> list[str]:
    """2023-2025年 → 2023—2025年 / 2023～2025年 / 2023至2025年."""
    if not re.search(r"\d-\d", text):
        return []
    return [re.sub(r"(?<=\d)-(?=\d)", dash, text) for dash in ("—", "～", "至")]


def traditional(text: str) -> list[str]:
    """Simplified → traditional, the project's own fold table read backwards (the first traditional form)."""
    return _once(text, "".join(VARIANTS[c][1] if len(VARIANTS.get(c, "")) > 1 else c for c in text))


def inline_pinyin(text: str) -> list[str]:
    """A mirror's pinyin after a character: 生态(tài), 整(zhěng)改."""
    for char, syllable in (("态", "tài"), ("整", "zhěng"), ("完", "wán"), ("前", "qián"), ("进", "jìn")):
        if char in text:
            return [text.replace(char, f"{char}({syllable})", 1)]
    return []


def full_width_marks(text: str) -> list[str]:
    """, : ; ( ) → ，：；（ ）."""
    return _once(text, text.translate(str.maketrans(",:;()", "，：；（）")))


def ascii_marks(text: str) -> list[str]:
    """，：；（ ） → , : ; ( )."""
    return _once(text, text.translate(str.maketrans("，：；（）", ",:;()")))


def list_comma(text: str) -> list[str]:
    """、 ↔ ， between items."""
    if "、" in text:
        return [text.replace("、", "，")]
    return []


def no_final_stop(text: str) -> list[str]:
    """A final 。 left out (or added)."""
    return [text[:-1]] if text.endswith(("。", ".")) else [text + "。"]


def extra_spaces(text: str) -> list[str]:
    """A space after each mark and around the text."""
    return _once(text, " " + re.sub(r"([，,：:；;。、])", r"\1 ", text) + " ")


SYNONYMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "status": (("已完成", "已经完成", "业已完成", "均已完成", "已全面完成"),
               ("正在推进", "正在实施", "有序推进", "稳步推进", "加快推进"),
               ("滞后", "缓慢", "迟缓"),
               ("基本完成", "基本完工", "基本完毕"),
               ("截至目前", "截止目前", "到目前为止", "截至当前")),
    "deadline": (("年底前", "年末前", "年底以前", "年底之前"),
                 ("月底前", "月底以前", "月底之前"),
                 ("日前完成", "日以前完成", "日之前完成"),
                 ("确保", "力争", "务必")),
}
#: a synonym is not substituted after a negation or inside a longer word
_NEGATED = "未没不尚无非"


def synonyms(kind: str) -> Variation:
    def vary(text: str) -> list[str]:
        out: list[str] = []
        for group in SYNONYMS[kind]:
            for word in group:
                for m in re.finditer(re.escape(word), text):
                    if m.start() and text[m.start() - 1] in _NEGATED:
                        continue
                    out += [text[:m.start()] + other + text[m.end():] for other in group if other != word]
                    break
        return out
    vary.__doc__ = f"{kind} synonyms from a short table"
    return vary


def _either_way(text: str, one: tuple[str, str], other: tuple[str, str]) -> list[str]:
    """``text`` with the first form (pattern, replacement) replaced when it occurs, else the other."""
    for pattern, replacement in (one, other):
        if re.search(pattern, text):
            return [re.sub(pattern, replacement, text)]
    return []


def year_end_month(text: str) -> list[str]:
    """2020年底前 ↔ 2020年12月底前 (the year's end named by its month)."""
    return _either_way(text, (r"年\s*12\s*月\s*底", "年底"), (r"(?<=[\d〇一二三四五六七八九])年底", "年12月底"))


def before_forms(text: str) -> list[str]:
    """…底前 / …日前 / …月前 → 以前, 之前; 月底 → 月末."""
    out = [re.sub(r"(?<=[底日号])前", form, text) for form in ("以前", "之前")]
    out.append(re.sub(r"月底", "月末", text))
    return [v for v in out if v != text]


def dotted_date(text: str) -> list[str]:
    """2021年6月30日 → 2021.6.30 / 2021-06-30 / 2021/6/30 (a table cell's forms)."""
    day = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
    if not day.search(text):
        return []
    return [day.sub(lambda m: f"{m.group(1)}.{int(m.group(2))}.{int(m.group(3))}", text),
            day.sub(lambda m: f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}", text),
            day.sub(lambda m: f"{m.group(1)}/{int(m.group(2))}/{int(m.group(3))}", text)]


def liang(text: str) -> list[str]:
    """2个 / 2项 → 两个 / 两项 (and back)."""
    return _either_way(text, (r"(?<![\d.])2(?=[个项件家处条])", "两"), (r"(?<![一二三四五六七八九十])两(?=[个项件家处条])", "2"))


def day_hao(text: str) -> list[str]:
    """6月30日 → 6月30号 (the spoken day)."""
    return _once(text, re.sub(r"(?<=月)(\d{1,2})日", r"\1号", text))


def perfective_le(text: str) -> list[str]:
    """已完成整改 → 已完成了整改, 已经完成 → 已经完成了 (the perfective 了 after a completion already stated)."""
    return _once(text, re.sub(r"(已(?:经)?(?:全部|全面)?(?:完成|办结|销号))(?!了)", r"\1了", text))


def quote_forms(text: str) -> list[str]:
    """“…” → "…" and 「…」."""
    if "“" not in text:
        return []
    return [text.replace("“", '"').replace("”", '"'), text.replace("“", "「").replace("”", "」")]


def year_zero(text: str) -> list[str]:
    """二〇二〇年 → 二零二零年 / 二○二○年 (the zero's forms; the Arabic year spelled out first)."""
    spelled = arabic_to_chinese(text)
    source = spelled[0] if spelled else text
    if not re.search(r"[〇一二三四五六七八九]{4}年", source):
        return []
    years = re.compile(r"[〇一二三四五六七八九]{4}(?=年)")
    return [years.sub(lambda m, z=zero: m.group(0).replace("〇", z), source) for zero in "零○"]


def line_break(text: str) -> list[str]:
    """A line break after the first comma (a table cell wrapped, a ``<br>``)."""
    return _once(text, break_after_comma(text))


def letter_spacing(text: str) -> list[str]:
    """Every character set apart (a PDF's letter-spaced text layer: 2 0 1 9 年 底 前)."""
    return _once(text, letter_spaced(text))


def pdf_layout(text: str) -> list[str]:
    """The text set in a PDF and read back by the crawler (``bench/layout_forms.py``)."""
    return _once(text, pdf_round_trip(text))


def pdf_spacing(text: str) -> list[str]:
    """A space between every two Han characters (a PDF's text layer: 年 底 前 完 成)."""
    return _once(text, re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", " ", text))


def prefix(text: str) -> list[str]:
    """A neutral opening: 据悉，… / 经查，…"""
    return [f"据悉，{text}", f"经查，{text}"]


def enumerator(text: str) -> list[str]:
    """A list enumerator before the text: 1. / (一) / 一是"""
    return [f"1.{text}", f"（一）{text}", f"一是{text}"]


def variations(kind: str) -> dict[str, Variation]:
    """Every variation applied to one kind, by name."""
    return {"arabic→chinese": arabic_to_chinese, "chinese→arabic": chinese_to_arabic,
            "full-width digits": full_width_digits, "unit spaces": unit_spaces, "range dash": range_dash,
            "traditional": traditional, "inline pinyin": inline_pinyin, "full-width marks": full_width_marks,
            "ascii marks": ascii_marks, "、→，": list_comma, "final 。": no_final_stop, "extra spaces": extra_spaces,
            "synonyms": synonyms(kind), "year-end month": year_end_month,
            "前 forms": before_forms, "dotted date": dotted_date, "两 / 2": liang, "PDF spacing": pdf_spacing,
            "日 / 号": day_hao, "已…了": perfective_le, "quotes": quote_forms,
            "year zero": year_zero, "line break": line_break, "letter spacing": letter_spacing,
            "PDF round trip": pdf_layout,
            "prefix": prefix, "enumerator": enumerator}


def probe(kind: str, rows: Iterable[Row]) -> dict[str, tuple[int, list[tuple[str, str, object, object]]]]:
    """Per variation: (variants made, [(row id, variant text, expected, read)] of those whose answer changed).
    Only rows the reader reads right are varied."""
    reader = READERS[kind]
    right = [r for r in rows if reader(r) == expected(r)]
    result: dict[str, tuple[int, list[tuple[str, str, object, object]]]] = {}
    for name, vary in variations(kind).items():
        made, changed = 0, []
        for row in right:
            want = expected(row)
            for text in vary(row["text"]):
                made += 1
                got = reader({**row, "text": text})
                if got != want:
                    changed.append((row["id"], text, want, got))
        result[name] = (made, changed)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=KINDS, action="append", help="probe only this kind (repeat for several)")
    parser.add_argument("--list", action="store_true", help="print each variant that changed its answer")
    args = parser.parse_args()
    print(f"{'kind':<10} {'variation':<18} {'variants':>8} {'changed':>8}")
    for kind in args.kind or KINDS:
        for name, (made, changed) in probe(kind, _readable(load(kind, split="dev"))).items():
            print(f"{kind:<10} {name:<18} {made:>8} {len(changed):>8}")
            if args.list:
                for rid, text, want, got in changed:
                    print(f"    {rid}: {text!r} expected {want!r}, read {got!r}")


if __name__ == "__main__":
    main()
