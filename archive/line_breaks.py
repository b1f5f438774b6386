"""Which line breaks end what a reader reads, and which only cut a sentence.

The readers end a clause, an item or a table row at a line break.  Not every break is the writer's: a sentence runs on
over a PDF's wrapped lines (``crawler.extraction.reflow`` joins them when it extracts the text), and a page's ``<br>``
may fall in mid-sentence, after a comma (``2017年8月1日,`` / ``中央第七环境保护督察组向我省反馈督察意见``).  One grammar
for both, here:

* ``ENDS_SENTENCE`` — a line ended by its writer: ``。！？；：…`` (and ASCII forms), a closing quote or bracket after them;
* ``ASKS_MORE`` — a line ended on a mark after which the sentence must go on: ``，、``;
* ``STARTS_ITEM`` — a line that starts an item, a heading or a numbered row of its own (``一、``, ``(二)``, ``3.``,
  ``4、``, ``5 `` before a table row's cells, ``第六条``, ``第7项``, ``附件``, ``序号``, a bullet): a break before it
  always stands.

``soften_breaks`` gives the reading copy of a text (``archive.script_fold.for_reading``) with each break after a mark
that asks for more, before a line that starts nothing of its own, read as a space: same length, so every span a reader
reads still slices the text as written, and nothing stored changes.
"""
from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

#: a sentence's last mark, optionally followed by closing quotes or brackets: the writer ended the line
ENDS_SENTENCE = re.compile(r"[。！？!?；;：:…][”’」』\"')）】》]*$")
#: a mark after which the sentence must go on
ASKS_MORE = re.compile(r"[，,、]$")
#: what starts an item, a heading or a numbered row of its own
STARTS_ITEM = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]{1,3}[)）]|\d{1,3}(?:[、)）]|[.．](?!\d)|\s)"
    r"|第[一二三四五六七八九十百\d]+[条章节部分项]|附件|附表|序号|[①-⑳•·●■◆▪※]|[-—]{1,2}\s)")
#: a break (with the spaces around it) after a mark that asks for more
_SOFT_BREAK = re.compile(r"(?<=[，,、])[ \t\u3000]*\n[ \t\u3000]*(?=\S)")


def soften_breaks(text: str) -> str:
    """``text`` with every line break that only cuts a sentence (after ``，`` / ``、``, before a line that starts no
    item of its own) turned into a space, as are the spaces around it: same length as ``text``."""
    if "\n" not in text:
        return text
    return _SOFT_BREAK.sub(lambda m: m.group(0) if STARTS_ITEM.match(text[m.end():m.end() + 16])
                           else " " * len(m.group(0)), text)
