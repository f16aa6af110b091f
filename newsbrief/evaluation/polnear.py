"""PolNeAR (Newell, Margolin & Ruths, LREC 2018): reading its brat standoff
annotations and scoring newsbrief's quotes against them.

The corpus annotates *attributions*: a source, a cue and a content span
(each possibly discontinuous), linked by an event line ``E``. The scoring
follows the literature (PolNeAR paper; CofeNet, COLING 2022): for each of
source, cue and content separately, precision / recall / F1 under exact span
match and under overlap (the spans share at least one character after
normalisation), each span of a kind counted once per article (PolNeAR is
univocal: every token belongs to at most one attribution) and matched
one-to-one.

Mapping newsbrief output: a quote's ``speaker.mention`` is the source, its
``cue`` the cue and its span (the attribution's content) the content; quotes
that share one cue (the two halves of a split quote, or a partial quote
inside its reported clause) are one attribution whose content is the union
of their spans. Every type is scored (speech, belief, intention, evidence):
PolNeAR annotates them all, unlike newsbrief's seed-format gold, which holds
statements only.

Normalisation, applied the same way to both sides before comparing: every
fragment loses surrounding whitespace, punctuation and quote marks and a
leading complementizer "that", and fragments with only such characters
between them are joined (PolNeAR often marks a quote of two sentences as two
pieces; newsbrief gives one). PolNeAR's content includes the quote marks and
"that"; newsbrief's quote text leaves them out by design, and neither choice
is the one "right" boundary.

Articles annotated by several annotators have one ``.ann`` file each; the
scorer uses one per article, the first by annotator id (file name order).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError
from ..model import Quote
from .metrics import PRF, Fragments, match_greedy

ELEMENTS: tuple[str, ...] = ("source", "cue", "content")
SPLITS: tuple[str, ...] = ("train", "dev")

QUOTE_MARKS = "\"“”„«»‘’‚'`"
_DOUBLE_MARKS = frozenset("\"“”„«»")
STRIP_CHARS = string.whitespace + string.punctuation + "“”„«»‘’‚–—…\u00a0"
_THAT = re.compile(r"that(?=\s)", re.IGNORECASE)
# What stands between two statements of one cue that PolNeAR marks as one
# content: "said A and that B", "said A, but that B".
_COORDINATED_THAT_GAP = re.compile(r"[\s,;–—-]*(?:and|but|or)?[\s,]*that\s*", re.IGNORECASE)
_SET_OFF_BEFORE = re.compile(r"[,(—–](?:\s*[\w’']+){0,3}\s*\Z")
_SET_OFF_AFTER = re.compile(r"(?:\s*[\w’']+){0,3}\s*[,)—–]")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
# brat roles of an attribution event; Content2 is a second content piece.
_ROLES = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}


@dataclass(slots=True)
class Attribution:
    """One attribution: each element a span (tuple of fragments) or None.

    marked (bool): the content carries quote marks.
    """

    source: Fragments | None = None
    cue: Fragments | None = None
    content: Fragments | None = None
    marked: bool = False

    def element(self, name: str) -> Fragments | None:
        return getattr(self, name)


@dataclass(slots=True)
class PolnearDocument:
    """One article: its text and the attributions of the annotation used."""

    name: str
    text: str
    ann_path: Path
    attributions: list[Attribution] = field(default_factory=list)
    annotations_available: int = 1
    # The second annotator's attributions, where the article has several:
    # scored against the first, they measure how far people agree.
    second_attributions: list[Attribution] | None = None


def _merge(fragments: Iterable[tuple[int, int]]) -> Fragments:
    """Sorted fragments with overlapping or touching ones joined."""
    out: list[list[int]] = []
    for start, end in sorted(f for f in fragments if f[1] > f[0]):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((s, e) for s, e in out)


def normalize_fragment(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``text[start:end]`` past surrounding whitespace, punctuation
    and quote marks and a leading complementizer "that"."""
    while start < end and text[start] in STRIP_CHARS:
        start += 1
    while end > start and text[end - 1] in STRIP_CHARS:
        end -= 1
    m = _THAT.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
        while start < end and text[start] in STRIP_CHARS:
            start += 1
    return start, end


def normalize_span(text: str, span: Iterable[tuple[int, int]]) -> Fragments | None:
    """Normalise every fragment of a span, then join fragments that only
    punctuation, quote marks or whitespace separate (a quote of two sentences
    marked as two pieces covers the same words as one piece); None when
    nothing is left."""
    merged = _merge(normalize_fragment(text, s, e) for s, e in span)
    if not merged:
        return None
    joined = [list(merged[0])]
    for start, end in merged[1:]:
        if all(c in STRIP_CHARS for c in text[joined[-1][1] : start]):
            joined[-1][1] = end
        else:
            joined.append([start, end])
    return tuple((s, e) for s, e in joined)


def carries_quote_marks(text: str, span: Iterable[tuple[int, int]]) -> bool:
    """Whether a raw content span holds double quote marks, or a fragment is
    wrapped in single ones (a lone apostrophe does not count). The character
    just outside each fragment counts too, since newsbrief's spans exclude
    the marks."""
    for start, end in span:
        lo, hi = max(0, start - 1), min(len(text), end + 1)
        piece = text[lo:hi]
        if any(c in _DOUBLE_MARKS for c in piece):
            return True
        stripped = piece.strip(string.whitespace + ".,;:!?")
        if len(stripped) >= 2 and stripped[0] in "‘'" and stripped[-1] in "’'":
            return True
    return False


def parse_ann(text: str, ann: str) -> list[Attribution]:
    """The attributions of one brat ``.ann`` file over ``text``.

    Text-bound lines (``T``) give typed spans, possibly discontinuous
    ("start end;start end"); event lines (``E``) link them into attributions.
    Other lines (notes, continuation lines of a span's text that held a line
    break) are ignored; spans are taken from offsets, never from the line's
    text field.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = [
                (int(a), int(b)) for a, b in (piece.split() for piece in m.group(3).split(";"))
            ]
    attributions: list[Attribution] = []
    for line in ann.splitlines():
        m = _E_LINE.match(line)
        if not m:
            continue
        parts: dict[str, list[tuple[int, int]]] = {}
        for arg in m.group(2).split():
            role, _, ref = arg.partition(":")
            name = _ROLES.get(role)
            if name and ref in spans:
                parts.setdefault(name, []).extend(spans[ref])
        if not parts:
            continue
        content_raw = parts.get("content", [])
        attributions.append(
            Attribution(
                source=normalize_span(text, parts["source"]) if "source" in parts else None,
                cue=normalize_span(text, parts["cue"]) if "cue" in parts else None,
                content=normalize_span(text, content_raw) if content_raw else None,
                marked=bool(content_raw) and carries_quote_marks(text, content_raw),
            )
        )
    return attributions


def split_dir(root: Path, split: str) -> Path:
    """The folder holding ``text/`` and ``attributions/`` for ``split``:
    ``root`` itself when it is one, else ``root/data/<split>``.

    RAISES (InputError): E004 when neither exists.
    """
    for candidate in (root, root / "data" / split, root / split):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise InputError(Errors.E004, source=f"{root / 'data' / split} (PolNeAR text/ and attributions/)")


def is_polnear_dir(path: Path) -> bool:
    """Whether ``path`` looks like the PolNeAR root or one of its splits."""
    return path.is_dir() and (
        (path / "data").is_dir() and any((path / "data" / s / "attributions").is_dir() for s in SPLITS)
        or ((path / "text").is_dir() and (path / "attributions").is_dir())
    )


def load_polnear(root: Path, split: str = "dev", limit: int | None = None) -> list[PolnearDocument]:
    """Read one split: every article (sorted by name) with one annotation.

    RAISES (InputError): E004 when the split is not there.
    """
    base = split_dir(root, split)
    by_stem: dict[str, list[Path]] = {}
    for ann in (base / "attributions").glob("*.ann"):
        # Files are named <article>_<annotator>.ann.
        stem = ann.stem.rsplit("_", 1)[0]
        by_stem.setdefault(stem, []).append(ann)
    docs: list[PolnearDocument] = []
    for text_path in sorted((base / "text").glob("*.txt")):
        anns = sorted(by_stem.get(text_path.stem, []))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        ann_path = anns[0]
        docs.append(
            PolnearDocument(
                name=text_path.stem,
                text=text,
                ann_path=ann_path,
                attributions=parse_ann(text, ann_path.read_text(encoding="utf-8")),
                annotations_available=len(anns),
                second_attributions=parse_ann(text, anns[1].read_text(encoding="utf-8")) if len(anns) > 1 else None,
            )
        )
        if limit is not None and len(docs) >= limit:
            break
    return docs


def attributions_from_quotes(text: str, quotes: Iterable[Quote]) -> list[Attribution]:
    """newsbrief's quotes as PolNeAR-style attributions: quotes that share a
    cue become one attribution; a quote without a cue stands alone."""
    groups: dict[tuple[int, int] | int, list[Quote]] = {}
    for i, q in enumerate(quotes):
        key: tuple[int, int] | int = (q.cue.start, q.cue.end) if q.cue else i
        groups.setdefault(key, []).append(q)
    out: list[Attribution] = []
    for group in groups.values():
        mention = next((q.speaker.mention for q in group if q.speaker.mention), None)
        cue = group[0].cue
        raw = _join_coordinated(text, sorted(span for q in group for span in _without_own_cue(text, q)))
        out.append(
            Attribution(
                source=normalize_span(text, [(mention.start, mention.end)]) if mention else None,
                cue=normalize_span(text, [(cue.start, cue.end)]) if cue else None,
                content=normalize_span(text, raw),
                marked=any(q.kind in ("direct", "partial") for q in group) or carries_quote_marks(text, raw),
            )
        )
    return out


def _without_own_cue(text: str, quote: Quote) -> list[tuple[int, int]]:
    """A content as PolNeAR marks it: a statement its cue interrupts ("The
    plan, she said, will fail") is two content pieces around the source and
    cue, which newsbrief reports inside one content."""
    cue, mention = quote.cue, quote.speaker.mention
    if cue is None or not (quote.start < cue.start and cue.end < quote.end):
        return [(quote.start, quote.end)]
    lo, hi = cue.start, cue.end
    if mention is not None and quote.start < mention.start and mention.end < quote.end:
        lo, hi = min(lo, mention.start), max(hi, mention.end)
    # The interruption runs to the marks that set it off ("..., as the
    # paper reported, ..."): a few words past the source and cue at most.
    before = _SET_OFF_BEFORE.search(text, quote.start, lo)
    after = _SET_OFF_AFTER.match(text, hi, quote.end)
    return [(quote.start, before.start() + 1 if before else lo), (after.end() - 1 if after else hi, quote.end)]


def _join_coordinated(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Contents of one cue joined where only a conjunction and "that" stand
    between them: newsbrief reports each coordinated "that" clause as a
    statement of its own; PolNeAR's content is the whole coordination."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and out[-1][1] <= start and _COORDINATED_THAT_GAP.fullmatch(text, out[-1][1], start):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def annotator_agreement(docs: Iterable[PolnearDocument], split: str = "dev") -> PolnearScores:
    """How far PolNeAR's annotators agree under this scorer: on every article
    with two annotations, the second annotator's attributions scored as if
    they were predictions against the first's. The gold is one person's
    reading, so this is the reference point for a system scored the same way.
    """
    scores = PolnearScores(split=split)
    for doc in docs:
        if doc.second_attributions is not None:
            score_attributions(doc.attributions, doc.second_attributions, scores)
    return scores


def _any_overlap(g: Fragments, p: Fragments, ov: int) -> bool:
    return ov > 0


@dataclass(slots=True)
class PolnearScores:
    """Totals: ``scores[subset][element][measure]`` with subset "all" or
    "quote_marked", measure "exact" or "overlap"."""

    split: str = "dev"
    documents: int = 0
    annotation_files: int = 0
    gold_attributions: int = 0
    pred_attributions: int = 0
    scores: dict[str, dict[str, dict[str, PRF]]] = field(
        default_factory=lambda: {
            subset: {el: {"exact": PRF(), "overlap": PRF()} for el in ELEMENTS}
            for subset in ("all", "quote_marked")
        }
    )
    errors: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "split": self.split,
            "documents": self.documents,
            "annotation_files": self.annotation_files,
            "annotation_choice": "first .ann file by annotator id when an article has several",
            "gold_attributions": self.gold_attributions,
            "pred_attributions": self.pred_attributions,
            "errors": self.errors,
        }
        for subset, elements in self.scores.items():
            data[subset] = {el: {m: prf.to_dict() for m, prf in measures.items()} for el, measures in elements.items()}
        return data


def _unique(spans: Iterable[Fragments | None]) -> list[Fragments]:
    seen: dict[Fragments, None] = {}
    for s in spans:
        if s is not None:
            seen.setdefault(s, None)
    return list(seen)


def score_attributions(gold: list[Attribution], pred: list[Attribution], scores: PolnearScores) -> None:
    """Add one article's comparison to ``scores``."""
    scores.documents += 1
    scores.gold_attributions += len(gold)
    scores.pred_attributions += len(pred)
    for subset, keep in (("all", lambda a: True), ("quote_marked", lambda a: a.marked)):
        g_sub = [a for a in gold if keep(a)]
        p_sub = [a for a in pred if keep(a)]
        for el in ELEMENTS:
            g_spans = _unique(a.element(el) for a in g_sub)
            p_spans = _unique(a.element(el) for a in p_sub)
            exact = len(set(g_spans) & set(p_spans))
            scores.scores[subset][el]["exact"].add(exact, len(p_spans), len(g_spans))
            pairs = match_greedy(g_spans, p_spans, _any_overlap)
            scores.scores[subset][el]["overlap"].add(len(pairs), len(p_spans), len(g_spans))
