"""People across articles: conservative links with reasons, corrections kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.store import Store, article_key
from newsbrief.store.people import load_aliases, read_name

from .people_briefs import brief


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def write(store: Store, b) -> None:
    assert store.write_brief(b, key=article_key(b.text))


def test_read_name_normalises_with_nameparser():
    assert read_name("Marta J. Quill Jr.", "PERSON").key == "p:marta quill"
    assert read_name("Dr. Marta Quill", "PERSON").key == "p:marta quill"
    assert read_name("Mr. Quill", "PERSON").kind == "surname"
    assert read_name("Ministry of Tides", "ORG").key == "o:ministry of tides"


@pytest.mark.parametrize(
    "text,etype",
    [
        ("29 others", None),
        ("THE BORROWING", None),
        ("public", None),
        ("Harsh", "PERSON"),
        ("His aides", None),
        ("Quill Says", "PERSON"),
        ("a senior official", None),
    ],
)
def test_things_that_are_not_names_get_no_person(text: str, etype: str | None):
    assert read_name(text, etype).kind is None


def test_same_full_name_links_across_articles_and_speakers_lists_people(store: Store):
    write(store, brief("a", "2021-01-02", [("The tide turns at noon", "Marta J. Quill", "PERSON", "harbour master")]))
    write(
        store,
        brief(
            "b",
            "2021-03-04",
            [
                ("Boats must wait for the bell", "Marta Quill", "PERSON", "mayor"),
                ("We count the gulls daily", "some residents", "", None),
            ],
        ),
    )
    rows = store.speakers(count_duplicates=True)
    assert [(r["speaker"], r["quotes"], r["articles"]) for r in rows] == [("Marta J. Quill", 2, 2)]
    assert "Marta Quill" in rows[0]["aliases"]
    assert set(rows[0]["roles"].split("; ")) == {"harbour master", "mayor"}
    assert "2021-01-02..2021-01-02" in rows[0]["roles_over_time"]


def test_different_given_names_and_middle_initials_never_merge(store: Store):
    write(store, brief("a", "2021-01-02", [("The bridge will open", "Marta Quill", "PERSON", None)]))
    write(store, brief("b", "2021-01-03", [("The bridge will close", "Oskar Quill", "PERSON", None)]))
    write(store, brief("c", "2021-01-04", [("Rain is coming", "George W. Fenn", "PERSON", None)]))
    write(store, brief("d", "2021-01-05", [("Rain has gone", "George H.W. Fenn", "PERSON", None)]))
    names = sorted(r["speaker"] for r in store.speakers(count_duplicates=True))
    assert names == ["George H.W. Fenn", "George W. Fenn", "Marta Quill", "Oskar Quill"]


def test_bare_surname_does_not_link_across_articles_and_search_lists_namesakes(store: Store):
    write(store, brief("a", "2021-01-02", [("The bridge will open", "Marta Quill", "PERSON", None)]))
    write(store, brief("b", "2021-01-03", [("The bridge will close", "Oskar Quill", "PERSON", None)]))
    write(store, brief("c", "2021-01-04", [("Nobody asked me", "Quill", "PERSON", None)]))
    people = {r["speaker"]: r for r in store.speakers(count_duplicates=True)}
    assert set(people) == {"Marta Quill", "Oskar Quill", "Quill"}
    with pytest.raises(InputError) as err:
        store.search(speaker="Quill")
    assert err.value.code == "E061" and "Marta Quill" in str(err.value) and "Oskar Quill" in str(err.value)
    assert [r["text"] for r in store.search(speaker="Marta Quill")] == ["The bridge will open"]


def test_surname_links_to_full_name_speaking_in_the_same_article(store: Store):
    write(
        store,
        brief(
            "a",
            "2021-01-02",
            [("The ferry is late", "Ines Varga", "PERSON", None), ("It will be fixed", "Varga", "PERSON", None)],
        ),
    )
    (row,) = store.speakers(count_duplicates=True)
    assert (row["speaker"], row["quotes"]) == ("Ines Varga", 2)


def test_acronym_links_to_organisation_in_same_article_then_later(store: Store):
    write(
        store,
        brief(
            "a",
            "2021-01-02",
            [("Fares will rise", "Coastal Ferry Board", "ORG", None), ("No comment", "CFB", "", None)],
        ),
    )
    write(store, brief("b", "2021-02-02", [("Fares will fall", "CFB", "", None)]))
    (row,) = store.speakers(count_duplicates=True)
    assert (row["speaker"], row["quotes"], row["articles"]) == ("Coastal Ferry Board", 3, 2)


def test_merge_split_and_show_explain_and_persist(store: Store):
    from newsbrief.store import people

    write(store, brief("a", "2021-01-02", [("Taxes will fall", "Joe Pastor", "PERSON", None)]))
    write(store, brief("b", "2021-01-03", [("Taxes may fall", "Joseph Pastor", "PERSON", None)]))
    assert len(store.speakers()) == 2
    with store.atomic() as conn:
        people.merge_names(conn, "Joseph Pastor", "Joe Pastor")
    write(store, brief("c", "2021-01-04", [("Taxes did fall", "Joe Pastor", "PERSON", None)]))
    (row,) = store.speakers(count_duplicates=True)
    assert (row["speaker"], row["quotes"]) == ("Joseph Pastor", 3)  # the merge held for a later article
    (shown,) = people.show(store.conn, "Joe Pastor")
    assert any("user: merged" in k["reason"] for k in shown["keys"])
    assert {link["speaker"] for link in shown["links"]} == {"Joe Pastor", "Joseph Pastor"}
    with store.atomic() as conn:
        people.split_name(conn, "Joseph Pastor", "Joe Pastor")
    assert sorted(r["speaker"] for r in store.speakers()) == ["Joe Pastor", "Joseph Pastor"]


def test_aliases_file_is_read_and_bad_one_is_a_coded_error(tmp_path: Path):
    good = tmp_path / "aliases.toml"
    good.write_text(
        '[[person]]\nname = "Joseph Pastor"\naliases = ["Joe Pastor"]\n[[distinct]]\nnames = ["Ann Lee", "Anne Lee"]\n',
        encoding="utf-8",
    )
    assert load_aliases(good) == [("merge", "Joseph Pastor", "Joe Pastor"), ("distinct", "Ann Lee", "Anne Lee")]
    bad = tmp_path / "bad.toml"
    bad.write_text("[[person]]\nname = 3\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_aliases(bad)
    assert err.value.code == "E064" and "bad.toml" in str(err.value)


def test_given_name_links_to_the_one_full_name_with_it_in_the_same_article(store: Store):
    write(
        store,
        brief(
            "a",
            "2021-01-02",
            [("The ferry is late", "Ines Varga", "PERSON", None), ("Ines knows best", "Ines", "PERSON", None)],
        ),
    )
    write(store, brief("b", "2021-01-03", [("I never said that", "Ines", "PERSON", None)]))
    rows = {r["speaker"]: r["quotes"] for r in store.speakers(count_duplicates=True)}
    # Linked inside article a only; alone in article b, "Ines" stays apart.
    assert rows == {"Ines Varga": 2, "Ines": 1}


def test_read_only_store_without_people_layer_is_a_coded_error(tmp_path: Path):
    import sqlite3

    from newsbrief.store.migrations import MIGRATIONS, migrate

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    old = MIGRATIONS[:]
    try:
        MIGRATIONS[:] = [m for m in old if not m[0].startswith(("0006", "0007", "0008"))]
        migrate(conn, str(db))
    finally:
        MIGRATIONS[:] = old
        conn.close()
    with Store(db, readonly=True) as store:
        with pytest.raises(InputError) as err:
            store.speakers()
        assert err.value.code == "E066" and "old.db" in str(err.value)
    with Store(db) as store:  # opened for writing: migrated
        assert store.speakers() == []


def test_cli_people_aliases_file_is_kept_for_later_articles(tmp_path: Path):
    from click.testing import CliRunner

    from newsbrief.cli import main

    db = tmp_path / "p.db"
    with Store(db) as store:
        write(store, brief("a", "2021-01-02", [("Taxes will fall", "Joe Pastor", "PERSON", None)]))
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[person]]\nname = "Joseph Pastor"\naliases = ["Joe Pastor"]\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["people", "aliases", str(aliases), "--db", str(db)])
    assert r.exit_code == 0 and "1 people rule(s) applied" in r.stderr
    r = CliRunner().invoke(main, ["people", "aliases", str(aliases), "--db", str(db)])
    assert "0 people rule(s) applied" in r.stderr  # idempotent
    with Store(db) as store:
        write(store, brief("b", "2021-02-02", [("Taxes may rise", "Joe Pastor", "PERSON", None)]))
        write(store, brief("c", "2021-03-02", [("Taxes did rise", "Joseph Pastor", "PERSON", None)]))
        (row,) = store.speakers(count_duplicates=True)
    assert (row["speaker"], row["quotes"], row["articles"]) == ("Joseph Pastor", 3, 3)
    assert "--aliases" in CliRunner().invoke(main, ["run", "--help"]).stdout


def _person(store: Store, source: str, speaker: str) -> str | None:
    row = store.conn.execute(
        """SELECT p.name FROM quotes q JOIN articles a ON a.id = q.article_id
           LEFT JOIN people p ON p.id = q.person_id WHERE a.source = ? AND q.speaker = ?""",
        (source, speaker),
    ).fetchone()
    return row[0] if row else None


@pytest.mark.parametrize(
    ("role", "same"),
    [
        ("head of the Harbour Budget Office", True),  # the roles name the same office
        ("coach of the Harbour Rovers", False),  # one shared word is not enough
        (None, False),  # no role: two given names stay two people
    ],
)
def test_nickname_links_only_when_the_roles_name_the_same_thing(store: Store, role: str | None, same: bool):
    write(store, brief("a", "2022-01-01", [("Tolls pay for the pier", "Leonard E. Hale", "PERSON", None)]))
    write(
        store,
        brief(
            "b",
            "2022-01-02",
            [("The pier needs tolls", "Leonard E. Hale", "PERSON", "director of the Harbour Budget Office")],
        ),
    )
    write(store, brief("c", "2022-02-01", [("Tolls will rise", "Len Hale", "PERSON", role)]))
    assert _person(store, "c", "Len Hale") == ("Leonard E. Hale" if same else "Len Hale")
    if same:
        (reason,) = store.conn.execute("SELECT reason FROM person_links WHERE speaker = 'Len Hale'").fetchone()
        assert "nickname" in reason and "'len'" in reason


def test_nickname_of_another_given_name_never_links(store: Store):
    # "Len" is no form of "Martin": same surname, same office, two people.
    office = "head of the Harbour Budget Office"
    write(store, brief("a", "2022-01-01", [("Tolls pay for the pier", "Martin Hale", "PERSON", office)]))
    write(store, brief("b", "2022-01-02", [("Tolls will rise", "Len Hale", "PERSON", office)]))
    assert _person(store, "b", "Len Hale") == "Len Hale"
