"""Detail-page extraction (pure functions; no Scrapy).

- ``decode.decode_html(body, header_charset=None) -> (text, encoding)``
- ``page.extract_page(html, url, list_title=None, list_date=None) -> ExtractedPage`` (``.to_json()``)
- ``attachments.extract_attachment_text(data, filename=…, content_type=None, max_bytes=…) -> AttachmentText``
- ``docnumbers.find_doc_numbers(text) -> list[str]`` · ``doctype.classify(title, body) -> str``
- ``dates.parse_date / url_date / find_stated_date`` · ``text.clean_body_text``
"""
