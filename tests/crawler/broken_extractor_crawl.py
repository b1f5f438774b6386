"""Run ``ducha crawl`` with an extractor that raises on one page (a stand-in for a parser bug).

Used by test_parse_errors.py as a script: ``python broken_extractor_crawl.py <ducha crawl args>``.
"""
import sys

import spiders.ducha
from crawler.cli import main

real_extract_page = spiders.ducha.extract_page


def broken_extract_page(html, url, **kwargs):
    """The real extractor, except for doc2, where it fails like a bug would."""
    if url.endswith("doc2.html"):
        raise ValueError("simulated parser bug")
    return real_extract_page(html, url, **kwargs)


spiders.ducha.extract_page = broken_extract_page
if __name__ == "__main__":  # not again in the attachment text workers, which import this script as they spawn
    sys.exit(main(sys.argv[1:], standalone_mode=True))
