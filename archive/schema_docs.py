"""The archive's schema as documentation: its tables' columns, and the Markdown of the README's schema section."""
from __future__ import annotations

from sqlite_utils import Database

from archive.schema import TABLE_ORDER


def schema_columns(db: Database) -> dict[str, list[tuple[str, str]]]:
    """Map each documented table to its ``(column, type)`` pairs, in ``TABLE_ORDER`` then the rest."""
    names = [n for n in db.table_names() if not _is_internal(n)]
    ordered = [n for n in TABLE_ORDER if n in names] + sorted(n for n in names if n not in TABLE_ORDER)
    return {name: [(c.name, c.type) for c in db[name].columns] for name in ordered}


def _is_internal(name: str) -> bool:
    return name.startswith(("_", "sqlite_")) or name.startswith("documents_fts_") and name != "documents_fts"


def schema_markdown(db: Database) -> str:
    """Render the schema as Markdown (one table per database table) for the README."""
    out: list[str] = []
    for table, columns in schema_columns(db).items():
        out.append(f"### `{table}`\n")
        fks = {fk.column: f"{fk.other_table}.{fk.other_column}" for fk in db.table(table).foreign_keys} \
            if table != "documents_fts" else {}
        pks = set(db.table(table).pks) if table != "documents_fts" else set()
        out.append("| column | type | notes |")
        out.append("|---|---|---|")
        for name, ctype in columns:
            notes = []
            if name in pks and pks != {"rowid"}:
                notes.append("primary key")
            if name in fks:
                notes.append(f"→ `{fks[name]}`")
            out.append(f"| `{name}` | {ctype or ''} | {', '.join(notes)} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
