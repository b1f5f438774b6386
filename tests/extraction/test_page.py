"""Detail-page extraction on hand-written family fixtures, the real samples and the seeds."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from crawler.extraction.decode import decode_html
from crawler.extraction.page import ExtractedPage, extract_page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "extraction"
CASES = sorted(FIXTURES.glob("*/*.html"))
CHROME = ("打印", "关闭", "浏览次数", "扫一扫", "版权所有", "责任编辑", "ICP备", "公网安备", "网站标识码",
          "分享到", "字号", "上一篇", "下一篇")
REAL = {
    "trs-detail-shanxi.html": "http://www.shanxi.gov.cn/yw/sxyw/201909/t20190918_693227.shtml",
    "hanweb-detail-fgw-zj.html": "http://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html",
    "trs-detail-cmse.html": "http://www.cmse.gov.cn/ztbd/xwfbh/201206/t20120624_43188.html",
    "trs-detail-gov-gongbao.html": "https://www.gov.cn/gongbao/content/2007/content_721345.htm",
}


def _extract_file(path: Path, url: str, **kwargs: object) -> ExtractedPage:
    text, _ = decode_html(path.read_bytes(), header_charset=kwargs.pop("header_charset", None))
    return extract_page(text, url, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def real_pages(shared_dir: Path) -> dict[str, ExtractedPage]:
    """Every real sample page extracted once."""
    return {name: _extract_file(shared_dir / "real-samples" / name, url) for name, url in REAL.items()}


@pytest.mark.parametrize("html_path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_case(html_path: Path) -> None:
    case = json.loads(html_path.with_suffix(".json").read_text(encoding="utf-8"))
    page = _extract_file(html_path, case["url"], header_charset=case.get("encoding_header"),
                         list_title=case.get("list_title"), list_date=case.get("list_date"))
    got = page.to_json()
    for key, value in case["expected"].items():
        assert got[key] == value, key
    for phrase in case["body_once"]:
        assert page.body_text.count(phrase) == 1, phrase
    for phrase in case["body_absent"]:
        assert phrase not in page.body_text, phrase


def test_every_real_sample_is_covered(shared_dir: Path) -> None:
    assert {p.name for p in (shared_dir / "real-samples").glob("*.html")} == set(REAL)


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_sample_has_no_chrome(real_pages: dict[str, ExtractedPage], name: str) -> None:
    page = real_pages[name]
    assert page.body_text and not page.is_soft_404
    for word in CHROME:
        assert word not in page.body_text, word


def test_real_trs_shanxi(real_pages: dict[str, ExtractedPage]) -> None:
    page = real_pages["trs-detail-shanxi.html"]
    assert page.title == "山西品牌丝路行（南美站）正式启动"
    assert (page.publish_date, page.publish_date_source) == ("2019-09-18", "cms")
    assert page.dates == {"cms": "2019-09-18", "list": None, "stated": None, "url": "2019-09-18"}
    assert page.publisher == "山西日报"
    assert page.body_text.count("跨越千山万水，行程近两万公里") == 1
    assert page.body_text.endswith("南美站活动将先后在巴西、乌拉圭、阿根廷举行。（张巨峰）")


def test_real_hanweb_pubdate_not_maketime(real_pages: dict[str, ExtractedPage]) -> None:
    page = real_pages["hanweb-detail-fgw-zj.html"]
    assert page.title == "1-10月德清县固定资产投资结构趋稳趋优"
    assert (page.publish_date, page.publish_date_source) == ("2016-11-22", "cms")
    assert "2019-03-22" not in json.dumps(page.to_json())
    assert page.publisher == "省发改委"
    assert page.body_text.count("全县固定资产投资完成246.79亿元") == 1
    assert page.family == "hanweb"


def test_real_trs_cmse(real_pages: dict[str, ExtractedPage]) -> None:
    page = real_pages["trs-detail-cmse.html"]
    assert page.title == "天宫一号与神舟九号载人交会对接任务第二场新闻发布会"
    assert page.publish_date == "2012-06-24"
    assert page.dates["url"] == "2012-06-24" and page.dates["stated"] == "2012-06-24"
    assert page.body_text.count("我国首次航天员手控交会对接试验取得圆满成功") == 1
    # The saved page has no attachment links at all (no .doc/.pdf href anywhere in it).
    assert page.attachments == []


def test_real_gov_gongbao(real_pages: dict[str, ExtractedPage]) -> None:
    page = real_pages["trs-detail-gov-gongbao.html"]
    assert page.title == "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议"
    assert (page.publish_date, page.publish_date_source) == ("2007-08-20", "cms")
    assert page.dates["stated"] == "2007-06-29"
    assert page.body_text.count("批准发行15500亿元特别国债购买外汇") == 1
    assert "相关稿件" not in page.body_text


def test_real_samples_extract_fast(shared_dir: Path) -> None:
    started = time.perf_counter()
    for name, url in REAL.items():
        _extract_file(shared_dir / "real-samples" / name, url)
    assert (time.perf_counter() - started) / len(REAL) < 0.5


def _seed_page(shared_dir: Path, stem: str) -> ExtractedPage:
    """A seed text wrapped as a bare page: one <p> per line."""
    path = next((shared_dir / "seeds").glob(f"{stem}_*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    html = "<html><body><div>" + "".join(f"<p>{ln}</p>" for ln in lines) + "</div></body></html>"
    return extract_page(html, "http://example.gov.cn/seed.html")


def test_seed_003_liaoning_stated_date(shared_dir: Path) -> None:
    page = _seed_page(shared_dir, "003")
    assert page.dates["stated"] == "2024-07-03"
    assert page.publish_date_source == "cms"  # the page chrome line 时间:2024年07月03日
    assert "打印" not in page.body_text
    assert page.doc_type == "acceptance_notice"


def test_seed_004_body_once(shared_dir: Path) -> None:
    page = _seed_page(shared_dir, "004")
    assert page.body_text.count("省委统筹谋划整改") == 1
    assert page.body_text.count("比如自贡市荣县的一个垃圾填埋场") == 1
    for word in ("责任编辑", "扫一扫", "主办单位", "运行维护单位", "微博"):
        assert word not in page.body_text


def test_seed_001_doc_numbers_and_stated(shared_dir: Path) -> None:
    page = _seed_page(shared_dir, "001")
    assert page.doc_numbers == ["环督察〔2022〕58号", "川环委〔2023〕1号"]
    assert page.dates["stated"] == "2023-03-17"


def test_list_title_used_only_when_complete() -> None:
    html = "<html><head><title>网站</title></head><body><div><p>" + "正文内容。" * 20 + "</p></div></body></html>"
    full = extract_page(html, "http://x.gov.cn/a.html", list_title="关于某项整改任务完成情况的公示")
    assert full.title == "关于某项整改任务完成情况的公示"
    cut = extract_page(html.replace("<div>", "<div><h2>关于某项整改任务完成情况的公示</h2>", 1),
                       "http://x.gov.cn/a.html", list_title="关于某项整改...")
    assert cut.title == "关于某项整改任务完成情况的公示"


def test_publish_date_falls_back_to_list_then_stated_then_url() -> None:
    body = "<p>" + "正文内容。" * 20 + "</p><p>2024年7月1日</p>"
    html = f"<html><body><div>{body}</div></body></html>"
    assert extract_page(html, "http://x.gov.cn/a.html", list_date="2024-07-02").publish_date_source == "list"
    page = extract_page(html, "http://x.gov.cn/t20240703_1.html")
    assert (page.publish_date, page.publish_date_source) == ("2024-07-01", "stated")
    bare = extract_page(html.replace("<p>2024年7月1日</p>", ""), "http://x.gov.cn/202407/t20240703_1.html")
    assert (bare.publish_date, bare.publish_date_source) == ("2024-07-03", "url")


def test_empty_and_garbage_input_do_not_raise() -> None:
    for html in ("", "   ", "<", "<?xml version='1.0' encoding='utf-8'?><html/>", "\x00\x01"):
        page = extract_page(html, "http://x.gov.cn/a.html")
        assert page.is_soft_404
