"""People links made through an article's own resolution: a short
organisation name to the one fuller name the article gives, a description to the person the sentence before it
opens with. Our own made-up articles; offsets come from the text."""

from __future__ import annotations

import re

import pytest

from newsbrief.model import Brief, Entity, Quote, Speaker, TextSpan
from newsbrief.store import Store, article_key
from newsbrief.store.people import role_phrase


def span(text: str, part: str, nth: int = 0) -> TextSpan:
    starts = [m.start() for m in re.finditer(re.escape(part), text)]
    s = starts[nth]
    return TextSpan(part, s, s + len(part))


def make(
    source: str,
    text: str,
    entities: list[tuple[str, str, list, str | None]],
    said: list[tuple[str, str, str | None, int]],
) -> Brief:
    """entities: (name, type, mention texts (next occurrences, or (text, nth)), role);
    said: (quoted words, speaker string, entity name or None, occurrence of the
    speaker string in the text)."""
    ents: dict[str, Entity] = {}
    for i, (name, etype, mentions, role) in enumerate(entities):
        seen: dict[str, int] = {}
        spans = []
        for m in mentions:
            m, nth = m if isinstance(m, tuple) else (m, seen.get(m, 0))
            spans.append(span(text, m, nth))
            seen[m] = nth + 1
        ents[name] = Entity(f"e{i + 1}", name, etype, spans, role)
    quotes = []
    for words, speaker, ent_name, nth in said:
        w = span(text, words)
        ent = ents.get(ent_name) if ent_name else None
        quotes.append(
            Quote(
                words,
                w.start,
                w.end,
                "direct",
                Speaker(speaker, ent.id if ent else None, None, span(text, speaker, nth)),
                verbatim=[w],
            )
        )
    return Brief(text, source=source, quotes=quotes, entities=list(ents.values()), meta={"date": "2022-05-01"})


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def write(store: Store, b: Brief) -> None:
    for q in b.quotes:  # offsets are sacred, in the test data too
        assert b.text[q.start : q.end] == q.text
    assert store.write_brief(b, key=article_key(b.text))


def person_of(store: Store, source: str, speaker: str) -> str | None:
    row = store.conn.execute(
        """SELECT p.name FROM quotes q JOIN articles a ON a.id = q.article_id
           LEFT JOIN people p ON p.id = q.person_id WHERE a.source = ? AND q.speaker = ?""",
        (source, speaker),
    ).fetchone()
    return row[0] if row else None


def test_short_org_name_links_to_the_one_fuller_name_in_its_own_article_only(store: Store):
    text = "The Harbour Gazette ran the story. “Tolls will double,” the Gazette wrote."
    write(
        store,
        make(
            "a",
            text,
            [("Harbour Gazette", "ORG", ["Harbour Gazette"], None), ("Gazette", "ORG", ["Gazette"], None)],
            [("Tolls will double", "Gazette", "Gazette", 1)],
        ),
    )
    assert person_of(store, "a", "Gazette") == "Harbour Gazette"
    # Beside two fuller names it stays itself; alone in another article too.
    text2 = "The Harbour Gazette and the Valley Gazette disagree. “Tolls will fall,” the Gazette wrote."
    write(
        store,
        make(
            "b",
            text2,
            [
                ("Harbour Gazette", "ORG", ["Harbour Gazette"], None),
                ("Valley Gazette", "ORG", ["Valley Gazette"], None),
                ("Gazette", "ORG", ["Gazette"], None),
            ],
            [("Tolls will fall", "Gazette", "Gazette", 2)],
        ),
    )
    text3 = "“Tolls are fine,” the Gazette wrote."
    write(
        store, make("c", text3, [("Gazette", "ORG", ["Gazette"], None)], [("Tolls are fine", "Gazette", "Gazette", 0)])
    )
    assert person_of(store, "b", "Gazette") == "Gazette"
    assert person_of(store, "c", "Gazette") == "Gazette"


def test_description_links_to_the_person_the_previous_sentence_opens_with(store: Store):
    text = (
        "Marta Quill toured the docks on Monday. Quill blames the storm for the delays.\n\n"
        "The Lisbon tycoon says of the council, “It has slept through the winter.”"
    )
    write(
        store,
        make(
            "a",
            text,
            [("Marta Quill", "PERSON", ["Marta Quill", ("Quill", 1)], None)],
            [("It has slept through the winter.", "The Lisbon tycoon", None, 0)],
        ),
    )
    assert person_of(store, "a", "The Lisbon tycoon") == "Marta Quill"
    (shown,) = store.conn.execute("SELECT reason FROM person_links WHERE speaker = 'The Lisbon tycoon'").fetchone()
    assert "opens with" in shown  # `people show` can say why


@pytest.mark.parametrize(
    "text",
    [
        # Someone else is named in the description's own sentence first.
        "Marta Quill toured the docks. After Oskar Berg spoke, the Lisbon tycoon said, “It has slept.”",
        # The previous sentence opens with no person.
        "The docks were quiet for Marta Quill. The Lisbon tycoon said, “It has slept.”",
        # An abbreviation is no sentence end: "Gov." does not make Berg an opener.
        "Talks with Marta Quill ended with Gov. Oskar Berg. The Lisbon tycoon said, “It has slept.”",
        # Not a person noun at the end of the description.
        "Marta Quill toured the docks. The Lisbon harbour said, “It has slept.”",
    ],
)
def test_description_stays_unlinked_when_the_cue_is_missing(store: Store, text: str):
    speaker = (
        "the Lisbon tycoon"
        if "the Lisbon tycoon" in text
        else ("The Lisbon tycoon" if "The Lisbon tycoon" in text else "The Lisbon harbour")
    )
    ents = [("Marta Quill", "PERSON", ["Marta Quill"], None)]
    if "Oskar Berg" in text:
        ents.append(("Oskar Berg", "PERSON", ["Oskar Berg"], None))
    write(store, make("a", text, ents, [("It has slept.", speaker, None, 0)]))
    assert person_of(store, "a", speaker) is None


def test_a_role_elsewhere_in_the_article_blocks_the_subject_rule(store: Store):
    text = "The mayor, Oskar Berg, was absent. Marta Quill spoke first.\n\nThe mayor said, “We will rebuild.”"
    write(
        store,
        make(
            "a",
            text,
            [("Oskar Berg", "PERSON", ["Oskar Berg"], "mayor"), ("Marta Quill", "PERSON", ["Marta Quill"], None)],
            [("We will rebuild.", "The mayor", None, 1)],
        ),
    )
    # The article's own role decides: the mayor is Berg, never Quill.
    assert person_of(store, "a", "The mayor") == "Oskar Berg"


def test_role_phrase_spells_synonyms_and_abbreviations_one_way():
    assert role_phrase("the GOP presidential nominee") == role_phrase("Republican presidential nominee")
    assert role_phrase("Vermont Sen.") == role_phrase("the Vermont senator")
    assert role_phrase("the Green nominee") != role_phrase("Republican nominee")


def test_subject_rule_follows_a_resolved_pronoun_and_a_head_before_of(store: Store):
    text = (
        "Marta Quill spoke at noon. He says, “The pier is safe.”\n\nThe former mayor of Lisbon said, “Nobody listens.”"
    )
    # "He" was resolved by the speakers stage to Oskar Berg, named earlier.
    text = "Oskar Berg arrived. " + text
    b = make(
        "a",
        text,
        [("Oskar Berg", "PERSON", ["Oskar Berg"], None), ("Marta Quill", "PERSON", ["Marta Quill"], None)],
        [
            ("The pier is safe.", "Oskar Berg", "Oskar Berg", 0),
            ("Nobody listens.", "The former mayor of Lisbon", None, 0),
        ],
    )
    b.quotes[0].speaker.mention = span(text, "He")
    write(store, b)
    assert person_of(store, "a", "The former mayor of Lisbon") == "Oskar Berg"


def test_surname_kept_apart_with_a_title_does_not_join_a_namesake(store: Store):
    text = "Petra Lindqvist spoke first. “We wait,” said Mr. Lindqvist."
    write(
        store,
        make(
            "a",
            text,
            [
                ("Petra Lindqvist", "PERSON", ["Petra Lindqvist"], None),
                ("Lindqvist", "PERSON", ["Mr. Lindqvist"], None),
            ],
            [("We wait", "Lindqvist", "Lindqvist", 1)],
        ),
    )
    assert person_of(store, "a", "Lindqvist") == "Lindqvist"


def test_surname_with_role_joins_a_later_full_name_with_that_role_unless_a_namesake_has_it(store: Store):
    from tests.people_briefs import brief

    write(store, brief("a", "2021-01-02", [("The port reopens", "Varga", "PERSON", "Harbour Commissioner")]))
    write(store, brief("b", "2021-01-03", [("The port is busy", "Ines Varga", "PERSON", "commissioner")]))
    assert person_of(store, "a", "Varga") == "Varga"  # one article of evidence is not enough
    write(store, brief("c", "2021-01-04", [("The port is full", "Ines Varga", "PERSON", "commissioner")]))
    assert person_of(store, "a", "Varga") == "Ines Varga"
    # The bare surname key went with it: a later "Varga" without a role stays alone.
    write(store, brief("d", "2021-01-05", [("Nobody called me", "Varga", "PERSON", None)]))
    assert person_of(store, "d", "Varga") == "Varga"


def test_surname_with_role_stays_alone_when_a_namesake_had_the_role(store: Store):
    from tests.people_briefs import brief

    write(store, brief("a", "2021-01-02", [("The port reopens", "Varga", "PERSON", "Harbour Commissioner")]))
    write(store, brief("b", "2021-01-03", [("I was commissioner once", "Pal Varga", "PERSON", "former commissioner")]))
    for src in "cd":
        write(store, brief(src, "2021-01-04", [(f"The port is full {src}", "Ines Varga", "PERSON", "commissioner")]))
    assert person_of(store, "a", "Varga") == "Varga"


def test_a_description_naming_an_organisation_is_not_the_subject_before_it(store: Store):
    # "the Harbour Board director" is someone of the Harbour Board, not the
    # person the sentence before opens with; "the Lisbon tycoon" still is.
    text = (
        "Marta Quill toured the docks on Monday. Quill met the Harbour Board.\n\n"
        "The Harbour Board director says of the council, “It has slept through the winter.”"
    )
    ents = [
        ("Marta Quill", "PERSON", ["Marta Quill", ("Quill", 1)], None),
        ("Harbour Board", "ORG", ["Harbour Board", ("Harbour Board", 1)], None),
    ]
    write(store, make("a", text, ents, [("It has slept through the winter.", "The Harbour Board director", None, 0)]))
    assert person_of(store, "a", "The Harbour Board director") is None


def test_the_last_name_of_a_pair_does_not_join_the_pair(store: Store):
    text = "“We object,” Norland and Vesta said. “We object too,” Vesta said."
    ents = [("Norland", "GPE", ["Norland"], None), ("Vesta", "GPE", ["Vesta", ("Vesta", 1)], None)]
    write(
        store,
        make("a", text, ents, [("We object", "Norland and Vesta", None, 0), ("We object too", "Vesta", "Vesta", 1)]),
    )
    assert person_of(store, "a", "Vesta") == "Vesta"
    # The pair is two speakers, no one organisation.
    assert person_of(store, "a", "Norland and Vesta") is None
