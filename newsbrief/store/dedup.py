"""Near-duplicate articles: wire copies, re-publications, updated versions.

Each article gets a MinHash signature (``datasketch``) of its word 5-grams at
ingest, and is grouped with the stored article it most resembles when their
estimated Jaccard similarity reaches ``THRESHOLD``. MinHash over shingles,
rather than SimHash, because what makes two news copies the same is the large
share of identical passages they hold (Jaccard over shingles measures exactly
that, and boilerplate or a new headline lowers it only by its share), and
because datasketch is the maintained implementation with LSH parameter choice.

The LSH bands live in an indexed SQLite table instead of datasketch's
in-memory ``MinHashLSH`` index: the store must find candidates across runs
and processes without loading every signature, and datasketch has no SQLite
storage backend. The band/row split is datasketch's own (its ``MinHashLSH``
chooses ``b`` and ``r`` for the threshold), so the probabilities are the
library's.

A group is named by its first stored article (``articles.dup_group``); each
article keeps its own row, and statistics count a group once.
"""

from __future__ import annotations

import re
import sqlite3
import struct
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
THRESHOLD = 0.5
SHINGLE = 5
_SEED = 1
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # Building the permutations is the slow part of a MinHash: do it once.
    return MinHash(num_perm=NUM_PERM, seed=_SEED)


def signature(text: str) -> np.ndarray:
    """The MinHash signature of ``text``'s word 5-grams (case-folded)."""
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))}
    t = _template()
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=t.permutations, scheme=t.scheme)
    m.update_batch(list(shingles))
    return m.hashvalues


def band_keys(hashvalues: np.ndarray) -> list[tuple[int, int]]:
    """(band, key) pairs: each band's rows hashed to one signed 64-bit int."""
    b, r = _bands()
    out = []
    for i in range(b):
        chunk = hashvalues[i * r : (i + 1) * r].astype(np.uint64).tobytes()
        out.append((i, struct.unpack("<q", _h64(chunk))[0]))
    return out


def _h64(data: bytes) -> bytes:
    import hashlib

    return hashlib.blake2b(data, digest_size=8).digest()


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / float(len(a))


def index_article(conn: sqlite3.Connection, article_id: int, text: str) -> tuple[int, float | None]:
    """Sign a just-written article, find its near-duplicates among the stored
    ones (LSH candidates, then the signature's estimate), and put it in the
    group of the most similar one (or in a new group of its own).

    RETURNS (tuple): (group id, similarity to the group's closest article or None).
    """
    hv = signature(text)
    keys = band_keys(hv)
    best: tuple[float, int] | None = None
    if keys:
        clause = " OR ".join("(band = ? AND key = ?)" for _ in keys)
        params = [v for k in keys for v in k]
        cands = conn.execute(
            f"SELECT DISTINCT article_id FROM article_bands WHERE ({clause}) AND article_id != ? LIMIT 200",
            params + [article_id],
        ).fetchall()
        for (cid,) in cands:
            row = conn.execute(
                "SELECT m.hashvalues, a.dup_group FROM article_minhash m JOIN articles a ON a.id = m.article_id"
                " WHERE m.article_id = ?",
                (cid,),
            ).fetchone()
            if row is None:
                continue
            sim = similarity(hv, np.frombuffer(row[0], dtype=np.uint64))
            if sim >= THRESHOLD and (best is None or sim > best[0]):
                best = (sim, int(row[1] if row[1] is not None else cid))
    group = best[1] if best else article_id
    conn.execute(
        "INSERT OR REPLACE INTO article_minhash (article_id, hashvalues, similarity) VALUES (?, ?, ?)",
        (article_id, hv.astype(np.uint64).tobytes(), best[0] if best else None),
    )
    conn.executemany(
        "INSERT INTO article_bands (band, key, article_id) VALUES (?, ?, ?)", [(b, k, article_id) for b, k in keys]
    )
    conn.execute("UPDATE articles SET dup_group = ? WHERE id = ?", (group, article_id))
    return group, best[0] if best else None


def groups(conn: sqlite3.Connection) -> list[dict[str, object]]:
    """Groups of two or more articles: the first article and the others."""
    rows = conn.execute(
        """SELECT g.id AS group_id, g.source AS first_source, count(a.id) AS articles,
                  group_concat(a.source, ' | ') AS sources
           FROM articles a JOIN articles g ON g.id = a.dup_group
           GROUP BY a.dup_group HAVING count(a.id) > 1 ORDER BY articles DESC, g.id"""
    ).fetchall()
    return [dict(r) for r in rows]


def count_units(count_duplicates: bool) -> tuple[str, str]:
    """SQL expressions (over quotes ``q`` joined to articles ``a``) whose
    distinct values are what statistics count: (statements, stories).

    By default a group of near-duplicate articles is one story, and a
    statement quoted in several copies of it one statement (quotes of one
    statement cluster, ``statements.py``); with ``count_duplicates`` every
    quote and every article counts.
    """
    if count_duplicates:
        return "q.id", "q.article_id"
    return (
        "coalesce(a.dup_group, a.id) || ':' || coalesce(q.statement_id, 'q' || q.id)",
        "coalesce(a.dup_group, a.id)",
    )
