"""Flat tables of quotes, entities and events, for pandas, DuckDB or Spark.

One row a quote, one row an entity, each with the article it comes from.
The same rows are written by ``newsbrief export`` (from the store) and by the
Dask runner's Parquet shards, so both read the same way.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from .model import Brief

ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("content_hash", "string"),
    ("ext_id", "string"),
    ("source", "string"),
    ("title", "string"),
    ("date", "string"),
    ("url", "string"),
)
QUOTE_COLUMNS: tuple[tuple[str, str], ...] = ARTICLE_COLUMNS + (
    ("quote_index", "int64"),
    ("kind", "string"),
    ("type", "string"),
    ("text", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("speaker", "string"),
    ("speaker_role", "string"),
    ("speaker_entity", "string"),
    ("mention", "string"),
    ("mention_start", "int64"),
    ("mention_end", "int64"),
    ("cue", "string"),
    ("cue_start", "int64"),
    ("cue_end", "int64"),
    ("continuation", "bool"),
    ("is_key", "bool"),
    ("verbatim", "string"),  # JSON [[start, end], ...]: CSV has no lists
)
ENTITY_COLUMNS: tuple[tuple[str, str], ...] = ARTICLE_COLUMNS + (
    ("entity_id", "string"),
    ("name", "string"),
    ("type", "string"),
    ("role", "string"),
    ("mention_count", "int64"),
    ("first_start", "int64"),
    ("first_end", "int64"),
    ("mentions", "string"),  # JSON [[start, end], ...]: CSV has no lists
)
# Events in the common event-data layout (ICEWS, POLECAT, Phoenix): one row
# a dyad, so a compound event ("the US and Jordan agreed") gives one row per
# actor-recipient pair, with the same event_index.
EVENT_COLUMNS: tuple[tuple[str, str], ...] = ARTICLE_COLUMNS + (
    ("event_index", "int64"),
    ("event_date", "string"),
    ("actor_code", "string"),
    ("actor_sector", "string"),
    ("actor_text", "string"),
    ("event_type", "string"),
    ("event_mode", "string"),
    ("recipient_code", "string"),
    ("recipient_sector", "string"),
    ("recipient_text", "string"),
    ("location", "string"),
    ("location_country", "string"),
    ("trigger", "string"),
    ("trigger_start", "int64"),
    ("trigger_end", "int64"),
    ("sentence_start", "int64"),
    ("sentence_end", "int64"),
    ("negated", "bool"),
    ("hypothetical", "bool"),
    ("attribution", "int64"),
)
# Written only in Parquet shards by the Dask runner: every item, ok or failed.
ARTICLE_SHARD_COLUMNS: tuple[tuple[str, str], ...] = ARTICLE_COLUMNS + (
    ("status", "string"),
    ("error_code", "string"),
    ("reason", "string"),
    ("words", "int64"),
)
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "quotes": QUOTE_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "events": EVENT_COLUMNS,
    "articles": ARTICLE_SHARD_COLUMNS,
}
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")

# OWASP's rule for CSV injection: a text cell that a spreadsheet would read as
# a formula (it starts with = + - @, a tab or a carriage return) gets a
# leading apostrophe, which spreadsheets show as text and do not evaluate.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A CSV cell that no spreadsheet will run as a formula (text only:
    numbers are left as they are)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """``row`` with every text cell made ``csv_safe``."""
    return {k: csv_safe(v) for k, v in row.items()}


def _article_part(info: Mapping[str, Any]) -> dict[str, Any]:
    return {name: info.get(name) for name, _ in ARTICLE_COLUMNS}


def quote_rows(info: Mapping[str, Any], brief: Brief) -> Iterator[dict[str, Any]]:
    """One flat row a quote. info: the article's content_hash, ext_id, source,
    title, date, url."""
    base = _article_part(info)
    for i, q in enumerate(brief.quotes):
        sp = q.speaker
        yield {
            **base,
            "quote_index": i,
            "kind": q.kind,
            "type": q.type,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "speaker": sp.name,
            "speaker_role": sp.role,
            "speaker_entity": sp.entity,
            "mention": sp.mention.text if sp.mention else None,
            "mention_start": sp.mention.start if sp.mention else None,
            "mention_end": sp.mention.end if sp.mention else None,
            "cue": q.cue.text if q.cue else None,
            "cue_start": q.cue.start if q.cue else None,
            "cue_end": q.cue.end if q.cue else None,
            "continuation": q.continuation,
            "is_key": brief.key_quote == i,
            "verbatim": json.dumps([[v.start, v.end] for v in q.verbatim]),
        }


def entity_rows(info: Mapping[str, Any], brief: Brief) -> Iterator[dict[str, Any]]:
    """One flat row an entity, with its mentions' offsets as JSON."""
    base = _article_part(info)
    for e in brief.entities:
        first = e.mentions[0] if e.mentions else None
        yield {
            **base,
            "entity_id": e.id,
            "name": e.name,
            "type": e.type,
            "role": e.role,
            "mention_count": len(e.mentions),
            "first_start": first.start if first else None,
            "first_end": first.end if first else None,
            "mentions": json.dumps([[m.start, m.end] for m in e.mentions]),
        }


def event_rows(info: Mapping[str, Any], brief: Brief) -> Iterator[dict[str, Any]]:
    """One flat row an actor-recipient pair of each event (a party missing
    on one side gives empty cells there)."""
    base = _article_part(info)
    for i, ev in enumerate(brief.events):
        date = ev.date_value or (str(info.get("date"))[:10] if info.get("date") else None)
        for a in ev.actor or [None]:
            for r in ev.recipient or [None]:
                yield {
                    **base,
                    "event_index": i,
                    "event_date": date,
                    "actor_code": a.code if a else None,
                    "actor_sector": a.sector if a else None,
                    "actor_text": a.text if a else None,
                    "event_type": ev.type,
                    "event_mode": ev.mode,
                    "recipient_code": r.code if r else None,
                    "recipient_sector": r.sector if r else None,
                    "recipient_text": r.text if r else None,
                    "location": ev.location.text if ev.location else None,
                    "location_country": ev.location_country,
                    "trigger": ev.trigger.text,
                    "trigger_start": ev.trigger.start,
                    "trigger_end": ev.trigger.end,
                    "sentence_start": ev.sentence[0],
                    "sentence_end": ev.sentence[1],
                    "negated": ev.negated,
                    "hypothetical": ev.hypothetical,
                    "attribution": ev.attribution,
                }


def rows_for(table: str, info: Mapping[str, Any], brief: Brief) -> Iterator[dict[str, Any]]:
    if table == "events":
        return event_rows(info, brief)
    return quote_rows(info, brief) if table == "quotes" else entity_rows(info, brief)


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a flat table."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in TABLES[table]])


def write_parquet(rows: Iterable[dict[str, Any]], table: str, path: str | os.PathLike[str]) -> int:
    """Write rows as one Parquet file, atomically (a temporary file renamed),
    so that a reader never sees half a shard. RETURNS (int): rows written."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - depends on the install
        from .errors import Errors, SetupError

        raise SetupError(
            Errors.E027, what="Parquet output", package="pyarrow", install="pip install 'newsbrief[parquet]'"
        ) from None
    rows = list(rows)
    names = [name for name, _ in TABLES[table]]
    data = pa.Table.from_pylist([{n: r.get(n) for n in names} for r in rows], schema=arrow_schema(table))
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(data, tmp)
    os.replace(tmp, path)
    return len(rows)


def write_rows(rows: Iterable[dict[str, Any]], table: str, fmt: str, stream: IO[str]) -> int:
    """Write rows as JSON Lines or CSV to a text stream (CSV text cells that
    would start a formula are neutralised, see ``csv_safe``).
    RETURNS (int): rows written."""
    names = [name for name, _ in TABLES[table]]
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(csv_row(row))
            n += 1
        return n
    for row in rows:
        stream.write(json.dumps({k: row.get(k) for k in names}, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_store(
    store: Any, out_dir: str | os.PathLike[str], fmt: str, tables: Iterable[str] = ("quotes", "entities")
) -> dict[str, tuple[Path, int]]:
    """Write the store's quotes and entities as flat files in ``out_dir``
    (``quotes.jsonl``, ``entities.parquet``...).

    store (Store): an open store.
    RETURNS (dict): table -> (path, rows written).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, tuple[Path, int]] = {}
    for table in tables:
        path = out / f"{table}.{fmt}"
        rows = (row for info, brief in store.iter_briefs() for row in rows_for(table, info, brief))
        if fmt == "parquet":
            n = write_parquet(rows, table, path)
        else:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                n = write_rows(rows, table, fmt, fh)
        written[table] = (path, n)
    return written
