"""analyze / analyze_many: the public entry points."""

from __future__ import annotations

import pytest

import newsbrief
from newsbrief import Article, Failure, InputError, Settings
from newsbrief.pipeline import load_pipeline

from .conftest import assert_offsets

ARTICLE = (
    'The mayor of Port Ellis, Sarah Miller, defended the plan on Monday. "We had no other choice," '
    "Miller said. The union disagreed with her."
)


def test_api_analyze_returns_brief_with_offsets(nlp):
    brief = newsbrief.analyze(ARTICLE, source="t1", nlp=nlp)
    assert brief.source == "t1"
    assert brief.text == ARTICLE
    assert any(e.type == "PERSON" and e.name == "Sarah Miller" for e in brief.entities)
    assert brief.summary, "a non-empty article gets a summary"
    assert_offsets(brief)


def test_api_analyze_many_keeps_input_order(nlp):
    texts = [f"Story number {i} says that the council met on Monday to talk about ferries." for i in range(7)]
    briefs = list(newsbrief.analyze_many(texts, nlp=nlp, settings=Settings(batch_size=3)))
    assert [b.text for b in briefs] == texts


def test_api_analyze_many_yields_failures_in_place(nlp):
    items = [
        Article(text=ARTICLE, source="good-1"),
        Article(text="   ", source="empty"),
        (ARTICLE + " And more.", "too-big"),
        Article(text=ARTICLE, source="good-2"),
    ]
    results = list(newsbrief.analyze_many(items, nlp=nlp, settings=Settings(max_chars=len(ARTICLE)), on_error="yield"))
    assert [r.source for r in results] == ["good-1", "empty", "too-big", "good-2"]
    assert isinstance(results[2], Failure) and results[2].code == "E003"
    assert isinstance(results[1], Failure) and results[1].code == "E001" and results[1].source == "empty"
    assert results[0].source == "good-1" and results[3].source == "good-2"


def test_api_analyze_many_raises_by_default(nlp):
    with pytest.raises(InputError):
        list(newsbrief.analyze_many([ARTICLE, ""], nlp=nlp))


def test_api_pipeline_is_loaded_once():
    assert load_pipeline() is load_pipeline()


def test_api_pipeline_has_all_stages(nlp):
    for stage in ("newsbrief_entities", "newsbrief_quotes", "newsbrief_speakers", "newsbrief_summary"):
        assert stage in nlp.pipe_names


def test_api_unknown_model_is_a_clear_setup_error():
    with pytest.raises(newsbrief.SetupError) as info:
        load_pipeline("no_such_model_package_xyz")
    assert info.value.code == "E006"
    assert "pip install" in str(info.value)


def test_api_settings_from_env(monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_MAX_CHARS", "1234")
    monkeypatch.setenv("NEWSBRIEF_MODEL", "some_model")
    settings = Settings.from_env(batch_size=8)
    assert (settings.max_chars, settings.model, settings.batch_size) == (1234, "some_model", 8)
    monkeypatch.setenv("NEWSBRIEF_MAX_CHARS", "lots")
    with pytest.raises(newsbrief.SetupError) as info:
        Settings.from_env()
    assert info.value.code == "E012"
