"""`newsbrief run / search / speakers / export` through the command line."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli import main
from newsbrief.store import Store

from .corpus_articles import PEOPLE, write_corpus

COMMANDS = ["run", "search", "speakers", "export"]
DOCS = Path(__file__).resolve().parents[1] / "docs" / "corpus.md"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder / "in", 12, jsonl_every=3)
    db = folder / "news.db"
    result = CliRunner().invoke(main, ["run", str(folder / "in"), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "12 analysed, 0 skipped as already done, 0 failed" in result.stderr
    return db


def _one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_corpus_every_command_has_help_and_docs(command: str):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "--db" in result.output
    assert f"newsbrief {command}" in DOCS.read_text(encoding="utf-8"), f"docs/corpus.md does not show {command}"


def test_cli_corpus_run_again_skips_everything(store_path: Path):
    folder = store_path.parent / "in"
    result = CliRunner().invoke(main, ["run", str(folder), "--db", str(store_path), "--workers", "1"])
    assert result.exit_code == 0
    assert "0 analysed, 12 skipped as already done, 0 failed" in result.stderr


def test_cli_corpus_search_formats(store_path: Path):
    runner = CliRunner()
    name, surname, _ = PEOPLE[0]
    as_jsonl = runner.invoke(
        main, ["search", "--db", str(store_path), "--speaker", surname.lower(), "--format", "jsonl"]
    )
    assert as_jsonl.exit_code == 0
    rows = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    assert rows, "no quotes for the first test speaker"
    with Store(store_path, readonly=True) as store:
        texts = {r["content_hash"]: r[0] for r in store.conn.execute("SELECT text, content_hash FROM articles")}
    for row in rows:
        assert row["speaker"] == name
        assert texts[row["content_hash"]][row["start"] : row["end"]] == row["text"]
        assert row["source"]
    as_csv = runner.invoke(main, ["search", "--db", str(store_path), "--speaker", surname, "--format", "csv"])
    parsed = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [(r["text"], int(r["start"])) for r in parsed] == [(r["text"], r["start"]) for r in rows]
    table = runner.invoke(main, ["search", "--db", str(store_path), "--speaker", surname])
    header = table.stdout.splitlines()[0].split()
    assert header == ["speaker", "kind", "text", "start", "end", "source"]
    assert len(table.stdout.splitlines()) == 2 + len(rows)


def test_cli_corpus_search_words_and_filters(store_path: Path):
    runner = CliRunner()
    result = runner.invoke(main, ["search", "--db", str(store_path), "finish", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all("finish" in r["text"].lower() for r in rows)
    dated = runner.invoke(
        main, ["search", "--db", str(store_path), "--since", "2016-09-04", "--until", "2016-09-07", "--format", "jsonl"]
    )
    dates = {json.loads(line)["date"] for line in dated.stdout.splitlines()}
    assert dates and all("2016-09-04" <= d <= "2016-09-07" for d in dates)
    kinds = runner.invoke(main, ["search", "--db", str(store_path), "--kind", "partial", "--format", "jsonl"])
    assert all(json.loads(line)["kind"] == "partial" for line in kinds.stdout.splitlines())


def test_cli_corpus_search_injection_leaves_tables_intact(store_path: Path):
    with Store(store_path, readonly=True) as store:
        before = store.counts()
    for args in (["'; DROP TABLE quotes; --"], ["--speaker", "'; DROP TABLE quotes; --"], ["--source", "x' OR 1=1 --"]):
        result = CliRunner().invoke(main, ["search", "--db", str(store_path), *args, "--format", "jsonl"])
        assert result.exit_code == 0
        assert result.stdout == ""
    with Store(store_path, readonly=True) as store:
        assert store.counts() == before
        assert before["quotes"] > 0


def test_cli_corpus_known_errors_are_one_line(tmp_path: Path, store_path: Path):
    line = _one_error_line(CliRunner().invoke(main, ["search", "--db", str(tmp_path / "none.db")]))
    assert "[E004]" in line
    bad = CliRunner().invoke(main, ["search", "--db", str(store_path), "--raw", "NEAR(("])
    assert "[E014]" in _one_error_line(bad)
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database " * 100)
    assert "[E013]" in _one_error_line(CliRunner().invoke(main, ["speakers", "--db", str(text_file)]))
    usage = CliRunner().invoke(main, ["run", str(tmp_path)])
    assert usage.exit_code == 2 and "--db" in usage.stderr


def test_cli_corpus_speakers(store_path: Path):
    args = ["speakers", "--db", str(store_path), "--format", "jsonl", "--count-duplicates"]
    result = CliRunner().invoke(main, args)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    with Store(store_path, readonly=True) as store:
        quoted = store.conn.execute(
            "SELECT p.name, count(*) FROM quotes q JOIN people p ON p.id = q.person_id GROUP BY p.id"
        )
        expected = {name: n for name, n in quoted}
    assert {r["speaker"]: r["quotes"] for r in rows} == expected
    # People, not strings: a description ("Opposition groups in ...") is no person.
    assert not any(r["speaker"].startswith("Opposition groups") for r in rows)
    counts = [r["quotes"] for r in rows]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_cli_corpus_export(tmp_path: Path, store_path: Path, fmt: str):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["export", "--db", str(store_path), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    with Store(store_path, readonly=True) as store:
        n_quotes, n_entities = store.counts()["quotes"], store.counts()["entities"]
    if fmt == "parquet":
        import pyarrow.parquet as pq

        quotes = pq.read_table(out / "quotes.parquet").to_pylist()
        entities = pq.read_table(out / "entities.parquet").to_pylist()
    elif fmt == "csv":
        quotes = list(csv.DictReader((out / "quotes.csv").open(encoding="utf-8")))
        entities = list(csv.DictReader((out / "entities.csv").open(encoding="utf-8")))
    else:
        quotes = [json.loads(x) for x in (out / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
        entities = [json.loads(x) for x in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (len(quotes), len(entities)) == (n_quotes, n_entities)
    assert {"content_hash", "source", "text", "start", "end", "speaker", "kind"} <= set(quotes[0])
    assert {"content_hash", "name", "type", "mention_count"} <= set(entities[0])


def test_cli_corpus_export_to_stdout(store_path: Path):
    result = CliRunner().invoke(main, ["export", "--db", str(store_path), "--table", "quotes", "--out", "-"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(re.fullmatch(r"[0-9a-f]{64}", r["content_hash"]) for r in rows)


# An article of our own with two speakers, one of them quoted four ways (a
# direct quote, a split quote, a reported clause with a quoted fragment, a
# bare-surname attribution); the seed is scored by `newsbrief eval quotes`.
TWO_SPEAKERS = (
    "Dock workers in Calder Bay voted to strike on Monday after the port authority rejected their pay claim.\n\n"
    '"We have waited three years for a fair offer," union leader Marta Okonjo told a rally outside the gates. '
    '"Nobody here wants a strike," she said, "but nobody here can live on promises."\n\n'
    'Okonjo said the authority\'s final offer was "an insult to every family on this quay" and urged members to '
    "stay out until talks resumed.\n\n"
    "The authority's chief executive, Paul Renner, said the offer was the best the port could afford. "
    '"The numbers do not allow more," Renner said.'
)


def test_cli_corpus_search_speaker_finds_every_quote_of_a_speaker(tmp_path: Path, nlp):
    article = tmp_path / "strike.txt"
    article.write_text(TWO_SPEAKERS, encoding="utf-8")
    db = tmp_path / "strike.db"
    run = CliRunner().invoke(main, ["run", str(article), "--db", str(db), "--workers", "1"])
    assert run.exit_code == 0, run.stderr
    result = CliRunner().invoke(main, ["search", "--db", str(db), "--speaker", "Okonjo", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    for row in rows:
        assert TWO_SPEAKERS[row["start"] : row["end"]] == row["text"]
        assert row["source"] == str(article)
    said = " | ".join(r["text"] for r in rows)
    for words in (
        "We have waited three years for a fair offer",
        "Nobody here wants a strike",
        "but nobody here can live on promises",
        "an insult to every family on this quay",
    ):
        assert words in said, (words, said)
    # Paul Renner's words are his, not hers.
    assert "The numbers do not allow more" not in said


@pytest.mark.parametrize("option", ["--speaker", "--entity", "--source"])
def test_cli_corpus_search_empty_filter_is_refused(store_path: Path, option: str):
    result = CliRunner().invoke(main, ["search", "--db", str(store_path), option, " "])
    assert result.exit_code == 2 and "must not be empty" in result.stderr


@pytest.mark.parametrize("query", ['"', "*"])
def test_cli_corpus_search_raw_fts_errors_are_one_line(store_path: Path, query: str):
    result = CliRunner().invoke(main, ["search", "--db", str(store_path), "--raw", query])
    assert result.exit_code == 1 and "[E014]" in _one_error_line(result)


def test_cli_corpus_run_mixed_folder_with_a_page(tmp_path: Path, nlp):
    folder = tmp_path / "mixed"
    folder.mkdir()
    examples = Path(__file__).resolve().parents[1] / "examples"
    (folder / "a.txt").write_bytes((examples / "sample_article.txt").read_bytes())
    (folder / "b.html").write_bytes((examples / "sample_page.html").read_bytes())
    record = {"id": "c1", "text": "The mayor said the bridge would open soon."}
    (folder / "c.jsonl").write_text(json.dumps(record) + "\n")
    db = tmp_path / "m.db"
    result = CliRunner().invoke(main, ["run", str(folder), "--db", str(db), "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.stderr
    assert "3 analysed" in result.stderr and "0 failed" in result.stderr
