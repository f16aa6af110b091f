"""newsbrief: who said what in a news article, who is involved, and what the
story comes to.

    >>> import newsbrief
    >>> brief = newsbrief.analyze('"We are ready," the minister said.')
    >>> brief.quotes[0].text
    'We are ready,'
"""

from __future__ import annotations

from .api import analyze, analyze_many
from .errors import InputError, NewsbriefError, SetupError
from .ingest import Article
from .model import Brief, Entity, Failure, Marked, Quote, Speaker, SummarySentence, TextSpan
from .pipeline import load_pipeline
from .render import render_html
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Brief",
    "Entity",
    "Failure",
    "Marked",
    "InputError",
    "NewsbriefError",
    "Quote",
    "Settings",
    "SetupError",
    "Speaker",
    "SummarySentence",
    "TextSpan",
    "analyze",
    "analyze_many",
    "load_pipeline",
    "render_html",
    "__version__",
]
