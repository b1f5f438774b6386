"""The words a ledger fact was read from, kept beside the fact (issue 21: a reader who sees a flag can check it
without opening the page).

* ``stated_count`` — a plan's stated task count and its words (``plans.task_count_text``): the count reader's span,
  widened to its clause (at most 40 characters either side) when the span alone is short or does not say what was
  counted ("4个问题" → "对督察反馈的4个问题", "（46项）");
* ``feedback_read`` — the feedback day and its words (``inspections.feedback_date_text``): the shortest run of whole
  clauses or sentences around the day that the feedback reader reads back to the same day (the verb's sentence; the
  sentences before it when the day takes its month or year from them);
* ``inspection_named`` — the inspection a plan names and its words (``plans.inspection_named_as``): the naming and
  the later namings that filled in its round or batch, joined by " … "; their sentences when the round or the batch
  comes from beside the naming ("中央第五环境保护督察组…“回头看”"), and the title's and the text's first sentences
  too when no shorter run reads back.

The count's and the day's words are exact substrings of the text read (inline pinyin the readers skip stays in
them); a naming's are the reader's spans, or sentences of the texts, joined.
"""
from __future__ import annotations

import logging
import re

from archive.ledger.clauses import LINE_CLAUSE_ENDS, SENTENCE_ENDS, clause_end, clause_start, sentence_around
from archive.ledger.naming import inspection_name
from archive.ledger.speaks_for import inspection_key, inspection_of
from archive.script_fold import unannotated
from archive.timeliness.dates import DateMention
from archive.timeliness.feedback import feedback_date
from archive.timeliness.task_counts import task_count

logger = logging.getLogger(__name__)

#: what a count's words must name to be read alone (else its clause is kept)
_COUNTED = re.compile(r"任务|问题|措施|事项|清单")
#: a count's words shorter than this ("4个问题", "25条整改措施") are read in their clause (对督察反馈的4个问题) …
_READABLE = 8
#: … of at most this many characters either side
_WIDENED = 40
#: sentences before the feedback's day that may lend it its month or year (a longer run is not kept)
_SENTENCES_BACK = 3


def _in_text(text: str, start: int, end: int) -> tuple[int, int]:
    """``text``'s span of the span ``start:end`` the readers read in ``text`` without its inline pinyin."""
    owner = unannotated(text)[1]
    if owner is None or end <= start:
        return start, end
    return owner[start], owner[end - 1] + 1


def stated_count(text: str) -> tuple[int, str] | None:
    """(the task count the plan's text states, the words it was read from), or None (``task_count``)."""
    found = task_count(text)
    if found is None:
        return None
    start, end = _in_text(text, found.start, found.start + len(found.text))
    if end - start < _READABLE or not _COUNTED.search(text[start:end]):
        start = max(clause_start(text, start, LINE_CLAUSE_ENDS), start - _WIDENED)
        end = min(clause_end(text, end, LINE_CLAUSE_ENDS), end + _WIDENED)
    return found.count, text[start:end].strip()


def _starts(text: str, at: int) -> list[int]:
    """Where the runs that may hold a day at ``at`` start: its clause, its sentence, then sentences before."""
    starts = [clause_start(text, at, LINE_CLAUSE_ENDS), clause_start(text, at, SENTENCE_ENDS)]
    for _ in range(_SENTENCES_BACK):
        if starts[-1] <= 0:
            break
        starts.append(clause_start(text, starts[-1] - 1, SENTENCE_ENDS))
    return sorted(set(starts), reverse=True)


def feedback_read(text: str, *, context_year: int | None = None) -> tuple[DateMention, str] | None:
    """(the feedback day the text states, the words that read back to it), or None when no day is known (a redacted
    or a yearless one: nothing to keep).  The words fall back to the day's sentence when no run reads back."""
    found = feedback_date(text, context_year=context_year)
    if found is None or found.value is None:
        return None
    start, end = _in_text(text, found.start, found.end)
    first_end = clause_end(text, end, SENTENCE_ENDS)
    ends = [first_end, clause_end(text, first_end + 1, SENTENCE_ENDS)]
    for begin in _starts(text, start):
        for stop in ends:
            words = text[begin:stop]
            again = feedback_date(words, context_year=context_year)
            if again is not None and again.value == found.value:
                return found, words.strip()
    logger.debug("feedback day %s: no run of sentences reads back to it", found.iso())
    return found, text[clause_start(text, start, SENTENCE_ENDS):first_end].strip()


def _sentence_holding(texts: tuple[str, ...], words: str) -> str:
    """The sentence of the first text that holds ``words`` (``words`` itself when none does: a span read in a text
    whose spaced-out characters the naming reader closed)."""
    for text in texts:
        at = text.find(words)
        if at >= 0:
            return sentence_around(text, at, at + len(words)).strip()
    return words


def inspection_named(*texts: str) -> tuple[dict, str] | None:
    """(``inspection_of`` the texts, the words that read back to it), or None when they name no inspection."""
    name = inspection_name(*texts)
    if name is None:
        return None
    key = inspection_key(name)
    spans = (name.text, *name.filled_from)
    sentences = tuple(dict.fromkeys(_sentence_holding(texts, span) for span in spans))
    opening = tuple(t[:clause_end(t, 0, SENTENCE_ENDS)].strip() for t in texts if t)
    for parts in (spans, sentences, tuple(dict.fromkeys((*opening, *sentences)))):
        words = " … ".join(parts)
        if inspection_of(words) == key:
            return key, words
    logger.debug("inspection %s: no run of its sentences reads back to it", key)
    return key, " … ".join(sentences)
