"""Speaker names as a reader gives them: a title before a name is the role,
also where the packaged model tags the name as an organisation
(``titled_given_name``) or as nothing (``untagged_titled_name``); a person
"of" an organisation is the person (``person_of_org``); a relative pronoun
stands for its antecedent's whole phrase. Integration tests on the packaged
model; the sentences are written for these tests."""

from __future__ import annotations

from newsbrief.api import analyze


def _speakers(text):
    brief = analyze(text)
    return [(q.speaker.name, q.speaker.role) for q in brief.quotes], brief


def test_title_given_name_surname_tagged_as_org_is_a_person():
    text = "Superintendent Dennis Hale said in a letter on Monday that the board would revisit its policy."
    speakers, brief = _speakers(text)
    assert speakers == [("Dennis Hale", "Superintendent")]
    assert [(e.name, e.type) for e in brief.entities] == [("Dennis Hale", "PERSON")]


def test_organisation_with_a_title_word_stays_an_organisation():
    # "Ministry" is no given name: the rule does not fire.
    _, brief = _speakers("The Ministry of Health said on Friday that waiting lists had grown again.")
    assert [(e.name, e.type) for e in brief.entities] == [("Ministry of Health", "ORG")]


def test_untagged_titled_name_keeps_the_title_as_role():
    speakers, _ = _speakers("Mayor Ana Ruiz said the bridge would reopen in May after repairs.")
    assert speakers == [("Ana Ruiz", "Mayor")]


def test_person_of_organisation_is_the_person():
    # Rule person_of_org: the parser may head the phrase on the organisation.
    text = "Detective Constable Sarah Ilori of Warwickshire Police said the force would now pursue the money."
    speakers, _ = _speakers(text)
    assert speakers[0][0] == "Sarah Ilori"


def test_relative_pronoun_speaker_is_the_whole_antecedent_phrase():
    speakers, _ = _speakers("A group of parents who said the books were unsuitable filed a complaint in May.")
    assert speakers == [("A group of parents", None)]
