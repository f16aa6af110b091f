"""``newsbrief eval quotes``: score quotes and speakers against gold data
(seed-format gold files, PolNeAR), print a table or JSON, and gate CI on
floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..evaluation.runner import GoldSources, check_floors, classify_paths, read_floors, run_evaluation
from ..settings import Settings


def _prf_row(label: str, prf: dict[str, Any]) -> str:
    return (
        f"  {label:<22} {prf['precision']:>6.3f} {prf['recall']:>6.3f} {prf['f1']:>6.3f}"
        f" {prf['gold']:>6} {prf['pred']:>6} {prf['matched']:>6}"
    )


def _acc_row(label: str, acc: dict[str, Any]) -> str:
    return f"  {label:<30} {acc['accuracy']:>6.3f}  ({acc['correct']}/{acc['total']})"


def _polnear_tables(scores: dict[str, Any]) -> list[str]:
    lines = []
    for subset, title in (("all", "all attributions"), ("quote_marked", "quote-marked subset")):
        lines.append(f"  {title:<20} {'exact P':>8} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}  gold")
        for element, measures in scores[subset].items():
            ex, ov = measures["exact"], measures["overlap"]
            lines.append(
                f"    {element:<18} {ex['precision']:>8.3f} {ex['recall']:>6.3f} {ex['f1']:>6.3f}"
                f"   {ov['precision']:>9.3f} {ov['recall']:>6.3f} {ov['f1']:>6.3f}  {ex['gold']:>5}"
            )
    return lines


def _rules_table(rules: dict[str, Any]) -> list[str]:
    def pct(value: float | None) -> str:
        return "     -" if value is None else f"{value:>6.3f}"

    lines = [
        "Rules: how often each fired and was right (PolNeAR: its attribution's content exact / overlapping a"
        " gold content; gold files: a speech attribution matching a gold quote; other types are not scored there;"
        " not-speech mark rules name./title./scare./word.: a listed mark matching a gold not-speech mark, and on"
        " PolNeAR the listed marks inside / equal to a gold content)",
        f"  {'rule':<22} {'articles':>8} {'PolNeAR':>8} {'exact':>6} {'P':>6} {'overlap':>8} {'P':>6}"
        f"   {'gold':>5} {'right':>6} {'P':>6} {'unscored':>8}",
    ]
    for name, row in rules.items():
        pn, gd = row["polnear"], row["gold"]
        lines.append(
            f"  {name:<22} {row['articles']:>8} {pn['fired']:>8} {pn['exact']:>6} {pct(pn['exact_precision'])}"
            f" {pn['overlap']:>8} {pct(pn['overlap_precision'])}"
            f"   {gd['fired']:>5} {gd['right']:>6} {pct(gd['precision'])} {gd['unscored']:>8}"
        )
    return lines


def render_report(report: dict[str, Any]) -> str:
    """The evaluation report as a plain-text table."""
    lines: list[str] = []
    gold = report.get("gold")
    if gold:
        lines.append(f"Gold files: {gold['documents']} article(s)")
        lines.append(f"  {'':<22} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6} {'match':>6}")
        lines.append(_prf_row("quotes (IoU>=0.5)", gold["quotes"]))
        for kind, prf in gold["kinds"].items():
            lines.append(_prf_row(f"  {kind}", prf))
        lines.append(_acc_row("kind accuracy (matched)", gold["kind_accuracy"]))
        lines.append(_acc_row("cue accuracy (lemma)", gold["cue_accuracy"]))
        lines.append(_acc_row("speaker accuracy", gold["speaker_accuracy"]))
        lines.append(_acc_row("speaker accuracy (exact name)", gold["speaker_exact_accuracy"]))
        non_speech = gold.get("non_speech") or {}
        if non_speech.get("gold"):
            # Gold `not_quotes`: marked words that are not speech, and how many came out as quotes.
            lines.append(_acc_row("not speech kept out", non_speech["kept_out"]))
            lines.append(_acc_row("not speech listed", non_speech["listed"]))
        for item in gold["missing_gold"]:
            lines.append(f"  ! gold quote not found in {item['document']}: {item['text'][:60]!r}")
        for item in gold["errors"]:
            lines.append(f"  ! {item['error']}")
    polnear = report.get("polnear")
    if polnear:
        if lines:
            lines.append("")
        lines.append(
            f"PolNeAR {polnear['split']}: {polnear['documents']} article(s), {polnear['gold_attributions']} gold"
            f" attributions, {polnear['pred_attributions']} predicted ({polnear['annotation_choice']})"
        )
        lines.extend(_polnear_tables(polnear))
        for item in polnear["errors"]:
            lines.append(f"  ! {item['error']}")
    agreement = report.get("polnear_agreement")
    if agreement:
        lines.append(
            f"\nPolNeAR {agreement['split']} annotator agreement: on the {agreement['documents']} article(s) that two"
            " people annotated, the second scored against the first"
            " (how far people agree, a reference point for any system)"
        )
        lines.extend(_polnear_tables(agreement))
    rules = report.get("rules")
    if rules:
        lines.append("")
        lines.extend(_rules_table(rules))
    lines.append(f"\n{report['articles']} article(s) in {report['seconds']:.1f} s")
    check = report.get("check")
    if check:
        lines.append("")
        lines.append(f"Floors ({check['file']}):")
        for row in check["rows"]:
            value = "missing" if row["value"] is None else f"{row['value']:.4f}"
            lines.append(f"  {'ok  ' if row['ok'] else 'FAIL'} {row['metric']:<45} {value:>8} >= {row['floor']:.4f}")
    return "\n".join(lines)


@click.command("quotes")
@click.argument("gold", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--split",
    type=click.Choice(["train", "dev"]),
    default="dev",
    show_default=True,
    help="PolNeAR split to score (the test split is kept aside).",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N PolNeAR articles.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for machines.")
@click.option(
    "--rules", "rules", is_flag=True, help="Also print, per named rule, how often it fired and was right on the gold."
)
@click.option("--details", is_flag=True, help="With --json: list mismatched, missed and spurious gold-file quotes.")
@click.option(
    "--check",
    "floors_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Evaluate what a floors file names and exit 1 if any metric is below its floor (CI gate).",
)
@click.option("--model", default=None, help="spaCy model package or path [env NEWSBRIEF_MODEL].")
def eval_quotes_command(
    gold: tuple[Path, ...],
    split: str,
    limit: int | None,
    as_json: bool,
    rules: bool,
    details: bool,
    floors_path: Path | None,
    model: str | None,
) -> None:
    """Score quotes and speakers against GOLD data.

    GOLD is a gold file in newsbrief's format (NAME.gold.json with NAME.txt
    beside it), a folder of them, or the PolNeAR folder (its data/<split>).

    \b
    Gold files: quote P/R/F1 (a match: IoU >= 0.5 of the two spans with
    whitespace, punctuation and quote marks trimmed at both ends, one-to-one,
    best first), per kind; kind, cue and speaker accuracy on matched quotes.
    PolNeAR: source / cue / content P/R/F1, exact and overlap, after trimming
    whitespace, punctuation, quote marks and a leading "that" on both sides
    (pieces with only those between them are joined);
    also for attributions whose content carries quote marks.

    \b
    Examples:
      newsbrief eval quotes ../shared/seed
      newsbrief eval quotes ../shared/eval/polnear --split dev --json
      newsbrief eval quotes ../shared/seed ../shared/eval/polnear --split train --limit 150 --rules
      newsbrief eval quotes --check eval/floors.json
    """
    settings = Settings.from_env(model=model)
    floors = None
    if floors_path is not None:
        if gold:
            raise click.UsageError("--check takes the gold data from the floors file; give no GOLD with it")
        floors = read_floors(floors_path)
        sources: GoldSources = floors.sources
        split, limit = floors.split, floors.limit
    else:
        if not gold:
            raise click.UsageError("give at least one GOLD file or folder (or --check FLOORS)")
        sources = classify_paths(list(gold))

    report = run_evaluation(sources, split=split, limit=limit, settings=settings, details=details, rules=rules)
    failed = False
    if floors is not None:
        rows = check_floors(report, floors.floors)
        report["check"] = {"file": str(floors.path), "rows": rows, "ok": all(r["ok"] for r in rows)}
        failed = not report["check"]["ok"]

    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(report))
    if failed:
        click.echo("newsbrief: evaluation below its floors (see FAIL rows)", err=True)
        sys.exit(1)
