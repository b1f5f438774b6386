"""Scrapy settings for Ducha Archive.

Our own settings carry the ``DUCHA_`` prefix; everything can be overridden with
``ducha crawl -s NAME=VALUE``.  Politeness is explicit: one request at a time per host,
a delay, AutoThrottle, robots.txt obeyed.
"""
BOT_NAME = "ducha"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = "DuchaArchive/0.1 (+https://github.com/ducha-archive/ducha-archive; public-interest archive of environmental disclosures)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
# Scrapy starts this many asyncio tasks for every callback's output; ours yield one item (or a few requests)
# and the pipeline is synchronous, so 100 (the default) only cost task churn: about a tenth of the crawl's CPU
CONCURRENT_ITEMS = 4
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5       # ±50% around the delay
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 4
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
COOKIES_ENABLED = True
HTTPCACHE_ENABLED = False  # conditional requests are ours (see tech-notes: RFC2616 policy serves stale pages)
REDIRECT_ENABLED = True
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # no control port (it would run code in the crawl): crawls are unattended
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"

DOWNLOAD_HANDLERS = {
    "http": "crawler.mirror.MirrorDownloadHandler",
    "https": "crawler.mirror.MirrorDownloadHandler",
}
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    "crawler.challenge.BrowserChallengeMiddleware": 650,
    "crawler.middlewares.WarcEvidenceMiddleware": 950,
}
SPIDER_MIDDLEWARES = {
    "crawler.extensions.SiteErrors": 50,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ArchivePipeline": 300,
}
EXTENSIONS = {
    "crawler.extensions.SiteProgress": 500,
}

# --- Ducha's own settings -------------------------------------------------------------
DUCHA_DB = "archive.db"            # archive file; the WARC folder defaults to <db folder>/warc
DUCHA_WARC_DIR = ""                # empty: <db folder>/warc
DUCHA_SITES_FILE = ""              # empty: the bundled registry spiders/sites.yaml
DUCHA_SITE_IDS = []                # restrict to these site ids
DUCHA_MIRROR = ""                  # http://127.0.0.1:PORT : fetch scheme://host/path from PORT/host/path
DUCHA_FULL = False                 # re-verify every known posting
DUCHA_RECAPTURE = False            # verify every WARC record first and fetch live postings with lost evidence again
DUCHA_RECHECK_DAYS = 30            # every known posting is re-checked at least once in this many days (rotation)
DUCHA_CLOCK = ""                   # ISO timestamp used as "now" (tests, simulations); empty = real time
DUCHA_RUN_ID = 0                   # set by the runner
DUCHA_MAX_LIST_PAGES = 0           # 0 = follow every list page
DUCHA_MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024
DUCHA_MAX_HTML_BYTES = 4 * 1024 * 1024  # pages beyond this are archived whole but parsed only this far (noted)
DUCHA_SEARCH_BATCH = 200          # postings searchable in batches of this many (one FTS segment per batch)
DUCHA_WRITE_BATCH = 50            # items written per transaction (and at least every 0.5 s): one commit per batch
DUCHA_MAX_DB_PAGES = 0             # 0 = no limit; else SQLite's max_page_count (a size-capped archive, tests)
DUCHA_ATTACHMENT_TIMEOUT = 120.0   # seconds of text extraction per attachment before it is abandoned
DUCHA_ATTACHMENT_WORKERS = 1       # extraction processes (the crawl itself uses one core)
DUCHA_OCR = True                   # recognise text in scans (image-only PDF pages, images, body images)
DUCHA_OCR_ENGINE = ""              # rapidocr | tesseract; empty: rapidocr, else tesseract
DUCHA_OCR_MAX_PAGES = 20           # pages recognised per posting and run; the rest waits for later runs
DUCHA_OCR_PAGE_TIMEOUT = 60.0      # seconds for one page (its worker is killed after that)
DUCHA_OCR_POSTING_TIMEOUT = 300.0  # seconds of recognition per posting and run
DUCHA_RETRY_BACKOFF_BASE = 0.5     # seconds, doubled per retry, capped by DUCHA_RETRY_BACKOFF_MAX
DUCHA_RETRY_BACKOFF_MAX = 30.0
DUCHA_RETRY_AFTER_MAX = 120.0      # never wait longer than this for a Retry-After
DUCHA_PROGRESS = "auto"            # auto (live table at a terminal, else log lines) | table | log | off
DUCHA_PROGRESS_INTERVAL = 10.0     # seconds between progress lines
DUCHA_BROWSER = "/usr/bin/chromium"  # headless browser for sites marked `challenge: browser`
DUCHA_BROWSER_TIMEOUT = 60.0       # seconds for the browser to load a page (challenge or script-driven list)
DUCHA_HOST_LEASE = True            # crawl nodes: hold each host's lease in the engine for its delay (politeness across nodes)
