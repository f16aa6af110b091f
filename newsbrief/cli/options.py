"""Click options that several commands share, defined once so their names,
defaults and help read the same everywhere."""

from __future__ import annotations

import click

model_option = click.option("--model", default=None, help="spaCy model package or path [env NEWSBRIEF_MODEL].")

stdin_kind_option = click.option(
    "--stdin-kind",
    type=click.Choice(["auto", "text", "html", "jsonl"]),
    default="auto",
    show_default=True,
    help="How to read stdin; auto: HTML when it opens with <!doctype html> or <html>, else text.",
)
