"""``newsbrief eval events``: PLOVER event coding against gold standard
records, and the seed-format gold files' events; ``--check FLOORS`` is the
CI gate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from spacy.language import Language

from ..evaluation.events import (
    check_events_floors,
    evaluate_plover,
    load_plover,
    read_events_floors,
    score_seed_events,
)
from ..pipeline import load_pipeline
from ..settings import Settings
from .options import model_option


def _is_seed_gold(path: Path) -> bool:
    return path.name.endswith(".gold.json")


def _score(path: Path, nlp: Language, settings: Settings, show_errors: bool) -> tuple[dict[str, Any], list[str]]:
    """The report for one gold file and its lines for people."""
    from ..api import analyze
    from ..ingest import read_json_file, read_text_file

    lines: list[str] = []
    if _is_seed_gold(path):
        gold = read_json_file(path)
        text_path = path.with_name(path.name[: -len(".gold.json")] + ".txt")
        article = read_text_file(text_path)
        brief = analyze(article, settings=settings, nlp=nlp)
        matches = score_seed_events(list(gold.get("events") or []), brief)
        right = sum(1 for m in matches if m["matched"] is not None)
        report = {
            "gold_events": len(matches),
            "right": right,
            "share_right": round(right / len(matches), 4) if matches else 0.0,
            "events": matches,
            "system_events": len(brief.events),
        }
        lines.append(
            f"{path}: {right}/{len(matches)} gold events right "
            f"(type, actor, recipient); {len(brief.events)} events found"
        )
        for m in matches:
            g = m["gold"]
            mark = "ok  " if m["matched"] else "MISS"
            lines.append(f"  {mark} {g.get('actor')} {g.get('type')} {g.get('recipient') or '-'} ({g.get('trigger')})")
        return report, lines
    records = load_plover(path)
    result = evaluate_plover(records, nlp, batch_size=settings.batch_size)
    summary = result.summary()
    lines.append(f"{path}: {summary['gold_events']} gold events, {summary['system_events']} coded")
    for key, label in (
        ("type_accuracy", "event type correct"),
        ("actor_code_accuracy", "actor code correct"),
        ("recipient_code_accuracy", "recipient code correct"),
        ("all_three_correct", "all three correct"),
        ("missed", "gold events missed"),
    ):
        lines.append(f"  {label:<24} {summary[key]:6.1%}")
    lines.append(f"  {'spurious per gold event':<24} {summary['spurious_per_gold']:6.2f}")
    if show_errors:
        for r in result.records:
            if r.all_ok:
                continue
            b = r.best
            got = (
                (
                    f"{b.type} {'|'.join(str(a.code) for a in b.actor) or '-'} -> "
                    f"{'|'.join(str(a.code) for a in b.recipient) or '-'} ({b.trigger.text})"
                )
                if b
                else "nothing"
            )
            lines.append(
                f"  {r.gold.id}: gold {r.gold.type} {'|'.join(sorted(r.gold.actor_codes)) or '-'} -> "
                f"{'|'.join(sorted(r.gold.recipient_codes)) or '-'}; got {got}"
            )
    return summary, lines


@click.command("events")
@click.argument("data", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for machines.")
@click.option("--errors", "show_errors", is_flag=True, help="List the records not coded all right.")
@click.option(
    "--check",
    "floors_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Evaluate the gold a floors file names; exit 1, one line per bound missed, if any is (CI gate).",
)
@model_option
def eval_events_command(
    data: tuple[Path, ...], as_json: bool, show_errors: bool, floors_path: Path | None, model: str | None
) -> None:
    """Score event coding: PLOVER type, actor and recipient codes.

    DATA: PLOVER gold standard records (a JSON list, 0.5b1 names mapped to
    PLOVER 2), and/or seed-format gold files (NAME.gold.json with "events",
    NAME.txt beside it).

    \b
    PLOVER: each record's sentence is analysed alone; the event that gets
    most right is its answer, any other event of the sentence is spurious.
    Reported: type accuracy, actor / recipient code accuracy (set of codes
    equal), all three correct, missed (no event), spurious per gold event.
    --check FLOORS: the gold comes from the floors file ("data": name ->
    file); "floors" are least values, "ceilings" most values, of dotted
    metric names led by the data name ("plover.type_accuracy").

    \b
    Examples:
      newsbrief eval events ../shared/eval/plover/PLOVER_GSR_CAMEO.dev.json
      newsbrief eval events ../shared/seed/000_e9cfeb803afa4857.gold.json
      newsbrief eval events --check eval/events_floors.json
    """
    floors = None
    if floors_path is not None:
        if data:
            raise click.UsageError("--check takes the gold data from the floors file; give no DATA with it")
        floors = read_events_floors(floors_path)
        named = list(floors.data.items())
    elif not data:
        raise click.UsageError("give at least one gold file (or --check FLOORS)")
    else:
        named = [(str(p), p) for p in data]
    settings = Settings.from_env(model=model)
    nlp = load_pipeline(settings.model)
    report: dict[str, Any] = {}
    lines: list[str] = []
    for name, path in named:
        report[name], more = _score(path, nlp, settings, show_errors)
        lines.extend(more)
    failed: list[dict[str, Any]] = []
    if floors is not None:
        rows = check_events_floors(report, floors)
        failed = [r for r in rows if not r["ok"]]
        report["check"] = {"file": str(floors.path), "rows": rows, "ok": not failed}
        lines.append(f"Bounds ({floors.path}):")
        for r in rows:
            value = "absent" if r["value"] is None else f"{r['value']:.4f}"
            sign = ">=" if r["bound"] == "floor" else "<="
            lines.append(f"  {'ok  ' if r['ok'] else 'FAIL'} {r['metric']} {value} (wants {sign} {r['limit']})")
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(lines))
    if failed:
        for r in failed:
            value = "absent" if r["value"] is None else f"{r['value']:.4f}"
            sign = "<" if r["bound"] == "floor" else ">"
            click.echo(f"newsbrief: events {r['bound']} missed: {r['metric']} = {value} {sign} {r['limit']}", err=True)
        sys.exit(1)
