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
    'Mayor Ana Ruiz said the bridge would open in May. "It is ready," she said. '
    '"It is ready," the engineer said too.'
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
    assert data["quotes"] == {
        "precision": 0.75, "recall": 0.75, "f1": 0.75, "matched": 3, "pred": 4, "gold": 4
    }
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


def _scored(text, gold_quotes, quotes):
    gold = GoldDocument(id="t", path=None, text=text, quotes=gold_quotes)
    locate_quotes(text, gold.quotes)
    scores = GoldScores()
    score(gold, Brief(text=text, quotes=quotes), scores, _lemmas)
    return scores


def _span(text, needle):
    start = text.index(needle)
    return TextSpan(needle, start, start + len(needle))


def test_quotes_iou_below_half_does_not_match_even_inside():
    # The gold lies wholly inside the prediction, but IoU is 17/66 < 0.5.
    text = "Officials said the plan was dead on arrival and everyone in the town hall knew it."
    scores = _scored(
        text,
        [GoldQuote("the plan was dead", "indirect", None, None)],
        [_quote(text, "the plan was dead on arrival and everyone in the town hall knew it", "indirect")],
    )
    assert scores.quotes.matched_gold == 0 and scores.quotes.n_pred == 1


def test_quotes_trims_marks_and_punctuation_before_iou():
    text = 'Ann Lee said: "Yes." Then she left.'
    scores = _scored(text, [GoldQuote("Yes.", "direct", None, None)], [_quote(text, '"Yes."', "direct")])
    assert scores.quotes.matched_gold == 1


def test_quotes_one_attribution_matches_clause_and_fragments():
    text = 'Ann Lee said the bridge was "a danger to boats" and "a waste of money" for the town.'
    clause = _quote(text, 'the bridge was "a danger to boats" and "a waste of money" for the town', "partial",
                    "Ann Lee")
    clause.cue = _span(text, "said")
    clause.verbatim = [_span(text, "a danger to boats"), _span(text, "a waste of money")]
    scores = _scored(
        text,
        [
            GoldQuote('the bridge was "a danger to boats" and "a waste of money" for the town', "indirect",
                      "Ann Lee", "say"),
            GoldQuote("a danger to boats", "partial", "Ann Lee", "say"),
            GoldQuote("a waste of money", "partial", "Ann Lee", "say"),
        ],
        [clause],
    )
    data = scores.to_dict()
    assert data["quotes"]["recall"] == 1.0 and data["quotes"]["precision"] == 1.0
    assert data["quotes"]["pred"] == 1 and data["quotes"]["matched"] == 3
    # The clause reads as the writer's words (indirect), the fragments as partial.
    assert data["kind_accuracy"] == {"accuracy": 1.0, "correct": 3, "total": 3}
    assert data["speaker_accuracy"]["correct"] == 3


def test_quotes_one_piece_matches_one_gold():
    text = '"We are ready," Ann Lee said.'
    quote = _quote(text, "We are ready,", "direct", "Ann Lee", "said")
    quote.verbatim = [_span(text, "We are ready,")]
    scores = _scored(
        text, [GoldQuote("We are ready,", "direct", None, None), GoldQuote("We are ready", "direct", None, None)],
        [quote],
    )
    # The content and its one verbatim span are one piece: one gold found.
    assert scores.quotes.matched_gold == 1 and scores.quotes.matched_pred == 1


def test_quotes_scores_only_speech_attributions():
    text = "Ann Lee thinks the bridge is safe. Tom Berg fears it is not."
    belief = _quote(text, "the bridge is safe", "indirect", "Ann Lee")
    belief.type = "belief"
    marked_belief = _quote(text, "it is not", "partial", "Tom Berg")
    marked_belief.type = "belief"
    marked_belief.verbatim = [_span(text, "it is not")]
    scores = _scored(text, [], [belief, marked_belief])
    # A belief is not scored; one with words in quote marks is speech whatever its cue.
    assert scores.quotes.n_pred == 1


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
