import json

import pytest

from newsbrief.errors import NewsbriefError
from newsbrief.evaluation.quotes import (
    GoldDocument,
    GoldQuote,
    GoldScores,
    cue_matches,
    load_gold_file,
    locate_quotes,
    speaker_matches,
)
from newsbrief.evaluation.quotes import score_gold_document as score
from newsbrief.model import Brief, Quote, Speaker, TextSpan

TEXT = (
    'Mayor Ana Ruiz said the bridge would open in May. "It is ready," she said. "It is ready," the engineer said too.'
)


def _quote(text, needle, kind, name=None, cue=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    cue_span = None
    if cue:
        c = text.index(cue, start)
        cue_span = TextSpan(cue, c, c + len(cue))
    return Quote(needle, start, start + len(needle), kind, speaker=Speaker(name=name), cue=cue_span)


def _lemmas(text):
    return {"said": ["say"]}.get(text, [text])


def test_quotes_locate_repeats_in_order():
    quotes = [GoldQuote("It is ready,", "direct", None, None), GoldQuote("It is ready,", "direct", None, None)]
    locate_quotes(TEXT, quotes)
    first = TEXT.index("It is ready,")
    assert quotes[0].start == first
    assert quotes[1].start == TEXT.index("It is ready,", first + 1)
    assert TEXT[quotes[1].start : quotes[1].end] == "It is ready,"


def test_quotes_locate_folds_quote_marks_and_spaces():
    text = "He called it “a  disgrace” today."
    quotes = [GoldQuote('called it "a disgrace"', "partial", None, None), GoldQuote("absent", "partial", None, None)]
    locate_quotes(text, quotes)
    assert text[quotes[0].start : quotes[0].end] == "called it “a  disgrace”"
    assert not quotes[1].located


@pytest.mark.parametrize(
    "pred,gold,lenient,strict",
    [
        ("Ana Ruiz", "Ana Ruiz", True, True),
        ("ana ruiz", "Ana Ruiz", True, True),
        ("Ruiz", "Ana Ruiz", True, False),
        ("Ana", "Ana Ruiz", False, False),
        ("the official", "a senior official", False, False),  # descriptions get no leniency
        ("a senior official", "the senior official", True, True),
        ("Tom Berg", "Ana Ruiz", False, False),
        (None, "Ana Ruiz", False, False),
    ],
)
def test_quotes_speaker_matches(pred, gold, lenient, strict):
    assert speaker_matches(pred, gold) is lenient
    assert speaker_matches(pred, gold, strict=True) is strict


def test_quotes_cue_matches_lemma_forms():
    assert cue_matches(["said", "say"], "say")
    assert cue_matches(["according to", "accord to", "accord", "to"], "according to")
    assert not cue_matches(["told", "tell"], "say")
    assert not cue_matches(["say"], None)


def test_quotes_score_document_counts():
    gold = GoldDocument(
        id="t",
        path=None,
        text=TEXT,
        quotes=[
            GoldQuote("the bridge would open in May", "indirect", "Ana Ruiz", "say"),
            GoldQuote("It is ready,", "direct", "Ana Ruiz", "say"),
            GoldQuote("It is ready,", "direct", "the engineer", "say"),
            GoldQuote("not in the article", "direct", "Ana Ruiz", "say"),
        ],
    )
    locate_quotes(TEXT, gold.quotes)
    brief = Brief(
        text=TEXT,
        quotes=[
            # Covers the clause plus "said ": overlap is over half of the shorter span.
            _quote(TEXT, "said the bridge would open in May", "indirect", "Ruiz", "said"),
            _quote(TEXT, "It is ready,", "partial", "Ana Ruiz", "said"),
            _quote(TEXT, "It is ready,", "direct", "Bob", "said", nth=1),
            _quote(TEXT, "Mayor", "partial", None, None),
        ],
    )
    scores = GoldScores()
    score(gold, brief, scores, _lemmas)
    data = scores.to_dict(details=True)
    assert data["quotes"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75, "matched": 3, "pred": 4, "gold": 4}
    assert data["kinds"]["direct"]["matched"] == 1  # one direct pair kept its kind
    assert data["kinds"]["direct"]["gold"] == 3
    assert data["kind_accuracy"]["correct"] == 2
    assert data["cue_accuracy"] == {"accuracy": 1.0, "correct": 3, "total": 3}
    assert data["speaker_accuracy"]["correct"] == 2  # "Ruiz" ~ "Ana Ruiz"; "Bob" is wrong
    assert data["speaker_exact_accuracy"]["correct"] == 1
    assert data["missing_gold"] == [{"document": "t", "text": "not in the article"}]


def test_quotes_overlap_below_half_does_not_match():
    text = "Officials said the plan was dead on arrival and everyone knew it."
    gold = GoldDocument(id="t", path=None, text=text, quotes=[GoldQuote("the plan was dead", "indirect", None, None)])
    locate_quotes(text, gold.quotes)
    # Shares only "dead" (4 of 17 characters of the shorter span).
    brief = Brief(text=text, quotes=[_quote(text, "dead on arrival and everyone knew it", "indirect")])
    scores = GoldScores()
    score(gold, brief, scores, _lemmas)
    assert scores.quotes.matched_gold == 0


def test_quotes_load_gold_file(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(
        json.dumps({"id": "a", "quotes": [{"text": "It is ready,", "kind": "direct", "speaker": "X", "cue": "say"}]}),
        encoding="utf-8",
    )
    doc = load_gold_file(tmp_path / "a.gold.json")
    assert doc.text == TEXT
    assert TEXT[doc.quotes[0].start : doc.quotes[0].end] == "It is ready,"


def test_quotes_load_gold_file_errors(tmp_path):
    with pytest.raises(NewsbriefError) as missing:
        load_gold_file(tmp_path / "none.gold.json")
    assert missing.value.code == "E004"
    (tmp_path / "b.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(NewsbriefError) as bad:
        load_gold_file(tmp_path / "b.gold.json")
    assert bad.value.code == "E009"
    (tmp_path / "c.gold.json").write_text('{"quotes": []}', encoding="utf-8")
    with pytest.raises(NewsbriefError) as no_text:
        load_gold_file(tmp_path / "c.gold.json")
    assert no_text.value.code == "E004" and "c.txt" in str(no_text.value)
