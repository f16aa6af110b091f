"""Summary: an extractive summary and the story's key quote.
(Placeholder ranking: the first sentences; being written, see issue 3.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import SummarySentence


@Language.factory(
    "newsbrief_summary",
    assigns=["doc._.nb_summary", "doc._.nb_key_quote"],
    requires=["doc.sents", "doc._.nb_quotes", "doc._.nb_entities"],
    default_config={"sentences": 3},
)
def make_summary_stage(nlp: Language, name: str, sentences: int) -> SummaryStage:
    return SummaryStage(sentences=sentences)


class SummaryStage:
    def __init__(self, sentences: int = 3) -> None:
        self.sentences = sentences

    def __call__(self, doc: Doc, sentences: int | None = None) -> Doc:
        n = sentences or self.sentences
        picked = [s for s in doc.sents if s.text.strip()][:n]
        doc._.nb_summary = [
            SummarySentence(s.text, s.start_char, s.end_char, 1.0 / (i + 1)) for i, s in enumerate(picked)
        ]
        doc._.nb_key_quote = None
        return doc
