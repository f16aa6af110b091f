"""No test carries text of the seed, PolNeAR or CNN/DailyMail: those are measured by
``newsbrief eval``, and a test built on them would tune the rules to the data they are
scored on. Any run of eight words shared with one of those articles fails here."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from tests.conftest import CNNDM, POLNEAR, SHARED

TESTS = Path(__file__).resolve().parent
RUN = 8  # words; long enough that stock newsroom phrases do not trip it
WORD = re.compile(r"[A-Za-z0-9']+")


def _runs(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _corpus_runs() -> dict[tuple[str, ...], str]:
    runs: dict[tuple[str, ...], str] = {}
    sources = [(p.name, p.read_text(errors="replace")) for p in sorted((SHARED / "seed").glob("*.txt"))]
    sources += [(p.name, p.read_text(errors="replace")) for p in sorted(POLNEAR.glob("data/*/text/*.txt"))]
    with CNNDM.open() as lines:
        sources += [(f"cnndm_250.jsonl:{i + 1}", json.loads(line)["article"]) for i, line in enumerate(lines)]
    for name, text in sources:
        for run in _runs(text):
            runs.setdefault(run, name)
    return runs


def _test_strings(path: Path) -> str:
    # String constants only: names of variables and functions are ours, not text.
    if path.suffix != ".py":
        return path.read_text(errors="replace")
    tree = ast.parse(path.read_text())
    return "\n".join(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))


def test_the_run_finder_sees_a_shared_sentence() -> None:
    # The check itself can fail: eight words in common is caught, seven are not.
    article = _runs("the minister said on monday that the plan would go ahead")
    assert _runs("Yes: the minister said on Monday that the plan would.") & article
    assert not _runs("minister said on Monday that the plan") & article


def test_tests_hold_no_text_of_the_evaluation_corpora() -> None:
    if not (SHARED / "seed").is_dir() or not POLNEAR.is_dir() or not CNNDM.is_file():
        pytest.skip(f"shared data not found at {SHARED} (only CI and developers have it)")
    corpus = _corpus_runs()
    found = []
    for path in sorted(TESTS.rglob("*")):
        if path.suffix not in {".py", ".txt", ".json", ".jsonl", ".html"} or not path.is_file():
            continue
        for run in sorted(_runs(_test_strings(path)) & corpus.keys()):
            found.append(f"{path.relative_to(TESTS)}: '{' '.join(run)}' (from {corpus[run]})")
    assert not found, "\n".join(found[:20])
