"""The store's events: written with the article (inside ``write_brief``'s
transaction) and queried by ``Store.events`` / ``newsbrief events``."""

from __future__ import annotations

import sqlite3
from typing import Any

from ..model import Brief


def write_events(conn: sqlite3.Connection, article_id: int, brief: Brief, entity_ids: dict[str, int]) -> None:
    """Insert ``brief.events`` and their actors for ``article_id``."""
    article_date = (brief.meta or {}).get("date")
    for idx, ev in enumerate(brief.events):
        cur = conn.execute(
            """INSERT INTO events (article_id, idx, type, mode, trigger_text, trigger_start, trigger_end,
                   sentence_start, sentence_end, location, location_country, date_text, date, negated,
                   hypothetical, attribution, rule)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                article_id,
                idx,
                ev.type,
                ev.mode,
                ev.trigger.text,
                ev.trigger.start,
                ev.trigger.end,
                ev.sentence[0],
                ev.sentence[1],
                ev.location.text if ev.location else None,
                ev.location_country,
                ev.date.text if ev.date else None,
                ev.date_value or (str(article_date)[:10] if article_date else None),
                int(ev.negated),
                int(ev.hypothetical),
                ev.attribution,
                ev.rule,
            ),
        )
        event_id = int(cur.lastrowid or 0)
        conn.executemany(
            """INSERT INTO event_actors (event_id, role, text, start, "end", entity_id, country, sector, code)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (event_id, role, a.text, a.start, a.end, entity_ids.get(a.entity) if a.entity else None,
                 a.country, a.sector, a.code)
                for role, parties in (("actor", ev.actor), ("recipient", ev.recipient))
                for a in parties
            ],
        )


def query_events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    include_hypothetical: bool = True,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events with their article and parties, one dict each.

    type: a PLOVER type ("ASSAULT"). actor: a code ("RUS", "IGO") or words
    of a party's mention or entity name, on either side. since: an ISO date;
    events dated before it are left out (undated ones too).
    """
    where = ["1 = 1"]
    params: list[Any] = []
    if type:
        where.append("e.type = ?")
        params.append(type.upper())
    if since:
        where.append("e.date >= ?")
        params.append(since)
    if not include_hypothetical:
        where.append("e.hypothetical = 0 AND e.negated = 0")
    if actor:
        where.append(
            """EXISTS (SELECT 1 FROM event_actors x LEFT JOIN entities n ON n.id = x.entity_id
                       WHERE x.event_id = e.id AND (x.code = ? COLLATE NOCASE OR x.text LIKE ? ESCAPE '\\'
                                                    OR n.name LIKE ? ESCAPE '\\'))"""
        )
        like = "%" + actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params.extend([actor, like, like])
    sql = (
        """SELECT e.id, e.type, e.mode, e.trigger_text AS trigger, e.trigger_start, e.trigger_end,
                  e.sentence_start, e.sentence_end, e.location, e.location_country, e.date, e.negated,
                  e.hypothetical, e.attribution, e.rule, a.id AS article_id, a.source, a.title
           FROM events e JOIN articles a ON a.id = e.article_id
           WHERE """
        + " AND ".join(where)
        + " ORDER BY coalesce(e.date, '') DESC, a.id, e.idx"
        + (" LIMIT ?" if limit else "")
    )
    if limit:
        params.append(limit)
    rows = [dict(r) for r in conn.execute(sql, params)]
    if not rows:
        return rows
    ids = [r["id"] for r in rows]
    parties: dict[int, dict[str, list[dict[str, Any]]]] = {i: {"actor": [], "recipient": []} for i in ids}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for p in conn.execute(
            f"""SELECT event_id, role, text, start, "end", country, sector, code FROM event_actors
                WHERE event_id IN ({marks}) ORDER BY id""",
            chunk,
        ):
            parties[p["event_id"]][p["role"]].append(
                {"text": p["text"], "start": p["start"], "end": p["end"], "country": p["country"],
                 "sector": p["sector"], "code": p["code"]}
            )
    for r in rows:
        r.update(parties[r["id"]])
        r["negated"] = bool(r["negated"])
        r["hypothetical"] = bool(r["hypothetical"])
    return rows
