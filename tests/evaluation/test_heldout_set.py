"""The held-out news of eval/heldout and eval/heldout2 to eval/heldout15 is well formed: every
article has its gold, every gold text is found in its article, and each set's
CI floors file reads. (The figures themselves are checked by `newsbrief eval
quotes --check eval/heldout_floors.json` (and heldout2_floors.json,
heldout3_floors.json to heldout15_floors.json) in CI, not here.)"""

from pathlib import Path

import pytest

from newsbrief.evaluation.quotes import KINDS, find_gold_files, gold_text_path, load_gold_file
from newsbrief.evaluation.runner import read_floors

EVAL = Path(__file__).resolve().parents[2] / "eval"
NAMES = ("heldout",) + tuple(f"heldout{k}" for k in range(2, 16))
SETS = {name: find_gold_files([EVAL / name]) for name in NAMES if (EVAL / name).is_dir()}
GOLD_FILES = [path for files in SETS.values() for path in files]


@pytest.mark.parametrize(
    "name, least",
    [
        ("heldout", 16),
        ("heldout2", 10),
        ("heldout3", 10),
        ("heldout4", 10),
        ("heldout5", 10),
        ("heldout6", 10),
        ("heldout7", 10),
        ("heldout8", 10),
        ("heldout9", 10),
        ("heldout10", 10),
        ("heldout11", 10),
        ("heldout12", 5),
        ("heldout13", 10),
        ("heldout14", 10),
        ("heldout15", 10),
    ],
)
def test_heldout_set_present(name: str, least: int):
    folder = EVAL / name
    assert len(SETS[name]) >= least
    assert sorted(p.name for p in folder.glob("*.txt")) == sorted(gold_text_path(p).name for p in SETS[name])
    assert (folder / "README.md").is_file()


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_heldout_gold_located(path):
    gold = load_gold_file(path)
    assert gold.quotes and not gold.missing
    for q in gold.quotes:
        assert q.kind in KINDS and q.speaker
        assert q.cue is not None or q.kind == "direct"  # only the Q&A answers have no cue word
    assert all(q.located and q.kind in ("name", "title", "scare", "word") for q in gold.not_quotes)
    # A not-speech span is never also a gold quote.
    quoted = {(q.start, q.end) for q in gold.quotes}
    assert not any((q.start, q.end) in quoted for q in gold.not_quotes)


# The least floor for not-speech marks kept out: heldout3 keeps out 20 of 23 (15 on its first run);
# heldout4 kept out 20 of 27 on its first run (no rule was tuned on it); heldout5 13 of 20 on its first run;
# heldout6 23 of 27 on its first run; heldout7 22 of 33 on its first run;
# heldout8 16 of 24 on its first run; heldout9 17 of 25 on its first run;
# heldout10 20 of 24 on its first run; heldout11 23 of 26 on its first run; heldout12 7 of 8 on its first run;
# heldout13 23 of 27, heldout14 21 of 25, heldout15 23 of 30 on their first runs.
KEPT_OUT_LEAST = {
    "heldout": 0.9,
    "heldout2": 0.9,
    "heldout3": 0.8,
    "heldout4": 0.7,
    "heldout5": 0.6,
    "heldout6": 0.8,
    "heldout7": 0.6,
    "heldout8": 0.6,
    "heldout9": 0.6,
    "heldout10": 0.7,
    "heldout11": 0.8,
    "heldout12": 0.7,
    "heldout13": 0.8,
    "heldout14": 0.7,
    "heldout15": 0.6,
}


@pytest.mark.parametrize("name", NAMES)
def test_heldout_floors_read(name: str):
    floors = read_floors(EVAL / f"{name}_floors.json")
    assert [p.resolve() for p in floors.sources.gold_files] == [p.resolve() for p in SETS[name]]
    assert floors.floors["gold.non_speech.kept_out.accuracy"] > KEPT_OUT_LEAST[name]
    assert all(0.0 < v <= 1.0 for v in floors.floors.values())
