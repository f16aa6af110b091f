"""``newsbrief eval verify`` and ``newsbrief eval people``: the store-level
evaluations of issue 10. Thin over ``newsbrief.evaluation.verify`` and
``newsbrief.evaluation.people``."""

from __future__ import annotations

import json

import click


@click.command("verify")
@click.option("--db", type=click.Path(dir_okay=False), required=True, help="A store made by `newsbrief run`.")
@click.option(
    "--statements",
    "n",
    type=click.IntRange(min=1),
    default=60,
    show_default=True,
    help="Statements drawn; each gives one claim of every kind.",
)
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_verify_command(db: str, n: int, seed: int, fmt: str) -> None:
    """Verdict accuracy of `newsbrief verify` on claims built from a store
    (verbatim, one word dropped / added / replaced, negation, another
    speaker, invented), per kind and overall, with the confusion table."""
    from ..evaluation.verify import build_claims, evaluate, format_scores
    from ..store import Store

    with Store(db, readonly=True) as store:
        claims = build_claims(store.conn, n=n, seed=seed)
        scores = evaluate(store.conn, claims)
    click.echo(json.dumps(scores.to_dict(), indent=2) if fmt == "json" else format_scores(scores))


@click.command("people")
@click.option("--db", type=click.Path(dir_okay=False), required=True, help="A store of the gold's articles.")
@click.option(
    "--gold",
    type=click.Path(dir_okay=False),
    required=True,
    help="Which speaker strings are one person (eval/people_polnear_dev.json).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_people_command(db: str, gold: str, fmt: str) -> None:
    """Link precision and recall of the people layer: pairs of (article,
    speaker string) the gold says are one person, against the store's."""
    from ..evaluation.people import evaluate_people, format_people
    from ..store import Store

    with Store(db, readonly=True) as store:
        result = evaluate_people(store.conn, gold)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if fmt == "json" else format_people(result))
