"""`newsbrief analyze`: formats, and bad input as one line with a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli import main

ARTICLE = (
    "The city council voted on Tuesday to close the ferry line. "
    '"This is the hardest vote I have cast," Mayor Sarah Miller said. '
    "The union said it would strike next month."
)
SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample_article.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _one_line_error(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr
    return "\n".join(lines)


def test_cli_analyze_json_has_schema_and_true_offsets(runner, article_file, nlp):
    result = runner.invoke(main, ["analyze", "--format", "json", str(article_file)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "newsbrief/2" and data["source"] == str(article_file)
    text = data["text"]
    assert text == ARTICLE
    spans = [(q["start"], q["end"], q["text"]) for q in data["quotes"]]
    spans += [(m["start"], m["end"], m["text"]) for e in data["entities"] for m in e["mentions"]]
    spans += [(s["start"], s["end"], s["text"]) for s in data["summary"]]
    assert spans
    for start, end, span_text in spans:
        assert text[start:end] == span_text


def test_cli_analyze_jsonl_one_object_a_line_with_source(runner, tmp_path, nlp):
    paths = []
    for i in range(3):
        p = tmp_path / f"a{i}.txt"
        p.write_text(ARTICLE.replace("Tuesday", ["Monday", "Tuesday", "Friday"][i]), encoding="utf-8")
        paths.append(str(p))
    result = runner.invoke(main, ["analyze", "--format", "jsonl", "--no-text", *paths])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in rows] == paths
    assert all("text" not in r for r in rows)


def test_cli_analyze_text_brief_reads_well(runner, nlp):
    result = runner.invoke(main, ["analyze", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("SUMMARY") < out.index("WHO SAID WHAT") < out.index("WHO AND WHERE")


def test_cli_analyze_stdin(runner, nlp):
    result = runner.invoke(main, ["analyze", "--format", "json", "-"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"] == "<stdin>"


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda d: d / "missing.txt", "E004"),
        (lambda d: d, "E005"),
        (lambda d: _write(d / "empty.txt", b""), "E001"),
        (lambda d: _write(d / "blank.txt", b"  \n\n \t"), "E001"),
        (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10), "E002"),
        (
            lambda d: _write(
                d / "de.txt", ("Der Rat hat am Dienstag beschlossen, die Linie zu schliessen. " * 8).encode()
            ),
            "E007",
        ),
    ],
)
def test_cli_analyze_bad_input_one_line_nonzero(runner, tmp_path, make, code, nlp):
    path = make(tmp_path)
    result = runner.invoke(main, ["analyze", str(path)])
    assert result.exit_code == 1
    err = _one_line_error(result)
    assert len(err.splitlines()) == 1, err
    assert code in err and str(path) in err


def test_cli_analyze_huge_file_is_refused(runner, tmp_path, nlp):
    path = _write(tmp_path / "huge.txt", ("word " * 500_000).encode())
    result = runner.invoke(main, ["analyze", str(path)])
    assert result.exit_code == 1
    err = _one_line_error(result)
    assert "E003" in err and "huge.txt" in err


def test_cli_analyze_invalid_utf8_is_analysed_with_a_warning(runner, tmp_path, nlp):
    path = _write(tmp_path / "latin1.txt", ARTICLE.replace("hardest", "h\u00e4rdest").encode("latin-1"))
    result = runner.invoke(main, ["analyze", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    assert "W001" in result.stderr and "latin1.txt" in result.stderr
    assert "\ufffd" in json.loads(result.stdout)["text"]


def test_cli_analyze_several_files_one_bad_goes_on(runner, article_file, tmp_path, nlp):
    empty = _write(tmp_path / "empty.txt", b"")
    missing = tmp_path / "gone.txt"
    result = runner.invoke(main, ["analyze", "--format", "jsonl", str(article_file), str(empty), str(missing)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in rows] == [str(article_file)]
    assert "2 of 3 input(s) failed" in result.stderr
    assert "E001" in result.stderr and "E004" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_every_command_has_help(runner):
    def walk(group, prefix):
        for name, cmd in group.commands.items():
            yield [*prefix, name], cmd
            if hasattr(cmd, "commands"):
                yield from walk(cmd, [*prefix, name])

    for path, cmd in walk(main, []):
        assert cmd.help, f"`newsbrief {' '.join(path)}` has no help text"
        result = runner.invoke(main, [*path, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_cli_analyze_jsonl_input_gives_one_brief_a_line_and_lists_bad_lines(runner, tmp_path, nlp):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "s1", "text": ARTICLE}),
        "{not json",
        json.dumps({"id": "s3", "text": ARTICLE.replace("Tuesday", "Friday")}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["analyze", "--format", "jsonl", str(path)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["meta"]["id"] for r in rows] == ["s1", "s3"]
    assert [r["source"] for r in rows] == [f"{path}:1", f"{path}:3"]
    assert "1 of 3 input(s) failed" in result.stderr and f"{path}:2" in result.stderr


# -- issue 7: mixed inputs, stdin HTML, fields, summary limits ------------------

PAGE = Path(__file__).resolve().parents[1] / "examples" / "sample_page.html"


def test_cli_analyze_text_html_and_jsonl_together(runner, article_file, tmp_path: Path, nlp):
    records = tmp_path / "d.jsonl"
    records.write_text(json.dumps({"body": ARTICLE.replace("Tuesday", "Friday")}) + "\n", encoding="utf-8")
    result = runner.invoke(
        main, ["analyze", "--format", "jsonl", "--text-field", "body", str(article_file), str(PAGE), str(records)]
    )
    assert result.exit_code == 0, result.stderr
    briefs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(b["source"]).name for b in briefs] == ["story.txt", "sample_page.html", "d.jsonl:1"]
    assert "Lindqvist" in briefs[1]["text"] and "<p>" not in briefs[1]["text"]


def test_cli_analyze_bad_items_among_good_ones(runner, article_file, tmp_path: Path, nlp):
    bad = tmp_path / "d.jsonl"
    bad.write_text("[" * 50_000 + "\n" + json.dumps({"text": "x \ud800 " + ARTICLE}) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["analyze", "--format", "jsonl", str(article_file), str(bad)])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 2  # the text file and the line with a lone surrogate
    assert "[E009]" in result.stderr and "[W011]" in result.stderr


def test_cli_analyze_stdin_page_is_read_as_html(runner, nlp):
    result = runner.invoke(main, ["analyze", "--format", "json", "-"], input=PAGE.read_bytes())
    assert result.exit_code == 0, result.stderr
    brief = json.loads(result.stdout)
    assert "<" not in brief["text"] and brief["text"].startswith("Library board delays vote")


def test_cli_analyze_two_summary_limits_are_said(runner, article_file, nlp):
    result = runner.invoke(main, ["analyze", "--sentences", "2", "--words", "30", str(article_file)])
    assert result.exit_code == 0
    assert "[W012]" in result.stderr and "--sentences and --words" in result.stderr


def test_cli_analyze_fifo_is_one_coded_line(runner, tmp_path: Path):
    import os

    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    result = runner.invoke(main, ["analyze", str(fifo)])
    assert result.exit_code == 1 and "[E021]" in _one_line_error(result)
