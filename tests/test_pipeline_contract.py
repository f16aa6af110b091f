"""The stages are proper spaCy citizens: serialisable layers, multiprocessing,
DocBin, a saved pipeline that loads in a fresh process, a clean
``analyze_pipes``, and no stage changing another stage's output."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

from spacy.tokens import DocBin

import newsbrief
from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.stages import STAGES

ARTICLE = (
    "GLENHAVEN -- The harbour master, Ruth Okafor, closed the port on Tuesday.\n\n"
    '"No ship leaves until the storm has passed," Okafor told reporters. '
    "She said that the crews had been warned twice.\n\n"
    "Fisherman Dan Pike said the closure would cost him a week's catch. "
    '"We have bills to pay," he said.'
)


def _layers(doc) -> dict:
    return {name: copy.deepcopy(doc.get_extension(name) and getattr(doc._, name)) for name in (
        "nb_entities", "nb_quotes", "nb_marked", "nb_speakers", "nb_summary", "nb_key_quote")}


def test_pipeline_layers_are_plain_json(nlp):
    doc = nlp(ARTICLE)
    layers = _layers(doc)
    assert layers["nb_quotes"], "the article has quotes"
    # Plain values only: a JSON round trip gives the same thing back.
    assert json.loads(json.dumps(layers)) == layers


def test_pipeline_load_pipeline_is_public_and_cached():
    nlp = newsbrief.load_pipeline()
    assert nlp is newsbrief.load_pipeline()
    for stage in STAGES:
        assert stage in nlp.pipe_names


def test_pipeline_analyze_pipes_reports_no_problem(nlp):
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]


def test_pipeline_speakers_leave_quotes_and_entities_layers_alone(nlp):
    doc = nlp.make_doc(ARTICLE)
    for name, proc in nlp.pipeline:
        if name == "newsbrief_speakers":
            before = (copy.deepcopy(doc._.nb_quotes), copy.deepcopy(doc._.nb_entities))
            doc = proc(doc)
            assert (doc._.nb_quotes, doc._.nb_entities) == before
            assert doc._.nb_speakers["quotes"], "speakers wrote its own layer"
        else:
            doc = proc(doc)
    names = {q.speaker.name for q in brief_from_doc(doc, Article(text=ARTICLE)).quotes}
    assert {"Ruth Okafor", "Dan Pike"} <= names


def test_pipeline_docbin_round_trip_keeps_the_brief(nlp):
    doc = nlp(ARTICLE)
    expected = brief_from_doc(doc, Article(text=ARTICLE)).to_dict()
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (restored,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert brief_from_doc(restored, Article(text=ARTICLE)).to_dict() == expected


def test_pipeline_n_process_2_gives_the_same_briefs(nlp):
    texts = [ARTICLE, ARTICLE.replace("Okafor", "Mensah"), "Nothing was said today."]
    one = [brief_from_doc(d, Article(text=t)).to_dict() for d, t in zip(nlp.pipe(texts), texts, strict=True)]
    two = [
        brief_from_doc(d, Article(text=t)).to_dict()
        for d, t in zip(nlp.pipe(texts, n_process=2, batch_size=1), texts, strict=True)
    ]
    assert one == two


def test_pipeline_saved_pipeline_loads_in_a_fresh_process(nlp, tmp_path: Path):
    path = tmp_path / "pipeline"
    nlp.to_disk(path)
    expected = [q["text"] for q in nlp(ARTICLE)._.nb_quotes]
    # A fresh interpreter that never imports newsbrief itself: spaCy finds the
    # factories through the spacy_factories entry point.
    script = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({str(path)!r})\n"
        f"doc = nlp({ARTICLE!r})\n"
        "print(json.dumps([q['text'] for q in doc._.nb_quotes]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) == expected


def test_loaded_model_is_out_of_the_cycle_collector():
    import gc

    from newsbrief.pipeline import load_pipeline

    load_pipeline()
    # gc.freeze() after loading: the model's objects are not traversed by
    # every full collection (the speed budget of bench/analyze_vs_pipe.py).
    assert gc.get_freeze_count() > 10_000
