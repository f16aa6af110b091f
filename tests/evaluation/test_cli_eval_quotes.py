import json

from click.testing import CliRunner

from newsbrief.cli import main

ARTICLE = (
    'The council met on Monday. "We will fix the roads this summer," Mayor Ana Ruiz said. '
    "Residents said the potholes had been there for years."
)


def _gold_folder(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "roads.txt").write_text(ARTICLE, encoding="utf-8")
    quotes = [{"text": "We will fix the roads this summer,", "kind": "direct", "speaker": "Ana Ruiz", "cue": "say"}]
    (folder / "roads.gold.json").write_text(json.dumps({"id": "roads", "quotes": quotes}), encoding="utf-8")
    return folder


def _polnear_folder(tmp_path):
    base = tmp_path / "polnear" / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "roads.txt").write_text(ARTICLE, encoding="utf-8")
    q = ARTICLE.index("“") if "“" in ARTICLE else ARTICLE.index('"')
    end = ARTICLE.index('"', q + 1) + 1
    src = ARTICLE.index("Mayor Ana Ruiz")
    cue = ARTICLE.index("said", src)
    ann = (
        f"T1\tContent {q} {end}\tx\nT2\tSource {src} {src + 14}\tMayor Ana Ruiz\nT3\tCue {cue} {cue + 4}\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
    )
    (base / "attributions" / "roads_aa.ann").write_text(ann, encoding="utf-8")
    return tmp_path / "polnear"


def test_cli_eval_quotes_json_report(tmp_path):
    result = CliRunner().invoke(
        main, ["eval", "quotes", str(_gold_folder(tmp_path)), str(_polnear_folder(tmp_path)), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["gold"]["documents"] == 1
    assert report["gold"]["quotes"]["gold"] == 1
    assert report["polnear"]["documents"] == 1
    assert report["polnear"]["gold_attributions"] == 1
    assert set(report["polnear"]["all"]) == {"source", "cue", "content"}
    assert "polnear_agreement" not in report  # no article there has a second annotator
    assert report["articles"] == 2


def test_cli_eval_quotes_check_fails_below_floor(tmp_path):
    _gold_folder(tmp_path)
    floors = tmp_path / "floors.json"
    floors.write_text(
        json.dumps({"gold": ["gold"], "floors": {"gold.quotes.f1": 1.01, "gold.no_such_metric": 0.0}}),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["eval", "quotes", "--check", str(floors)])
    assert result.exit_code == 1
    assert "FAIL gold.quotes.f1" in result.output
    assert "FAIL gold.no_such_metric" in result.output


def test_cli_eval_quotes_check_passes(tmp_path):
    _gold_folder(tmp_path)
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"gold": ["gold"], "floors": {"gold.quotes.f1": 0.0}}), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "quotes", "--check", str(floors)])
    assert result.exit_code == 0, result.output
    assert "ok   gold.quotes.f1" in result.output


def test_cli_eval_quotes_bad_gold_path(tmp_path):
    result = CliRunner().invoke(main, ["eval", "quotes", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "[E004]" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["eval", "quotes", str(empty)])
    assert result.exit_code == 1 and "[E011]" in result.output
    assert CliRunner().invoke(main, ["eval", "quotes"]).exit_code == 2


def test_cli_eval_quotes_rules_table(tmp_path):
    args = ["eval", "quotes", str(_gold_folder(tmp_path)), str(_polnear_folder(tmp_path)), "--rules"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Rules: how often each fired" in result.output
    result = CliRunner().invoke(main, [*args, "--json"])
    rules = json.loads(result.output)["rules"]
    # Both articles hold the mayor's direct quote; every rule row has both sides.
    assert sum(row["polnear"]["fired"] for row in rules.values()) >= 1
    assert sum(row["gold"]["right"] for row in rules.values()) == 1
    assert all(set(row) == {"articles", "polnear", "gold"} for row in rules.values())
