"""``newsbrief analyze``: analyse files (or stdin) and print briefs."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import click

from ..api import analyze_many
from ..errors import Errors, InputError, NewsbriefError
from ..ingest import Article, decode_bytes
from ..model import Brief, Failure
from ..readers import iter_jsonl, kind_of, read_article
from ..settings import Settings
from .render import render_brief


def _read_stdin(settings: Settings) -> Article:
    data = sys.stdin.buffer.read(4 * settings.max_chars + 5)
    if len(data) > 4 * settings.max_chars + 4:
        raise InputError(Errors.E003, source="<stdin>", size=len(data), limit=settings.max_chars)
    text, warnings = decode_bytes(data, "<stdin>")
    return Article(text=text, source="<stdin>", warnings=warnings)


@click.command("analyze")
@click.argument("inputs", nargs=-1, metavar="[FILE ...|-]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    show_default=True,
    help="text: a readable brief; json: one object (an array for several inputs); jsonl: one object a line.",
)
@click.option("--model", default=None, help="spaCy model package or path [env NEWSBRIEF_MODEL].")
@click.option("--max-chars", type=click.IntRange(min=1), default=None, help="Refuse longer inputs [default 1,000,000].")
@click.option("--sentences", type=click.IntRange(min=1), default=None, help="Summary length in sentences [default 3].")
@click.option("--words", type=click.IntRange(min=1), default=None, help="Summary length in words.")
@click.option(
    "--ratio",
    type=click.FloatRange(min=0, max=1, min_open=True),
    default=None,
    help="Summary length as a share of the article's sentences.",
)
@click.option("--any-language", is_flag=True, help="Do not refuse text that does not look like English.")
@click.option("--no-text", is_flag=True, help="Leave the article text out of JSON output.")
@click.option("--indent", type=int, default=None, help="Indent JSON output (json format only).")
def analyze_command(
    inputs: tuple[str, ...],
    fmt: str,
    model: str | None,
    max_chars: int | None,
    sentences: int | None,
    words: int | None,
    ratio: float | None,
    any_language: bool,
    no_text: bool,
    indent: int | None,
) -> None:
    """Analyse articles: quotes and their speakers, entities, a summary.

    FILE may be plain text, saved HTML (main text extracted with trafilatura)
    or JSON Lines (one article a line, field "text"); "-" (or no FILE) reads
    stdin as text.
    With several files, a bad one is reported and the others still analysed;
    the exit code is then 1.

    \b
    Examples:
      newsbrief analyze examples/sample_article.txt
      newsbrief analyze --format json examples/sample_article.txt
      cat story.txt | newsbrief analyze --format jsonl -
    """
    settings = Settings.from_env(
        model=model, max_chars=max_chars, summary_sentences=sentences, summary_words=words, summary_ratio=ratio
    )
    if any_language:
        settings = replace(settings, check_language=False)
    if not inputs:
        if sys.stdin.isatty():
            raise click.UsageError("give a FILE, or '-' to read stdin")
        inputs = ("-",)

    failures: list[Failure] = []
    # One plain input: its error is the command's error. Several inputs, or a
    # JSON Lines file (many articles): bad items are listed and the rest goes on.
    single = len(inputs) == 1 and (inputs[0] == "-" or kind_of(inputs[0]) != "jsonl")

    def articles() -> Iterator[Article]:
        for name in inputs:
            try:
                if name == "-":
                    yield _read_stdin(settings)
                elif kind_of(name) == "jsonl" and Path(name).is_file():
                    with open(name, "rb") as stream:
                        for item in iter_jsonl(stream, name, max_chars=settings.max_chars):
                            if isinstance(item, Failure):
                                failures.append(item)
                            else:
                                yield item
                else:
                    yield read_article(name, max_chars=settings.max_chars)
            except NewsbriefError as exc:
                if single:
                    raise
                failures.append(Failure(source=name, code=exc.code, message=str(exc)))
            except OSError as exc:
                err = InputError(Errors.E008, source=name, detail=exc.strerror or type(exc).__name__)
                if single:
                    raise err from None
                failures.append(Failure(source=name, code=err.code, message=str(err)))

    on_error = "raise" if single else "yield"
    briefs: list[Brief] = []
    for result in analyze_many(articles(), settings=settings, on_error=on_error):
        if isinstance(result, Failure):
            failures.append(result)
            continue
        for warning in result.warnings:
            click.echo(f"newsbrief: warning: {warning}", err=True)
        if fmt == "jsonl":
            click.echo(json.dumps(result.to_dict(include_text=not no_text), ensure_ascii=False))
        elif fmt == "text":
            if briefs:
                click.echo("\n" + "=" * 72 + "\n")
            click.echo(render_brief(result))
        briefs.append(result)

    if fmt == "json":
        payload = [b.to_dict(include_text=not no_text) for b in briefs]
        click.echo(json.dumps(payload[0] if single and payload else payload, ensure_ascii=False, indent=indent))

    if failures:
        total = len(briefs) + len(failures)
        click.echo(f"newsbrief: {len(failures)} of {total} input(s) failed:", err=True)
        for failure in failures:
            click.echo(f"  {failure.message}", err=True)
        sys.exit(1)
