"""Turning raw input into an ``Article``: decoding, and refusing what cannot be
analysed with a clear, coded error.

Text is decoded from bytes here (never with universal newlines), so offsets
refer to the characters exactly as the file holds them.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS

from .errors import Errors, InputError
from .settings import DEFAULT_MAX_CHARS, MAX_SYMBOL_RUN, Settings

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(slots=True)
class Article:
    """One text to analyse, with what is known about it.

    text (str): the text every offset refers to.
    source (str | None): path, id or URL naming it in messages and output.
    id (str | None): the id the input gave it (JSON Lines), if any.
    meta (dict): title, date, url, author when known.
    warnings (list[str]): problems met while reading it that did not stop it.
    """

    text: str
    source: str | None = None
    id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


_WORD = re.compile(r"[^\W\d_]+")
# Control characters other than tab, newline, carriage return, form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_limited(path: str | os.PathLike[str], allowance: int, *, name: str | None = None) -> bytes:
    """The bytes of a regular file, refusing one bigger than ``allowance``.

    The size is checked on what is read, not on ``st_size`` (a link to
    /dev/zero or a growing file has no honest size): at most ``allowance + 1``
    bytes are ever read. FIFOs, devices and sockets are refused before they
    are opened, and the file is opened non-blocking, so nothing can hang here.

    RAISES (InputError): E004 missing, E005 directory, E021 not a regular
        file, E003 too large, E008 unreadable.
    """
    name = name if name is not None else str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(Errors.E004, source=name) from None
    except OSError as exc:
        raise InputError(Errors.E008, source=name, detail=exc.strerror or type(exc).__name__) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(Errors.E005, source=name)
    if not stat.S_ISREG(st.st_mode):
        raise InputError(Errors.E021, source=name, detail=_file_type(st.st_mode))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(Errors.E008, source=name, detail=exc.strerror or type(exc).__name__) from None
    try:
        # The path may have been swapped between stat and open: check the
        # opened file itself.
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(Errors.E021, source=name, detail=_file_type(os.fstat(fd).st_mode))
        chunks: list[bytes] = []
        got = 0
        while got <= allowance:
            chunk = os.read(fd, min(1 << 20, allowance + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as exc:
        raise InputError(Errors.E008, source=name, detail=exc.strerror or type(exc).__name__) from None
    finally:
        os.close(fd)
    if got > allowance:
        raise InputError(Errors.E003, source=name, size=max(got, st.st_size), limit=allowance)
    return b"".join(chunks)


def _file_type(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return what
    return "not a plain file"


def decode_bytes(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode ``data`` as UTF-8 (a BOM is dropped), or as UTF-16 when it
    starts with a UTF-16 byte-order mark; invalid bytes are replaced and
    reported as a warning.

    RAISES (InputError): E002 when the bytes look binary.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 (Windows tools write it with a BOM): NUL bytes are expected.
        text = data.decode("utf-16", errors="replace")
        bad = text.count("\ufffd")
        if bad > max(16, len(text) // 10):
            raise InputError(Errors.E002, source=source, detail=f"{bad} of {len(text)} characters are not valid UTF-16")
        return text, [Errors.W001.format(source=source, count=bad)] if bad else []
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError(Errors.E002, source=source, detail="it contains NUL bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > max(16, len(text) // 10):
        raise InputError(Errors.E002, source=source, detail=f"{bad} of {len(text)} characters are not valid UTF-8")
    return text, [Errors.W001.format(source=source, count=bad)]


# A run of punctuation/symbols that spaCy's tokenizer would split one
# character at a time (see MAX_SYMBOL_RUN): letters, digits, "_" and
# whitespace end a run.
_SYMBOL_RUN = re.compile(r"[^\w\s]{" + str(MAX_SYMBOL_RUN + 1) + ",}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_text(text: str, source: str | None = None) -> tuple[str, list[str]]:
    """Make ``text`` safe to analyse in linear time, keeping every offset:
    characters are replaced one for one, never added or removed.

    * In a run of more than MAX_SYMBOL_RUN punctuation/symbol characters, the
      characters past the first MAX_SYMBOL_RUN become spaces (W010): such runs
      (rules of "=", walls of quote marks) carry no words, and spaCy's
      tokenizer takes time quadratic in their length.
    * Lone surrogates (possible in JSON, not in UTF-8) become U+FFFD (W011):
      they cannot be encoded for output or storage.

    RETURNS (tuple[str, list[str]]): the text to analyse and the warnings.
    """
    name = source or "<input>"
    warnings: list[str] = []
    if _SURROGATE.search(text):
        count = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append(Errors.W011.format(source=name, count=count))
    runs = 0
    replaced = 0

    def cut(m: re.Match[str]) -> str:
        nonlocal runs, replaced
        runs += 1
        replaced += len(m.group()) - MAX_SYMBOL_RUN
        return m.group()[:MAX_SYMBOL_RUN] + " " * (len(m.group()) - MAX_SYMBOL_RUN)

    text = _SYMBOL_RUN.sub(cut, text)
    if runs:
        warnings.append(Errors.W010.format(source=name, count=replaced, runs=runs, limit=MAX_SYMBOL_RUN))
    return text, warnings


def validate_text(
    text: str,
    source: str | None = None,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    check_language: bool = True,
) -> None:
    """Refuse text that cannot be analysed.

    RAISES (InputError): E001 empty, E002 binary-looking, E003 too large,
        E007 not English.
    """
    name = source or "<input>"
    if not isinstance(text, str):
        raise InputError(Errors.E011, source=name, detail=f"expected text (str), got {type(text).__name__}")
    if not text.strip():
        raise InputError(Errors.E001, source=name)
    if len(text) > max_chars:
        raise InputError(Errors.E003, source=name, size=len(text), limit=max_chars)
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 50):
        raise InputError(Errors.E002, source=name, detail=f"{controls} control characters")
    if check_language:
        _check_english(sample, name)


def _check_english(sample: str, name: str) -> None:
    # A cheap, model-free test: English news prose is 26-60% spaCy stop words
    # (PolNeAR and CNN/DailyMail articles, measured), while German, French,
    # Spanish and Italian news text scores 5-12%. Short texts are let through.
    words = _WORD.findall(sample[:5000])
    if len(words) < 30:
        return
    stop = sum(1 for w in words if w.lower() in STOP_WORDS)
    ratio = stop / len(words)
    if ratio < 0.15:
        raise InputError(Errors.E007, source=name, detail=f"only {ratio:.0%} of its words are common English words")


def read_text_file(path: str | os.PathLike[str], *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """Read a plain-text file into an Article (not yet validated for language).

    RAISES (InputError): E004 missing, E005 directory, E008 unreadable,
        E021 not a regular file, E002 binary, E003 too large.
    """
    name = str(path)
    try:
        # Four bytes per character at most in UTF-8: a bigger file cannot fit.
        data = read_limited(path, 4 * max_chars + 4, name=name)
    except InputError as exc:
        if exc.code == "E003":
            raise InputError(Errors.E003, source=name, size=exc.details["size"], limit=max_chars) from None
        raise
    text, warnings = decode_bytes(data, name)
    return Article(text=text, source=name, warnings=warnings)


def read_json_file(path: str | os.PathLike[str]) -> Any:
    """Parse a JSON file (a gold file, a floors file).

    RAISES (InputError): E004 missing, E009 malformed JSON (with its line).
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(Errors.E004, source=str(path))
    try:
        return json.loads(read_limited(p, 1 << 30).decode("utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E009, source=str(path), detail=f"line {exc.lineno}: {exc.msg}") from None
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E009, source=str(path), detail=f"not UTF-8 at byte {exc.start}") from None
    except RecursionError:
        raise InputError(Errors.E009, source=str(path), detail="nested too deeply") from None


def prepare_doc(article: Article, settings: Settings, nlp: Language) -> tuple[Article, Doc]:
    """Check an article, make its text safe to analyse in linear time
    (``normalise_text``, offsets kept) and tokenize it, refusing one with
    more tokens than ``settings.max_tokens`` (memory grows with tokens).

    RAISES (NewsbriefError): E001-E003, E007, E023.
    """
    validate_text(article.text, article.source, max_chars=settings.max_chars, check_language=settings.check_language)
    text, warnings = normalise_text(article.text, article.source)
    if warnings:
        article = replace(article, text=text, warnings=list(article.warnings) + warnings)
    doc = nlp.make_doc(text)
    if len(doc) > settings.max_tokens:
        raise InputError(Errors.E023, source=article.source, count=len(doc), limit=settings.max_tokens)
    return article, doc


def token_batches(docs: list[tuple[Doc, int]], budget: int) -> Iterator[list[tuple[Doc, int]]]:
    """Consecutive groups of docs with at most ``budget`` tokens together (a
    doc over it goes alone): tok2vec's memory grows with a batch's tokens."""
    group: list[tuple[Doc, int]] = []
    tokens = 0
    for item in docs:
        if group and tokens + len(item[0]) > budget:
            yield group
            group, tokens = [], 0
        group.append(item)
        tokens += len(item[0])
    if group:
        yield group
