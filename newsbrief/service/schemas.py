"""Pydantic models of what the HTTP API answers: the Brief JSON schema (as
``Brief.to_dict`` writes it) and the pages of store queries. They document the
API in its OpenAPI schema; the data itself comes from the library."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import AttributionType

QuoteKind = Literal["direct", "partial", "indirect"]
QuoteType = AttributionType


class TextSpanModel(BaseModel):
    text: str = Field(description="Exactly text[start:end] of the article.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SpeakerModel(BaseModel):
    name: str | None = Field(None, description="Canonical speaker: the fullest name, or the description.")
    entity: str | None = Field(None, description="Id of the speaker's entity in this brief.")
    role: str | None = None
    mention: TextSpanModel | None = Field(None, description="The mention next to the quote.")
    candidates: list[str] | None = Field(
        None, description="Entity ids the mention could be, when it fits more than one (entity is then null)."
    )


class QuoteModel(BaseModel):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind
    type: QuoteType | None = Field(
        None, description="newsbrief/2: speech, belief, intention, evidence, stance or question."
    )
    verbatim: list[TextSpanModel] | None = Field(
        None, description="newsbrief/2: the quote-marked spans inside the content (empty for pure paraphrase)."
    )
    speaker: SpeakerModel
    cue: TextSpanModel | None = None
    continuation: bool = False
    rule: str | None = Field(None, description="The rule that found it.")


class EntityModel(BaseModel):
    id: str
    name: str
    type: str
    role: str | None = None
    mentions: list[TextSpanModel] = []


class SummarySentenceModel(BaseModel):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    score: float


class MarkedModel(BaseModel):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: str = Field(description="name, title, scare or word")
    reason: str | None = None


class BriefModel(BaseModel):
    """One analysed article (schema newsbrief/1 or newsbrief/2)."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    schema_: str = Field(alias="schema", description='"newsbrief/1" or "newsbrief/2".')
    source: str | None = None
    meta: dict[str, Any] | None = None
    text: str | None = None
    summary: list[SummarySentenceModel] = []
    key_quote: QuoteModel | None = None
    quotes: list[QuoteModel] = []
    entities: list[EntityModel] = []
    marked: list[MarkedModel] | None = None
    events: list[dict[str, Any]] | None = None
    warnings: list[str] | None = None


class AnalyzeRequest(BaseModel):
    """POST /api/analyze as JSON: exactly one of text and html."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="A web page; its main text is extracted (trafilatura).")
    source: str | None = Field(None, max_length=1000, description="A name for the article in messages and output.")
    title: str | None = Field(None, max_length=1000)
    date: str | None = Field(None, max_length=100)
    url: str | None = Field(None, max_length=4000)
    sentences: int | None = Field(None, ge=1, le=100, description="Summary length in sentences.")
    words: int | None = Field(None, ge=1, le=10000, description="Summary length in words.")
    ratio: float | None = Field(None, gt=0, le=1, description="Summary length as a share of the sentences.")


class ErrorBody(BaseModel):
    code: str = Field(description='The error code, "E040" etc. (newsbrief/errors.py).')
    message: str = Field(description="One line: what happened, to which input, what to try.")


class ErrorModel(BaseModel):
    error: ErrorBody


class Page(BaseModel):
    total: int = Field(description="How many items match, in all pages.")
    limit: int
    offset: int


class ArticleItem(BaseModel):
    id: int
    source: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    words: int | None = None
    quotes: int


class ArticlePage(Page):
    items: list[ArticleItem]


class QuoteItem(BaseModel):
    id: int
    article: int = Field(description="The article's id (GET /api/articles/{id}).")
    idx: int = Field(description="Position in the article's quotes.")
    text: str
    start: int
    end: int
    kind: QuoteKind
    type: str
    speaker_id: int | None = None
    speaker: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    mention: str | None = None
    continuation: bool
    is_key: bool
    person_id: int | None = Field(None, description="The person who said it (GET /api/speakers/{id}).")
    source: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None


class QuotePage(Page):
    items: list[QuoteItem]


class RoleCount(BaseModel):
    role: str
    count: int


class SpeakerItem(BaseModel):
    id: int = Field(description="A person's id where the store links quotes to people, else a speaker string's.")
    name: str
    kind: str | None = Field(None, description="person, surname (only a surname is known) or org; people only.")
    quotes: int = Field(description="Statements; a near-duplicate story's copies count once unless count_duplicates.")
    articles: int = Field(description="Articles; a group of near-duplicates counts once unless count_duplicates.")
    direct: int
    partial: int
    indirect: int
    roles: list[RoleCount]
    aliases: list[str] = Field(default_factory=list, description="Other names seen for this person.")


class SpeakerPage(Page):
    items: list[SpeakerItem]


class MonthCount(BaseModel):
    month: str
    count: int


class SpeakerArticle(BaseModel):
    id: int
    title: str | None = None
    source: str | None = None
    date: str | None = None
    quotes: int


class SpeakerDetail(BaseModel):
    id: int
    name: str
    kind: str | None = Field(None, description="person, surname or org (people only).")
    quotes: int
    articles: int
    direct: int
    partial: int
    indirect: int
    roles: list[RoleCount]
    aliases: list[str] = Field(description="Other names the articles give this speaker.")
    timeline: list[MonthCount] = Field(description="Statements by month of the article's date.")
    undated: int = Field(description="Statements in articles without a date.")
    article_list: list[SpeakerArticle]
    statements: QuotePage


class EntityItem(BaseModel):
    name: str
    type: str
    articles: int
    mentions: int


class EntityPage(Page):
    items: list[EntityItem]


class NamedCount(BaseModel):
    id: int
    name: str
    quotes: int


class StatsModel(BaseModel):
    articles: int
    failed: int
    quotes: int
    speakers: int
    by_kind: dict[str, int]
    by_type: dict[str, int]
    top_speakers: list[NamedCount]


class HealthModel(BaseModel):
    status: Literal["ok"]
    version: str
    schema_: str = Field(alias="schema")
    model: str | None = Field(None, description="The spaCy model analyses run with.")
    model_version: str | None = None
    spacy: str
    analysis: dict[str, Any] = Field(description="How analyses run: executor, workers, limits.")
    db: dict[str, Any] | None = Field(None, description="The store, when the server has one.")

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True, protected_namespaces=())


VerdictName = Literal["verbatim", "altered", "paraphrase", "misattributed", "not found"]


class DiffOp(BaseModel):
    op: Literal["added", "dropped", "changed"]
    claim: str = Field(description="The claim's words (empty when dropped).")
    original: str = Field(description="The original's words (empty when added).")


class VerifyMatch(BaseModel):
    quote_id: int
    speaker: str | None = None
    person: str | None = None
    person_id: int | None = None
    source: str | None = None
    title: str | None = None
    date: str | None = None
    start: int = Field(ge=0, description="Article offsets of the aligned words.")
    end: int = Field(ge=0)
    text: str = Field(description="The original words aligned with the claim (text[start:end] of the article).")
    quote: str = Field(description="The whole stored quote.")
    kind: QuoteKind
    in_quote_marks: bool
    score: float = Field(ge=0, le=1, description="Word similarity of claim and original.")
    verdict: VerdictName
    diff: list[DiffOp]
    negation_flip: bool


class VerifyModel(BaseModel):
    """What `newsbrief verify --format json` prints."""

    claim: str
    speaker: str | None = None
    verdict: VerdictName
    reason: str
    negation_flip: bool
    matches: list[VerifyMatch]
