"""Rows -> table | jsonl | csv | json, the same for every command that lists things."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

FORMATS = ("table", "md", "jsonl", "csv", "json")

Row = Mapping[str, Any]


def write_rows(rows: Sequence[Row], columns: Sequence[str], fmt: str, out: TextIO, title: str | None = None) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(dict(row), ensure_ascii=False, default=str) + "\n")
    elif fmt == "json":
        out.write(json.dumps([dict(r) for r in rows], ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _cell(row.get(c)) for c in columns})
    elif fmt == "table":
        write_table(rows, columns, out, title)
    elif fmt == "md":
        write_markdown(rows, columns, out, title)
    else:
        raise ValueError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_table(rows: Sequence[Row], columns: Sequence[str], out: TextIO, title: str | None = None) -> None:
    table = Table(title=title, show_lines=False, header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    _console(out).print(table)


def write_markdown(rows: Sequence[Row], columns: Sequence[str], out: TextIO, title: str | None = None) -> None:
    """A GitHub-flavoured Markdown table; pipes and line breaks inside cells are escaped."""
    if title:
        out.write(f"**{_md(title)}**\n\n")
    out.write("| " + " | ".join(_md(c) for c in columns) + " |\n")
    out.write("|" + "---|" * len(columns) + "\n")
    for row in rows:
        out.write("| " + " | ".join(_md(_cell(row.get(c))) for c in columns) + " |\n")


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


def _console(out: TextIO) -> Console:
    return Console(
        file=out, width=None if out.isatty() else 160, highlight=False, markup=False, emoji=False, soft_wrap=False
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
