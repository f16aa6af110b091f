"""Summary: an extractive summary of the article and the story's key quote.

The summary is made of the article's own sentences (nothing is generated, so
nothing can be invented), returned in article order with character offsets
and a score. News is written top-down, so the first sentences are a strong
summary already ("Lead-3"); the ranking keeps that prior and corrects it
where a lead sentence is weak. Each sentence gets

``score = W_POSITION * position + W_CENTRALITY * centrality + W_ENTITY * entity - penalties``

* **position**: ``exp(-i / POSITION_DECAY)`` for the i-th candidate sentence
  (boilerplate does not count), so early sentences are preferred.
* **centrality**: TF-IDF cosine (lemmas of content words, IDF over the
  article's own sentences) between the sentence and the rest of the article:
  a sentence that shares the story's vocabulary is about the story.
* **entity**: the share of the story's dominant people, organisations and
  places (``doc._.nb_entities``, weighted by mention count) and of its quoted
  speakers the sentence names.
* **penalties**: very short sentences (fragments, captions), very long ones
  (usually several sentences or a caption glued together), questions, quotes
  that continue an earlier quote with no attribution of their own (they do not
  stand alone), and photo captions ("Flying high: ...").
* **boilerplate** is never chosen: datelines are cut from the first sentence
  ("Washington (CNN) -- "), and bylines, "PUBLISHED:/UPDATED:" lines, "Scroll
  down for video", "CLICK HERE", "READ MORE" and the like are dropped.

Sentences are then picked greedily by score, skipping one too similar
(TF-IDF cosine above ``REDUNDANCY``) to one already picked, until the length
asked for is reached: ``sentences`` N, ``words`` N (a whitespace-separated
word count; never exceeded unless even the best single sentence is longer,
in which case that sentence alone is returned with warning W002) and/or
``ratio`` R of the article's sentences. Every limit given holds at once. A
non-empty article always gets at least one sentence.

The key quote (``doc._.nb_key_quote``, an index into ``doc._.nb_quotes``) is
the quote that best carries the story: quotes of at least a few words,
preferring direct quotes, speakers that are quoted often or dominate the
entities, words shared with the summary, and earlier quotes.

The weights are a handful of numbers tuned on half of a CNN/DailyMail sample
and checked on the other half (see ``newsbrief eval summary``); everything is
one linear pass over the tokens plus small matrix products per article.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import Errors
from ..model import Quote, SummarySentence
from .lexicon import SPEECH_VERBS

if not Doc.has_extension("nb_summary_warnings"):
    Doc.set_extension("nb_summary_warnings", default=None)

DEFAULT_SENTENCES = 3

# The ranking's weights (see the module docstring). Few on purpose: each one
# is a general property of news writing, not a fit to particular articles.
W_POSITION = 1.0
POSITION_DECAY = 4.0
W_CENTRALITY = 0.5
W_ENTITY = 0.3
REDUNDANCY = 0.5
MIN_WORDS = 6
MAX_WORDS = 55
P_SHORT = 1.0
P_LONG = 0.3
P_QUESTION = 0.5
P_CONTINUATION = 0.6
P_CAPTION = 0.8

# A dateline before the story: "Washington (CNN) -- ", "(Reuters) - ",
# "LONDON, England (AP) --". Only at the very start of the article.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,4}\s*)?"
    r"\((?:CNN|AP|AFP|Reuters|EW\.com|[A-Z][A-Za-z.&' ]{1,40})\)\s*(?:--|—|–|-|:)?\s*"
)
# Lines that are page furniture, not story.
_BOILERPLATE = re.compile(
    r"(?:^\s*By\s*\.|^\s*By\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s*(?:\.|$|for\b|and\b|,)|"
    r"\bPUBLISHED:|\bUPDATED:|\bLast updated\b|Scroll down for (?:video|more)|\bCLICK HERE\b|"
    r"\bREAD MORE\b|^\s*(?:Follow|Like)\s+(?:us|@)|\bSign up for\b|^\s*Advertisement\b|"
    r"^\s*(?:Related|Share this|Watch the video|Video:|Photo:|Picture:|Source:)\b)",
)
# A photo caption: one to four capitalised words and a colon, then text
# ("Flying high: Half of the dragon..."); the Daily Mail's house style.
_CAPTION = re.compile(r"^\s*['‘\"“]?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}!?:\s+[A-Z(]")
_QUOTE_OPENERS = frozenset("\"“‘'«")
_NON_WORD = re.compile(r"\W+")


@dataclass(slots=True)
class _Candidate:
    index: int  # position among candidates, in article order
    start: int
    end: int
    words: int
    score: float = 0.0


def _trimmed(span: Span) -> tuple[int, int]:
    """Character offsets of the span without surrounding whitespace."""
    text = span.text
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    return span.start_char + left, span.start_char + right


def _tfidf(term_lists: list[list[str]]) -> np.ndarray:
    """Rows: L2-normalised TF-IDF vectors of the sentences (IDF over the
    article's own sentences; an article is its own best corpus here)."""
    vocab: dict[str, int] = {}
    rows: list[Counter[int]] = []
    for terms in term_lists:
        rows.append(Counter(vocab.setdefault(t, len(vocab)) for t in terms))
    matrix = np.zeros((len(rows), max(1, len(vocab))), dtype=np.float32)
    for i, row in enumerate(rows):
        for j, count in row.items():
            matrix[i, j] = 1.0 + math.log(count)
    df = (matrix > 0).sum(axis=0)
    matrix *= np.log((len(rows) + 1) / (df + 0.5)).astype(np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def _centrality(matrix: np.ndarray) -> np.ndarray:
    """Cosine of each sentence with the sum of all the others, scaled to [0, 1]."""
    rest = matrix.sum(axis=0, keepdims=True) - matrix
    norms = np.linalg.norm(rest, axis=1)
    norms[norms == 0] = 1.0
    cent = (matrix * rest).sum(axis=1) / norms
    top = cent.max() if len(cent) else 0.0
    return cent / top if top > 0 else cent


def _quote_speakers(quotes: list[Quote]) -> Counter[str]:
    return Counter(q.speaker.name for q in quotes if q.speaker.name)


def _entity_weights(doc: Doc, starts: list[int], n: int) -> np.ndarray:
    """Per sentence: the weight of the dominant entities it names (each entity
    counted once per sentence), scaled to [0, 1]."""
    entities = doc._.nb_entities or []
    scores = np.zeros(n, dtype=np.float32)
    if not entities:
        return scores
    ranked = sorted(entities, key=lambda e: -len(e.mentions))[:5]
    speakers = _quote_speakers(doc._.nb_quotes or [])
    for ent in ranked:
        weight = len(ent.mentions) + speakers.get(ent.name, 0)
        if weight < 2:
            continue
        seen = {bisect_right(starts, m.start) - 1 for m in ent.mentions}
        for i in seen:
            if 0 <= i < n:
                scores[i] += weight
    top = scores.max()
    return scores / top if top > 0 else scores


class SummaryStage:
    """Writes ``doc._.nb_summary`` (list[SummarySentence]), ``doc._.nb_key_quote``
    (int | None) and ``doc._.nb_summary_warnings`` (list[str])."""

    def __init__(self, sentences: int | None = DEFAULT_SENTENCES, words: int | None = None,
                 ratio: float | None = None) -> None:
        self.sentences = sentences
        self.words = words
        self.ratio = ratio

    def __call__(self, doc: Doc, sentences: int | None = None, words: int | None = None,
                 ratio: float | None = None) -> Doc:
        # Per-call settings (from ``component_cfg``) replace the defaults; a
        # call that sets only words or ratio does not inherit the default 3
        # sentences.
        if sentences is None and words is None and ratio is None:
            sentences, words, ratio = self.sentences, self.words, self.ratio
        warnings: list[str] = []
        doc._.nb_summary = summarize(doc, sentences=sentences, words=words, ratio=ratio, warnings=warnings)
        doc._.nb_key_quote = choose_key_quote(doc, doc._.nb_summary)
        doc._.nb_summary_warnings = warnings
        return doc


@Language.factory(
    "newsbrief_summary",
    assigns=["doc._.nb_summary", "doc._.nb_key_quote"],
    requires=["doc.sents", "doc._.nb_quotes", "doc._.nb_entities"],
    default_config={"sentences": DEFAULT_SENTENCES, "words": None, "ratio": None},
)
def make_summary_stage(nlp: Language, name: str, sentences: int | None, words: int | None,
                       ratio: float | None) -> SummaryStage:
    return SummaryStage(sentences=sentences, words=words, ratio=ratio)


def _candidates(doc: Doc) -> tuple[list[_Candidate], list[list[str]], list[bool]]:
    """The article's sentences as candidates with their content terms, in one
    pass over the tokens; boilerplate sentences are dropped and a dateline
    is cut from the first one."""
    text = doc.text
    cands: list[_Candidate] = []
    terms: list[list[str]] = []
    flags: list[bool] = []  # has an attribution verb
    dateline = _DATELINE.match(text)
    cut = dateline.end() if dateline and dateline.end() < len(text) else 0
    for sent in doc.sents:
        start, end = _trimmed(sent)
        if start < cut:
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end <= start:
            continue
        if _BOILERPLATE.search(text, start, end) or _BOILERPLATE.search(text[start:end]):
            continue
        sent_terms: list[str] = []
        n_words = 0
        attributed = False
        for tok in sent:
            if tok.is_punct or tok.is_space:
                continue
            n_words += 1
            if tok.is_alpha and not tok.is_stop and len(tok) > 1:
                sent_terms.append(tok.lemma_.lower())
            if tok.pos_ == "VERB" and tok.lemma_ in SPEECH_VERBS:
                attributed = True
        cands.append(_Candidate(len(cands), start, end, len(text[start:end].split())))
        terms.append(sent_terms)
        flags.append(attributed)
    return cands, terms, flags


def _score(doc: Doc, cands: list[_Candidate], terms: list[list[str]], attributed: list[bool]) -> np.ndarray:
    """Fill in each candidate's score; RETURNS the TF-IDF matrix for the
    redundancy check."""
    text = doc.text
    n = len(cands)
    matrix = _tfidf(terms)
    cent = _centrality(matrix) if n > 1 else np.ones(n, dtype=np.float32)
    ent = _entity_weights(doc, [c.start for c in cands], n)
    continued = {q.start for q in (doc._.nb_quotes or []) if q.continuation}
    for c in cands:
        s = W_POSITION * math.exp(-c.index / POSITION_DECAY) + W_CENTRALITY * float(cent[c.index])
        s += W_ENTITY * float(ent[c.index])
        if c.words < MIN_WORDS:
            s -= P_SHORT
        elif c.words > MAX_WORDS:
            s -= P_LONG * (c.words - MAX_WORDS) / MAX_WORDS
        last = text[c.end - 1]
        if last == "?" or (last in "\"”’'" and text[c.end - 2 : c.end - 1] == "?"):
            s -= P_QUESTION
        if text[c.start] in _QUOTE_OPENERS and (
            not attributed[c.index] or any(c.start <= q <= c.start + 2 for q in continued)
        ):
            s -= P_CONTINUATION
        if _CAPTION.match(text, c.start, c.end):
            s -= P_CAPTION
        c.score = round(s, 4)
    return matrix


def _limit(n_cands: int, sentences: int | None, ratio: float | None) -> int:
    limit = n_cands
    if sentences is not None:
        limit = min(limit, max(1, int(sentences)))
    if ratio is not None:
        limit = min(limit, max(1, round(ratio * n_cands)))
    return limit


def summarize(
    doc: Doc,
    *,
    sentences: int | None = DEFAULT_SENTENCES,
    words: int | None = None,
    ratio: float | None = None,
    warnings: list[str] | None = None,
) -> list[SummarySentence]:
    """The extractive summary of ``doc``.

    doc (Doc): a parsed article (entities and quotes are used when present).
    sentences (int | None): at most this many sentences.
    words (int | None): at most this many words (see W002 for the exception).
    ratio (float | None): at most this share of the article's sentences.
    warnings (list[str] | None): receives W002 when one sentence is over ``words``.
    RETURNS (list[SummarySentence]): in article order; empty only for a text
        with no words.
    """
    if sentences is None and words is None and ratio is None:
        sentences = DEFAULT_SENTENCES
    text = doc.text
    cands, terms, attributed = _candidates(doc)
    if not cands:
        # Everything looked like boilerplate: fall back to the first sentence
        # with text rather than return nothing.
        for sent in doc.sents:
            start, end = _trimmed(sent)
            if end > start:
                return [SummarySentence(text[start:end], start, end, 0.0)]
        return []
    matrix = _score(doc, cands, terms, attributed)
    limit = _limit(len(cands), sentences, ratio)
    ranked = sorted(cands, key=lambda c: (-c.score, c.index))
    chosen: list[_Candidate] = []
    skipped: list[_Candidate] = []
    used_words = 0
    for c in ranked:
        if len(chosen) >= limit:
            break
        if words is not None and used_words + c.words > words:
            continue
        if chosen and float((matrix[[x.index for x in chosen]] @ matrix[c.index]).max()) > REDUNDANCY:
            skipped.append(c)
            continue
        chosen.append(c)
        used_words += c.words
    # Too few sentences without repeats: take back the best near-repeats.
    for c in skipped:
        if len(chosen) >= limit:
            break
        if words is None or used_words + c.words <= words:
            chosen.append(c)
            used_words += c.words
    if not chosen:
        # Every sentence is longer than the word budget: the best one alone.
        best = ranked[0]
        chosen = [best]
        if warnings is not None:
            warnings.append(Errors.W002.format(words=words, count=best.words))
    chosen.sort(key=lambda c: c.index)
    return [SummarySentence(text[c.start : c.end], c.start, c.end, c.score) for c in chosen]


def _content(text: str) -> set[str]:
    return {w for w in _NON_WORD.split(text.lower()) if len(w) > 3}


def choose_key_quote(doc: Doc, summary: list[SummarySentence]) -> int | None:
    """Index in ``doc._.nb_quotes`` of the quote that best carries the story,
    or None when the article has no quote worth showing.

    Candidates have at least five words (a bare two-word fragment says little
    alone). Direct quotes come first, then partial, then reported speech; the
    speaker's prominence (quotes plus entity mentions), the words the quote
    shares with the summary and an early position break the ties.
    """
    quotes: list[Quote] = doc._.nb_quotes or []
    if not quotes:
        return None
    mentions = {e.name: len(e.mentions) for e in (doc._.nb_entities or [])}
    by_id = {e.id: len(e.mentions) for e in (doc._.nb_entities or [])}
    speakers = _quote_speakers(quotes)
    top_prominence = 1
    prominence: list[int] = []
    for q in quotes:
        name = q.speaker.name
        p = speakers.get(name, 0) + (by_id.get(q.speaker.entity or "", 0) or mentions.get(name or "", 0))
        prominence.append(p)
        top_prominence = max(top_prominence, p)
    summary_words = set().union(*(_content(s.text) for s in summary)) if summary else set()
    kind_bonus = {"direct": 1.0, "partial": 0.4, "indirect": 0.2}
    best, best_score = None, -1.0
    length = max(1, len(doc.text))
    for i, q in enumerate(quotes):
        n_words = len(q.text.split())
        if n_words < 5:
            continue
        words = _content(q.text)
        overlap = len(words & summary_words) / len(words) if words else 0.0
        score = kind_bonus.get(q.kind, 0.0) + prominence[i] / top_prominence + overlap
        score += 0.3 * (1.0 - q.start / length)
        if q.speaker.name is None:
            score -= 0.5
        if n_words > 60:
            score -= 0.3
        if score > best_score:
            best, best_score = i, score
    return best
