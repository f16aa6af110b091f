"""Build the spaCy pipeline: a pretrained English model plus newsbrief's stages.

The model is loaded once per process and cached by name; every call of
``analyze``/``analyze_many`` in that process reuses it.
"""

from __future__ import annotations

import gc
import importlib.util
import threading
import tomllib
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language

from .errors import Errors, SetupError
from .settings import MODEL_CANDIDATES

# Importing the stages registers their factories with spaCy.
from .stages import PRE_PARSER_STAGES, STAGES

_lock = threading.Lock()


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model_name(model: str | None) -> str:
    """The model to load: the one asked for, or the first installed candidate.

    RAISES (SetupError): E006 when none is installed.
    """
    if model:
        return model
    for name in MODEL_CANDIDATES:
        if _installed(name):
            return name
    raise SetupError(Errors.E006, detail="none of " + ", ".join(MODEL_CANDIDATES) + " is installed")


def load_base_model(model: str | None = None) -> Language:
    """The bare pretrained spaCy model, without newsbrief's stages (the
    baseline the benchmarks compare against)."""
    name = resolve_model_name(model)
    try:
        return spacy.load(name)
    except OSError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SetupError(Errors.E006, detail=f"{name!r}: {first_line[:200]}") from None


_TOKENIZER_DATA = Path(__file__).parent / "stages" / "data" / "tokenizer.toml"


def add_abbreviations(nlp: Language, path: Path = _TOKENIZER_DATA) -> None:
    """Keep the full stop of the abbreviations in ``path`` with the word
    ("Windsor, Ont., said"), with the word it stands for as its norm, as spaCy
    does for "Calif."."""
    with path.open("rb") as fh:
        norms: dict[str, str] = tomllib.load(fh)["abbreviations"]
    for word, norm in norms.items():
        nlp.tokenizer.add_special_case(word, [{ORTH: word, NORM: norm}])


@lru_cache(maxsize=4)
def _cached_pipeline(name: str) -> Language:
    nlp = load_base_model(name)
    add_abbreviations(nlp)
    for stage in PRE_PARSER_STAGES:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(stage, before="parser")
    for stage in STAGES:
        nlp.add_pipe(stage)
    # The model's ~100k Python objects live as long as the process: moved
    # out of the cycle collector's generations (gc.freeze), they are not
    # traversed again by each full collection the stages' allocations set
    # off (bench/analyze_vs_pipe.py: the full side's collector time fell
    # to a quarter). Reference counting still frees them.
    gc.collect()
    gc.freeze()
    return nlp


def load_pipeline(model: str | None = None) -> Language:
    """The full newsbrief pipeline for ``model`` (cached per process)."""
    name = resolve_model_name(model)
    with _lock:
        return _cached_pipeline(name)
