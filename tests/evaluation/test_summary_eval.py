"""The pieces of ``newsbrief eval summary`` on tiny inputs written here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli import main
from newsbrief.errors import InputError, SetupError
from newsbrief.evaluation.summary import (
    MethodResult,
    RougeScorer,
    format_table,
    lead,
    load_summary_data,
    make_sumy_summarizer,
    score_methods,
    sentence_texts,
)

ARTICLE = (
    "A bakery in the village of Hollin won the national bread prize on Saturday. "
    "The judges praised its sourdough loaf for a crisp crust and an even crumb. "
    "The bakery opened only two years ago in a former post office. "
    "Its owner, Mara Quinn, trained as a chef in Lyon before moving home. "
    "The prize comes with a cash award and a year of free flour from a local mill."
)


def _jsonl(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "data.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_summary_eval_loads_cnndm_references_as_sentences(tmp_path):
    highlights = "Bakery wins prize -LRB- bread -RRB- . Owner trained in Lyon ."
    path = _jsonl(tmp_path, [{"id": "a1", "article": ARTICLE, "reference_highlights_tokenized": highlights}])
    (example,) = load_summary_data(path)
    assert example.id == "a1"
    assert example.reference == ["Bakery wins prize ( bread )", "Owner trained in Lyon ."]


def test_summary_eval_loads_plain_reference_and_limit(tmp_path):
    rows = [{"article": ARTICLE, "reference": "One line."}, {"article": ARTICLE, "summary": ["x", "y"]}]
    path = _jsonl(tmp_path, rows)
    examples = load_summary_data(path)
    assert [e.reference for e in examples] == [["One line."], ["x", "y"]]
    assert examples[1].id == "2"
    assert len(load_summary_data(path, limit=1)) == 1


def test_summary_eval_loads_seed_format_gold_file(tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    gold = tmp_path / "story.gold.json"
    gold_data = {"id": "story", "summary": "A bakery won.\nIts owner trained in Lyon."}
    gold.write_text(json.dumps(gold_data), encoding="utf-8")
    (example,) = load_summary_data(gold)
    assert example.article == ARTICLE
    assert example.reference == ["A bakery won.", "Its owner trained in Lyon."]


def test_summary_eval_bad_data_has_coded_errors(tmp_path):
    with pytest.raises(InputError) as missing:
        load_summary_data(tmp_path / "nope.jsonl")
    assert missing.value.code == "E004"
    with pytest.raises(InputError) as no_reference:
        load_summary_data(_jsonl(tmp_path, [{"article": ARTICLE}]))
    assert no_reference.value.code == "E011" and ":1" in str(no_reference.value)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as malformed:
        load_summary_data(bad)
    assert malformed.value.code == "E009"


def test_summary_eval_rouge_identical_and_disjoint():
    scorer = RougeScorer()
    same = scorer.score(["The bakery won the prize."], ["The bakery won the prize."])
    assert same == pytest.approx({"rouge1": 100.0, "rouge2": 100.0, "rougeLsum": 100.0})
    apart = scorer.score(["Cats sleep all day."], ["The bakery won the prize."])
    assert apart["rouge1"] == 0.0 and apart["rouge2"] == 0.0
    # Stemming: "wins"/"won" differ, "prizes"/"prize" match.
    assert scorer.score(["prizes"], ["prize"])["rouge1"] == pytest.approx(100.0)


def test_summary_eval_missing_extra_is_setup_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "rouge_score.rouge_scorer", None)
    with pytest.raises(SetupError) as err:
        RougeScorer()
    assert err.value.code == "E015" and "newsbrief[eval]" in str(err.value)


def test_summary_eval_lead_and_sumy_use_spacy_sentences(nlp):
    doc = nlp(ARTICLE)
    sentences = sentence_texts(doc)
    assert len(sentences) == 5
    assert lead(doc, 2) == sentences[:2]
    for method in ("lexrank", "textrank", "lsa", "luhn"):
        picked = make_sumy_summarizer(method)(doc, 2)
        assert len(picked) == 2, method
        assert all(s in sentences for s in picked), method
        assert sentences.index(picked[0]) < sentences.index(picked[1])


def test_summary_eval_score_methods_and_table(nlp):
    doc = nlp(ARTICLE)
    reference = sentence_texts(doc)[:2]
    results = score_methods([(doc, reference)], {"lead": lead, "last": lambda d, n: sentence_texts(d)[-n:]}, 2,
                            RougeScorer())
    assert results["lead"].to_dict()["rouge1"] == pytest.approx(100.0)
    assert results["last"].to_dict()["rouge1"] < 60.0
    table = format_table(list(results.values()))
    assert table.splitlines()[1].startswith("lead") and "100.00" in table.splitlines()[1]


def test_summary_eval_method_result_means():
    r = MethodResult("x")
    r.add({"rouge1": 10.0, "rouge2": 0.0, "rougeLsum": 5.0}, 0.002, 10)
    r.add({"rouge1": 30.0, "rouge2": 10.0, "rougeLsum": 15.0}, 0.004, 20)
    assert r.to_dict() == {"rouge1": 20.0, "rouge2": 5.0, "rougeLsum": 10.0, "ms_per_article": 3.0,
                           "words_per_summary": 15.0}
    assert r.mean("rouge1", slice(1, None)) == 30.0


def test_summary_eval_cli_json(tmp_path, nlp):
    path = _jsonl(tmp_path, [{"article": ARTICLE, "reference": "A bakery in Hollin won the bread prize."}] * 2)
    result = CliRunner().invoke(main, ["eval", "summary", str(path), "--json", "--limit", "1", "--sentences", "2",
                                       "--baselines", "lead,lexrank"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 1
    assert list(report["methods"]) == ["newsbrief", "Lead-2", "sumy lexrank"]
    assert all(0.0 <= m["rouge1"] <= 100.0 for m in report["methods"].values())


def test_summary_eval_cli_errors(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["eval", "summary", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 1 and "E004" in missing.output
    bad = runner.invoke(main, ["eval", "summary", str(tmp_path / "none.jsonl"), "--baselines", "lead,magic"])
    assert bad.exit_code == 2 and "magic" in bad.output
