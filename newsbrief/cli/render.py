"""The text brief: what a person at a terminal reads."""

from __future__ import annotations

import textwrap
from collections import defaultdict

from ..model import Brief, Quote

_WIDTH = 78
_KIND_MARK = {"direct": "", "partial": "(partial) ", "indirect": "(reported) "}


def _wrap(text: str, indent: str, subsequent: str | None = None) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=_WIDTH,
        initial_indent=indent,
        subsequent_indent=subsequent if subsequent is not None else indent,
    )


def _speaker_label(q: Quote) -> str:
    name = q.speaker.name or "unknown speaker"
    return f"{name} ({q.speaker.role})" if q.speaker.role else name


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
        out.append(_wrap(f"\u201c{q.text.strip()}\u201d \u2014 {_speaker_label(q)}", "  "))
    if brief.quotes:
        groups: dict[str, list[Quote]] = defaultdict(list)
        for q in brief.quotes:
            groups[_speaker_label(q)].append(q)
        n_speakers = len(groups)
        out.append(f"\nWHO SAID WHAT ({len(brief.quotes)} quotes, {n_speakers} speakers)")
        for label, quotes in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start)):
            out.append(f"\n  {label} \u2014 {len(quotes)}")
            for q in quotes:
                cue = f" [{q.cue.text}]" if q.cue else ""
                out.append(_wrap(f"{_KIND_MARK[q.kind]}\u201c{q.text.strip()}\u201d{cue}", "    - ", "      "))
    else:
        out.append("\nWHO SAID WHAT\n  no quotes found")
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
    for w in brief.warnings:
        out.append(f"\nwarning: {w}")
    return "\n".join(out)
