"""Scoring events against gold: PLOVER's gold standard records (one event
per sentence, source/target actors with codes) and seed-format gold files
(``events`` with actor, type, recipient by name).

PLOVER scoring, per gold record (its sentence analysed on its own):

* the system event for it is the one that gets most right (type, then actor
  code, then recipient code); every other event of the sentence is spurious;
* actor (recipient) code correct: the set of codes of the event's actors
  equals the gold set (an empty gold target wants no recipient);
* "all three" = type, actor and recipient codes all correct;
* missed = no event at all in the sentence.

The file uses PLOVER 0.5b1 names; they map to PLOVER 2 as PLOVER's own CAMEO
table does. The CAMEO manual's coders wrote a few countries with CAMEO's
codes, not ISO's (JAP, ITL); those are read as the ISO codes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import Errors, InputError
from ..ingest import read_json_file
from ..model import Event

# PLOVER 0.5b1 -> PLOVER 2 (PLOVER's CAMEO table).
PLOVER_05_NAMES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "UK": "GBR", "GMW": "DEU", "GME": "DEU", "ROM": "ROU"}
# Types whose parties play the same part: either order is right.
SYMMETRIC_TYPES: frozenset[str] = frozenset({"CONSULT", "COOPERATE"})


@dataclass
class GoldEvent:
    id: str
    text: str
    type: str
    actor_codes: frozenset[str]
    recipient_codes: frozenset[str]
    date: str | None = None


def _codes(value: Any) -> frozenset[str]:
    if not isinstance(value, list):
        return frozenset()
    out = set()
    for actor in value:
        code = str(actor.get("code") or "").strip().upper()
        if code:
            out.add(CAMEO_TO_ISO.get(code, code))
    return frozenset(out)


def load_plover(path: str | Path) -> list[GoldEvent]:
    """The event records of a PLOVER gold standard file (JSON list).

    RAISES (InputError): E004/E009 for a missing or malformed file, E050 when
        it holds no PLOVER records.
    """
    data = read_json_file(path)
    if not isinstance(data, list):
        raise InputError(Errors.E050, source=str(path), detail="expected a JSON list of PLOVER records")
    out = []
    for rec in data:
        if not isinstance(rec, dict) or rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        etype = PLOVER_05_NAMES.get(rec["event"], rec["event"])
        out.append(
            GoldEvent(
                id=str(rec.get("id", len(out))),
                text=rec["text"],
                type=etype,
                actor_codes=_codes(rec.get("source")),
                recipient_codes=_codes(rec.get("target")),
                date=rec.get("date"),
            )
        )
    if not out:
        raise InputError(Errors.E050, source=str(path), detail="no event records (fields 'event' and 'text')")
    return out


def _event_codes(parties: Iterable[Any]) -> frozenset[str]:
    return frozenset(p.code for p in parties if p.code)


@dataclass
class RecordResult:
    gold: GoldEvent
    events: list[Event]
    best: Event | None = None
    type_ok: bool = False
    actor_ok: bool = False
    recipient_ok: bool = False

    @property
    def all_ok(self) -> bool:
        return self.type_ok and self.actor_ok and self.recipient_ok


def score_record(gold: GoldEvent, events: list[Event]) -> RecordResult:
    """The best of ``events`` for ``gold`` and what it gets right."""
    result = RecordResult(gold=gold, events=events)
    best_key = None
    for ev in events:
        actors, recipients = _event_codes(ev.actor), _event_codes(ev.recipient)
        t = ev.type == gold.type
        a, r = actors == gold.actor_codes, recipients == gold.recipient_codes
        if t and ev.type in SYMMETRIC_TYPES and not (a and r):
            a, r = recipients == gold.actor_codes, actors == gold.recipient_codes
        key = (t and a and r, t, a + r)
        if best_key is None or key > best_key:
            best_key, result.best = key, ev
            result.type_ok, result.actor_ok, result.recipient_ok = t, a, r
    return result


@dataclass
class EventsReport:
    records: list[RecordResult] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        n = len(self.records)
        found = sum(1 for r in self.records if r.events)
        spurious = sum(max(0, len(r.events) - 1) for r in self.records)

        def share(k: int) -> float:
            return round(k / n, 4) if n else 0.0

        by_type: dict[str, dict[str, int]] = {}
        for r in self.records:
            row = by_type.setdefault(r.gold.type, {"gold": 0, "type": 0, "all": 0})
            row["gold"] += 1
            row["type"] += r.type_ok
            row["all"] += r.all_ok
        confusion = Counter(
            (r.gold.type, r.best.type if r.best else "-") for r in self.records if not r.type_ok
        ).most_common(10)
        return {
            "gold_events": n,
            "system_events": sum(len(r.events) for r in self.records),
            "type_accuracy": share(sum(r.type_ok for r in self.records)),
            "actor_code_accuracy": share(sum(r.actor_ok for r in self.records)),
            "recipient_code_accuracy": share(sum(r.recipient_ok for r in self.records)),
            "all_three_correct": share(sum(r.all_ok for r in self.records)),
            "missed": share(n - found),
            "spurious_per_gold": share(spurious),
            "by_type": by_type,
            "top_type_confusions": [{"gold": g, "system": s, "count": c} for (g, s), c in confusion],
        }


def evaluate_plover(gold: list[GoldEvent], nlp: Language, *, batch_size: int = 32) -> EventsReport:
    """Analyse each record's sentence and score its events."""
    from ..api import brief_from_doc
    from ..ingest import Article

    report = EventsReport()
    texts = ((g.text, i) for i, g in enumerate(gold))
    for doc, i in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        brief = brief_from_doc(doc, Article(text=doc.text, source=gold[i].id))
        report.records.append(score_record(gold[i], brief.events))
    return report


# ---------------------------------------------------------------- seed gold


def _name_matches(gold_name: str | None, party: Any, brief: Any) -> bool:
    """A gold party given by name ("John Kerry", "Russia") matches an actor
    whose entity, mention or country is that name (a surname alone, as an
    article that never gives the first name, counts)."""
    if not gold_name:
        return False
    from ..stages.events.lexicon import fold, load_lexicon

    names = {party.text}
    if party.entity and brief.entity(party.entity) is not None:
        names.add(brief.entity(party.entity).name)
    gold_key = fold(gold_name)
    gold_last = gold_key.split()[-1]
    for name in names:
        key = fold(name)
        if key == gold_key or key.split()[-1:] == [gold_last] and len(key.split()) == 1:
            return True
    place = load_lexicon().places.get(gold_key)
    return place is not None and party.code == place.country


def score_seed_events(gold_events: list[dict[str, Any]], brief: Any) -> list[dict[str, Any]]:
    """Each seed gold event with the system event that matches it (type,
    actor and recipient by name; an empty gold recipient wants none but the
    place), or None."""
    out = []
    for g in gold_events:
        hit = None
        for ev in brief.events:
            if ev.type != g.get("type"):
                continue
            pairs = [(ev.actor, ev.recipient)]
            if ev.type in SYMMETRIC_TYPES:
                pairs.append((ev.recipient, ev.actor))
            for actors, recipients in pairs:
                a_ok = any(_name_matches(g.get("actor"), p, brief) for p in actors)
                if g.get("recipient"):
                    r_ok = any(_name_matches(g["recipient"], p, brief) for p in recipients)
                else:
                    r_ok = not recipients
                if a_ok and r_ok:
                    hit = ev
                    break
            if hit is not None:
                break
        out.append({"gold": g, "matched": hit.to_dict() if hit is not None else None})
    return out


# ---------------------------------------------------------------- floors


@dataclass
class EventsFloors:
    """A CI gate for ``newsbrief eval events --check`` (see
    ``eval/events_floors.json``): named gold files, the least each metric may
    score (``floors``) and the most (``ceilings``: spurious events). Metric
    names are dotted paths into the report, led by the data name
    ("plover.type_accuracy"). Paths are relative to the file's folder."""

    path: Path
    data: dict[str, Path]
    floors: dict[str, float]
    ceilings: dict[str, float]


def read_events_floors(path: str | Path) -> EventsFloors:
    """Read an events floors file.

    RAISES (InputError): E004/E009 for a missing or malformed file, E011 for
        a wrong layout.
    """
    path = Path(path)
    data = read_json_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("data"), dict) or not data["data"]:
        raise InputError(Errors.E011, source=str(path), detail="expected a 'data' object of name: gold file")
    limits: dict[str, dict[str, float]] = {}
    for key in ("floors", "ceilings"):
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value.values()
        ):
            raise InputError(Errors.E011, source=str(path), detail=f"expected a {key!r} object of metric: number")
        limits[key] = {str(k): float(v) for k, v in value.items()}
    if not limits["floors"] and not limits["ceilings"]:
        raise InputError(Errors.E011, source=str(path), detail="no 'floors' or 'ceilings' to check")
    names = set(data["data"])
    for metric_name in (*limits["floors"], *limits["ceilings"]):
        if metric_name.split(".")[0] not in names:
            known = ", ".join(sorted(names))
            raise InputError(Errors.E011, source=str(path),
                             detail=f"metric {metric_name!r} does not start with a data name ({known})")
    base = path.resolve().parent
    return EventsFloors(path=path, data={str(k): (base / str(v)).resolve() for k, v in data["data"].items()},
                        floors=limits["floors"], ceilings=limits["ceilings"])


def check_events_floors(report: dict[str, Any], floors: EventsFloors) -> list[dict[str, Any]]:
    """Each floor and ceiling with the measured value and whether it holds (a
    metric absent from the report fails)."""
    from .runner import metric

    rows = []
    for bound, limits in (("floor", floors.floors), ("ceiling", floors.ceilings)):
        for name, limit in limits.items():
            value = metric(report, name)
            ok = value is not None and (value >= limit if bound == "floor" else value <= limit)
            rows.append({"metric": name, "bound": bound, "limit": limit, "value": value, "ok": ok})
    return rows


__all__ = [
    "CAMEO_TO_ISO",
    "PLOVER_05_NAMES",
    "EventsFloors",
    "EventsReport",
    "GoldEvent",
    "check_events_floors",
    "evaluate_plover",
    "load_plover",
    "read_events_floors",
    "score_record",
    "score_seed_events",
]
