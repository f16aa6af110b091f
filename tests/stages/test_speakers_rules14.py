"""Speaker rules of round 14 on short articles run through the packaged
model (and on their helpers): a short organisation name is its full name.
The sentences are written for these tests."""

from __future__ import annotations

from newsbrief.stages.speakers import _without_legal_form

from .brief_helpers import speaker_of


def test_a_short_name_of_an_untagged_firm_is_its_full_name():
    # The model tags neither "Quillon Labs" nor "Quillon": the run of
    # title-case words that ends in an organisation word is the full name.
    text = (
        "Voice actors have sued the start-up Quillon Labs over a cloning tool.\n\n"
        'Quillon, which raised $40 million last year, said the suit was "without merit."\n'
    )
    assert speaker_of(text, "without merit") == "Quillon Labs"


def test_a_short_name_with_no_longer_name_in_the_article_stays_as_it_is():
    text = (
        "Voice actors have sued the start-up Quillon over a cloning tool.\n\n"
        'Quillon, which raised $40 million last year, said the suit was "without merit."\n'
    )
    assert speaker_of(text, "without merit") == "Quillon"


def test_a_legal_form_is_no_part_of_the_full_name():
    assert _without_legal_form("Corvane Robotics Inc.") == ["Corvane", "Robotics"]
    assert _without_legal_form("Harlow & Finch Co., Ltd.") == ["Harlow", "&", "Finch"]
    assert _without_legal_form("Inc.") == ["Inc."]
