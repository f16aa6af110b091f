"""Speaker rules of round 13b on short articles run through the packaged
model: an organisation named with a description's head word over the last
organisation quoted, and a person described with "a" and named in the next
sentences. The sentences are written for these tests."""

from __future__ import annotations

from .brief_helpers import speaker_of

KIND_OVER_LAST = (
    "The Northfield Water Authority fined the Pellman brewery on Tuesday for polluting the river.\n\n"
    "The campaign group Clean Tides said the fine was far too small.\n\n"
    "The {head} said it would inspect the brewery again in the spring.\n"
)


def test_the_authority_is_the_org_named_authority_not_the_last_speaker():
    assert speaker_of(KIND_OVER_LAST.format(head="authority"), "inspect the brewery") == "Northfield Water Authority"


def test_a_last_speaker_whose_name_holds_the_word_keeps_it():
    # The last organisation quoted is itself an authority: "the authority" is it.
    text = KIND_OVER_LAST.replace("The campaign group Clean Tides", "The Eastmoor Fisheries Authority")
    assert speaker_of(text.format(head="authority"), "inspect the brewery") == "Eastmoor Fisheries Authority"


NAMED_NEXT = (
    "Firefighters spent the night at the old mill in Carrow.\n\n"
    "A fire service spokeswoman said two crews had stayed until dawn.\n\n"
    '"The roof could still come down," said the spokeswoman, Karen Lindqvist.\n'
)


def test_an_indefinite_description_is_the_person_named_next_with_its_head():
    assert speaker_of(NAMED_NEXT, "two crews") == "Karen Lindqvist"


def test_an_indefinite_description_with_another_head_named_next_stays_a_description():
    text = NAMED_NEXT.replace("said the spokeswoman,", "said the chief,")
    assert speaker_of(text, "two crews") != "Karen Lindqvist"


def test_a_person_named_before_the_description_is_not_the_one_named_next():
    # Karen Lindqvist spoke before: "a spokeswoman" is someone else.
    text = (
        "Karen Lindqvist, a fire service spokeswoman, said the mill was empty.\n\n"
        "A council spokeswoman said the road would stay shut.\n\n"
        '"It is not safe," said the spokeswoman, Karen Lindqvist.\n'
    )
    assert speaker_of(text, "the road would stay shut") != "Karen Lindqvist"


def test_the_role_noun_is_the_person_given_it_in_apposition():
    text = (
        "The inquest into the death of a Carrow cyclist resumed on Monday.\n\n"
        "Dr Helena Marsh, a pathologist called by the family, said the injuries were severe.\n\n"
        "Pressed by the coroner, the pathologist replied: \"I cannot say how fast he was going.\"\n"
    )
    assert speaker_of(text, "how fast") == "Helena Marsh"
