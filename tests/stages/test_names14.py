"""Names of round 14 (entities stage): how a person's or an organisation's
name is taken from the text. Each test runs a short text written for it
through the packaged pipeline and reads the entities' canonical names."""

from __future__ import annotations

from newsbrief.stages.entities import cluster_entities


def _names(nlp, text: str) -> dict[str, list[str]]:
    doc = nlp(text)
    out: dict[str, list[str]] = {}
    for ent in cluster_entities(doc):
        for m in ent.mentions:
            assert text[m.start : m.end] == m.text
        out[ent.name] = [m.text for m in ent.mentions]
    return out


def test_member_letters_before_a_name_are_a_title(nlp):
    # Rule member_letters_title: "Independent MLC Ann Roe" is Ann Roe.
    text = "Independent MLC Annabel Kowalczyk, who sits on the upper house, said she would vote against it."
    names = _names(nlp, text)
    assert "Annabel Kowalczyk" in names
    assert not any(n.startswith("MLC") for n in names)


def test_member_letters_after_a_name_are_a_post_nominal(nlp):
    # Rule post_nominal: "Ann Roe MLC" is Ann Roe.
    text = "The motion was moved by Annabel Kowalczyk MLC on a wet Tuesday in the upper house."
    assert "Annabel Kowalczyk" in _names(nlp, text)


def test_rank_abbreviation_before_a_name_is_a_title(nlp):
    # Rule rank_abbreviation: "Pte Sam Lee", "Brig Jo Day" are the names after the rank.
    text = (
        "Pte Tobias Wrenfield said the patrol had come under fire twice. "
        "The order was signed by Brig Harriet Ollander on Monday."
    )
    names = _names(nlp, text)
    assert "Tobias Wrenfield" in names
    assert "Harriet Ollander" in names


def test_acronym_defined_in_parentheses_joins_the_full_name(nlp):
    # Rule acronym_defined: "the Roe and Poe Authority (RPA)", then "the RPA said".
    text = (
        "The bid needs the approval of the Harbour and Rivers Tribunal (HRT), which met on Friday. "
        "In a short note, the HRT said it would look at the bid with care."
    )
    names = _names(nlp, text)
    assert "Harbour and Rivers Tribunal" in names
    assert "HRT" in names["Harbour and Rivers Tribunal"]
    assert "HRT" not in names


def test_acronym_that_spells_no_initials_stays_apart(nlp):
    text = (
        "The bid needs the approval of the Harbour and Rivers Tribunal (XYZ), which met on Friday. "
        "In a short note, XYZ said it would look at the bid with care."
    )
    names = _names(nlp, text)
    assert "XYZ" not in names.get("Harbour and Rivers Tribunal", [])


def test_upper_case_turn_label_is_the_person_introduced(nlp):
    # Rule transcript_label_surname: "ROE:" is the Ann Roe the introduction names.
    text = (
        "Ian Pellow, the council leader, was questioned by Ailsa Drummore on Radio Tay on Monday. "
        "Part of the exchange follows.\n\n"
        "DRUMMORE: Will the bridge open in spring?\n\n"
        "PELLOW: We hope so, but the steel is late.\n\n"
        "DRUMMORE: And if it is later still?\n\n"
        "PELLOW: Then we will say so plainly.\n"
    )
    names = _names(nlp, text)
    assert names["Ailsa Drummore"].count("DRUMMORE") == 2
    assert names["Ian Pellow"].count("PELLOW") == 2


def test_upper_case_label_two_people_share_stays_unlinked(nlp):
    text = (
        "Ian Pellow was questioned by Ailsa Drummore and Fraser Drummore on Radio Tay on Monday. "
        "Part of the exchange follows.\n\n"
        "DRUMMORE: Will the bridge open in spring?\n\n"
        "PELLOW: We hope so, but the steel is late.\n\n"
        "DRUMMORE: And if it is later still?\n"
    )
    names = _names(nlp, text)
    assert "DRUMMORE" not in names.get("Ailsa Drummore", []) + names.get("Fraser Drummore", [])
