"""newsbrief's pipeline stages, each a spaCy factory named ``newsbrief_<stage>``.

Each stage does one thing and writes its own ``Doc`` extension, as plain
serialisable values (see ``layers.py`` for the layout and the readers):

===================  ==========================  ==============================
stage                writes                      reads
===================  ==========================  ==============================
newsbrief_entities   ``doc._.nb_entities``        ``doc.ents``, parse
newsbrief_quotes     ``doc._.nb_quotes``,         parse, sentences
                     ``doc._.nb_marked``
newsbrief_speakers   ``doc._.nb_speakers``        ``doc._.nb_quotes``, ``doc._.nb_entities``
newsbrief_summary    ``doc._.nb_summary``,        sentences, ``doc._.nb_quotes``,
                     ``doc._.nb_key_quote``       ``doc._.nb_speakers``, ``doc._.nb_entities``
newsbrief_events     ``doc._.nb_events``          parse, ``doc._.nb_quotes``, ``doc._.nb_speakers``,
                                                 ``doc._.nb_entities``
===================  ==========================  ==============================

The factories are also registered through the ``spacy_factories`` entry point
(``pyproject.toml``), so a pipeline saved with ``nlp.to_disk`` loads with
``spacy.load`` in a fresh process.
"""

from __future__ import annotations

from spacy.tokens import Doc

for _name, _default in (
    ("nb_entities", None),
    ("nb_quotes", None),
    ("nb_marked", None),
    ("nb_marks", None),
    ("nb_speakers", None),
    ("nb_summary", None),
    ("nb_key_quote", None),
    ("nb_events", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

from . import entities, events, paragraphs, quotes, speakers, summary  # noqa: E402,F401  (register factories)

# Runs before the parser (it presets sentence starts at blank lines).
PRE_PARSER_STAGES: tuple[str, ...] = ("newsbrief_paragraphs",)

# The order the pipeline runs them in, after the model's own components.
STAGES: tuple[str, ...] = (
    "newsbrief_entities",
    "newsbrief_quotes",
    "newsbrief_speakers",
    "newsbrief_summary",
    "newsbrief_events",
)
