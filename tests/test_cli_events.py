"""``newsbrief events``, the store's events, their export and the text brief
(articles written for these tests)."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from newsbrief.api import analyze
from newsbrief.cli import main
from newsbrief.cli.render import render_brief
from newsbrief.export import event_rows, write_rows
from newsbrief.ingest import Article
from newsbrief.store import Store, article_key

ARTICLES = [
    ("Russian aircraft bombed a market in Idlib on Friday. Turkey condemned the Russian government.", "2016-09-23"),
    ("The Nigerian army arrested dozens of protesters in Lagos. Ghana offered aid to Nigeria.", "2016-10-04"),
]


@pytest.fixture(scope="module")
def db(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "news.db"
    with Store(path) as store:
        for i, (text, date) in enumerate(ARTICLES):
            brief = analyze(Article(text=text, source=f"a{i}.txt", meta={"date": date}), nlp=nlp)
            assert store.write_brief(brief, key=article_key(text))
    return path


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_events_by_type_and_actor(db):
    out = _run("events", "--db", str(db), "--type", "ASSAULT", "--format", "jsonl")
    assert out.exit_code == 0
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert len(rows) == 1
    assert rows[0]["actor"][0]["code"] == "RUS"
    assert rows[0]["date"] == "2016-09-23"  # "Friday" against the article's date
    out = _run("events", "--db", str(db), "--actor", "RUS", "--format", "jsonl")
    types = {json.loads(line)["type"] for line in out.output.splitlines()}
    assert types == {"ASSAULT", "ACCUSE"}  # actor or recipient


def test_events_since_and_table(db):
    out = _run("events", "--db", str(db), "--since", "2016-10-01", "--format", "jsonl")
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows and all(r["date"] >= "2016-10-01" for r in rows)
    assert {r["source"] for r in rows} == {"a1.txt"}
    table = _run("events", "--db", str(db))
    assert table.exit_code == 0 and "ASSAULT" in table.output and "[RUS" in table.output


def test_bad_type_is_a_usage_error(db):
    out = CliRunner().invoke(main, ["events", "--db", str(db), "--type", "BOMBING"])
    assert out.exit_code == 2
    assert "BOMBING" in out.output


def test_export_rows_and_text_brief(nlp):
    text, date = ARTICLES[0]
    brief = analyze(Article(text=text, source="x", meta={"date": date}), nlp=nlp)
    rows = list(event_rows({"source": "x", "date": date}, brief))
    assert [r["event_type"] for r in rows] == ["ASSAULT", "ACCUSE"]
    assert rows[0]["actor_code"] == "RUS" and rows[0]["event_date"] == "2016-09-23"
    assert text[rows[0]["trigger_start"] : rows[0]["trigger_end"]] == rows[0]["trigger"]
    assert rows[1]["recipient_code"] == "RUS"
    buf = io.StringIO()
    assert write_rows(iter(rows), "events", "csv", buf) == 2
    assert buf.getvalue().splitlines()[0].count("event_type") == 1
    rendered = render_brief(brief)
    assert "WHO DID WHAT (2 events, PLOVER)" in rendered
    assert "ASSAULT" in rendered


def test_eval_events_command(tmp_path):
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps([
        {"id": "1", "event": "DISAPPROVE", "text": "Chile criticized Peru over the fishing dispute.",
         "source": [{"actorText": "Chile", "code": "CHL"}], "target": [{"actorText": "Peru", "code": "PER"}]},
    ]), encoding="utf-8")
    out = _run("eval", "events", str(gold))
    assert out.exit_code == 0, out.output
    assert "event type correct" in out.output and "100.0%" in out.output
    bad = CliRunner().invoke(main, ["eval", "events", str(tmp_path / "missing.json")])
    assert bad.exit_code == 1 and "E004" in bad.output


def test_export_command_writes_the_events_table(db, tmp_path):
    out = _run("export", "--db", str(db), "--format", "jsonl", "--table", "events", "--out", "-")
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines() if line.startswith("{")]
    assert {r["event_type"] for r in rows} >= {"ASSAULT", "ACCUSE"}
    assert all(r["sentence_start"] <= r["trigger_start"] < r["sentence_end"] for r in rows)
