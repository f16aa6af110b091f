"""``newsbrief verify``: did this person really say that?

A claimed quote is looked up in a store in three steps:

1. candidates from FTS5: the claim's rarest words (document frequencies from
   an ``fts5vocab`` view of the quotes index) OR-ed, best bm25 first, so a
   lookup reads a few short posting lists even at a million statements;
2. alignment with rapidfuzz: ``partial_ratio_alignment`` finds where in a
   stored quote the claim sits, the window is fitted to word boundaries, and
   ``Levenshtein.opcodes`` over the two word lists gives the word-level diff
   (added, dropped, changed words); the score is the normalised Indel
   similarity of the word lists;
3. a verdict from the best original by the claimed speaker and the best by
   anyone: ``verbatim``, ``altered`` (negation flips called out),
   ``paraphrase``, ``misattributed`` (the words exist, said by another
   person) or ``not found``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from .errors import Errors, InputError
from .store import people

VERDICTS: tuple[str, ...] = ("verbatim", "altered", "paraphrase", "misattributed", "not found")

# Words that flip a statement's polarity when added or dropped.
NEGATIONS: frozenset[str] = frozenset("not no never none nobody nothing neither nor cannot without".split())

# Words too common to find candidates with (FTS5 would read long lists).
STOPWORDS: frozenset[str] = frozenset(
    """the a an and or but of to in on at for with by from as is are was were be been being it its this that
    these those he she they we you i his her their our your my me him them us not no do does did have has had
    will would can could should may might must there here what which who whom when where why how all any""".split()
)

# Thresholds, tuned on PolNeAR train (see `newsbrief eval verify`).
ALTERED_MIN = 0.6  # word similarity from which a close original counts as altered
PARAPHRASE_MIN = 0.55  # share of the claim's content words found in the original
MAX_CANDIDATES = 60
# A claim is a sentence or a paragraph; a longer one would make every
# alignment slow (the CLI and the API refuse it with E067).
MAX_CLAIM_CHARS = 2000
RARE_TERMS = 6

_TOKEN = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of ``text``."""
    return [(m.group().casefold().replace("’", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def is_negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


@dataclass(slots=True)
class Match:
    """One original statement aligned with the claim."""

    quote_id: int
    speaker: str | None
    person: str | None
    person_id: int | None
    source: str | None
    title: str | None
    date: str | None
    start: int  # article offsets of the aligned words
    end: int
    text: str  # the original words aligned with the claim
    quote: str  # the whole stored quote
    kind: str
    in_quote_marks: bool
    score: float
    verdict: str
    diff: list[dict[str, Any]] = field(default_factory=list)
    negation_flip: bool = False


@dataclass(slots=True)
class Result:
    claim: str
    speaker: str | None
    verdict: str
    reason: str
    negation_flip: bool = False
    matches: list[Match] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _terms(conn: sqlite3.Connection, words: list[str]) -> list[str]:
    """The claim's rarest content words, by the index's document frequency."""
    uniq = list(dict.fromkeys(w for w in words if w not in STOPWORDS and len(w) > 2 and "'" not in w))
    if not uniq:
        uniq = list(dict.fromkeys(w for w in words if "'" not in w))
    if not uniq:
        return []
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.nb_quotes_vocab USING fts5vocab(main, quotes_fts, 'row')")
    freq: dict[str, int] = {w: 0 for w in uniq}
    marks = ", ".join("?" for _ in uniq)
    for term, doc in conn.execute(f"SELECT term, doc FROM temp.nb_quotes_vocab WHERE term IN ({marks})", uniq):
        freq[term] = int(doc)
    present = [w for w in uniq if freq[w] > 0]
    return sorted(present, key=lambda w: freq[w])[:RARE_TERMS]


def _candidates(conn: sqlite3.Connection, words: list[str]) -> list[sqlite3.Row]:
    terms = _terms(conn, words)
    if not terms:
        return []
    match = " OR ".join('text : "' + t.replace('"', '""') + '"' for t in terms)
    return conn.execute(
        """SELECT q.id, q.text, q.start, q."end", q.kind, q.speaker, q.person_id, q.verbatim,
                  p.name AS person, a.source, a.title, a.date
           FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?) f
           JOIN quotes q ON q.id = f.rowid JOIN articles a ON a.id = q.article_id
           LEFT JOIN people p ON p.id = q.person_id""",
        (match, MAX_CANDIDATES),
    ).fetchall()


def _window(claim: list[str], cand: list[tuple[str, int, int]]) -> tuple[int, int]:
    """The word range of ``cand`` that best matches the claim."""
    cw = [w for w, _, _ in cand]
    if not cw:
        return 0, 0
    claim_s = " ".join(claim)
    cand_s = " ".join(cw)
    if len(claim_s) >= len(cand_s):
        lo, hi = 0, len(cw)
    else:
        al = fuzz.partial_ratio_alignment(claim_s, cand_s)
        # Character positions in cand_s -> word indexes.
        starts, pos = [], 0
        for w in cw:
            starts.append(pos)
            pos += len(w) + 1
        lo = max(0, sum(1 for s in starts if s <= al.dest_start) - 1)
        hi = max(lo + 1, sum(1 for s in starts if s < al.dest_end))
    best = (-1.0, lo, hi)
    # Words dropped or added at the edges: try nearby boundaries.
    for a in range(max(0, lo - 2), min(len(cw), lo + 3)):
        for b in range(max(a + 1, hi - 2), min(len(cw), hi + 2) + 1):
            s = Indel.normalized_similarity(claim, cw[a:b])
            if s > best[0]:
                best = (s, a, b)
    return best[1], best[2]


def align(claim: list[str], text: str) -> tuple[float, int, int, list[dict[str, Any]], bool]:
    """Align the claim's words with ``text``.

    RETURNS (tuple): (word similarity 0..1, start char, end char in ``text``,
        word diff, negation flipped).
    """
    cand = tokens(text)
    a, b = _window(claim, cand)
    if b <= a:
        return 0.0, 0, 0, [], False
    window = [w for w, _, _ in cand[a:b]]
    score = Indel.normalized_similarity(claim, window)
    diff: list[dict[str, Any]] = []
    flip = False
    for op in Levenshtein.opcodes(claim, window):
        if op.tag == "equal":
            continue
        claimed = claim[op.src_start : op.src_end]
        original = window[op.dest_start : op.dest_end]
        tag = {"insert": "dropped", "delete": "added", "replace": "changed"}[op.tag]
        diff.append({"op": tag, "claim": " ".join(claimed), "original": " ".join(original)})
        neg_c = sum(map(is_negation, claimed))
        neg_o = sum(map(is_negation, original))
        if neg_c != neg_o:
            flip = True
    return score, cand[a][1], cand[b - 1][2], diff, flip


def _content_overlap(claim: list[str], text_words: set[str]) -> float:
    content = [w for w in claim if w not in STOPWORDS]
    if not content:
        return 0.0
    return sum(1 for w in content if w in text_words) / len(content)


def _grade(score: float, diff: list[dict[str, Any]], overlap: float) -> str:
    if not diff:
        return "verbatim"
    if score >= ALTERED_MIN:
        return "altered"
    if overlap >= PARAPHRASE_MIN:
        return "paraphrase"
    return "not found"


def verify(conn: sqlite3.Connection, claim: str, *, speaker: str | None = None, limit: int = 5) -> Result:
    """Look a claimed quote up in the store.

    claim (str): the words said to have been said.
    speaker (str | None): who is said to have said them (a person's name or alias).
    limit (int): how many closest originals to return.
    RAISES (InputError): E065 for a claim with no words; E067 for one over
        ``MAX_CLAIM_CHARS``; E061 for a bare surname that fits several people.
    """
    if len(claim) > MAX_CLAIM_CHARS:
        raise InputError(Errors.E067, size=len(claim), limit=MAX_CLAIM_CHARS)
    words = [w for w, _, _ in tokens(claim)]
    if not words:
        raise InputError(Errors.E065, detail=repr(claim[:40]))
    wanted: set[int] = set(people.resolve_one(conn, speaker)) if speaker else set()
    matches: list[Match] = []
    for row in _candidates(conn, words):
        score, s, e, diff, flip = align(words, row["text"])
        if e <= s:
            continue
        overlap = _content_overlap(words, {w for w, _, _ in tokens(row["text"])})
        spans = json.loads(row["verbatim"] or "[]")
        a_start, a_end = row["start"] + s, row["start"] + e
        matches.append(
            Match(
                quote_id=row["id"],
                speaker=row["speaker"],
                person=row["person"],
                person_id=row["person_id"],
                source=row["source"],
                title=row["title"],
                date=row["date"],
                start=a_start,
                end=a_end,
                text=row["text"][s:e],
                quote=row["text"],
                kind=row["kind"],
                in_quote_marks=any(vs <= a_start and a_end <= ve for vs, ve in spans),
                score=round(score, 4),
                verdict=_grade(score, diff, overlap),
                diff=diff,
                negation_flip=flip,
            )
        )
    rank = {v: i for i, v in enumerate(VERDICTS)}
    matches.sort(key=lambda m: (rank[m.verdict], -m.score, not m.in_quote_marks, m.date or "", m.quote_id))
    if speaker:
        own = [m for m in matches if m.person_id in wanted]
        other = [m for m in matches if m.person_id not in wanted]
    else:
        own, other = matches, []
    best_own = own[0] if own else None
    best_other = other[0] if other else None
    close = ("verbatim", "altered")
    if (
        best_own
        and best_own.verdict in close
        and not (best_other and best_other.verdict == "verbatim" and best_own.verdict != "verbatim")
    ):
        verdict, top = best_own.verdict, best_own
        reason = (
            f"the same words, said by {top.person or top.speaker}"
            if verdict == "verbatim"
            else f"{len(top.diff)} difference(s) from what {top.person or top.speaker} said"
        )
    elif best_other and best_other.verdict in close:
        verdict, top = "misattributed", best_other
        reason = f"the words were said by {top.person or top.speaker}, not {speaker}"
    elif best_own and best_own.verdict == "paraphrase":
        verdict, top = "paraphrase", best_own
        reason = f"{top.person or top.speaker} said something with most of these words"
    else:
        verdict, top = "not found", None
        reason = "no stored statement is close to these words"
    ordered = ([top] if top else []) + [m for m in matches if m is not top]
    return Result(
        claim=claim,
        speaker=speaker,
        verdict=verdict,
        reason=reason,
        negation_flip=bool(top and top.negation_flip and verdict == "altered"),
        matches=ordered[:limit],
    )


def format_text(result: Result) -> str:
    """A human-readable report of a verify result."""
    flip = " (negation flipped)" if result.negation_flip else ""
    lines = [f"verdict: {result.verdict}{flip}: {result.reason}"]
    for m in result.matches:
        lines.append(
            f"- {m.verdict} {m.score:.2f}  {m.person or m.speaker or '?'}  {m.date or '?'}  {m.source}"
            f" [{m.start}:{m.end}]{' (in quote marks)' if m.in_quote_marks else ''}"
        )
        lines.append(f"    original: {m.text}")
        for d in m.diff:
            if d["op"] == "changed":
                lines.append(f"    changed: {d['original']!r} -> {d['claim']!r}")
            elif d["op"] == "added":
                lines.append(f"    added:   {d['claim']!r}")
            else:
                lines.append(f"    dropped: {d['original']!r}")
    return "\n".join(lines)
