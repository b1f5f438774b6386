"""What a search query means and where it matches in a text: no index, no database (``archive.search`` owns those).

``normalise`` is the text a term must be a substring of (NFKC, lower case, bracket forms folded, traditional
script folded to simplified, a mirror's inline pinyin taken out, no whitespace or control characters); ``parse`` splits a reader's query into groups
that must all match (a group matches when one of its ``OR`` alternatives does) and excluded terms (``-词``);
``matches`` decides a posting from its stored texts; ``find`` / ``spans`` / ``plain_snippet`` locate the matches
in the original text (a term's character matches either script there, and inline pinyin may stand between
two of its characters: ``生態(tài)環(huán)境`` is found by 生态环境 and highlighted whole).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from archive.normalise import nfkc
from archive.script_fold import PINYIN_ANNOTATION, SCRIPT_FOLD, VARIANTS, unannotated

#: Separates attachment texts passed to ``matches`` in one SQL value (``char(65535)``).
PART_SEP = "\uffff"
_WS_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
#: What may stand between two characters of a term in the original text: whitespace, control characters, and a
#: mirror's inline pinyin after a character (``生態(tài)環(huán)境``, ``archive.script_fold``), which ``normalise`` drops.
_GAP = rf"(?:[\s\x00-\x1f\x7f-\x9f]|{PINYIN_ANNOTATION})*"
#: Bracket forms folded to ``(`` and ``)`` after NFKC (which already maps （） and ［］): 文号 are written
#: with any of them (川环委〔2026〕50号, 川环委(2026)50号, 川环委[2026]50号).
BRACKETS = str.maketrans("〔[【〖〕]】〗", "(((())))")
#: ``fold``'s table: the bracket forms, and traditional characters to their simplified forms (one for one, from
#: ``archive.script_fold``), so 生態環境 finds 生态环境 and 督察组 finds 督察組 (index and query alike)
_FOLD = BRACKETS | SCRIPT_FOLD
#: what a character of a normalised term matches in the original text: any bracket form, either script
_LOOSE_CHAR = {"(": "[(（〔\\[［【〖]", ")": "[)）〕\\]］】〗]"} | {
    simplified: f"[{forms}]" for simplified, forms in VARIANTS.items()}
#: Joins two alternatives of a query (``督察 OR 整改``); a leading ``-`` excludes a term (``-环评``).
OR = "OR"


def fold(text: str) -> str:
    """NFKC, lower case, bracket forms as ``()``, simplified script (one character for one after NFKC)."""
    return nfkc(text).lower().translate(_FOLD)


def normalise(text: str | None) -> str:
    """The text as the index sees it: without inline pinyin, ``fold`` ed, no whitespace or control characters."""
    if not text:
        return ""
    return _WS_OR_CONTROL.sub("", fold(unannotated(text)[0]))


def tokens(text: str | None) -> list[str]:
    """The overlapping character pairs of ``normalise(text)`` (a single character stays one token)."""
    norm = normalise(text)
    if len(norm) < 2:
        return [norm] if norm else []
    return [norm[i:i + 2] for i in range(len(norm) - 1)]


def parse(user_query: str | None) -> tuple[list[list[str]], list[str]]:
    """(groups, excluded) of a user's query, normalised: every group needs one of its terms, no excluded term
    may occur.  ``"督察 整改 OR 销号 -环评"`` → ``([["督察"], ["整改", "销号"]], ["环评"])``."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    words = (user_query or "").split()
    join = False
    for i, word in enumerate(words):
        if word == OR and groups and not join and i + 1 < len(words) and not words[i + 1].startswith("-"):
            join = True
            continue
        if word.startswith("-") and len(word) > 1:
            if term := normalise(word[1:]):
                excluded.append(term)
            continue
        if term := normalise(word):
            if join:
                groups[-1].append(term)
            else:
                groups.append([term])
        join = False
    return groups, excluded


def query_terms(user_query: str | None) -> list[str]:
    """The normalised terms to find of a user's query (every alternative; exclusions left out)."""
    return [term for group in parse(user_query)[0] for term in group]


def in_title(user_query: str | None, title: str | None) -> bool:
    """True when each group of ``user_query`` has a term in ``title`` (normalised): a title match (exclusions
    are the caller's: they hold for the whole posting)."""
    groups, _ = parse(user_query)
    return bool(groups) and matches(" ".join(" OR ".join(group) for group in groups), title)


def needs_check(user_query: str | None) -> bool:
    """True when the index alone can over-match ``user_query`` (a term or an exclusion of 3+ characters)."""
    groups, excluded = parse(user_query)
    return any(len(term) > 2 for term in [*query_terms(user_query), *excluded]) and bool(groups)


def matches(user_query: str | None, *fields: str | None) -> bool:
    """True when each group of the query has a term that is a substring of one normalised field (``PART_SEP``
    splits fields) and no excluded term is."""
    groups, excluded = parse(user_query)
    if not groups:
        return False
    parts = [p for f in fields if f for p in f.split(PART_SEP)]
    norms: list[str] = []

    def found(term: str) -> bool:
        if any(_first(p, [term]) for p in parts):  # quick look at the raw text (case, spaces, brackets)
            return True
        if not norms:
            norms.extend(normalise(p) for p in parts)
        return any(term in n for n in norms)

    return all(any(found(t) for t in group) for group in groups) and not any(found(t) for t in excluded)


def find(text: str, terms: Sequence[str]) -> tuple[int, int] | None:
    """Span in ``text`` (original characters) of the first occurrence of any normalised term, or None."""
    if not text or not terms:
        return None
    span = _first(text, terms)
    if span is not None:
        return span
    folded = fold(text)
    if folded == text:
        return None
    if len(folded) == len(text):  # full-width forms and the like: one character for one, positions carry over
        return _first(folded, terms)
    # rare (ligatures, ①, …): map each original character to its normalised form
    norm, owner = [], []
    for i, ch in enumerate(text):
        for n in normalise(ch):
            norm.append(n)
            owner.append(i)
    joined = "".join(norm)
    hits = [(p, p + len(t)) for t in terms if (p := joined.find(t)) >= 0]
    if not hits:
        return None
    start, end = min(hits)
    return owner[start], owner[end - 1] + 1


def _first(text: str, terms: Sequence[str]) -> tuple[int, int] | None:
    found = [m for t in terms if (m := _loose(t).search(text))]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    return m.start(), m.end()


def spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Every non-overlapping match span of the terms in ``text`` (fast, case-insensitive, spaces allowed)."""
    if not text or not terms:
        return []
    regex = re.compile("|".join(_loose(t).pattern for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    return [(m.start(), m.end()) for m in regex.finditer(text)]


def _loose(term: str) -> re.Pattern[str]:
    """``term`` with optional whitespace or inline pinyin between its characters, case-insensitive, any bracket form,
    either script."""
    return re.compile(_GAP.join(_LOOSE_CHAR.get(ch) or re.escape(ch) for ch in term),
                      re.IGNORECASE)


def plain_snippet(parts: Sequence[str | None], terms: Sequence[str], window: int = 30) -> str:
    """Text around the first match in the first field that has one, matches in ``[…]`` (for the library API)."""
    for text in parts:
        span = find(text or "", terms)
        if span:
            start, end = max(0, span[0] - window), min(len(text or ""), span[1] + window)
            piece = (text or "")[start:end]
            out, pos = [], 0
            for a, b in spans(piece, terms) or [(span[0] - start, span[1] - start)]:
                out += [piece[pos:a], "[", piece[a:b], "]"]
                pos = b
            out.append(piece[pos:])
            return ("…" if start else "") + "".join(out).replace("\n", " ") + ("…" if end < len(text or "") else "")
    return ""
