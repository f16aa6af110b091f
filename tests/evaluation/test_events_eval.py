"""``newsbrief eval events``: PLOVER records read and scored (made-up
records here; the real gold is read by path and skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.evaluation.events import (
    GoldEvent,
    evaluate_plover,
    load_plover,
    score_record,
    score_seed_events,
)
from newsbrief.model import Actor, Event, TextSpan


def _record(event: str, text: str, source: list | str, target: list | str, rid: str = "X-1") -> dict:
    return {"id": rid, "event": event, "text": text, "source": source, "target": target}


def _write(tmp_path: Path, records: list) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def _event(etype: str, actors: list[str], recipients: list[str]) -> Event:
    def parties(codes: list[str]) -> list[Actor]:
        return [Actor(text=c, start=0, end=len(c), code=c) for c in codes]

    return Event(type=etype, trigger=TextSpan("x", 0, 1), sentence=(0, 1), actor=parties(actors),
                 recipient=parties(recipients))


def test_load_maps_old_names_and_cameo_codes(tmp_path):
    path = _write(tmp_path, [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "header"},
        _record("DEMAND", "Tokyo asked Rome for help.", [{"actorText": "Tokyo", "code": "JAP"}],
                [{"actorText": "Rome", "code": "ITL"}]),
        _record("FIGHT", "Someone fought.", "", ""),
    ])
    gold = load_plover(path)
    assert [g.type for g in gold] == ["REQUEST", "ASSAULT"]
    assert gold[0].actor_codes == {"JPN"} and gold[0].recipient_codes == {"ITA"}
    assert gold[1].actor_codes == frozenset() and gold[1].recipient_codes == frozenset()


def test_load_rejects_files_without_records(tmp_path):
    with pytest.raises(InputError) as err:
        load_plover(_write(tmp_path, [{"id": "DOC", "event": "DOCUMENT"}]))
    assert err.value.code == "E050"
    with pytest.raises(InputError) as err:
        load_plover(_write(tmp_path, {"not": "a list"}))
    assert err.value.code == "E050"


def test_score_record_picks_the_best_event_and_checks_code_sets():
    gold = GoldEvent("g", "t", "ACCUSE", frozenset({"USA"}), frozenset({"RUS", "CHN"}))
    r = score_record(gold, [_event("ASSAULT", ["USA"], ["RUS"]), _event("ACCUSE", ["USA"], ["CHN", "RUS"])])
    assert r.type_ok and r.actor_ok and r.recipient_ok and r.all_ok
    r = score_record(gold, [_event("ACCUSE", ["USA"], ["RUS"])])
    assert r.type_ok and r.actor_ok and not r.recipient_ok
    assert not score_record(gold, []).type_ok


def test_symmetric_types_accept_either_order():
    gold = GoldEvent("g", "t", "CONSULT", frozenset({"FRA"}), frozenset({"DEU"}))
    assert score_record(gold, [_event("CONSULT", ["DEU"], ["FRA"])]).all_ok
    gold = GoldEvent("g", "t", "ACCUSE", frozenset({"FRA"}), frozenset({"DEU"}))
    assert not score_record(gold, [_event("ACCUSE", ["DEU"], ["FRA"])]).all_ok


def test_evaluate_on_own_sentences(nlp, tmp_path):
    path = _write(tmp_path, [
        _record("FIGHT", "Turkish jets bombed Kurdish villages in Iraq.",
                [{"actorText": "Turkish jets", "code": "TUR"}], [{"actorText": "Iraq", "code": "IRQ"}], "A"),
        _record("DEMAND", "The Dutch government urged Indonesia to free the prisoners.",
                [{"actorText": "Dutch government", "code": "NLD"}], [{"actorText": "Indonesia", "code": "IDN"}], "B"),
        _record("AGREE", "The weather was fine.", [{"actorText": "x", "code": "USA"}], "", "C"),
    ])
    report = evaluate_plover(load_plover(path), nlp)
    summary = report.summary()
    assert summary["gold_events"] == 3
    assert summary["missed"] == pytest.approx(1 / 3, abs=1e-3)
    by_id = {r.gold.id: r for r in report.records}
    assert by_id["A"].type_ok and by_id["A"].actor_ok
    assert by_id["B"].all_ok
    assert summary["spurious_per_gold"] == 0


def test_seed_scoring_matches_by_name(nlp):
    from newsbrief.api import analyze

    brief = analyze("Rwanda accused Burundi of sheltering rebels.", nlp=nlp)
    out = score_seed_events(
        [{"actor": "Rwanda", "type": "ACCUSE", "recipient": "Burundi"},
         {"actor": "Burundi", "type": "ACCUSE", "recipient": "Rwanda"}], brief)
    assert out[0]["matched"] is not None
    assert out[1]["matched"] is None


def _gate(tmp_path: Path, floors: dict, ceilings: dict | None = None) -> Path:
    """A tiny made-up PLOVER file, a seed-format gold file on an own
    article, and a floors file naming them."""
    _write(tmp_path, [
        _record("FIGHT", "Turkish jets bombed Kurdish villages in Iraq.",
                [{"actorText": "Turkish jets", "code": "TUR"}], [{"actorText": "Iraq", "code": "IRQ"}], "A"),
        _record("AGREE", "The weather was fine.", [{"actorText": "x", "code": "USA"}], "", "B"),
    ])
    (tmp_path / "own.txt").write_text("Rwanda accused Burundi of sheltering rebels.", encoding="utf-8")
    (tmp_path / "own.gold.json").write_text(
        json.dumps({"events": [{"actor": "Rwanda", "type": "ACCUSE", "recipient": "Burundi"}]}), encoding="utf-8")
    path = tmp_path / "floors" / "events_floors.json"
    path.parent.mkdir()
    # Paths are relative to the floors file's folder.
    body = {"data": {"plover": "../gold.json", "seed": "../own.gold.json"}, "floors": floors}
    if ceilings is not None:
        body["ceilings"] = ceilings
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def test_check_passes_when_every_bound_holds(nlp, tmp_path):
    from click.testing import CliRunner

    from newsbrief.cli import main

    floors = _gate(tmp_path, {"plover.type_accuracy": 0.5, "seed.share_right": 1.0},
                   {"plover.spurious_per_gold": 0.0})
    result = CliRunner().invoke(main, ["eval", "events", "--check", str(floors), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["check"]["ok"] is True
    assert report["plover"]["type_accuracy"] == pytest.approx(0.5)
    assert report["seed"]["share_right"] == 1.0


def test_check_fails_with_one_line_per_bound_missed(nlp, tmp_path):
    from click.testing import CliRunner

    from newsbrief.cli import main

    # Half the records have no event: type accuracy 0.5 misses 0.9; "missed"
    # 0.5 is over its ceiling 0.1; the seed floor holds; a metric the report
    # lacks fails.
    floors = _gate(tmp_path, {"plover.type_accuracy": 0.9, "seed.share_right": 1.0, "plover.nothing": 0.1},
                   {"plover.missed": 0.1})
    result = CliRunner().invoke(main, ["eval", "events", "--check", str(floors)])
    assert result.exit_code == 1
    missed = [line for line in result.stderr.splitlines() if line.startswith("newsbrief: events")]
    assert len(missed) == 3
    assert any("plover.type_accuracy = 0.5000 < 0.9" in line for line in missed)
    assert any("plover.missed = 0.5000 > 0.1" in line for line in missed)
    assert any("plover.nothing = absent" in line for line in missed)
    assert "FAIL plover.type_accuracy" in result.stdout and "ok   seed.share_right" in result.stdout


def test_check_rejects_bad_floors_files(tmp_path):
    from newsbrief.evaluation.events import read_events_floors

    cases = [
        {"floors": {"plover.type_accuracy": 0.5}},  # no data
        {"data": {"plover": "x.json"}, "floors": {"plover.type_accuracy": "high"}},
        {"data": {"plover": "x.json"}, "floors": {}},
        {"data": {"plover": "x.json"}, "floors": {"other.type_accuracy": 0.5}},  # unknown data name
    ]
    for i, body in enumerate(cases):
        path = tmp_path / f"f{i}.json"
        path.write_text(json.dumps(body), encoding="utf-8")
        with pytest.raises(InputError) as err:
            read_events_floors(path)
        assert err.value.code == "E011", body
    with pytest.raises(InputError) as err:
        read_events_floors(tmp_path / "absent.json")
    assert err.value.code == "E004"


def test_check_and_data_exclude_each_other(tmp_path):
    from click.testing import CliRunner

    from newsbrief.cli import main

    result = CliRunner().invoke(main, ["eval", "events", "--check", str(tmp_path / "f.json"), "gold.json"])
    assert result.exit_code == 2 and "no DATA" in result.output
    result = CliRunner().invoke(main, ["eval", "events"])
    assert result.exit_code == 2
