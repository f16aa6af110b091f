"""Given-name gender of round 14: the census lists cover names of more
countries (people.toml ``census_name_locales``), so "he" can reach a person
whose given name the hand table lacks. Texts written for these tests."""

from __future__ import annotations

from newsbrief.stages.entities import _gendered_given_names
from newsbrief.stages.people import census_name_genders, people_lexicon

from .brief_helpers import speaker_of


def test_maori_and_east_african_given_names_have_a_gender():
    # Rule census_name_gender with en_NZ, en_KE, en_NG.
    table = census_name_genders(people_lexicon())
    assert table.get("wiremu") == "m"
    assert table.get("aroha") == "f"
    assert "wiremu" in _gendered_given_names()


def test_a_name_two_lists_disagree_on_gives_no_prior():
    # Ashton is a man's name in one list, a woman's in another.
    table = census_name_genders(people_lexicon())
    assert "ashton" not in table


def test_he_reaches_the_person_with_a_maori_given_name():
    text = (
        "Julian Rees, the gallery owner, said the show had sold out. The carver Wiremu Hohaia, who trained "
        "under her in Rotorua in the 1990s, said she had been a patient teacher. He said she once made him "
        "carve one panel nine times."
    )
    assert speaker_of(text, "nine times") == "Wiremu Hohaia"
