"""A ``year`` facet for Datasette 0.65: ``"facets": [{"year": "publish_date"}]`` in table metadata.

Counts rows per ``substr(column, 1, 4)`` and filters with Datasette's own ``column__startswith=YYYY``.
"""
from __future__ import annotations

import logging

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

log = logging.getLogger(__name__)


class YearFacet(Facet):
    """Facet a date or timestamp column by its year."""

    type = "year"

    async def suggest(self) -> list:
        """Never suggested: configured in metadata or with ``?_facet_year=column``."""
        return []

    async def facet_results(self) -> tuple[list[dict], list[str]]:
        """One result per configured column: years by count, newest first on ties."""
        results: list[dict] = []
        timed_out: list[str] = []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            sql = (f"select substr({escape_sqlite(column)}, 1, 4) as value, count(*) as count from ({self.sql})"
                   f" where {escape_sqlite(column)} glob '[0-9][0-9][0-9][0-9]*'"
                   f" group by value order by value desc limit {size + 1}")
            try:
                rows = await self.ds.execute(self.database, sql, self.params, truncate=False,
                                             custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            except QueryInterrupted:
                timed_out.append(column)
                continue
            key = f"{column}__startswith"
            values = []
            for row in rows.rows[:size]:
                selected = str(args.get(key)) == str(row["value"])
                path = (path_with_removed_args(self.request, {key: str(row["value"])}) if selected
                        else path_with_added_args(self.request, {key: row["value"]}))
                values.append({"value": row["value"], "label": row["value"], "count": row["count"],
                               "toggle_url": self.ds.absolute_url(self.request, path), "selected": selected})
            results.append({
                "name": column, "type": self.type, "results": values,
                "hideable": source_and_config["source"] != "metadata",
                "toggle_url": path_with_removed_args(self.request, {"_facet_year": column}),
                "truncated": len(rows.rows) > size,
            })
        return results, timed_out
