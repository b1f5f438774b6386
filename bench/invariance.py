"""Do the readers give the same value when a text is written the same in another way?

A real page writes one sentence in many hands: full-width or ASCII punctuation, full-width digits, a space between a
character and a digit (machine-reworded copies), every character spaced apart (a PDF's letter-spaced text layer),
paragraphs indented with full-width spaces, traditional script (mirrors), a line broken after a comma (a ``<br>`` inside
a paragraph), a count in Chinese numerals, and — for an attachment — the lines a PDF's layout wraps it into (the "PDF
round trip": set in a PDF as the simulated web sets attachments, read back by the crawler's own PDF reader).
Zero-width characters are not among them: stored text has none (``archive.normalise.tidy_text``).  None of these
changes what a row's label says, so a reader that reads a row right must read its variant the same; where it does not,
its rules hold the surface of the rows they were written for, not their form.  This bench rewrites every row of the
readable splits each way and counts, per reader and rewrite, the rows whose value changed, and of those the rows that
went from right to wrong (a right row lost).

Counts only for held-out rows; ``--examples`` prints the changed **dev** rows (id, rewrite, before, after, variant).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.ledger.language import KINDS, expected, load
from archive.script_table import SIMPLIFIED, TRADITIONAL
from bench.ledger_language import _readable, readers
from crawler.extraction.office import Limits, read_pdf
from simweb.attachments import build_pdf
from simweb.bodies import AttachmentText

_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"})
_HALF = str.maketrans({v: k for k, v in {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}.items()})
# simplified → the one traditional form a simplified character has when only one folds to it (a safe reverse)
_ONLY: dict[str, str] = {}
for _t, _s in zip(TRADITIONAL, SIMPLIFIED, strict=True):
    _ONLY[_s] = "" if _s in _ONLY else _t
_TO_TRAD = str.maketrans({s: t for s, t in _ONLY.items() if t})
_DIGITS = "零一二三四五六七八九"
_SMALL_COUNT = re.compile(r"(?<![\d.年月日/-])(\d{1,2})(?=[项个件条家处座])")


def _cn(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else _DIGITS[tens] + "十") + (_DIGITS[ones] if ones else "")


#: a paragraph of a plan's preamble set before the excerpt, so the page has full lines as a document has (an excerpt
#: alone is one or two lines, too few to tell a wrapped line from a short one); it ends a sentence, states no date,
#: count, deadline or inspection, and is cut off again before the excerpt is read
_PREAMBLE = ("为深入贯彻习近平生态文明思想，全面落实党中央、国务院关于生态文明建设和生态环境保护的决策部署，"
             "坚持以人民为中心的发展思想，持续改善区域生态环境质量，切实解决人民群众反映强烈的突出生态环境问题，"
             "结合本地实际，制定本方案。")


def _pdf_round_trip(text: str) -> str:
    """The text set in a PDF as the simulated web sets its attachments (40 characters a line, after a preamble
    paragraph) and read back by the crawler's own PDF reader: the text the ledger reads from a PDF attachment."""
    content = AttachmentText(heading="", lines=(_PREAMBLE, *text.splitlines()), table=(), probe="")
    read = read_pdf(build_pdf(content), Limits())[0]
    return read.split(_PREAMBLE[-6:] + "\n", 1)[-1]


def _cn_date(m: re.Match[str]) -> str:
    year = "".join("〇一二三四五六七八九"[int(d)] for d in m.group(1))
    return year + "年" + "".join(_cn(int(g)) + unit for g, unit in ((m.group(2), "月"), (m.group(3), "日")) if g)


_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)年(\d{1,2})月(?:(\d{1,2})日)?")


def _spaced(text: str) -> str:
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff])", " ", text)


REWRITES: dict[str, Callable[[str], str]] = {
    "full-width marks": lambda t: t.translate(_FULL),
    "ASCII marks": lambda t: t.translate(_HALF),
    "space by digits": _spaced,
    "spaced characters": lambda t: " ".join(t),
    "full-width digits": lambda t: t.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "indented lines": lambda t: "\n".join("\u3000\u3000" + line for line in t.split("\n")),
    "traditional script": lambda t: t.translate(_TO_TRAD),
    "line break after comma": lambda t: re.sub(r"([，,])", r"\1\n", t, count=1),
    "PDF round trip": _pdf_round_trip,
    "dates in Chinese": lambda t: _DATE.sub(_cn_date, t),
    "counts in Chinese": lambda t: _SMALL_COUNT.sub(lambda m: _cn(int(m.group(1))), t),
}


#: rewrites that say nothing of a reader: a detail page's info block is read from its HTML, never from a PDF
_NOT_FOR = {"info_block": ("PDF round trip",)}


#: rewrites whose spaces a reader takes out of what it returns (``archive.letter_spacing``)
_VALUES_CLOSED = {"spaced characters", "indented lines"}


def _rewritten_value(value: object, rewrite: Callable[[str], str]) -> object:
    """A value as the variant writes it: a publisher's name is copied as the page writes it, so it is rewritten too."""
    if isinstance(value, str) and not value[:1].isdigit():
        return rewrite(value)
    if isinstance(value, tuple):
        return tuple(_rewritten_value(v, rewrite) for v in value)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "heldout"], default="dev")
    parser.add_argument("--kind", choices=KINDS, action="append")
    parser.add_argument("--rewrite", choices=list(REWRITES), action="append", help="only these rewrites")
    parser.add_argument("--examples", type=int, default=0, help="print up to N changed dev rows per reader and rewrite")
    args = parser.parse_args()
    if args.examples and args.split != "dev":
        parser.error("--examples prints rows: dev only")
    every = readers()
    print(f"{'reader':<11} {'rewrite':<23} {'rows':>5} {'rewritten':>9} {'changed':>7} {'right→wrong':>11} "
          f"{'wrong→right':>11}")
    for kind in args.kind or KINDS:
        rows = _readable(load(kind, split=args.split))
        read = every[kind]
        base = {r["id"]: read(r) for r in rows}
        for name, rewrite in REWRITES.items():
            if args.rewrite and name not in args.rewrite or name in _NOT_FOR.get(kind, ()):
                continue
            rewritten = changed = lost = gained = shown = 0
            for row in rows:
                text = rewrite(row["text"])
                if text == row["text"]:
                    continue
                rewritten += 1
                got = read({**row, "text": text})
                if kind != "info_block" or name in _VALUES_CLOSED:  # only a publisher's name is copied from the text;
                    # one read from a letter-spaced block is given closed, as meant
                    before, want = base[row["id"]], expected(row)
                else:
                    before, want = (_rewritten_value(v, rewrite) for v in (base[row["id"]], expected(row)))
                if got == before:
                    continue
                changed += 1
                lost += before == want
                gained += got == want
                if shown < args.examples:
                    shown += 1
                    print(json.dumps({"id": row["id"], "rewrite": name, "before": before, "after": got,
                                      "want": want, "variant": text}, ensure_ascii=False))
            print(f"{kind:<11} {name:<23} {len(rows):>5} {rewritten:>9} {changed:>7} {lost:>11} {gained:>11}")


if __name__ == "__main__":
    main()
