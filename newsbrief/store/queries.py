"""Read queries the HTTP API and the web reader ask of a store: paged article
lists, quotes with the filters of ``newsbrief search``, speakers by id, entities
and corpus counts for the charts.

Every function takes an open ``sqlite3.Connection`` (rows as ``sqlite3.Row``)
and returns plain dicts; every value is a bound parameter. Paged functions
return ``(total, rows)`` so that a client can page through everything.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..errors import Errors, InputError
from .db import Key, _like_escape, fts_query, quote_filters

Page = tuple[int, list[dict[str, Any]]]


def has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    """Whether ``table`` has ``column`` (a store made before a migration may lack it)."""
    # table is one of this module's own literals, never input.
    return any(r[1] == column for r in conn.execute(f"PRAGMA table_info({table})"))


def _speaker_clause(name: str, col: str = "q.speaker") -> tuple[str, list[Any]]:
    # The matching of `newsbrief search --speaker`: case-insensitive, and a
    # surname finds the full name and the other way round.
    name = " ".join(name.split())
    sql = f"({col} = ? COLLATE NOCASE OR {col} LIKE ? ESCAPE '\\' OR {col} = ? COLLATE NOCASE)"
    return sql, [name, "% " + _like_escape(name), name.rsplit(" ", 1)[-1]]


def people_linked(conn: sqlite3.Connection) -> bool:
    """Whether the store's quotes are linked to people (store/people.py)."""
    if not has_column(conn, "quotes", "person_id"):
        return False
    return conn.execute("SELECT 1 FROM quotes WHERE person_id IS NOT NULL LIMIT 1").fetchone() is not None


def speaker_filter(conn: sqlite3.Connection, name: str) -> tuple[str, list[Any]] | None:
    """The SQL condition on quotes ``q`` for a speaker filter, as ``newsbrief
    search --speaker`` reads it: a person of the people layer where the store
    has one (a bare surname that fits two people raises E061), else the
    speaker strings. None when nobody matches.
    """
    if people_linked(conn):
        from .people import resolve_one

        ids = resolve_one(conn, name)
        column = "q.person_id"
    else:
        ids = speaker_ids(conn, name)
        column = "q.speaker_id"
    if not ids:
        return None
    return f"{column} IN (" + ", ".join("?" for _ in ids) + ")", list(ids)


def speaker_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of the speakers a name matches (as ``newsbrief search --speaker`` does)."""
    clause, params = _speaker_clause(name, "name")
    return [int(r[0]) for r in conn.execute(f"SELECT id FROM speakers WHERE {clause}", params)]


def _date_clauses(since: date | None, until: date | None, where: list[str], params: list[Any]) -> None:
    if since:
        where.append("substr(a.date, 1, 10) >= ?")
        params.append(since.isoformat())
    if until:
        where.append("substr(a.date, 1, 10) <= ?")
        params.append(until.isoformat())


def _where(where: list[str]) -> str:
    return ("WHERE " + " AND ".join(where)) if where else ""


# -- articles -------------------------------------------------------------------


def list_articles(
    conn: sqlite3.Connection,
    *,
    source: str | None = None,
    since: date | None = None,
    until: date | None = None,
    speaker: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """Analysed articles, in store order, with their quote counts."""
    where = ["a.status = 'ok'"]
    params: list[Any] = []
    if source:
        where.append("a.source LIKE ? ESCAPE '\\'")
        params.append("%" + _like_escape(source) + "%")
    _date_clauses(since, until, where, params)
    if speaker:
        found = speaker_filter(conn, speaker)
        if found is None:
            return 0, []
        clause, extra = found
        where.append(f"EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND {clause})")
        params += extra
    total = conn.execute(f"SELECT count(*) FROM articles a {_where(where)}", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT a.id, a.source, a.title, a.author, a.date, a.url, a.words,
                   (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
            FROM articles a {_where(where)} ORDER BY a.id LIMIT ? OFFSET ?""",
        [*params, int(limit), int(offset)],
    ).fetchall()
    return int(total), [dict(r) for r in rows]


def article_brief(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    """The stored brief of an analysed article, with its text, as the JSON
    ``Brief.to_dict`` wrote (its ``meta.id`` is the store's id); None when absent."""
    row = conn.execute(
        "SELECT id, text, brief FROM articles WHERE id = ? AND status = 'ok'", (int(article_id),)
    ).fetchone()
    if row is None:
        return None
    data = json.loads(row["brief"])
    data["text"] = row["text"]
    return data


def article_id_for_key(conn: sqlite3.Connection, key: Key) -> int | None:
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ? AND ext_id = ?", key).fetchone()
    return int(row[0]) if row else None


# -- quotes ----------------------------------------------------------------------


def search_quotes(
    conn: sqlite3.Connection,
    query: str | None = None,
    *,
    speaker: str | None = None,
    speaker_id: int | None = None,
    person_id: int | None = None,
    entity: str | None = None,
    source: str | None = None,
    kinds: Sequence[str] = (),
    types: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """Quotes matching every filter given (those of ``Store.search``, plus
    type, a speaker id, a person id and paging), best FTS match first, then in
    article order.

    RAISES (InputError): E014 for a query FTS5 cannot parse (it cannot happen
        for plain words, which are quoted).
    """
    where: list[str] = []
    params: list[Any] = []
    join = ""
    # Quotes are written article by article in brief order: the rowid is that order.
    order = "q.id"
    if query is not None and query.replace("\x00", " ").strip():
        join = "JOIN quotes_fts ON quotes_fts.rowid = q.id"
        where.append("quotes_fts MATCH ?")
        params.append(fts_query(query))
        order = "quotes_fts.rank, " + order
    if speaker:
        # Resolved to ids first (people, or speaker names), then the quotes by an index: no scan.
        found = speaker_filter(conn, speaker)
        if found is None:
            return 0, []
        where.append(found[0])
        params += found[1]
    if speaker_id is not None:
        where.append("q.speaker_id = ?")
        params.append(int(speaker_id))
    people_cols = has_column(conn, "quotes", "person_id")
    if person_id is not None:
        if not people_cols:
            return 0, []
        where.append("q.person_id = ?")
        params.append(int(person_id))
    quote_filters(where, params, entity=entity, source=source, kinds=kinds, since=since, until=until)
    typed = has_column(conn, "quotes", "type")
    if types:
        if typed:
            where.append("q.type IN (" + ", ".join("?" for _ in types) + ")")
            params += list(types)
        elif "speech" not in types:
            # A store of schema newsbrief/1 holds speech only.
            where.append("0")
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id {join} {_where(where)}"
    type_col = "q.type" if typed else "'speech'"
    person_col = "q.person_id" if people_cols else "NULL"
    try:
        total = conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
        rows = conn.execute(
            f"""SELECT q.id, q.article_id AS article, q.idx, q.text, q.start, q."end" AS "end", q.kind,
                       {type_col} AS type, q.speaker_id, q.speaker, q.speaker_role, q.cue_text AS cue,
                       q.mention_text AS mention, q.continuation, q.is_key, {person_col} AS person_id,
                       a.source, a.title, a.date, a.url
                {base} ORDER BY {order} LIMIT ? OFFSET ?""",
            [*params, int(limit), int(offset)],
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            raise InputError(Errors.E014, query=query, detail=str(exc)) from None
        raise
    out = []
    for r in rows:
        d = dict(r)
        d["continuation"] = bool(d["continuation"])
        d["is_key"] = bool(d["is_key"])
        out.append(d)
    return int(total), out


# -- speakers --------------------------------------------------------------------


def _roles(conn: sqlite3.Connection, speaker_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    if not speaker_ids:
        return {}
    marks = ", ".join("?" for _ in speaker_ids)
    roles: dict[int, list[dict[str, Any]]] = {}
    for r in conn.execute(
        f"""SELECT speaker_id, speaker_role, count(*) AS n FROM quotes
            WHERE speaker_id IN ({marks}) AND speaker_role IS NOT NULL
            GROUP BY speaker_id, speaker_role ORDER BY speaker_id, n DESC, speaker_role""",
        list(speaker_ids),
    ):
        roles.setdefault(r[0], []).append({"role": r[1], "count": r[2]})
    return roles


def ranked_speakers(
    conn: sqlite3.Connection,
    *,
    name: str | None = None,
    min_quotes: int = 1,
    limit: int = 50,
    offset: int = 0,
    count_duplicates: bool = False,
) -> Page:
    """Speakers, most quoted first, with counts by kind and their roles
    (limit -1: all of them): the people of the people layer where the store
    has one (see ``ranked_people``), else the speaker strings."""
    if people_linked(conn):
        return ranked_people(
            conn, name=name, min_quotes=min_quotes, limit=limit, offset=offset, count_duplicates=count_duplicates
        )
    params: list[Any] = []
    filt = ""
    if name:
        ids = speaker_ids(conn, name)
        if not ids:
            return 0, []
        filt = "WHERE s.id IN (" + ", ".join("?" for _ in ids) + ")"
        params = list(ids)
    grouped = f"FROM speakers s JOIN quotes q ON q.speaker_id = s.id {filt} GROUP BY s.id HAVING count(q.id) >= ?"
    params.append(int(min_quotes))
    total = conn.execute(f"SELECT count(*) FROM (SELECT s.id {grouped})", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT s.id, s.name, count(q.id) AS quotes, count(DISTINCT q.article_id) AS articles,
                   sum(q.kind = 'direct') AS direct, sum(q.kind = 'partial') AS partial,
                   sum(q.kind = 'indirect') AS indirect
            {grouped} ORDER BY quotes DESC, s.name COLLATE NOCASE LIMIT ? OFFSET ?""",
        [*params, int(limit), int(offset)],
    ).fetchall()
    out = [dict(r) for r in rows]
    roles = _roles(conn, [d["id"] for d in out])
    for d in out:
        d["roles"] = roles.get(d["id"], [])
    return int(total), out


def _people_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """The people a name in a listing filter means: by full name or alias,
    and every person with a bare surname (a listing shows them all)."""
    from .people import find_people

    return [int(p["id"]) for p in find_people(conn, name)]


def ranked_people(
    conn: sqlite3.Connection,
    *,
    name: str | None = None,
    min_quotes: int = 1,
    limit: int = 50,
    offset: int = 0,
    count_duplicates: bool = False,
) -> Page:
    """People (``store/people.py``), most quoted first, with counts by kind,
    roles and aliases. A group of near-duplicate articles counts once, and a
    statement quoted in several copies of a story once, unless
    ``count_duplicates`` (``newsbrief speakers --count-duplicates``).
    Descriptions and fragments have no person, so they are never listed."""
    from .dedup import count_units

    unit_q, unit_a = count_units(count_duplicates)
    params: list[Any] = []
    filt = ""
    if name:
        ids = _people_ids(conn, name)
        if not ids:
            return 0, []
        filt = "WHERE p.id IN (" + ", ".join("?" for _ in ids) + ")"
        params = list(ids)
    grouped = (
        f"FROM people p JOIN quotes q ON q.person_id = p.id JOIN articles a ON a.id = q.article_id {filt}"
        f" GROUP BY p.id HAVING count(DISTINCT {unit_q}) >= ?"
    )
    params.append(int(min_quotes))
    total = conn.execute(f"SELECT count(*) FROM (SELECT p.id {grouped})", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT p.id, p.name, p.kind, count(DISTINCT {unit_q}) AS quotes, count(DISTINCT {unit_a}) AS articles,
                   count(DISTINCT CASE WHEN q.kind = 'direct' THEN {unit_q} END) AS direct,
                   count(DISTINCT CASE WHEN q.kind = 'partial' THEN {unit_q} END) AS partial,
                   count(DISTINCT CASE WHEN q.kind = 'indirect' THEN {unit_q} END) AS indirect
            {grouped} ORDER BY quotes DESC, p.name COLLATE NOCASE LIMIT ? OFFSET ?""",
        [*params, int(limit), int(offset)],
    ).fetchall()
    out = [dict(r) for r in rows]
    for d in out:
        d["roles"] = _person_roles(conn, d["id"])
        d["aliases"] = _person_aliases(conn, d["id"], d["name"])
    return int(total), out


def _person_roles(conn: sqlite3.Connection, person_id: int) -> list[dict[str, Any]]:
    # count: the articles the role was seen in.
    return [
        {"role": r[0], "count": int(r[1])}
        for r in conn.execute(
            "SELECT role, articles FROM person_roles WHERE person_id = ? ORDER BY articles DESC, role",
            (int(person_id),),
        )
    ]


def _person_aliases(conn: sqlite3.Connection, person_id: int, name: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT alias FROM person_aliases WHERE person_id = ? AND kind = 'name' AND alias != ? COLLATE NOCASE"
            " ORDER BY articles DESC, alias",
            (int(person_id), name),
        )
    ]


def person(conn: sqlite3.Connection, person_id: int, *, count_duplicates: bool = False) -> dict[str, Any] | None:
    """One person of the people layer, in the shape of ``speaker``: counts
    (near-duplicates once unless ``count_duplicates``), roles, aliases,
    statements by month and the articles that quote them; None when unknown."""
    from .dedup import count_units

    row = conn.execute("SELECT id, name, kind FROM people WHERE id = ?", (int(person_id),)).fetchone()
    if row is None:
        return None
    pid = int(row["id"])
    unit_q, unit_a = count_units(count_duplicates)
    base = "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.person_id = ?"
    counts = conn.execute(
        f"""SELECT count(DISTINCT {unit_q}) AS quotes, count(DISTINCT {unit_a}) AS articles,
                  count(DISTINCT CASE WHEN q.kind = 'direct' THEN {unit_q} END) AS direct,
                  count(DISTINCT CASE WHEN q.kind = 'partial' THEN {unit_q} END) AS partial,
                  count(DISTINCT CASE WHEN q.kind = 'indirect' THEN {unit_q} END) AS indirect {base}""",
        (pid,),
    ).fetchone()
    timeline = [
        {"month": r[0], "count": int(r[1])}
        for r in conn.execute(
            f"SELECT substr(a.date, 1, 7) AS month, count(DISTINCT {unit_q}) {base} AND a.date IS NOT NULL"
            " GROUP BY month ORDER BY month",
            (pid,),
        )
    ]
    undated = conn.execute(f"SELECT count(DISTINCT {unit_q}) {base} AND a.date IS NULL", (pid,)).fetchone()[0]
    articles = [
        dict(r)
        for r in conn.execute(
            f"SELECT a.id, a.title, a.source, a.date, count(*) AS quotes {base} GROUP BY a.id ORDER BY a.date, a.id",
            (pid,),
        )
    ]
    return {
        "id": pid,
        "name": row["name"],
        "kind": row["kind"],
        **{k: int(counts[k] or 0) for k in ("quotes", "articles", "direct", "partial", "indirect")},
        "roles": _person_roles(conn, pid),
        "aliases": _person_aliases(conn, pid, row["name"]),
        "timeline": timeline,
        "undated": int(undated or 0),
        "article_list": articles,
    }


def speaker(conn: sqlite3.Connection, speaker_id: int, *, count_duplicates: bool = False) -> dict[str, Any] | None:
    """One speaker: counts, roles, the names the articles use for them,
    statements by month and the articles that quote them; None when unknown.
    Where the store links quotes to people, the id is a person's (the ids
    ``ranked_speakers`` gives) and this is ``person``."""
    if people_linked(conn):
        return person(conn, speaker_id, count_duplicates=count_duplicates)
    row = conn.execute("SELECT id, name FROM speakers WHERE id = ?", (int(speaker_id),)).fetchone()
    if row is None:
        return None
    sid = int(row["id"])
    counts = conn.execute(
        """SELECT count(*) AS quotes, count(DISTINCT article_id) AS articles, sum(kind = 'direct') AS direct,
                  sum(kind = 'partial') AS partial, sum(kind = 'indirect') AS indirect
           FROM quotes WHERE speaker_id = ?""",
        (sid,),
    ).fetchone()
    # An alias is a mention of the speaker that is also a named-entity mention
    # in its article (so "Lavrov" counts, "he" and "the minister" do not).
    aliases = [
        r[0]
        for r in conn.execute(
            """SELECT q.mention_text, count(*) AS n FROM quotes q
               WHERE q.speaker_id = ? AND q.mention_text IS NOT NULL AND EXISTS (
                   SELECT 1 FROM mentions m WHERE m.article_id = q.article_id
                   AND m.start = q.mention_start AND m."end" = q.mention_end)
               GROUP BY q.mention_text COLLATE NOCASE ORDER BY n DESC, q.mention_text""",
            (sid,),
        )
    ]
    timeline = [
        {"month": r[0], "count": r[1]}
        for r in conn.execute(
            """SELECT substr(a.date, 1, 7) AS month, count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
               WHERE q.speaker_id = ? AND a.date IS NOT NULL GROUP BY month ORDER BY month""",
            (sid,),
        )
    ]
    undated = conn.execute(
        """SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
           WHERE q.speaker_id = ? AND a.date IS NULL""",
        (sid,),
    ).fetchone()[0]
    articles = [
        dict(r)
        for r in conn.execute(
            """SELECT a.id, a.title, a.source, a.date, count(*) AS quotes FROM quotes q
               JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ?
               GROUP BY a.id ORDER BY a.date, a.id""",
            (sid,),
        )
    ]
    return {
        "id": sid,
        "name": row["name"],
        **{k: int(counts[k] or 0) for k in ("quotes", "articles", "direct", "partial", "indirect")},
        "roles": _roles(conn, [sid]).get(sid, []),
        "aliases": [a for a in aliases if a.casefold() != row["name"].casefold()],
        "timeline": timeline,
        "undated": int(undated),
        "article_list": articles,
    }


# -- entities and the corpus as a whole --------------------------------------------


def list_entities(
    conn: sqlite3.Connection,
    *,
    name: str | None = None,
    types: Sequence[str] = (),
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """Entities across the store, grouped by name and type, most mentioned first."""
    where: list[str] = []
    params: list[Any] = []
    if name:
        where.append("(e.name = ? COLLATE NOCASE OR e.name LIKE ? ESCAPE '\\')")
        params += [name.strip(), "%" + _like_escape(name.strip()) + "%"]
    if types:
        where.append("e.type IN (" + ", ".join("?" for _ in types) + ")")
        params += list(types)
    grouped = f"FROM entities e {_where(where)} GROUP BY e.name COLLATE NOCASE, e.type"
    total = conn.execute(f"SELECT count(*) FROM (SELECT 1 {grouped})", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT min(e.name) AS name, e.type, count(DISTINCT e.article_id) AS articles,
                   coalesce(sum(mc.n), 0) AS mentions
            FROM entities e LEFT JOIN (SELECT entity_id, count(*) AS n FROM mentions GROUP BY entity_id) mc
                 ON mc.entity_id = e.id
            {_where(where)} GROUP BY e.name COLLATE NOCASE, e.type
            ORDER BY articles DESC, mentions DESC, name COLLATE NOCASE LIMIT ? OFFSET ?""",
        [*params, int(limit), int(offset)],
    ).fetchall()
    return int(total), [dict(r) for r in rows]


def corpus_stats(conn: sqlite3.Connection, *, top: int = 10, count_duplicates: bool = False) -> dict[str, Any]:
    """Counts for the corpus page: articles, quotes, speakers, statements by
    kind and by type, and the most quoted speakers (people where the store
    has them). Where the store groups near-duplicates, a group of copies is
    one article and a statement quoted in its copies one quote, unless
    ``count_duplicates``."""
    typed = has_column(conn, "quotes", "type")
    linked = people_linked(conn)
    grouped = has_column(conn, "articles", "dup_group") and has_column(conn, "quotes", "statement_id")
    if grouped:
        from .dedup import count_units

        unit_q, _ = count_units(count_duplicates)
        unit_a = "a.id" if count_duplicates else "coalesce(a.dup_group, a.id)"
    else:
        unit_q, unit_a = "q.id", "a.id"
    joined = "FROM quotes q JOIN articles a ON a.id = q.article_id"
    by_kind = {
        r[0]: r[1]
        for r in conn.execute(f"SELECT q.kind, count(DISTINCT {unit_q}) {joined} GROUP BY q.kind ORDER BY q.kind")
    }
    if typed:
        by_type = {
            r[0]: r[1]
            for r in conn.execute(f"SELECT q.type, count(DISTINCT {unit_q}) {joined} GROUP BY q.type ORDER BY q.type")
        }
    else:
        by_type = {"speech": sum(by_kind.values())} if by_kind else {}
    _, speakers = ranked_speakers(conn, limit=top, count_duplicates=count_duplicates)
    if linked:
        n_speakers = conn.execute("SELECT count(DISTINCT person_id) FROM quotes WHERE person_id IS NOT NULL")
    else:
        n_speakers = conn.execute("SELECT count(*) FROM speakers")
    return {
        "articles": conn.execute(
            f"SELECT count(DISTINCT {unit_a}) FROM articles a WHERE a.status = 'ok'"
        ).fetchone()[0],
        "failed": conn.execute("SELECT count(*) FROM articles WHERE status = 'failed'").fetchone()[0],
        "quotes": sum(by_kind.values()),
        "speakers": n_speakers.fetchone()[0],
        "by_kind": by_kind,
        "by_type": by_type,
        "top_speakers": [{"id": s["id"], "name": s["name"], "quotes": s["quotes"]} for s in speakers],
    }
