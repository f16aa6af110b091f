"""Shared fixtures. The full pipeline is loaded once per test session; data in
../shared is read by path and tests that need it skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_TEXT = SHARED / "seed" / "000_e9cfeb803afa4857.txt"
SEED_GOLD = SHARED / "seed" / "000_e9cfeb803afa4857.gold.json"
POLNEAR = SHARED / "eval" / "polnear"
CNNDM = SHARED / "eval" / "cnndm-frank" / "cnndm_250.jsonl"


@pytest.fixture(scope="session")
def nlp():
    """The full newsbrief pipeline (model + stages), loaded once."""
    from newsbrief.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED} (only CI and developers have it)")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    if not SEED_TEXT.is_file():
        pytest.skip(f"seed article not found at {SEED_TEXT}")
    return SEED_TEXT.read_bytes().decode("utf-8")


def assert_offsets(brief) -> None:
    """Every span in a Brief points at exactly the text it reports."""
    text = brief.text
    for q in brief.quotes:
        assert text[q.start : q.end] == q.text, q
        if q.cue:
            assert text[q.cue.start : q.cue.end] == q.cue.text, q.cue
        if q.speaker.mention:
            m = q.speaker.mention
            assert text[m.start : m.end] == m.text, m
    for e in brief.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text, m
    for s in brief.summary:
        assert text[s.start : s.end] == s.text, s


@pytest.fixture
def check_offsets():
    """The assert_offsets helper as a fixture (for tests in subfolders)."""
    return assert_offsets
