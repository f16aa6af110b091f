"""Readers: text, HTML (trafilatura), JSON Lines, folders and stdin."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.ingest import Article
from newsbrief.model import Failure
from newsbrief.readers import JsonFields, iter_articles, iter_files, kind_of, read_article

PAGE = """<!DOCTYPE html><html><head><title>Ferry line to close</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2016-09-20">
<link rel="canonical" href="https://news.example.org/ferry"></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Ferry line to close</h1>
<p>The city council voted on Tuesday to close the ferry line after forty years of service.</p>
<p>"This is the hardest vote I have cast," Mayor Sarah Miller said after the meeting in the town hall.</p>
<p>The union said it would strike next month if the decision was not reversed by the council.</p>
</article><footer>Copyright 2016 Example News. All rights reserved.</footer></body></html>"""


def test_readers_kind_by_extension():
    assert kind_of("a/b.HTML") == "html"
    assert kind_of("dump.jsonl") == "jsonl"
    assert kind_of("x.json") == "jsonl"
    assert kind_of("story.txt") == "text"
    assert kind_of("README") == "text"


def test_readers_html_extracts_text_and_metadata(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert "hardest vote I have cast" in article.text
    assert "Copyright" not in article.text and "Home | World" not in article.text
    assert article.meta["title"] == "Ferry line to close"
    assert article.meta["author"] == "Jane Roe"
    assert article.meta["date"] == "2016-09-20"
    assert article.meta["url"] == "https://news.example.org/ferry"
    # Offsets refer to the extracted text.
    start = article.text.index("Mayor Sarah Miller")
    assert article.text[start : start + 18] == "Mayor Sarah Miller"


def test_readers_html_without_text_is_e010(tmp_path: Path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Only a title</title></head><body><script>var a = 1;</script></body></html>")
    with pytest.raises(InputError) as err:
        read_article(path)
    assert err.value.code == "E010"
    assert str(path) in str(err.value)


def test_readers_jsonl_fields_and_bad_lines(tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"uuid": "a1", "body": "First story text.", "headline": "One", "when": "2016-01-02"}),
        "",
        "{not json",
        json.dumps({"uuid": "a2", "headline": "no body"}),
        json.dumps(["a", "list"]),
        json.dumps({"uuid": 7, "body": "Second story text."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fields = JsonFields(text="body", id="uuid", title="headline", date="when")
    items = list(iter_articles([path], fields=fields))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure", "Failure", "Article"]
    first, bad_json, no_text, not_object, last = items
    assert first.text == "First story text." and first.id == "a1"
    assert first.meta == {"title": "One", "date": "2016-01-02"}
    assert first.source == f"{path}:1"
    assert bad_json.code == "E009" and bad_json.source == f"{path}:3"
    assert no_text.code == "E026" and "body" in no_text.message and "--text-field" in no_text.message
    assert not_object.code == "E009"
    assert last.id == "7"


def test_readers_jsonl_is_refused_by_read_article(tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    path.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_article(path)
    assert "newsbrief run" in str(err.value)


def test_readers_directory_recursive_sorted_by_extension(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed said it.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay said it.", encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "c.htm").write_text(PAGE, encoding="utf-8")
    files = list(iter_files([tmp_path]))
    assert files == [str(tmp_path / "a.txt"), str(tmp_path / "c.htm"), str(tmp_path / "b" / "z.txt")]
    assert list(iter_files([tmp_path], extensions=[".md"])) == [str(tmp_path / "b" / "notes.md")]


def test_readers_bad_items_become_failures_and_the_walk_goes_on(tmp_path: Path):
    (tmp_path / "1_binary.txt").write_bytes(b"\x00\x01\x02PNG" * 10)
    (tmp_path / "2_big.txt").write_text("word " * 1000, encoding="utf-8")
    (tmp_path / "3_good.txt").write_text("The minister said talks would resume.", encoding="utf-8")
    (tmp_path / "4_latin1.txt").write_bytes("caf\xe9 ".encode("latin-1") * 20)
    items = list(iter_articles([tmp_path, tmp_path / "missing.txt"], max_chars=100))
    codes = [i.code if isinstance(i, Failure) else "ok" for i in items]
    assert codes == ["E002", "E003", "ok", "E002", "E004"]
    assert all(isinstance(i, Failure) and i.source and i.source in i.message for i in items if i is not items[2])


def test_readers_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Plain text from a pipe.")))
    (article,) = list(iter_articles(["-"]))
    assert isinstance(article, Article)
    assert article.text == "Plain text from a pipe." and article.source == "<stdin>"
    data = b'{"text": "one"}\n{"text": "two", "id": "b"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(iter_articles(["-"], stdin_kind="jsonl"))
    assert [a.text for a in items] == ["one", "two"]
    assert items[1].id == "b" and items[1].source == "<stdin>:2"
