"""The data model: JSON layout and round trips."""

from __future__ import annotations

import json

import pytest

from newsbrief.model import SCHEMA, Brief, Entity, Quote, Speaker, SummarySentence, TextSpan


def _brief() -> Brief:
    text = '"We are ready," Mayor Okafor said.'
    return Brief(
        text=text,
        source="a.txt",
        quotes=[
            Quote(
                text="We are ready,",
                start=1,
                end=14,
                kind="direct",
                speaker=Speaker(name="Helen Okafor", entity="e1", role="Mayor", mention=TextSpan("Okafor", 22, 28)),
                cue=TextSpan("said", 29, 33),
            )
        ],
        entities=[Entity(id="e1", name="Helen Okafor", type="PERSON", mentions=[TextSpan("Okafor", 22, 28)])],
        summary=[SummarySentence(text=text, start=0, end=len(text), score=1.0)],
        key_quote=0,
    )


def test_model_to_dict_has_documented_shape():
    data = _brief().to_dict()
    assert data["schema"] == SCHEMA
    q = data["quotes"][0]
    assert set(q) >= {"text", "start", "end", "kind", "speaker", "cue"}
    assert set(q["speaker"]) >= {"name", "entity", "role", "mention"}
    assert data["entities"][0]["mentions"][0] == {"text": "Okafor", "start": 22, "end": 28}
    assert data["key_quote"]["text"] == "We are ready,"
    text = data["text"]
    assert text[q["start"] : q["end"]] == q["text"]
    assert text[q["cue"]["start"] : q["cue"]["end"]] == "said"


def test_model_json_round_trip():
    brief = _brief()
    again = Brief.from_dict(json.loads(brief.to_json()))
    assert again == brief


def test_model_unknown_speaker_is_null():
    q = Quote(text="x", start=0, end=1, kind="partial")
    assert q.to_dict()["speaker"]["name"] is None
    assert q.to_dict()["cue"] is None


def test_model_from_dict_refuses_other_schema():
    with pytest.raises(ValueError):
        Brief.from_dict({"schema": "other/9"})


def test_text_span_from_dict_is_a_plain_frozen_span():
    span = TextSpan.from_dict({"text": "Okafor", "start": 22, "end": 28})
    assert span == TextSpan("Okafor", 22, 28) and hash(span) == hash(TextSpan("Okafor", 22, 28))
    assert (span.text, span.start, span.end) == ("Okafor", 22, 28)
    with pytest.raises(AttributeError):  # dataclasses.FrozenInstanceError
        span.start = 0  # type: ignore[misc]
