"""The README's command table, generated from the ``ducha`` commands themselves (so it cannot drift).

``command_table(main)`` walks the Click group: one row per command (and per sub-command of a group),
its synopsis built from its parameters and its description from the first line of its help.
``scripts/gen_readme.py`` writes it between ``<!-- commands:start -->`` and ``<!-- commands:end -->``.
"""
from __future__ import annotations

import click


def _choices(param: click.Option) -> str | None:
    """``md|csv`` for a choice option."""
    return "|".join(str(c) for c in param.type.choices) if isinstance(param.type, click.Choice) else None


def _option_synopsis(param: click.Option) -> str:
    name = max(param.opts, key=len) if param.opts else param.name
    if param.is_flag:
        text = name
    else:
        metavar = param.metavar or _choices(param) or (param.name or "").upper()
        if param.opts and any(o.startswith("-s") and len(o) == 2 for o in param.opts):
            name = "-s"
        text = f"{name} {metavar}"
    if param.multiple:
        text += " ..."
    return text if param.required else f"[{text}]"


def synopsis(path: str, command: click.Command) -> str:
    """``ducha crawl [--sites FILE] [--site ID ...]`` for a command at ``path``."""
    parts = [path]
    for param in command.params:
        if isinstance(param, click.Argument):
            name = (param.name or "").upper()
            parts.append(f"[{name}]..." if param.nargs == -1 else name)
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden and "--help" not in param.opts:
            parts.append(_option_synopsis(param))
    return " ".join(parts)


def _summary(command: click.Command) -> str:
    text = (command.help or "").strip().split("\n\n")[0]
    return " ".join(text.split())


def _rows(path: str, command: click.Command) -> list[tuple[str, str]]:
    if isinstance(command, click.Group):
        rows = []
        for name in sorted(command.commands):
            rows += _rows(f"{path} {name}", command.commands[name])
        return rows
    return [(synopsis(path, command), _summary(command))]


def command_table(main: click.Group, *, prog: str = "ducha") -> str:
    """The Markdown table of every command of ``main`` (sub-commands of groups expanded)."""
    lines = ["| command | what it does |", "|---|---|"]
    for name in main.commands:  # in the order the CLI defines them
        for usage, summary in _rows(f"{prog} {name}", main.commands[name]):
            cell = usage.replace("|", "\\|")
            lines.append(f"| `{cell}` | {summary.replace('|', chr(92) + '|')} |")
    return "\n".join(lines) + "\n"
