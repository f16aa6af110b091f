"""newsbrief's SQLite store: articles, quotes, speakers, entities, mentions,
summaries and the run log in one file. See docs/corpus.md for the schema."""

from __future__ import annotations

from .db import Key, Store, article_key, content_hash, failure_key, fts_query
from .migrations import MIGRATIONS, migrate

__all__ = ["Key", "Store", "article_key", "content_hash", "failure_key", "fts_query", "MIGRATIONS", "migrate"]
