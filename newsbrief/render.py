"""The article view as HTML: the text with every attribution highlighted in its
speaker's colour, the summary on top, speakers and entities beside it.

``render_html(brief)`` returns a self-contained fragment (styles included, no
script) for notebooks, the way ``displacy.render`` does; the web reader of
``newsbrief serve`` renders the same template and adds its own small script
for tooltips and click-to-highlight. Everything taken from the article is
escaped by Jinja2's autoescaping or by ``markupsafe.escape``.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from .model import Brief, Quote, TextSpan

TEMPLATES = Path(__file__).parent / "service" / "templates"
STATIC = Path(__file__).parent / "service" / "static"

# Colour classes nb-c0..nb-c9 are defined in reader.css; speakers past the
# tenth reuse them, and an unknown speaker gets the neutral nb-cx.
PALETTE_SIZE = 10

# Nesting rank of each kind of highlight when two share a range: the quote's
# content is outermost, then its verbatim words, then cue and speaker mention,
# then entity mentions.
_RANK = {"content": 0, "verbatim": 1, "marked": 1, "cue": 2, "mention": 2, "event": 2, "entity": 3}


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment of the reader's templates (autoescaping on)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "svg"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["query"] = query_string
    return env


def query_string(args: dict[str, Any], **overrides: Any) -> str:
    """A URL query string of the non-empty values (for the reader's page links)."""
    merged = {**args, **overrides}
    return urlencode([(k, str(v)) for k, v in merged.items() if v not in (None, "")])


@dataclass
class SpeakerGroup:
    """One speaker of the article, as the side panel lists it."""

    key: str
    name: str | None
    role: str | None
    entity: str | None
    colour: str
    quotes: list[int] = field(default_factory=list)
    types: dict[str, int] = field(default_factory=dict)


def quote_type(q: Quote) -> str:
    """The quote's type (speech, belief, intention, evidence); "speech" for a
    brief of schema newsbrief/1, which had no types."""
    return getattr(q, "type", None) or "speech"


def quote_verbatim(q: Quote) -> list[TextSpan]:
    """The quote-marked spans inside the content. A newsbrief/1 brief has no
    such field: there, a direct or partial quote's content is its marked words."""
    spans = getattr(q, "verbatim", None)
    if spans is not None:
        return list(spans)
    if q.kind in ("direct", "partial"):
        return [TextSpan(q.text, q.start, q.end)]
    return []


def speaker_key(q: Quote) -> str:
    if q.speaker.entity:
        return "ent:" + q.speaker.entity
    if q.speaker.name:
        return "name:" + " ".join(q.speaker.name.split()).casefold()
    return "unknown"


def speaker_groups(brief: Brief) -> list[SpeakerGroup]:
    """The article's speakers, most quoted first, each with a colour class."""
    groups: dict[str, SpeakerGroup] = {}
    for i, q in enumerate(brief.quotes):
        key = speaker_key(q)
        g = groups.get(key)
        if g is None:
            g = groups[key] = SpeakerGroup(key, q.speaker.name, q.speaker.role, q.speaker.entity, "nb-cx")
        g.name = g.name or q.speaker.name
        g.role = g.role or q.speaker.role
        g.quotes.append(i)
        t = quote_type(q)
        g.types[t] = g.types.get(t, 0) + 1
    ordered = sorted(groups.values(), key=lambda g: (g.key == "unknown", -len(g.quotes), min(g.quotes)))
    colour = 0
    for g in ordered:
        if g.key != "unknown":
            g.colour = f"nb-c{colour % PALETTE_SIZE}"
            colour += 1
    return ordered


def tooltip(q: Quote) -> str:
    """What hovering or focusing a highlight says about its quote."""
    who = q.speaker.name or "unknown speaker"
    if q.speaker.role:
        who += f" ({q.speaker.role})"
    parts = [who, f"cue: {q.cue.text}" if q.cue else "no cue", f"type: {quote_type(q)}", f"kind: {q.kind}"]
    if q.continuation:
        parts.append("continues the previous quote")
    return " · ".join(parts)


@dataclass(order=True)
class _Item:
    start: int
    neg_end: int
    rank: int
    seq: int
    attrs: dict[str, str] = field(compare=False)

    @property
    def end(self) -> int:
        return -self.neg_end


def _open_tag(attrs: dict[str, str]) -> str:
    return "<span" + "".join(f' {k}="{escape(v)}"' for k, v in attrs.items()) + ">"


def nest_spans(text: str, spans: list[tuple[int, int, str, dict[str, str]]]) -> Markup:
    """``text`` escaped, with each (start, end, part, attributes) span wrapped
    in a <span>. Spans that cross (neither inside the other) are split where
    the enclosing one ends, so the result is always well-formed and every
    character keeps all the highlights it belongs to; the text content of the
    result is exactly ``text``.

    Hand-written because no library nests arbitrary overlapping character
    ranges into HTML; O(n log n) in the number of spans.
    """
    heap: list[_Item] = []
    for seq, (start, end, part, attrs) in enumerate(spans):
        if 0 <= start < end <= len(text):
            heap.append(_Item(start, -end, _RANK.get(part, 3), seq, attrs))
    heapq.heapify(heap)
    out: list[str] = []
    stack: list[_Item] = []
    pos = 0
    seq = len(spans)
    while heap or stack:
        next_start = heap[0].start if heap else len(text) + 1
        if stack and stack[-1].end <= next_start:
            top = stack.pop()
            out.append(str(escape(text[pos : top.end])))
            out.append("</span>")
            pos = top.end
            continue
        item = heapq.heappop(heap)
        out.append(str(escape(text[pos : item.start])))
        pos = item.start
        if stack and item.end > stack[-1].end:
            # Crossing: this span goes on after the enclosing one closes.
            seq += 1
            heapq.heappush(heap, _Item(stack[-1].end, item.neg_end, item.rank, seq, item.attrs))
            item = _Item(item.start, -stack[-1].end, item.rank, item.seq, item.attrs)
        out.append(_open_tag(item.attrs))
        stack.append(item)
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def highlight_spans(brief: Brief, groups: list[SpeakerGroup]) -> list[tuple[int, int, str, dict[str, str]]]:
    """Every highlight of the article view, as spans for ``nest_spans``."""
    by_key = {g.key: g for g in groups}
    spans: list[tuple[int, int, str, dict[str, str]]] = []
    for i, q in enumerate(brief.quotes):
        g = by_key[speaker_key(q)]
        common = {
            "data-quote": str(i),
            "data-speaker": q.speaker.name or "",
            "data-speaker-key": g.key,
            "data-kind": q.kind,
            "data-type": quote_type(q),
        }
        tip = tooltip(q)
        spans.append(
            (
                q.start,
                q.end,
                "content",
                {
                    "class": f"nb-hl nb-content {g.colour} nb-kind-{q.kind} nb-type-{quote_type(q)}",
                    **common,
                    "data-part": "content",
                    "tabindex": "0",
                    "title": tip,
                    "data-tip": tip,
                },
            )
        )
        for v in quote_verbatim(q):
            spans.append(
                (v.start, v.end, "verbatim", {"class": "nb-hl nb-verbatim", **common, "data-part": "verbatim"})
            )
        if q.cue:
            spans.append((q.cue.start, q.cue.end, "cue", {"class": "nb-hl nb-cue", **common, "data-part": "cue"}))
        m = q.speaker.mention
        if m:
            spans.append(
                (
                    m.start,
                    m.end,
                    "mention",
                    {"class": f"nb-hl nb-mention {g.colour}", **common, "data-part": "mention", "title": tip},
                )
            )
    for e in brief.entities:
        for m in e.mentions:
            spans.append(
                (m.start, m.end, "entity", {"class": "nb-ent", "data-entity": e.id, "data-entity-type": e.type})
            )
    for ev in getattr(brief, "events", None) or []:
        what = ev.type + (f" ({ev.mode})" if ev.mode else "")
        if ev.negated:
            what += ", negated"
        if ev.hypothetical:
            what += ", hypothetical"
        spans.append(
            (
                ev.trigger.start,
                ev.trigger.end,
                "event",
                {"class": "nb-event", "data-event-type": ev.type, "title": f"event: {what}"},
            )
        )
    for mk in getattr(brief, "marked", None) or []:
        mtype = getattr(mk, "type", "") or ""
        reason = getattr(mk, "reason", "") or ""
        spans.append(
            (
                mk.start,
                mk.end,
                "marked",
                {
                    "class": "nb-marked",
                    "data-marked": mtype,
                    "title": f"quote marks, not speech: {mtype}" + (f" ({reason})" if reason else ""),
                },
            )
        )
    return spans


def article_context(brief: Brief, *, article_id: int | None = None) -> dict[str, Any]:
    """What the article_view template needs."""
    groups = speaker_groups(brief)
    meta = brief.meta or {}
    key_quote = brief.quotes[brief.key_quote] if brief.key_quote is not None else None
    entities = sorted(brief.entities, key=lambda e: (-len(e.mentions), e.name))
    event_types: dict[str, int] = {}
    for ev in getattr(brief, "events", None) or []:
        event_types[ev.type] = event_types.get(ev.type, 0) + 1
    return {
        "brief": brief,
        "title": meta.get("title") or brief.source or "Article",
        "meta": meta,
        "article_id": article_id,
        "groups": groups,
        "by_key": {g.key: g for g in groups},
        "key_quote": key_quote,
        "key_group": next((g for g in groups if key_quote is not None and g.key == speaker_key(key_quote)), None),
        "entities": entities,
        "event_types": sorted(event_types.items(), key=lambda kv: (-kv[1], kv[0])),
        "text_html": nest_spans(brief.text, highlight_spans(brief, groups)),
        "tooltip": tooltip,
        "quote_type": quote_type,
        "speaker_key": speaker_key,
    }


@lru_cache(maxsize=1)
def _inline_css() -> str:
    return (STATIC / "reader.css").read_text(encoding="utf-8")


def render_html(brief: Brief, *, standalone: bool = True, article_id: int | None = None) -> str:
    """The article view of ``brief`` as an HTML fragment.

    brief (Brief): what ``newsbrief.analyze`` returned.
    standalone (bool): include the stylesheet in a <style> element, so the
        fragment shows as it should on its own (in Jupyter:
        ``IPython.display.HTML(newsbrief.render_html(brief))``); the web reader
        links the same stylesheet instead.
    article_id (int | None): the article's id in a store, for links.
    RETURNS (str): HTML; every piece of the article in it is escaped.
    """
    ctx = article_context(brief, article_id=article_id)
    ctx["inline_css"] = Markup(_inline_css()) if standalone else None
    return environment().get_template("article_view.html").render(**ctx)
