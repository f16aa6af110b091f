"""``newsbrief eval verify``: verdict accuracy on claims built from a store.

From the quote-marked statements of linked speakers in a store, claims are
made of seven kinds, each with the verdict ``verify`` should give:

* ``verbatim``: the words as said -> verbatim;
* ``dropped`` / ``added`` / ``replaced``: one word dropped, one inserted, one
  replaced (by a word from another statement of the corpus) -> altered;
* ``negation``: "not" inserted after the first auxiliary, or a negation
  removed -> altered with the negation flip called out;
* ``other_speaker``: the right words given to another person of the corpus ->
  misattributed;
* ``invented``: a sentence of the writer's own narration (no quote marks, no
  attribution found in it) given to a person -> not found.

Accuracy is reported per kind and overall, with the confusion table
(expected verdict x given verdict). Claims are drawn with a fixed seed.
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..verify import VERDICTS, tokens, verify

KINDS: dict[str, str] = {
    "verbatim": "verbatim",
    "dropped": "altered",
    "added": "altered",
    "replaced": "altered",
    "negation": "altered",
    "other_speaker": "misattributed",
    "invented": "not found",
}

AUXILIARIES: frozenset[str] = frozenset(
    "is are was were will would can could should do does did has have had must may might".split()
)
_NEG_REMOVE = {"not": "", "never": "always"}
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_QUOTE_MARKS = set('"“”«»')


@dataclass(slots=True)
class Claim:
    kind: str
    text: str
    speaker: str
    expected: str
    source_quote: int | None = None


@dataclass(slots=True)
class VerifyScores:
    claims: int = 0
    correct: int = 0
    per_kind: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "accuracy": round(self.correct / self.claims, 4) if self.claims else 0.0,
            "per_kind": {
                k: {
                    "claims": c["total"],
                    "accuracy": round(c["correct"] / c["total"], 4) if c["total"] else 0.0,
                }
                for k, c in sorted(self.per_kind.items())
            },
            "confusion": {e: dict(c) for e, c in sorted(self.confusion.items())},
            "errors": self.errors[:20],
        }


def _words(text: str) -> list[str]:
    return text.split()


def _negate(text: str) -> str | None:
    ws = _words(text)
    for i, w in enumerate(ws):
        core = w.strip(".,;:!?").casefold()
        if core in _NEG_REMOVE:
            repl = _NEG_REMOVE[core]
            return " ".join(ws[:i] + ([repl] if repl else []) + ws[i + 1 :])
        if core.endswith("n't") and core not in ("can't", "won't"):
            return " ".join(ws[:i] + [w[: w.casefold().index("n't")]] + ws[i + 1 :])
    for i, w in enumerate(ws):
        if w.strip(".,;:!?").casefold() in AUXILIARIES and w.strip(".,;:!?") == w:
            return " ".join(ws[: i + 1] + ["not"] + ws[i + 1 :])
    return None


def build_claims(conn: sqlite3.Connection, *, n: int = 40, seed: int = 13) -> list[Claim]:
    """``n`` statements, each turned into one claim of every kind it allows."""
    rng = random.Random(seed)
    rows = conn.execute(
        """SELECT q.id, q.text, q.article_id, p.id AS pid, p.name FROM quotes q JOIN people p ON p.id = q.person_id
           WHERE q.kind = 'direct' AND p.kind = 'person' ORDER BY q.id"""
    ).fetchall()
    rows = [r for r in rows if 8 <= len(_words(r["text"])) <= 60]
    rng.shuffle(rows)
    # One statement per wording: the same words twice in the store make the
    # "other speaker" kind ambiguous.
    seen: set[str] = set()
    picked = []
    for r in rows:
        key = " ".join(w for w, _, _ in tokens(r["text"]))
        if key not in seen:
            seen.add(key)
            picked.append(r)
        if len(picked) >= n:
            break
    people = [(r[0], r[1]) for r in conn.execute("SELECT id, name FROM people WHERE kind = 'person' ORDER BY id")]
    vocab = sorted({w for r in rows for w in _words(r["text"]) if w.isalpha() and len(w) > 3})
    claims: list[Claim] = []
    for r in picked:
        text, name, qid = r["text"], r["name"], r["id"]
        ws = _words(text)
        claims.append(Claim("verbatim", text, name, KINDS["verbatim"], qid))
        i = rng.randrange(1, len(ws) - 1)
        claims.append(Claim("dropped", " ".join(ws[:i] + ws[i + 1 :]), name, KINDS["dropped"], qid))
        claims.append(Claim("added", " ".join(ws[:i] + [rng.choice(vocab)] + ws[i:]), name, KINDS["added"], qid))
        j = rng.randrange(1, len(ws) - 1)
        new = rng.choice([w for w in vocab if w.casefold() != ws[j].strip(".,;:!?").casefold()])
        claims.append(Claim("replaced", " ".join(ws[:j] + [new] + ws[j + 1 :]), name, KINDS["replaced"], qid))
        neg = _negate(text)
        if neg:
            claims.append(Claim("negation", neg, name, KINDS["negation"], qid))
        others = [p for p in people if p[0] != r["pid"]]
        if others:
            claims.append(Claim("other_speaker", text, rng.choice(others)[1], KINDS["other_speaker"], qid))
    claims += _invented(conn, rng, len(picked), people)
    return claims


def _invented(conn: sqlite3.Connection, rng: random.Random, n: int, people: list[tuple[int, str]]) -> list[Claim]:
    """Sentences of narration that no quote overlaps, given to a person."""
    out: list[Claim] = []
    arts = conn.execute("SELECT id, text FROM articles WHERE status = 'ok' ORDER BY id").fetchall()
    rng.shuffle(arts)
    for art in arts:
        if len(out) >= n or not people:
            break
        spans = [(s, e) for s, e in conn.execute('SELECT start, "end" FROM quotes WHERE article_id = ?', (art[0],))]
        text = art[1] or ""
        pos = 0
        for sent in _SENT.split(text):
            start = text.find(sent, pos)
            pos = start + len(sent)
            end = pos
            if not (10 <= len(sent.split()) <= 40) or any(c in _QUOTE_MARKS for c in sent) or "\n" in sent.strip():
                continue
            if any(s < end and start < e for s, e in spans):
                continue
            words = sent.split()
            if sum(w[:1].isupper() for w in words) > len(words) / 2:
                continue  # a headline: headlines often are quotes
            out.append(Claim("invented", sent.strip(), rng.choice(people)[1], KINDS["invented"]))
            break
    return out


def evaluate(conn: sqlite3.Connection, claims: list[Claim]) -> VerifyScores:
    scores = VerifyScores()
    for c in claims:
        res = verify(conn, c.text, speaker=c.speaker, limit=1)
        ok = res.verdict == c.expected and (c.kind != "negation" or res.negation_flip)
        scores.claims += 1
        scores.correct += ok
        scores.per_kind[c.kind]["total"] += 1
        scores.per_kind[c.kind]["correct"] += ok
        got = res.verdict + (" (negation flip)" if res.negation_flip else "")
        scores.confusion[c.expected][got] += 1
        if not ok:
            scores.errors.append({"kind": c.kind, "claim": c.text, "speaker": c.speaker, "got": got})
    return scores


def format_scores(scores: VerifyScores) -> str:
    d = scores.to_dict()
    lines = [
        f"verify: {d['claims']} claims, verdict accuracy {d['accuracy']:.3f}",
        "",
        "kind            claims  accuracy",
    ]
    for k, v in d["per_kind"].items():
        lines.append(f"{k:<15} {v['claims']:>6}  {v['accuracy']:.3f}")
    cols = [*VERDICTS, "altered (negation flip)"]
    lines += ["", "confusion (rows: expected, columns: given)", "expected       " + " | ".join(cols)]
    for e, c in d["confusion"].items():
        lines.append(f"{e:<14} " + " | ".join(f"{c.get(col, 0):>{len(col)}}" for col in cols))
    if d["errors"]:
        lines += ["", "first errors:"] + [json.dumps(x, ensure_ascii=False) for x in d["errors"][:8]]
    return "\n".join(lines)
