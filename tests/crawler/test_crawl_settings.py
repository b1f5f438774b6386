"""A crawl's Scrapy settings: nothing in the crawl process waits for commands to run."""
from __future__ import annotations

from scrapy.utils.conf import build_component_list

from crawler.runner import build_settings


def test_a_crawl_runs_no_telnet_console_or_remote_control_port():
    settings = build_settings(db="archive.db", sites_file=None, site_ids=[], mirror=None, full=False, sites=[])
    extensions = [str(name) for name in build_component_list(
        settings.get_component_priority_dict_with_base("EXTENSIONS"))]
    assert "crawler.extensions.SiteProgress" in extensions
    assert not [name for name in extensions if "telnet" in name or "remote_control" in name], extensions
    assert not settings.getbool("TELNETCONSOLE_ENABLED") and not settings.getbool("REMOTE_CONTROL_ENABLED")
