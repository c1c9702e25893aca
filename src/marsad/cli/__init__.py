"""The `marsad` command: thin click commands over the library, one module per command group."""

from __future__ import annotations

import sys

from marsad.cli.answers import (
    absence_command,
    check_command,
    first_mention_command,
    latency_command,
    timeline_command,
)
from marsad.cli.common import accept_db_everywhere, cli
from marsad.cli.export import export_group
from marsad.cli.facts import extract_command, facts_command
from marsad.cli.ingest import ingest_command
from marsad.cli.kb import kb_group
from marsad.cli.report import report_command
from marsad.cli.review import review_command
from marsad.cli.run import run_command
from marsad.cli.search import search_command
from marsad.cli.serve import serve_command
from marsad.cli.show import show_command
from marsad.cli.stats import stats_command
from marsad.cli.verify import verify_command

for command in (
    run_command,
    ingest_command,
    extract_command,
    facts_command,
    search_command,
    show_command,
    stats_command,
    verify_command,
    kb_group,
    timeline_command,
    first_mention_command,
    absence_command,
    latency_command,
    check_command,
    report_command,
    export_group,
    serve_command,
    review_command,
):
    accept_db_everywhere(command)
    cli.add_command(command)


def main() -> None:
    sys.exit(cli.main(standalone_mode=True))


__all__ = ["cli", "main"]
