"""Corpus commands: ``run`` (many articles into an SQLite store), ``search``,
``speakers`` and ``export`` (questions to the store). Thin over
``newsbrief.runner``, ``newsbrief.distributed``, ``newsbrief.store`` and
``newsbrief.export``."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

import click

from ..errors import Errors, InputError
from ..model import ATTRIBUTION_TYPES
from ..readers import DEFAULT_EXTENSIONS, JsonFields
from ..settings import Settings
from .options import model_option, stdin_kind_option

F = TypeVar("F", bound=Callable[..., Any])


# -- one output format for every query command -------------------------------


def output_options(func: F) -> F:
    """The shared ``--format table|jsonl|csv`` option of query commands."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "jsonl", "csv"]),
        default="table",
        show_default=True,
        help="table: aligned columns for reading; jsonl / csv: every field, for other tools.",
    )(func)


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def emit(rows: Sequence[dict[str, Any]], fmt: str, table_columns: Sequence[tuple[str, int]]) -> None:
    """Print rows in the chosen format. table_columns: (key, max width) of the
    columns a table shows; jsonl and csv carry every field."""
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if fmt == "csv":
        if rows:
            from ..export import csv_row

            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(csv_row(r) for r in rows)
        return
    # A plain aligned table: a few columns, long cells cut (no dependency for this).
    cells = [[_cell(r.get(k), w) for k, w in table_columns] for r in rows]
    widths = [max([len(k)] + [len(c[i]) for c in cells]) for i, (k, _) in enumerate(table_columns)]
    click.echo("  ".join(k.ljust(widths[i]) for i, (k, _) in enumerate(table_columns)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for c in cells:
        click.echo("  ".join(v.ljust(widths[i]) for i, v in enumerate(c)).rstrip())
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


def _open_store(db: str) -> Any:
    from ..store import Store

    return Store(db, readonly=True)


# -- run ----------------------------------------------------------------------


@click.command("run")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--db", type=click.Path(dir_okay=False), default=None, help="SQLite store to write (created if missing).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (Dask: local cluster workers) [default: the cores available].",
)
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT", help="A running Dask scheduler (--engine dask).")
@click.option(
    "--out-parquet",
    type=click.Path(file_okay=False),
    default=None,
    help="Dask: write Parquet shards here (alone: shards only, no SQLite).",
)
@click.option("--text-field", default="text", show_default=True, help="JSON Lines field holding the text.")
@click.option("--id-field", default="id", show_default=True, help="JSON Lines field holding the article id.")
@click.option("--title-field", default="title", show_default=True)
@click.option("--date-field", default="date", show_default=True)
@click.option("--url-field", default="url", show_default=True)
@click.option(
    "--ext",
    "extensions",
    multiple=True,
    help="Extensions picked up in directories (repeatable) [default: .txt .html .htm .jsonl .json and kin].",
)
@stdin_kind_option
@model_option
@click.option("--max-chars", type=click.IntRange(min=1), default=None, help="Fail longer articles [default 1,000,000].")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Texts per nlp.pipe batch [default 32].")
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="Articles per task (a worker's chunk; a Dask partition).",
)
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: on a terminal only].")
@click.option(
    "--aliases",
    type=click.Path(dir_okay=False),
    default=None,
    help="A TOML file of people corrections ([[person]] name/aliases, [[distinct]] names), kept in the store.",
)
@click.option(
    "--max-tokens", type=click.IntRange(min=1), default=None, help="Fail longer articles (memory) [default 50,000]."
)
@click.option(
    "--item-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Seconds a worker may spend on one item before it is stopped and the item failed [default 180].",
)
@click.option(
    "--worker-memory",
    type=click.IntRange(min=64),
    default=None,
    metavar="MB",
    help="Memory a worker may use before it is stopped and its item failed [default 1536].",
)
@click.option("--retry-failed", is_flag=True, help="Analyse again the items that failed in earlier runs.")
def run_command(
    inputs: tuple[str, ...],
    db: str | None,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    out_parquet: str | None,
    text_field: str,
    id_field: str,
    title_field: str,
    date_field: str,
    url_field: str,
    extensions: tuple[str, ...],
    stdin_kind: str,
    model: str | None,
    max_chars: int | None,
    batch_size: int | None,
    chunk_size: int,
    progress: bool | None,
    max_tokens: int | None,
    item_timeout: float | None,
    worker_memory: int | None,
    retry_failed: bool,
    aliases: str | None,
) -> None:
    """Analyse many articles into an SQLite store (resumable).

    INPUT: text, HTML or JSON Lines files, directories (searched recursively)
    or "-" for stdin. Articles already in the store are skipped, so running
    the same command again after a stop (Ctrl-C, kill) finishes the job. A bad
    item is recorded as failed with its reason and the run goes on; a re-run
    does not try it again unless --retry-failed is given. SIGTERM stops the run
    as Ctrl-C does.

    \b
    Examples:
      newsbrief run articles/ --db news.db
      newsbrief run dump.jsonl --text-field body --id-field uuid --db news.db
      newsbrief run articles/ --db news.db --engine dask --scheduler tcp://10.0.0.5:8786
    """
    settings = Settings.from_env(
        model=model,
        max_chars=max_chars,
        batch_size=batch_size,
        max_tokens=max_tokens,
        item_timeout=item_timeout,
        worker_memory_mb=worker_memory,
    )
    fields = JsonFields(text=text_field, id=id_field or None, title=title_field, date=date_field, url=url_field)
    exts = frozenset(extensions) if extensions else DEFAULT_EXTENSIONS
    if db is None and not (engine == "dask" and out_parquet):
        raise click.UsageError("give --db PATH (or, with --engine dask, --out-parquet DIR)")
    if engine == "local" and (scheduler or out_parquet):
        raise click.UsageError("--scheduler and --out-parquet need --engine dask")
    if aliases and db:
        from .people import apply_aliases_file

        apply_aliases_file(db, aliases)
    try:
        if engine == "dask":
            from ..distributed import run_dask

            report = run_dask(
                list(inputs),
                db,
                settings=settings,
                scheduler=scheduler,
                workers=workers,
                out_parquet=out_parquet,
                fields=fields,
                extensions=exts,
                stdin_kind=stdin_kind,
                progress=progress,
                partition_size=chunk_size,
                retry_failed=retry_failed,
            )
        else:
            from ..runner import run_local

            report = run_local(
                list(inputs),
                db,  # type: ignore[arg-type]
                settings=settings,
                workers=workers,
                fields=fields,
                extensions=exts,
                chunk_size=chunk_size,
                progress=progress,
                stdin_kind=stdin_kind,
                retry_failed=retry_failed,
            )
    except KeyboardInterrupt:
        click.echo("newsbrief: interrupted; run the same command again to resume.", err=True)
        sys.exit(130)
    click.echo(f"newsbrief: {report.line()}", err=True)
    for failure in report.failures[:20]:
        click.echo(f"  {failure.message}", err=True)
    if report.failed > 20:
        click.echo(f"  ... and {report.failed - 20} more (see the articles table, status 'failed')", err=True)
    if report.failed and not (report.analysed or report.skipped):
        sys.exit(1)


# -- search -------------------------------------------------------------------


def _date(value: datetime | None) -> Any:
    return value.date() if value else None


@click.command("search")
@click.option("--db", type=click.Path(dir_okay=False), required=True, help="The store made by `newsbrief run`.")
@click.argument("query", required=False, default=None)
@click.option(
    "--speaker",
    default=None,
    help='A person: full name or alias, case-insensitive; a surname that fits two people lists them ("Lavrov").',
)
@click.option("--entity", default=None, help="An entity mentioned inside the quote (name or surname).")
@click.option("--source", default=None, help="Text the article's source (path, id) contains.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["direct", "partial", "indirect"]))
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice(list(ATTRIBUTION_TYPES)),
    help="What the cue reports (repeatable): speech, belief, intention, evidence, stance.",
)
@click.option(
    "--since", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Articles dated on or after (YYYY-MM-DD)."
)
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Articles dated on or before.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many quotes.")
@click.option("--raw", is_flag=True, help="QUERY is FTS5 syntax (AND, OR, NEAR, prefix*), not plain words.")
@output_options
def search_command(
    db: str,
    query: str | None,
    speaker: str | None,
    entity: str | None,
    source: str | None,
    kinds: tuple[str, ...],
    types: tuple[str, ...],
    since: datetime | None,
    until: datetime | None,
    limit: int | None,
    raw: bool,
    fmt: str,
) -> None:
    """Quotes in the store: full-text QUERY (all words) and filters.

    \b
    Examples:
      newsbrief search --db news.db --speaker Lavrov
      newsbrief search --db news.db ceasefire --entity Aleppo --kind direct
      newsbrief search --db news.db --raw 'cease* NEAR(talks, 5)' --format jsonl
    """
    for name, value in (("--speaker", speaker), ("--entity", entity), ("--source", source)):
        if value is not None and not value.strip():
            # An empty filter would silently match everything.
            raise click.BadParameter("must not be empty", param_hint=name)
    with _open_store(db) as store:
        rows = store.search(
            query,
            speaker=speaker,
            entity=entity,
            source=source,
            kinds=kinds,
            types=types,
            since=_date(since),
            until=_date(until),
            limit=limit,
            raw=raw,
        )
    emit(
        rows,
        fmt,
        [("speaker", 28), ("kind", 8), ("text", 70), ("start", 7), ("end", 7), ("source", 40)],
    )


# -- speakers -----------------------------------------------------------------


@click.command("speakers")
@click.option("--db", type=click.Path(dir_okay=False), required=True, help="The store made by `newsbrief run`.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="The most quoted N only.")
@click.option("--min-quotes", type=click.IntRange(min=1), default=1, show_default=True)
@click.option(
    "--count-duplicates",
    is_flag=True,
    help="Count every copy of a near-duplicate article (and of its statements), not each story once.",
)
@output_options
def speakers_command(db: str, limit: int | None, min_quotes: int, count_duplicates: bool, fmt: str) -> None:
    """Who is quoted (people, with their aliases and roles over time), how
    often, in how many articles; `newsbrief people show NAME` says why names were linked."""
    with _open_store(db) as store:
        rows = store.speakers(limit=limit, min_quotes=min_quotes, count_duplicates=count_duplicates)
    emit(
        rows,
        fmt,
        [("speaker", 28), ("quotes", 6), ("articles", 8), ("aliases", 40), ("roles", 50)],
    )


# -- export -------------------------------------------------------------------


@click.command("export")
@click.option("--db", type=click.Path(dir_okay=False), required=True, help="The store made by `newsbrief run`.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option(
    "--out",
    default="export",
    show_default=True,
    help='Directory for quotes.<format> and entities.<format>; "-" prints one --table to stdout (jsonl, csv).',
)
@click.option(
    "--table",
    "tables",
    multiple=True,
    type=click.Choice(["quotes", "entities", "events"]),
    help="[default: quotes and entities]; events: one row an actor-recipient pair",
)
def export_command(db: str, fmt: str, out: str, tables: tuple[str, ...]) -> None:
    """Quotes and entities as flat tables (one row a quote / an entity, with
    its article), for pandas, DuckDB or Spark."""
    from ..export import export_store, rows_for, write_rows

    chosen = tables or ("quotes", "entities")
    with _open_store(db) as store:
        if out == "-":
            if fmt == "parquet" or len(chosen) != 1:
                raise click.UsageError("--out - needs --format jsonl or csv and one --table")
            rows = (row for info, brief in store.iter_briefs() for row in rows_for(chosen[0], info, brief))
            write_rows(rows, chosen[0], fmt, sys.stdout)
            return
        try:
            written = export_store(store, out, fmt, chosen)
        except OSError as exc:
            raise InputError(Errors.E008, source=out, detail=exc.strerror or type(exc).__name__) from None
    for table, (path, n) in written.items():
        click.echo(f"newsbrief: {n} {table} -> {path}", err=True)


def register(main: click.Group) -> None:
    """Add the corpus commands to the ``newsbrief`` group."""
    for command in (run_command, search_command, speakers_command, export_command):
        main.add_command(command)
