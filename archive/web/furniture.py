"""Chinese page furniture for Datasette's own templates, without copying them.

``TranslatingLoader`` wraps Datasette's template loader and replaces exact English strings of its
templates (``table.html``, ``query.html``, ``database.html`` …) with Chinese ones (English kept where
it helps) as each template is loaded.  A few replacements splice in our partials: the canned-query
parameter pickers (``_ducha_param.html``) and the list links — 下载 CSV（Excel）, 订阅, 全部字段
(``_ducha_query_links.html``).  ``tests/web/test_furniture.py`` checks every replacement still finds
its string, so a Datasette upgrade that moves one fails a test instead of silently showing English.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from jinja2 import BaseLoader, Environment

log = logging.getLogger(__name__)

_THIS_DATA_AS = ('This data as {% for name, url in renderers.items() %}<a href="{{ url }}">{{ name }}</a>'
                 '{{ ", " if not loop.last }}{% endfor %}')

TRANSLATIONS: dict[str, list[tuple[str, str]]] = {
    "query.html": [
        ("{% block title %}{{ database }}{% if query and query.sql %}: {{ query.sql }}{% endif %}{% endblock %}",
         ("{% block title %}{% if canned_query and metadata.title %}{{ metadata.title }} · 督察公示存档"
         "{% else %}{{ database }}{% if query and query.sql %}: {{ query.sql }}{% endif %}{% endif %}{% endblock %}")),
        (('<h3>Custom SQL query{% if display_rows %} returning {% if truncated %}more than {% endif %}'
         '{{ "{:,}".format(display_rows|length) }} row{% if display_rows|length == 1 %}{% else %}s{% endif %}'
         '{% endif %}'),
         ('<h3>{% if canned_query %}结果{% else %}自定义 SQL 查询 Custom SQL query{% endif %}'
         '{% if ducha_total is defined and ducha_total is not none %}{% include "_ducha_total.html" %}'
         '{% elif display_rows %}：'
         '{% if ducha_limit and display_rows|length >= ducha_limit %}前 {{ "{:,}".format(ducha_limit) }} 条'
         '（可能还有更多；下载 CSV 获得全部 there may be more: the CSV has all）'
         '{% else %}{% if truncated %}超过 {% else %}共 {% endif %}{{ "{:,}".format(display_rows|length) }} 条'
         '{% endif %}{% endif %}')),
        ('(<a href="{{ show_hide_link }}">{{ show_hide_text }}</a>)',
         ('(<a href="{{ show_hide_link }}">{{ {"hide": "隐藏 SQL", "show": "显示 SQL"}.get(show_hide_text, '
         'show_hide_text) }}</a>)')),
        ("<h3>Query parameters</h3>", "<h3>{% if canned_query %}检索条件{% else %}查询参数 Query parameters{% endif %}</h3>"),
        (('<p><label for="qp{{ loop.index }}">{{ name }}</label> <input type="text" id="qp{{ loop.index }}" '
         'name="{{ name }}" value="{{ value }}"></p>'),
         '{% from "_ducha_param.html" import ducha_param with context %}{{ ducha_param(name, value, loop.index) }}'),
        ('type="button" hidden>Format SQL</button>', 'type="button" hidden>格式化 SQL</button>'),
        ('<input type="submit" value="Run SQL"',
         '<input type="submit" value="{% if canned_query %}查询{% else %}运行 SQL Run SQL{% endif %}"'),
        ('class="canned-query-edit-sql">Edit SQL</a>', 'class="canned-query-edit-sql">编辑 SQL</a>'),
        (f'<p class="export-links">{_THIS_DATA_AS}, <a href="{{{{ url_csv }}}}">CSV</a></p>',
         '{% include "_ducha_query_links.html" %}'),
        ('<p class="zero-results">0 results</p>', '<p class="zero-results">没有结果 0 results</p>'),
        ('<th class="col-{{ column|to_css_class }}" scope="col">{{ column }}</th>',
         '<th class="col-{{ column|to_css_class }}" scope="col" title="{{ column }}">{{ column|ducha_label }}</th>'),
        ('<div class="table-wrapper"><table class="rows-and-columns">',
         ('{% set ducha_chart = ducha_query_chart(canned_query, columns, rows) %}{% if ducha_chart %}'
          '{% from "_ducha_chart.html" import ducha_chart as draw %}{{ draw(ducha_chart) }}{% endif %}'
          '\n<div class="table-wrapper"><table class="rows-and-columns">')),
    ],
    "table.html": [
        ("}} row{% if filtered_table_rows_count == 1 %}{% else %}s{% endif %}{% endif %}", "}} 行{% endif %}"),
        ('<label for="_search">Search:</label>', '<label for="_search">检索 Search：</label>'),
        ('<option value="">- remove filter -</option>', '<option value="">- 移除筛选 remove filter -</option>'),
        ('<option value="">- column -</option>', '<option value="">- 列 column -</option>'),
        ('<option value="">Sort...</option>', '<option value="">排序 Sort…</option>'),
        ("<dt>{{ column_name }}</dt>", '<dt title="{{ column_name }}">{{ column_name|ducha_label(table) }}</dt>'),
        ("<option>{{ column }}</option>", '<option value="{{ column }}">{{ column|ducha_label(table) }}</option>'),
        ("selected{% endif %}>Sort by {{ column.name }}</option>",
         "selected{% endif %}>按{{ column.name|ducha_label(table) }}排序</option>"),
        ("{% endif %}> descending</label>", "{% endif %}> 降序 descending</label>"),
        ('<input type="submit" value="Apply">', '<input type="submit" value="应用 Apply">'),
        ('">remove</a>]', '">移除 remove</a>]'),
        ('<span class="underlined">View and edit SQL</span>', '<span class="underlined">查看并编辑 SQL</span>'),
        (_THIS_DATA_AS, '数据格式 ' + _THIS_DATA_AS.removeprefix("This data as ")),
        ('(<a href="#export">advanced</a>)', '（<a href="#export">高级导出 advanced</a>）'),
        ('<a href="{{ next_url }}">Next page</a>', '<a href="{{ next_url }}">下一页 Next page</a>'),
        ("<h3>Advanced export</h3>", "<h3>高级导出 Advanced export</h3>"),
        ('name="_dl"> download file</label>', 'name="_dl"> 下载文件 download file</label>'),
        ('name="_labels" checked> expand labels</label>', 'name="_labels" checked> 展开标签 expand labels</label>'),
        ('name="_stream"> stream all rows</label>', 'name="_stream"> 全部行 all rows</label>'),
        ('<input type="submit" value="Export CSV">', '<input type="submit" value="导出 CSV Export CSV">'),
    ],
    "_table.html": [
        ('<p class="zero-results">0 records</p>', '<p class="zero-results">没有记录 0 records</p>'),
        # the reader sees the column's Chinese label (archive.web.labels); the name stays in data-column and title
        ('data-is-pk="{% if column.is_pk %}1{% else %}0{% endif %}">',
         'data-is-pk="{% if column.is_pk %}1{% else %}0{% endif %}" title="{{ column.name }}">'),
        ("                            {{ column.name }}\n", "                            {{ column.name|ducha_label(table) }}\n"),
        ('rel="nofollow">{{ column.name }}&nbsp;▼</a>', 'rel="nofollow">{{ column.name|ducha_label(table) }}&nbsp;▼</a>'),
        ('rel="nofollow">{{ column.name }}{% if column.name == sort_desc %}',
         'rel="nofollow">{{ column.name|ducha_label(table) }}{% if column.name == sort_desc %}'),
    ],
    "database.html": [
        ("<h3>Custom SQL query</h3>", "<h3>自定义 SQL 查询 Custom SQL query</h3>"),
        ('type="button" hidden>Format SQL</button>', 'type="button" hidden>格式化 SQL</button>'),
        ('<input type="submit" value="Run SQL">', '<input type="submit" value="运行 SQL Run SQL">'),
        ('<h2 id="queries">Queries</h2>', '<h2 id="queries">查询与列表 Queries</h2>'),
        ('<h2 id="tables">Tables</h2>', '<h2 id="tables">数据表 Tables</h2>'),
        ('<h2 id="views">Views</h2>', '<h2 id="views">视图 Views</h2>'),
        ("Download SQLite DB:", "下载 SQLite 数据库 Download SQLite DB:"),
    ],
    "_crumbs.html": [('<a href="{{ item.href }}">{{ item.label }}</a>',
                      '<a href="{{ item.href }}">{{ {"home": "首页 home"}.get(item.label, item.label) }}</a>')],
    "_footer.html": [("Powered by <a", "由 <a"), ("Datasette</a>", "Datasette</a> 驱动")],
    "row.html": [("<h2>Links from other tables</h2>", "<h2>其他表中的链接 Links from other tables</h2>")],
}


class TranslatingLoader(BaseLoader):
    """Load templates through ``inner`` and apply ``TRANSLATIONS`` (``default:`` names included)."""

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        return translate(template.removeprefix("default:"), source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def translate(name: str, source: str) -> str:
    """``source`` of template ``name`` with its replacements applied (a missing string is logged)."""
    for old, new in TRANSLATIONS.get(name, []):
        if old not in source:
            log.warning("template %s: string to translate not found: %.60s", name, old)
            continue
        source = source.replace(old, new)
    return source


#: Canned-query parameters: Chinese label and help text.
PARAM_LABELS: dict[str, str] = {"q": "检索词", "site": "站点", "region": "地区", "days": "至少早几天",
                                "type": "类型", "since": "起始日期", "until": "截止日期", "order": "排序",
                                "page": "页码", "plan": "方案编号", "as_of": "截至日期"}


#: Canned queries filtering ``plans.region``: a city's plans (四川省绵阳市) are a valid ``region`` there.
LEDGER_QUERY_PREFIXES = ("ledger_", "feed_ledger")


async def valid_regions(db: Any, query_name: str | None) -> list[str]:
    """The ``region`` values a query accepts: the sites' regions, and for the ledger's queries the plans' too."""
    sql = "SELECT DISTINCT region FROM sites WHERE region IS NOT NULL AND region != ''"
    if (query_name or "").startswith(LEDGER_QUERY_PREFIXES) and await db.table_exists("plans"):
        sql += " UNION SELECT DISTINCT region FROM plans WHERE region IS NOT NULL AND region != ''"
    return [r[0] for r in (await db.execute(sql + " ORDER BY region")).rows]


def _final_limit(datasette: Any, database: str, request: Any) -> int | None:
    """The ``LIMIT n`` that ends the canned query of this page, if any (so the page can say "前 n 条")."""
    name = str(getattr(request, "path", "") or "").rstrip("/").rsplit("/", 1)[-1] if request else ""
    queries = (datasette.metadata(database=database) or {}).get("queries") or {}
    query = queries.get(name)
    sql = query.get("sql", "") if isinstance(query, dict) else ""
    match = re.search(r"\bLIMIT\s+(\d+)\s*$", sql, re.IGNORECASE)
    return int(match.group(1)) if match else None


async def query_page_vars(datasette: Any, database: str | None, request: Any) -> dict[str, Any]:
    """Picker lists for a canned query page (regions, sites); an unknown ``region`` never gets here
    (``archive.web.params`` answers 400 first)."""
    if not database or database not in datasette.databases:
        return {}
    db = datasette.get_database(database)
    if not await db.table_exists("sites"):
        return {}
    sites = [tuple(r) for r in (await db.execute("SELECT id, coalesce(name, id) FROM sites ORDER BY region, id")).rows]
    name = str(getattr(request, "path", "") or "").rstrip("/").rsplit("/", 1)[-1] if request else ""
    regions = await valid_regions(db, name)
    types = ([tuple(r) for r in (await db.execute("SELECT code, label_zh FROM doc_types ORDER BY rowid")).rows]
             if await db.table_exists("doc_types") else [])
    feed_args = {k: (request.args.get(k) or "").strip() for k in ("site", "region")} if request else {}
    return {"ducha_regions": regions, "ducha_sites": sites, "ducha_types": types,
            "ducha_limit": _final_limit(datasette, database, request),
            "ducha_feed_args": urlencode({k: v for k, v in feed_args.items() if v}),
            "ducha_param_labels": PARAM_LABELS}
