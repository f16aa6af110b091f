"""``newsbrief events``: who did what to whom, from a store made by
``newsbrief run``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click

from ..stages.events.lexicon import PLOVER_TYPES
from .corpus import _open_store, emit, output_options


def _party(parties: list[dict[str, Any]]) -> str:
    return " + ".join(
        p["text"] + (f" [{p['code'] or '-'}{'/' + p['sector'] if p['sector'] else ''}]") for p in parties
    )


@click.command("events")
@click.option("--db", type=click.Path(dir_okay=False), required=True, help="The store made by `newsbrief run`.")
@click.option("--type", "etype", type=click.Choice(PLOVER_TYPES, case_sensitive=False), default=None,
              help="A PLOVER event type.")
@click.option("--actor", default=None, help='Either party: a code ("RUS", "IGO") or a name ("Lavrov").')
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Events dated on or after (YYYY-MM-DD).")
@click.option("--happened", is_flag=True, help="Leave out negated and hypothetical events (threats, promises).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many events.")
@output_options
def events_command(
    db: str, etype: str | None, actor: str | None, since: datetime | None, happened: bool, limit: int | None, fmt: str
) -> None:
    """Events in the store, coded in PLOVER, newest first.

    An event's date is the one the text gives, resolved against the
    article's date, else the article's date.

    \b
    Examples:
      newsbrief events --db news.db --type ASSAULT
      newsbrief events --db news.db --actor RUS --since 2016-09-01 --format jsonl
    """
    with _open_store(db) as store:
        rows = store.events(
            type=etype,
            actor=actor,
            since=since.date().isoformat() if since else None,
            include_hypothetical=not happened,
            limit=limit,
        )
    if fmt == "table":
        for r in rows:
            r["who"] = _party(r["actor"])
            r["whom"] = _party(r["recipient"])
            r["flags"] = ",".join(f for f in ("negated", "hypothetical") if r[f])
        emit(rows, fmt, [("date", 10), ("who", 34), ("type", 9), ("whom", 34), ("trigger", 14), ("flags", 12),
                         ("source", 30)])
    elif fmt == "csv":
        for r in rows:
            r["actor"] = _party(r["actor"])
            r["recipient"] = _party(r["recipient"])
        emit(rows, fmt, [])
    else:
        emit(rows, fmt, [])
