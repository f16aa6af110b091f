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
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import Errors, InputError, NewsbriefError, SetupError, printable
from .ingest import Article, decode_bytes, read_limited, read_text_file
from .model import Failure
from .settings import DEFAULT_MAX_CHARS, MAX_HTML_ELEMENTS

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


def html_allowance(max_chars: int) -> int:
    """Bytes an HTML page may have: pages carry markup, so 16 per character."""
    return 16 * max_chars + 16


def _read_bytes(path: Path, name: str, max_chars: int) -> bytes:
    # Four bytes per character at most in UTF-8: a bigger file cannot fit.
    allowance = 4 * max_chars + 4 if kind_of(path) != "html" else html_allowance(max_chars)
    try:
        return read_limited(path, allowance, name=name)
    except InputError as exc:
        if exc.code == "E003":
            raise InputError(Errors.E003, source=name, size=exc.details["size"], limit=max_chars) from None
        raise


def internal_failure(source: str | None, exc: BaseException, stage: str = "analysing") -> Failure:
    """An unexpected exception (a bug, not bad input) as the item's Failure:
    code E020 with the exception's class, so a batch goes on."""
    detail = f"{type(exc).__name__} while {stage}: {exc}"
    detail = detail if len(detail) <= 200 else detail[:199] + "…"
    return Failure(source, "E020", Errors.E020.format(source=printable(source or "<input>"), detail=printable(detail)))


# An element start: "<" then a letter (closing tags and comments not counted).
_ELEMENT = re.compile(r"<[A-Za-z]")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def looks_like_html(data: bytes) -> bool:
    """Whether bytes (stdin) are a web page: they open with a doctype or an
    <html>/<head>/<body> tag (after a BOM, blanks and comments)."""
    return bool(_HTML_START.match(data[:4096].removeprefix(b"\xef\xbb\xbf")))


def html_to_article(data: bytes | str, source: str) -> Article:
    """Extract the main text and metadata of a saved web page with trafilatura.

    RAISES (InputError): E002 binary, E010 when no text can be extracted,
        E022 when the page has more than MAX_HTML_ELEMENTS elements.
    """
    try:
        import trafilatura  # imported here: only HTML input pays for it
    except ImportError as exc:
        # e.g. lxml >= 5.2 without lxml_html_clean, which justext imports
        raise SetupError(
            Errors.E027, what=f"{printable(source)}: reading HTML", package=exc.name or str(exc),
            install="pip install --force-reinstall newsbrief",
        ) from None
    warnings: list[str] = []
    if isinstance(data, bytes):
        html, warnings = decode_bytes(data, source)
    else:
        html = data
    if not html.strip():
        raise InputError(Errors.E001, source=source)
    elements = len(_ELEMENT.findall(html))
    if elements > MAX_HTML_ELEMENTS:
        raise InputError(Errors.E022, source=source, count=elements, limit=MAX_HTML_ELEMENTS)
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
    if text is None:
        names = ", ".join(sorted(map(str, record))[:8]) or "none"
        raise InputError(Errors.E026, source=source, field=fields.text, detail=f"its fields: {names}")
    if not isinstance(text, str):
        raise InputError(
            Errors.E026, source=source, field=fields.text, detail=f"it holds {type(text).__name__}, not a string"
        )
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
    becomes a Failure named ``name:LINE``. No line is held in memory beyond
    its allowance (8 bytes per character: JSON escapes characters)."""
    limit = 8 * max_chars + 8
    for lineno, (raw, size) in enumerate(_bounded_lines(stream, limit), start=1):
        source = f"{name}:{lineno}"
        if size <= limit and not raw.strip():
            continue
        try:
            if size > limit:
                raise InputError(Errors.E003, source=source, size=size, limit=max_chars)
            line, warnings = decode_bytes(raw.rstrip(b"\r\n"), source)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(Errors.E009, source=source, detail=f"{exc.msg} at column {exc.colno}") from None
            except RecursionError:
                raise InputError(Errors.E009, source=source, detail="nested too deeply") from None
            article = _record_to_article(record, source, fields)
            article.warnings.extend(warnings)
        except NewsbriefError as exc:
            yield Failure(source=source, code=exc.code, message=str(exc))
            continue
        except Exception as exc:  # one bad line never stops the file
            yield internal_failure(source, exc, "reading")
            continue
        yield article


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes, int]]:
    """(line, its size in bytes) for each line; a line over ``limit`` bytes is
    read through in pieces and given as (b"", size), never held whole."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            size += len(line)
        yield b"", size


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

    stdin_kind ("text" | "html" | "jsonl" | "auto"): how to read stdin;
        "auto" reads a page that opens with <!doctype html> or <html> as HTML.
    """
    for name in iter_files(inputs, extensions=extensions):
        if name == STDIN:
            yield from _iter_stdin(stdin_kind, fields=fields, max_chars=max_chars)
            continue
        kind = kind_of(name)
        if kind == "jsonl":
            path = Path(name)
            try:
                stream = _open_regular(path, name)
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
                try:
                    yield from iter_jsonl(stream, name, fields=fields, max_chars=max_chars)
                except OSError as exc:  # the file went away or the disk failed mid-read
                    err = InputError(Errors.E008, source=name, detail=exc.strerror or type(exc).__name__)
                    yield Failure(source=name, code=err.code, message=str(err))
            continue
        try:
            article = read_article(name, max_chars=max_chars)
        except NewsbriefError as exc:
            yield Failure(source=name, code=exc.code, message=str(exc))
            continue
        except Exception as exc:  # one bad item never stops the walk
            yield internal_failure(name, exc, "reading")
            continue
        yield article


def _open_regular(path: Path, name: str) -> BinaryIO:
    """Open a JSON Lines file for streaming; FIFOs and devices are refused
    (stat first, then opened non-blocking and checked again)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(Errors.E004, source=name) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(Errors.E005, source=name)
    if not stat.S_ISREG(st.st_mode):
        raise InputError(Errors.E021, source=name, detail="a FIFO, device or socket")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(Errors.E021, source=name, detail="a FIFO, device or socket")
    return os.fdopen(fd, "rb")


def _iter_stdin(kind: str, *, fields: JsonFields, max_chars: int) -> Iterator[Article | Failure]:
    stream = sys.stdin.buffer
    if kind == "jsonl":
        yield from iter_jsonl(stream, "<stdin>", fields=fields, max_chars=max_chars)
        return
    try:
        data = stream.read(html_allowance(max_chars) + 1)
        if kind == "auto":
            kind = "html" if looks_like_html(data) else "text"
        if kind == "html":
            if len(data) > html_allowance(max_chars):
                raise InputError(Errors.E003, source="<stdin>", size=len(data), limit=max_chars)
            yield html_to_article(data, "<stdin>")
            return
        if len(data) > 4 * max_chars + 4:
            raise InputError(Errors.E003, source="<stdin>", size=len(data), limit=max_chars)
        text, warnings = decode_bytes(data, "<stdin>")
        yield Article(text=text, source="<stdin>", warnings=warnings)
    except NewsbriefError as exc:
        yield Failure(source="<stdin>", code=exc.code, message=str(exc))
    except Exception as exc:
        yield internal_failure("<stdin>", exc, "reading")
