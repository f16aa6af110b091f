"""Readers: files of different kinds -> Article. (Plain text now; HTML,
JSON Lines and folders: see issue 4.)"""

from __future__ import annotations

import os

from .ingest import Article, read_text_file
from .settings import DEFAULT_MAX_CHARS


def read_article(path: str | os.PathLike[str], *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """Read one file into an Article, by its kind."""
    return read_text_file(path, max_chars=max_chars)
