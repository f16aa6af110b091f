"""Schema newsbrief/2 in the store: attribution types and verbatim spans are
stored and searchable, and a store written by schema 1 migrates."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsbrief.model import Brief, Quote, Speaker, TextSpan
from newsbrief.store import Store, article_key
from newsbrief.store import migrations as store_migrations

TEXT = (
    'Mayor Ana Ruiz said the bridge was "unsafe" for lorries. She believes the repairs will take a year. '
    '"We will reopen it in spring," Ruiz said.'
)


def _span(part: str) -> TextSpan:
    start = TEXT.index(part)
    return TextSpan(part, start, start + len(part))


def _brief() -> Brief:
    clause, unsafe, belief, direct = (
        _span('the bridge was "unsafe" for lorries'),
        _span("unsafe"),
        _span("the repairs will take a year"),
        _span("We will reopen it in spring,"),
    )
    ruiz = Speaker("Ana Ruiz", None, "mayor", _span("Mayor Ana Ruiz"))
    return Brief(
        text=TEXT,
        source="bridge.txt",
        quotes=[
            Quote(clause.text, clause.start, clause.end, "partial", ruiz, _span("said"), verbatim=[unsafe]),
            Quote(belief.text, belief.start, belief.end, "indirect", ruiz, _span("believes"), type="belief"),
            Quote(direct.text, direct.start, direct.end, "direct", ruiz, None, verbatim=[direct]),
        ],
    )


def test_store_schema2_types_and_verbatim_are_stored_and_filtered(tmp_path: Path):
    with Store(tmp_path / "s.db") as store:
        brief = _brief()
        assert store.write_brief(brief, key=article_key(brief.text))
        beliefs = store.search(types=["belief"])
        assert [r["text"] for r in beliefs] == ["the repairs will take a year"]
        assert {r["type"] for r in store.search(types=["speech"])} == {"speech"}
        rows = store.conn.execute("SELECT kind, verbatim FROM quotes ORDER BY idx").fetchall()
        spans = [json.loads(r["verbatim"]) for r in rows]
        assert [TEXT[s:e] for s, e in spans[0]] == ["unsafe"]
        assert spans[1] == []


def _store_with_migrations(path: Path, count: int) -> sqlite3.Connection:
    """A store with only the first ``count`` migrations applied, holding one article of TEXT."""
    conn = sqlite3.connect(path, isolation_level=None)
    saved = store_migrations.MIGRATIONS[:]
    try:
        store_migrations.MIGRATIONS[:] = saved[:count]
        store_migrations.migrate(conn, str(path))
    finally:
        store_migrations.MIGRATIONS[:] = saved
    conn.execute(
        "INSERT INTO articles (content_hash, source, text, status, stored_at) VALUES ('h', 'old.txt', ?, 'ok', 'now')",
        (TEXT,),
    )
    return conn


def test_store_schema2_migrates_a_schema1_store(tmp_path: Path):
    path = tmp_path / "old.db"
    # A store as schema 1 left it: the first two migrations only.
    conn = _store_with_migrations(path, 2)
    start = TEXT.index("unsafe")
    conn.execute(
        'INSERT INTO quotes (article_id, idx, text, start, "end", kind) VALUES (1, 0, ?, ?, ?, ?)',
        ("unsafe", start, start + 6, "partial"),
    )
    conn.close()
    with Store(path) as store:
        assert "0003_attribution_type_verbatim" in store.migrations()
        row = store.conn.execute("SELECT type, verbatim FROM quotes").fetchone()
        assert row["type"] == "speech"
        assert json.loads(row["verbatim"]) == [[start, start + 6]]


def test_store_schema2_reads_schema1_briefs():
    old = {
        "schema": "newsbrief/1",
        "text": TEXT,
        "quotes": [{"text": "unsafe", "start": TEXT.index("unsafe"), "end": TEXT.index("unsafe") + 6,
                    "kind": "partial", "speaker": {"name": "Ana Ruiz"}, "cue": None}],
    }
    quote = Brief.from_dict(old).quotes[0]
    assert quote.type == "speech"
    assert [(v.start, v.end) for v in quote.verbatim] == [(quote.start, quote.end)]


def test_store_search_query_with_a_nul_is_plain_words(tmp_path: Path):
    with Store(tmp_path / "s.db") as store:
        brief = _brief()
        store.write_brief(brief, key=article_key(brief.text))
        assert [r["text"] for r in store.search("reopen\x00spring")] == ["We will reopen it in spring,"]
        assert store.search("\x00") == store.search()


_NEW_TYPES = [("0011_stance_type", "stance"), ("0012_question_type", "question")]


@pytest.mark.parametrize(("migration", "new_type"), _NEW_TYPES)
def test_store_migrates_a_store_made_before_a_new_type(tmp_path: Path, migration: str, new_type: str):
    path = tmp_path / "before.db"
    names = [name for name, _ in store_migrations.MIGRATIONS]
    conn = _store_with_migrations(path, names.index(migration))
    start = TEXT.index("the repairs")
    conn.execute(
        'INSERT INTO quotes (article_id, idx, text, start, "end", kind, type) VALUES (1, 0, ?, ?, ?, ?, ?)',
        ("the repairs will take a year", start, start + 28, "indirect", "belief"),
    )
    # The old CHECK refuses the new type: that is why the column is rebuilt.
    try:
        conn.execute(
            'INSERT INTO quotes (article_id, idx, text, start, "end", kind, type) VALUES (1, 1, ?, 0, 5, ?, ?)',
            ("Mayor", "indirect", new_type),
        )
        raise AssertionError(f"the old schema took a {new_type} row")
    except sqlite3.IntegrityError:
        pass
    conn.close()
    with Store(path) as store:
        assert migration in store.migrations()
        assert [r["type"] for r in store.conn.execute("SELECT type FROM quotes")] == ["belief"]
        # Full-text search still follows the table after the rebuild.
        assert [r["text"] for r in store.search("repairs")] == ["the repairs will take a year"]
        store.conn.execute(
            'INSERT INTO quotes (article_id, idx, text, start, "end", kind, type) VALUES (1, 1, ?, 0, 5, ?, ?)',
            ("Mayor", "indirect", new_type),
        )
        assert [r["text"] for r in store.search(types=[new_type])] == ["Mayor"]
        indexes = {r[1] for r in store.conn.execute("PRAGMA index_list(quotes)")}
        assert "quotes_type" in indexes
        try:
            store.conn.execute(
                'INSERT INTO quotes (article_id, idx, text, start, "end", kind, type) VALUES (1, 2, ?, 0, 5, ?, ?)',
                ("Mayor", "indirect", "opinion"),
            )
            raise AssertionError("a type outside the closed set was stored")
        except sqlite3.IntegrityError:
            pass
