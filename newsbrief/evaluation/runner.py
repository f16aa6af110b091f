"""Run the quote evaluation end to end: read gold data, analyse every article
in one batched ``analyze_many`` stream, score, and check floors.

Kept apart from the click command so that scripts and tests can call it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..api import analyze_many
from ..errors import Errors, InputError
from ..ingest import Article, read_json_file
from ..model import Brief, Failure
from ..pipeline import load_pipeline
from ..settings import Settings
from .polnear import (
    PolnearDocument,
    PolnearScores,
    annotator_agreement,
    attributions_from_quotes,
    is_polnear_dir,
    load_polnear,
    score_attributions,
)
from .quotes import GoldDocument, GoldScores, find_gold_files, load_gold_file, score_gold_document
from .rules import RuleStats

# Pipes that lemmatise a cue out of context; the parser, NER and newsbrief's
# stages are not needed for it.
_LEMMA_PIPES = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")


@dataclass(slots=True)
class GoldSources:
    """What to score against: seed-format gold files and PolNeAR folders."""

    gold_files: list[Path] = field(default_factory=list)
    polnear_roots: list[Path] = field(default_factory=list)


def classify_paths(paths: list[Path]) -> GoldSources:
    """Sort the GOLD arguments into seed-format files and PolNeAR folders.

    RAISES (InputError): E004 for a path that does not exist, E011 for a
        folder with neither gold files nor PolNeAR data.
    """
    sources = GoldSources()
    for path in paths:
        if not path.exists():
            raise InputError(Errors.E004, source=str(path))
        if is_polnear_dir(path):
            sources.polnear_roots.append(path)
            continue
        files = find_gold_files([path])
        if not files:
            raise InputError(
                Errors.E011,
                source=str(path),
                detail="no *.gold.json files and no PolNeAR data (data/<split>/attributions) in this folder",
            )
        sources.gold_files.extend(files)
    return sources


def make_lemmatizer(nlp: Language) -> Callable[[str], list[str]]:
    """A cached function giving the lemmas of a short text (a cue)."""
    enabled = [name for name in _LEMMA_PIPES if name in nlp.pipe_names]

    @lru_cache(maxsize=4096)
    def lemmas(text: str) -> tuple[str, ...]:
        with nlp.select_pipes(enable=enabled):
            return tuple(t.lemma_.lower() for t in nlp(text) if not t.is_space)

    return lambda text: list(lemmas(text))


def run_evaluation(
    sources: GoldSources,
    *,
    split: str = "dev",
    limit: int | None = None,
    settings: Settings | None = None,
    nlp: Language | None = None,
    details: bool = False,
    rules: bool = False,
) -> dict[str, Any]:
    """Analyse every gold article and score the results.

    split (str): the PolNeAR split ("train" or "dev").
    limit (int | None): at most this many PolNeAR articles per root.
    details (bool): also list mismatched, missed and spurious gold-file quotes.
    rules (bool): also count, per rule name, how often it fired and was
        right (``report["rules"]``, see ``evaluation.rules``).
    RETURNS (dict): ``{"gold": {...} | None, "polnear": {...} | None,
        "articles": n, "seconds": s}`` (and ``"rules"`` when asked).
    """
    started = time.perf_counter()
    settings = settings or Settings.from_env()
    gold_docs: list[GoldDocument] = [load_gold_file(p) for p in sources.gold_files]
    polnear_docs: list[PolnearDocument] = []
    for root in sources.polnear_roots:
        polnear_docs.extend(load_polnear(root, split, limit))
    nlp = nlp or load_pipeline(settings.model)

    articles = [Article(text=d.text, source=str(d.path)) for d in gold_docs]
    articles += [Article(text=d.text, source=str(d.ann_path)) for d in polnear_docs]
    results: list[Brief | Failure] = list(analyze_many(articles, settings=settings, nlp=nlp, on_error="yield"))

    report: dict[str, Any] = {"gold": None, "polnear": None, "articles": len(articles)}
    rule_stats = RuleStats() if rules else None
    if gold_docs:
        gold_scores = GoldScores()
        lemmatize = make_lemmatizer(nlp)
        for doc, result in zip(gold_docs, results[: len(gold_docs)], strict=True):
            if isinstance(result, Failure):
                gold_scores.errors.append({"document": doc.id, "error": result.message})
                result = Brief(text=doc.text, source=str(doc.path))
            score_gold_document(doc, result, gold_scores, lemmatize)
            if rule_stats is not None:
                rule_stats.add_gold(doc.text, [(q.start, q.end) for q in doc.quotes if q.located], result.quotes)
                rule_stats.add_marked_gold(
                    doc.text, [(q.start, q.end) for q in doc.not_quotes if q.located], result.marked
                )
        report["gold"] = gold_scores.to_dict(details=details)
    if polnear_docs:
        pn_scores = PolnearScores(split=split)
        for doc, result in zip(polnear_docs, results[len(gold_docs) :], strict=True):
            pn_scores.annotation_files += doc.annotations_available
            if isinstance(result, Failure):
                pn_scores.errors.append({"document": doc.name, "error": result.message})
                result = Brief(text=doc.text)
            score_attributions(doc.attributions, attributions_from_quotes(doc.text, result.quotes), pn_scores)
            if rule_stats is not None:
                rule_stats.add_polnear(doc.text, doc.attributions, result.quotes)
                rule_stats.add_marked_polnear(doc.attributions, result.marked)
        report["polnear"] = pn_scores.to_dict()
        agreement = annotator_agreement(polnear_docs, split)
        if agreement.documents:
            report["polnear_agreement"] = agreement.to_dict()
    if rule_stats is not None:
        report["rules"] = rule_stats.to_dict()
    report["seconds"] = round(time.perf_counter() - started, 2)
    return report


def metric(report: dict[str, Any], dotted: str) -> float | None:
    """The value at a dotted path ("gold.quotes.f1") in a report, or None."""
    node: Any = report
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return float(node) if isinstance(node, int | float) else None


@dataclass(slots=True)
class FloorsFile:
    """A CI gate: what to evaluate and the least each metric may score.

    Paths in the file are relative to the file's own folder.
    """

    path: Path
    sources: GoldSources
    split: str
    limit: int | None
    floors: dict[str, float]


def read_floors(path: Path) -> FloorsFile:
    """Read a floors file (see ``eval/floors.json``).

    RAISES (InputError): E004 missing, E009 malformed JSON, E011 wrong layout.
    """
    data = read_json_file(path)
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict) or not all(isinstance(v, int | float) for v in floors.values()):
        raise InputError(Errors.E011, source=str(path), detail="expected a 'floors' object of metric: number")
    base = path.resolve().parent
    gold = [base / p for p in data.get("gold", [])]
    polnear = data.get("polnear") or {}
    roots = [base / polnear["root"]] if polnear.get("root") else []
    sources = classify_paths(gold + roots)
    return FloorsFile(
        path=path,
        sources=sources,
        split=str(polnear.get("split", "dev")),
        limit=polnear.get("limit"),
        floors={k: float(v) for k, v in floors.items()},
    )


def check_floors(report: dict[str, Any], floors: dict[str, float]) -> list[dict[str, Any]]:
    """Each floor with the measured value and whether it holds (a metric
    absent from the report fails)."""
    rows = []
    for name, floor in floors.items():
        value = metric(report, name)
        rows.append({"metric": name, "floor": floor, "value": value, "ok": value is not None and value >= floor})
    return rows
