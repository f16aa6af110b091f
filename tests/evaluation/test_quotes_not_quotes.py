"""Scoring the gold ``not_quotes`` (words in quote marks that are not speech):
how many the engine reports as statements and how many it lists as marked.
Own sentences, briefs built by hand."""

import json

from newsbrief.evaluation.quotes import GoldScores, load_gold_file, score_gold_document
from newsbrief.model import Brief, Marked, Quote, Speaker, TextSpan

TEXT = (
    'The ferry, known as "Old Blue", sails at noon. "We are full," the captain said. '
    'Her memoir, "Salt and Rope", is out.'
)


def _span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _write_gold(tmp_path, not_quotes):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    gold = {
        "id": "a",
        "quotes": [{"text": "We are full,", "kind": "direct", "speaker": "the captain", "cue": "say"}],
        "not_quotes": not_quotes,
    }
    path = tmp_path / "a.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def _quote(needle: str, kind: str = "direct") -> Quote:
    start, end = _span(needle)
    return Quote(needle, start, end, kind, speaker=Speaker(name="the captain"), verbatim=[TextSpan(needle, start, end)])


def _marked(needle: str, type_: str) -> Marked:
    start, end = _span(needle)
    return Marked(needle, start, end, type_, "test")


def test_not_quotes_reported_and_listed(tmp_path):
    gold = load_gold_file(
        _write_gold(
            tmp_path,
            [{"text": "Old Blue", "type": "name", "why": "known as"}, {"text": "Salt and Rope", "type": "title"}],
        )
    )
    assert [(q.text, q.kind, TEXT[q.start : q.end]) for q in gold.not_quotes] == [
        ("Old Blue", "name", "Old Blue"),
        ("Salt and Rope", "title", "Salt and Rope"),
    ]
    # The engine reports the title as a quote and lists only the name as marked.
    brief = Brief(
        text=TEXT,
        quotes=[_quote("We are full,"), _quote("Salt and Rope")],
        marked=[_marked("Old Blue", "name")],
    )
    scores = GoldScores()
    score_gold_document(gold, brief, scores, lambda t: [t])
    data = scores.to_dict(details=True)
    assert data["non_speech"]["gold"] == 2
    assert data["non_speech"]["reported"] == 1
    assert data["non_speech"]["kept_out"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert data["non_speech"]["listed"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert {"document": "a", "non_speech_reported": {"text": "Salt and Rope", "type": "title"}} in data["mismatches"]
    # The title reported as a quote is also a false positive of the quote scores.
    assert data["quotes"]["pred"] == 2 and data["quotes"]["matched"] == 1


def test_not_quotes_absent_or_missing(tmp_path):
    gold = load_gold_file(_write_gold(tmp_path, [{"text": "not in the text", "type": "word"}]))
    brief = Brief(text=TEXT, quotes=[_quote("We are full,")])
    scores = GoldScores()
    score_gold_document(gold, brief, scores, lambda t: [t])
    data = scores.to_dict()
    assert data["non_speech"]["gold"] == 0
    assert {"document": "a", "text": "not in the text"} in data["missing_gold"]


def test_not_quote_located_at_its_marked_occurrence(tmp_path):
    """A not_quote is a marked stretch: when its words also stand earlier in
    plain text, the marked occurrence is the one scored."""
    text = 'The budget has a surplus. Critics called the "surplus" a trick of timing.'
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    gold_path = tmp_path / "b.gold.json"
    gold_path.write_text(
        json.dumps({"id": "b", "quotes": [], "not_quotes": [{"text": "surplus", "type": "scare"}]}), encoding="utf-8"
    )
    gold = load_gold_file(gold_path)
    (g,) = gold.not_quotes
    marked_at = text.index('"surplus"') + 1
    assert (g.start, g.end) == (marked_at, marked_at + len("surplus"))
    brief = Brief(text=text, quotes=[], marked=[Marked("surplus", marked_at, marked_at + 7, "scare", "test")])
    scores = GoldScores()
    score_gold_document(gold, brief, scores, lambda t: [t])
    assert scores.non_speech_listed.correct == 1
