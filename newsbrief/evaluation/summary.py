"""Scoring summaries with ROUGE, beside the usual baselines.

Every method gets the same sentences: spaCy's, from the same parse of each
article. Lead-N takes the first N; the sumy rankers (LexRank, TextRank, LSA,
Luhn) are given a sumy document built from those sentences and spaCy's
tokens, so they need no NLTK data and see exactly what newsbrief sees.
ROUGE is Google's ``rouge-score`` with stemming: ROUGE-1, ROUGE-2 and
ROUGE-Lsum (summary-level LCS, one sentence a line), F1 x 100, averaged over
articles.

Data files (``load_summary_data``):

* JSON Lines with ``article`` and either ``reference_highlights_tokenized``
  (CNN/DailyMail as in FRANK: sentences separated by " . ") or ``reference``
  / ``summary`` / ``highlights`` (one string, or a list of sentences);
* a gold file in newsbrief's seed format (``*.gold.json`` with a ``summary``
  field), the article being the ``.txt`` file beside it.

``rouge-score`` and ``sumy`` are the ``[eval]`` extras, imported only when
used; E015 says how to install them.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ..errors import Errors, InputError, SetupError
from ..ingest import read_json_file
from .quotes import gold_text_path

ROUGE_TYPES: tuple[str, ...] = ("rouge1", "rouge2", "rougeLsum")
SUMY_METHODS: tuple[str, ...] = ("lexrank", "textrank", "lsa", "luhn")
# PTB escapes in the tokenized CNN/DailyMail references, put back so that
# every method is compared with the same words.
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}
_PTB_RE = re.compile("|".join(re.escape(k) for k in _PTB))


@dataclass(slots=True)
class SummaryExample:
    """One article with its reference summary.

    id (str): an identifier from the data, or the line number.
    article (str): the article text.
    reference (list[str]): the reference summary, one sentence an item.
    """

    id: str
    article: str
    reference: list[str]


def _reference_sentences(row: dict[str, Any]) -> list[str] | None:
    if isinstance(row.get("reference_highlights_tokenized"), str):
        parts = row["reference_highlights_tokenized"].split(" . ")
        return [_PTB_RE.sub(lambda m: _PTB[m.group(0)], p).strip() for p in parts if p.strip()]
    for key in ("reference", "summary", "highlights", "abstract"):
        value = row.get(key)
        if isinstance(value, str) and value.strip():
            return [line.strip() for line in value.splitlines() if line.strip()]
        if isinstance(value, list) and value:
            return [str(s).strip() for s in value if str(s).strip()]
    return None


def load_summary_data(path: str | Path, *, limit: int | None = None) -> list[SummaryExample]:
    """Articles and reference summaries from a JSON Lines file or a seed-format
    gold file (chosen by the file name: ``.json`` is a gold file).

    path (str | Path): the data file.
    limit (int | None): read at most this many articles.
    RETURNS (list[SummaryExample]): in file order.
    RAISES (InputError): E004 (missing), E009 (bad JSON), E011 (no article or
        reference in a record).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(Errors.E004, source=str(path))
    if path.suffix == ".json":
        gold = read_json_file(path)
        article_path = gold_text_path(path)
        name = article_path.stem
        reference = _reference_sentences(gold) if isinstance(gold, dict) else None
        if not reference:
            raise InputError(Errors.E011, source=str(path), detail="no 'summary' field to score against")
        if not article_path.is_file():
            raise InputError(Errors.E011, source=str(path), detail=f"the article {article_path.name} is not beside it")
        article = article_path.read_bytes().decode("utf-8")
        return [SummaryExample(str(gold.get("id") or name), article, reference)]
    examples: list[SummaryExample] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and len(examples) >= limit:
                break
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(Errors.E009, source=f"{path}:{number}", detail=str(exc)) from None
            reference = _reference_sentences(row) if isinstance(row, dict) else None
            article = row.get("article") or row.get("text") if isinstance(row, dict) else None
            if not isinstance(article, str) or not article.strip() or not reference:
                raise InputError(
                    Errors.E011, source=f"{path}:{number}", detail="a record needs 'article' and a reference summary"
                )
            examples.append(SummaryExample(str(row.get("id") or number), article, reference))
    return examples


def sentence_texts(doc: Doc) -> list[str]:
    """spaCy's sentences of ``doc`` with text, whitespace trimmed."""
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def lead(doc: Doc, n: int) -> list[str]:
    """The Lead-N baseline: the first ``n`` sentences."""
    return sentence_texts(doc)[:n]


class _SpacyTokenizer:
    """A sumy tokenizer that answers from spaCy's analysis of the same doc,
    so sumy needs no NLTK data (sumy calls ``to_words`` on sentence text)."""

    def __init__(self, doc: Doc) -> None:
        self.words: dict[str, tuple[str, ...]] = {}
        for sent in doc.sents:
            text = sent.text.strip()
            if text:
                self.words[text] = tuple(t.text for t in sent if any(ch.isalnum() for ch in t.text))

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s for s in self.words if s in paragraph)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return self.words.get(sentence.strip(), tuple(sentence.split()))


def _require(module: str, what: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise SetupError(Errors.E015, source=what, detail=module.split(".")[0]) from None


def make_sumy_summarizer(method: str) -> Callable[[Doc, int], list[str]]:
    """A function ``(doc, n) -> sentences`` running one of sumy's rankers
    (``lexrank``, ``textrank``, ``lsa``, ``luhn``) on spaCy's sentences.

    RAISES (SetupError): E015 when sumy is not installed.
    """
    _require("sumy", f"sumy {method}")
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    classes = {
        "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
        "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
        "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
        "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    }
    module, name = classes[method]
    summarizer = getattr(_require(module, f"sumy {method}"), name)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(doc: Doc, n: int) -> list[str]:
        tokenizer = _SpacyTokenizer(doc)
        sentences = [Sentence(text, tokenizer) for text in tokenizer.words]
        if not sentences:
            return []
        document = ObjectDocumentModel([Paragraph(sentences)])
        return [str(s) for s in summarizer(document, n)]

    return run


class RougeScorer:
    """ROUGE-1/2/Lsum F1 x 100 with stemming (Google's rouge-score).

    RAISES (SetupError): E015 when rouge-score is not installed.
    """

    def __init__(self) -> None:
        rouge = _require("rouge_score.rouge_scorer", "ROUGE")
        self._scorer = rouge.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)

    def score(self, summary: Sequence[str], reference: Sequence[str]) -> dict[str, float]:
        """F1 x 100 per ROUGE type; sentences go on separate lines for Lsum."""
        scores = self._scorer.score("\n".join(reference), "\n".join(summary))
        return {k: 100.0 * scores[k].fmeasure for k in ROUGE_TYPES}


@dataclass(slots=True)
class MethodResult:
    """One method's averages: ROUGE F1 x 100 and milliseconds per article."""

    name: str
    scores: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in ROUGE_TYPES})
    seconds: float = 0.0
    words: int = 0

    def add(self, rouge: dict[str, float], seconds: float, words: int) -> None:
        for k in ROUGE_TYPES:
            self.scores[k].append(rouge[k])
        self.seconds += seconds
        self.words += words

    @property
    def n(self) -> int:
        return len(self.scores[ROUGE_TYPES[0]])

    def mean(self, rouge_type: str, part: slice | None = None) -> float:
        values = self.scores[rouge_type][part] if part else self.scores[rouge_type]
        return sum(values) / len(values) if values else 0.0

    def to_dict(self) -> dict[str, Any]:
        n = max(1, self.n)
        data: dict[str, Any] = {k: round(self.mean(k), 2) for k in ROUGE_TYPES}
        data["ms_per_article"] = round(1000.0 * self.seconds / n, 3)
        data["words_per_summary"] = round(self.words / n, 1)
        return data


def score_methods(
    docs: Iterable[tuple[Doc, Sequence[str]]],
    methods: dict[str, Callable[[Doc, int], list[str]]],
    n: int,
    scorer: RougeScorer,
) -> dict[str, MethodResult]:
    """Run every method on every doc and score it against the reference.

    docs: (parsed article, reference sentences) pairs.
    methods: name -> function (doc, n) -> summary sentences.
    n (int): summary length in sentences.
    RETURNS (dict[str, MethodResult]): by method name, in the order given.
    """
    results = {name: MethodResult(name) for name in methods}
    for doc, reference in docs:
        for name, method in methods.items():
            start = time.perf_counter()
            summary = method(doc, n)
            elapsed = time.perf_counter() - start
            results[name].add(scorer.score(summary, reference), elapsed, sum(len(s.split()) for s in summary))
    return results


def format_table(results: Sequence[MethodResult], *, extra: dict[str, str] | None = None) -> str:
    """A plain-text table: method, R-1, R-2, R-Lsum, words, ms/article."""
    lines = [f"{'method':<22}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-Lsum':>12}{'words':>8}{'ms/article':>12}"]
    for r in results:
        d = r.to_dict()
        lines.append(
            f"{r.name:<22}{d['rouge1']:>9.2f}{d['rouge2']:>9.2f}{d['rougeLsum']:>12.2f}"
            f"{d['words_per_summary']:>8.1f}{d['ms_per_article']:>12.2f}"
        )
    for key, value in (extra or {}).items():
        lines.append(f"{key}: {value}")
    return "\n".join(lines)


def evaluate_summaries(
    examples: Sequence[SummaryExample],
    *,
    sentences: int = 3,
    methods: Sequence[str] = ("lead", "lexrank", "textrank", "lsa", "luhn"),
    nlp: Any = None,
    batch_size: int = 32,
) -> dict[str, Any]:
    """Parse every article once, then summarise it with newsbrief and each
    baseline and score all of them with ROUGE, in one run.

    examples (Sequence[SummaryExample]): articles with references.
    sentences (int): summary length for every method.
    methods (Sequence[str]): baselines: "lead" and sumy's rankers.
    nlp (Language | None): the newsbrief pipeline (default: ``load_pipeline()``).
    batch_size (int): for ``nlp.pipe``.
    RETURNS (dict): ``articles``, ``sentences``, ``methods`` (name -> ROUGE F1 x 100,
        ms per article, words per summary), ``analyze_ms_per_article`` (the
        whole pipeline with the summary stage) and ``parse_ms_per_article``.
    RAISES (SetupError): E015 when rouge-score or sumy is missing.
    """
    scorer = RougeScorer()
    runners: dict[str, Callable[[Doc, int], list[str]]] = {}
    if nlp is None:
        from ..pipeline import load_pipeline

        nlp = load_pipeline()
    stage = nlp.get_pipe("newsbrief_summary")

    def newsbrief_summary(doc: Doc, n: int) -> list[str]:
        return [s["text"] for s in stage(doc, sentences=n)._.nb_summary]

    runners["newsbrief"] = newsbrief_summary
    for name in methods:
        runners[f"Lead-{sentences}" if name == "lead" else f"sumy {name}"] = (
            lead if name == "lead" else make_sumy_summarizer(name)
        )
    # The parse (every stage but the summary) is shared by all methods and
    # timed once; the summary stage is timed as newsbrief's own cost.
    start = time.perf_counter()
    with nlp.select_pipes(disable=["newsbrief_summary"]):
        docs = list(nlp.pipe((e.article for e in examples), batch_size=batch_size))
    parse_seconds = time.perf_counter() - start
    results = score_methods(zip(docs, (e.reference for e in examples), strict=True), runners, sentences, scorer)
    n = max(1, len(examples))
    ours = results["newsbrief"]
    return {
        "articles": len(examples),
        "sentences": sentences,
        "methods": {name: r.to_dict() for name, r in results.items()},
        "parse_ms_per_article": round(1000.0 * parse_seconds / n, 2),
        "analyze_ms_per_article": round(1000.0 * (parse_seconds + ours.seconds) / n, 2),
        "_results": list(results.values()),
    }
