"""``newsbrief analyze``: analyse files (or stdin) and print briefs."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import click

from ..api import analyze_many
from ..errors import Errors, InputError
from ..ingest import Article
from ..model import Brief, Failure
from ..readers import JsonFields, iter_articles, kind_of
from ..settings import Settings
from .options import model_option, stdin_kind_option
from .render import render_brief


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
@model_option
@click.option("--max-chars", type=click.IntRange(min=1), default=None, help="Refuse longer inputs [default 1,000,000].")
@click.option("--sentences", type=click.IntRange(min=1), default=None, help="Summary length in sentences [default 3].")
@click.option("--words", type=click.IntRange(min=1), default=None, help="Summary length in words.")
@click.option(
    "--ratio",
    type=click.FloatRange(min=0, max=1, min_open=True),
    default=None,
    help="Summary length as a share of the article's sentences.",
)
@click.option(
    "--max-tokens", type=click.IntRange(min=1), default=None, help="Refuse longer articles (memory) [default 50,000]."
)
@click.option("--text-field", default="text", show_default=True, help="JSON Lines field holding the text.")
@stdin_kind_option
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
    max_tokens: int | None,
    text_field: str,
    stdin_kind: str,
    any_language: bool,
    no_text: bool,
    indent: int | None,
) -> None:
    """Analyse articles: quotes and their speakers, entities, a summary.

    FILE may be plain text, saved HTML (main text extracted with trafilatura)
    or JSON Lines (one article a line, field "text"; see --text-field); "-"
    (or no FILE) reads stdin (a web page as HTML, anything else as text).
    With several files, a bad one is reported and the others still analysed;
    the exit code is then 1.

    \b
    Examples:
      newsbrief analyze examples/sample_article.txt
      newsbrief analyze --format json examples/sample_article.txt
      cat story.txt | newsbrief analyze --format jsonl -
    """
    settings = Settings.from_env(
        model=model,
        max_chars=max_chars,
        summary_sentences=sentences,
        summary_words=words,
        summary_ratio=ratio,
        max_tokens=max_tokens,
    )
    given = [name for name, v in (("--sentences", sentences), ("--words", words), ("--ratio", ratio)) if v is not None]
    if len(given) > 1:
        click.echo(f"newsbrief: warning: {Errors.W012.format(given=' and '.join(given))}", err=True)
    if any_language:
        settings = replace(settings, check_language=False)
    if not inputs:
        if sys.stdin.isatty():
            raise click.UsageError("give a FILE, or '-' to read stdin")
        inputs = ("-",)

    failures: list[Failure] = []
    # One plain input: its error is the command's error. Several inputs, or a
    # JSON Lines file (many articles): bad items are listed and the rest goes on.
    single = len(inputs) == 1 and (
        (inputs[0] == "-" and stdin_kind != "jsonl") or (inputs[0] != "-" and kind_of(inputs[0]) != "jsonl")
    )

    fields = JsonFields(text=text_field)

    def articles() -> Iterator[Article]:
        # The same readers as `newsbrief run`: a bad item is a Failure, never
        # an exception, so the other inputs still get their briefs.
        for name in inputs:
            if name != "-" and Path(name).is_dir():
                items: Iterator[Article | Failure] = iter([_failure(InputError(Errors.E005, source=name))])
            else:
                items = iter_articles([name], max_chars=settings.max_chars, fields=fields, stdin_kind=stdin_kind)
            for item in items:
                if isinstance(item, Failure):
                    if single:
                        click.echo(f"newsbrief: error: {item.message}", err=True)
                        sys.exit(1)
                    failures.append(item)
                else:
                    yield item

    briefs: list[Brief] = []
    # Always "yield": even an unexpected error (E020) is one line, never a traceback.
    for result in analyze_many(articles(), settings=settings, on_error="yield"):
        if isinstance(result, Failure):
            if single:
                click.echo(f"newsbrief: error: {result.message}", err=True)
                sys.exit(1)
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


def _failure(exc: InputError) -> Failure:
    return Failure(source=exc.source, code=exc.code, message=str(exc))
