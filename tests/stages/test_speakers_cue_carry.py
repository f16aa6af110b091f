"""A direct quote with no cue of its own goes on under the cue that introduced
its speaker only when that cue reports speech (speakers.py, the continuation
branch of ``resolve_speakers``). Sentences written for these tests."""

from __future__ import annotations

from newsbrief.api import analyze

FOLLOW = '\n\n"Nobody asked the shop owners what they thought. Nobody listened to them."'


def _direct(text: str):
    (quote,) = [q for q in analyze(text).quotes if q.kind == "direct"]
    return quote


def test_direct_quote_continues_under_a_speech_cue():
    quote = _direct("Councillor Ana Roe said the parking levy was unfair." + FOLLOW)
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker.name == "Ana Roe"


def test_direct_quote_after_a_stance_keeps_the_speaker_but_not_the_cue():
    quote = _direct("Councillor Ana Roe has been a vocal critic of the parking levy." + FOLLOW)
    assert quote.cue is None
    assert quote.speaker.name == "Ana Roe"
