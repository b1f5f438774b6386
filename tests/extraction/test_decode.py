"""decode_html: BOMs, wrong or missing declarations, GBK-only characters."""
from __future__ import annotations

import codecs
import logging

import pytest

from crawler.extraction.decode import decode_html, normalise_charset

TEXT = "关于镇雄县堃鑫煤矿整改任务验收销号的公示（联系人：朱镕、王喆）。公示期为10个工作日。"


def _page(charset_decl: str, body: str = TEXT) -> str:
    head = f'<meta charset="{charset_decl}">' if charset_decl else ""
    return f"<html><head>{head}<title>公示</title></head><body><p>{body}</p></body></html>"


def test_gbk_bytes_declared_utf8() -> None:
    text, encoding = decode_html(_page("utf-8").encode("gbk"))
    assert encoding == "gb18030" and TEXT in text


def test_gbk_bytes_undeclared() -> None:
    text, encoding = decode_html(_page("").encode("gbk"))
    assert encoding == "gb18030" and TEXT in text


def test_declared_gb2312_with_gbk_only_characters() -> None:
    body = _page("gb2312").encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb2312")
    text, encoding = decode_html(body)
    assert encoding == "gb18030" and "堃鑫" in text and "朱镕" in text


def test_header_gbk_but_body_utf8() -> None:
    text, encoding = decode_html(_page("gbk").encode("utf-8"), header_charset="GBK")
    assert encoding == "utf-8" and TEXT in text


def test_header_wins_when_it_fits() -> None:
    text, encoding = decode_html(_page("utf-8").encode("gb18030"), header_charset="gb2312")
    assert encoding == "gb18030" and TEXT in text


def test_bom_beats_meta() -> None:
    body = codecs.BOM_UTF8 + _page("gbk").encode("utf-8")
    text, encoding = decode_html(body, header_charset="gbk")
    assert encoding == "utf-8" and TEXT in text and not text.startswith("\ufeff")


def test_utf16_bom() -> None:
    body = codecs.BOM_UTF16_LE + _page("utf-8").encode("utf-16-le")
    text, encoding = decode_html(body)
    assert encoding == "utf-16-le" and TEXT in text


def test_big5_undeclared() -> None:
    traditional = "關於環境保護督察整改工作的公告，請各單位依照辦理。"
    text, encoding = decode_html(_page("", traditional).encode("big5"))
    assert encoding == "big5" and traditional in text  # GB18030 also decodes it, as implausible mojibake


def test_garbage_falls_back_with_warning(caplog: pytest.LogCaptureFixture) -> None:
    junk = bytes(range(0x80, 0x100)) * 4
    with caplog.at_level(logging.WARNING, logger="crawler.extraction.decode"):
        text, encoding = decode_html(junk)
    assert isinstance(text, str) and encoding in {"utf-8", "gb18030"}
    assert "no charset decodes the body cleanly" in caplog.text


def test_ascii_and_empty() -> None:
    assert decode_html(b"<html>hello</html>") == ("<html>hello</html>", "utf-8")
    assert decode_html(b"") == ("", "utf-8")


@pytest.mark.parametrize(("label", "codec"), [("GB2312", "gb18030"), ("gbk", "gb18030"), ("x-gbk", "gb18030"),
                                              ("UTF8", "utf-8"), ("iso-8859-1", "utf-8"), ("nonsense", None)])
def test_normalise_charset(label: str, codec: str | None) -> None:
    assert normalise_charset(label) == codec
