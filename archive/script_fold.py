"""Traditional script folded to simplified, one character for one, where text enters the readers.

Government pages and their mirrors are written in both scripts (督察組 / 督察组, 第三輪 / 第三轮,
反饋 / 反馈, 銷號 / 销号).  The readers' grammars are written once, in simplified script; each reader
folds the text it receives with ``fold_script`` and reads the folded copy.  The table maps single
characters to single characters only (``archive/script_table.py``, generated from zhconv), so every
offset and span read in the folded copy is the same in the original: a reader that returns text
(a publisher's name) slices it from the original, and nothing stored is ever rewritten.

Some mirror sites also print a character's pinyin inline after it (``生態(tài)環(huán)境保護督察組``,
``進(jìn)駐``): a bracketed run of lower-case latin letters carrying tone marks or tone digits, right after
a Han character.  That is no part of the text, and it splits the words the grammars read, so
``for_reading`` takes it out before folding: it returns the text *as written without the annotations*
and its folded copy (same length as each other), and the spans a reader returns are spans of that text.
``unannotated`` also gives, for each character kept, its offset in the text as given, for a reader
whose callers slice the spans from their own text (``archive.timeliness.dates.find_dates``).
Nothing is removed from a text that has no such annotation (the usual case: then the text is returned
as it is, and no offset changes).  The spaces a PDF's text layer or a spaced heading sets between single characters
(``中 央 第 四 生 态``) are taken out the same way (``archive.letter_spacing``).
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from archive.letter_spacing import spacing_gaps
from archive.line_breaks import soften_breaks
from archive.script_table import SIMPLIFIED, TRADITIONAL

logger = logging.getLogger(__name__)

#: ``str.translate`` table: traditional code point → simplified code point
SCRIPT_FOLD: dict[int, int] = str.maketrans(TRADITIONAL, SIMPLIFIED)
#: …and full-width digits to ASCII (２０２０年 2020年): the reading copy of ``for_reading`` (one for one too)
_READING_FOLD: dict[int, int] = SCRIPT_FOLD | str.maketrans("０１２３４５６７８９", "0123456789")
#: each simplified character with every traditional character folded to it (the character itself first)
VARIANTS: dict[str, str] = {}
for _trad, _simp in zip(TRADITIONAL, SIMPLIFIED, strict=True):
    VARIANTS[_simp] = VARIANTS.get(_simp, _simp) + _trad

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_LETTER = f"a-zü{_TONED}"
#: one syllable: letters with a tone mark (tài, huán, jìn), or an initial, a vowel and a tone digit (tai4, zhuan1)
_SYLLABLE = rf"(?:[{_LETTER}]*[{_TONED}][{_LETTER}]*|[b-df-hj-np-tv-z]{{1,2}}h?[aeiouüv]{{1,3}}(?:ng|n|r)?[1-5])"
#: …or a toneless syllable some mirrors print (來(lai)源, 湖北省(sheng)): an initial and a final of the pinyin table, whole
#: (no English word or file type in brackets — (pdf), (app) — is one syllable: the initial is required, the final listed)
_TONELESS = (r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|"
             r"ia|ie|iu|in|ua|uo|ui|un|ve|ue|a|o|e|i|u|v|ü)")
#: a mirror's inline pinyin: (tài) / （huán） / (zhuān mén) / (lai), right after a Han character (checked in ``_annotations``)
PINYIN_ANNOTATION = (rf"[(（]\s*(?:{_SYLLABLE}(?:\s+{_SYLLABLE}){{0,3}}|{_TONELESS}(?:\s+{_TONELESS}){{0,3}})\s*[)）]")
_PINYIN = re.compile(PINYIN_ANNOTATION)
_TONED_MARK = re.compile(f"[{_TONED}]")


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _annotations(text: str) -> list[tuple[int, int]]:
    """Spans of the inline pinyin in ``text`` (each right after a Han character; a toned one also after a character
    the mirror mangled into a brace or a square bracket: 任務{(diào)編號)."""
    if "(" not in text and "（" not in text:
        return []
    return [m.span() for m in _PINYIN.finditer(text) if m.start() and (
        _is_han(text[m.start() - 1]) or text[m.start() - 1] in "{}[]" and _TONED_MARK.search(m.group(0)))] + [
        (m.start() - 1, m.end() + 1 if text.startswith(" ", m.end()) else m.end()) for m in _SPACED.finditer(text)
        if m.start() > 1 and text[m.start() - 1] == " " and _is_han(text[m.start() - 2])
        and _PINYIN.fullmatch(re.sub(r"\s", "", m.group(0)))]


#: …the same pinyin letter-spaced with the text it glosses (長 ( z h ǎ n g ) 期): its letters one space apart (r56a)
_SPACED = re.compile(rf"[(（](?: [{_LETTER}]){{2,8}} [)）]")


@lru_cache(maxsize=128)
def fold_script(text: str) -> str:
    """``text`` with traditional characters replaced by their simplified forms (same length).  The last texts are
    remembered: the timeliness fields and the ledger fold the same body several times, each reader once."""
    return text.translate(SCRIPT_FOLD)


def unannotated(text: str) -> tuple[str, list[int] | None]:
    """``text`` without a mirror's inline pinyin and without the spaces that only set single characters apart
    (``archive.letter_spacing``: 中 央 第 四 生 态 …), and the offset in ``text`` of each character kept (None when
    nothing was taken out: the offsets are the same)."""
    notes = _annotations(text)
    spans = sorted(notes + [g for g in spacing_gaps(text) if not any(s < g[1] and g[0] < e for s, e in notes)])
    if not spans:
        return text, None
    kept: list[str] = []
    owner: list[int] = []
    pos = 0
    for start, end in [*spans, (len(text), len(text))]:
        kept.append(text[pos:start])
        owner.extend(range(pos, start))
        pos = end
    logger.debug("took out %d inline pinyin annotations and letter-spacing gaps", len(spans))
    return "".join(kept), owner


def for_reading(text: str) -> tuple[str, str]:
    """(the text as written without inline pinyin, that text folded to simplified script and ASCII digits, a line
    break that only cuts a sentence read as a space — ``archive.line_breaks``): same length, so a span read in the
    folded copy slices the written one."""
    written = unannotated(text)[0]
    return written, soften_breaks(fold_script(written).translate(_READING_FOLD))
