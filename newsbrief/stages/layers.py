"""Reading the stages' layers back as model objects.

Every stage writes plain, serialisable values on its own ``Doc`` extension
(lists of dicts in the layout of the model's ``to_dict``), so that a ``Doc``
survives ``DocBin(store_user_data=True)``, ``Doc.to_bytes`` and
``nlp.pipe(n_process=...)``, and no stage ever changes another stage's output:

=======================  ======================  ==========================================
extension                written by              holds
=======================  ======================  ==========================================
``doc._.nb_entities``    newsbrief_entities      ``Entity.to_dict()`` per entity
``doc._.nb_quotes``      newsbrief_quotes        ``Quote.to_dict()`` per attribution, with
                                                 only the speaker's local ``mention``
``doc._.nb_marked``      newsbrief_quotes        ``Marked.to_dict()``: quote marks that are
                                                 not speech
``doc._.nb_speakers``    newsbrief_speakers      ``{"quotes": [...], "roles": {...}}``: the
                                                 resolved speaker (and an inherited cue) of
                                                 each quote, by index; roles learned for
                                                 entities, by entity id
``doc._.nb_summary``     newsbrief_summary       ``SummarySentence.to_dict()`` per sentence
``doc._.nb_key_quote``   newsbrief_summary       index into ``nb_quotes`` or None
``doc._.nb_events``      newsbrief_events        ``Event.to_dict()`` per event (date value
                                                 resolved here, against the article's date)
=======================  ======================  ==========================================

The functions here read them back, applying later layers over earlier ones;
``api.brief_from_doc`` and the stages that read earlier stages' output use them.
"""

from __future__ import annotations

import weakref
from typing import Any

from spacy.tokens import Doc

from ..model import Entity, Event, Marked, Quote, Speaker, SummarySentence, TextSpan


def entities_of(doc: Doc) -> list[Entity]:
    """The entities, with the roles the speakers stage learned (when it ran)."""
    entities = [Entity.from_dict(e) for e in (doc._.nb_entities or [])]
    speakers = doc._.nb_speakers
    roles: dict[str, str] = (speakers or {}).get("roles") or {}
    if roles:
        for ent in entities:
            if ent.role is None and ent.id in roles:
                ent.role = roles[ent.id]
    return entities


def quotes_of(doc: Doc) -> list[Quote]:
    """The attributions, with the speakers stage's resolution (when it ran)."""
    speakers = doc._.nb_speakers
    resolved: list[dict[str, Any] | None] = (speakers or {}).get("quotes") or []
    quotes: list[Quote] = []
    for i, data in enumerate(doc._.nb_quotes or []):
        layer = resolved[i] if i < len(resolved) else None
        if not layer:
            quotes.append(Quote.from_dict(data))
            continue
        # The resolved speaker is built once, not the quotes stage's too.
        quote = Quote.from_dict(data, speaker=Speaker.from_dict(layer["speaker"]))
        cue = layer.get("cue")
        if cue and quote.cue is None:
            quote.cue = TextSpan.from_dict(cue)
        quotes.append(quote)
    return quotes


# Layers read back once per document for the stages that only read them.
_READ: weakref.WeakKeyDictionary[Doc, dict[str, tuple[tuple[Any, ...], Any]]] = weakref.WeakKeyDictionary()


def _shared(doc: Doc, name: str, sources: tuple[Any, ...], read: Any) -> Any:
    # Keyed by the layer objects themselves (kept alive by the cache, so an
    # id is never reused): a stage that writes its layer again is read anew.
    cache = _READ.setdefault(doc, {})
    hit = cache.get(name)
    if hit is not None and all(a is b for a, b in zip(hit[0], sources, strict=True)):
        return hit[1]
    value = read(doc)
    cache[name] = (sources, value)
    return value


def read_entities(doc: Doc) -> list[Entity]:
    """``entities_of(doc)`` for a stage that only reads them: built once per
    document and shared, so never change what it returns (the events and
    summary stages each read the entities and quotes; building the model
    objects again for each cost more than using them)."""
    return _shared(doc, "entities", (doc._.nb_entities, doc._.nb_speakers), entities_of)


def read_quotes(doc: Doc) -> list[Quote]:
    """``quotes_of(doc)`` for a stage that only reads them (see ``read_entities``)."""
    return _shared(doc, "quotes", (doc._.nb_quotes, doc._.nb_speakers), quotes_of)


def _taken(doc: Doc, name: str, sources: tuple[Any, ...], read: Any) -> Any:
    # The shared read handed over and dropped from the cache, so the caller
    # owns it: nothing reads it again.
    cache = _READ.get(doc)
    hit = cache.pop(name, None) if cache else None
    if hit is not None and all(a is b for a, b in zip(hit[0], sources, strict=True)):
        return hit[1]
    return read(doc)


def take_entities(doc: Doc) -> list[Entity]:
    """``entities_of(doc)`` for the Brief, built after every stage ran: the
    stages' shared read when it is still current (the readers never change
    it), else a fresh one. Either way the caller owns the list."""
    return _taken(doc, "entities", (doc._.nb_entities, doc._.nb_speakers), entities_of)


def take_quotes(doc: Doc) -> list[Quote]:
    """``quotes_of(doc)`` for the Brief (see ``take_entities``)."""
    return _taken(doc, "quotes", (doc._.nb_quotes, doc._.nb_speakers), quotes_of)


def marked_of(doc: Doc) -> list[Marked]:
    """Quote-marked words that are not speech."""
    return [Marked.from_dict(m) for m in (doc._.nb_marked or [])]


def summary_of(doc: Doc) -> list[SummarySentence]:
    """The summary sentences, in article order."""
    return [SummarySentence.from_dict(s) for s in (doc._.nb_summary or [])]


def events_of(doc: Doc, published: str | None = None) -> list[Event]:
    """The events; a date the text gives relative to the story ("Friday",
    "yesterday") resolved against ``published`` (an ISO date) when given."""
    events = [Event.from_dict(e) for e in (doc._.nb_events or [])]
    if published:
        for event in events:
            if event.date is not None and event.date_value is None:
                event.date_value = resolve_date(event.date.text, published)
    return events


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def resolve_date(text: str, published: str) -> str | None:
    """An ISO date for ``text`` ("Friday", "today", "yesterday", "last
    Monday") relative to the article's date ``published``; None when the
    words name no single day or the date cannot be read."""
    from datetime import date, timedelta

    try:
        base = date.fromisoformat(published[:10])
    except ValueError:
        return None
    words = text.lower().replace("last ", "").replace("on ", "").strip(" .,")
    if words in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return base.isoformat()
    if words in ("yesterday", "last night"):
        return (base - timedelta(days=1)).isoformat()
    if words in _WEEKDAYS:
        # News uses a bare weekday for the past week, the day itself included.
        back = (base.weekday() - _WEEKDAYS.index(words)) % 7
        return (base - timedelta(days=back)).isoformat()
    return None


__all__ = [
    "entities_of", "quotes_of", "read_entities", "read_quotes", "take_entities", "take_quotes", "marked_of",
    "summary_of", "events_of", "resolve_date",
]  # fmt: skip
