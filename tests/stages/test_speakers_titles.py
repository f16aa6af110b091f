"""A title before a name is the speaker's role, not part of the name, also
where the packaged model tags the name as an organisation
(``titled_given_name``) or as nothing (``untagged_titled_name``). Integration
tests on the packaged model; the sentences are written for these tests."""

from __future__ import annotations

from newsbrief.api import analyze


def _speakers(text):
    brief = analyze(text)
    return [(q.speaker.name, q.speaker.role) for q in brief.quotes], brief


def test_title_given_name_surname_tagged_as_org_is_a_person():
    text = "Superintendent Gregory Hale said in an email on Tuesday that the district would review its rules."
    speakers, brief = _speakers(text)
    assert speakers == [("Gregory Hale", "Superintendent")]
    assert [(e.name, e.type) for e in brief.entities] == [("Gregory Hale", "PERSON")]


def test_organisation_with_a_title_word_stays_an_organisation():
    # "Ministry" is no given name: the rule does not fire.
    _, brief = _speakers("The Ministry of Health said on Friday that waiting lists had grown again.")
    assert [(e.name, e.type) for e in brief.entities] == [("Ministry of Health", "ORG")]


def test_untagged_titled_name_keeps_the_title_as_role():
    speakers, _ = _speakers("Mayor Ana Ruiz said the bridge would reopen in May after repairs.")
    assert speakers == [("Ana Ruiz", "Mayor")]
