"""Readers: files of different kinds -> Article.

* plain text (``.txt``, ``.text`` and anything not listed below),
* saved web pages (``.html``, ``.htm``): the main text, title, author, date and
  URL are extracted with trafilatura; offsets then refer to the extracted text,
  which is what gets analysed and stored,
* JSON Lines (``.jsonl``, ``.ndjson``, ``.json`` with one object a line): one
  Article per line, with configurable text / id / title / date / url fields,
* directories (recursively, by extension) and ``-`` for stdin.

``read_article`` reads one file into one Article (used by ``newsbrief
analyze``); ``iter_articles`` walks many inputs for ``newsbrief run`` and yields
a ``Failure`` in place of each bad item, so that a batch goes on.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import Errors, InputError, NewsbriefError
from .ingest import Article, decode_bytes, read_text_file
from .model import Failure
from .settings import DEFAULT_MAX_CHARS

HTML_EXTENSIONS: frozenset[str] = frozenset({".html", ".htm", ".xhtml"})
JSONL_EXTENSIONS: frozenset[str] = frozenset({".jsonl", ".ndjson", ".json"})
TEXT_EXTENSIONS: frozenset[str] = frozenset({".txt", ".text"})
# What a directory walk picks up by default.
DEFAULT_EXTENSIONS: frozenset[str] = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSONL_EXTENSIONS

STDIN = "-"


@dataclass(frozen=True)
class JsonFields:
    """Which fields of a JSON Lines record hold what.

    text (str): the article text (required in every record).
    id (str | None): a stable id; with it, an article is keyed by id and hash.
    title, date, url (str | None): copied into ``Article.meta`` when present.
    """

    text: str = "text"
    id: str | None = "id"
    title: str | None = "title"
    date: str | None = "date"
    url: str | None = "url"


def kind_of(path: str | os.PathLike[str]) -> str:
    """The kind of input a path names, by its extension: "html", "jsonl" or "text"."""
    ext = Path(path).suffix.lower()
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    return "text"


def _read_bytes(path: Path, name: str, max_chars: int) -> bytes:
    if not path.exists():
        raise InputError(Errors.E004, source=name)
    if path.is_dir():
        raise InputError(Errors.E005, source=name)
    try:
        # Four bytes per character at most in UTF-8: a bigger file cannot fit.
        # HTML pages carry markup, so they get a wider allowance.
        size = path.stat().st_size
        allowance = 4 * max_chars + 4 if kind_of(path) != "html" else 16 * max_chars + 16
        if size > allowance:
            raise InputError(Errors.E003, source=name, size=size, limit=max_chars)
        return path.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(Errors.E008, source=name, detail=exc.strerror or type(exc).__name__) from None


def html_to_article(data: bytes | str, source: str) -> Article:
    """Extract the main text and metadata of a saved web page with trafilatura.

    RAISES (InputError): E002 binary, E010 when no text can be extracted.
    """
    import trafilatura  # imported here: only HTML input pays for it

    warnings: list[str] = []
    if isinstance(data, bytes):
        html, warnings = decode_bytes(data, source)
    else:
        html = data
    if not html.strip():
        raise InputError(Errors.E001, source=source)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura raises assorted parser errors on broken pages
        raise InputError(Errors.E010, source=source, detail=f"{type(exc).__name__}: {exc}"[:200]) from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(Errors.E010, source=source, detail="trafilatura found no main text")
    # trafilatura puts one block (heading, paragraph) a line; a blank line
    # between them, as in plain-text articles, keeps a heading out of the
    # first sentence. This text is what is analysed and stored.
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    meta: dict[str, Any] = {}
    for key in ("title", "author", "date", "url"):
        value = getattr(doc, key, None)
        if value:
            meta[key] = str(value)
    return Article(text=text, source=source, meta=meta, warnings=warnings)


def read_article(path: str | os.PathLike[str], *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """Read one file into one Article, by its kind (text or HTML).

    RAISES (InputError): E004 missing, E005 directory, E008 unreadable,
        E002 binary, E003 too large, E010 HTML without text, E011 for a JSON
        Lines file (it holds many articles: use ``iter_articles``).
    """
    name = str(path)
    kind = kind_of(path)
    if kind == "html":
        return html_to_article(_read_bytes(Path(path), name, max_chars), name)
    if kind == "jsonl":
        raise InputError(
            Errors.E011, source=name, detail="JSON Lines holds many articles; use `newsbrief run` to analyse it."
        )
    return read_text_file(path, max_chars=max_chars)


def _record_to_article(record: Any, source: str, fields: JsonFields) -> Article:
    if not isinstance(record, dict):
        raise InputError(Errors.E009, source=source, detail=f"expected an object, got {type(record).__name__}")
    text = record.get(fields.text)
    if not isinstance(text, str):
        detail = f"no text field {fields.text!r}" if text is None else f"field {fields.text!r} is not a string"
        raise InputError(Errors.E009, source=source, detail=detail + "; name it with --text-field")
    ext_id = record.get(fields.id) if fields.id else None
    meta: dict[str, Any] = {}
    for key, field_name in (("title", fields.title), ("date", fields.date), ("url", fields.url)):
        if field_name and record.get(field_name) not in (None, ""):
            meta[key] = str(record[field_name])
    return Article(text=text, source=source, id=str(ext_id) if ext_id not in (None, "") else None, meta=meta)


def iter_jsonl(
    stream: BinaryIO, name: str, *, fields: JsonFields = JsonFields(), max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Article | Failure]:
    """One Article per non-blank line of a JSON Lines stream; a bad line
    becomes a Failure named ``name:LINE``."""
    for lineno, raw in enumerate(stream, start=1):
        source = f"{name}:{lineno}"
        if not raw.strip():
            continue
        try:
            # JSON escapes a text's characters, so its line may be longer than the text.
            if len(raw) > 8 * max_chars + 8:
                raise InputError(Errors.E003, source=source, size=len(raw), limit=max_chars)
            line, warnings = decode_bytes(raw.rstrip(b"\r\n"), source)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(Errors.E009, source=source, detail=f"{exc.msg} at column {exc.colno}") from None
            article = _record_to_article(record, source, fields)
            article.warnings.extend(warnings)
        except NewsbriefError as exc:
            yield Failure(source=source, code=exc.code, message=str(exc))
            continue
        yield article


def iter_files(
    inputs: Iterable[str | os.PathLike[str]], *, extensions: Iterable[str] = DEFAULT_EXTENSIONS
) -> Iterator[str]:
    """The files named by ``inputs``: files as given, directories walked
    recursively (sorted, so runs are repeatable) for the given extensions."""
    exts = {e.lower() if e.startswith(".") else "." + e.lower() for e in extensions}
    for item in inputs:
        name = str(item)
        if name == STDIN:
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for fname in sorted(files):
                    if Path(fname).suffix.lower() in exts:
                        yield os.path.join(root, fname)
        else:
            yield name


def iter_articles(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    fields: JsonFields = JsonFields(),
    extensions: Iterable[str] = DEFAULT_EXTENSIONS,
    stdin_kind: str = "text",
) -> Iterator[Article | Failure]:
    """Every article in ``inputs`` (files, directories, ``-`` for stdin), in
    a repeatable order; a bad item becomes a ``Failure`` and the walk goes on.

    stdin_kind ("text" | "html" | "jsonl"): how to read stdin.
    """
    for name in iter_files(inputs, extensions=extensions):
        if name == STDIN:
            yield from _iter_stdin(stdin_kind, fields=fields, max_chars=max_chars)
            continue
        kind = kind_of(name)
        if kind == "jsonl":
            path = Path(name)
            try:
                if path.is_dir():
                    raise InputError(Errors.E005, source=name)
                stream = path.open("rb")
            except NewsbriefError as exc:
                yield Failure(source=name, code=exc.code, message=str(exc))
                continue
            except OSError as exc:
                err = InputError(
                    Errors.E004 if not path.exists() else Errors.E008,
                    source=name,
                    detail=exc.strerror or type(exc).__name__,
                )
                yield Failure(source=name, code=err.code, message=str(err))
                continue
            with stream:
                yield from iter_jsonl(stream, name, fields=fields, max_chars=max_chars)
            continue
        try:
            yield read_article(name, max_chars=max_chars)
        except NewsbriefError as exc:
            yield Failure(source=name, code=exc.code, message=str(exc))


def _iter_stdin(kind: str, *, fields: JsonFields, max_chars: int) -> Iterator[Article | Failure]:
    stream = sys.stdin.buffer
    if kind == "jsonl":
        yield from iter_jsonl(stream, "<stdin>", fields=fields, max_chars=max_chars)
        return
    try:
        data = stream.read(16 * max_chars + 17)
        if kind == "html":
            yield html_to_article(data, "<stdin>")
            return
        if len(data) > 4 * max_chars + 4:
            raise InputError(Errors.E003, source="<stdin>", size=len(data), limit=max_chars)
        text, warnings = decode_bytes(data, "<stdin>")
        yield Article(text=text, source="<stdin>", warnings=warnings)
    except NewsbriefError as exc:
        yield Failure(source="<stdin>", code=exc.code, message=str(exc))
