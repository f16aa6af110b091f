"""The quote finder's per-document index (``reported._Index``), built from
arrays, against a plain per-token reading of the same rules: a straight mark
toggles, a curly one says its side (an opening mark glued to the word before
and followed by a space closes), a line break ends an open quote."""

from __future__ import annotations

import random

from spacy.tokens import Doc

from newsbrief.stages.quotes.reported import _Index

MARKS = ('"', "“", "”", "„", "«", "»", "''")


def _reference(words: list[str], spaces: list[bool]) -> dict[str, list[int] | list[bool]]:
    inside, breaks, open_ = [], [], False
    words_n, outside_n = [0], [0]
    for i, w in enumerate(words):
        if w in MARKS:
            if w in ("“", "„", "«"):
                open_ = not (open_ and i > 0 and not spaces[i - 1] and spaces[i])
            elif w in ("”", "»"):
                open_ = False
            else:
                open_ = not open_
            inside.append(True)
        else:
            inside.append(open_)
        alpha = w.isalpha()
        words_n.append(words_n[-1] + alpha)
        outside_n.append(outside_n[-1] + (alpha and not open_))
        if "\n" in w:
            open_ = False
            breaks.append(i)
    return {"inside": inside, "breaks": breaks, "words": words_n, "outside_words": outside_n}


def test_quote_index_hand_cases(nlp):
    doc = Doc(nlp.vocab, words=["He", "said", "“", "no", "”", "today", "\n\n", '"', "Yes", "\n", "ok"],
              spaces=[True, True, False, False, True, False, False, False, False, False, False])
    index = _Index(doc)
    assert index.inside == [False, False, True, True, True, False, False, True, True, True, False]
    assert index.breaks == [6, 9]
    assert index.own_words(0, 10) == 4  # He said today ok
    assert index.all_words(0, 10) == 6


def test_quote_index_matches_per_token_rules(nlp):
    rng = random.Random(7)
    vocab = [*MARKS, "\n", "\n\n", "the", "mayor", "said", ",", "."]
    empty = _Index(Doc(nlp.vocab, words=[]))
    assert empty.inside == [] and empty.words == [0]
    for _ in range(400):
        n = rng.randint(1, 24)
        words = [rng.choice(vocab) for _ in range(n)]
        spaces = [rng.random() < 0.5 for _ in range(n)]
        index = _Index(Doc(nlp.vocab, words=words, spaces=spaces))
        want = _reference(words, spaces)
        got = {k: getattr(index, k) for k in want}
        assert got == want, (words, spaces)
