"""Summary: an extractive summary of the article and the story's key quote.

The summary is made of the article's own sentences (nothing is generated, so
nothing can be invented), returned in article order with character offsets
and a score. News is written top-down, so the first sentences are a strong
summary already ("Lead-3"); the ranking keeps that prior and corrects it
where a lead sentence is weak. Each candidate sentence gets

``score = position + W_CENTRALITY * centrality + W_ENTITY * entities - penalties``

* **position**: ``exp(-i / POSITION_DECAY)`` for the i-th candidate sentence
  (boilerplate does not count), so early sentences are preferred.
* **centrality**: TF-IDF cosine (lemmas of content words, IDF over the
  article's own sentences) between the sentence and the rest of the article,
  scaled so the most central sentence scores 1: a sentence that shares the
  story's vocabulary is about the story.
* **entities**: how much of the story's dominant people, organisations and
  places (the five most mentioned in ``doc._.nb_entities``, each weighted by
  its mentions plus the quotes its name is given in ``doc._.nb_quotes``) the
  sentence names, scaled to [0, 1].
* **penalties**: ``P_SHORT`` under ``MIN_WORDS`` words (fragments, captions,
  teasers such as "Guilty across the board."); ``P_LONG`` per ``MAX_WORDS``
  words over ``MAX_WORDS`` (long sentences crowd a 3-sentence summary, and
  are often a caption glued to a sentence); ``P_QUESTION`` for questions;
  ``P_CONTINUATION`` for a quote that opens the sentence with no attribution
  verb in it (it continues an earlier quote) and for a sentence starting in
  lower case (a sentence or quote the splitter cut in two).
* **headings** (a line of its own with no closing punctuation: the headline,
  subheads) are not chosen.
* **boilerplate** is never chosen: a dateline is cut from the first sentence
  ("Washington (CNN) -- "), and sentences holding bylines ("By . Name ."),
  "PUBLISHED:"/"UPDATED:" stamps, "Scroll down for video" (with the photo
  caption the Daily Mail glues to it), "CLICK HERE", "READ MORE" and the like
  are dropped.

Sentences are then taken greedily by score, passing over one whose TF-IDF
cosine with a sentence already taken is above ``REDUNDANCY`` (used again only
if nothing else is left), until the length asked for is reached: ``sentences``
N, ``words`` N (whitespace-separated words; never exceeded unless every
sentence is longer, in which case the best one alone is returned with
warning W002) and/or ``ratio`` R of the candidate sentences (at least one).
Every limit given holds at once. A non-empty article always gets a sentence.

The key quote (``doc._.nb_key_quote``, an index into ``doc._.nb_quotes``) is
the quote that best carries the story: quotes of five words or more,
preferring direct quotes, then partial, then reported speech; speakers quoted
often or mentioned often; words shared with the summary; an earlier place.

Tuning: the weights were set by coordinate search on each half of a
250-article CNN/DailyMail sample (FRANK), and the setting between the two
halves' optima that did best on its worse half was kept. Centrality and
entities add little to the lead prior on that data (their weights are small);
most of the gain over Lead-3 comes from the length and fragment penalties and
the redundancy check. Cost: one ``Doc.to_array`` call and a few small numpy
operations per article (no Python loop over tokens).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LEMMA, LENGTH, POS, SENT_START
from spacy.language import Language
from spacy.strings import hash_string
from spacy.symbols import VERB
from spacy.tokens import Doc, Span

from ..errors import Errors
from ..model import Entity, Quote, SummarySentence
from .columns import columns
from .layers import entities_of, quotes_of, read_entities, read_quotes
from .lexicon import SPEECH_VERBS
from .syntax import doc_text

if not Doc.has_extension("nb_summary_warnings"):
    Doc.set_extension("nb_summary_warnings", default=None)

DEFAULT_SENTENCES = 3

# The ranking's weights (see the module docstring). Few on purpose: each one
# is a general property of news writing, not a fit to particular articles.
W_POSITION = 1.0
POSITION_DECAY = 6.0
W_CENTRALITY = 0.3
W_ENTITY = 0.1
REDUNDANCY = 0.6
MIN_WORDS = 10
MAX_WORDS = 25
P_SHORT = 1.0
P_LONG = 0.4
P_QUESTION = 0.5
P_CONTINUATION = 0.2

# A dateline before the story: "Washington (CNN) -- ", "(Reuters) - ",
# "LONDON, England (AP) --", "(CNN)The ...". Only at the very start of the
# article; a parenthesis that is not a known agency counts only when a dash
# or no space follows it, so "Apple (AAPL) shares rose" keeps its subject.
_PLACE = r"(?:[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,4}\s*)?"
_DATELINE = re.compile(
    rf"^\s*{_PLACE}(?:\((?:CNN|AP|AFP|Reuters|UPI|PA|EW\.com)\)\s*(?:--|—|–|-|:)?\s*|"
    rf"\([A-Z][A-Za-z.&' ]{{1,40}}\)(?:\s*(?:--|—|–)\s*|(?=[A-Z\"“‘'])))"
)
# Lines that are page furniture, not story.
# ``_BOILERPLATE_START`` is matched at a sentence's start, ``_ANYWHERE`` found
# in one scan of the whole text.
_BOILERPLATE_START = re.compile(
    r"(?:By\s*\.|By\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}\s*(?:\.|$|\||for\b|and\b)|"
    r"(?:Follow|Like)\s+(?:us|@)|Advertisement\b|Related:|Share this\b|Watch the video\b|"
    r"(?:Video|Photo|Picture|Source):)"
)
_BOILERPLATE_ANYWHERE = re.compile(
    r"\bPUBLISHED:|\bUPDATED:|\bLast updated\b|Scroll down for (?:video|more)|\bCLICK HERE\b|"
    r"\bREAD MORE\b|\bSign up for\b"
)
# Cheap substring tests before the regular expression scans the text.
_FURNITURE_WORDS = ("PUBLISHED:", "UPDATED:", "Last updated", "Scroll down", "CLICK HERE", "READ MORE", "Sign up")
_ATTRS = [SENT_START, IDX, LENGTH, LEMMA, IS_ALPHA, IS_STOP, POS]
_SPEECH_HASHES = np.array(sorted(hash_string(v) for v in SPEECH_VERBS), dtype=np.uint64).astype(np.int64)
_SPEECH_IDS = frozenset(_SPEECH_HASHES.tolist())
_QUOTE_OPENERS = frozenset("\"“‘'«")
_NON_WORD = re.compile(r"\W+")
_WORD_CHAR = re.compile(r"[^\W_]")


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


def _tfidf(counts: np.ndarray) -> np.ndarray:
    """Rows: L2-normalised TF-IDF vectors of the sentences (log term
    frequency; IDF over the article's own sentences, an article being its
    own best corpus here)."""
    matrix = np.zeros_like(counts)
    present = counts > 0
    matrix[present] = 1.0 + np.log(counts[present])
    df = present.sum(axis=0)
    matrix *= np.log((len(counts) + 1) / (df + 0.5)).astype(np.float32)
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


def _entity_weights(entities: list[Entity], quotes: list[Quote], starts: list[int], n: int) -> np.ndarray:
    """Per sentence: the weight of the dominant entities it names (each entity
    counted once per sentence), scaled to [0, 1]."""
    scores = np.zeros(n, dtype=np.float32)
    if not entities:
        return scores
    ranked = sorted(entities, key=lambda e: -len(e.mentions))[:5]
    speakers = _quote_speakers(quotes)
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
    """Writes ``doc._.nb_summary`` (``SummarySentence.to_dict()`` each), ``doc._.nb_key_quote``
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
        # The earlier stages' layers, read once for both parts.
        layers = (read_quotes(doc), read_entities(doc))
        summary = summarize(doc, sentences=sentences, words=words, ratio=ratio, warnings=warnings, layers=layers)
        doc._.nb_summary = [s.to_dict() for s in summary]
        doc._.nb_key_quote = choose_key_quote(doc, summary, layers=layers)
        doc._.nb_summary_warnings = warnings
        return doc


@Language.factory(
    "newsbrief_summary",
    assigns=["doc._.nb_summary", "doc._.nb_key_quote"],
    requires=["doc.sents", "doc._.nb_quotes", "doc._.nb_speakers", "doc._.nb_entities"],
    default_config={"sentences": DEFAULT_SENTENCES, "words": None, "ratio": None},
)
def make_summary_stage(nlp: Language, name: str, sentences: int | None, words: int | None,
                       ratio: float | None) -> SummaryStage:
    return SummaryStage(sentences=sentences, words=words, ratio=ratio)


def _candidates(doc: Doc, text: str) -> tuple[list[_Candidate], np.ndarray, np.ndarray]:
    """The article's sentences as candidates, their term counts and whether
    each has an attribution verb. Token attributes are read in one
    ``Doc.to_array`` call (no Python object per token); boilerplate sentences
    are dropped and a dateline is cut from the first one.

    RETURNS (tuple): candidates; counts (candidates x terms, content-word
        lemmas); attributed (bool per candidate).
    """
    if len(doc) == 0:
        return [], np.zeros((0, 1), dtype=np.float32), np.zeros(0, dtype=bool)
    arr = columns(doc, _ATTRS).astype(np.int64)  # hashes wrap; equality is kept
    is_start = arr[:, 0] == 1
    is_start[0] = True
    sent_id = np.cumsum(is_start) - 1
    first_tok = np.flatnonzero(is_start)
    last_tok = np.append(first_tok[1:], len(doc)) - 1
    char_start = arr[first_tok, 1]
    char_end = arr[last_tok, 1] + arr[last_tok, 2]

    dateline = _DATELINE.match(text)
    cut = dateline.end() if dateline and dateline.end() < len(text) else 0
    # Boilerplate that can sit anywhere in a sentence: one scan of the text.
    furniture = (
        [m.start() for m in _BOILERPLATE_ANYWHERE.finditer(text)] if any(w in text for w in _FURNITURE_WORDS) else []
    )
    cand_of_sent = np.full(len(first_tok), -1, dtype=np.int64)
    cands: list[_Candidate] = []
    for i in range(len(first_tok)):
        start, end = int(char_start[i]), int(char_end[i])
        if start < cut:
            start = cut
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start or _BOILERPLATE_START.match(text, start, end) or _is_heading(text, start, end):
            continue
        k = bisect_left(furniture, start)
        if k < len(furniture) and furniture[k] < end:
            continue
        cand_of_sent[i] = len(cands)
        cands.append(_Candidate(len(cands), start, end, len(text[start:end].split())))

    tok_cand = cand_of_sent[sent_id]
    lemma = arr[:, 3]
    content = (arr[:, 4] == 1) & (arr[:, 5] == 0) & (arr[:, 2] > 1) & (tok_cand >= 0)
    values, term = np.unique(lemma[content], return_inverse=True)
    counts = np.zeros((len(cands), max(1, len(values))), dtype=np.float32)
    np.add.at(counts, (tok_cand[content], term), 1.0)
    speech = (arr[:, 6] == VERB) & (tok_cand >= 0)
    # Only the verbs are looked up, in a set (np.isin sorts on every call).
    verbs = lemma[speech].tolist()
    speech[speech] = np.fromiter((v in _SPEECH_IDS for v in verbs), dtype=bool, count=len(verbs))
    attributed = np.bincount(tok_cand[speech], minlength=len(cands)) > 0
    return cands, counts, attributed


_SENTENCE_END = frozenset(".!?\"”’'»)…:;")


def _is_heading(text: str, start: int, end: int) -> bool:
    """A line of its own with no closing punctuation: a headline or subhead,
    which restates the story rather than telling it (the reader has it)."""
    if text[end - 1] in _SENTENCE_END:
        return False
    line_end = text.find("\n", end)
    after = text[end:line_end] if line_end >= 0 else text[end:]
    before = text.rfind("\n", 0, start)
    return not after.strip() and not text[before + 1 : start].strip()


def _score(
    text: str,
    cands: list[_Candidate],
    counts: np.ndarray,
    attributed: np.ndarray,
    layers: tuple[list[Quote], list[Entity]],
) -> np.ndarray:
    """Fill in each candidate's score; RETURNS the TF-IDF matrix for the
    redundancy check."""
    n = len(cands)
    quotes, entities = layers
    matrix = _tfidf(counts)
    cent = _centrality(matrix) if n > 1 else np.ones(n, dtype=np.float32)
    ent = _entity_weights(entities, quotes, [c.start for c in cands], n)
    continued = {q.start for q in quotes if q.continuation}
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
        first = text[c.start]
        if first.islower() or (first in _QUOTE_OPENERS and (
            not attributed[c.index] or any(c.start <= q <= c.start + 2 for q in continued)
        )):
            # A quote that goes on from an earlier one, or a sentence that
            # starts in lower case (the splitter cut a sentence or a quote in
            # two): neither stands alone in a summary.
            s -= P_CONTINUATION
        c.score = round(s, 4)
    return matrix


def _limit(n_cands: int, sentences: int | None, ratio: float | None) -> int:
    limit = n_cands
    if sentences is not None:
        limit = min(limit, max(1, int(sentences)))
    if ratio is not None:
        limit = min(limit, max(1, int(ratio * n_cands + 0.5)))
    return limit


def summarize(
    doc: Doc,
    *,
    sentences: int | None = DEFAULT_SENTENCES,
    words: int | None = None,
    ratio: float | None = None,
    warnings: list[str] | None = None,
    layers: tuple[list[Quote], list[Entity]] | None = None,
) -> list[SummarySentence]:
    """The extractive summary of ``doc``.

    doc (Doc): a parsed article (entities and quotes are used when present).
    sentences (int | None): at most this many sentences.
    words (int | None): at most this many words (see W002 for the exception).
    ratio (float | None): at most this share of the article's sentences.
    warnings (list[str] | None): receives W002 when one sentence is over ``words``.
    layers (tuple | None): ``(quotes_of(doc), entities_of(doc))`` when the
        caller has them already (read from ``doc`` otherwise).
    RETURNS (list[SummarySentence]): in article order; empty only for a text
        with no words.
    """
    if sentences is None and words is None and ratio is None:
        sentences = DEFAULT_SENTENCES
    text = doc_text(doc)
    cands, counts, attributed = _candidates(doc, text)
    if not cands:
        # Everything looked like boilerplate: fall back to the first sentence
        # with text rather than return nothing.
        for sent in doc.sents:
            start, end = _trimmed(sent)
            if end > start:
                return [SummarySentence(text[start:end], start, end, 0.0)]
        return []
    matrix = _score(text, cands, counts, attributed, layers or (quotes_of(doc), entities_of(doc)))
    limit = _limit(len(cands), sentences, ratio)
    ranked = sorted(cands, key=lambda c: (-c.score, c.index))
    # A "sentence" that is only punctuation (a lone quote mark the splitter
    # cut off) is never chosen while a sentence with a word is left: under a
    # word budget it costs one "word" and says nothing.
    ranked = [c for c in ranked if _WORD_CHAR.search(text, c.start, c.end)] or ranked
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


def choose_key_quote(
    doc: Doc, summary: list[SummarySentence], layers: tuple[list[Quote], list[Entity]] | None = None
) -> int | None:
    """Index in ``doc._.nb_quotes`` of the quote that best carries the story,
    or None when the article has no quote worth showing.

    Candidates have at least five words (a bare two-word fragment says little
    alone). Direct quotes come first, then partial, then reported speech; the
    speaker's prominence (quotes plus entity mentions), the words the quote
    shares with the summary and an early position break the ties.
    """
    quotes, entities = layers or (quotes_of(doc), entities_of(doc))
    if not quotes:
        return None
    mentions = {e.name: len(e.mentions) for e in entities}
    by_id = {e.id: len(e.mentions) for e in entities}
    speakers = _quote_speakers(quotes)
    top_prominence = 1
    prominence: list[int] = []
    for q in quotes:
        name = q.speaker.name
        p = speakers.get(name, 0) + (by_id.get(q.speaker.entity or "", 0) or mentions.get(name or "", 0))
        prominence.append(p)
        top_prominence = max(top_prominence, p)
    summary_words = set().union(*(_content(s.text) for s in summary)) if summary else set()
    # A direct quote is the speaker's own words, which is what a key quote is
    # for; reported speech only when nothing better is there.
    kind_bonus = {"direct": 1.0, "partial": 0.3, "indirect": 0.0}
    best, best_score = None, -1.0
    length = max(1, doc[-1].idx + len(doc[-1].text_with_ws)) if len(doc) else 1
    for i, q in enumerate(quotes):
        n_words = len(q.text.split())
        if n_words < 5:
            continue
        words = _content(q.text)
        overlap = len(words & summary_words) / len(words) if words else 0.0
        score = kind_bonus.get(q.kind, 0.0) + 0.8 * prominence[i] / top_prominence + 0.5 * overlap
        score += 0.2 * (1.0 - q.start / length)
        if q.speaker.name is None:
            score -= 0.5
        if n_words > 60:
            score -= 0.3
        if score > best_score:
            best, best_score = i, score
    return best
