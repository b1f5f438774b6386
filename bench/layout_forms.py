"""The forms a document's layout gives a sentence, for the paraphrase probes (``bench/paraphrase_probe.py``,
``bench/paraphrase_probe_names.py``): the writer wrote none of them, the ledger still meets them in attachments and
pages.

* ``pdf_round_trip`` — the text set in a PDF as the simulated web sets attachments (40 characters a line, after a
  preamble paragraph, so the page has full lines as a document has) and read back by the crawler's own PDF reader: the
  text the ledger reads from a PDF attachment (``crawler/extraction/reflow.py`` joins what the layout wrapped);
* ``letter_spaced`` — every character set apart (a PDF's letter-spaced text layer: ``中 央 第 五 … 2 0 1 9 年``;
  ``archive/letter_spacing.py``);
* ``break_after_comma`` — a line break after the first comma (a page's ``<br>`` in mid-sentence, a wrapped table cell;
  ``archive/line_breaks.py``).
"""
from __future__ import annotations

import re

from crawler.extraction.office import Limits, read_pdf
from simweb.attachments import build_pdf
from simweb.bodies import AttachmentText

#: a paragraph of a plan's preamble set before the text (an excerpt alone is one or two lines, too few to tell a wrapped
#: line from a short one); it ends a sentence, states no date, count, deadline or inspection, and is cut off again before
#: the text is read
_PREAMBLE = ("为深入贯彻习近平生态文明思想，全面落实党中央、国务院关于生态文明建设和生态环境保护的决策部署，"
             "坚持以人民为中心的发展思想，持续改善区域生态环境质量，切实解决人民群众反映强烈的突出生态环境问题，"
             "结合本地实际，制定本方案。")


def pdf_round_trip(text: str) -> str:
    """``text`` as the crawler reads it back from a PDF it was set in."""
    content = AttachmentText(heading="", lines=(_PREAMBLE, *text.splitlines()), table=(), probe="")
    read = read_pdf(build_pdf(content), Limits())[0]
    return read.split(_PREAMBLE[-6:] + "\n", 1)[-1]


def letter_spaced(text: str) -> str:
    """Every character of ``text`` set apart by a space."""
    return " ".join(text)


def break_after_comma(text: str) -> str:
    """A line break after the first comma."""
    return re.sub(r"([，,])", r"\1\n", text, count=1)
