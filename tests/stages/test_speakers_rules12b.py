"""Speaker rules of round 12b on short articles run through the packaged
model: a pronoun that passes over an unnamed source of unstated gender, and
an organisation word linked to the organisation that spoke just before.
The sentences are written for these tests."""

from __future__ import annotations

from .brief_helpers import speaker_of

ORCHARD = (
    "Mara Quill runs a small orchard near the river.\n\n"
    "'The apples came early this year,' Mara Quill says.\n\n"
    "A spokesperson for the regional water board says supplies are secure.\n\n"
    "{later} A note from a neighbour is pinned to the gate. The paint on the gate is peeling. "
    "The wind picks up.\n\n"
    "She smiles. 'That is how we talk here,' she says.\n"
)


def test_she_passes_over_an_unsexed_spokesperson_to_the_woman_named_after():
    text = ORCHARD.format(later="Later, Mara Quill walks out to the far rows.")
    assert speaker_of(text, "That is how we talk here") == "Mara Quill"


def test_she_stays_with_the_spokesperson_when_no_woman_is_named_after_it():
    # Mara Quill is named only before the spokesperson: the rule does not fire.
    text = ORCHARD.format(later="Later, the light fades over the far rows.")
    assert speaker_of(text, "That is how we talk here") != "Mara Quill"


def test_the_agency_is_the_organisation_with_a_bare_name_that_spoke_just_before():
    text = (
        "Senators questioned the budget on Tuesday.\n\n"
        "According to ESRA, the plan keeps the relay mission fully funded. "
        "The agency said the lander would slip by two years.\n"
    )
    assert speaker_of(text, "the lander would slip") == "ESRA"


def test_the_agency_is_not_a_ministry_that_spoke_just_before():
    # A name with an organisation word of another kind is not "the agency".
    text = (
        "Senators questioned the budget on Tuesday.\n\n"
        "According to the Transport Ministry, the plan keeps the rail line fully funded. "
        "The agency said the tunnel would slip by two years.\n"
    )
    assert speaker_of(text, "the tunnel would slip") != "Transport Ministry"


def test_the_company_is_a_name_the_article_calls_a_company_in_apposition():
    text = (
        "Senator Price questioned the ministry on its deal with Marlow Kane, the Denver company "
        "making the rover.\n\n"
        'Marlow Kane said in a short note that it was "wholly committed" to the mission. '
        "The company said it had met each deadline so far.\n"
    )
    assert speaker_of(text, "met each deadline") == "Marlow Kane"


def _guild(between: str) -> str:
    return (
        "Professor Ines Varga of Lindqvist University said the survey was careful.\n\n"
        "The Cider Growers' Association said the results showed growers were \"doing their part\" for wildlife. "
        f"{between}It warned that late grants had left some members short.\n"
    )


def test_it_goes_on_with_an_untagged_organisation_that_just_spoke():
    assert speaker_of(_guild(""), "late grants") == "The Cider Growers' Association"


def test_it_after_an_organisation_named_in_between_is_not_the_untagged_one():
    text = _guild("Lindqvist University disagreed. ")
    assert speaker_of(text, "late grants") != "The Cider Growers' Association"


def _message(sentence: str) -> str:
    return (
        "Mayor Tobias Wren opened the inquiry on Monday. The Harbour Authority gave evidence.\n\n"
        f"{sentence} It read: 'The pier is closed until further notice.'\n"
    )


def test_it_read_is_the_sender_who_sent_the_message():
    text = _message("The panel was shown a text message Lena Marsh sent to her brother in June.")
    assert speaker_of(text, "The pier is closed") == "Lena Marsh"


def test_it_read_is_the_person_a_message_is_from():
    text = _message("A message from a ferry skipper, Lena Marsh, was read to the panel.")
    assert speaker_of(text, "The pier is closed") == "Lena Marsh"


def test_it_read_after_a_message_with_no_sender_takes_no_person():
    text = _message("The panel was shown a text message about the storm.")
    assert speaker_of(text, "The pier is closed") != "Lena Marsh"


def _pier(second_engineer: str, said: str) -> str:
    return (
        "The old pier was rebuilt in 1988 by the engineer Maria Olsen and reopened a year later.\n\n"
        f"{second_engineer}Okafor, the owner's lawyer, said repairs were too costly.\n\n"
        f"{said}\n"
    )


LETTER = (
    "The engineer, now 79, wrote to the council last month urging it to save the pier. "
    "In the letter, she said the pier had been built to last a century."
)


def test_the_noun_is_the_one_person_named_after_it_earlier_and_she_follows():
    text = _pier("", LETTER)
    assert speaker_of(text, "to save the pier") == "Maria Olsen"
    assert speaker_of(text, "built to last a century") == "Maria Olsen"


def test_the_noun_is_no_one_when_two_people_were_named_after_it():
    text = _pier(
        "A survey was done by the engineer Omar Haddad in 2001. ",
        "The engineer, now 79, said the pier had been built to last a century.",
    )
    assert speaker_of(text, "built to last a century") not in ("Maria Olsen", "Omar Haddad")


def test_cue_the_parser_hung_from_a_name_is_that_persons():
    text = (
        "Harbour ward councillor Owen Marsh said the count was slow.\n\n"
        "Party whip Lena Marsh, Owen Marsh's cousin, posted on Facebook that the vote was "
        "'far from settled, and that includes the postal ballots'.\n"
    )
    assert speaker_of(text, "far from settled") == "Lena Marsh"
