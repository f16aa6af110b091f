"""The core data model: what newsbrief reports about an article.

Every span is a pair of character offsets into the article text, so that
``text[start:end]`` is exactly the reported text. The classes are plain
dataclasses: cheap to build, easy to pickle between processes, and turned into
JSON by ``to_dict`` with the layout documented in the README (schema
``newsbrief/2``).

Schema 2 makes each item of ``quotes`` one attribution (one statement): its
content, the quote-marked ``verbatim`` spans inside it, and a ``type`` saying
what the cue reports. ``Brief.from_dict`` still reads schema 1 briefs (stored
by older versions) and upgrades them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "newsbrief/2"
SCHEMA_V1 = "newsbrief/1"

QuoteKind = Literal["direct", "partial", "indirect"]
# What an attribution's cue reports: said/told/wrote/according to (speech),
# thinks/believes/fears (belief), plans to/vows to/declined to (intention),
# polls show/a study found (evidence).
# "stance": an attitude or act toward a thing, not a statement: "criticized
# the plan", "welcomed the ruling", "pushed for a sale". Attribution corpora
# (PolNeAR) annotate these; a count of who said what must not.
# "question": a question put or left unanswered, no statement: "asked why the
# line closed", "would not say who approved it".
AttributionType = Literal["speech", "belief", "intention", "evidence", "stance", "question"]
ATTRIBUTION_TYPES: tuple[str, ...] = ("speech", "belief", "intention", "evidence", "stance", "question")
# Why words in quote marks are not speech: a name or nickname ("known as"),
# a title of a work, a scare quote ("so-called"), a word mentioned as a word.
MarkedType = Literal["name", "title", "scare", "word"]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of the article: its text and where it stands.

    text (str): exactly ``article_text[start:end]``.
    start (int): offset of the first character.
    end (int): offset one past the last character.
    """

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        if cls is not TextSpan:
            return cls(text=data["text"], start=data["start"], end=data["end"])
        # A frozen dataclass's __init__ sets each field through
        # object.__setattr__; the slot descriptors set them directly, a third
        # of the time (the layers are read back as ~300 spans an article, by
        # the stages and again by the Brief: bench/stage_profile.py).
        span = _new_object(cls)
        _SET_TEXT(span, data["text"])
        _SET_START(span, data["start"])
        _SET_END(span, data["end"])
        return span


_new_object = object.__new__
_SET_TEXT, _SET_START, _SET_END = (TextSpan.__dict__[f].__set__ for f in ("text", "start", "end"))


@dataclass(slots=True)
class Speaker:
    """Who a quote belongs to.

    name (str | None): the canonical speaker: the fullest name the article
        gives, or the description when the person is never named
        ("a senior State Department official"); None when unknown.
    entity (str | None): id of the entity in ``Brief.entities``, if any.
    role (str | None): title or role the article gives ("US secretary of state").
    mention (TextSpan | None): the local mention near the quote ("he", "Kerry").
    candidates (list[str]): when the mention fits more than one entity (a
        bare surname two people share), the ids of those entities; ``entity``
        is then None. Empty otherwise.
    """

    name: str | None = None
    entity: str | None = None
    role: str | None = None
    mention: TextSpan | None = None
    candidates: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "entity": self.entity,
            "role": self.role,
            "mention": self.mention.to_dict() if self.mention else None,
        }
        if self.candidates:
            data["candidates"] = list(self.candidates)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        mention = data.get("mention")
        return cls(
            name=data.get("name"),
            entity=data.get("entity"),
            role=data.get("role"),
            mention=TextSpan.from_dict(mention) if mention else None,
            candidates=list(data.get("candidates") or []),
        )


@dataclass(slots=True)
class Quote:
    """One attribution: one statement (or belief, intention, evidence) and
    who it is attributed to.

    text/start/end: the content: for a direct quote the words inside the
        marks; for reported speech the whole reported clause (without
        "that"); for a quoted fragment with no reported clause around it, the
        phrase the cue governs.
    kind (str): "direct" (content all in quote marks), "partial" (quoted
        fragments inside the writer's words) or "indirect" (no quote marks).
    type (str): what the cue reports: "speech", "belief", "intention",
        "evidence", "stance" or "question" (see ``AttributionType``).
    verbatim (list[TextSpan]): the spans inside the content that stand in
        quote marks, without the marks; one equal to the content for a direct
        quote, none for pure paraphrase.
    speaker (Speaker): who said it.
    cue (TextSpan | None): the verb or phrase that attributes it ("said",
        "according to").
    continuation (bool): True when the quote carries no attribution of its
        own and was given to the previous quote's speaker.
    rule (str | None): the name of the rule that found it (see
        ``newsbrief eval quotes --rules``).
    """

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker = field(default_factory=Speaker)
    cue: TextSpan | None = None
    continuation: bool = False
    type: AttributionType = "speech"
    verbatim: list[TextSpan] = field(default_factory=list)
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "type": self.type,
            "verbatim": [v.to_dict() for v in self.verbatim],
            "speaker": self.speaker.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "continuation": self.continuation,
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], speaker: Speaker | None = None) -> Quote:
        """The attribution ``data`` describes; ``speaker``, when given, stands
        for the one in ``data`` (a resolution read from another layer)."""
        cue = data.get("cue")
        kind = data["kind"]
        if "verbatim" in data:
            verbatim = [TextSpan.from_dict(v) for v in data["verbatim"]]
        elif kind in ("direct", "partial"):
            # Schema 1: a direct or partial quote was the words in the marks.
            verbatim = [TextSpan(text=data["text"], start=data["start"], end=data["end"])]
        else:
            verbatim = []
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            kind=kind,
            type=data.get("type", "speech"),
            verbatim=verbatim,
            speaker=speaker if speaker is not None else Speaker.from_dict(data.get("speaker") or {}),
            cue=TextSpan.from_dict(cue) if cue else None,
            continuation=bool(data.get("continuation", False)),
            rule=data.get("rule"),
        )


@dataclass(slots=True)
class Marked:
    """Words in quote marks that are not speech, and why (so a user can see
    why they were not reported as a quote).

    text/start/end: the words inside the marks.
    type (str): "name" (a name or nickname: 'known as "..."'), "title" (of a
        work), "scare" (a scare quote: 'so-called "..."') or "word" (a word
        mentioned as a word: 'the word "..."').
    reason (str): the rule that decided it.
    """

    text: str
    start: int
    end: int
    type: MarkedType
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Marked:
        return cls(text=data["text"], start=data["start"], end=data["end"], type=data["type"], reason=data["reason"])


@dataclass(slots=True)
class Entity:
    """A person, organisation or place, with every mention of it.

    id (str): "e1", "e2", ... unique within one brief.
    name (str): canonical name, the fullest form in the article.
    type (str): "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC" (spaCy's labels).
    mentions (list[TextSpan]): every place the article names it.
    role (str | None): a title or role the article gives the entity.
    """

    id: str
    name: str
    type: str
    mentions: list[TextSpan] = field(default_factory=list)
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "role": self.role,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            role=data.get("role"),
            mentions=[TextSpan.from_dict(m) for m in data.get("mentions", [])],
        )


@dataclass(slots=True)
class SummarySentence:
    """One sentence of the extractive summary, in article order."""

    text: str
    start: int
    end: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "score": self.score}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SummarySentence:
        return cls(text=data["text"], start=data["start"], end=data["end"], score=data["score"])


@dataclass(slots=True)
class Brief:
    """Everything newsbrief found in one article.

    text (str): the analysed text; every offset points into it.
    source (str | None): where the text came from (a path, an id, a URL).
    quotes, entities, summary, marked, events: see the classes above.
    key_quote (int | None): index in ``quotes`` of the quote that best carries
        the story.
    warnings (list[str]): non-fatal problems with the input (for example bytes
        that were not valid UTF-8 and were replaced).
    meta (dict): title, date, url, author when the reader found them.
    """

    text: str
    source: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    key_quote: int | None = None
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    marked: list[Marked] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"schema": SCHEMA, "source": self.source}
        if self.meta:
            data["meta"] = dict(self.meta)
        if include_text:
            data["text"] = self.text
        data["summary"] = [s.to_dict() for s in self.summary]
        data["key_quote"] = self.quotes[self.key_quote].to_dict() if self.key_quote is not None else None
        data["quotes"] = [q.to_dict() for q in self.quotes]
        data["entities"] = [e.to_dict() for e in self.entities]
        data["marked"] = [m.to_dict() for m in self.marked]
        data["events"] = [e.to_dict() for e in self.events]
        if self.warnings:
            data["warnings"] = list(self.warnings)
        return data

    def to_json(self, *, indent: int | None = None, include_text: bool = True) -> str:
        return json.dumps(self.to_dict(include_text=include_text), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        if data.get("schema") not in (SCHEMA, SCHEMA_V1):
            raise ValueError(f"not a {SCHEMA} brief: schema is {data.get('schema')!r}")
        quotes = [Quote.from_dict(q) for q in data.get("quotes", [])]
        key = data.get("key_quote")
        key_index = None
        if key is not None:
            for i, q in enumerate(quotes):
                if (q.start, q.end) == (key["start"], key["end"]):
                    key_index = i
                    break
        return cls(
            text=data.get("text", ""),
            source=data.get("source"),
            quotes=quotes,
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            summary=[SummarySentence.from_dict(s) for s in data.get("summary", [])],
            key_quote=key_index,
            warnings=list(data.get("warnings", [])),
            meta=dict(data.get("meta", {})),
            marked=[Marked.from_dict(m) for m in data.get("marked", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
        )


@dataclass(slots=True)
class Failure:
    """An input that could not be analysed, in place of its Brief in a batch.

    source (str | None): the input's name.
    code (str): the error code ("E001"...).
    message (str): the one-line error message.
    """

    source: str | None
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "source": self.source, "error": {"code": self.code, "message": self.message}}


# PLOVER's sixteen event types (https://github.com/openeventdata/PLOVER).
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip


@dataclass(slots=True)
class Actor:
    """One party of an event (PLOVER's source or target).

    text/start/end: the mention ("the Sudanese government").
    entity (str | None): id of the entity in ``Brief.entities`` it resolves to.
    country (str | None): ISO 3166-1 alpha-3 code ("SDN").
    sector (str | None): PLOVER/CAMEO sector: GOV, MIL, REB, OPP, CVL, COP,
        JUD, LEG, MED, BUS, EDU, REL, IGO, NGO, IMG.
    code (str | None): the actor code: the country, or IGO/NGO/IMG for an
        international body with no country.
    """

    text: str
    start: int
    end: int
    entity: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "entity": self.entity,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            entity=data.get("entity"),
            country=data.get("country"),
            sector=data.get("sector"),
            code=data.get("code"),
        )


@dataclass(slots=True)
class Event:
    """Who did what to whom: one event, coded in PLOVER.

    type (str): one of PLOVER's 16 event types (``EventType``).
    mode (str | None): PLOVER's mode for the type when the text makes it
        clear ("hunger", "visit", "arrest").
    trigger (TextSpan): the word that names the event.
    actor, recipient (list[Actor]): the source and the target; a list for a
        compound party ("the US and Jordan"); may be empty.
    location (TextSpan | None), location_country (str | None): where, when
        the text says it.
    date (TextSpan | None), date_value (str | None): when, as written, and as
        an ISO date when it can be resolved against the article's date.
    negated (bool): "did not attack": reported as not having happened.
    hypothetical (bool): the action is intended, promised, threatened or
        conditional ("will give", "threatened to", "if ... would"), not done.
    attribution (int | None): index in ``Brief.quotes`` of the statement
        the event was reported in.
    sentence (tuple[int, int]): offsets of the sentence.
    rule (str | None): the trigger rule that coded it (``data/triggers.json``).
    """

    type: EventType
    trigger: TextSpan
    sentence: tuple[int, int]
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    mode: str | None = None
    location: TextSpan | None = None
    location_country: str | None = None
    date: TextSpan | None = None
    date_value: str | None = None
    negated: bool = False
    hypothetical: bool = False
    attribution: int | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "trigger": self.trigger.to_dict(),
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "location": (
                {**self.location.to_dict(), "country": self.location_country} if self.location is not None else None
            ),
            "date": {**self.date.to_dict(), "value": self.date_value} if self.date is not None else None,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "attribution": self.attribution,
            "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        loc = data.get("location")
        date = data.get("date")
        sent = data.get("sentence") or {"start": data["trigger"]["start"], "end": data["trigger"]["end"]}
        return cls(
            type=data["type"],
            mode=data.get("mode"),
            trigger=TextSpan.from_dict(data["trigger"]),
            actor=[Actor.from_dict(a) for a in data.get("actor", [])],
            recipient=[Actor.from_dict(r) for r in data.get("recipient", [])],
            location=TextSpan.from_dict(loc) if loc else None,
            location_country=loc.get("country") if loc else None,
            date=TextSpan.from_dict(date) if date else None,
            date_value=date.get("value") if date else None,
            negated=bool(data.get("negated", False)),
            hypothetical=bool(data.get("hypothetical", False)),
            attribution=data.get("attribution"),
            sentence=(sent["start"], sent["end"]),
            rule=data.get("rule"),
        )
