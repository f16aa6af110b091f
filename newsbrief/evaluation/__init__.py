"""Scoring newsbrief against gold data.

* ``quotes``: gold files in newsbrief's own format (the seed's): quote
  detection, kinds, cues and canonical speakers.
* ``polnear``: the PolNeAR attribution corpus (brat standoff): source, cue and
  content spans, exact and overlap P/R/F1 as in the literature.
* ``metrics``: P/R/F1 counts and one-to-one span matching.

The command ``newsbrief eval quotes`` (``newsbrief/cli/eval_quotes.py``)
runs them; this package holds no I/O beyond reading gold files.
"""

from __future__ import annotations

from .metrics import PRF, Accuracy, match_greedy
from .polnear import Attribution, PolnearScores, attributions_from_quotes, load_polnear, parse_ann, score_attributions
from .quotes import GoldDocument, GoldScores, load_gold_file, score_gold_document, speaker_matches

__all__ = [
    "PRF",
    "Accuracy",
    "match_greedy",
    "Attribution",
    "PolnearScores",
    "attributions_from_quotes",
    "load_polnear",
    "parse_ann",
    "score_attributions",
    "GoldDocument",
    "GoldScores",
    "load_gold_file",
    "score_gold_document",
    "speaker_matches",
]
