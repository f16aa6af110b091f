"""Counting helpers shared by the scorers: precision/recall/F1 and a greedy
one-to-one matching of spans.

Spans here are tuples of ``(start, end)`` fragments (sorted, non-overlapping)
so that a discontinuous annotation ("start end;start end" in brat) is one
span. Continuous spans are one-fragment tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Fragments = tuple[tuple[int, int], ...]


@dataclass(slots=True)
class PRF:
    """Counts for precision / recall / F1.

    matched_pred (int): predictions that matched a gold item.
    matched_gold (int): gold items that a prediction matched (equal to
        ``matched_pred`` under one-to-one matching).
    n_pred (int): all predictions.
    n_gold (int): all gold items.
    """

    matched_pred: int = 0
    matched_gold: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, matched: int, n_pred: int, n_gold: int) -> None:
        """Add one document's counts (one-to-one: matched counts both sides)."""
        self.matched_pred += matched
        self.matched_gold += matched
        self.n_pred += n_pred
        self.n_gold += n_gold

    def add_counts(self, matched_pred: int, matched_gold: int, n_pred: int, n_gold: int) -> None:
        """Add one document's counts when a prediction may match more than one
        gold item (an attribution and the quoted fragments inside it)."""
        self.matched_pred += matched_pred
        self.matched_gold += matched_gold
        self.n_pred += n_pred
        self.n_gold += n_gold

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": self.matched_gold,
            "pred": self.n_pred,
            "gold": self.n_gold,
        }


@dataclass(slots=True)
class Accuracy:
    """correct / total, for judgements on matched pairs (kind, cue, speaker)."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}


def length(span: Fragments) -> int:
    """Characters covered by ``span``."""
    return sum(end - start for start, end in span)


def overlap(a: Fragments, b: Fragments) -> int:
    """Characters covered by both ``a`` and ``b`` (fragments are few: a
    nested loop is cheaper than anything cleverer)."""
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            lo, hi = max(s1, s2), min(e1, e2)
            if hi > lo:
                total += hi - lo
    return total


def match_greedy(
    gold: Sequence[Fragments],
    pred: Sequence[Fragments],
    accept: Callable[[Fragments, Fragments, int], bool],
) -> list[tuple[int, int]]:
    """Pair gold and predicted spans one-to-one, best overlap first.

    Candidate pairs are those that share characters and pass ``accept(gold,
    pred, overlap_chars)``; they are taken in order of decreasing overlap
    relative to the union (so a short partial quote pairs with its own gold
    rather than with the long clause around it), then decreasing overlap in
    characters, then text order; a span already paired is skipped.

    RETURNS (list[tuple[int, int]]): ``(gold_index, pred_index)`` pairs.
    """
    candidates: list[tuple[float, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = overlap(g, p)
            if ov <= 0 or not accept(g, p, ov):
                continue
            union = length(g) + length(p) - ov
            candidates.append((-ov / union, -ov, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs


# What ``trim_span`` strips at both ends: whitespace, punctuation and quote marks.
_TRIM = frozenset(" \t\n\r\u00a0.,;:!?\"'“”‘’«»„()[]{}—–-…")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` without whitespace, punctuation and quote marks at
    either end (an empty span stays where it was)."""
    s, e = start, end
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return (s, e) if e > s else (start, start)


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Intersection over union of two character spans (0.0 when either is empty)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union
