"""The SQLite store: one file holding articles, their briefs in plain tables,
and the log of runs.

Writes are repeatable: an article is keyed by the hash of its text (and its own
id when the input gives one) and written with everything found in it in one
transaction, so a run killed at any moment leaves each article either fully
stored or absent, and a re-run skips what is stored. Every statement takes its
values as parameters; identifiers are never built from input.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from ..errors import Errors, InputError, NewsbriefError, SetupError
from ..model import Brief
from . import dedup, people, statements
from .events import query_events, write_events
from .migrations import migrate

Key = tuple[str, str]  # (content_hash, ext_id)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    """The sha256 of ``text`` (UTF-8; lone surrogates from JSON kept as they are)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_key(text: str, ext_id: str | None = None) -> Key:
    """How an analysable article is identified: its text's hash and its id."""
    return content_hash(text), ext_id or ""


def failure_key(source: str | None, text: str | None = None) -> Key:
    """How a failed item is identified: by its name, since its text may be
    unreadable (two empty files are two failures, not one), and by its text
    when it was read (an article that failed in analysis is tried again by a
    re-run only once its text changes, or with --retry-failed)."""
    tail = "" if text is None else "\0" + content_hash(text)
    return content_hash("\0failed\0" + (source or "") + tail), ""


# Seconds a write waits for another process's lock before failing with E028.
DEFAULT_BUSY_TIMEOUT = 30.0

_F = TypeVar("_F", bound=Callable[..., Any])


def coded_error(exc: sqlite3.Error, path: str, timeout: float) -> NewsbriefError | None:
    """The coded error for an SQLite failure that is the environment's, not
    a bug: a lock held too long (E028), a full disk (E029), a damaged file
    (E030), a file that is not a database (E013). RETURNS None for anything else (re-raised as it is)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return SetupError(Errors.E028, source=path, seconds=timeout)
    if name.startswith("SQLITE_FULL") or "disk is full" in text or name.startswith("SQLITE_IOERR_WRITE"):
        return SetupError(Errors.E029, source=path, detail=str(exc))
    if name.startswith("SQLITE_NOTADB") or "not a database" in text:
        return SetupError(Errors.E013, source=path, detail=str(exc))
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return SetupError(Errors.E030, source=path, detail=str(exc))
    return None


def _coded(method: _F) -> _F:
    """Turn environment failures in a Store method into coded one-line errors."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            coded = coded_error(exc, self.path, self.timeout)
            if coded is None:
                raise
            raise coded from None

    return wrapper  # type: ignore[return-value]


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_query(query: str) -> str:
    """Plain words -> an FTS5 query matching quotes that contain all of them.

    Each word becomes a quoted FTS5 string, so that nothing the user types
    (quotes, operators, ``;``) is read as FTS5 syntax.
    """
    # SQLite ends an FTS5 string at a NUL ("unterminated string"); a NUL is no word.
    terms = [t for t in query.replace("\x00", " ").split() if t]
    return " AND ".join('text : "' + t.replace('"', '""') + '"' for t in terms)


def quote_filters(
    where: list[str],
    params: list[Any],
    *,
    entity: str | None = None,
    source: str | None = None,
    kinds: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
) -> None:
    """Append the SQL conditions (and their parameters) of the quote filters
    ``Store.search`` and the HTTP service share, over ``quotes q JOIN
    articles a``: an entity mentioned inside the quote (name or surname), text
    the source contains, kinds, and an article date range (inclusive)."""
    if entity:
        where.append(
            """EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id
                       WHERE m.article_id = q.article_id AND m.start >= q.start AND m."end" <= q."end"
                         AND (e.name = ? COLLATE NOCASE OR e.name LIKE ? ESCAPE '\\'))"""
        )
        params += [entity.strip(), "% " + _like_escape(entity.strip())]
    if source:
        where.append("a.source LIKE ? ESCAPE '\\'")
        params.append("%" + _like_escape(source) + "%")
    if kinds:
        where.append("q.kind IN (" + ", ".join("?" for _ in kinds) + ")")
        params += list(kinds)
    if since:
        where.append("substr(a.date, 1, 10) >= ?")
        params.append(since.isoformat())
    if until:
        where.append("substr(a.date, 1, 10) <= ?")
        params.append(until.isoformat())


class Store:
    """A newsbrief SQLite database (created and migrated on open).

    path (str | Path): the database file; ":memory:" for a throwaway one.
    readonly (bool): open for queries only; the file must exist.
    timeout (float): seconds to wait for another process's lock (E028 after).

    An SQLite failure that is not a bug becomes a coded one-line error: E028
    locked, E029 disk full, E030 damaged file, E014 a bad search query; a
    write cut off by one is rolled back whole.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False, timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.path = str(path)
        self.readonly = readonly
        self.timeout = timeout
        if readonly and self.path != ":memory:" and not Path(self.path).is_file():
            raise InputError(Errors.E004, source=self.path)
        try:
            if readonly and self.path != ":memory:":
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                # WAL: readers (search, datasette) never block the writer;
                # synchronous=NORMAL keeps every commit across a killed process.
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self.conn, self.path)
            else:
                self._check_schema()
        except sqlite3.Error as exc:
            with contextlib.suppress(Exception):
                self.conn.close()
            coded = coded_error(exc, self.path, timeout)
            raise coded or SetupError(Errors.E013, source=self.path, detail=str(exc)) from None
        self._speaker_ids: dict[str, int] = {}

    def _check_schema(self) -> None:
        row = self.conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='migrations'").fetchone()
        if row is None:
            raise SetupError(Errors.E013, source=self.path, detail="it is not a newsbrief store")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything inside is committed together or not at all."""
        if self.conn.in_transaction:
            # A transaction left open means an earlier one was cut off (Ctrl-C can
            # land between BEGIN and the body): its half-written work is dropped.
            self._rollback()
        try:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        except sqlite3.Error as exc:
            coded = coded_error(exc, self.path, self.timeout)
            if coded is None:
                raise
            raise coded from None

    def _rollback(self) -> None:
        # SQLite may have rolled back already (a full disk does): never fail here.
        with contextlib.suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        self._speaker_ids.clear()  # ids created in the rolled-back transaction are gone

    # -- schema information -------------------------------------------------

    @_coded
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM migrations ORDER BY name")]

    # -- runs ---------------------------------------------------------------

    def start_run(self, *, engine: str, workers: int | None, inputs: Sequence[str], settings: dict[str, Any]) -> int:
        """Record the start of a run. RETURNS (int): its id."""
        with self.atomic() as conn:
            cur = conn.execute(
                "INSERT INTO runs (started_at, engine, workers, inputs, settings) VALUES (?, ?, ?, ?, ?)",
                (_now(), engine, workers, json.dumps(list(inputs)), json.dumps(settings, default=str)),
            )
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, *, status: str, analysed: int, skipped: int, failed: int) -> None:
        with self.atomic() as conn:
            conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, analysed = ?, skipped = ?, failed = ? WHERE id = ?",
                (_now(), status, analysed, skipped, failed, run_id),
            )

    # -- writing ------------------------------------------------------------

    @_coded
    def done_keys(self) -> set[Key]:
        """Keys of the articles stored as analysed (what a re-run skips)."""
        return {(r[0], r[1]) for r in self.conn.execute("SELECT content_hash, ext_id FROM articles WHERE status='ok'")}

    @_coded
    def is_done(self, key: Key) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ? AND ext_id = ? AND status = 'ok'", key
        ).fetchone()
        return row is not None

    @_coded
    def has_failed(self, key: Key) -> bool:
        """Whether an item under this (failure) key is recorded as failed."""
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ? AND ext_id = ? AND status = 'failed'", key
        ).fetchone()
        return row is not None

    def _speaker_id(self, conn: sqlite3.Connection, name: str) -> int:
        folded = name.casefold()
        cached = self._speaker_ids.get(folded)
        if cached is not None:
            return cached
        conn.execute("INSERT INTO speakers (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,))
        sid = int(conn.execute("SELECT id FROM speakers WHERE name = ?", (name,)).fetchone()[0])
        self._speaker_ids[folded] = sid
        return sid

    def write_brief(self, brief: Brief, *, key: Key, run_id: int | None = None) -> bool:
        """Store one analysed article and everything found in it, in one
        transaction. An article already stored is left as it is.

        RETURNS (bool): True when written, False when it was already stored.
        """
        meta = brief.meta or {}
        data = brief.to_dict(include_text=False)
        with self.atomic() as conn:
            row = conn.execute(
                """INSERT INTO articles (content_hash, ext_id, source, title, author, date, url, meta, text, words,
                       status, warnings, brief, run_id, stored_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?, ?, ?)
                   ON CONFLICT (content_hash, ext_id) DO UPDATE SET
                       source = excluded.source, title = excluded.title, author = excluded.author,
                       date = excluded.date, url = excluded.url, meta = excluded.meta, text = excluded.text,
                       words = excluded.words, status = 'ok', error_code = NULL, reason = NULL,
                       warnings = excluded.warnings, brief = excluded.brief, run_id = excluded.run_id,
                       stored_at = excluded.stored_at
                   WHERE articles.status = 'failed'
                   RETURNING id""",
                (
                    key[0],
                    key[1],
                    brief.source,
                    meta.get("title"),
                    meta.get("author"),
                    meta.get("date"),
                    meta.get("url"),
                    json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str),
                    brief.text,
                    len(brief.text.split()),
                    json.dumps(brief.warnings, ensure_ascii=False),
                    json.dumps(data, ensure_ascii=False),
                    run_id,
                    _now(),
                ),
            ).fetchone()
            if row is None:
                return False
            article_id = int(row[0])
            if brief.source is not None:
                # An item that failed before under this name is now analysed.
                conn.execute(
                    "DELETE FROM articles WHERE source = ? AND status = 'failed' AND id != ?",
                    (brief.source, article_id),
                )
            entity_ids: dict[str, int] = {}
            for ent in brief.entities:
                cur = conn.execute(
                    "INSERT INTO entities (article_id, local_id, name, type, role) VALUES (?, ?, ?, ?, ?)",
                    (article_id, ent.id, ent.name, ent.type, ent.role),
                )
                entity_ids[ent.id] = int(cur.lastrowid or 0)
                conn.executemany(
                    'INSERT INTO mentions (entity_id, article_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                    [(entity_ids[ent.id], article_id, m.start, m.end, m.text) for m in ent.mentions],
                )
            for idx, q in enumerate(brief.quotes):
                sp = q.speaker
                conn.execute(
                    """INSERT INTO quotes (article_id, idx, text, start, "end", kind, speaker_id, speaker,
                           speaker_role, entity_id, mention_text, mention_start, mention_end,
                           cue_text, cue_start, cue_end, continuation, is_key, type, verbatim, rule)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        article_id,
                        idx,
                        q.text,
                        q.start,
                        q.end,
                        q.kind,
                        self._speaker_id(conn, sp.name) if sp.name else None,
                        sp.name,
                        sp.role,
                        entity_ids.get(sp.entity) if sp.entity else None,
                        sp.mention.text if sp.mention else None,
                        sp.mention.start if sp.mention else None,
                        sp.mention.end if sp.mention else None,
                        q.cue.text if q.cue else None,
                        q.cue.start if q.cue else None,
                        q.cue.end if q.cue else None,
                        int(q.continuation),
                        int(brief.key_quote == idx),
                        q.type,
                        json.dumps([[v.start, v.end] for v in q.verbatim]),
                        q.rule,
                    ),
                )
            conn.executemany(
                'INSERT INTO summaries (article_id, idx, text, start, "end", score) VALUES (?, ?, ?, ?, ?, ?)',
                [(article_id, i, s.text, s.start, s.end, s.score) for i, s in enumerate(brief.summary)],
            )
            # Across articles, in this same transaction: people, duplicates, statements.
            persons = people.link_article(conn, article_id, brief)
            dedup.index_article(conn, article_id, brief.text)
            statements.cluster_article(conn, article_id, brief, persons)
            write_events(conn, article_id, brief, entity_ids)
            return True

    def write_failure(
        self,
        *,
        source: str | None,
        code: str,
        message: str,
        key: Key | None = None,
        meta: dict[str, Any] | None = None,
        run_id: int | None = None,
    ) -> bool:
        """Record an item that could not be analysed, with its reason. An
        analysed article under the same key is never overwritten.

        RETURNS (bool): True when recorded (or its reason updated).
        """
        key = key or failure_key(source)
        meta = meta or {}
        with self.atomic() as conn:
            row = conn.execute(
                """INSERT INTO articles (content_hash, ext_id, source, title, date, url, meta, status, error_code,
                       reason, run_id, stored_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, 'failed', ?, ?, ?, ?)
                   ON CONFLICT (content_hash, ext_id) DO UPDATE SET
                       error_code = excluded.error_code, reason = excluded.reason, run_id = excluded.run_id,
                       stored_at = excluded.stored_at
                   WHERE articles.status = 'failed'
                   RETURNING id""",
                (
                    key[0],
                    key[1],
                    source,
                    meta.get("title"),
                    meta.get("date"),
                    meta.get("url"),
                    json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str),
                    code,
                    message,
                    run_id,
                    _now(),
                ),
            ).fetchone()
            if row is not None and source is not None:
                # One failure row a name: an earlier one for other text is replaced.
                conn.execute(
                    "DELETE FROM articles WHERE source = ? AND status = 'failed' AND id != ?", (source, int(row[0]))
                )
            return row is not None

    # -- reading ------------------------------------------------------------

    @_coded
    def counts(self) -> dict[str, int]:
        """How many articles (ok / failed), quotes, entities, speakers are stored."""
        c = self.conn
        return {
            "articles": c.execute("SELECT count(*) FROM articles WHERE status='ok'").fetchone()[0],
            "failed": c.execute("SELECT count(*) FROM articles WHERE status='failed'").fetchone()[0],
            "quotes": c.execute("SELECT count(*) FROM quotes").fetchone()[0],
            "entities": c.execute("SELECT count(*) FROM entities").fetchone()[0],
            "speakers": c.execute("SELECT count(*) FROM speakers").fetchone()[0],
        }

    @_coded
    def failures(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT source, error_code, reason FROM articles WHERE status='failed' ORDER BY source"
        )
        return [dict(r) for r in rows]

    def search(
        self,
        query: str | None = None,
        *,
        speaker: str | None = None,
        entity: str | None = None,
        source: str | None = None,
        kinds: Sequence[str] = (),
        types: Sequence[str] = (),
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        raw: bool = False,
    ) -> list[dict[str, Any]]:
        """Quotes matching every filter given.

        query (str | None): words the quote must contain (FTS5; all of them);
            with ``raw``, an FTS5 query as it is.
        speaker (str | None): a person of the people layer (people.py): full
            name or alias, case-insensitive; a bare surname that fits two
            people raises E061 listing them.
        entity (str | None): an entity (same matching) mentioned inside the quote.
        source (str | None): text the article's source (path, id) contains.
        kinds (Sequence[str]): "direct", "partial", "indirect".
        types (Sequence[str]): "speech", "belief", "intention", "evidence", "stance".
        since, until (date | None): article date range, inclusive (ISO dates).
        RETURNS (list[dict]): one dict a quote, with its article.
        RAISES (InputError): E014 for a query FTS5 cannot parse; E061 (see speaker).
        """
        where: list[str] = []
        params: list[Any] = []
        join = ""
        order = 'a.id, q.start, q."end"'
        match: str | None = None
        if query is not None and query.replace("\x00", " ").strip():
            match = query.replace("\x00", " ") if raw else fts_query(query)
            join = "JOIN quotes_fts ON quotes_fts.rowid = q.id"
            where.append("quotes_fts MATCH ?")
            params.append(match)
            order = "quotes_fts.rank, " + order
        if speaker:
            # A person (people.py): by full name or alias; a bare surname that
            # fits two people raises E061 instead of mixing them.
            ids = people.resolve_one(self.conn, speaker)
            where.append("q.person_id IN (" + ", ".join("?" for _ in ids) + ")" if ids else "0")
            params += ids
        quote_filters(where, params, entity=entity, source=source, kinds=kinds, since=since, until=until)
        if types:
            where.append("q.type IN (" + ", ".join("?" for _ in types) + ")")
            params += list(types)
        sql = f"""
            SELECT q.text, q.start, q."end" AS "end", q.kind, q.type, q.speaker, q.speaker_role,
                   q.cue_text AS cue, q.mention_text AS mention, q.is_key,
                   a.id AS article, a.content_hash, a.ext_id, a.source, a.title, a.date, a.url
            FROM quotes q JOIN articles a ON a.id = q.article_id {join}
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY {order}
            {"LIMIT ?" if limit else ""}"""
        if limit:
            params.append(int(limit))
        try:
            return [dict(r) for r in self.conn.execute(sql, params)]
        except sqlite3.Error as exc:
            coded = coded_error(exc, self.path, self.timeout)
            if coded is not None:
                raise coded from None
            if match is not None and isinstance(exc, sqlite3.OperationalError):
                # Whatever FTS5 cannot parse ('"', '*', 'AND (') is the query's fault.
                raise InputError(Errors.E014, query=query, detail=str(exc)) from None
            raise

    @_coded
    def speakers(
        self, *, limit: int | None = None, min_quotes: int = 1, count_duplicates: bool = False
    ) -> list[dict[str, Any]]:
        """Who is quoted (people, not strings: see people.py), how often, in
        how many articles, with their aliases and roles; a group of
        near-duplicate articles counts once unless ``count_duplicates``.

        RETURNS (list[dict]): most quoted first.
        """
        return people.speakers(self.conn, limit=limit, min_quotes=min_quotes, count_duplicates=count_duplicates)

    def events(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        include_hypothetical: bool = True,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events, newest first, filtered by PLOVER type, actor code
        or name (either party), and date (see ``store/events.py``)."""
        return query_events(
            self.conn, type=type, actor=actor, since=since, include_hypothetical=include_hypothetical, limit=limit
        )

    def iter_briefs(self) -> Iterator[tuple[dict[str, Any], Brief]]:
        """Every analysed article: its stored row (without text) and its Brief."""
        try:
            yield from self._iter_briefs()
        except sqlite3.Error as exc:
            coded = coded_error(exc, self.path, self.timeout)
            if coded is None:
                raise
            raise coded from None

    def _iter_briefs(self) -> Iterator[tuple[dict[str, Any], Brief]]:
        cur = self.conn.execute(
            """SELECT id, content_hash, ext_id, source, title, author, date, url, text, brief
               FROM articles WHERE status = 'ok' ORDER BY id"""
        )
        for row in cur:
            data = json.loads(row["brief"])
            data["text"] = row["text"]
            info = {k: row[k] for k in ("id", "content_hash", "ext_id", "source", "title", "author", "date", "url")}
            yield info, Brief.from_dict(data)

    @_coded
    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """The store's content as sorted rows, without row ids, timestamps or
        the run log: two stores with equal snapshots hold the same results
        (used to check that resumed and distributed runs equal a clean one)."""
        art = "a.content_hash, a.ext_id"
        queries = {
            "articles": """SELECT content_hash, ext_id, source, title, author, date, url, meta, text, words, status,
                               error_code, reason, warnings, brief FROM articles a""",
            "entities": f"SELECT {art}, e.local_id, e.name, e.type, e.role FROM entities e JOIN articles a"
            " ON a.id = e.article_id",
            "mentions": f"""SELECT {art}, e.local_id, m.start, m."end", m.text FROM mentions m
                            JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id""",
            "quotes": f"""SELECT {art}, q.idx, q.text, q.start, q."end", q.kind, s.name, q.speaker, q.speaker_role,
                                 e.local_id, q.mention_text, q.mention_start, q.mention_end, q.cue_text, q.cue_start,
                                 q.cue_end, q.continuation, q.is_key
                          FROM quotes q JOIN articles a ON a.id = q.article_id
                          LEFT JOIN speakers s ON s.id = q.speaker_id LEFT JOIN entities e ON e.id = q.entity_id""",
            "summaries": f"""SELECT {art}, s.idx, s.text, s.start, s."end", s.score FROM summaries s
                             JOIN articles a ON a.id = s.article_id""",
            "speakers": "SELECT name FROM speakers",
        }
        return {name: sorted((tuple(r) for r in self.conn.execute(sql)), key=repr) for name, sql in queries.items()}

    @_coded
    def check(self) -> list[str]:
        """Integrity problems: SQLite's own check, dangling foreign keys, and
        an FTS index out of step with the quotes. RETURNS (list[str]): empty when sound."""
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {tuple(r)}" for r in self.conn.execute("PRAGMA foreign_key_check")]
        try:
            # FTS5's own check compares the index with the quotes table.
            self.conn.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"quotes_fts: {exc}")
        return problems
