"""Speakers named by reference (rules of round 9b): a bare given name after
the full name, a document as speaker, and press-conference turns; short
sentences written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsbrief.model import Entity, TextSpan
from newsbrief.stages.entities import cluster_entities
from newsbrief.stages.speakers import _Resolver, resolve_speakers
from newsbrief.stages.speakers_refs import document_author, given_name_owner

from .test_speakers_rules import Row, _doc, _person, _quote, _said_by


def _ents(nlp, text: str, names: list[tuple[str, str]]) -> list:
    """``text`` parsed, with the entity spans set by hand (word, label), in order."""
    doc = nlp(text)
    words = [t.text for t in doc]
    spans, at = [], 0
    for name, label in names:
        parts = name.split()
        i = next(i for i in range(at, len(words)) if words[i : i + len(parts)] == parts)
        spans.append(Span(doc, i, i + len(parts), label=label))
        at = i + len(parts)
    doc.ents = spans
    return cluster_entities(doc)


def test_given_name_after_full_name_joins_it(nlp):
    text = "Rosa Keller farms near the river. Her cousin, Anton Keller, runs the mill. Rosa said the water rose fast."
    ents = _ents(nlp, text, [("Rosa Keller", "PERSON"), ("Anton Keller", "PERSON"), ("Rosa", "ORG")])
    rosa = next(e for e in ents if e.name == "Rosa Keller")
    assert [m.text for m in rosa.mentions] == ["Rosa Keller", "Rosa"]
    assert not any(e.name == "Rosa" for e in ents)


def test_given_name_shared_by_two_full_names_stays_apart(nlp):
    text = "Rosa Keller farms near the river. Rosa Lind runs the mill. Rosa said the water rose fast."
    ents = _ents(nlp, text, [("Rosa Keller", "PERSON"), ("Rosa Lind", "PERSON"), ("Rosa", "PERSON")])
    assert sorted(e.name for e in ents) == ["Rosa", "Rosa Keller", "Rosa Lind"]


def test_given_name_before_the_full_name_stays_apart(nlp):
    text = "Rosa said the water rose fast. Later Rosa Keller left the farm."
    ents = _ents(nlp, text, [("Rosa", "PERSON"), ("Rosa Keller", "PERSON")])
    assert sorted(e.name for e in ents) == ["Rosa", "Rosa Keller"]


def _statement_doc() -> tuple[Doc, list[Entity]]:
    # In a statement , Vantor said it was sorry . “ No , ” the statement said .
    rows: list[Row] = [
        ("In", "in", "ADP", "IN", 5, "prep", True),
        ("a", "a", "DET", "DT", 2, "det", False),
        ("statement", "statement", "NOUN", "NN", 0, "pobj", False),
        (",", ",", "PUNCT", ",", 5, "punct", False),
        ("Vantor", "Vantor", "PROPN", "NNP", 5, "nsubj", False),
        ("said", "say", "VERB", "VBD", 5, "ROOT", False),
        ("it", "it", "PRON", "PRP", 7, "nsubj", False),
        ("was", "be", "AUX", "VBD", 5, "ccomp", False),
        ("sorry", "sorry", "ADJ", "JJ", 7, "acomp", False),
        (".", ".", "PUNCT", ".", 5, "punct", False),
    ]
    rows += _said_by(
        [("the", "the", "DET", "DT", 1, "det", False), ("statement", "statement", "NOUN", "NN", -1, "nsubj", False)],
        len(rows),
    )
    doc = _doc(rows)
    doc.ents = [Span(doc, 4, 5, label="ORG")]
    return doc, [_person(doc, "e1", "Vantor", [(4, 5)], etype="ORG")]


def test_document_author_is_who_issued_the_statement():
    doc, ents = _statement_doc()
    quote = _quote(doc, (11, 12), 16, (14, 16))
    resolve_speakers(doc, [quote], ents)
    assert (quote.speaker.name, quote.speaker.entity) == ("Vantor", "e1")


def test_document_author_of_an_unauthored_statement_is_the_statement():
    doc, ents = _statement_doc()
    # Only the second sentence: no earlier statement says whose it is.
    sub = doc[10:]
    assert document_author(doc[14:16], lambda char: False) is not None
    assert document_author(sub.as_doc()[4:6], lambda char: False) is None


def test_given_name_owner_needs_one_full_name_before():
    doc, _ = _statement_doc()
    rosa = Entity(id="e1", name="Rosa Keller", type="PERSON", mentions=[TextSpan("x", 0, 1)])
    lind = Entity(id="e2", name="Rosa Lind", type="PERSON", mentions=[TextSpan("x", 50, 51)])
    assert given_name_owner("Rosa", 10, [rosa, lind]) is rosa
    assert given_name_owner("Rosa", 60, [rosa, lind]) is None
    assert given_name_owner("Rosa", 0, [rosa]) is None


def _quoted(start: int, word: str, mention: list[Row], verb: tuple[str, str], end: str = ",") -> list[Row]:
    """`“ <word> <end> ” <mention> <verb> .` from token ``start`` (mention heads
    relative to the mention, -1 for the verb)."""
    n = len(mention)
    v = start + 4 + n
    rows: list[Row] = [
        ("“", "“", "PUNCT", "``", v, "punct", True),
        (word, word.lower(), "INTJ", "UH", v, "ccomp", False),
        (end, end, "PUNCT", ".", v, "punct", False),
        ("”", "”", "PUNCT", "''", v, "punct", False),
    ]
    for w, lemma, pos, tag, head, dep, _ in mention:
        rows.append((w, lemma, pos, tag, v if head < 0 else start + 4 + head, dep, False))
    return rows + [(verb[0], verb[1], "VERB", "VBD", v, "ROOT", False), (".", ".", "PUNCT", ".", v, "punct", False)]


def _filler(start: int) -> list[Row]:
    return [
        ("It", "it", "PRON", "PRP", start + 1, "nsubj", True),
        ("rained", "rain", "VERB", "VBD", start + 1, "ROOT", False),
        (".", ".", "PUNCT", ".", start + 1, "punct", False),
    ]


_ANA = [("Ana", "Ana", "PROPN", "NNP", 1, "compound", False), ("Roe", "Roe", "PROPN", "NNP", -1, "nsubj", False)]
_SHE = [("she", "she", "PRON", "PRP", -1, "nsubj", False)]


def test_reply_is_not_asker():
    # “Yes,” Ana Roe said. It rained. (x3) “Why?” a reporter asked. “Because,” she replied.
    rows = _quoted(0, "Yes", _ANA, ("said", "say"))
    for _ in range(3):
        rows += _filler(len(rows))
    ask = len(rows)
    rows += _quoted(
        ask,
        "Why",
        [("a", "a", "DET", "DT", 1, "det", False), ("reporter", "reporter", "NOUN", "NN", -1, "nsubj", False)],
        ("asked", "ask"),
        end="?",
    )
    reply = len(rows)
    rows += _quoted(reply, "Because", _SHE, ("replied", "reply"))
    doc = _doc(rows)
    ents = [_person(doc, "e1", "Ana Roe", [(4, 6)])]
    quotes = [
        _quote(doc, (1, 3), 6, (4, 6)),
        _quote(doc, (ask + 1, ask + 3), ask + 6, (ask + 4, ask + 6)),
        _quote(doc, (reply + 1, reply + 2), reply + 5, (reply + 4, reply + 5)),
    ]
    resolve_speakers(doc, quotes, ents)
    assert quotes[1].speaker.name == "a reporter"
    assert (quotes[2].speaker.name, quotes[2].speaker.entity) == ("Ana Roe", "e1")


def test_described_speaker_is_latest():
    # “Yes,” Ana Roe said. “No,” a woman said. “Never,” she said.
    rows = _quoted(0, "Yes", _ANA, ("said", "say"))
    woman = len(rows)
    rows += _quoted(
        woman,
        "No",
        [("a", "a", "DET", "DT", 1, "det", False), ("woman", "woman", "NOUN", "NN", -1, "nsubj", False)],
        ("said", "say"),
    )
    she = len(rows)
    rows += _quoted(she, "Never", _SHE, ("said", "say"))
    doc = _doc(rows)
    ents = [_person(doc, "e1", "Ana Roe", [(4, 6)])]
    quotes = [
        _quote(doc, (1, 3), 6, (4, 6)),
        _quote(doc, (woman + 1, woman + 3), woman + 6, (woman + 4, woman + 6)),
        _quote(doc, (she + 1, she + 3), she + 5, (she + 4, she + 5)),
    ]
    resolve_speakers(doc, quotes, ents)
    assert (quotes[2].speaker.name, quotes[2].speaker.entity) == ("a woman", None)


def test_mention_in_reported_clause_is_the_first_speaker():
    # Ana Roe told us her team lost and said she would stay .
    rows: list[Row] = [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj", False),
        ("told", "tell", "VERB", "VBD", 2, "ROOT", False),
        ("us", "we", "PRON", "PRP", 2, "dative", False),
        ("her", "her", "PRON", "PRP$", 5, "poss", False),
        ("team", "team", "NOUN", "NN", 6, "nsubj", False),
        ("lost", "lose", "VERB", "VBD", 2, "ccomp", False),
        ("and", "and", "CCONJ", "CC", 6, "cc", False),
        ("said", "say", "VERB", "VBD", 6, "conj", False),
        ("she", "she", "PRON", "PRP", 11, "nsubj", False),
        ("would", "would", "AUX", "MD", 11, "aux", False),
        ("stay", "stay", "VERB", "VB", 8, "ccomp", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    doc = _doc(rows)
    ents = [_person(doc, "e1", "Ana Roe", [(0, 2)])]
    first = _quote(doc, (4, 7), 2, (0, 2))
    second = _quote(doc, (9, 12), 8, (4, 6))
    first.kind = second.kind = "indirect"
    resolve_speakers(doc, [first, second], ents)
    assert (second.speaker.name, second.speaker.entity) == ("Ana Roe", "e1")


def test_acronym_in_parentheses_is_no_word_of_the_name(nlp):
    text = "The Harbour Pilots Guild (HPG) said talks had failed."
    doc = nlp(text)
    words = [t.text for t in doc]
    doc.ents = [Span(doc, 1, words.index(")") + 1, label="ORG")]
    (guild,) = cluster_entities(doc)
    assert guild.name == "Harbour Pilots Guild"
    assert [m.text for m in guild.mentions] == ["Harbour Pilots Guild"]


def test_nearer_gendered_noun_takes_the_pronoun():
    # Tarn Roe (no given-name prior) said police think a man ran and seek him .
    rows: list[Row] = [
        ("Tarn", "Tarn", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 2, "nsubj", False),
        ("said", "say", "VERB", "VBD", 2, "ROOT", False),
        ("police", "police", "NOUN", "NNS", 4, "nsubj", False),
        ("think", "think", "VERB", "VBP", 2, "ccomp", False),
        ("a", "a", "DET", "DT", 6, "det", False),
        ("man", "man", "NOUN", "NN", 7, "nsubj", False),
        ("ran", "run", "VERB", "VBD", 4, "ccomp", False),
        ("and", "and", "CCONJ", "CC", 4, "cc", False),
        ("seek", "seek", "VERB", "VBP", 4, "conj", False),
        ("him", "he", "PRON", "PRP", 9, "dobj", False),
        (".", ".", "PUNCT", ".", 2, "punct", False),
    ]
    doc = _doc(rows)
    ents = [_person(doc, "e1", "Tarn Roe", [(0, 2)])]
    assert _Resolver(doc, ents, []).gender.get("e1", "") != "m"


def test_name_in_relative_names_the_described_person():
    # A nurse there , who gave only her name , Tarn , said it rained .
    rows: list[Row] = [
        ("A", "a", "DET", "DT", 1, "det", True),
        ("nurse", "nurse", "NOUN", "NN", 12, "nsubj", False),
        ("there", "there", "ADV", "RB", 1, "advmod", False),
        (",", ",", "PUNCT", ",", 1, "punct", False),
        ("who", "who", "PRON", "WP", 5, "nsubj", False),
        ("gave", "give", "VERB", "VBD", 1, "relcl", False),
        ("only", "only", "ADV", "RB", 8, "advmod", False),
        ("her", "her", "PRON", "PRP$", 8, "poss", False),
        ("name", "name", "NOUN", "NN", 5, "dobj", False),
        (",", ",", "PUNCT", ",", 8, "punct", False),
        ("Tarn", "Tarn", "PROPN", "NNP", 8, "appos", False),
        (",", ",", "PUNCT", ",", 8, "punct", False),
        ("said", "say", "VERB", "VBD", 12, "ROOT", False),
        ("it", "it", "PRON", "PRP", 14, "nsubj", False),
        ("rained", "rain", "VERB", "VBD", 12, "ccomp", False),
        (".", ".", "PUNCT", ".", 12, "punct", False),
    ]
    doc = _doc(rows)
    doc.ents = [Span(doc, 10, 11, label="PERSON")]
    ents = [_person(doc, "e1", "Tarn", [(10, 11)])]
    quote = _quote(doc, (13, 15), 12, (0, 11))
    quote.kind = "indirect"
    resolve_speakers(doc, [quote], ents)
    assert (quote.speaker.name, quote.speaker.entity) == ("Tarn", "e1")
