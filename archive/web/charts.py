"""Charts drawn on the server as inline SVG: no script, so they draw under the pages' Content-Security-Policy.

One shape serves every chart: a stacked horizontal bar per row (a region on the ledger scorecard, a month
on 每月公告数 / 删除趋势), its label and figures on a line above the bar.  Rows stack downwards, so
the chart is narrow (``WIDTH`` units) and scales to a phone without shrinking its text below ~11 px
(13-unit text in a 358 px box); the legend wraps onto as many lines as it needs.

``stacked_bars`` returns geometry only (a template draws it: ``_ducha_chart.html``); every segment
keeps its count (``value``) so a test can hold the picture to the numbers.  ``query_chart`` turns the
rows of a month × region canned query into such a chart.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

WIDTH, FONT, LEGEND_LINE, ROW_HEIGHT, BAR_HEIGHT = 400, 13, 20, 42, 16
#: Colours for series without their own (regions): distinguishable, none of them the ledger's red.
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
           "#aec7e8", "#ffbb78", "#98df8a")
#: Canned queries drawn as a chart: query name → (value column, title of the chart).
QUERY_CHARTS = {"postings_per_month": ("postings", "每月公告数（按地区）"),
                "removals_over_time": ("removals", "每月删除事件数（按地区）")}


def text_width(text: str, size: float = FONT) -> float:
    """Rough width of ``text`` at ``size``: CJK characters are square, others about half as wide."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.55 for ch in text)


def _legend(series: Sequence[tuple[str, str, str]]) -> tuple[list[dict[str, Any]], int]:
    """Legend entries, wrapped to ``WIDTH``; returns (entries, number of lines)."""
    entries, x, line = [], 0.0, 0
    for _, label, colour in series:
        width = 16 + text_width(label) + 12
        if x and x + width > WIDTH:
            x, line = 0.0, line + 1
        entries.append({"label": label, "colour": colour, "x": round(x, 1), "y": line * LEGEND_LINE})
        x += width
    return entries, line + 1 if series else 0


def stacked_bars(rows: Iterable[dict[str, Any]], series: Sequence[tuple[str, str, str]], *, title: str) -> dict[str, Any]:
    """Geometry of a stacked bar chart.

    ``rows``: dicts with ``label``, ``values`` (series key → count) and ``note`` (figures shown after the
    label); ``series``: ``(key, label, colour)`` left to right.  Bar length is proportional to the row's total.
    """
    rows = list(rows)
    legend, lines = _legend(series)
    top = lines * LEGEND_LINE + 8
    biggest = max((sum(r["values"].get(k, 0) or 0 for k, _, _ in series) for r in rows), default=0)
    scale = WIDTH / biggest if biggest else 0.0
    bars = []
    for i, row in enumerate(rows):
        y = top + i * ROW_HEIGHT
        x, segments = 0.0, []
        for key, label, colour in series:
            value = row["values"].get(key, 0) or 0
            width = round(value * scale, 1)
            if value:
                segments.append({"kind": key, "label": label, "colour": colour, "value": value, "x": round(x, 1),
                                 "width": width})
            x += width
        bars.append({"label": row["label"], "note": row.get("note", ""), "text_y": y + FONT,
                     "bar_y": y + FONT + 5, "segments": segments, "data": row.get("data", {})})
    return {"title": title, "width": WIDTH, "height": top + len(rows) * ROW_HEIGHT + 4, "font": FONT,
            "bar_height": BAR_HEIGHT, "legend": legend, "bars": bars}


def query_chart(name: str | None, columns: Sequence[str], rows: Sequence[Any]) -> dict[str, Any] | None:
    """The chart of canned query ``name`` (months down, regions stacked), or None for other queries."""
    if name not in QUERY_CHARTS or not rows:
        return None
    value, title = QUERY_CHARTS[name]
    if not {"month", "region", value} <= set(columns):
        return None
    by_month: dict[str, dict[str, int]] = {}
    for row in rows:
        by_month.setdefault(str(row["month"]), {})[str(row["region"])] = int(row[value] or 0)
    regions = sorted({r for counts in by_month.values() for r in counts})
    series = [(r, r, PALETTE[i % len(PALETTE)]) for i, r in enumerate(regions)]
    bars = [{"label": month, "values": counts, "note": f"共 {sum(counts.values())}"}
            for month, counts in sorted(by_month.items())]
    return stacked_bars(bars, series, title=title)
