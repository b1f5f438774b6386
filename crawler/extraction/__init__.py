"""Detail-page extraction (pure functions; no Scrapy)."""
