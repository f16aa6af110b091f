"""newsbrief serve: every API endpoint and error code, and the reader's pages,
through FastAPI's TestClient (analyses in a thread pool sharing the session's
pipeline; one test runs the real worker-process pool)."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsbrief.service import create_app
from newsbrief.settings import Settings

from .service_data import EXTRA_ARTICLE, XSS_IMG, XSS_SCRIPT, build_store

SETTINGS = Settings(max_chars=20_000)


@pytest.fixture(scope="module")
def store_ids(tmp_path_factory: pytest.TempPathFactory, nlp) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("serve") / "news.db"
    return path, build_store(path, nlp)


@pytest.fixture(scope="module")
def client(store_ids, nlp):
    path, _ = store_ids
    app = create_app(path, settings=SETTINGS, executor="thread")
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def bare(nlp):
    app = create_app(None, settings=SETTINGS, executor="thread", max_body=50_000)
    with TestClient(app) as c:
        yield c


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code, body
    message = body["error"]["message"]
    assert message.startswith(f"[{code}]") and "\n" not in message
    return message


def _variant(city: str, name: str, phrase: str) -> str:
    """The extra article with another city, union head and phrase (for tests that store it)."""
    first, last = name.split()
    text = EXTRA_ARTICLE.replace("Tallinn", city).replace("fair offer", phrase)
    return text.replace("Kaja Tamm", name).replace("Tamm", last)


def _offsets_hold(brief: dict) -> None:
    text = brief["text"]
    for q in brief["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        for v in q["verbatim"]:
            assert text[v["start"] : v["end"]] == v["text"]
        if q["cue"]:
            assert text[q["cue"]["start"] : q["cue"]["end"]] == q["cue"]["text"]


# -- health --------------------------------------------------------------------------


def test_health_names_model_db_and_versions(client, bare, store_ids):
    h = client.get("/api/health").json()
    assert h["status"] == "ok" and h["schema"] == "newsbrief/2"
    assert h["model"] and h["spacy"].startswith("3.8")
    assert h["db"]["articles"] == store_ids[1]["n"] and h["db"]["path"] == "news.db"
    assert h["analysis"]["executor"] == "thread"
    assert bare.get("/api/health").json()["db"] is None


# -- POST /api/analyze ------------------------------------------------------------------


def test_analyze_json_text_returns_the_brief(bare):
    r = bare.post("/api/analyze", json={"text": EXTRA_ARTICLE, "source": "dock.txt", "title": "Strike", "sentences": 1})
    assert r.status_code == 200, r.text
    brief = r.json()
    assert brief["schema"] == "newsbrief/2" and brief["source"] == "dock.txt"
    assert brief["meta"]["title"] == "Strike"
    assert len(brief["summary"]) == 1
    speakers = {q["speaker"]["name"] for q in brief["quotes"]}
    assert "Kaja Tamm" in speakers
    direct = next(q for q in brief["quotes"] if q["text"].startswith("We have waited"))
    assert direct["kind"] == "direct" and direct["type"] == "speech" and direct["verbatim"]
    _offsets_hold(brief)
    assert r.headers["content-security-policy"].startswith("default-src 'none'")


def test_analyze_raw_text_and_html_bodies(bare):
    r = bare.post("/api/analyze?source=raw.txt", content=EXTRA_ARTICLE.encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 200 and r.json()["source"] == "raw.txt"
    assert r.json()["text"] == EXTRA_ARTICLE
    page = (
        "<html><head><title>Dock strike</title></head><body><article><h1>Dock strike</h1>"
        + "".join(f"<p>{htmllib.escape(p)}</p>" for p in EXTRA_ARTICLE.split("\n\n"))
        + "</article></body></html>"
    )
    r = bare.post("/api/analyze", content=page.encode(), headers={"content-type": "text/html; charset=utf-8"})
    assert r.status_code == 200, r.text
    brief = r.json()
    assert "Kaja Tamm" in brief["text"] and "<p>" not in brief["text"]
    assert brief["meta"]["title"] == "Dock strike"
    _offsets_hold(brief)


def test_analyze_store_true_stores_and_points_at_the_article(client):
    text = _variant("Riga", "Liga Ozola", "decent deal")
    before = client.get("/api/stats").json()  # cached until the store changes
    assert client.get("/api/stats").json() == before
    r = client.post("/api/analyze?store=true", json={"text": text, "source": "riga.txt"})
    assert r.status_code == 200, r.text
    location = r.headers["location"]
    assert re.fullmatch(r"/api/articles/\d+", location)
    stored = client.get(location).json()
    assert stored["text"] == text and stored["quotes"] == r.json()["quotes"]
    after = client.get("/api/stats").json()
    assert after["articles"] == before["articles"] + 1 and after["quotes"] == before["quotes"] + len(stored["quotes"])
    assert client.get("/api/speakers", params={"q": "Ozola"}).json()["total"] == 1


def test_analyze_store_true_without_a_db_is_refused(bare):
    _error(bare.post("/api/analyze?store=true", json={"text": EXTRA_ARTICLE}), 404, "E044")


def test_analyze_413_body_and_text_over_the_limits(bare):
    _error(bare.post("/api/analyze", content=b"x" * 60_000, headers={"content-type": "text/plain"}), 413, "E040")
    message = _error(bare.post("/api/analyze", json={"text": "word " * 4_001}), 413, "E003")
    assert "20,000" in message


def test_analyze_413_for_a_streamed_body_without_content_length(bare):
    def chunks():
        for _ in range(20):
            yield b"y" * 5_000

    r = bare.post("/api/analyze", content=chunks(), headers={"content-type": "text/plain"})
    _error(r, 413, "E040")


def test_analyze_415_unsupported_type_and_binary_text(bare):
    _error(bare.post("/api/analyze", content=b"\x89PNG", headers={"content-type": "image/png"}), 415, "E041")
    _error(bare.post("/api/analyze", content=b"abc", headers={}), 415, "E041")
    body = b"\x00\x01binary" * 20
    _error(bare.post("/api/analyze", content=body, headers={"content-type": "text/plain"}), 415, "E002")


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        (b"{not json", "E042", "malformed JSON"),
        (b"[1, 2]", "E042", "must be an object"),
        (b'{"text": "a", "html": "<p>a</p>"}', "E042", "exactly one"),
        (b'{"source": "x"}', "E042", "exactly one"),
        (b'{"text": 5}', "E042", "text"),
        (b'{"text": "fine", "colour": "red"}', "E042", "colour"),
        (b'{"text": "fine", "sentences": 0}', "E042", "sentences"),
        (b'{"text": "   "}', "E001", "empty"),
        (b'{"text": "\\ud800 lone"}', "E042", "surrogate"),
        (b'{"html": "<html><body><script>x()</script></body></html>"}', "E010", "no article text"),
    ],
)
def test_analyze_422_bad_bodies(bare, body: bytes, code: str, words: str):
    message = _error(bare.post("/api/analyze", content=body, headers={"content-type": "application/json"}), 422, code)
    assert words in message


def test_analyze_422_bad_query_parameter(bare):
    _error(bare.post("/api/analyze?ratio=2", json={"text": EXTRA_ARTICLE}), 422, "E042")


def test_analyze_unexpected_failure_is_a_coded_422_and_the_server_goes_on(bare, monkeypatch):
    import newsbrief.api

    def broken(*args, **kwargs):
        raise RuntimeError("a stage tripped")

    monkeypatch.setattr(newsbrief.api, "analyze", broken)
    message = _error(bare.post("/api/analyze", json={"text": EXTRA_ARTICLE}), 422, "E045")
    assert "RuntimeError" in message
    monkeypatch.undo()
    assert bare.post("/api/analyze", json={"text": EXTRA_ARTICLE}).status_code == 200


def test_analyze_in_worker_processes(tmp_path: Path):
    """The real pool: the model loads once in a spawned worker process."""
    app = create_app(tmp_path / "p.db", settings=SETTINGS, executor="process", workers=1)
    with TestClient(app) as c:
        r = c.post("/api/analyze?store=true", json={"text": EXTRA_ARTICLE})
        assert r.status_code == 200, r.text
        assert any(q["speaker"]["name"] == "Kaja Tamm" for q in r.json()["quotes"])
        _error(c.post("/api/analyze", json={"text": ""}), 422, "E001")
        assert c.get("/api/articles").json()["total"] == 1


# -- corpus endpoints ----------------------------------------------------------------------


def test_articles_paged_and_filtered(client, store_ids):
    n = store_ids[1]["n"]
    page = client.get("/api/articles?limit=3").json()
    assert page["limit"] == 3 and page["offset"] == 0 and len(page["items"]) == 3 and page["total"] >= n
    rest = client.get("/api/articles?limit=3&offset=3&until=2016-09-30").json()
    assert rest["total"] == 6 and len(rest["items"]) == 3
    assert {a["id"] for a in rest["items"]}.isdisjoint({a["id"] for a in page["items"]})
    dated = client.get("/api/articles?since=2016-09-02&until=2016-09-03").json()
    assert [a["title"] for a in dated["items"]] == ["Story 1", "Story 2"]
    by_speaker = client.get("/api/articles", params={"speaker": "Tamm"}).json()
    assert [a["title"] for a in by_speaker["items"]] == ["Dockers strike in Tallinn"]
    assert by_speaker["items"][0]["quotes"] >= 2
    assert client.get("/api/articles?source=tallinn").json()["total"] == 1


def test_article_by_id_is_the_brief(client, store_ids):
    aid = store_ids[1]["extra"]
    brief = client.get(f"/api/articles/{aid}").json()
    assert brief["schema"] == "newsbrief/2" and brief["text"] == EXTRA_ARTICLE
    assert brief["meta"]["id"] == aid and brief["meta"]["title"] == "Dockers strike in Tallinn"
    _offsets_hold(brief)


def test_quotes_with_the_search_filters(client, store_ids):
    everything = client.get("/api/quotes?limit=500").json()
    assert everything["total"] == len(everything["items"]) > 10
    tamm = client.get("/api/quotes", params={"speaker": "Tamm"}).json()
    assert tamm["total"] >= 2 and all(q["speaker"] == "Kaja Tamm" for q in tamm["items"])
    words = client.get("/api/quotes", params={"q": "fair offer"}).json()
    assert words["total"] == 1 and "fair offer" in words["items"][0]["text"]
    assert words["items"][0]["article"] == store_ids[1]["extra"]
    direct = client.get("/api/quotes?kind=direct&limit=500").json()
    assert direct["total"] > 0 and all(q["kind"] == "direct" for q in direct["items"])
    both = client.get("/api/quotes?kind=direct&kind=indirect&limit=500").json()
    assert both["total"] > direct["total"]
    speech = client.get("/api/quotes?type=speech&limit=500").json()
    assert all(q["type"] == "speech" for q in speech["items"])
    dated = client.get("/api/quotes?since=2016-10-01&until=2016-10-01").json()
    assert dated["total"] >= 2 and {q["date"] for q in dated["items"]} == {"2016-10-01"}
    paged = client.get("/api/quotes?limit=2&offset=2").json()
    assert [q["id"] for q in paged["items"]] == [q["id"] for q in everything["items"][2:4]]
    assert client.get("/api/quotes", params={"q": 'fair" OR "x'}).status_code == 200  # words, never FTS syntax
    assert client.get("/api/quotes", params={"q": "fair\x00offer"}).json()["total"] == 1  # found by schemathesis


def test_speakers_ranked_and_one_speaker(client, store_ids):
    ranked = client.get("/api/speakers").json()
    counts = [s["quotes"] for s in ranked["items"]]
    assert counts == sorted(counts, reverse=True) and ranked["total"] == len(ranked["items"])
    tamm = next(s for s in ranked["items"] if s["name"] == "Kaja Tamm")
    assert tamm["articles"] == 1 and tamm["direct"] >= 1
    detail = client.get(f"/api/speakers/{tamm['id']}?limit=1").json()
    assert detail["name"] == "Kaja Tamm" and "Tamm" in detail["aliases"]
    assert detail["timeline"] == [{"month": "2016-10", "count": detail["quotes"]}]
    assert detail["article_list"][0]["id"] == store_ids[1]["extra"]
    assert detail["statements"]["total"] == detail["quotes"] and len(detail["statements"]["items"]) == 1
    assert detail["roles"] and sum(r["count"] for r in detail["roles"]) <= detail["quotes"]
    assert client.get("/api/speakers", params={"q": "Tamm"}).json()["total"] == 1


def test_entities_and_stats(client):
    ents = client.get("/api/entities", params={"q": "Tallinn"}).json()
    assert ents["total"] >= 1 and ents["items"][0]["name"] == "Tallinn" and ents["items"][0]["mentions"] >= 1
    gpe = client.get("/api/entities?type=GPE&limit=500").json()
    assert gpe["total"] > 0 and all(e["type"] == "GPE" for e in gpe["items"])
    stats = client.get("/api/stats").json()
    assert stats["quotes"] == sum(stats["by_kind"].values()) == sum(stats["by_type"].values())
    assert stats["top_speakers"][0]["quotes"] >= stats["top_speakers"][-1]["quotes"]


def test_404s_are_coded(client, bare):
    _error(client.get("/api/articles/999999"), 404, "E043")
    _error(client.get("/api/speakers/999999"), 404, "E043")
    _error(client.get("/api/nothing-here"), 404, "E043")
    for path in ("/api/articles", "/api/articles/1", "/api/quotes", "/api/speakers", "/api/entities", "/api/stats"):
        _error(bare.get(path), 404, "E044")


@pytest.mark.parametrize(
    "path",
    [
        "/api/quotes?limit=0",
        "/api/quotes?limit=501",
        "/api/quotes?offset=-1",
        "/api/quotes?kind=quoted",
        "/api/quotes?type=rumour",
        "/api/quotes?since=2016-13-01",
        "/api/articles/0",
        "/api/articles/abc",
        "/api/speakers/99999999999999999999999",
        "/api/speakers?min_quotes=0",
    ],
)
def test_422_bad_parameters(client, path: str):
    _error(client.get(path), 422, "E042")


def test_405_wrong_method_is_coded(client):
    r = client.delete("/api/quotes")
    assert r.status_code == 405 and r.json()["error"]["code"] == "E042"


def test_openapi_schema_documents_the_brief_and_errors(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for p in (
        "/api/analyze",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/speakers",
        "/api/speakers/{speaker_id}",
        "/api/entities",
        "/api/health",
    ):
        assert p in paths
    analyze = paths["/api/analyze"]["post"]
    assert set(analyze["requestBody"]["content"]) == {"application/json", "text/plain", "text/html"}
    assert {"413", "415", "422"} <= set(analyze["responses"])
    quote = schema["components"]["schemas"]["QuoteModel"]["properties"]
    assert {"verbatim", "type", "kind", "speaker", "cue"} <= set(quote)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs/swagger-ui-bundle.js" in docs.text
    assert "<script>" not in docs.text  # no inline script, even here
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200


# -- the web reader ---------------------------------------------------------------------------


def test_pages_render_with_the_security_headers(client, store_ids):
    ids = store_ids[1]
    for path in ("/", "/articles", f"/articles/{ids['extra']}", "/analyze", "/search?q=offer", "/speakers"):
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:500])
        assert r.headers["content-type"].startswith("text/html")
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert not re.search(r"<script>(?!\s*</script>)", r.text), path  # no inline script


def test_article_page_highlights_carry_speaker_kind_and_type(client, store_ids):
    page = client.get(f"/articles/{store_ids[1]['extra']}").text
    spans = re.findall(r'<span class="nb-hl nb-content[^"]*" data-quote=[^>]*>', page)
    assert spans
    for tag in spans:
        assert re.search(r'data-speaker="[^"]*"', tag) and re.search(r'data-kind="(direct|partial|indirect)"', tag)
        assert re.search(r'data-type="(speech|belief|intention|evidence)"', tag)
    assert 'data-speaker="Kaja Tamm"' in page and 'data-part="cue"' in page and 'data-part="mention"' in page
    assert 'data-part="verbatim"' in page


def test_search_and_speaker_pages(client):
    page = client.get("/search", params={"q": "fair offer", "since": "", "kind": ""}).text
    assert "1 statement<" in page and "fair offer" in page and 'data-speaker="Kaja Tamm"' in page
    sid = client.get("/api/speakers", params={"q": "Tamm"}).json()["items"][0]["id"]
    page = client.get(f"/speakers/{sid}").text
    assert "Kaja Tamm" in page and "Statements by month" in page and "2016-10" in page
    r = client.get("/search", params={"since": "last week"})
    assert r.status_code == 422 and "E042" in r.text and r.headers["content-type"].startswith("text/html")


def test_analyze_form_paste_and_upload(client):
    r = client.post("/analyze", data={"text": EXTRA_ARTICLE, "title": "Pasted"})
    assert r.status_code == 200 and 'data-speaker="Kaja Tamm"' in r.text and "Pasted" in r.text
    r = client.post("/analyze", files={"file": ("dock.txt", EXTRA_ARTICLE.encode(), "text/plain")})
    assert r.status_code == 200 and 'data-speaker="Kaja Tamm"' in r.text
    r = client.post(
        "/analyze", data={"text": _variant("Tartu", "Mari Kask", "real raise"), "store": "true"}, follow_redirects=False
    )
    assert r.status_code == 303 and re.fullmatch(r"/articles/\d+", r.headers["location"])
    r = client.post("/analyze", data={"text": ""})
    assert r.status_code == 422 and "E001" in r.text


def test_html_error_pages(client):
    r = client.get("/articles/999999")
    assert r.status_code == 404 and "E043" in r.text and r.headers["content-type"].startswith("text/html")
    assert client.get("/no/such/page").status_code == 404


def test_probes_are_escaped_everywhere(client, store_ids):
    aid = store_ids[1]["xss"]
    pages = [
        client.get(f"/articles/{aid}").text,
        client.get("/articles").text,
        client.get("/search", params={"q": "run your code"}).text,
        client.get("/speakers").text,
        client.get("/").text,
    ]
    for page in pages:
        assert XSS_SCRIPT not in page and XSS_IMG not in page
        assert "<img" not in page
    assert htmllib.escape(XSS_SCRIPT, quote=False) in pages[0]
    stored = client.get(f"/api/articles/{aid}").json()
    assert XSS_SCRIPT in stored["text"]  # the API gives the data back as it is, as JSON


def test_cli_serve_is_registered_and_loopback_by_default():
    from click.testing import CliRunner

    from newsbrief.cli import main
    from newsbrief.cli.serve import _is_loopback

    out = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "--db" in out and "127.0.0.1" in out and "--workers" in out
    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("example.org")


def test_a_worker_that_dies_is_a_coded_answer_and_is_replaced():
    """Kill the analysis process in the middle of a job: that request gets
    E046, and the next one is analysed by a fresh worker."""
    import asyncio
    import os
    import signal

    from newsbrief.errors import NewsbriefError
    from newsbrief.service.analysis import Analyzer, Job

    analyzer = Analyzer(SETTINGS, workers=1, executor="process")
    analyzer.warm_up()
    job = Job(kind="text", data=EXTRA_ARTICLE * 40, source="long.txt", meta={})

    async def scenario() -> tuple[str, dict]:
        task = asyncio.ensure_future(analyzer.analyze(job))
        await asyncio.sleep(0.3)
        for pid in list(analyzer._pool._processes):  # type: ignore[union-attr]  # the pool's own workers
            os.kill(pid, signal.SIGKILL)
        try:
            await task
            code = "none"
        except NewsbriefError as exc:
            code = exc.code
        again = await analyzer.analyze(Job(kind="text", data=EXTRA_ARTICLE, source="next.txt", meta={}))
        return code, again

    try:
        code, again = asyncio.run(scenario())
    finally:
        analyzer.close()
    assert code == "E046"
    assert any(q["speaker"]["name"] == "Kaja Tamm" for q in again["quotes"])
