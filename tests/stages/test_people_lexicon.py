"""The people lexicon (stages/data/people.toml): every rule is there and
read, and another file can replace it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.stages.people import DEFAULT_PATH, load_people_lexicon, people_lexicon


def test_people_lexicon_has_every_rule():
    lex = load_people_lexicon(DEFAULT_PATH)
    assert lex.honorific_gender["mrs."] == "f" and lex.honorific_gender["mr"] == "m"
    assert lex.gendered_nouns["spokeswoman"] == "f" and lex.gendered_nouns["husband"] == "m"
    for name in ("relations", "generic_heads", "org_heads", "generic_org_heads", "offices",
                 "past_markers", "singular_they", "rank_words", "person_heads",
                 "indefinite_determiners", "group_determiners", "cue_climb_prepositions", "work_heads"):  # fmt: skip
        words = getattr(lex, name)
        assert words and all(w == w.lower() for w in words), name
    assert "wife" in lex.relations and "vice" in lex.rank_words


def test_people_lexicon_from_another_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    text = DEFAULT_PATH.read_text(encoding="utf-8").replace('"former", ', '"former", "sometime", ')
    path = tmp_path / "people.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("NEWSBRIEF_PEOPLE_LEXICON", str(path))
    assert "sometime" in people_lexicon().past_markers
    monkeypatch.delenv("NEWSBRIEF_PEOPLE_LEXICON")
    assert "sometime" not in people_lexicon().past_markers
