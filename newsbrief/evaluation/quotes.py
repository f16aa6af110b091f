"""Scoring quotes against gold files in newsbrief's own format (the seed's).

A gold file ``NAME.gold.json`` lists quotes as ``text``, ``kind``
(direct/partial/indirect), canonical ``speaker`` and ``cue`` lemma, without
offsets; the article is ``NAME.txt`` beside it. The rules, in short:

* **Locating gold quotes.** Each gold text is searched in the article; when
  the same text is listed several times, the n-th listing takes the n-th
  occurrence. A text not found verbatim is searched again with whitespace and
  quote-mark variants folded; one still not found is reported and counts as
  missed.
* **What is scored.** The gold holds statements, so only the attributions
  that report speech are scored: type ``speech``, or any attribution with
  ``verbatim`` spans (words in quote marks were said by someone, whatever
  the cue).
* **Matching.** Both sides are trimmed of whitespace, punctuation and quote
  marks at both ends. A gold quote is found when its span and the content
  of an attribution, or one of its verbatim spans, overlap by an IoU of at
  least 0.5. Pairs are one-to-one between gold quotes and those pieces,
  best IoU first, so one attribution can stand for a gold reported clause
  (its content) and the gold fragments inside it (its verbatim spans); an
  attribution none of whose pieces matches a gold quote is a false
  positive.
* **Detection.** Recall: gold quotes found over all gold quotes; precision:
  attributions that matched over all scored attributions. Per kind K:
  recall of the gold quotes of kind K found by a piece of kind K, precision
  of the attributions of kind K. The kind of a piece is the kind of its
  attribution, except that a verbatim span of a partial attribution reads
  as ``partial`` and the content of a partial attribution around it (the
  writer's reported clause) as ``indirect``, which is how the seed format
  marks the two. On matched pairs: kind accuracy, cue accuracy (the
  predicted cue's lemma against the gold lemma) and speaker accuracy.
* **Speakers** are compared case-insensitively after dropping a leading
  determiner. *Lenient* (the headline figure) also accepts a surname-style
  form of the gold name: all its tokens are among the gold name's tokens and
  the last tokens agree ("Ruiz" for "Ana Ruiz"). *Exact* needs equality.
* **Marks that are not speech.** A gold file may list ``not_quotes``: words in
  quote marks that are not speech (names, titles, scare quotes, words
  mentioned as words), each with a ``type``. One is *reported* when a piece of
  a scored attribution matches it (the same IoU rule), and *listed* when an
  item of the brief's ``marked`` does. ``non_speech.kept_out`` is the share
  not reported (the figure a floor can hold up), ``non_speech.listed`` the
  share the engine listed as not speech.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError
from ..ingest import read_json_file
from ..model import Brief, Quote
from .metrics import PRF, Accuracy, iou, trim_span

KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
DETERMINERS: frozenset[str] = frozenset({"the", "a", "an"})
GOLD_SUFFIX = ".gold.json"

# Characters folded together when a gold text is not found verbatim.
_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " "})


@dataclass(slots=True)
class GoldQuote:
    """One gold quote, located in the article.

    start/end (int): offsets in the article; -1 when it could not be found.
    """

    text: str
    kind: str
    speaker: str | None
    cue: str | None
    start: int = -1
    end: int = -1

    @property
    def located(self) -> bool:
        return self.start >= 0


@dataclass(slots=True)
class GoldDocument:
    """A gold file and its article."""

    id: str
    path: Path
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)
    # Marked spans that are not speech (``not_quotes``), located like quotes;
    # ``kind`` holds the gold type (name/title/scare/word).
    not_quotes: list[GoldQuote] = field(default_factory=list)

    @property
    def missing(self) -> list[GoldQuote]:
        """Gold quotes whose text is not in the article."""
        return [q for q in self.quotes if not q.located]


def _fold(text: str) -> str:
    return text.translate(_QUOTE_FOLD)


def _find_folded(text: str, needle: str, start: int) -> tuple[int, int] | None:
    """Find ``needle`` in ``text`` from ``start`` with quote marks folded and
    any run of whitespace matching any other; (start, end) or None."""
    words = _fold(needle).split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    m = pattern.search(_fold(text), start)  # folding keeps lengths, so offsets hold
    return (m.start(), m.end()) if m else None


# Marks that open or close a marked stretch, and what may stand between the
# stretch and its closing mark ('"surplus,"').
_OPENING_MARKS = frozenset("\"'“‘„«‹")
_CLOSING_MARKS = frozenset("\"'”’»›")
_BEFORE_CLOSING = frozenset(".,;:!?")


def _in_marks(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands between quote marks."""
    if start == 0 or text[start - 1] not in _OPENING_MARKS:
        return False
    i = end
    while i < len(text) and text[i] in _BEFORE_CLOSING:
        i += 1
    return i < len(text) and text[i] in _CLOSING_MARKS


def _find(text: str, key: str, begin: int) -> tuple[int, int] | None:
    pos = text.find(key, begin)
    return (pos, pos + len(key)) if pos >= 0 else _find_folded(text, key, begin)


def locate_quotes(text: str, quotes: list[GoldQuote], *, marked: bool = False) -> None:
    """Give each gold quote its offsets in ``text`` (in place). The n-th
    listing of a text takes its n-th occurrence. With ``marked`` (the gold
    ``not_quotes``, which are marked stretches by definition), occurrences
    that stand between quote marks come first: 'surplus' in plain words
    before the marked '"surplus"' is not the listed stretch."""
    next_from: dict[str, int] = {}
    for q in quotes:
        key = q.text.strip()
        if not key:
            continue
        begin = next_from.get(key, 0)
        found = _find(text, key, begin)
        if marked:
            candidate = found
            while candidate is not None and not _in_marks(text, *candidate):
                candidate = _find(text, key, candidate[0] + 1)
            found = candidate or found
        if found is None:
            continue
        q.start, q.end = found
        next_from[key] = found[0] + 1


def gold_text_path(gold_path: Path) -> Path:
    """The article beside a gold file: ``NAME.gold.json`` -> ``NAME.txt``."""
    name = gold_path.name
    stem = name[: -len(GOLD_SUFFIX)] if name.endswith(GOLD_SUFFIX) else gold_path.stem
    return gold_path.with_name(stem + ".txt")


def load_gold_file(path: Path) -> GoldDocument:
    """Read one gold file and its article, and locate its quotes.

    RAISES (InputError): E004 when the file or its article is missing, E009
        when the JSON is malformed, E011 when it is not a gold file.
    """
    data = read_json_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("quotes"), list):
        raise InputError(
            Errors.E011, source=str(path), detail="not a newsbrief gold file (expected an object with a 'quotes' list)"
        )
    text_path = gold_text_path(path)
    if not text_path.is_file():
        raise InputError(Errors.E004, source=f"{text_path} (the article for {path.name})")
    text = text_path.read_bytes().decode("utf-8", errors="replace")
    quotes: list[GoldQuote] = []
    for i, item in enumerate(data["quotes"]):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(Errors.E011, source=str(path), detail=f"quote {i} has no 'text' string")
        quotes.append(
            GoldQuote(
                text=item["text"],
                kind=str(item.get("kind", "")),
                speaker=item.get("speaker"),
                cue=item.get("cue"),
            )
        )
    locate_quotes(text, quotes)
    not_quotes: list[GoldQuote] = []
    for i, item in enumerate(data.get("not_quotes") or []):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(Errors.E011, source=str(path), detail=f"not_quotes {i} has no 'text' string")
        not_quotes.append(GoldQuote(text=item["text"], kind=str(item.get("type", "")), speaker=None, cue=None))
    locate_quotes(text, not_quotes, marked=True)
    return GoldDocument(
        id=str(data.get("id") or path.name), path=path, text=text, quotes=quotes, not_quotes=not_quotes
    )


def find_gold_files(paths: Iterable[Path]) -> list[Path]:
    """Gold files named directly, or found (sorted) in the folders named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob("*" + GOLD_SUFFIX)))
        else:
            found.append(path)
    return found


def name_tokens(name: str | None) -> list[str]:
    """A canonical name as lower-case tokens without a leading determiner."""
    if not name:
        return []
    tokens = re.findall(r"[\w'’.-]+", name.lower())
    tokens = [t.strip(".") for t in tokens if t.strip(".")]
    if tokens and tokens[0] in DETERMINERS:
        tokens = tokens[1:]
    return tokens


def speaker_matches(pred: str | None, gold: str | None, *, strict: bool = False) -> bool:
    """Whether a predicted canonical speaker name counts as the gold one.

    strict (bool): require equality (after case and determiner); otherwise
        also accept a surname-style form of a proper name: the prediction is
        capitalised like a name, every predicted token is among the gold
        tokens and the last tokens agree ("Ruiz" ~ "Ana Ruiz"). A description
        never gets this leniency: "the official" does not match "a senior
        State Department official", which would not tell two officials apart.
    """
    p, g = name_tokens(pred), name_tokens(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    if strict or not _is_proper_name(pred):
        return False
    return p[-1] == g[-1] and set(p) <= set(g)


def _is_proper_name(name: str | None) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", name or "") if w.lower() not in DETERMINERS]
    return bool(words) and all(w[0].isupper() for w in words)


def cue_matches(pred_lemmas: Iterable[str], gold_cue: str | None) -> bool:
    """Whether any lemma form of the predicted cue equals the gold lemma."""
    if not gold_cue:
        return False
    gold = " ".join(gold_cue.lower().split())
    return any(" ".join(p.lower().split()) == gold for p in pred_lemmas)


def cue_forms(quote: Quote, lemmatize: Callable[[str], list[str]]) -> list[str]:
    """The forms a predicted cue may be compared by: its text, its lemmas
    joined, and each lemma alone ("according to" -> "accord to", "accord")."""
    if quote.cue is None:
        return []
    lemmas = lemmatize(quote.cue.text)
    return [quote.cue.text, " ".join(lemmas), *lemmas]


# A gold quote and a piece of an attribution match from this IoU up.
MIN_IOU = 0.5


def is_statement(quote: Quote) -> bool:
    """Whether an attribution reports speech (see module doc)."""
    return quote.type == "speech" or bool(quote.verbatim)


def quote_pieces(quote: Quote) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the spans a gold quote may match in one
    attribution: its content and each verbatim span, once each."""
    if quote.kind == "partial":
        around = any((v.start, v.end) != (quote.start, quote.end) for v in quote.verbatim)
        content_kind = "indirect" if around else "partial"
    else:
        content_kind = quote.kind
    pieces = [(quote.start, quote.end, content_kind)]
    for v in quote.verbatim:
        if (v.start, v.end) != (quote.start, quote.end):
            pieces.append((v.start, v.end, "partial" if quote.kind == "partial" else quote.kind))
    return pieces


def match_pieces(
    text: str, gold: list[GoldQuote], pred: list[Quote]
) -> list[tuple[int, int, int]]:
    """One-to-one pairs ``(gold_index, pred_index, piece_index)`` between gold
    quotes and the pieces of the attributions (``quote_pieces``), by IoU of
    the trimmed spans >= ``MIN_IOU``, best first."""
    return match_span_pieces(text, [(g.start, g.end) for g in gold], pred)


def match_span_pieces(
    text: str, gold: list[tuple[int, int]], pred: list[Quote]
) -> list[tuple[int, int, int]]:
    """``match_pieces`` for gold given as ``(start, end)`` character spans."""
    gold_spans = [trim_span(text, s, e) for s, e in gold]
    candidates: list[tuple[float, int, int, int]] = []
    for pi, p in enumerate(pred):
        for ki, (start, end, _) in enumerate(quote_pieces(p)):
            span = trim_span(text, start, end)
            for gi, g in enumerate(gold_spans):
                score = iou(g, span)
                if score >= MIN_IOU:
                    candidates.append((-score, gi, pi, ki))
    candidates.sort()
    used_gold: set[int] = set()
    used_piece: set[tuple[int, int]] = set()
    pairs: list[tuple[int, int, int]] = []
    for _, gi, pi, ki in candidates:
        if gi in used_gold or (pi, ki) in used_piece:
            continue
        used_gold.add(gi)
        used_piece.add((pi, ki))
        pairs.append((gi, pi, ki))
    pairs.sort()
    return pairs


@dataclass(slots=True)
class GoldScores:
    """Running totals over gold documents."""

    documents: int = 0
    quotes: PRF = field(default_factory=PRF)
    kinds: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in KINDS})
    kind_accuracy: Accuracy = field(default_factory=Accuracy)
    cue_accuracy: Accuracy = field(default_factory=Accuracy)
    speaker_accuracy: Accuracy = field(default_factory=Accuracy)
    speaker_exact_accuracy: Accuracy = field(default_factory=Accuracy)
    missing_gold: list[dict[str, str]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    non_speech_kept_out: Accuracy = field(default_factory=Accuracy)
    non_speech_listed: Accuracy = field(default_factory=Accuracy)

    def to_dict(self, *, details: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "documents": self.documents,
            "quotes": self.quotes.to_dict(),
            "kinds": {k: v.to_dict() for k, v in self.kinds.items()},
            "kind_accuracy": self.kind_accuracy.to_dict(),
            "cue_accuracy": self.cue_accuracy.to_dict(),
            "speaker_accuracy": self.speaker_accuracy.to_dict(),
            "speaker_exact_accuracy": self.speaker_exact_accuracy.to_dict(),
            "missing_gold": self.missing_gold,
            "errors": self.errors,
            "non_speech": {
                "gold": self.non_speech_kept_out.total,
                "reported": self.non_speech_kept_out.total - self.non_speech_kept_out.correct,
                "kept_out": self.non_speech_kept_out.to_dict(),
                "listed": self.non_speech_listed.to_dict(),
            },
        }
        if details:
            data["mismatches"] = self.mismatches
        return data


def score_gold_document(
    gold: GoldDocument,
    brief: Brief,
    scores: GoldScores,
    lemmatize: Callable[[str], list[str]],
) -> None:
    """Add one document's comparison to ``scores``.

    lemmatize (Callable[[str], list[str]]): lemmas of a cue text.
    """
    scores.documents += 1
    located = [q for q in gold.quotes if q.located]
    for q in gold.missing:
        scores.missing_gold.append({"document": gold.id, "text": q.text})
    pred = [q for q in brief.quotes if is_statement(q)]
    pairs = match_pieces(gold.text, located, pred)
    matched_pred = {pi for _, pi, _ in pairs}
    # Unlocatable gold quotes still count as gold: the engine missed them.
    scores.quotes.add_counts(len(matched_pred), len(pairs), len(pred), len(gold.quotes))
    piece_kind = {(pi, ki): quote_pieces(pred[pi])[ki][2] for _, pi, ki in pairs}
    for kind in KINDS:
        of_kind = [pi for pi, q in enumerate(pred) if q.kind == kind]
        hits = sum(located[gi].kind == kind and piece_kind[(pi, ki)] == kind for gi, pi, ki in pairs)
        n_gold = sum(q.kind == kind for q in gold.quotes)
        scores.kinds[kind].add_counts(sum(pi in matched_pred for pi in of_kind), hits, len(of_kind), n_gold)
    for gi, pi, ki in pairs:
        g, p = located[gi], pred[pi]
        p_kind = piece_kind[(pi, ki)]
        scores.kind_accuracy.add(g.kind == p_kind)
        cue_ok = cue_matches(cue_forms(p, lemmatize), g.cue)
        if g.cue:
            scores.cue_accuracy.add(cue_ok)
        speaker_ok = strict_ok = False
        if g.speaker:
            speaker_ok = speaker_matches(p.speaker.name, g.speaker)
            strict_ok = speaker_matches(p.speaker.name, g.speaker, strict=True)
            scores.speaker_accuracy.add(speaker_ok)
            scores.speaker_exact_accuracy.add(strict_ok)
        if g.kind != p_kind or (g.cue and not cue_ok) or (g.speaker and not speaker_ok):
            scores.mismatches.append(
                {
                    "document": gold.id,
                    "gold": {"text": g.text, "kind": g.kind, "speaker": g.speaker, "cue": g.cue},
                    "pred": {"text": p.text, "kind": p_kind, "speaker": p.speaker.name,
                             "cue": p.cue.text if p.cue else None},
                }
            )
    matched_gold = {gi for gi, _, _ in pairs}
    for gi, g in enumerate(located):
        if gi not in matched_gold:
            scores.mismatches.append({"document": gold.id, "missed": {"text": g.text, "kind": g.kind}})
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            scores.mismatches.append({"document": gold.id, "spurious": {"text": p.text, "kind": p.kind}})
    score_not_quotes(gold, brief, pred, scores)


def score_not_quotes(gold: GoldDocument, brief: Brief, pred: list[Quote], scores: GoldScores) -> None:
    """Count the gold ``not_quotes`` that a scored attribution reports (by a
    piece, the matching rule above) and those the brief lists as ``marked``."""
    pieces = [trim_span(gold.text, s, e) for p in pred for s, e, _ in quote_pieces(p)]
    listed = [trim_span(gold.text, m.start, m.end) for m in brief.marked]
    for g in gold.not_quotes:
        if not g.located:
            scores.missing_gold.append({"document": gold.id, "text": g.text})
            continue
        span = trim_span(gold.text, g.start, g.end)
        reported = any(iou(span, piece) >= MIN_IOU for piece in pieces)
        scores.non_speech_kept_out.add(not reported)
        scores.non_speech_listed.add(any(iou(span, m) >= MIN_IOU for m in listed))
        if reported:
            scores.mismatches.append({"document": gold.id, "non_speech_reported": {"text": g.text, "type": g.kind}})
