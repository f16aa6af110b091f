"""``newsbrief people``: the people layer of a store (show, merge, split,
aliases files, statements) and ``newsbrief duplicates``. Thin over
``newsbrief.store.people``, ``.statements`` and ``.dedup``."""

from __future__ import annotations

import json
from typing import Any

import click

from ..errors import Errors, InputError
from .corpus import emit, output_options

DB_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False), required=True, help="The store made by `newsbrief run`."
)


def _store(db: str, *, readonly: bool) -> Any:
    from ..store import Store

    store = Store(db, readonly=readonly)
    if readonly and "0006_people" not in store.migrations():
        store.close()
        raise InputError(Errors.E066, source=db)
    return store


def apply_aliases_file(db: str, path: str) -> int:
    """Load an aliases file into the store (kept there, applied now and on
    every later run). RETURNS (int): rules applied now."""
    from ..store import people

    rules = people.load_aliases(path)
    with _store(db, readonly=False) as store, store.atomic() as conn:
        n = people.apply_rules(conn, rules, origin=f"aliases file {path}")
    click.echo(f"newsbrief: {n} people rule(s) applied from {path} ({len(rules) - n} already in the store)", err=True)
    return n


@click.group("people")
def people_group() -> None:
    """People across articles: why names were linked, and corrections.

    \b
    Examples:
      newsbrief people show "Donald Trump" --db news.db
      newsbrief people merge "Joseph R. Biden Jr." "Joe Biden" --db news.db
      newsbrief people split "Barack Obama" "Obama" --db news.db
      newsbrief people aliases aliases.toml --db news.db
    """


@people_group.command("show")
@click.argument("name")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show_command(name: str, db: str, fmt: str) -> None:
    """Everything about the people NAME can mean: aliases, roles over time,
    and why each article's speaker was linked to them."""
    from ..store import people

    with _store(db, readonly=True) as store:
        found = people.show(store.conn, name)
    if not found:
        raise InputError(Errors.E060, name=name)
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for p in found:
        click.echo(
            f"{p['name']}  ({p['kind']}, {p['quotes']} quotes, {p['first_date'] or '?'}..{p['last_date'] or '?'})"
        )
        click.echo("  linked by:")
        for k in p["keys"]:
            click.echo(f"    {k['key']}: {k['reason']} [{k['origin']}]")
        click.echo("  aliases: " + "; ".join(f"{a['alias']} ({a['kind']}, {a['articles']})" for a in p["aliases"]))
        if p["roles"]:
            click.echo("  roles:")
            for r in p["roles"]:
                click.echo(
                    f"    {r['role']}: {r['first_date'] or '?'}..{r['last_date'] or '?'} ({r['articles']} articles)"
                )
        click.echo("  articles:")
        for link in p["links"]:
            click.echo(f"    {link['date'] or '?'} {link['source']}: '{link['speaker']}' <- {link['reason']}")


@people_group.command("merge")
@click.argument("name")
@click.argument("other")
@DB_OPTION
def merge_command(name: str, other: str, db: str) -> None:
    """OTHER is the same person as NAME (kept on every later run)."""
    from ..store import people

    with _store(db, readonly=False) as store, store.atomic() as conn:
        pid = people.merge_names(conn, name, other)
    click.echo(f"newsbrief: '{other}' merged into '{name}' (person {pid})", err=True)


@people_group.command("split")
@click.argument("name")
@click.argument("alias")
@DB_OPTION
def split_command(name: str, alias: str, db: str) -> None:
    """The quotes linked to NAME through the speaker string ALIAS are
    another person (kept apart on every later run)."""
    from ..store import people

    with _store(db, readonly=False) as store, store.atomic() as conn:
        pid = people.split_name(conn, name, alias)
    click.echo(f"newsbrief: '{alias}' split from '{name}' (now person {pid})", err=True)


@people_group.command("aliases")
@click.argument("path", type=click.Path(dir_okay=False))
@DB_OPTION
def aliases_command(path: str, db: str) -> None:
    """Load an aliases file into the store.

    \b
    [[person]]
    name = "Joseph R. Biden Jr."
    aliases = ["Joe Biden"]
    [[distinct]]
    names = ["Bill Clinton", "Hillary Clinton"]
    """
    apply_aliases_file(db, path)


@people_group.command("statements")
@click.argument("name")
@DB_OPTION
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None)
@output_options
def statements_command(name: str, db: str, min_articles: int, limit: int | None, fmt: str) -> None:
    """NAME's statements: first seen (date, article), where else, and the
    variants of the wording."""
    from ..store import people, statements

    with _store(db, readonly=True) as store:
        ids = people.resolve_one(store.conn, name)
        if not ids:
            raise InputError(Errors.E060, name=name)
        rows = statements.statements_of(store.conn, ids, min_articles=min_articles, limit=limit)
    if fmt == "table":
        for r in rows:
            r["variants"] = len(r["variants"])
            r["seen_in"] = "; ".join(str(x["source"]) for x in r["seen_in"])
    emit(rows, fmt, [("articles", 8), ("first_date", 10), ("variants", 8), ("text", 70), ("seen_in", 40)])


@click.command("duplicates")
@DB_OPTION
@output_options
def duplicates_command(db: str, fmt: str) -> None:
    """Groups of near-duplicate articles (MinHash): wire copies, reprints,
    updated versions. Statistics count each group once."""
    from ..store import dedup

    with _store(db, readonly=True) as store:
        rows = dedup.groups(store.conn)
    emit(rows, fmt, [("group_id", 8), ("articles", 8), ("first_source", 40), ("sources", 80)])


def register(main: click.Group) -> None:
    main.add_command(people_group)
    main.add_command(duplicates_command)
