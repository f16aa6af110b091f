"""Speakers named by reference, not by a name at the cue (round 9b rules).

* Rule ``document_author``: "the statement said" is whoever the article said
  issued that statement: "In a statement, Acme said ..." (the subject of the
  verb the document is the means of), "Ann Roe's statement", "a statement
  from Acme", "the first statement, written by Ann Roe", "Acme issued a
  statement". Only the latest document of that kind is looked at: an older
  one is another document. When the text names no author, the author is the
  named speaker of the latest quote, within a few sentences, whose
  attribution's sentence spoke of a document of that word ("In a statement,
  Acme said ... 'We regret it,' the statement said": the attribution, not an
  authoring verb, says Acme issued it).

* Rule ``given_name_after_full``: a bare given name ("Jesse said") after the
  person was named in full ("Jesse Doe") is that person; the entities stage
  joins the mentions it tagged, ``given_name_owner`` the ones it did not.

* Rule ``reply_is_not_asker``: "'Is it safe?' one reporter asked. 'Yes,' she
  replied": the pronoun of a reply to a question is not the one who asked.
* Rule ``described_speaker_is_latest``: "A woman who lives nearby said ...
  'I heard it,' she said": a pronoun right after a described speaker, with
  no person named since, is that speaker, not a person named before her.
* Rule ``mention_in_reported_clause``: "He told reporters his team had
  played badly and said he would ...": a speaker mention inside the reported
  clause of the attribution before it, whose cue comes after that clause, is
  a word of the clause the parser hung the second cue on; the speaker is the
  first attribution's.

* Rule ``nearer_gendered_noun``: "Roe said officers saw a man and want to
  find him": a pronoun with a noun of its gender between it and the name
  ("man", "his wife") means that noun, and is no evidence of Roe's gender.

* Rule ``name_in_relative``: "A volunteer, who gave only her first name,
  Ana, said": the name the description's relative clause gives is the
  person's.

Word lists are in ``data/speakers_refs.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..model import Entity, Quote
from .people import people_lexicon

_DATA = Path(__file__).with_name("data") / "speakers_refs.toml"
# Rule ``document_author``: how many sentences back the document may be named.
DOCUMENT_WINDOW = 4


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    with open(_DATA, "rb") as fh:
        data = tomllib.load(fh)
    return {name: frozenset(w.lower() for w in table["words"]) for name, table in data.items()}


def authored_documents() -> frozenset[str]:
    return _lists()["authored_documents"]


def _subject(verb: Token) -> Token | None:
    return next((t for t in verb.children if t.dep_ == "nsubj"), None)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            obj = next((t for t in child.children if t.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def author_of(doc_noun: Token) -> Token | None:
    """The head word of the author the sentence gives document ``doc_noun``,
    or None (see the module doc)."""
    verbs = _lists()["authoring_verbs"]
    for child in doc_noun.children:
        if child.dep_ == "poss":
            return child  # "Ann Roe's statement", "its statement"
    for child in doc_noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            obj = next((t for t in child.children if t.dep_ == "pobj"), None)
            if obj is not None:
                return obj  # "a statement from Acme"
        if child.dep_ == "acl" and child.lemma_.lower() in verbs:
            agent = _agent(child)
            if agent is not None:
                return agent  # "the statement, written by Ann Roe"
    head = doc_noun.head
    if doc_noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "through", "via"):
        verb = head.head
        if verb.pos_ in ("VERB", "AUX"):
            return _subject(verb)  # "In a statement, Acme said"; "Acme said in a statement"
    if head.lemma_.lower() in verbs:
        if doc_noun.dep_ == "dobj":
            return _subject(head)  # "Acme issued a statement"
        if doc_noun.dep_ == "nsubjpass":
            return _agent(head)  # "a statement was issued by Acme"
    return None


def author_phrase(author: Token) -> Span:
    """The author's own phrase: its left edge to the word itself, or to its
    appositive's end ("Elle's mother, Ann Roe")."""
    doc = author.doc
    end = author.i + 1
    return doc[author.left_edge.i : end]


def document_mention(mention: Span) -> bool:
    """Rule ``document_author``: whether ``mention`` is a definite singular
    authored document ("the statement", "this letter")."""
    root = mention.root
    return (
        root.lemma_.lower() in authored_documents()
        and root.tag_ not in ("NNS", "NNPS")
        and mention[0].lower_ in ("the", "that", "this")
    )


def document_author(mention: Span, in_quote) -> Span | None:
    """Rule ``document_author``: for a definite singular mention of an
    authored document ("the statement"), the phrase naming the author of the
    latest earlier document of the same kind within DOCUMENT_WINDOW
    sentences, or None. ``in_quote(char)`` says whether a position is inside
    quote marks (a document named there is someone else's words)."""
    if not document_mention(mention):
        return None
    lemma = mention.root.lemma_.lower()
    doc = mention.doc
    sents = list(doc.sents)
    sent_i = next(k for k, s in enumerate(sents) if s.start <= mention.start < s.end)
    lo = sents[max(0, sent_i - DOCUMENT_WINDOW)].start
    for i in range(mention.start - 1, lo - 1, -1):
        tok = doc[i]
        if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN" or in_quote(tok.idx):
            continue
        if tok.tag_ in ("NNS", "NNPS"):
            continue
        author = author_of(tok)
        return author_phrase(author) if author is not None else None
    return None


def given_name_owner(word: str, start: int, entities: Iterable[Entity]) -> Entity | None:
    """Rule ``given_name_after_full``: the one person named in full before
    ``start`` whose first word is ``word``; None when none is, or two are."""
    found: list[Entity] = []
    for ent in entities:
        parts = ent.name.split()
        if ent.type == "PERSON" and len(parts) >= 2 and parts[0] == word and any(m.start < start for m in ent.mentions):
            found.append(ent)
    return found[0] if len(found) == 1 else None


def replies_to_question(cue_lemma: str, prev_quote: Quote | None, prev_cue_lemma: str) -> bool:
    """Rule ``reply_is_not_asker``: whether a quote with cue ``cue_lemma``
    answers ``prev_quote``, a question (a question cue or a "?" at its end)."""
    lists = _lists()
    if prev_quote is None or cue_lemma not in lists["reply_verbs"]:
        return False
    return prev_cue_lemma in lists["question_verbs"] or prev_quote.text.rstrip(" \"'’”‘“").endswith("?")


def in_reported_clause(quote: Quote, prev_quote: Quote | None) -> bool:
    """Rule ``mention_in_reported_clause`` (see the module doc): whether
    ``quote``'s speaker mention lies inside ``prev_quote``'s content, with
    ``prev_quote``'s cue before that content and ``quote``'s cue after it (a
    cue inside it is a report nested in the clause, with its own speaker)."""
    mention = quote.speaker.mention
    if prev_quote is None or mention is None or quote.cue is None or prev_quote.cue is None:
        return False
    return (
        prev_quote.start <= mention.start
        and mention.end <= prev_quote.end
        and prev_quote.cue.end <= prev_quote.start
        and quote.cue.start >= prev_quote.end
    )


def nearer_gendered_noun(doc: Doc, lo: int, hi: int, gender: str) -> bool:
    """Rule ``nearer_gendered_noun``: whether a noun of ``gender``
    (people.toml, gendered_nouns) lies among tokens ``lo``..``hi``."""
    nouns = people_lexicon().gendered_nouns
    return any(nouns.get(doc[j].lower_) == gender and doc[j].pos_ == "NOUN" for j in range(max(lo, 0), hi))


def name_in_relative(noun: Token) -> Token | None:
    """Rule ``name_in_relative``: the person's name in apposition to a name
    noun (``data/speakers_refs.toml``) in a relative clause on ``noun``
    ("a neighbour, who asked to be named only by his first name, Tomas"), or
    None."""
    nouns = _lists()["name_nouns"]
    for rel in noun.children:
        if rel.dep_ != "relcl":
            continue
        for tok in rel.subtree:
            if tok.lemma_.lower() in nouns:
                for child in tok.children:
                    if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                        return child
    return None
