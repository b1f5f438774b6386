"""List-page profiles for the CMS families and generic discovery (pure, no Scrapy)."""
