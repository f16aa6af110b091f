"""The public entry points: ``analyze`` for one text, ``analyze_many`` for a
stream of them (batched through ``nlp.pipe``, the model loaded once)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Literal, overload

from spacy.language import Language
from spacy.tokens import Doc

from .errors import NewsbriefError
from .ingest import Article, prepare_doc, token_batches
from .model import Brief, Failure
from .pipeline import load_pipeline
from .readers import internal_failure
from .settings import Settings
from .stages.layers import events_of, marked_of, summary_of, take_entities, take_quotes
from .stages.syntax import doc_text, remember_text

OnError = Literal["raise", "yield"]


def _as_article(item: str | Article, index: int) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, tuple) and len(item) == 2:
        text, source = item
        return Article(text=text, source=source)
    return Article(text=item, source=None)


def _component_cfg(settings: Settings) -> dict[str, dict[str, object]]:
    cfg: dict[str, object] = {}
    if settings.summary_sentences is not None:
        cfg["sentences"] = settings.summary_sentences
    if settings.summary_words is not None:
        cfg["words"] = settings.summary_words
    if settings.summary_ratio is not None:
        cfg["ratio"] = settings.summary_ratio
    return {"newsbrief_summary": cfg} if cfg else {}


def brief_from_doc(doc: Doc, article: Article) -> Brief:
    """Collect what the stages wrote on ``doc`` into a Brief: the one place
    that builds a Brief from the stages' layers (see ``stages/layers.py``);
    the quotes and entities the later stages read back are handed over, not
    built again."""
    return Brief(
        text=doc_text(doc),
        source=article.source,
        quotes=take_quotes(doc),
        entities=take_entities(doc),
        summary=summary_of(doc),
        marked=marked_of(doc),
        events=events_of(doc, published=article.meta.get("date")),
        key_quote=doc._.nb_key_quote,
        warnings=list(article.warnings) + list(doc._.nb_summary_warnings or []),
        meta={**({"id": article.id} if article.id else {}), **article.meta},
    )


def analyze(
    text: str | Article,
    *,
    source: str | None = None,
    settings: Settings | None = None,
    nlp: Language | None = None,
) -> Brief:
    """Analyse one article.

    text (str | Article): the article text (or an Article from a reader).
    source (str | None): a name for it in messages and output.
    settings (Settings | None): model, limits, summary length; default from
        the environment.
    nlp (Language | None): a pipeline from ``load_pipeline`` to reuse.
    RETURNS (Brief): quotes, speakers, entities, summary, all with offsets.
    RAISES (NewsbriefError): the input is unusable or no model is installed.
    """
    article = _as_article(text, 0)
    if source is not None:
        article.source = source
    settings = settings or Settings.from_env()
    nlp = nlp or load_pipeline(settings.model)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    article, doc = prepare_doc(article, settings, nlp)
    remember_text(doc, article.text)
    doc = nlp(doc, component_cfg=_component_cfg(settings))
    return brief_from_doc(doc, article)


@overload
def analyze_many(
    items: Iterable[str | Article | tuple[str, str]],
    *,
    settings: Settings | None = ...,
    nlp: Language | None = ...,
    on_error: Literal["raise"] = ...,
) -> Iterator[Brief]: ...


@overload
def analyze_many(
    items: Iterable[str | Article | tuple[str, str]],
    *,
    settings: Settings | None = ...,
    nlp: Language | None = ...,
    on_error: Literal["yield"],
) -> Iterator[Brief | Failure]: ...


def analyze_many(
    items: Iterable[str | Article | tuple[str, str]],
    *,
    settings: Settings | None = None,
    nlp: Language | None = None,
    on_error: OnError = "raise",
) -> Iterator[Brief] | Iterator[Brief | Failure]:
    """Analyse many articles, in input order, batched through ``nlp.pipe``.

    items: texts, ``(text, source)`` pairs or Articles.
    on_error ("raise" | "yield"): on a bad item, raise its NewsbriefError, or
        yield a ``Failure`` in its place and go on.
    RETURNS (Iterator[Brief] or Iterator[Brief | Failure]).
    """
    settings = settings or Settings.from_env()
    nlp = nlp or load_pipeline(settings.model)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    cfg = _component_cfg(settings)
    batch = max(1, settings.batch_size)

    def analyse_alone(article: Article) -> Brief | Failure:
        try:
            article, doc = prepare_doc(article, settings, nlp)
            remember_text(doc, article.text)
            return brief_from_doc(nlp(doc, component_cfg=cfg), article)
        except NewsbriefError as exc:
            return Failure(source=article.source, code=exc.code, message=str(exc))
        except Exception as exc:
            return internal_failure(article.source, exc)

    iterator = iter(items)
    index = 0
    while True:
        chunk = [_as_article(x, index + i) for i, x in enumerate(islice(iterator, batch))]
        if not chunk:
            return
        index += len(chunk)
        results: list[Brief | Failure | None] = [None] * len(chunk)
        good: list[tuple[Doc, int]] = []
        for i, article in enumerate(chunk):
            try:
                chunk[i], doc = prepare_doc(article, settings, nlp)
            except NewsbriefError as exc:
                if on_error == "raise":
                    raise
                results[i] = Failure(source=article.source, code=exc.code, message=str(exc))
                continue
            except Exception as exc:  # a bug met on this item alone: it fails, the batch goes on
                if on_error == "raise":
                    raise
                results[i] = internal_failure(article.source, exc, "preparing")
                continue
            # The stages read the text many times: the doc was made from it.
            remember_text(doc, chunk[i].text)
            good.append((doc, i))
        for group in token_batches(good, max(settings.max_tokens, 1)):
            try:
                for doc, i in nlp.pipe(group, as_tuples=True, batch_size=len(group), component_cfg=cfg):
                    results[i] = brief_from_doc(doc, chunk[i])
            except Exception:
                if on_error == "raise":
                    raise
                # Which item broke the batch is unknown: each one not done
                # yet is analysed alone, so only the one at fault fails.
                for _, i in group:
                    if results[i] is None:
                        results[i] = analyse_alone(chunk[i])
        for result in results:
            assert result is not None
            yield result

