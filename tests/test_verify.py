"""verify: candidates, word-level diff and verdicts on a small store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsbrief.cli import main
from newsbrief.errors import InputError
from newsbrief.store import Store, article_key
from newsbrief.verify import align, tokens, verify

from .people_briefs import brief

SAID = [
    ("We will rebuild the northern pier before the winter storms arrive", "Ines Varga", "PERSON", "mayor"),
    ("The fishermen have been treated unfairly by the council", "Tomas Reyes", "PERSON", None),
    ("Nobody should pay more for the ferry next year", "Ines Varga", "PERSON", "mayor"),
]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "v.db"
    with Store(path) as store:
        b = brief("harbour.txt", "2023-02-01", SAID)
        store.write_brief(b, key=article_key(b.text))
    return path


@pytest.fixture
def conn(db):
    with Store(db, readonly=True) as store:
        yield store.conn


def test_align_gives_offsets_and_word_diff():
    text = "As she said, we will rebuild the northern pier before the winter storms arrive, and soon."
    claim = [w for w, _, _ in tokens("we will not rebuild the northern pier before the storms arrive")]
    score, s, e, diff, flip = align(claim, text)
    assert text[s:e] == "we will rebuild the northern pier before the winter storms arrive"
    assert flip and 0.8 < score < 1.0
    assert {"op": "added", "claim": "not", "original": ""} in diff
    assert {"op": "dropped", "claim": "", "original": "winter"} in diff


@pytest.mark.parametrize(
    "claim,speaker,verdict",
    [
        ("We will rebuild the northern pier before the winter storms arrive", "Ines Varga", "verbatim"),
        ("We will rebuild the southern pier before the winter storms arrive", "Ines Varga", "altered"),
        ("We will rebuild the pier before the winter storms arrive", "Ines Varga", "altered"),
        ("We will rebuild the northern pier before the winter storms arrive", "Tomas Reyes", "misattributed"),
        ("The lighthouse keeper retired to a farm in the hills", "Ines Varga", "not found"),
        ("The fishermen have been treated unfairly by the council", None, "verbatim"),
        ("The council treated the fishermen unfairly", "Tomas Reyes", "paraphrase"),
    ],
)
def test_verdicts(conn, claim: str, speaker: str | None, verdict: str):
    res = verify(conn, claim, speaker=speaker)
    assert res.verdict == verdict, res.reason
    if verdict != "not found":
        top = res.matches[0]
        assert top.source == "harbour.txt" and top.date == "2023-02-01"


def test_negation_flip_is_called_out_and_offsets_point_into_the_article(conn, db):
    res = verify(conn, "Nobody should pay more for the ferry next year", speaker="Ines Varga")
    assert res.verdict == "verbatim" and not res.negation_flip
    res = verify(conn, "We will not rebuild the northern pier before the winter storms arrive", speaker="Ines Varga")
    assert res.verdict == "altered" and res.negation_flip
    top = res.matches[0]
    with Store(db, readonly=True) as store:
        text = store.conn.execute("SELECT text FROM articles").fetchone()[0]
    assert text[top.start : top.end] == top.text
    assert top.in_quote_marks


def test_empty_claim_is_a_coded_error(conn):
    with pytest.raises(InputError) as err:
        verify(conn, " ... ")
    assert err.value.code == "E065"


def test_too_long_claim_is_a_coded_error_in_the_cli(db):
    r = CliRunner().invoke(main, ["verify", "the pier " * 300, "--db", str(db)])
    assert r.exit_code != 0 and "E067" in r.output and "2,000" in r.output


def test_cli_verify_json_and_people_show(db):
    r = CliRunner().invoke(
        main, ["verify", "The fishermen have been treated fairly by the council", "--db", str(db), "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["verdict"] == "altered"
    assert data["matches"][0]["diff"] == [{"op": "dropped", "claim": "", "original": "unfairly"}] or any(
        d["op"] == "changed" for d in data["matches"][0]["diff"]
    )
    r = CliRunner().invoke(main, ["people", "show", "Ines Varga", "--db", str(db)])
    assert r.exit_code == 0 and "full name first seen" in r.stdout
    r = CliRunner().invoke(main, ["people", "show", "Nobody Known", "--db", str(db)])
    assert r.exit_code == 1 and "[E060]" in r.stderr


def test_eval_verify_reports_every_kind(db):
    r = CliRunner().invoke(main, ["eval", "verify", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert {"verbatim", "dropped", "added", "replaced", "other_speaker"} <= set(data["per_kind"])
    assert 0.0 <= data["accuracy"] <= 1.0
