"""Speaker rules of round 14 (c) on short articles run through the packaged
model: a description's link to the person just quoted across a closing quote
mark the parser split off with the paragraph break. The sentences are written
for these tests."""

from __future__ import annotations

from .brief_helpers import speaker_of


def test_a_stray_closing_mark_is_no_sentence_between_title_and_person():
    text = (
        '"Beds do not staff themselves," spokeswoman Ana Roe said. "We need more nurses."\n\n'
        "The spokeswoman said the wards would stay open over the weekend.\n"
    )
    assert speaker_of(text, "the wards would stay open") == "Ana Roe"


def test_he_after_an_unnamed_worker_with_a_who_clause_is_that_worker():
    text = (
        "Ben Lo, head of the local union, said the shaft had been shut twice this year.\n\n"
        "A welder on the night crew, who asked not to be named because he feared for his job, "
        "said managers had been told to hurry.\n\n"
        '"Everyone knew the rules were bent," he said.\n'
    )
    assert speaker_of(text, "Everyone knew") == "A welder on the night crew"


def test_the_band_is_the_group_just_named_as_the_subject():
    text = (
        "The festival was called off on Friday. The headliners, the Velvet Ravens, had been due to play on Sunday. "
        "The band wrote online that they were sorry for every fan.\n"
    )
    assert speaker_of(text, "they were sorry") == "Velvet Ravens"


def test_a_post_nominal_speaker_with_a_for_phrase_keeps_no_letters():
    text = "Ruth Kemble KC, for Mr Dorran and Harbour TV, said the show had been fair to every trader.\n"
    assert speaker_of(text, "the show had been fair") == "Ruth Kemble"


def test_a_titled_name_of_an_untagged_force_is_the_person():
    text = (
        "The show was called off on Friday.\n\n"
        "Superintendent Gareth Rowe of Tarnshire Police said officers had backed the advice of the group.\n"
    )
    assert speaker_of(text, "officers had backed") == "Gareth Rowe"


def test_an_untagged_titled_name_ends_before_of():
    text = (
        "Jo Tate said the gates had shut early.\n\n"
        "Superintendent Gareth Rowe of Tarnshire Police said officers had backed the advice of the group.\n"
    )
    assert speaker_of(text, "officers had backed") == "Gareth Rowe"


def test_a_reply_to_what_counsel_suggested_is_the_witness():
    text = (
        "Giving evidence, Tom Beale told the court that he had trusted his crew.\n\n"
        "'I stand by the film,' he said.\n\n"
        "Under cross-examination, Ruth Kemble, for Mr Dorran, suggested that he had never visited the house.\n\n"
        "'That is not how a studio works,' he replied.\n"
    )
    assert speaker_of(text, "That is not how a studio works") == "Tom Beale"


def test_the_union_is_a_numbered_local_of_workers():
    text = (
        "Two drivers were hurt at the depot on Monday.\n\n"
        "Ana Roe, president of Eastern Bus Workers Local 418, said drivers had warned of the brakes for months.\n\n"
        "Depot manager Ben Lo said the buses had passed every check.\n\n"
        "The union said on its website that members would not drive the old buses again.\n"
    )
    assert speaker_of(text, "members would not drive") == "Eastern Bus Workers Local 418"


def test_solicitors_named_in_apposition_speak_as_their_name():
    text = (
        "Tom Beale is suing the studio.\n\n"
        "Mr Beale's solicitors, Carrow Lennox, have said in a letter that the offer came too late.\n"
    )
    assert speaker_of(text, "the offer came too late") == "Carrow Lennox"
