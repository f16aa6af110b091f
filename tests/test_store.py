"""The SQLite store, on hand-built briefs (no model needed)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from newsbrief.errors import InputError, SetupError
from newsbrief.model import Brief, Entity, Quote, Speaker, SummarySentence, TextSpan
from newsbrief.store import MIGRATIONS, Store, article_key, failure_key, fts_query

TEXT = (
    'Sergey Lavrov said the talks in Aleppo must restart. "There is no alternative," Lavrov told reporters. '
    "John Kerry said the ceasefire was in danger."
)


def _span(text: str, part: str, nth: int = 0) -> TextSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return TextSpan(part, start, start + len(part))


def make_brief(
    text: str = TEXT, source: str = "a.txt", date_: str | None = "2016-09-21", place: str = "Aleppo"
) -> Brief:
    lavrov = Entity("e1", "Sergey Lavrov", "PERSON", [_span(text, "Sergey Lavrov"), _span(text, "Lavrov", 1)])
    aleppo = Entity("e2", place, "GPE", [_span(text, place)])
    kerry = Entity("e3", "John Kerry", "PERSON", [_span(text, "John Kerry")], role="secretary of state")
    q1 = _span(text, f"the talks in {place} must restart")
    q2 = _span(text, "There is no alternative,")
    q3 = _span(text, "the ceasefire was in danger")
    quotes = [
        Quote(
            q1.text,
            q1.start,
            q1.end,
            "indirect",
            Speaker("Sergey Lavrov", "e1", "foreign minister", _span(text, "Sergey Lavrov")),
            _span(text, "said"),
        ),
        Quote(
            q2.text,
            q2.start,
            q2.end,
            "direct",
            Speaker("Sergey Lavrov", "e1", None, _span(text, "Lavrov", 1)),
            _span(text, "told"),
        ),
        Quote(
            q3.text,
            q3.start,
            q3.end,
            "indirect",
            Speaker("John Kerry", "e3", "secretary of state"),
            _span(text, "said", 1),
        ),
    ]
    first = text[: text.index(".") + 1]
    return Brief(
        text=text,
        source=source,
        quotes=quotes,
        entities=[lavrov, aleppo, kerry],
        summary=[SummarySentence(first, 0, len(first), 0.9)],
        key_quote=1,
        meta={"title": "Talks", "date": date_} if date_ else {},
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "news.db")
    yield s
    s.close()


def test_store_schema_migrations_recorded_wal_and_foreign_keys(tmp_path: Path):
    path = tmp_path / "news.db"
    with Store(path) as s:
        assert s.migrations() == [name for name, _ in MIGRATIONS]
        assert s.schema_version() == len(MIGRATIONS)
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # Opening again applies nothing twice.
    with Store(path) as s:
        assert s.conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


def test_store_refuses_a_database_from_a_newer_version(tmp_path: Path):
    path = tmp_path / "news.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES ('9999_future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(SetupError) as err:
        Store(path)
    assert err.value.code == "E013" and "9999_future" in str(err.value)


def test_store_refuses_a_file_that_is_not_a_database(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("just some text, not SQLite " * 100)
    with pytest.raises(SetupError) as err:
        Store(path)
    assert err.value.code == "E013"


def test_store_write_brief_rows_and_offsets(store: Store):
    brief = make_brief()
    assert store.write_brief(brief, key=article_key(brief.text), run_id=None)
    counts = store.counts()
    assert counts == {"articles": 1, "failed": 0, "quotes": 3, "entities": 3, "speakers": 2}
    for text, start, end in store.conn.execute('SELECT text, start, "end" FROM quotes'):
        assert TEXT[start:end] == text
    for text, start, end in store.conn.execute('SELECT text, start, "end" FROM mentions'):
        assert TEXT[start:end] == text
    key_quote = store.conn.execute("SELECT text FROM quotes WHERE is_key = 1").fetchall()
    assert [r[0] for r in key_quote] == ["There is no alternative,"]
    assert tuple(store.conn.execute("SELECT title, date FROM articles").fetchone()) == ("Talks", "2016-09-21")
    assert store.check() == []


def test_store_write_brief_twice_is_a_no_op(store: Store):
    brief = make_brief()
    key = article_key(brief.text)
    assert store.write_brief(brief, key=key)
    before = store.snapshot()
    assert not store.write_brief(brief, key=key)
    assert store.snapshot() == before
    # The same text under another id is another article.
    assert store.write_brief(brief, key=article_key(brief.text, "doc-2"))
    assert store.counts()["articles"] == 2


def test_store_failure_recorded_then_replaced_by_success(store: Store):
    assert store.write_failure(source="a.txt", code="E002", message="[E002] a.txt: binary")
    assert store.failures() == [{"source": "a.txt", "error_code": "E002", "reason": "[E002] a.txt: binary"}]
    # Recording it again updates the reason, never duplicates it.
    store.write_failure(source="a.txt", code="E008", message="[E008] a.txt: unreadable")
    assert len(store.failures()) == 1 and store.failures()[0]["error_code"] == "E008"
    brief = make_brief(source="a.txt")
    store.write_brief(brief, key=article_key(brief.text))
    assert store.failures() == []
    assert store.counts()["articles"] == 1
    assert failure_key("a.txt") != failure_key("b.txt")


def test_store_one_transaction_per_article(store: Store, monkeypatch: pytest.MonkeyPatch):
    brief = make_brief()
    # A brief whose second quote cannot be stored (kind violates the schema).
    brief.quotes[1].kind = "shouted"  # type: ignore[assignment]
    with pytest.raises(sqlite3.IntegrityError):
        store.write_brief(brief, key=article_key(brief.text))
    assert store.counts() == {"articles": 0, "failed": 0, "quotes": 0, "entities": 0, "speakers": 0}
    assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0


class _InterruptAfterBegin:
    """A connection that behaves as if Ctrl-C landed just after BEGIN ran."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.armed = True

    def __getattr__(self, name: str):
        return getattr(self._conn, name)

    def execute(self, sql: str, *args):
        cursor = self._conn.execute(sql, *args)
        if self.armed and sql.startswith("BEGIN"):
            self.armed = False
            raise KeyboardInterrupt
        return cursor


def test_store_interrupt_right_after_begin_leaves_no_open_transaction(store: Store):
    real = store.conn
    store.conn = _InterruptAfterBegin(real)  # type: ignore[assignment]
    with pytest.raises(KeyboardInterrupt):
        store.write_brief(make_brief(), key=article_key(TEXT))
    store.conn = real
    assert not real.in_transaction
    # The run can still be closed and later articles written.
    run_id = store.start_run(engine="local", workers=1, inputs=["a"], settings={})
    store.finish_run(run_id, status="interrupted", analysed=0, skipped=0, failed=0)
    assert store.write_brief(make_brief(), key=article_key(TEXT))
    assert store.counts()["articles"] == 1


def test_store_drops_a_transaction_left_open_before_the_next_one(store: Store):
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute(
        "INSERT INTO runs (started_at, engine, inputs, settings) VALUES ('2026-01-01', 'dask', '[]', '{}')"
    )
    run_id = store.start_run(engine="local", workers=1, inputs=["a"], settings={})
    runs = [tuple(r) for r in store.conn.execute("SELECT id, engine FROM runs")]
    assert runs == [(run_id, "local")]  # the half-written row is gone, the new one committed
    assert not store.conn.in_transaction


def test_store_deleting_an_article_cascades_and_keeps_fts_in_step(store: Store):
    brief = make_brief()
    store.write_brief(brief, key=article_key(brief.text))
    assert store.search("alternative")
    store.conn.execute("DELETE FROM articles")
    assert store.counts()["quotes"] == 0 and store.counts()["entities"] == 0
    assert store.search("alternative") == []
    assert store.check() == []


def test_store_search_full_text_and_filters(store: Store):
    a = make_brief()
    b = make_brief(TEXT.replace("Aleppo", "Homs"), source="dir/b.txt", date_="2016-10-05", place="Homs")
    store.write_brief(a, key=article_key(a.text))
    store.write_brief(b, key=article_key(b.text))
    assert len(store.search("ALTERNATIVE")) == 2
    assert {r["source"] for r in store.search("restart", entity="aleppo")} == {"a.txt"}
    rows = store.search(speaker="lavrov")
    assert len(rows) == 4 and {r["speaker"] for r in rows} == {"Sergey Lavrov"}
    assert len(store.search(speaker="Sergey Lavrov")) == 4
    assert store.search(speaker="Sergey") == []  # a first name alone is not a surname
    assert store.search(speaker="avrov") == []
    assert {r["speaker"] for r in store.search(kinds=["indirect"], source="dir/")} == {"Sergey Lavrov", "John Kerry"}
    assert {r["source"] for r in store.search(since=date(2016, 10, 1))} == {"dir/b.txt"}
    assert {r["source"] for r in store.search(until=date(2016, 9, 30))} == {"a.txt"}
    row = store.search("alternative", source="a.txt")[0]
    assert TEXT[row["start"] : row["end"]] == row["text"]
    assert store.search("alternative", limit=1) and len(store.search(limit=1)) == 1
    surname_only = make_brief(TEXT + " Talks go on.", source="c.txt")
    for q in surname_only.quotes:
        if q.speaker.name == "Sergey Lavrov":
            q.speaker.name = "Lavrov"
    store.write_brief(surname_only, key=article_key(surname_only.text))
    assert {r["source"] for r in store.search(speaker="sergey  lavrov")} == {"a.txt", "dir/b.txt", "c.txt"}


def test_store_search_is_parameterised(store: Store):
    brief = make_brief()
    store.write_brief(brief, key=article_key(brief.text))
    evil = "'; DROP TABLE quotes; --"
    assert store.search(evil) == []
    assert store.search(speaker=evil) == []
    assert store.search(entity=evil) == []
    assert store.search(source=evil) == []
    assert store.search('"; DROP TABLE articles; --') == []
    assert store.search(source="%") == []  # LIKE wildcards are matched literally
    assert store.counts()["quotes"] == 3
    assert store.check() == []


def test_store_raw_fts_query_and_bad_syntax(store: Store):
    brief = make_brief()
    store.write_brief(brief, key=article_key(brief.text))
    assert len(store.search("alter* OR ceasefire", raw=True)) == 2
    with pytest.raises(InputError) as err:
        store.search("AND AND (", raw=True)
    assert err.value.code == "E014"
    assert fts_query('say "hi"') == 'text : "say" AND text : """hi"""'


def test_store_speakers_counts_and_roles(store: Store):
    a = make_brief()
    b = make_brief(TEXT + " More text.", source="b.txt")
    store.write_brief(a, key=article_key(a.text))
    store.write_brief(b, key=article_key(b.text))
    rows = store.speakers(count_duplicates=True)
    assert [(r["speaker"], r["quotes"], r["articles"]) for r in rows] == [("Sergey Lavrov", 4, 2), ("John Kerry", 2, 2)]
    # b is a near-duplicate of a: by default the story and its statements count once.
    once = store.speakers()
    assert [(r["speaker"], r["quotes"], r["articles"]) for r in once] == [("Sergey Lavrov", 2, 1), ("John Kerry", 1, 1)]
    assert rows[0]["direct"] == 2 and rows[0]["indirect"] == 2
    assert rows[0]["roles"] == "foreign minister"
    assert [r["speaker"] for r in store.speakers(min_quotes=3, count_duplicates=True)] == ["Sergey Lavrov"]


def test_store_iter_briefs_round_trips(store: Store):
    brief = make_brief()
    store.write_brief(brief, key=article_key(brief.text, "x-1"))
    ((info, back),) = list(store.iter_briefs())
    assert info["ext_id"] == "x-1" and info["source"] == "a.txt"
    assert back.to_dict() == brief.to_dict()


def test_store_readonly_open_of_a_missing_file(tmp_path: Path):
    with pytest.raises(InputError) as err:
        Store(tmp_path / "none.db", readonly=True)
    assert err.value.code == "E004"
