"""The service over the people layer: /api/speakers ranks people and counts a
near-duplicate story once (unless count_duplicates=true), like `newsbrief
speakers`; /api/verify is the twin of `newsbrief verify --format json`.
Our own made-up articles (tests/people_briefs.py), no corpus text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsbrief.cli import main
from newsbrief.service import create_app
from newsbrief.settings import Settings
from newsbrief.store import Store, article_key

from .people_briefs import brief

BODY = [
    ("The harbour will close for three weeks while the old pier is rebuilt", "Ines Varga", "PERSON", "mayor"),
    ("Fishing boats can use the northern quay during the works", "Ines Varga", "PERSON", "mayor"),
    ("We were not asked about any of this and the season starts soon", "Tomas Reyes", "PERSON", None),
    ("The council has set aside money for the fishermen who lose trade", "Ines Varga", "PERSON", "mayor"),
    ("Traffic on the coast road will go through the market square on weekdays", "Lena Moss", "PERSON", "police chief"),
]
NARRATION = (
    "Work on the harbour begins on Monday after months of debate in the town hall about the cost of the repairs, "
    "which engineers say are overdue because storms last winter cracked the pier in two places. "
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("people-api") / "news.db"
    articles = [
        brief("wire", "2022-05-01", BODY, extra=NARRATION),
        # Five altered copies: boilerplate, another headline, a trimmed last paragraph, an update line.
        brief("outlet1", "2022-05-01", BODY, extra="Subscribe to our newsletter for local news. " + NARRATION),
        brief("outlet2", "2022-05-01", BODY, extra="HARBOUR TO CLOSE FOR REPAIRS. " + NARRATION),
        brief("outlet3", "2022-05-02", BODY[:-1], extra=NARRATION),
        brief("outlet4", "2022-05-02", BODY, extra=NARRATION + "Updated at 5 pm. "),
        brief("outlet5", "2022-05-02", BODY, extra="Harbour closure: what you need to know. " + NARRATION),
        # Another story: Ines Varga again (one person, not a second entry), a
        # namesake of Tomas Reyes, and a description that is nobody's name.
        brief(
            "bakery",
            "2022-06-03",
            [
                ("The bakery brings people back to the old town", "Ines Varga", "PERSON", "mayor"),
                ("We sell out by ten every morning", "Ana Reyes", "PERSON", "baker"),
                ("The queue blocks the pavement", "a neighbour", "", None),
            ],
            extra="A new bakery opened on the high street this week to long queues. ",
        ),
    ]
    with Store(path) as store:
        for b in articles:
            store.write_brief(b, key=article_key(b.text))
    return path


@pytest.fixture(scope="module")
def client(db, nlp):
    app = create_app(db, settings=Settings(max_chars=20_000), executor="thread")
    with TestClient(app) as c:
        yield c


def _error(response, code: str) -> str:
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"].startswith(f"[{code}]") and "\n" not in body["error"]["message"]
    return body["error"]["message"]


def test_api_speakers_are_people_and_a_story_counts_once(client, db):
    ranked = client.get("/api/speakers").json()
    counts = {s["name"]: (s["quotes"], s["articles"]) for s in ranked["items"]}
    # Six copies of one story count as one; the bakery story is a second one.
    assert counts == {"Ines Varga": (4, 2), "Tomas Reyes": (1, 1), "Lena Moss": (1, 1), "Ana Reyes": (1, 1)}
    assert ranked["total"] == 4 and ranked["items"][0]["name"] == "Ines Varga"
    assert all(s["kind"] == "person" for s in ranked["items"])
    assert "a neighbour" not in counts  # a description is no person
    raw = client.get("/api/speakers", params={"count_duplicates": "true"}).json()
    assert {s["name"]: (s["quotes"], s["articles"]) for s in raw["items"]} == {
        "Ines Varga": (19, 7),
        "Tomas Reyes": (6, 6),
        "Lena Moss": (5, 5),
        "Ana Reyes": (1, 1),
    }
    # The CLI counts the same.
    out = CliRunner().invoke(main, ["speakers", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    cli = {r["speaker"]: (r["quotes"], r["articles"]) for r in map(json.loads, out.output.splitlines())}
    assert cli == counts
    # A bare surname lists every person with it.
    assert {s["name"] for s in client.get("/api/speakers", params={"q": "Reyes"}).json()["items"]} == {
        "Tomas Reyes",
        "Ana Reyes",
    }


def test_api_speaker_detail_is_the_person(client):
    ranked = client.get("/api/speakers").json()["items"]
    varga = next(s for s in ranked if s["name"] == "Ines Varga")
    detail = client.get(f"/api/speakers/{varga['id']}").json()
    assert detail["kind"] == "person" and detail["quotes"] == 4 and detail["articles"] == 2
    assert {r["role"] for r in detail["roles"]} == {"mayor"}
    assert detail["timeline"] == [{"month": "2022-05", "count": 3}, {"month": "2022-06", "count": 1}]
    # The statements list every copy, each pointing at its person.
    statements = detail["statements"]
    assert statements["total"] == 19 and all(q["person_id"] == varga["id"] for q in statements["items"])
    raw = client.get(f"/api/speakers/{varga['id']}", params={"count_duplicates": "true"}).json()
    assert raw["quotes"] == 19 and raw["articles"] == 7


def test_api_stats_count_a_story_once(client):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 2 and stats["quotes"] == 5 + 3 and stats["speakers"] == 4
    assert stats["quotes"] == sum(stats["by_kind"].values()) == sum(stats["by_type"].values())
    raw = client.get("/api/stats", params={"count_duplicates": "true"}).json()
    assert raw["articles"] == 7 and raw["quotes"] == 5 * 5 + 4 + 3


def test_api_verify_is_the_cli_verify_json(client, db):
    claim = "Fishing boats can use the northern quay during the works"
    r = client.get("/api/verify", params={"q": claim, "speaker": "Ines Varga"})
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["verdict"] == "verbatim" and got["claim"] == claim
    top = got["matches"][0]
    assert top["person"] == "Ines Varga" and top["score"] == 1.0 and top["diff"] == []
    article = client.get(f"/api/articles/{_article_id(db, top['quote_id'])}").json()
    assert article["text"][top["start"] : top["end"]] == top["text"]  # offsets into the original
    out = CliRunner().invoke(main, ["verify", claim, "--speaker", "Ines Varga", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == got


def _article_id(db: Path, quote_id: int) -> int:
    with Store(db, readonly=True) as store:
        return int(store.conn.execute("SELECT article_id FROM quotes WHERE id = ?", (quote_id,)).fetchone()[0])


def test_api_verify_verdicts_altered_and_misattributed(client):
    flipped = client.get(
        "/api/verify",
        params={"q": "Fishing boats cannot use the northern quay during the works", "speaker": "Ines Varga"},
    ).json()
    assert flipped["verdict"] == "altered" and flipped["negation_flip"] is True
    assert {"op": "changed", "claim": "cannot", "original": "can"} in flipped["matches"][0]["diff"]
    other = client.get(
        "/api/verify", params={"q": "We sell out by ten every morning", "speaker": "Lena Moss", "limit": 1}
    ).json()
    assert other["verdict"] == "misattributed" and other["matches"][0]["person"] == "Ana Reyes"
    assert len(other["matches"]) == 1
    nothing = client.get("/api/verify", params={"q": "Purple elephants dance on the moon tonight"}).json()
    assert nothing["verdict"] == "not found"


@pytest.mark.parametrize(
    "params",
    [
        {},  # no claim
        {"q": ""},
        {"q": "?! …"},  # no word
        {"q": "word " * 500},  # over the claim limit
        {"q": "the harbour", "limit": 0},
        {"q": "the harbour", "limit": 51},
        {"q": "the harbour", "speaker": "x" * 501},
    ],
)
def test_api_verify_bad_input_is_a_coded_422(client, params):
    _error(client.get("/api/verify", params=params), "E042")


def test_api_verify_ambiguous_surname_lists_the_people(client):
    message = _error(client.get("/api/verify", params={"q": "the season starts soon", "speaker": "Reyes"}), "E061")
    assert "Tomas Reyes" in message and "Ana Reyes" in message


def test_api_verify_without_a_store_is_e044(nlp):
    with TestClient(create_app(None, settings=Settings(max_chars=20_000), executor="thread")) as bare:
        r = bare.get("/api/verify", params={"q": "the harbour"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "E044"
