"""Per-rule figures for ``newsbrief eval quotes --rules``: how often each
named rule fired and how often what it found was right on the gold.

Every attribution carries the name of the rule that found it
(``Quote.rule``). Right means:

* PolNeAR: the attribution the quote belongs to (quotes that share a cue are
  one attribution, as the PolNeAR scorer groups them) has a content equal to
  a gold content after the scorer's normalisation (``exact``), or sharing a
  character with one (``overlap``). All types count: PolNeAR marks beliefs,
  intentions and evidence too.
* seed-format gold files, which hold statements: a statement (a ``speech``
  attribution, or one with words in quote marks) is right when the scorer
  pairs it with a gold quote: its content or one of its verbatim spans and
  the gold span, both trimmed of whitespace, punctuation and quote marks,
  overlap by an IoU >= 0.5, one to one (``quotes.match_pieces``, the rule
  ``eval quotes`` itself counts by); other attributions are counted as fired
  but not scored (``unscored``).

The rules of the quote-mark index that type quoted words as not speech
(``name.*``, ``title.*``, ``scare.*``, ``word.*``: the reasons of
``Brief.marked``) are counted too: on gold files one is right when the
listed mark pairs one-to-one with a gold not-speech mark (IoU >= 0.5 of the
trimmed spans, as the scorer's "listed" count); on PolNeAR, ``overlap`` counts the listed marks whose
words lie in a gold content (where PolNeAR reads them as part of a
statement, the price of the rule), and ``exact`` those equal to one.

A rule that fires often and is rarely right is a candidate for deletion; one
whose figures hang on a single article is a rule for that article's words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Marked, Quote
from .metrics import Fragments, iou, trim_span
from .polnear import Attribution, attributions_from_quotes
from .quotes import MIN_IOU, is_statement, match_span_pieces

# The name shown for attributions whose finder gives no rule name.
UNNAMED = "(unnamed)"


@dataclass(slots=True)
class RuleCounts:
    """One rule's totals."""

    polnear_fired: int = 0
    polnear_exact: int = 0
    polnear_overlap: int = 0
    gold_fired: int = 0
    gold_right: int = 0
    gold_unscored: int = 0
    # Articles it fired in: a rule that fires in one article only is likely
    # that article's words.
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "articles": self.articles,
            "polnear": {
                "fired": self.polnear_fired,
                "exact": self.polnear_exact,
                "overlap": self.polnear_overlap,
                "exact_precision": ratio(self.polnear_exact, self.polnear_fired),
                "overlap_precision": ratio(self.polnear_overlap, self.polnear_fired),
            },
            "gold": {
                "fired": self.gold_fired,
                "right": self.gold_right,
                "unscored": self.gold_unscored,
                "precision": ratio(self.gold_right, self.gold_fired - self.gold_unscored),
            },
        }


def _rule(q: Quote) -> str:
    return q.rule or UNNAMED


def _touches(a: Fragments, spans: Iterable[Fragments]) -> bool:
    return any(s < pe and ps < e for b in spans for s, e in a for ps, pe in b)


def _iou_pairs(text: str, gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one ``(gold_index, pred_index)`` pairs of spans whose trimmed
    forms overlap by IoU >= ``MIN_IOU``, best first."""
    g_trim = [trim_span(text, s, e) for s, e in gold]
    p_trim = [trim_span(text, s, e) for s, e in pred]
    candidates = sorted(
        (-score, gi, pi)
        for gi, g in enumerate(g_trim)
        for pi, p in enumerate(p_trim)
        if (score := iou(g, p)) >= MIN_IOU
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass(slots=True)
class RuleStats:
    """Totals per rule name over the scored articles."""

    rules: dict[str, RuleCounts] = field(default_factory=dict)

    def _seen(self, quotes: list[Quote]) -> None:
        for name in {_rule(q) for q in quotes}:
            self.rules.setdefault(name, RuleCounts()).articles += 1

    def _counts(self, q: Quote) -> RuleCounts:
        return self.rules.setdefault(_rule(q), RuleCounts())

    def add_polnear(self, text: str, gold: list[Attribution], quotes: list[Quote]) -> None:
        """One PolNeAR article: each quote judged by its attribution's content."""
        self._seen(quotes)
        gold_contents = [a.content for a in gold if a.content is not None]
        exact = set(gold_contents)
        # Group as attributions_from_quotes does: one attribution per cue.
        groups: dict[tuple[int, int] | int, list[Quote]] = {}
        for i, q in enumerate(quotes):
            groups.setdefault((q.cue.start, q.cue.end) if q.cue else i, []).append(q)
        for group in groups.values():
            # The group shares one cue, so it makes exactly one attribution.
            content = attributions_from_quotes(text, group)[0].content
            for q in group:
                counts = self._counts(q)
                counts.polnear_fired += 1
                if content is not None and content in exact:
                    counts.polnear_exact += 1
                if content is not None and _touches(content, gold_contents):
                    counts.polnear_overlap += 1

    def add_gold(self, text: str, gold_spans: list[tuple[int, int]], quotes: list[Quote]) -> None:
        """One seed-format article: its statements paired with the gold quotes
        as ``eval quotes`` pairs them."""
        self._seen(quotes)
        scored = [q for q in quotes if is_statement(q)]
        for q in quotes:
            counts = self._counts(q)
            counts.gold_fired += 1
            if not is_statement(q):
                counts.gold_unscored += 1
        for pi in {pi for _, pi, _ in match_span_pieces(text, gold_spans, scored)}:
            self._counts(scored[pi]).gold_right += 1

    def add_marked_gold(self, text: str, gold_spans: list[tuple[int, int]], marked: list[Marked]) -> None:
        """One seed-format article: listed not-speech marks paired with the
        gold not-speech marks (``not_quotes``)."""
        for name in {m.reason for m in marked}:
            self.rules.setdefault(name, RuleCounts()).articles += 1
        for m in marked:
            self.rules.setdefault(m.reason, RuleCounts()).gold_fired += 1
        for _, pi in _iou_pairs(text, gold_spans, [(m.start, m.end) for m in marked]):
            self.rules[marked[pi].reason].gold_right += 1

    def add_marked_polnear(self, gold: list[Attribution], marked: list[Marked]) -> None:
        """One PolNeAR article: listed not-speech marks against the gold
        contents (a mark inside one is words PolNeAR counts as a statement)."""
        for name in {m.reason for m in marked}:
            self.rules.setdefault(name, RuleCounts()).articles += 1
        contents = [a.content for a in gold if a.content is not None]
        for m in marked:
            counts = self.rules.setdefault(m.reason, RuleCounts())
            counts.polnear_fired += 1
            span = ((m.start, m.end),)
            if _touches(span, contents):
                counts.polnear_overlap += 1
            if any(c == span for c in contents):
                counts.polnear_exact += 1

    def to_dict(self) -> dict[str, Any]:
        order = sorted(self.rules.items(), key=lambda kv: (-kv[1].polnear_fired - kv[1].gold_fired, kv[0]))
        return {name: counts.to_dict() for name, counts in order}


__all__ = ["RuleStats", "RuleCounts", "UNNAMED"]
