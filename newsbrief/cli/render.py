"""The text brief: what a person at a terminal reads."""

from __future__ import annotations

import textwrap
from collections import Counter, defaultdict

from ..model import ATTRIBUTION_TYPES, Actor, Brief, Quote

# How the text brief counts the attributions that are not statements.
_PLURALS = {"belief": "beliefs", "intention": "intentions", "stance": "stances", "question": "questions"}

_WIDTH = 78
_KIND_MARK = {"direct": "", "partial": "(partial) ", "indirect": "(reported) "}


def _wrap(text: str, indent: str, subsequent: str | None = None) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=_WIDTH,
        initial_indent=indent,
        subsequent_indent=subsequent if subsequent is not None else indent,
    )


def _is_speech(q: Quote) -> bool:
    # A statement: a speech cue, or words in quote marks (someone said them,
    # whatever the cue), the rule `newsbrief eval quotes` scores by.
    return q.type == "speech" or bool(q.verbatim)


def _speaker_label(q: Quote) -> str:
    name = q.speaker.name or "unknown speaker"
    return f"{name} ({q.speaker.role})" if q.speaker.role else name


def _party(actor: Actor) -> str:
    parts = [actor.code] if actor.code else []
    if actor.sector and actor.sector != actor.code:
        parts.append(actor.sector)
    code = "/".join(parts)
    return f"{actor.text} ({code})" if code else actor.text


def _unclear(brief: Brief, q: Quote) -> str:
    """" (unclear: A or B)" when the speaker's mention fits several people."""
    names = [e.name for e in (brief.entity(c) for c in q.speaker.candidates) if e is not None]
    return f" (unclear: {' or '.join(names)})" if names else ""


def render_brief(brief: Brief) -> str:
    """A readable brief: summary, key quote, quotes grouped by speaker, entities."""
    out: list[str] = []
    title = brief.meta.get("title") if brief.meta else None
    out.append(f"# {title}" if title else f"# {brief.source or 'article'}")
    if brief.summary:
        out.append("\nSUMMARY")
        for s in brief.summary:
            out.append(_wrap(s.text, "  "))
    if brief.key_quote is not None:
        q = brief.quotes[brief.key_quote]
        out.append("\nKEY QUOTE")
        out.append(_wrap(f"\u201c{q.text.strip()}\u201d \u2014 {_speaker_label(q)}{_unclear(brief, q)}", "  "))
    statements = [q for q in brief.quotes if _is_speech(q)]
    others = len(brief.quotes) - len(statements)
    if statements:
        # One group per speaker (entity, else name), labelled with the first role any quote gives.
        groups: dict[str, list[Quote]] = defaultdict(list)
        for q in statements:
            groups[q.speaker.entity or (q.speaker.name or "").lower()].append(q)
        n = len(statements)
        out.append(
            f"\nWHO SAID WHAT ({n} statement{'s' if n != 1 else ''}, {len(groups)} speaker"
            f"{'s' if len(groups) != 1 else ''})"
        )
        for quotes in sorted(groups.values(), key=lambda qs: (-len(qs), qs[0].start)):
            name = next((q.speaker.name for q in quotes if q.speaker.name), None) or "unknown speaker"
            role = next((q.speaker.role for q in quotes if q.speaker.role), None)
            label = (f"{name} ({role})" if role else name) + _unclear(brief, quotes[0])
            out.append(f"\n  {label} \u2014 {len(quotes)}")
            for q in quotes:
                cue = f" [{q.cue.text}]" if q.cue else ""
                out.append(_wrap(f"{_KIND_MARK[q.kind]}\u201c{q.text.strip()}\u201d{cue}", "    - ", "      "))
    else:
        out.append("\nWHO SAID WHAT\n  no quotes found")
    if others:
        counts = Counter(q.type for q in brief.quotes if not _is_speech(q))
        kinds = ", ".join(f"{_PLURALS.get(t, t)} {counts[t]}" for t in ATTRIBUTION_TYPES if counts[t])
        out.append(f"\n  and {others} other attribution{'s' if others != 1 else ''} ({kinds}) in the JSON output")
    if brief.entities:
        out.append("\nWHO AND WHERE")
        by_type: dict[str, list[str]] = defaultdict(list)
        for e in sorted(brief.entities, key=lambda e: -len(e.mentions)):
            extra = f", {e.role}" if e.role else ""
            by_type[e.type].append(f"{e.name}{extra} ({len(e.mentions)})")
        names = {
            "PERSON": "people",
            "ORG": "organisations",
            "GPE": "places",
            "LOC": "places",
            "FAC": "facilities",
            "NORP": "groups",
        }
        merged: dict[str, list[str]] = defaultdict(list)
        for t, items in by_type.items():
            merged[names.get(t, t.lower())].extend(items)
        for label in ("people", "organisations", "places", "facilities", "groups"):
            if merged.get(label):
                out.append(_wrap(f"{label}: " + "; ".join(merged[label]), "  "))
    if brief.events:
        out.append(f"\nWHO DID WHAT ({len(brief.events)} events, PLOVER)")
        for ev in brief.events:
            who = " + ".join(_party(a) for a in ev.actor) or "?"
            whom = " + ".join(_party(r) for r in ev.recipient)
            flags = [f for f, on in (("not", ev.negated), ("intended", ev.hypothetical)) if on]
            where = f" in {ev.location.text}" if ev.location else ""
            line = f"{who} {ev.type}{'/' + ev.mode if ev.mode else ''} {whom}".rstrip() + where
            line += f" [{ev.trigger.text}]" + (f" ({', '.join(flags)})" if flags else "")
            out.append(_wrap(line, "  - ", "    "))
    for w in brief.warnings:
        out.append(f"\nwarning: {w}")
    return "\n".join(out)
