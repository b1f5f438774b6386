"""Info blocks of real detail pages: separators end a field; 发文/成文/公示 dates are their own."""
from __future__ import annotations

import pytest

from crawler.extraction.info import info_block
from crawler.extraction.page import extract_page


@pytest.mark.parametrize(("text", "publisher", "posted"), [
    ("信息来源:市生态环境局松滋市分局 | 发布时间:2025-08-22 16:54", "市生态环境局松滋市分局", "2025-08-22"),
    ("来源：市生态环境局｜发布日期：2024-03-05", "市生态环境局", "2024-03-05"),
    ("来源：区河湖管理中心 丨 时间：2019-12-13", "区河湖管理中心", "2019-12-13"),
    ("来源：市政府办公室 · 发布时间：2023-05-06", "市政府办公室", "2023-05-06"),
    ("2022年09月27日 17:56:15 | 来源:江苏广电总台·融媒体新闻中心", "江苏广电总台·融媒体新闻中心", "2022-09-27"),
    ("铁东区人民政府 2019-12-13 16:36 来源: 区河湖管理中心", "区河湖管理中心", "2019-12-13"),
    ("2019-04-02 来源:生态环境部\n分享到:", "生态环境部", "2019-04-02"),
    ("来源:视外桃源手机台 记 者:彭伟桐", "视外桃源手机台", None),
])
def test_separators_end_a_field(text, publisher, posted):
    block = info_block(text)
    assert (block.publisher, block.posted) == (publisher, posted)


def test_document_and_notice_dates_are_not_the_posting_date():
    block = info_block("发文日期：2024-06-28\n公示日期：2024-07-01至2024-07-12\n发布时间：2024-07-02 09:00")
    assert (block.posted, block.issued, block.notice) == ("2024-07-02", "2024-06-28", "2024-07-01")
    only = info_block("公示日期为2025年1月21日至2月8日公示期间,接受社会各界提出异议")
    assert (only.posted, only.notice) == (None, "2025-01-21")
    signed = info_block("公示时间:2025年1月3日-1月9日,共5个工作日。\n市生态环境局汶上县分局\n2025年1月3日")
    assert (signed.posted, signed.issued, signed.notice) == (None, "2025-01-03", "2025-01-03")


def test_a_page_shows_its_posting_date_not_its_objection_window():
    html = ("<html><body><div class='info'>公示日期：2024-07-01　来源：市生态环境局 | 发布时间：2024-07-02</div>"
            "<div id='zoom'><p>关于中央生态环境保护督察反馈问题第3项整改任务完成情况的公示</p>"
            "<p>现将整改完成情况予以公示，公示期为2024年7月1日至7月12日。</p></div></body></html>")
    page = extract_page(html, "https://www.example.gov.cn/art/2024/7/2/art_1_1.html")
    assert page.publisher == "市生态环境局"
    assert page.display_date == "2024-07-02"
    assert page.dates["cms"] == "2024-07-02"
