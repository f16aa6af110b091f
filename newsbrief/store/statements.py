"""Statement clusters: the same statement quoted in several articles.

Two quotes are one statement when the same person (``people``) said them and
their words (the quote-marked words where the quote has them, else its
content) are the same or nearly so: rapidfuzz's normalised Indel similarity of
the folded word strings >= ``SIMILARITY``.

Candidates come from a bottom-k sketch: each statement stores the ``K``
smallest hashes of its word 3-grams under its person, indexed on (person,
hash). Two wordings that share most of their 3-grams share their smallest
hashes with high probability, so a new quote is compared with a handful of
statements, never with all of a person's; clustering is incremental.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import struct
from typing import Any

from rapidfuzz import fuzz

from ..model import Brief, Quote

K = 6
SIMILARITY = 85.0
_WORD = re.compile(r"[\w']+", re.UNICODE)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("’", "'"))


def statement_text(q: Quote) -> str:
    """The words a statement is known by: its quote-marked words (schema
    newsbrief/2 ``verbatim``), the quote itself for a direct or partial quote
    of schema 1, else the reported content."""
    verbatim = getattr(q, "verbatim", None)
    if verbatim:
        return " … ".join(v.text for v in verbatim)
    return q.text


def sketch(words: list[str]) -> list[int]:
    """The K smallest 64-bit hashes of the word 3-grams (the whole string
    when shorter)."""
    grams = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
    hashes = sorted(struct.unpack("<q", hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest())[0] for g in grams)
    return hashes[:K]


def cluster_article(conn: sqlite3.Connection, article_id: int, brief: Brief, persons: dict[int, int]) -> None:
    """Give each linked quote of a just-written article its statement
    (an existing one with near-same words by the same person, else a new one).
    """
    date = str((brief.meta or {}).get("date") or "")[:10] or None
    for idx, pid in persons.items():
        q = brief.quotes[idx]
        text = statement_text(q)
        words = words_of(text)
        if not words:
            continue
        norm = " ".join(words)
        keys = sketch(words)
        marks = ", ".join("?" for _ in keys)
        cands = conn.execute(
            f"""SELECT DISTINCT k.statement_id, s.norm FROM statement_keys k JOIN statements s ON s.id = k.statement_id
                WHERE k.person_id = ? AND k.hash IN ({marks}) LIMIT 50""",
            [pid, *keys],
        ).fetchall()
        best: tuple[float, int] | None = None
        for sid, snorm in cands:
            score = fuzz.ratio(norm, snorm)
            if score >= SIMILARITY and (best is None or score > best[0]):
                best = (score, int(sid))
        if best is None:
            sid = int(
                conn.execute(
                    """INSERT INTO statements (person_id, text, norm, first_article, first_date, quotes, articles)
                       VALUES (?, ?, ?, ?, ?, 0, 0)""",
                    (pid, text, norm, article_id, date),
                ).lastrowid
                or 0
            )
            conn.executemany(
                "INSERT INTO statement_keys (person_id, hash, statement_id) VALUES (?, ?, ?)",
                [(pid, h, sid) for h in keys],
            )
        else:
            sid = best[1]
        seen_here = conn.execute(
            "SELECT 1 FROM quotes WHERE statement_id = ? AND article_id = ? LIMIT 1", (sid, article_id)
        ).fetchone()
        conn.execute("UPDATE quotes SET statement_id = ? WHERE article_id = ? AND idx = ?", (sid, article_id, idx))
        conn.execute(
            """UPDATE statements SET quotes = quotes + 1, articles = articles + ?,
                   first_article = CASE WHEN ? IS NOT NULL AND (first_date IS NULL OR ? < first_date)
                                        THEN ? ELSE first_article END,
                   first_date = CASE WHEN ? IS NOT NULL AND (first_date IS NULL OR ? < first_date)
                                     THEN ? ELSE first_date END
               WHERE id = ?""",
            (0 if seen_here else 1, date, date, article_id, date, date, date, sid),
        )


def statements_of(
    conn: sqlite3.Connection, person_ids: list[int], *, min_articles: int = 1, limit: int | None = None
) -> list[dict[str, Any]]:
    """A person's statements quoted in at least ``min_articles`` articles:
    first seen (date, article), where else, and the variants of the wording."""
    if not person_ids:
        return []
    marks = ", ".join("?" for _ in person_ids)
    rows = conn.execute(
        f"""SELECT s.id, p.name AS speaker, s.text, s.first_date, fa.source AS first_source, s.quotes, s.articles
            FROM statements s JOIN people p ON p.id = s.person_id LEFT JOIN articles fa ON fa.id = s.first_article
            WHERE s.person_id IN ({marks}) AND s.articles >= ?
            ORDER BY s.articles DESC, s.first_date, s.id {"LIMIT ?" if limit else ""}""",
        [*person_ids, min_articles] + ([limit] if limit else []),
    ).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        sid = d.pop("id")
        d["statement"] = sid
        d["seen_in"] = [
            dict(x)
            for x in conn.execute(
                """SELECT a.source, a.date, q.start, q."end" FROM quotes q JOIN articles a ON a.id = q.article_id
               WHERE q.statement_id = ? ORDER BY a.date, a.id""",
                (sid,),
            )
        ]
        d["variants"] = [
            x[0]
            for x in conn.execute(
                "SELECT text FROM quotes WHERE statement_id = ? GROUP BY text ORDER BY count(*) DESC, text", (sid,)
            )
        ]
        out.append(d)
    return out
