"""``newsbrief verify``: look a claimed quote up in a store. Thin over
``newsbrief.verify``."""

from __future__ import annotations

import json

import click


@click.command("verify")
@click.argument("claim")
@click.option("--db", type=click.Path(dir_okay=False), required=True, help="The store made by `newsbrief run`.")
@click.option("--speaker", default=None, help="Who is said to have said it (full name or alias).")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True, help="Closest originals shown.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def verify_command(claim: str, db: str, speaker: str | None, limit: int, fmt: str) -> None:
    """Did they really say that? The closest original statements, with a
    word-level diff and a verdict: verbatim, altered, paraphrase,
    misattributed or not found.

    \b
    Examples:
      newsbrief verify "we will not raise taxes" --speaker "Jane Doe" --db news.db
      newsbrief verify "..." --db news.db --format json
    """
    from ..store import Store
    from ..verify import format_text, verify

    with Store(db, readonly=True) as store:
        result = verify(store.conn, claim, speaker=speaker, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_text(result))
