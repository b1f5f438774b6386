"""Package names imported on first use (PEP 562), so that a process needing one module of a package does not import
all of it: a crawl's attachment worker reads tables with ``archive.ledger.tables`` and dates with
``archive.timeliness.dates``, and importing the whole of both packages cost it 0.25 CPU-s more each time it starts.

A package's ``__init__`` lists where each public name lives and sets ``__getattr__ = exports(__name__, homes)``
(its ``TYPE_CHECKING`` imports keep the names visible to type checkers).
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any


def exports(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``homes`` maps each public name to the submodule defining it."""

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{homes[name]}"), name)
        setattr(sys.modules[package], name, value)  # looked up once
        return value

    return __getattr__
