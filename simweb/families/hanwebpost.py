"""Old Hanweb JCMS as 江苏 serves it today: page 1 inline, later pages only by POST to
``dataproxy.jsp`` (``?startrecord=a&endrecord=b&perpage=15`` + form); a GET answers 405.
The site's default fault profile is the cookie challenge (the CDN in front of it)."""
from __future__ import annotations

import logging

from simweb.families.base import Ctx, SimRequest, SimResponse
from simweb.families.hanweb import DATAPROXY, HanwebFamily

logger = logging.getLogger(__name__)


class HanwebPostFamily(HanwebFamily):
    """Hanweb sites whose dataproxy answers POST only."""

    name = "hanwebpost"

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """Like Hanweb, but ``GET dataproxy.jsp`` is refused."""
        if req.path == DATAPROXY and (req.method != "POST" or "startrecord" not in req.query):
            return SimResponse(405, b"<html><body>HTTP Status 405 - Request method not supported</body></html>",
                               kind="list")
        return super().handle_list(req, ctx)
