"""Where newsbrief's cue and source spans differ from PolNeAR's, by cause.

    python bench/polnear_spans.py SPLIT START END OUT.json [--examples N] [--element cue|source]

OUT.json is what the coordinator's cached-parse scorer writes (every quote of
every article, as ``Quote.to_dict``); the gold comes from PolNeAR itself
(``load_polnear``, under ``$NEWSBRIEF_POLNEAR`` or ``../shared/eval/polnear``).
For each gold cue or source that no prediction matches exactly, the nearest
prediction (most characters shared) and the words that one side has and the
other lacks, at each end, are classed by a named cause (an auxiliary, a
negation, a particle, "according to", a determiner, an apposition, a title,
a pronoun, no prediction at all ...). The causes are ranked by count, with a
few examples each: the list a boundary rule is chosen from. Analysis only:
nothing here is part of the package.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter, defaultdict
from pathlib import Path

from newsbrief.evaluation.polnear import attributions_from_quotes, load_polnear
from newsbrief.model import Quote

AUX = set(
    """
    has have had is was were are be been being will would can could may might must shall should do does
    did am 's 've 'd 'll
    """.split()
)
NEG = {"not", "n't", "never", "no"}
PRON = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "us", "me", "who", "which", "that"}
DET = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your"}
TITLES = set(
    """
    president sen. senator rep. gov. governor mr. mrs. ms. dr. secretary candidate former vice chairman
    speaker leader nominee republican democratic democrat gop u.s. attorney general minister prime chief
    director
    """.split()
)
PARTICLES = {"up", "out", "off", "down", "back", "on", "in", "over", "away", "about", "to", "for", "of", "with"}
WORD = re.compile(r"[\w.'’-]+|[^\w\s]")


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _chars(span: tuple[tuple[int, int], ...]) -> set[int]:
    return {k for s, e in span for k in range(s, e)}


def _side(text: str, gold: tuple[int, int], pred: tuple[int, int]) -> tuple[list[str], list[str]]:
    """Words gold has that pred lacks, and the reverse, at both ends."""
    (gs, ge), (ps, pe) = gold, pred
    g_extra = _words(text[gs:ps]) if gs < ps else []
    g_extra += _words(text[pe:ge]) if pe < ge else []
    p_extra = _words(text[ps:gs]) if ps < gs else []
    p_extra += _words(text[ge:pe]) if ge < pe else []
    return g_extra, p_extra


def _class(words: list[str], element: str, whole: str) -> str:
    if not words:
        return ""
    ws = set(words)
    if element == "cue":
        if "according" in ws:
            return "according to"
        if ws <= NEG | AUX and ws & NEG:
            return "negation"
        if ws <= AUX:
            return "auxiliary"
        if ws <= PARTICLES:
            return "particle/preposition"
        if ws <= {"to"}:
            return "to"
        if ws & PRON or ws & DET:
            return "determiner/pronoun"
        if "that" in ws:
            return "that"
        return "other words"
    if ws & {","} or ws & {"who", "which"}:
        return "apposition/relative"
    if ws <= DET:
        return "determiner"
    if ws & TITLES:
        return "title"
    if ws <= {"'s", "’s"}:
        return "possessive"
    return "other words"


def analyse(split: str, start: int, end: int | None, out: Path, element: str, examples: int) -> None:
    root = Path(os.environ.get("NEWSBRIEF_POLNEAR", "../shared/eval/polnear"))
    docs = load_polnear(root, split, None)[start:end]
    rows = json.loads(out.read_text())["rows"]
    assert len(rows) == len(docs), "OUT.json is for another slice"
    causes: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    n_gold = 0
    for pd, row in zip(docs, rows, strict=True):
        text = pd.text
        quotes = [Quote.from_dict(q) for q in row["quotes"]]
        preds = attributions_from_quotes(text, quotes)
        p_spans = {a.element(element) for a in preds if a.element(element)}
        content_chars = [(_chars(a.content), a) for a in preds if a.content]
        seen = set()
        for g in pd.attributions:
            span = g.element(element)
            if span is None or span in seen:
                continue
            seen.add(span)
            n_gold += 1
            if span in p_spans:
                continue
            gc = _chars(span)
            best = max(p_spans, key=lambda p: len(gc & _chars(p)), default=None)
            gtext = " | ".join(text[s:e] for s, e in span)
            if best is None or not gc & _chars(best):
                # No prediction overlaps: is the attribution found at all?
                found = g.content and any(len(_chars(g.content) & c) for c, _ in content_chars)
                if found:
                    a = max(content_chars, key=lambda ca: len(_chars(g.content) & ca[0]))[1]
                    other = a.element(element)
                    cause = f"no {element}, content found" if other is None else f"other {element}, content found"
                else:
                    cause = "attribution missed"
                if element == "source" and _words(gtext) and set(_words(gtext)) <= PRON:
                    cause += " (pronoun)"
                causes[cause] += 1
                if len(shown[cause]) < examples:
                    ptext = ""
                    if found and other is not None:
                        ptext = " | ".join(text[s:e] for s, e in other)
                    shown[cause].append(f"{pd.name}: gold [{gtext}] pred [{ptext}]")
                continue
            if len(span) != 1 or len(best) != 1:
                cause = "discontinuous"
            else:
                g_extra, p_extra = _side(text, span[0], best[0])
                parts = []
                if g_extra:
                    parts.append("gold+ " + _class(g_extra, element, gtext))
                if p_extra:
                    parts.append("pred+ " + _class(p_extra, element, gtext))
                cause = "; ".join(parts) or "inside"
            causes[cause] += 1
            if len(shown[cause]) < examples:
                ptext = " | ".join(text[s:e] for s, e in best)
                shown[cause].append(f"{pd.name}: gold [{gtext}] pred [{ptext}]")
    print(f"{element}: {n_gold} gold spans, {sum(causes.values())} not matched exactly")
    for cause, n in causes.most_common():
        print(f"{n:5d}  {cause}")
        for ex in shown[cause]:
            print("         " + ex.replace("\n", " "))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split")
    ap.add_argument("start", type=int)
    ap.add_argument("end")
    ap.add_argument("out", type=Path)
    ap.add_argument("--element", default="cue", choices=("cue", "source"))
    ap.add_argument("--examples", type=int, default=4)
    a = ap.parse_args()
    analyse(a.split, a.start, None if a.end == "None" else int(a.end), a.out, a.element, a.examples)


if __name__ == "__main__":
    main()
