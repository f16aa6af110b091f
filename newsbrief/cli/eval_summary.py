"""``newsbrief eval summary``: ROUGE of newsbrief's summaries beside Lead-N
and sumy's rankers, on the same articles and sentences, in one run."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..evaluation.summary import SUMY_METHODS, evaluate_summaries, format_table, load_summary_data
from ..pipeline import load_pipeline
from ..settings import Settings
from .options import model_option


@click.command("summary")
@click.argument("data", type=click.Path(path_type=Path))
@click.option(
    "--sentences",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Summary length in sentences, for every method.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
@click.option(
    "--baselines",
    default="lead," + ",".join(SUMY_METHODS),
    show_default=True,
    help="Comma-separated baselines: lead and any of sumy's " + ", ".join(SUMY_METHODS) + ".",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for machines.")
@model_option
def eval_summary_command(
    data: Path, sentences: int, limit: int | None, baselines: str, as_json: bool, model: str | None
) -> None:
    """Score summaries of the articles in DATA with ROUGE (F1 x 100).

    DATA is JSON Lines with "article" and a reference ("reference_highlights_tokenized"
    as in CNN/DailyMail, or "reference"/"summary"), or a gold file in
    newsbrief's format (NAME.gold.json with its "summary", NAME.txt beside it).

    \b
    ROUGE-1, ROUGE-2 and ROUGE-Lsum (rouge-score, stemming, one sentence a
    line). Every method gets spaCy's sentences from the same parse; ms/article
    is each method's own time (newsbrief: its summary stage), and the whole
    analysis time is shown below the table. Needs the [eval] extras.

    \b
    Examples:
      newsbrief eval summary ../shared/eval/cnndm-frank/cnndm_250.jsonl
      newsbrief eval summary ../shared/seed/000_e9cfeb803afa4857.gold.json --json
    """
    methods = [m.strip().lower() for m in baselines.split(",") if m.strip()]
    unknown = [m for m in methods if m != "lead" and m not in SUMY_METHODS]
    if unknown:
        raise click.UsageError(f"unknown baseline(s): {', '.join(unknown)}")
    examples = load_summary_data(data, limit=limit)
    settings = Settings.from_env(model=model)
    report = evaluate_summaries(
        examples,
        sentences=sentences,
        methods=methods,
        nlp=load_pipeline(settings.model),
        batch_size=settings.batch_size,
    )
    results = report.pop("_results")
    report["data"] = str(data)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(f"{data}: {report['articles']} article(s), {sentences} sentence(s) per summary, ROUGE F1 x 100")
    click.echo(
        format_table(
            results,
            extra={
                "newsbrief analyze (whole pipeline), ms/article": f"{report['analyze_ms_per_article']:.1f}",
                "parse and other stages (shared by all methods), ms/article": f"{report['parse_ms_per_article']:.1f}",
            },
        )
    )
