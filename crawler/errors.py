"""The crawler's named errors, raised deep inside and translated into messages only by the CLI."""
from __future__ import annotations


class SitesFileError(ValueError):
    """A sites file that cannot be used; the message names the site and the field."""


class CrawlSetupError(ValueError):
    """The crawl cannot start as asked (unknown site id, …); the message says what to fix."""


class UnknownSiteError(CrawlSetupError):
    """``--site`` ids that the sites file does not list; the message names the valid ones."""


class BrokerError(RuntimeError):
    """The engine (``--broker``, Redis) cannot be used as asked: unreachable, a wrong URL, missing bytes."""
