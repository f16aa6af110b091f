"""Entities: spaCy's named-entity mentions merged into people, organisations
and places, each with a canonical name, its mentions as offsets, and a role
when the article gives one.

spaCy's NER labels each mention on its own; readers of news need one entity per
real-world referent ("Kerry" and "John Kerry" are one person). The merging
rules here are what a careful reader does without a knowledge base: same
normalised name, or a shorter name that is the surname (or any token subset)
of exactly one fuller person name.
"""

from __future__ import annotations

import re
import tomllib
import weakref
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import HEAD, IDX, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..model import Entity, TextSpan
from .columns import column, columns
from .lexicon import HONORIFICS, NAME_LIKE_TITLES, ORG_HINT_WORDS, SPEECH_VERBS, TITLE_WORDS
from .people import census_name_genders, given_names, people_lexicon, surname_of
from .syntax import doc_text, in_sorted, phrase_start

_LEX = people_lexicon()
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_QUOTE_CHARS = "\"“”„«»‘’'`"
_DASHES = frozenset({"-", "--", "—", "–"})
# Rule ``dateline_date``: at most this many tokens of date and agency between
# an all-capitals dateline's comma and its dash ("LOS ANGELES, Sept. 28 (AP) —").
_DATELINE_TAIL = 8

ENTITY_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_LEADING_DROP = {"the", "a", "an"}
# Labels ranked for ties in the type vote.
_LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
# Rule ``headline_case``: a line whose every word of HEADLINE_WORD_LEN letters
# or more is capitalised (at least HEADLINE_MIN_WORDS of them) is a headline
# or a heading; there capitals say nothing of where a name ends.
HEADLINE_WORD_LEN = 4
HEADLINE_MIN_WORDS = 2
_LINE = re.compile(r"[^\n]+")
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{" + str(HEADLINE_WORD_LEN - 1) + ",}")


@dataclass
class _Cluster:
    mentions: list[Span] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    # A name of two or more words labelled PERSON at least once ("Donald Trump").
    full_person: bool = False
    # Gender votes [male, female] from what the article states around the
    # mentions (honorifics, gendered nouns), then [male, female] from the
    # pronouns that follow them, and whether the article states a relation
    # for the person ("his wife, Jane Doe").
    votes: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    relative: bool = False

    def add(self, span: Span, label: str) -> None:
        self.mentions.append(span)
        self.names[_span_text(span)] += 1
        self.labels[label] += 1
        if label == "PERSON" and len(span) >= 2:
            self.full_person = True

    def gender(self) -> str:
        """The stated gender; else the pronouns' when they agree (three to
        one, two at least): a pronoun after a name often means someone else."""
        m, f, pm, pf = self.votes
        if m or f:
            return "m" if m > f else "f" if f > m else ""
        if pm >= 2 and pm >= 3 * pf:
            return "m"
        if pf >= 2 and pf >= 3 * pm:
            return "f"
        return ""

    def tokens(self) -> set[str]:
        return {t for name in self.names for t in _name_key(name).split()}


# Per document: each token's head index (HEAD is relative in ``Doc.to_array``).
_HEADS: weakref.WeakKeyDictionary[Doc, list[int]] = weakref.WeakKeyDictionary()


def _heads(doc: Doc) -> list[int]:
    """``[t.head.i for t in doc]`` from the HEAD column, kept per document:
    a test of the head before a Token object is built for the word."""
    heads = _HEADS.get(doc)
    if heads is None or len(heads) != len(doc):
        heads = _HEADS[doc] = (np.arange(len(doc), dtype=np.int64) + column(doc, HEAD).astype(np.int64)).tolist()
    return heads


def _span_text(span: Span) -> str:
    """``span.text`` without a Token object per word: the document text's slice."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def _spelled(doc: Doc, orths: set[int]) -> list[int]:
    """The indices, in order, of the tokens whose ORTH is one of ``orths``:
    one array search instead of a Python step per word of the document."""
    if not orths or not len(doc):
        return []
    ids = np.array(sorted(orths), dtype=np.uint64)
    return np.flatnonzero(in_sorted(column(doc, ORTH), ids)).tolist()


def _trim(span: Span) -> Span | None:
    """Drop a leading article, honorific or adverb ("Certainly Donald Trump"
    in a small model's span) and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        (tok := doc[start]).lower_ in _LEADING_DROP
        or tok.is_punct
        or tok.is_space
        or tok.lower_.rstrip(".") in HONORIFICS
        or (tok.pos_ == "ADV" and start + 1 < end)
    ):
        start += 1
    if (
        start > 0
        and end - start >= 3
        and doc[start - 1].lower_.rstrip(".") in HONORIFICS
        and doc[start].lower_ not in given_names()
        and doc[start + 1].lower_ in given_names()
    ):
        # Rule ``honorific_title``: "Miss Universe Ana Roe": the honorific
        # (in the span or right before it) opens a title ("Miss Universe")
        # when the word after it is no given name and the next one is.
        start += 1
    while end > start and ((tok := doc[end - 1]).tag_ == "POS" or tok.is_punct or tok.is_space):
        end -= 1
    while span.label_ == "PERSON" and end - start >= 3 and _is_post_nominal(doc[end - 1]):
        # Rule ``post_nominal`` (people.toml): "Tom Roe SC" is Tom Roe.
        end -= 1
        while end > start and doc[end - 1].text == ",":
            end -= 1
    if "(" in doc_text(doc)[span.start_char : span.end_char]:
        end = _before_open_paren(doc, start, end)  # no "(" in the span: no token is one
    if end - start >= 3 and doc[start].text in ("No", "No.") and doc[start + 1].like_num:
        # Rule ``ranking_prefix``: "world No 4 Ana Roe" is Ana Roe.
        start += 2
    if start >= end:
        return None
    if (
        end - start >= 2
        and end < len(doc)
        and doc[end - 1].lower_ in _LEX.numbered_units
        and doc[end - 1].is_title
        and doc[end].is_digit
        and span.label_ == "ORG"
    ):
        # Rule ``numbered_unit`` (people.toml): "Transit Union Local 1492".
        end += 1
    return doc[start:end]


def _is_post_nominal(tok: Token) -> bool:
    """Letters after a name (people.toml ``post_nominals``), written as such:
    in capitals ("SC", "OBE") or "PhD", not a lower-case word."""
    text = tok.text.replace(".", "")
    return text.lower() in _LEX.post_nominals and (text.isupper() or text == "PhD")


def _before_open_paren(doc: Doc, start: int, end: int) -> int:
    """Rule ``acronym_in_parentheses``: "the Transit Workers' Union (TWU)"
    is tagged with its acronym, whose closing mark the trim dropped: the
    name ends before the opening one (the acronym is no word of the name)."""
    for i in range(end - 1, start, -1):
        if doc[i].text == ")":
            return end
        if doc[i].text == "(":
            k = i
            while k > start and (doc[k - 1].is_punct or doc[k - 1].is_space):
                k -= 1
            return k if k > start else end
    return end


# Rule ``acronym_defined``: lower-case words inside an organisation's name
# that an acronym may leave out ("the Consumer and Competition Authority
# (CCA)", "Department of Justice (DOJ)").
_ACRONYM_LINKS = frozenset({"of", "and", "for", "the", "&", "on", "in", "de", "du", "des", "la", "le"})


def _acronym_initials(words: list[Token]) -> set[str]:
    """The acronyms ``words`` spell: their capitalised words' initials, with
    or without the linking words'."""
    content = "".join(t.text[0] for t in words if t.lower_ not in _ACRONYM_LINKS)
    every = "".join(t.text[0] for t in words)
    return {content.upper(), every.upper()}


def _add_defined_acronyms(
    doc: Doc, mentions: list[tuple[Span, str]]
) -> tuple[list[tuple[Span, str]], list[tuple[str, str]]]:
    """Rule ``acronym_defined``: "the Consumer and Competition Authority (CCA)":
    an acronym in parentheses right after capitalised words whose initials
    spell it defines it. The full name is a mention (of the acronym's label,
    an organisation's if untagged) even when the model tagged only the
    acronym or part of the name; the pairs (acronym key, name key) are
    returned for the clustering to join."""
    pairs: list[tuple[str, str]] = []
    added: list[tuple[Span, str]] = []
    label_at = {span.start: label for span, label in mentions}
    # Only the words right after a "(" can be one (one array search, not a
    # Python step per word).
    for opening in _spelled(doc, {doc.vocab.strings["("]}):
        i = opening + 1
        if not (2 <= i < len(doc) - 1):
            continue
        acr = doc[i]
        if doc[i + 1].text != ")" or not (2 <= len(acr.text) <= 6):
            continue
        if not (acr.text.isalpha() and acr.text.isupper()):
            continue
        lo = i - 1
        found = None
        while lo > 0:
            tok = doc[lo - 1]
            if tok.is_sent_start and tok.lower_ in _ACRONYM_LINKS:
                break
            if tok.lower_ in _ACRONYM_LINKS and tok.is_lower or tok.text == "&":
                lo -= 1
                continue
            if not (tok.is_alpha and tok.text[0].isupper()) or tok.is_sent_start and tok.lower_ == "the":
                break
            lo -= 1
            if acr.text in _acronym_initials(list(doc[lo : i - 1])):
                found = lo
                break
        if found is None or i - 1 - found < 2:
            continue
        full = doc[found : i - 1]
        inside = [(s, lab) for s, lab in mentions if s.start < full.end and s.end > full.start]
        if any(s.start < full.start or s.end > full.end for s, _ in inside):
            continue
        if not any(s.start == full.start and s.end == full.end for s, _ in inside):
            mentions = [(s, lab) for s, lab in mentions if not (s.start >= full.start and s.end <= full.end)]
            label = label_at.get(i) or next((lab for _, lab in inside), None) or "ORG"
            added.append((full, label))
        pairs.append((_name_key(acr.text), _name_key(_span_text(full))))
    if added:
        mentions = sorted(mentions + added, key=lambda m: m[0].start)
    return mentions, pairs


def _name_key(text: str) -> str:
    # A nickname in quote marks (First "Nick" Last) is no part of the key, so
    # the name with and without it is one person.
    words = [w for w in text.split() if not (len(w) > 2 and w[0] in _QUOTE_CHARS and w[-1] in _QUOTE_CHARS)]
    return " ".join(" ".join(words).replace(".", "").replace("’", "'").lower().split())


def _honorific_gender(span: Span) -> str:
    """The gender an honorific right before the name states ("Mrs. Doe")."""
    if span.start == 0:
        return ""
    return _LEX.honorific_gender.get(span.doc[span.start - 1].lower_, "")


def _phrase_words(span: Span) -> list[Token]:
    """Words of the name's own phrase that may describe the person: the
    modifiers right before the name ("spokeswoman Jane Doe", "his wife
    Jane"), the noun it is an appositive to ("the first lady, Jane Doe") and
    its appositives ("Jane Doe, his wife")."""
    doc = span.doc
    root = span.root
    words: list[Token] = []
    heads = _heads(doc)
    for i in range(span.start - 1, max(-1, span.start - 4), -1):
        if not (span.start <= heads[i] < span.end) or (tok := doc[i]).is_punct:
            break
        words.append(tok)
    if root.dep_ == "appos" and root.head.i < span.start:
        words.append(root.head)
    words.extend(c for c in root.children if c.dep_ == "appos" and c.i >= span.end)
    return words


# Per document: what ``_person_cues`` found for a mention, by (start, end)
# (a mention moved to another cluster is read again); cleared by each
# ``cluster_entities`` call.
_CUES: weakref.WeakKeyDictionary[Doc, dict[tuple[int, int], tuple[list[int], bool]]] = weakref.WeakKeyDictionary()


def _person_cues(span: Span, votes: list[int]) -> bool:
    """Add the gender this mention's honorific and phrase state to
    ``votes``; return whether the phrase states a relation to someone."""
    found = _CUES.setdefault(span.doc, {})
    key = (span.start, span.end)
    hit = found.get(key)
    if hit is None:
        delta = [0, 0, 0, 0]
        hit = found[key] = (delta, _read_person_cues(span, delta))
    for k, d in enumerate(hit[0]):
        votes[k] += d
    return hit[1]


def _read_person_cues(span: Span, votes: list[int]) -> bool:
    g = _honorific_gender(span)
    if g:
        votes[0 if g == "m" else 1] += 1
    relative = False
    for tok in _phrase_words(span):
        word, lemma = tok.lower_, tok.lemma_.lower()
        g = _LEX.gendered_nouns.get(word) or _LEX.gendered_nouns.get(lemma)
        if g:
            votes[0 if g == "m" else 1] += 1
        if word in _LEX.relations or lemma in _LEX.relations:
            relative = True
    if span.start > 0:
        # The relation noun right before the name, however the parser hung it
        # ("detoured to daughter Jane Doe's apartment").
        prev = span.doc[span.start - 1]
        if prev.is_lower and (prev.lower_ in _LEX.relations or prev.lemma_.lower() in _LEX.relations):
            relative = True
    # A pronoun later in the name's own sentence, outside quote marks, is
    # weaker evidence ("Doe said his plan ..."); a possessor ("Doe's son ...
    # he") is skipped, the pronoun more often means the noun it owns.
    window = _pronoun_window(span.doc) if span.root.dep_ != "poss" and span.end < len(span.doc) else None
    if window is not None:
        nxt, kinds, sent_ends = window
        j = nxt[span.end]
        if j < min(sent_ends[span.end - 1], span.end + 25) and kinds[j] > 1:
            votes[kinds[j]] += 1  # 2: male, 3: female (1, a quote mark, ends it)
    elif span.root.dep_ != "poss" and span.end < len(span.doc):
        sent_end = span.doc[span.end - 1].sent.end
        for tok in span.doc[span.end : min(sent_end, span.end + 25)]:
            if tok.text in _QUOTE_CHARS:
                break
            if tok.lower_ in _MALE_PRONOUNS:
                votes[2] += 1
                break
            if tok.lower_ in _FEMALE_PRONOUNS:
                votes[3] += 1
                break
    return relative


_ANY_QUOTE_CHAR = re.compile("[" + re.escape(_QUOTE_CHARS) + "]")
# The string ids of the quote characters, sorted (for ``in_sorted``).
_QUOTE_IDS = np.array(sorted({hash_string(c) for c in _QUOTE_CHARS}), dtype=np.uint64)


# Per document, for the pronoun window of ``_person_cues`` (which built a
# Token object per word): read from arrays once, cleared by each
# ``cluster_entities`` call.
_WINDOWS: weakref.WeakKeyDictionary[Doc, tuple[list[int], list[int], list[int]] | None] = weakref.WeakKeyDictionary()
# Every text ``tok.text in _QUOTE_CHARS`` accepts (a substring of it).
_QUOTE_PIECES = frozenset(_QUOTE_CHARS[a:b]
                          for a in range(len(_QUOTE_CHARS)) for b in range(a + 1, len(_QUOTE_CHARS) + 1))


# (kind, column, sorted string ids): quote marks last, as they end the window.
_WINDOW_IDS = tuple(
    (kind, col, np.array(sorted({hash_string(w) for w in words}), dtype=np.uint64))
    for kind, col, words in ((3, 1, _FEMALE_PRONOUNS), (2, 1, _MALE_PRONOUNS), (1, 0, _QUOTE_PIECES))
)


def _pronoun_window(doc: Doc) -> tuple[list[int], list[int], list[int]] | None:
    """Per token: the next token from it on that is a quote mark (kind 1:
    its text in ``_QUOTE_CHARS``) or a male (2) or female (3) pronoun, the
    kinds, and where its sentence ends (``Token.sent.end``). None when
    sentences come from a hook or are not set (the window reads them)."""
    if doc in _WINDOWS:
        return _WINDOWS[doc]
    window = None
    hooks = ("sent" in doc.user_span_hooks or "sent" in doc.user_token_hooks or "sents" in doc.user_hooks)
    if not hooks and doc.has_annotation("SENT_START"):
        n = len(doc)
        cols = columns(doc, [ORTH, LOWER, SENT_START])
        kinds = np.zeros(n, dtype=np.int64)
        for kind, col, ids in _WINDOW_IDS:
            kinds[in_sorted(cols[:, col], ids)] = kind
        marked = np.flatnonzero(kinds)
        starts = np.flatnonzero(cols[:, 2] == 1)
        positions = np.arange(n)
        nxt = np.append(marked, n)[np.searchsorted(marked, positions)]
        sent_ends = np.append(starts, n)[np.searchsorted(starts, positions, side="right")]
        window = (nxt.tolist(), kinds.tolist(), sent_ends.tolist())
    _WINDOWS[doc] = window
    return window


def _is_fragment(span: Span) -> bool:
    """A piece of a hyphenated word whose other piece is lower case: "Co"
    of "Co-author", "Ex" of "Ex-wife". ("Clinton-Kaine" is two names.)"""
    doc = span.doc
    # Both tests need a hyphen right against the name: read the text first.
    text = doc_text(doc)
    if not (text.startswith("-", span.end_char) or (span.start_char and text[span.start_char - 1] == "-")):
        return False
    last, first = doc[span.end - 1], doc[span.start]
    if not last.whitespace_ and span.end + 1 < len(doc) and doc[span.end].text == "-":
        nxt = doc[span.end + 1]
        if not doc[span.end].whitespace_ and nxt.is_lower:
            return True
    if span.start >= 2 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_:
        prev = doc[span.start - 2]
        if not prev.whitespace_ and prev.is_lower and first.is_lower:
            return True
    return False


def _is_title_only(span: Span, surnames: set[str]) -> bool:
    """"Sgt", "Gov.", "Mr", "Vice President": titles or honorifics with no
    name after them. A title word that is also a surname the article uses
    ("Mr. King", "Larry King") is a name."""
    words: list[Token] = []
    for t in span:  # stops at the first word that is no title (a name's first word, mostly)
        if t.is_punct:
            continue
        word = t.lower_.rstrip(".")
        if word not in TITLE_WORDS and word not in HONORIFICS:
            return False
        words.append(t)
    if len(words) == 1:
        before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
        if before in HONORIFICS or words[0].text in surnames:
            return False
    return True


def _is_work_title(span: Span) -> bool:
    """Rule ``work_title``: a name standing for a work, not a person: the
    appositive of a noun for a work ("her memoir, Hard Roads") or right
    after one ("the film Anna Roe"); the nouns are ``people.toml``'s
    ``work_heads``."""
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start and root.head.lemma_.lower() in _LEX.work_heads:
        return True
    if span.start > 0:
        before = span.doc[span.start - 1]
        return before.is_lower and before.lemma_.lower() in _LEX.work_heads
    return False


def _is_org_by_head(span: Span) -> bool:
    """A name right after an organisation noun that modifies it or that it
    is in apposition to ("the nonprofit Full Plate", "the company Acme");
    the nouns are ``people.toml``'s ``org_heads``. ("A group Ana Roe
    founded" is not: there the name is the subject of its own clause.)"""
    if span.start == 0:
        return False
    before, root = span.doc[span.start - 1], span.root
    if not before.is_lower or before.lemma_.lower() not in _LEX.org_heads:
        return False
    return before.head.i == root.i or (root.dep_ == "appos" and root.head.i == before.i)


def _is_org_by_apposition(span: Span) -> bool:
    """Rule ``org_apposition``: a name with an organisation noun in
    apposition ("Little Lanterns, a charity that ..."); the nouns are
    ``people.toml``'s ``org_heads``."""
    # Right after the name and its comma ("Jo Roe of Acme News, a website"
    # is Acme's), and not a noun with a compound of its own: "a letter
    # carrier" is a person.
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return False
    return any(
        c.dep_ == "appos"
        and c.left_edge.i == span.end + 1
        and c.is_lower
        and c.lemma_.lower() in _LEX.org_heads
        and not any(g.dep_ == "compound" and not _org_kind(g) for g in c.children)
        for c in span.root.rights
    )


def _org_kind(tok: Token) -> bool:
    """Rule ``org_apposition_kind``: a noun before an organisation noun that
    says what kind of body it is ("a campaign group"; ``people.toml``'s
    ``org_kind_modifiers`` and ``org_heads``)."""
    word = tok.lemma_.lower()
    return tok.is_lower and (word in _LEX.org_kind_modifiers or word in _LEX.org_heads)


def _is_place_by_apposition(span: Span) -> bool:
    """Rule ``place_apposition``: a name with a place noun in apposition
    ("Sable Point, a fishing village"); the nouns are ``people.toml``'s
    ``place_heads``."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in _LEX.place_heads for c in span.root.rights)


def _is_dateline(span: Span) -> bool:
    """An all-capitals place opening a paragraph before a dash or a
    parenthesis ("WASHINGTON —", "NEW YORK (AP) -"): a dateline, no name."""
    doc = span.doc
    if not all(t.is_upper or not t.is_alpha for t in span) or not any(t.is_alpha for t in span):
        return False
    at_start = span.start == 0 or "\n" in doc[span.start - 1].text or "\n" in doc[span.start - 1].whitespace_
    if not at_start or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if nxt.text in _DASHES or nxt.text == "(":
        return True
    # "LOS ANGELES, Sept. 28 (UPI) —": a date and an agency between the
    # place and the dash (no lower-case word, no line break), rule
    # ``dateline_date``.
    if nxt.text != ",":
        return False
    for tok in doc[span.end + 1 : span.end + 1 + _DATELINE_TAIL]:
        if tok.text in _DASHES:
            return True
        if tok.is_lower or "\n" in tok.text or "\n" in tok.whitespace_:
            return False
    return False


def _dateline_dash(span: Span) -> int | None:
    """The index of the dash that ends the dateline ``span`` opens (see
    ``_is_dateline``), if it is within the dateline's tail."""
    doc = span.doc
    for tok in doc[span.end : span.end + 1 + _DATELINE_TAIL]:
        if tok.text in _DASHES:
            return tok.i
        if tok.is_lower or "\n" in tok.text or "\n" in tok.whitespace_:
            return None
    return None


def _add_names_after_datelines(doc: Doc, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Rule ``dateline_name_untagged``: "SAN JOSE, Calif. - Acme Systems said":
    after a dateline and a plain hyphen, the model may tag no name at all,
    reading the hyphen as joining the words. Capitalised proper nouns (two
    or more, untagged) right after the dateline's dash are a name: an
    organisation's when its last word says so, a person's when it opens
    with a given name of one gender."""
    added: list[tuple[Span, str]] = []
    for ent in doc.ents:
        if not _is_dateline(ent) or (dash := _dateline_dash(ent)) is None:
            continue
        k = dash + 1
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title and doc[k].ent_iob_ == "O":
            k += 1
        if k - dash - 1 < 2 or any(s.start < k and dash < s.end for s, _ in mentions):
            continue
        name = doc[dash + 1 : k]
        if _org_last_word(_span_text(name)):
            added.append((name, "ORG"))
        elif name[0].lower_ in _gendered_given_names():
            added.append((name, "PERSON"))
    if added:
        mentions = sorted(mentions + added, key=lambda m: m[0].start)
    return mentions


def _after_dateline(span: Span) -> Span:
    """A name run into its article's dateline by the model ("WASHINGTON —
    Jane Doe") without the dateline."""
    for i in range(span.start, span.end - 1):
        if span.doc[i].text in _DASHES and all(t.is_upper or not t.is_alpha for t in span.doc[span.start : i]):
            return span.doc[i + 1 : span.end]
    return span


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the title-case lines of ``text`` (rule ``headline_case``)."""
    out = []
    for m in _LINE.finditer(text):
        # The longer words in order, up to the first in lower case (a
        # sentence's second or third word: the rest of it is not read).
        count = 0
        for w in _LONG_WORD.finditer(m.group()):
            if not w.group()[0].isupper():
                break
            count += 1
        else:
            if count >= HEADLINE_MIN_WORDS:
                out.append((m.start(), m.end()))
    return out


def _in_lines(lines: list[tuple[int, int]], starts: list[int], char: int) -> bool:
    i = bisect_right(starts, char) - 1
    return i >= 0 and char < lines[i][1]


def _headline_name(span: Span, body_words: set[str]) -> Span | None:
    """A person mention of a headline cut to the longest run of its words
    that the article's body writes in a person's name ("Derelict Obama",
    "Obama Says", "Rip Donald Trump" -> "Obama", "Obama", "Donald Trump"),
    with the given names right before the run kept ("Hillary Clinton" when
    the body says "Clinton" only); None when the body names nobody with any
    of its words (it is kept as it is: a name may be in the headline alone)."""
    best: tuple[int, int] | None = None
    i = span.start
    while i < span.end:
        j = i
        while j < span.end and span.doc[j].text in body_words:
            j += 1
        if j > i and (best is None or j - i > best[1] - best[0]):
            best = (i, j)
        i = j + 1 if j == i else j
    if best is None:
        return None
    start, known = best[0], given_names()
    while start > span.start and span.doc[start - 1].lower_ in known:
        start -= 1
    return span.doc[start : best[1]]


def _with_surname_after(span: Span, surnames: set[str]) -> Span:
    """Rule ``name_runs_on``: a one-word person mention that the model ended
    before the word it hangs on ("Cllr Siobhan | Keary"), when that word is
    an untagged capitalised name word that is the surname of someone the
    article names in full, is the given name and the surname: one name."""
    doc = span.doc
    if len(span) != 1 or span.end >= len(doc):
        return span
    nxt = doc[span.end]
    if (
        nxt.text in surnames
        and nxt.pos_ == "PROPN"
        and nxt.is_title
        and not nxt.ent_type_
        and span[0].head.i == nxt.i
        and not _in_hyphenated(nxt)
        and not (span.end + 1 < len(doc) and doc[span.end + 1].pos_ == "PROPN")
    ):
        return doc[span.start : span.end + 1]
    return span


def _join_split_names(mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Names the model cut in two. Rule ``open_of_name``: a name it ended on
    "of" ("the City of | Kingsford") runs on into the name right after it:
    one name, of the first one's label."""
    out: list[tuple[Span, str]] = []
    for span, label in mentions:
        if out and out[-1][0][-1].lower_ == "of" and out[-1][0].end == span.start and label != "PERSON":
            prev, prev_label = out[-1]
            out[-1] = (prev.doc[prev.start : span.end], prev_label)
            continue
        if (
            out
            and label == "PERSON"
            and out[-1][1] == "PERSON"
            and out[-1][0].end == span.start
            and len(out[-1][0]) == 1
            and len(span) == 1
            and out[-1][0][0].is_title
            and span[0].is_title
        ):
            # Rule ``split_person_name``: "Coun. Amrit | Singh", a given name
            # and a surname the model labelled as two people side by side.
            prev = out[-1][0]
            out[-1] = (prev.doc[prev.start : span.end], "PERSON")
            continue
        out.append((span, label))
    return out


def _join_nicknames(doc: Doc, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """First "Nick" Last, labelled as two names (or three): one person.
    Two person mentions with only a quoted word or two between them become
    one mention spanning all of it."""
    out: list[tuple[Span, str]] = []
    text = doc_text(doc)
    for span, label in mentions:
        if out and out[-1][1] == "PERSON" and span.start < out[-1][0].end:
            # Swallowed by a name extended over its nickname (below).
            continue
        if (
            label == "PERSON"
            # No quote character in its text, no quote-mark token (a cheap test first).
            and _ANY_QUOTE_CHAR.search(text, span.start_char, span.end_char) is not None
            and sum(t.text in _QUOTE_CHARS for t in span) % 2 == 1
        ):
            # The model stopped inside the nickname: Robert C. "Bob | by" Roe.
            end = span.end
            if end < len(doc) and doc[end].text in _QUOTE_CHARS:
                end += 1
                while end < len(doc) and end - span.end <= 3 and doc[end].is_title and doc[end].pos_ == "PROPN":
                    end += 1
            if end > span.end + 1:
                span = doc[span.start : end]
        if out and label == "PERSON" and out[-1][1] == "PERSON":
            prev = out[-1][0]
            between = doc[prev.end : span.start]
            if (
                2 <= len(between) <= 4
                and between[0].text in _QUOTE_CHARS
                and between[-1].text in _QUOTE_CHARS
                and all(t.is_title or t.text in _QUOTE_CHARS for t in between)
            ):
                out[-1] = (doc[prev.start : span.end], "PERSON")
                continue
        out.append((span, label))
    return out


# Labels a given name gets from the small model when it misses the person.
_NOT_PERSON_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})


def _add_missed_namesakes(doc: Doc, mentions: list[tuple[Span, str]], surnames: set[str]) -> list[tuple[Span, str]]:
    """Rule ``missed_namesake``: a capitalised name word the model labelled
    no person ("Ivanka" as a product) right before the surname of a person
    named in full, with another given name ("Ivanka Trump" in a story on
    Donald Trump), is that surname's namesake: a person of their own, not
    the bare surname of the one named in full."""
    given: dict[str, set[str]] = {}
    for span, label in mentions:
        if label == "PERSON" and len(span) >= 2:
            given.setdefault(span[-1].text, set()).add(span[0].lower_)
    single = {span.start: k for k, (span, label) in enumerate(mentions) if len(span) == 1}
    covered = {i for span, _ in mentions if len(span) > 1 for i in range(span.start, span.end)}
    orths = {doc.vocab.strings.add(w) for w in given}
    added: list[tuple[Span, str]] = []
    dropped: set[int] = set()
    for i in _spelled(doc, orths):
        if i == 0 or i in covered or (i - 1) in covered:
            continue
        first = doc[i - 1]
        word = first.lower_.rstrip(".")
        # A given name the nicknames data knows, or a word the model took
        # for a product or a work ("Ivanka"); not a sentence's first word
        # ("Though Kaine") unless so labelled.
        labelled = first.ent_type_ in _NOT_PERSON_LABELS
        # Rule ``namesake_compound``: or any name word the parser hangs on the
        # surname ("Anil | Deshmukh"), a given name no list of ours holds.
        compound = first.dep_ == "compound" and first.head.i == i and not first.is_sent_start
        known = first.lower_ in given_names() and not first.is_sent_start
        if (
            first.pos_ != "PROPN"
            or not (first.is_title and first.is_alpha and len(first) > 1)
            or not (labelled or known or compound)
            or word in TITLE_WORDS
            or word in HONORIFICS
            or word in NAME_LIKE_TITLES
            or first.lower_ in given[doc[i].text]
            or (i >= 2 and doc[i - 2].pos_ == "PROPN" and not _describes_person(doc[i - 2]))
        ):
            continue
        if i in single:
            dropped.add(single[i])
        added.append((doc[i - 1 : i + 1], "PERSON"))
    if not added:
        return mentions
    kept = [m for k, m in enumerate(mentions) if k not in dropped]
    return sorted(kept + added, key=lambda m: m[0].start)


def _person_by_noun_before(span: Span) -> bool:
    """A name of two or three capitalised words, in no quote marks, that a
    lower-case person noun right before it describes ("officer Ana Roe")."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or span.start == 0:
        return False
    if not all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in span):
        return False
    before = doc[span.start - 1]
    return span.start <= before.head.i < span.end and _is_person_noun(before)


def _org_with_words_before(span: Span) -> Span:
    """Rule ``org_compound_before``: "Salish | Sea Ferries said": capitalised
    words the model left out before an organisation's name that the parser
    hangs on a word of it, as compounds, are its first words."""
    doc = span.doc
    k = span.start
    while k > 0:
        tok = doc[k - 1]
        if not (
            tok.ent_iob_ == "O"
            and tok.is_title
            and tok.is_alpha
            and tok.pos_ == "PROPN"
            and tok.dep_ == "compound"
            and span.start <= tok.head.i < span.end
            and tok.lower_ not in HONORIFICS
            and tok.lower_ not in TITLE_WORDS
        ):
            break
        k -= 1
    return span if k == span.start else Span(doc, k, span.end, label=span.label_)


def _titled_given_name_thing(span: Span) -> bool:
    """Rule ``titled_name_thing``: "Sheriff Ana Roe" labelled a work or a
    product: a capitalised title, a given name of one gender and a surname,
    three capitalised words not set in quote marks, are a person with a title;
    so are two capitalised words labelled so right after a capitalised title
    ("Mayor Ana Roe" with "Ana Roe" labelled a work)."""
    doc = span.doc
    if (
        len(span) == 2
        and span.start > 0
        and all(t.is_title and t.is_alpha and t.pos_ == "PROPN" for t in span)
        and doc[span.start - 1].is_title
        and _is_title_before_name(doc[span.start - 1])
        and doc[span.start - 1].ent_iob_ == "O"
    ):
        # "Mayor Ana Roe" with only the name labelled a work.
        return True
    if len(span) != 3 or not all(t.is_title and t.is_alpha for t in span):
        return False
    if 0 < span.start and span.end < len(doc):
        if doc[span.start - 1].text in _QUOTE_CHARS and doc[span.end].text in _QUOTE_CHARS:
            return False
    return (
        _is_title_before_name(span[0])
        and span[1].lower_ in _gendered_given_names()
        and span[2].pos_ == "PROPN"
    )


def _is_place_before_person_noun(span: Span) -> bool:
    """One name word after "the" or "a" that modifies a person noun ("the
    Perth rapper", "a Leeds teacher"): where the person is from, not them.
    Not a gendered noun or a relation ("the Doe boy", "the Doe sisters")."""
    doc = span.doc
    if len(span) != 1 or span.start == 0 or span.end >= len(doc):
        return False
    noun, det = doc[span.end], doc[span.start - 1]
    if span[0].dep_ != "compound" or span[0].head.i != noun.i or det.lower_ not in ("the", "a", "an"):
        return False
    words = {noun.lower_, noun.lemma_.lower()}
    if words & (set(_LEX.gendered_nouns) | _LEX.relations):
        return False
    return det.head.i in (noun.i, span.start) and _is_person_noun(noun)


def _add_stage_names(doc: Doc, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Rule ``stage_name`` (people.toml ``stage_name_frames``): "the rapper
    known as 'Kid Roe'": the capitalised words in the marks after a person
    noun and the frame are the person's name, one mention inside the marks."""
    covered = {i for span, _ in mentions for i in range(span.start, span.end)}
    frames = [f.split() for f in _LEX.stage_name_frames]
    added: list[tuple[Span, str]] = []
    n = len(doc)
    # Only the quote marks are visited: a Token per word of the document
    # cost more than the rest of the rule (bench/stage_profile.py).
    frame_ids = [(f, [hash_string(w) for w in f]) for f in frames]
    marks = np.flatnonzero(in_sorted(column(doc, ORTH), _QUOTE_IDS))
    lower = column(doc, LOWER).tolist() if len(marks) else []
    for i in marks[marks >= 2].tolist():
        frame = next((f for f, ids in frame_ids if i >= len(f) and lower[i - len(f) : i] == ids), None)
        if frame is None or doc[i].text not in _QUOTE_CHARS:
            continue
        k = i + 1
        while k < n and k - i <= 4 and doc[k].is_title and doc[k].is_alpha:
            k += 1
        if k == i + 1 or k >= n or doc[k].text not in _QUOTE_CHARS or any(j in covered for j in range(i + 1, k)):
            continue
        # The frame hangs on a person noun: its first word or its verb does.
        anchor = doc[i - len(frame)]
        noun = anchor.head if anchor.dep_ in ("acl", "relcl", "nsubj") else None
        if noun is not None and noun.dep_ == "relcl":
            noun = None
        if noun is None or not _is_person_noun(noun) or noun.i >= i:
            continue
        added.append((doc[i + 1 : k], "PERSON"))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m[0].start)


# Rule ``thing_nickname``: verbs (lemmas) of a naming frame "known ... as",
# "nicknamed", "dubbed", "called".
_NAMING_LEMMAS = frozenset({"know", "nickname", "dub", "call", "name"})


def _drop_thing_nicknames(doc: Doc, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Rule ``thing_nickname``: "a former whale-watching boat known along the
    coast as 'the Banana'": a name in quote marks after a naming frame that
    hangs on a noun for a thing (no person, no organisation) is the thing's
    nickname, no entity that can speak."""
    org_heads = _LEX.org_heads
    out: list[tuple[Span, str]] = []
    for span, label in mentions:
        j = span.start - 1
        if j > 0 and doc[j].lower_ == "the":
            j -= 1
        if (
            label == "PERSON"
            or j < 2
            or doc[j].text not in _QUOTE_CHARS
            or span.end >= len(doc)
            or not (doc[span.end].text in _QUOTE_CHARS or doc[span.end].is_punct)
            or doc[j - 1].lower_ != "as"
        ):
            out.append((span, label))
            continue
        verb = next((doc[k] for k in range(j - 2, max(-1, j - 8), -1) if doc[k].lemma_.lower() in _NAMING_LEMMAS), None)
        noun = verb.head if verb is not None and verb.dep_ in ("acl", "relcl") else None
        if (
            noun is not None
            and noun.pos_ == "NOUN"
            and not _is_person_noun(noun)
            and noun.lemma_.lower() not in org_heads
            and noun.lemma_.lower() not in ORG_HINT_WORDS
        ):
            continue
        out.append((span, label))
    return out


def _describes_person(tok: Token) -> bool:
    """A capitalised word before a name that says what the person is
    ("Shopkeeper Ana Roe", "Cllr Ana Roe"), not another name word."""
    word = tok.lower_.rstrip(".")
    person_nouns, _ = _type_words()
    return word in TITLE_WORDS or word in HONORIFICS or word in person_nouns or word in _LEX.gendered_nouns


def _add_missed_given_names(doc: Doc, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Rule ``missed_given_name``: a one-word name the article never writes
    in full elsewhere, right after a capitalised given name the model left
    out ("Nadine | Okonkwo-Bell took over ..." with only "Okonkwo-Bell"
    labelled, or nothing), is that person's full name there: the given
    name and the name become one person mention. The given names are the
    one-gender ones (hand table and census lists), not titles."""
    lengths: dict[str, int] = {}  # one-word name -> its length in tokens
    written_in_full: set[str] = set()
    for span, _label in mentions:
        if " " in (text := _span_text(span)):
            written_in_full.add(text.rsplit(" ", 1)[-1])
        elif span[0].is_title and text.replace("-", "").isalpha():
            lengths[text] = len(span)
    names = {n: k for n, k in lengths.items() if n not in written_in_full}
    if not names:
        return mentions
    covered = {i for span, _ in mentions for i in range(span.start, span.end)}
    by_start = {span.start: k for k, (span, _) in enumerate(mentions)}
    firsts = {doc.vocab.strings.add(n[: n.index("-")] if "-" in n else n) for n in names}
    given = _gendered_given_names()
    added: list[tuple[Span, str]] = []
    dropped: set[int] = set()
    idxs = column(doc, IDX).tolist()
    full = doc_text(doc)  # a cheap test of the text before the Span's join
    for j in _spelled(doc, firsts):
        if j == 0 or j - 1 in covered:
            continue
        first = doc[j - 1]
        word = first.lower_
        if (
            word not in given
            or not first.is_title
            or first.pos_ != "PROPN"
            or first.whitespace_ != " "
            or word in TITLE_WORDS
            or word in HONORIFICS
            or word in NAME_LIKE_TITLES
        ):
            continue
        for name, k in names.items():
            if full.startswith(name, idxs[j]) and doc[j : j + k].text == name and (j not in covered or j in by_start):
                if j in by_start:
                    if mentions[by_start[j]][0].end != j + k:
                        continue
                    dropped.add(by_start[j])
                added.append((doc[j - 1 : j + k], "PERSON"))
                break
    if not added:
        return mentions
    kept = [m for k, m in enumerate(mentions) if k not in dropped]
    return sorted(kept + added, key=lambda m: m[0].start)


def _looks_like_org(name: str) -> bool:
    return any(t in ORG_HINT_WORDS for t in _name_key(name).split()) or _org_last_word(name)


def _org_by_member_noun(cluster: _Cluster, canonical: str) -> bool:
    """Rule ``org_member_noun``: a one-word name, never written as a full
    person name and no given name, that modifies a noun only organisations
    have ("a Carrier executive", "Acme's shareholders", people.toml's
    ``org_member_nouns``), or that is where one posts ("wrote on Zentrix",
    ``platform_frames``), is an organisation, whatever the model's label."""
    if cluster.full_person or " " in canonical or canonical.lower() in given_names():
        return False
    for m in cluster.mentions:
        root = m.root
        if root.dep_ in ("compound", "poss") and root.head.lemma_.lower() in _LEX.org_member_nouns:
            return True
        # "posted on Zentrix", "took to Zentrix": a place to publish, a platform.
        prep = root.head
        if root.dep_ == "pobj" and (prep.lower_, prep.head.lemma_.lower()) in _org_frames():
            # "shares in Zentrix", "the shareholders of Zentrix" (entity_types.toml).
            return True
        if root.dep_ == "pobj" and f"{prep.head.lemma_.lower()} {prep.lower_}" in _LEX.platform_frames:
            return True
    return False


def _is_gerund_opening(span: Span) -> bool:
    """Rule ``gerund_not_name``: a capitalised -ing word opening a sentence
    and taking an object or particle ("Making her way ...", "Conceding the
    race ...") is a verb the model took for a name."""
    if len(span) != 1 or not span[0].is_sent_start or not span[0].lower_.endswith("ing"):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.lower_ in _LEX.gerund_objects


def _after_the(span: Span) -> bool:
    """Whether "the" right before the name is the name's own determiner
    ("the Saltmarsh", not "the Doe campaign", where it is the campaign's)."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ == "the" and span.start <= before.head.i < span.end and span.root.dep_ != "compound"


def _cluster_type(cluster: _Cluster, canonical: str, surnames: frozenset[str] | set[str] = frozenset()) -> str:
    labels = cluster.labels
    if _org_by_member_noun(cluster, canonical):
        return "ORG"
    if (
        labels["PERSON"]
        and not cluster.full_person
        and canonical.split()[0].lower() not in _gendered_given_names()  # "the Donald": a nickname
        and not (canonical.endswith("s") and canonical[:-1] in surnames)  # "the Clintons": a family, as before
        and any(_after_the(m) for m in cluster.mentions)
    ):
        # Rule ``the_before_name``: "the Saltmarsh", "at the Marlowe": a
        # name of its own with "the" is a venue, a place or a body, no person.
        others = [(n, label) for label, n in labels.items() if label != "PERSON" and n]
        return max(others)[1] if others else "ORG"
    if _org_last_word(canonical):
        # Rule ``org_last_word``: "Tarnside Records" is no person's name (nor
        # a group of people's, whatever a short form's NORP label says).
        others = [(n, label) for label, n in labels.items() if label not in ("PERSON", "NORP") and n]
        return max(others)[1] if others else "ORG"
    words = canonical.split()
    if len(words) >= 2 and words[-1].lower() in _LEX.place_name_ends and words[-1][:1].isupper():
        # Rule ``place_word_not_surname`` (people.toml): "Castleford Town",
        # "Kansas City": a name ending in such a word is no person's.
        others = [(n, label) for label, n in labels.items() if label != "PERSON" and n]
        return max(others)[1] if others else "ORG"
    # The small English models often label a rare surname ORG in one sentence
    # and PERSON in the next; a proper name seen as a person once, with no
    # organisation word in it, is a person.
    if cluster.full_person and not _looks_like_org(canonical):
        # The small model often labels the bare surname ORG ("Trump said");
        # the full name labelled a person settles it.
        return "PERSON"
    if labels["PERSON"] and not _looks_like_org(canonical):
        all_propn = all(
            all(t.pos_ == "PROPN" or not t.is_alpha for t in m) for m in cluster.mentions
        )
        if all_propn or labels["PERSON"] * 2 >= sum(labels.values()):
            return "PERSON"
    best = max(labels.values())
    for label in _LABEL_PRIORITY:
        if labels[label] == best:
            return label
    return labels.most_common(1)[0][0]


def _canonical_name(cluster: _Cluster) -> str:
    # The fullest form: most tokens, then most frequent, then first seen.
    order = {name: i for i, name in enumerate(cluster.names)}
    best = max(cluster.names, key=lambda n: (len(n.split()), cluster.names[n], -order[n]))
    # Less a word the model ran into the name in front ("Crooked Hillary
    # Doe", "Miss Universe Ana Roe"): a full name of two words or more at
    # its end that the article used first, and uses more often, is the name.
    # (A first reference in full, "Aung San Suu Kyi" then "Suu Kyi", stays.)
    first_at: dict[str, int] = {}
    for m in cluster.mentions:
        text = _span_text(m)
        first_at[text] = min(first_at.get(text, m.start_char), m.start_char)
    words = best.split()
    for k in range(1, len(words) - 1):
        suffix = " ".join(words[k:])
        if cluster.names.get(suffix, 0) > cluster.names[best] and first_at.get(suffix, 1 << 62) < first_at[best]:
            return suffix
    return best


def _clean_name(name: str, etype: str) -> str:
    """The canonical name as a reader writes it. Rule ``nickname_dropped``:
    a person's nickname in quote marks (Jack "Bull" Doe) is no part of the
    name. Rule ``legal_suffix`` (people.toml): an organisation's company form
    ("Acme Motor Co.") is dropped."""
    words = name.split()
    if etype == "PERSON":
        kept = [w for w in words if not (len(w) > 2 and w[0] in _QUOTE_CHARS and w[-1] in _QUOTE_CHARS)]
        return " ".join(kept) if len(kept) >= 2 else name
    if etype == "ORG":
        end = len(words)
        while end >= 2 and words[end - 1].lower() in _LEX.legal_suffixes and words[end - 2].lower() not in ("&", "and"):
            end -= 1
        return " ".join(words[:end]).rstrip(",") if end < len(words) else name
    return name


def _is_title_before_name(tok: Token) -> bool:
    """Whether ``tok``, right before a capitalised name, is a title rather
    than a given name: "Sen." and "Governor" are, "Dean" ("Dean Johnson")
    is read as a first name (see NAME_LIKE_TITLES)."""
    word = tok.lower_.rstrip(".")
    if word in _LEX.title_abbreviations and tok.text[:1].isupper():
        # Rule ``title_abbreviation`` (people.toml): "Cr Ann Roe" is Ann Roe.
        return True
    if word not in TITLE_WORDS:
        return False
    return tok.text.endswith(".") or word not in NAME_LIKE_TITLES


def _given_name_after_title(span: Span) -> bool:
    """A one-word name right after a capitalised word that modifies it
    (outside any entity, not a title) and a capitalised title before that:
    "Prosecutor Amrit Sandhu" tagged "Sandhu" only."""
    k = span.start
    if len(span) != 1 or k < 2:
        return False
    given, title = span.doc[k - 1], span.doc[k - 2]
    return (
        given.pos_ == "PROPN"
        and given.is_title
        and given.is_alpha
        and given.dep_ == "compound"
        and given.head.i == k
        and given.ent_iob_ == "O"
        and not _is_title_before_name(given)
        and given.lower_.rstrip(".") not in HONORIFICS
        and title.text[:1].isupper()
        and title.ent_iob_ == "O"
        and _is_title_before_name(title)
    )


def _without_titles(span: Span) -> Span:
    """``span`` without the title words before its name (at least one word
    is left)."""
    k = span.start
    while k < span.end - 1 and _is_title_before_name(span.doc[k]):
        k += 1
    return span.doc[k : span.end]


def _attached(name_root: Token, lo: int, hi: int) -> bool:
    """Whether the tokens ``lo``..``hi`` (exclusive) between a name and its
    appositive belong to the name's own phrase: a comma, or the name's
    modifiers ("Stacy Baker of Columbia, a teacher"). A parse that hangs a
    noun phrase from the end of the sentence on the subject ("Clinton is
    ahead ... superdelegates, the party leaders") fails this. At most a few
    tokens are looked at."""
    if hi - lo > 10:
        return False
    doc = name_root.doc
    return all(doc[i].is_punct or name_root.is_ancestor(doc[i]) for i in range(lo, hi))


def _listed(noun: Token, name_root: Token | None = None) -> bool:
    """Whether ``noun`` is one item of a list the parser read as a chain of
    appositives ("the mayor, the police chief, Omar Haddad"), where no
    item describes its neighbour."""
    if name_root is not None and noun.dep_ in ("appos", "conj"):
        # The role is itself an item hung on the noun before it.
        return True
    skip = name_root.i if name_root is not None else -1
    # A coordinated role ("the former governor and agency administrator") is still one person's.
    return any(c.dep_ == "appos" and c.i != skip for c in noun.children)


def find_role(span: Span) -> str | None:
    """A title or role the sentence gives the named person in ``span``.

    Finds an appositive ("Frank DeLuca, president of the union") or a run of
    title words right before the name ("Chief Executive Michael Tennant",
    "UK Foreign Secretary Ann Reyes").
    """
    doc = span.doc
    root = span.root
    # Appositive after the name: "Name, president of the union,"
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and child.pos_ in ("NOUN", "PROPN"):
            if child.ent_type_ == "PERSON" or not _attached(root, span.end, child.left_edge.i) or _listed(child):
                continue
            role = _role_phrase(child)
            if role:
                return role
    # Name as appositive of a role: "the union's president, Frank DeLuca"
    head = root.head
    if (
        root.dep_ == "appos"
        and head.i < span.start
        and head.pos_ == "NOUN"
        and _attached(head, head.i + 1, span.start)
        and not _listed(head, root)
    ):
        role = _role_phrase(head)
        if role:
            return role
    # Title words right before the name.
    i = span.start - 1
    words: list[Token] = []
    heads = _heads(doc)
    while i >= 0:
        if not (i < heads[i] < span.end):
            # Only words of the name's own noun phrase ("Last night Tory MP X": not "night").
            break
        tok = doc[i]
        if tok.lower_.rstrip(".") in TITLE_WORDS or (tok.lower_ == "of" and words):
            words.insert(0, tok)
        elif (
            tok.pos_ in ("PROPN", "ADJ", "NOUN")
            and tok.is_alpha
            and words
            and tok.ent_type_ != "PERSON"
            # Not text run together by extraction ("PRESSOhio Gov.").
            and (tok.is_lower or tok.is_title or tok.is_upper)
        ):
            words.insert(0, tok)
        elif words and (tok.lower_ == "then" or (tok.text == "-" and i > 0 and doc[i - 1].lower_ == "then")):
            # "then-Sen. Barack Obama": the title was his then, and says so.
            words.insert(0, tok)
        elif tok.text == "-" and words and i > 0 and not doc[i - 1].whitespace_ and not tok.whitespace_:
            # "AFL-CIO President", "Hewlett-Packard CEO".
            words.insert(0, tok)
        elif tok.text == "." and words and i > 0 and doc[i - 1].lower_ in TITLE_WORDS and not doc[i - 1].whitespace_:
            # "Lt. Gov.": the tokenizer splits the full stop from some abbreviations.
            words.insert(0, tok)
        elif (
            tok.pos_ == "PROPN"
            and not words
            and tok.ent_type_ != "PERSON"
            and tok.is_title
            and doc[i - 1].lower_ == "of"
        ):
            # "State" in "Secretary of State Ann Reyes" comes first from the right
            # (not "Debbie" in "Chair Debbie Wasserman Schultz").
            words.insert(0, tok)
        else:
            break
        i -= 1
    # "fellow Sen. Ted Cruz": "fellow" relates him to someone else, it is no part of his title.
    while words and words[0].lower_ in ("of", "fellow", ".", "-"):
        words.pop(0)
    # "a 20-year state Sen.": the rest of a hyphenated word cut off on the left is no title.
    while words and words[0].i > 0 and doc[words[0].i - 1].text == "-" and not doc[words[0].i - 1].whitespace_:
        words.pop(0)
    if len(words) == 1 and not _is_title_before_name(words[0]) and words[0].is_title:
        # "Dean Johnson" with only "Johnson" labelled: a first name, not a role.
        return None
    if any(w.lower_.rstrip(".") in TITLE_WORDS for w in words):
        return doc[words[0].i : words[-1].i + 1].text
    return None


def _role_phrase(head: Token) -> str | None:
    """The noun phrase headed by ``head`` if its head is a title word: its
    modifiers and its "of" phrase, without determiners, and without anything
    after a comma ("general secretary, Nikos Theocharakis" -> "general
    secretary")."""
    if head.lemma_.lower() not in TITLE_WORDS and head.lower_ not in TITLE_WORDS:
        return None
    if head.tag_ in ("NNS", "NNPS"):
        # A role describes one person: "the party leaders" is a group.
        return None
    doc = head.doc
    start = phrase_start(head)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ not in ("prep", "compound", "amod", "nummod"):
            break
        if any(t.is_punct and t.text not in ("-", "&", ".") for t in doc[end : child.right_edge.i + 1]):
            break
        end = child.right_edge.i + 1
    # "her campaign manager" -> "campaign manager": the owner is another entity;
    # "one senator, John Kennedy" -> "senator".
    while start < end and (
        doc[start].lower_ in _LEADING_DROP
        or doc[start].lower_ == "one"
        or doc[start].is_punct
        or doc[start].tag_ == "PRP$"
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end or end - start > 12:
        return None
    return doc[start:end].text


_TYPES_PATH = Path(__file__).with_name("data") / "entity_types.toml"
# Rule ``person_evidence``: an age in apposition ("Roe, 44,") is at most this.
_MAX_AGE = 120
# Labels a person's name gets from the small model that the rule may correct.
_RETYPED_LABELS = frozenset({"ORG", "GPE", "FAC"})
# Rule ``surname_label_slip``: the labels a bare surname may be given by slip.
_SLIP_LABELS = frozenset({"ORG", "GPE", "FAC", "NORP", "LOC"})
_PLACE_PREPOSITIONS = frozenset({"in", "near", "across", "throughout", "outside", "around"})
_APPOSITION_MARKS = frozenset({",", "(", "-", "--", "—", "–"})


@lru_cache(maxsize=1)
def _type_data() -> dict[str, frozenset[str]]:
    """The word lists of ``entity_types.toml``, by table."""
    with open(_TYPES_PATH, "rb") as fh:
        data = tomllib.load(fh)
    return {name: frozenset(table["words"]) for name, table in data.items()}


def _type_words() -> tuple[frozenset[str], frozenset[str]]:
    """(person nouns, title words organisations fill)."""
    data = _type_data()
    return data["person_nouns"], data["organisation_roles"]


@lru_cache(maxsize=1)
def _org_frames() -> frozenset[tuple[str, str]]:
    """(preposition, noun) pairs of ``org_stake_nouns`` ("in": "share") and
    ``org_people_nouns`` ("of": "shareholder")."""
    data = _type_data()
    return frozenset({("in", w) for w in data["org_stake_nouns"]} | {("of", w) for w in data["org_people_nouns"]})


def _org_last_word(name: str) -> bool:
    """Rule ``org_last_word``: "Dominion Resources", "Rounder Records": a
    name of two words or more ending in an organisation's or a venue's word."""
    words = _name_key(name).split()
    return len(words) >= 2 and words[-1] in _type_data()["organisation_words"]


@lru_cache(maxsize=1)
def _gendered_given_names() -> frozenset[str]:
    """Given names of one gender (the hand table and the census lists):
    names such as "Virginia" or "Washington" that are places as often are
    mostly not in them, unlike the nicknames list of ``given_names``."""
    return frozenset(_LEX.given_name_gender or {}) | frozenset(census_name_genders(_LEX))


def _is_person_noun(tok: Token) -> bool:
    """A lower-case noun for a person: a title word no organisation fills,
    a gendered noun, a relation or one of ``person_nouns``."""
    if not tok.is_lower or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    person_nouns, org_roles = _type_words()
    words = {tok.lower_, tok.lemma_.lower()}
    if words & org_roles:
        return False
    return any(
        w in person_nouns or w in TITLE_WORDS or w in _LEX.gendered_nouns or w in _LEX.relations for w in words
    )


def _person_evidence(span: Span) -> int:
    """What the article says around one mention that makes it a person's:
    2 for a person noun in apposition or right before the name ("the
    novelist, Jo Roe", "Jo Roe, a teacher", "his wife Jo") or an age in
    apposition ("Roe, 44,"); 1 for a "he" or "she" later in the clause the
    name is the subject of, outside quote marks, with no other person
    between ("Roe said she would ..."); else 0."""
    root = span.root
    nouns = _apposition_nouns(span)
    # Not a noun that describes another name ("The Caucus, former governor
    # Jo Roe, ..."), nor one item of a list read as appositives.
    if any(
        _is_person_noun(t)
        and not _listed(t, root if t.i == root.head.i else None)
        and not any(c.ent_type_ == "PERSON" and c.i != root.i for c in t.subtree if not span.start <= c.i < span.end)
        for t in nouns
    ):
        return 2
    return _age_or_pronoun_evidence(span)


def _apposition_nouns(span: Span) -> list[Token]:
    """The nouns a name stands in apposition to or right after."""
    doc, root = span.doc, span.root
    # An apposition is set off by a comma or a dash ("Jo Roe, a teacher");
    # a noun run on after the name is a compound the parser misread ("a
    # Bear Stearns assistant").
    after = span.end < len(doc) and doc[span.end].text in _APPOSITION_MARKS
    nouns = [c for c in root.children if c.dep_ == "appos" and c.left_edge.i == span.end + 1 and after]
    if root.dep_ == "appos" and root.head.i < span.start and doc[span.start - 1].text in _APPOSITION_MARKS:
        nouns.append(root.head)
        # Rule ``appos_of_description_tail``: "the chairwoman of the
        # community council, Ana Roe": the parser hangs the name on the last
        # noun of the description; the description's head is the noun.
        head = root.head
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i < head.i:
            head = head.head.head
            nouns.append(head)
    if span.start > 0 and span.start <= doc[span.start - 1].head.i < span.end:
        nouns.append(doc[span.start - 1])
    return nouns


def _given_name_titled(span: Span) -> bool:
    """Rule ``given_name_role_apposition``: "the county's emergency manager,
    Ana Roe": a title word in apposition, even one an organisation may
    fill ("manager", "head", "partner"), with a name that opens with a given
    name of one gender is a person's (an organisation named after a given
    name, "its owner, Georgia Pacific", has its own last word and no title
    before it in the article's phrasing)."""
    _, org_roles = _type_words()
    return any(
        t.is_lower
        and t.pos_ == "NOUN"
        and (t.lemma_.lower() in org_roles or t.lemma_.lower() in TITLE_WORDS)
        and not _listed(t, span.root if t.i == span.root.head.i else None)
        for t in _apposition_nouns(span)
    )


def _age_or_pronoun_evidence(span: Span) -> int:
    """The age in apposition (2) or the "he"/"she" after the name (1) of
    ``_person_evidence``."""
    doc, root = span.doc, span.root
    end = span.end
    if (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].text.isdigit()
        and 0 < int(doc[end + 1].text) <= _MAX_AGE
        and doc[end + 2].text == ","
    ):
        return 2
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    verb = root.head
    stop = min(verb.right_edge.i + 1, span.end + 25, doc[span.end - 1].sent.end)
    quoted = False
    for tok in doc[span.end : stop]:
        if tok.text in _QUOTE_CHARS:
            quoted = not quoted
        elif quoted:
            continue
        elif tok.ent_type_ == "PERSON":
            return 0
        elif (
            (tok.lower_ in _MALE_PRONOUNS or tok.lower_ in _FEMALE_PRONOUNS)
            and tok.dep_ in ("nsubj", "nsubjpass", "poss")
            and verb.is_ancestor(tok)
        ):
            return 1
    return 0


def _is_place_object(span: Span) -> bool:
    """"in Tulsa", "near Bologna": the name is the object of a preposition of place."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS


def _person_shaped(cluster: _Cluster) -> bool:
    """A name that may be a person's: one to three capitalised words, none
    an organisation's or a place's word, no acronym."""
    text = max(cluster.names, key=lambda n: len(n.split()))
    words = text.replace("’s", "").replace("'s", "").split()
    if not 1 <= len(words) <= 3 or _looks_like_org(text):
        return False
    for w in words:
        low = w.lower()
        if (
            not (w[:1].isupper() and w.replace("-", "").replace("'", "").replace("’", "").isalpha())
            or (w.isupper() and len(w) > 1)
            or low in ORG_HINT_WORDS
            or low in _LEX.org_heads
            or low in _LEX.place_heads
            or low in _LEX.place_name_ends
            or low in _LEX.legal_suffixes
            or low in _LEX.work_heads
        ):
            return False
    return True


def _retype_people(doc: Doc, by_key: dict[str, _Cluster], label_of: dict[int, str]) -> None:
    """Rule ``person_evidence``: a name the small model labelled an
    organisation or a place at every mention is a person's when the article
    says so: a person noun in apposition or an age (any name), or, for a
    given name and a surname ("Jo Roe"), a "he"/"she" after it or a bare
    surname mention that has such evidence ("Roe, 44, applied").

    A one-word name follows on the strong evidence alone, when it is the
    surname of a full name that is a person's and has some evidence itself,
    or when it is the given name of a person named in full.
    The corrected clusters then join and resolve as any person does."""
    # The tokens of every mention, made on the first ``bare_evidence`` call
    # (few documents need it; no mention changes before the end).
    covered: set[int] | None = None
    bare: dict[str, int] = {}  # surname -> best evidence at its unlabelled mentions

    def bare_evidence(word: str) -> int:
        nonlocal covered
        if covered is None:
            covered = {i for c in by_key.values() for m in c.mentions for i in range(m.start, m.end)}
        if word not in bare:
            best = 0
            # The word's tokens found from the ORTH column, not a Token per word of the document.
            for i in np.flatnonzero(column(doc, ORTH) == np.uint64(hash_string(word))).tolist():
                tok = doc[i]
                if i not in covered and tok.pos_ == "PROPN" and tok.is_title:
                    best = max(best, _person_evidence(doc[i : i + 1]))
            bare[word] = best
        return bare[word]

    def evidence(cluster: _Cluster) -> int:
        # A mention that is where something happens ("in Tulsa") outweighs
        # one mention of evidence: a place's name is often so written.
        found = [e for m in cluster.mentions if (e := _person_evidence(m))]
        places = sum(_is_place_object(m) for m in cluster.mentions)
        return max(found) if len(found) > places else 0

    def candidate(cluster: _Cluster) -> bool:
        labels = cluster.labels
        return (
            bool(cluster.mentions)
            and not labels["PERSON"]
            and sum(labels[x] for x in _RETYPED_LABELS) == sum(labels.values())
            and _person_shaped(cluster)
        )

    people_last = {k.split()[-1] for k, c in by_key.items() if " " in k and c.labels["PERSON"]}
    flipped: list[_Cluster] = []
    # "Trump National Doral", "Clinton Global Initiative": a name that carries
    # another person's surname before its end is named after them.
    named_after = {k for k in by_key if any(w in people_last for w in k.split()[:-1])}
    given = _gendered_given_names()
    single: list[tuple[str, _Cluster]] = []
    pending: list[tuple[str, _Cluster]] = []
    for key, cluster in by_key.items():
        if not candidate(cluster) or key in named_after:
            continue
        words = key.split()
        if len(words) == 1:
            single.append((key, cluster))
            continue
        ev = evidence(cluster)
        if ev < 2 and words[0] in given:
            last = next(iter(cluster.names)).split()[-1].replace("’s", "").replace("'s", "")
            surname_cluster = by_key.get(words[-1])
            ev = max(ev, bare_evidence(last), evidence(surname_cluster) if surname_cluster else 0)
            if not ev and len(words) == 2 and not _org_last_word(key):
                ev = 2 if any(_given_name_titled(m) for m in cluster.mentions) else 0
            ev = 2 if ev else 0
        elif len(words) == 2 and not _org_last_word(key) and (ev == 1 or words[-1] not in people_last):
            pending.append((words[-1], cluster))
        if ev >= 2:
            flipped.append(cluster)
            people_last.add(words[-1])
    people_first = {c_key.split()[0] for c_key, c in by_key.items() if " " in c_key and c.labels["PERSON"]}
    people_first.update(next(iter(c.names)).split()[0].lower() for c in flipped)
    for key, cluster in single:
        ev = evidence(cluster)
        # The given name of a person the article names in full ("Sophie" of
        # "Sophie Marsh") is that name, not a body's. (Labelled a place, it
        # may be one: "Charlotte" and "Charlotte Mayor Jo Roe".)
        first_name = key in given and key in people_first and not cluster.labels["GPE"]
        if ev >= 2 or (ev and key in people_last) or first_name:
            flipped.append(cluster)
    for key, cluster in by_key.items():
        # Rule ``surname_label_slip``: "'...,' Roe said" with "Roe" labelled a
        # place or a group, in an article that names a person "Ana Roe": the
        # subject of a speech verb is that person's surname.
        labels = cluster.labels
        if (
            " " in key
            or key not in people_last
            or labels["PERSON"]
            or any(c is cluster for c in flipped)
            or not cluster.mentions
            or not all(lab in _SLIP_LABELS for lab in labels if labels[lab])
        ):
            continue
        if any(
            len(m) == 1
            and m.root.dep_ == "nsubj"
            and m.root.head.lemma_.lower() in SPEECH_VERBS
            and m.root.is_title
            for m in cluster.mentions
        ):
            flipped.append(cluster)
    for last, cluster in pending:
        # Rule ``surname_of_a_person``: "Zsófia Roe told the panel that she
        # ...", labelled a place, when the article calls "Roe" alone a
        # person: a given name the lists lack, and that person's surname.
        surname_cluster = by_key.get(last)
        if surname_cluster is not None and (
            surname_cluster.labels["PERSON"] or any(c is surname_cluster for c in flipped)
        ):
            flipped.append(cluster)
    for cluster in flipped:
        cluster.labels = Counter({"PERSON": len(cluster.mentions)})
        for m in cluster.mentions:
            label_of[id(m)] = "PERSON"
            if len(m) >= 2:
                cluster.full_person = True
            cluster.relative = _person_cues(m, cluster.votes) or cluster.relative


def _name_list_end(span: Span) -> int:
    """Rule ``org_name_list``: where an organisation's name that lists its
    portfolio ends, when the model stopped at a comma inside the list
    ("Department of Climate Change, Energy | , the Environment and Water"):
    past capitalised items hung on the name, up to the one after "and".
    Items that are names of their own ("the Department of Energy, Exxon and
    Chevron") stop it."""
    doc = span.doc
    if not any(t.lower_ in ("of", "for") for t in span):
        return span.end
    end = _list_end(span, tagged=False)
    if end == span.end:
        # Rule ``org_name_list_acronym``: the model tagged the last items as
        # a name of their own ("Commission for Conciliation | , Mediation and
        # Arbitration (CCMA)"): one name when the acronym after it in
        # parentheses spells the whole list's initials.
        tagged = _list_end(span, tagged=True)
        if tagged > span.end and _acronym_after(doc, span.start, tagged):
            return tagged
    return end


def _list_end(span: Span, tagged: bool) -> int:
    doc = span.doc
    pos, n = span.end, len(doc)
    while pos < n and doc[pos].text == "," and pos - span.end < 12:
        j, k = _list_item(doc, pos + 1, tagged)
        if k == j or not any(span.start <= doc[t].head.i < pos for t in range(j, k)):
            # Not an item hung on the name (or on an item before it).
            return span.end
        if k < n and doc[k].lower_ == "and":
            j2, k2 = _list_item(doc, k + 1, tagged)
            return k2 if k2 > j2 else span.end
        pos = k
    return span.end


def _acronym_after(doc: Doc, start: int, end: int) -> bool:
    """Whether "(ABC)" right after doc[start:end] spells its capitalised words' initials."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    acronym = doc[end + 1].text
    initials = "".join(t.text[0] for t in doc[start:end] if t.is_title and t.is_alpha)
    return len(acronym) >= 3 and acronym.isupper() and acronym == initials


def _list_item(doc: Doc, start: int, tagged: bool = False) -> tuple[int, int]:
    """The title-case words of an item of a name's list from ``start`` (past
    a "the"), as (first, end): first == end when there are none. Words the
    model tagged as an organisation count only with ``tagged``."""
    n = len(doc)
    j = start + 1 if start < n and doc[start].lower_ == "the" else start
    k = j
    while (
        k < n
        and doc[k].is_title
        and doc[k].pos_ in ("PROPN", "NOUN")
        and (not doc[k].ent_type_ or (tagged and doc[k].ent_type_ == "ORG"))
    ):
        k += 1
    return j, k


def cluster_entities(doc: Doc) -> list[Entity]:
    """Group the entity mentions of ``doc`` into entities (see module doc)."""
    mentions: list[tuple[Span, str]] = []
    _WINDOWS.pop(doc, None)
    _CUES.pop(doc, None)
    ents = doc.ents  # a new Span per entity on every read: read once
    text = doc_text(doc)

    def span_text(span: Span) -> str:
        # ``span.text`` joins a new Token object per word; the slice is the same string.
        return text[span.start_char : span.end_char]

    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) >= 2}
    lines = _headline_lines(doc_text(doc)) if surnames or ents else []
    line_starts = [a for a, _ in lines]
    # Words of the person names the body (outside headlines) writes.
    body_words = (
        {
            t.text
            for ent in ents
            if ent.label_ == "PERSON" and not _in_lines(lines, line_starts, ent.start_char)
            for t in ent
            if t.is_alpha and t.text[:1].isupper()
        }
        if lines
        else set()
    )
    # A name the article once glosses as a place is a place at every mention.
    places = {span_text(ent) for ent in ents if ent.label_ == "PERSON" and _is_place_by_apposition(ent)}
    # Rule ``org_head_before_name``: so is a name an organisation word
    # introduces ("the charity Full Plate", "the startup Zentrix").
    orgs = {
        span_text(ent)
        for ent in ents
        if ent.label_ == "PERSON" and (_is_org_by_head(ent) or _is_org_by_apposition(ent))
    }
    taken = 0  # the end of a name run on over the entities after it
    for ent in ents:
        if ent.start < taken:
            continue
        if ent.label_ in _NOT_PERSON_LABELS and (_person_by_noun_before(ent) or _titled_given_name_thing(ent)):
            # Rule ``person_noun_before_thing``: "fire officer Ana Roe"
            # labelled a product is a person named after what she is.
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        if ent.label_ not in ENTITY_LABELS:
            continue
        if _is_dateline(ent):
            # "WASHINGTON —": where the story was filed, not a name.
            continue
        if (
            len(ent) == 1
            and ent.start > 0
            and _is_post_nominal(ent[0])
            and doc[ent.start - 1].ent_type_ == "PERSON"
            and doc[ent.start - 1].ent_iob_ != "O"
        ):
            # Rule ``post_nominal_entity``: "Nicholas Roe KC" with "KC" tagged
            # apart: letters after a person's name are no entity.
            continue
        if ent.label_ == "ORG":
            ent = _org_with_words_before(ent)
        trimmed = _trim(_after_dateline(ent))
        # A name has a capital letter; "state" in "secretary of state" is not one.
        if trimmed is None or not any(t.is_alpha and t.text[0].isupper() for t in trimmed):
            continue
        label = ent.label_
        if label in ("PERSON", "ORG") and _given_name_after_title(trimmed):
            # Rule ``title_given_surname``: "Prosecutor Amrit Sandhu" with
            # only "Sandhu" tagged: the name starts at the given name.
            trimmed, label = doc[trimmed.start - 1 : trimmed.end], "PERSON"
        if label == "ORG" and (end := _name_list_end(trimmed)) > trimmed.end:
            trimmed = doc[trimmed.start : end]
            taken = end
        if label == "PERSON":
            # "Representative Brooks", "Sen. Warren": the title is a role, not the name.
            trimmed = _without_titles(trimmed)
            trimmed = _with_surname_after(trimmed, surnames)
            if lines and _in_lines(lines, line_starts, trimmed.start_char):
                trimmed = _headline_name(trimmed, body_words) or trimmed
        elif (
            label in ("ORG", "GPE", "NORP", "FAC")
            and len(trimmed) >= 2
            and trimmed[-1].text in surnames
            and trimmed[0].text[:1].isupper()
            and _is_title_before_name(trimmed[0])
        ):
            # Rule ``titled_surname``: "Cllr Ames" labelled an organisation
            # in an article that names Ruth Ames is that person with a title
            # (a leading honorific, "Mr Ames", is already gone: ``_trim``).
            trimmed, label = _without_titles(trimmed), "PERSON"
        elif (
            label in ("ORG", "GPE", "NORP", "FAC")
            and len(trimmed) >= 3
            and _is_title_before_name(trimmed[0])
            and trimmed[1].lower_ in given_names()
            and all(t.is_title and t.pos_ == "PROPN" for t in trimmed[1:])
        ):
            # Rule ``titled_given_name``: "Superintendent Gregory Hale"
            # labelled an organisation is a title, a given name and a
            # surname: that person.
            trimmed, label = _without_titles(trimmed), "PERSON"
        if label == "PERSON" and trimmed.text not in surnames and _is_place_before_person_noun(trimmed):
            # Rule ``place_before_person_noun``: "the Perth rapper": a place
            # (not the surname of a person the article names in full: "a Roe
            # executive" beside Kim Roe is no town).
            label = "GPE"
        if label == "PERSON" and span_text(trimmed) in places:
            label = "LOC"
        if label == "PERSON" and span_text(trimmed) in orgs:
            label = "ORG"
        if label == "PERSON" and _is_gerund_opening(trimmed):
            continue
        if label == "PERSON" and _is_work_title(trimmed):
            # "her 2003 book, Living History": a work's title, no person.
            continue
        if _is_title_only(trimmed, surnames) or _is_fragment(trimmed):
            # "Sgt" on its own, "Co" of "Co-author": no name.
            continue
        # "Mr Okafor", "Sen. Sanders" is a person whatever the model's label.
        before = ent.doc[trimmed.start - 1] if trimmed.start > 0 else None
        if (
            before is not None
            and label in ("ORG", "GPE", "NORP", "FAC")
            and before.text[:1].isupper()
            and (before.lower_.rstrip(".") in HONORIFICS or before.lower_.rstrip(".") in TITLE_WORDS)
            and not _looks_like_org(span_text(trimmed))
        ):
            label = "PERSON"
        mentions.append((trimmed, label))
    mentions = _add_stage_names(doc, mentions)
    mentions = _add_names_after_datelines(doc, mentions)
    mentions = _drop_thing_nicknames(doc, mentions)
    mentions, acronyms = _add_defined_acronyms(doc, mentions)
    if not mentions:
        return []
    mentions = _join_nicknames(doc, _join_split_names(mentions))
    if surnames:
        mentions = _add_missed_namesakes(doc, mentions, surnames)
    mentions = _add_missed_given_names(doc, mentions)

    # 1. Exact clusters by normalised name.
    by_key: dict[str, _Cluster] = {}
    label_of: dict[int, str] = {}
    for span, label in mentions:
        key = _name_key(span_text(span))
        if not key:
            continue
        cluster = by_key.get(key)
        if cluster is None:  # a new cluster only for a new name (two Counters and a list each)
            cluster = by_key[key] = _Cluster()
        cluster.add(span, label)
        label_of[id(span)] = label
        if label == "PERSON" or cluster.labels["PERSON"]:
            cluster.relative = _person_cues(span, cluster.votes) or cluster.relative

    _retype_people(doc, by_key, label_of)

    # 2. A shorter person name joins a fuller person name that contains all
    # its tokens ("Kerry" -> "John Kerry"); never two people (see _join_short_names).
    keys = sorted(by_key, key=lambda k: -len(k.split()))
    merged_into: dict[str, str] = {}
    guessed: set[int] = set()  # mentions given to one of several people by recency
    _join_short_names(doc, by_key, keys, merged_into, guessed, label_of)
    _join_given_names(by_key, keys, merged_into, label_of)

    # 3. An acronym joins the name it abbreviates ("US" -> "United States").
    for key in keys:
        if key in merged_into or " " in key or not (2 <= len(key) <= 6):
            continue
        if not any(span_text(m).replace(".", "").isupper() for m in by_key[key].mentions):
            continue
        for other in keys:
            words = [w for w in other.split() if w not in ("of", "and", "for", "the")]
            if other != key and other not in merged_into and len(words) > 1 and "".join(w[0] for w in words) == key:
                _merge(by_key, merged_into, key, other)
                break
    # Rule ``acronym_defined``: the acronym an article defines in parentheses
    # after the full name is that name ("the Roe and Poe Authority (RPA)").
    for key, other in acronyms:
        if key in by_key and other in by_key and key not in merged_into and other not in merged_into and key != other:
            _merge(by_key, merged_into, key, other)

    # 4. Rule ``org_short_form``: an organisation's name shortened to its
    # first words joins the one fuller organisation name that starts with
    # them ("Corvid" -> "Corvid Capital", "Harwood" -> "Harwood Foods");
    # with two candidates ("Apple Music", "Apple Pay") it stays apart.
    # A name the model labelled a person counts as an organisation's when its
    # last word says so (rule ``org_last_word``: "Corvid Capital"); then its
    # first word alone, never a full person name nor a given name, is it too.
    by_first: dict[str, list[str]] = {}
    surname_keys = {_name_key(name) for name in surnames}
    for key in keys:
        if key not in merged_into and (_mostly_org(by_key[key]) or _org_last_word(key)):
            by_first.setdefault(key.split()[0], []).append(key)
    for key in keys:
        cluster = by_key[key]
        if key in merged_into:
            continue
        labels = cluster.labels
        mostly_org = labels["ORG"] and labels["PERSON"] <= labels["ORG"]
        # The model's person label is the mistake this mends; a place or a
        # group ("Florida", "Islamic") is no short form of "Florida ... Caucus".
        other = labels["GPE"] or labels["LOC"] or labels["FAC"] or labels["NORP"] > labels["PERSON"]
        person_short = labels["PERSON"] and not (cluster.full_person or " " in key or key in given_names() or other)
        if not (mostly_org or person_short):
            continue
        words = key.split()
        longer = [
            other
            for other in by_first.get(words[0], ())
            if other not in merged_into and len(other.split()) > len(words) and other.split()[: len(words)] == words
        ]
        if len(longer) == 1 and (mostly_org or _org_last_word(longer[0])):
            _merge(by_key, merged_into, key, longer[0])
        elif (
            len(longer) == 1
            and person_short
            and _org_only(by_key[longer[0]])
            and key not in surname_keys
            and not any(cluster.votes)
        ):
            # Rule ``org_short_form_person_label``: "Cairnbrook Spring Water"
            # labelled an organisation at every mention, then "Cairnbrook
            # said" labelled a person: its short form, when the word is no
            # surname of anyone the article names in full and no gender is
            # stated for it (a person's surname that opens a firm's name,
            # "Ford", has a "Mr" or a "he" beside it). The person labels
            # were the model's slip: they count as the organisation's.
            cluster.labels["ORG"] += cluster.labels.pop("PERSON")
            _merge(by_key, merged_into, key, longer[0])

    clusters = [c for k, c in by_key.items() if k not in merged_into and c.mentions]
    clusters.sort(key=lambda c: min(m.start_char for m in c.mentions))

    entities: list[Entity] = []
    for n, cluster in enumerate(clusters, start=1):
        name = _canonical_name(cluster)
        etype = _cluster_type(cluster, name, surnames)
        name = _clean_name(name, etype)
        ordered = sorted(cluster.mentions, key=lambda m: m.start_char)
        role = None
        if etype == "PERSON":
            for m in ordered:
                if id(m) in guessed:
                    continue
                role = find_role(m)
                if role:
                    break
        entities.append(
            Entity(
                id=f"e{n}",
                name=name,
                type=etype,
                mentions=[TextSpan(span_text(m), m.start_char, m.end_char) for m in ordered],
                role=role,
            )
        )
    _CUES.pop(doc, None)  # the clusters are made: no mention is read again
    entities = _add_missed_full_names(doc, entities)
    _add_missed_surnames(doc, entities)
    _add_label_surnames(doc, entities)
    _add_missed_org_short_forms(doc, entities)
    return entities


def _org_only(cluster: _Cluster) -> bool:
    """Every mention labelled an organisation, none anything else."""
    return cluster.labels["ORG"] > 0 and sum(cluster.labels.values()) == cluster.labels["ORG"]


def _mostly_org(cluster: _Cluster) -> bool:
    return cluster.labels["ORG"] > 0 and cluster.labels["ORG"] >= max(cluster.labels.values())


def _merge(by_key: dict[str, _Cluster], merged_into: dict[str, str], key: str, other: str) -> None:
    """Cluster ``key`` joins cluster ``other`` (all its mentions, names, labels)."""
    merged_into[key] = other
    dest = by_key[other]
    dest.mentions.extend(by_key[key].mentions)
    dest.names.update({n: 0 for n in by_key[key].names})
    dest.labels.update(by_key[key].labels)
    by_key[key].mentions = []


def _title_before(span: Span) -> str:
    """The title word right before a name ("President" in "President Doe"), or ""."""
    if span.start == 0:
        return ""
    word = span.doc[span.start - 1].lower_.rstrip(".")
    return word if word in TITLE_WORDS and word not in HONORIFICS else ""


def _has_title(cluster: _Cluster, title: str) -> bool:
    """Whether the article gives the person ``title`` at one of their mentions."""
    for m in cluster.mentions:
        if _title_before(m) == title:
            return True
        role = find_role(m)
        if role and title in role.lower().replace(".", " ").split():
            return True
    return False


def _gender_ok(a: str, b: str) -> bool:
    return not (a and b and a != b)


def _join_short_names(
    doc: Doc,
    by_key: dict[str, _Cluster],
    keys: list[str],
    merged_into: dict[str, str],
    guessed: set[int],
    label_of: dict[int, str],
) -> None:
    """Step 2 of the clustering: shorter names join fuller ones, as a careful
    reader does, and two people are never merged.

    * A name joins only a fuller person name with all its words and the same
      last word (so a different given name never joins), and only when the
      genders the article states agree ("Mr. Doe" is not "Jane Doe" when the
      article calls her "Mrs." or "his wife"; see ``people.toml``).
    * Someone introduced by a stated relation ("his wife, Jane Doe") does
      not take a bare surname the article already used for someone else.
    * A two-word name ("Jane Doe" of "Jane Q. Doe") joins as a whole, when
      one fuller name fits.
    * A bare surname is decided mention by mention, in article order: it
      goes to the one compatible full name named before it (or, when none is
      named before it, the one in the article: a headline's "Doe" before the
      body's "Jane Doe"), and from then on the surname stands for that
      person (a relative named later is called by given or full name); when
      several fit from the start, to the one the article spoke of
      most recently, by two sentences or more; otherwise it is ambiguous and
      belongs to no entity (the speakers stage then lists the candidates).
    """

    def words_of(other: str) -> set[str]:
        # A nickname stands for the given name: "Bob Roe" is Robert "Bob" Roe.
        return set(other.split()) | {
            w.strip(_QUOTE_CHARS).lower()
            for name in by_key[other].names
            for w in name.split()
            if len(w) > 2 and w[0] in _QUOTE_CHARS and w[-1] in _QUOTE_CHARS
        }

    # Names by last word, in ``keys`` order: a fuller name must end with the
    # shorter one's last word, so only those are compared (near-linear; the
    # other tests stay dynamic, as merges change clusters on the way).
    # Rule ``name_suffix`` (people.toml): "Harris" is the surname of "Harry
    # B. Harris Jr.", so it is listed under both last words. The name less
    # its suffix ("Donald Trump" of "Donald Trump Jr.") never joins it: the
    # suffix is there to tell two namesakes apart.
    by_last: dict[str, list[str]] = {}
    for other in keys:
        last, surname = other.split()[-1], surname_of(other, _LEX)
        by_last.setdefault(last, []).append(other)
        if surname != last:
            by_last.setdefault(surname, []).append(other)

    def fuller(key: str) -> list[str]:
        words = key.split()
        return [
            other
            for other in by_last.get(words[-1], ())
            if other != key
            and other not in merged_into
            and len(other.split()) >= len(words)
            and by_key[other].labels["PERSON"]
            and set(words) <= words_of(other)
            and (
                words[-1] == other.split()[-1]
                or (words[-1] == surname_of(other, _LEX) and len(words) < len(other.split()) - 1)
            )
        ]

    def move(span: Span, target: str) -> None:
        dest = by_key[target]
        dest.add(span, label_of.get(id(span), "PERSON"))
        _person_cues(span, dest.votes)

    for key in keys:
        cluster = by_key[key]
        if len(key.split()) != 2 or not (cluster.labels["PERSON"] or cluster.labels["ORG"]):
            continue
        fits = [c for c in fuller(key) if _gender_ok(cluster.gender(), by_key[c].gender())]
        if len(fits) == 1:
            merged_into[key] = fits[0]
            for span in cluster.mentions:
                move(span, fits[0])
            cluster.mentions = []

    short: dict[str, list[str]] = {}
    for key in keys:
        cluster = by_key[key]
        if " " in key or key in merged_into or not (cluster.labels["PERSON"] or cluster.labels["ORG"]):
            continue
        cands = fuller(key)
        if cands:
            short[key] = cands
    if not short:
        return
    full = {c for cands in short.values() for c in cands}
    sent_starts = [sent.start for sent in doc.sents]
    first = {c: min(m.start_char for m in by_key[c].mentions) for c in full}
    events = sorted(
        ((m.start_char, key, m) for key in list(short) + sorted(full) for m in by_key[key].mentions),
        key=lambda e: e[0],
    )
    latest: dict[str, int] = {}
    honorifics = {key: {g for g in map(_honorific_gender, by_key[key].mentions) if g} for key in short}
    kept_genders: dict[str, set[str]] = {key: set() for key in short}
    owner: dict[str, str] = {}  # surname -> the person it was first used for, alone
    kept: dict[str, list[Span]] = {key: [] for key in short}
    unresolved: dict[str, int] = {}  # surname -> sentence of its last mention left ambiguous
    for start, key, span in events:
        sent = bisect_right(sent_starts, span.start) - 1
        if key not in short:
            latest[key] = sent
            continue
        cluster = by_key[key]
        own_first = min(m.start_char for m in cluster.mentions)
        gender = _honorific_gender(span) or cluster.gender()
        fits = [c for c in short[key] if _gender_ok(gender, by_key[c].gender())]
        stated = _honorific_gender(span)
        if stated and any(by_key[c].gender() == stated for c in fits):
            # Rule ``honorific_stated_gender``: "Mrs Doe" is the Doe the
            # article calls a woman ("his mother, Jane Doe"), not a Doe whose
            # gender it never states, even one the surname was used for.
            fits = [c for c in fits if by_key[c].gender() == stated]
        agreeing = len(fits)
        plain = [c for c in fits if not by_key[c].relative]
        fits = [c for c in fits if not (by_key[c].relative and (own_first < first[c] or plain))]
        before = [c for c in fits if first[c] < start]
        if not before:
            # Named before any full name: join one only if no mention of the
            # surname calls someone of the other gender ("Governor Doe",
            # "Mr. Doe" ... "Jane Doe", "Mrs. Doe").
            fits = [c for c in fits if all(_gender_ok(g, by_key[c].gender()) for g in honorifics[key])]
            if len(honorifics[key]) > 1:
                fits = []
        pool = before or fits
        target: str | None = None
        title = _title_before(span)
        if owner.get(key) in fits and agreeing > 1 and title and not _has_title(by_key[owner[key]], title):
            # "President Doe" when the surname was Jane Doe's and her
            # father is named too: the title says it may be another Doe.
            continue
        if owner.get(key) in fits:
            # The surname already stands for one person: a relative or
            # namesake named later does not take it ("Cruz" ... "his father,
            # Rafael Cruz" ... "Cruz said").
            target = owner[key]
        elif owner.get(key) == key and all(_gender_ok(_honorific_gender(span), g) for g in kept_genders[key]):
            # First used for someone with no full name here ("President Doe"
            # before "Jane Doe"): it goes on meaning that person.
            target = None
        elif len(pool) == 1:
            target = pool[0]
            owner[key] = target
        elif len(pool) > 1:
            ranked = sorted(pool, key=lambda c: -latest.get(c, -10))
            if (
                latest.get(ranked[0], -10) - latest.get(ranked[1], -10) >= 2
                # Recency is stale once the surname was used since for a
                # mention left ambiguous: that use may be the other person.
                and latest.get(ranked[0], -10) > unresolved.get(key, -10)
                # "Mrs. Doe" states a gender: a guess by recency must not go
                # to someone whose gender the article never states.
                and not (_honorific_gender(span) and not by_key[ranked[0]].gender())
            ):
                target = ranked[0]
                guessed.add(id(span))
            else:
                # Ambiguous: in no entity (see the docstring).
                unresolved[key] = sent
                continue
        if target is None:
            owner.setdefault(key, key)
            kept[key].append(span)
            if _honorific_gender(span):
                kept_genders[key].add(_honorific_gender(span))
            continue
        move(span, target)
        latest[target] = sent
    for key, spans in kept.items():
        cluster = by_key[key]
        if len(spans) == len(cluster.mentions):
            continue
        rebuilt = _Cluster(votes=cluster.votes, relative=cluster.relative)
        for span in spans:
            rebuilt.add(span, label_of.get(id(span), "PERSON"))
        by_key[key] = rebuilt


def _join_given_names(
    by_key: dict[str, _Cluster],
    keys: list[str],
    merged_into: dict[str, str],
    label_of: dict[int, str],
) -> None:
    """Rule ``given_name_after_full``: a bare given name ("Jesse said") after
    the person was named in full ("Jesse Doe") is that person, as in stories
    whose people share a surname and are called by first name after the first
    mention.

    Decided mention by mention: a mention joins the one full person name
    whose first word it is that the article named before it; with none
    before it, or two before it ("Jesse Doe", "Jesse Roe"), it stays as it
    is. A word that is also the last word of a fuller name is a surname, left
    to ``_join_short_names``; a place or other non-person label never joins.
    """
    lasts = {k.split()[-1] for k in keys if " " in k}
    full: dict[str, list[tuple[int, str]]] = {}  # first word -> (first mention, key)
    for key in keys:
        cluster = by_key[key]
        if " " not in key or key in merged_into or not cluster.full_person or not cluster.mentions:
            continue
        first = min(m.start_char for m in cluster.mentions)
        full.setdefault(key.split()[0], []).append((first, key))
    if not full:
        return
    for key in keys:
        cluster = by_key[key]
        if " " in key or key in merged_into or key in lasts or key not in full:
            continue
        if not (cluster.labels["PERSON"] or cluster.labels["ORG"]) or not cluster.mentions:
            continue
        if any(label not in ("PERSON", "ORG") for label in cluster.labels if cluster.labels[label]):
            continue
        kept: list[Span] = []
        target = ""
        for span in cluster.mentions:
            before = [k for first, k in full[key] if first < span.start_char]
            if len(before) != 1 or not _gender_ok(_honorific_gender(span), by_key[before[0]].gender()):
                kept.append(span)
                continue
            target = before[0]
            by_key[target].add(span, label_of.get(id(span), "PERSON"))
            _person_cues(span, by_key[target].votes)
        if not target:
            continue
        if not kept:
            merged_into[key] = target
            cluster.mentions = []
            continue
        rebuilt = _Cluster(votes=cluster.votes, relative=cluster.relative)
        for span in kept:
            rebuilt.add(span, label_of.get(id(span), "PERSON"))
        by_key[key] = rebuilt


def _is_title_word(tok: Token) -> bool:
    """A capitalised honorific or title ("Mr", "Dr.", "Cllr") before a name."""
    word = tok.lower_.rstrip(".")
    return tok.text[:1].isupper() and (word in HONORIFICS or _is_title_before_name(tok))


def _in_hyphenated(tok: Token) -> bool:
    """Whether ``tok`` is glued to a hyphen on either side ("Bell" of "Okonkwo-Bell")."""
    doc = tok.doc
    before = tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_
    return before or after


def _missed_name_start(doc: Doc, i: int) -> int | None:
    """The first token of the untagged name whose surname is ``doc[i]``
    (rule ``missed_full_name``): a capitalised given name the parser hangs
    on the surname, with any surname particles between ("Anouk | de |
    Groot"); None when no given name is there."""
    k = i - 1
    while k >= 0 and doc[k].text in _LEX.surname_particles and doc[k].head.i == i:
        k -= 1
    if k < 0:
        return None
    first = doc[k]
    word = first.lower_.rstrip(".")
    if (
        first.pos_ != "PROPN"
        or first.dep_ != "compound"
        or first.head.i != i
        or not (first.is_title and first.is_alpha and len(first) > 1)
        or (first.ent_type_ in ENTITY_LABELS and first.ent_type_ != "PERSON")
        or word in TITLE_WORDS
        or word in HONORIFICS
        or word in NAME_LIKE_TITLES
        or _in_hyphenated(first)
        or (k > 0 and doc[k - 1].pos_ == "PROPN" and not _describes_person(doc[k - 1]))
    ):
        return None
    return k


def _add_missed_full_names(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """Rule ``missed_full_name``: a given name and the surname of a person
    the article names in full, which the model left untagged ("Doreen Fitch,
    78, told", "Anouk de Groot, the Dutch minister"), is a person there: the
    one of that full name when the article has them, else a namesake of
    their own, never the other person of that surname. A bare surname the
    clustering gave the other namesake before that one's full name appears
    and after this one's ("Kwabena Asante walks ... Asante says ... his
    wife, Akosua Asante") is this one's (rule ``namesake_named_first``).
    Returns the entities, renumbered in order of first mention when one was
    added."""
    by_surname: dict[str, list[Entity]] = {}
    for ent in entities:
        if ent.type == "PERSON" and " " in ent.name:
            by_surname.setdefault(surname_of(ent.name, _LEX, lower=False), []).append(ent)
    if not by_surname:
        return entities
    text = doc_text(doc)
    spans = sorted((m.start, m.end) for e in entities for m in e.mentions)
    starts = [a for a, _ in spans]
    other_words = {w for e in entities if e.type != "PERSON" for w in e.name.split()}
    single = {e.name: e for e in entities if e.type == "PERSON" and " " not in e.name}

    def free(lo: int, hi: int) -> bool:
        j = bisect_right(starts, hi - 1) - 1
        return j < 0 or spans[j][1] <= lo

    orths = {doc.vocab.strings.add(key) for key in by_surname}
    added: list[Entity] = []
    for i in _spelled(doc, orths):
        tok = doc[i]
        if tok.ent_type_ in ENTITY_LABELS or tok.pos_ != "PROPN" or not tok.is_title or _in_hyphenated(tok):
            continue
        if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
            # "Fitch Road": the surname opens another name.
            continue
        k = _missed_name_start(doc, i)
        if k is None or doc[k].text in other_words:
            continue
        lo, hi = doc[k].idx, tok.idx + len(tok)
        if not free(lo, hi):
            continue
        name = text[lo:hi]
        mention = TextSpan(name, lo, hi)
        same = [e for e in by_surname[tok.text] if e.name == name]
        if same:
            same[0].mentions.append(mention)
            same[0].mentions.sort(key=lambda m: m.start)
            continue
        if (given := single.get(doc[k].text)) is not None:
            # "Alan and Doreen Fitch ... Alan Fitch": the given name's
            # person, now with a surname.
            given.mentions.append(mention)
            given.mentions.sort(key=lambda m: m.start)
            given.name = name
            continue
        role = find_role(doc[k : i + 1])
        ent = Entity(id="", name=name, type="PERSON", mentions=[mention], role=role)
        # Rule ``namesake_named_first``: the bare surname between this name
        # and the first full mention of another person of that surname is
        # this person's, whoever the clustering gave it to.
        rivals = min(m.start for e in by_surname[tok.text] for m in e.mentions if " " in m.text)
        bare = single.get(tok.text)
        for other in by_surname[tok.text] + ([bare] if bare is not None else []):
            moved = [m for m in other.mentions if m.text == tok.text and hi <= m.start < rivals]
            if moved:
                other.mentions = [m for m in other.mentions if m not in moved]
                ent.mentions.extend(moved)
        ent.mentions.sort(key=lambda m: m.start)
        by_surname[tok.text].append(ent)
        added.append(ent)
    if not added:
        return entities
    out = sorted((e for e in entities + added if e.mentions), key=lambda e: e.mentions[0].start)
    for n, ent in enumerate(out, start=1):
        ent.id = f"e{n}"
    return out


def _add_missed_surnames(doc: Doc, entities: list[Entity]) -> None:
    """Add the bare surname mentions the model did not label.

    The small English model often misses a repeated surname ("Many had
    thought that Brandt would ...") or labels it a work of art or a
    product, after labelling the full name a person; the
    speakers stage needs those mentions as antecedents. One pass over the
    tokens; a surname two people share is added only to the one named
    before it, or to the one it was first used for alone.
    """
    by_surname: dict[str, list[Entity]] = {}
    for ent in entities:
        if ent.type == "PERSON":
            by_surname.setdefault(surname_of(ent.name, _LEX, lower=False), []).append(ent)
    if not by_surname:
        return
    # The person each surname was first used for alone (see _join_short_names):
    # it goes on meaning them when a namesake is named later.
    owner: dict[str, tuple[int, Entity]] = {}
    for key, ents in by_surname.items():
        bare = [(m.start, e) for e in ents for m in e.mentions if m.text == key]
        if bare:
            owner[key] = min(bare, key=lambda b: b[0])
    added: set[str] = set()
    # Only the tokens spelled like a known surname are looked at: one array
    # read instead of a Token object per word of the document.
    surname_orths = {doc.vocab.strings.add(key) for key in by_surname}
    for i in _spelled(doc, surname_orths):
        tok = doc[i]
        # Unlabelled, or given a label no person has (WORK_OF_ART, PRODUCT).
        if tok.ent_type_ in ENTITY_LABELS or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        ents = by_surname[tok.text]
        # A lone name, not part of another name ("Brandt Street"), nor a
        # piece of a double name ("Okonkwo-Bell" is not Carol Bell).
        # Rule ``honorific_surname``: "Mr Roe" is the surname with a courtesy
        # title or an office before it, not a longer name.
        prev_propn = tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and not _is_title_word(doc[tok.i - 1])
        next_propn = tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"
        if prev_propn or next_propn or _in_hyphenated(tok):
            continue
        before = [e for e in ents if e.mentions and e.mentions[0].start < tok.idx]
        first_use = owner.get(tok.text)
        if first_use is not None and first_use[0] < tok.idx:
            ent = first_use[1]
        elif len(ents) == 1 or len(before) == 1:
            ent = ents[0] if len(ents) == 1 else before[0]
            owner.setdefault(tok.text, (tok.idx, ent))
        else:
            continue
        ent.mentions.append(TextSpan(tok.text, tok.idx, tok.idx + len(tok.text)))
        added.add(ent.id)
    for ent in entities:
        if ent.id in added:
            ent.mentions.sort(key=lambda m: m.start)


# Rule ``transcript_label_surname``: a paragraph that opens with a label in
# capitals and a colon ("ROE: We said so."), as a printed transcript writes
# each turn; the label's last word is the speaker's surname.
_UPPER_LABEL = re.compile(r"(?m)^[ \t]*[\"“]?((?:[A-Z][A-Z.]*[ \t]+){0,2}([A-Z][A-Z'’-]*[A-Z]))[ \t]*:[ \t]")


def _add_label_surnames(doc: Doc, entities: list[Entity]) -> None:
    """Rule ``transcript_label_surname``: an upper-case turn label ("ROE:")
    the model did not tag is a mention of the one person the article names
    in full with that surname ("Ann Roe" in the introduction), as a tagged
    label already is by its name key. Two people of the surname: none."""
    text = doc_text(doc)
    if ":" not in text:
        return
    labels = list(_UPPER_LABEL.finditer(text))
    if len(labels) < 2:
        return
    by_surname: dict[str, list[Entity]] = {}
    for ent in entities:
        if ent.type == "PERSON" and " " in ent.name:
            by_surname.setdefault(surname_of(ent.name, _LEX, lower=False).casefold(), []).append(ent)
    taken = {(m.start, m.end) for ent in entities for m in ent.mentions}
    added: set[str] = set()
    for m in labels:
        ents = by_surname.get(m.group(2).casefold(), [])
        start, end = m.span(2)
        if len(ents) != 1 or any(a < end and start < b for a, b in taken):
            continue
        ents[0].mentions.append(TextSpan(text[start:end], start, end))
        taken.add((start, end))
        added.add(ents[0].id)
    for ent in entities:
        if ent.id in added:
            ent.mentions.sort(key=lambda m: m.start)


def _add_missed_org_short_forms(doc: Doc, entities: list[Entity]) -> None:
    """Rule ``org_short_form_untagged``: an organisation named in full
    ("Ardmore Health Systems") and then by its first word alone, which the
    model left untagged ("Ardmore said"), is that organisation there: when
    the word opens no other entity's name, is in no other name and is no
    given name, and stands alone (no name word beside it)."""
    first: dict[str, list[Entity]] = {}
    words_elsewhere: Counter[str] = Counter()
    for ent in entities:
        words = ent.name.split()
        for w in set(words):
            words_elsewhere[w] += 1
        if ent.type == "ORG" and len(words) >= 2 and words[0].isalpha() and words[0].istitle():
            first.setdefault(words[0], []).append(ent)
    short = {
        w: ents[0]
        for w, ents in first.items()
        if len(ents) == 1 and words_elsewhere[w] == 1 and w.lower() not in given_names()
    }
    if not short:
        return
    orths = {doc.vocab.strings.add(w) for w in short}
    taken = {(m.start, m.end) for e in entities for m in e.mentions}
    added: set[str] = set()
    for i, orth in enumerate(column(doc, ORTH).tolist()):
        if orth not in orths:
            continue
        tok = doc[i]
        ent = short[tok.text]
        if tok.ent_type_ in ENTITY_LABELS or tok.pos_ != "PROPN" or _in_hyphenated(tok):
            continue
        if (i > 0 and doc[i - 1].pos_ == "PROPN") or (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN"):
            continue
        if not ent.mentions or ent.mentions[0].start >= tok.idx or (tok.idx, tok.idx + len(tok.text)) in taken:
            continue
        ent.mentions.append(TextSpan(tok.text, tok.idx, tok.idx + len(tok.text)))
        added.add(ent.id)
    for ent in entities:
        if ent.id in added:
            ent.mentions.sort(key=lambda m: m.start)


def mention_index(entities: list[Entity]) -> dict[tuple[int, int], str]:
    """(start, end) of every mention -> entity id."""
    index: dict[tuple[int, int], str] = {}
    for ent in entities:
        for m in ent.mentions:
            index[(m.start, m.end)] = ent.id
    return index


def entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity one of whose mentions overlaps [start, end), if any."""
    best: tuple[int, Entity] | None = None
    for ent in entities:
        for m in ent.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, ent)
    return best[1] if best else None


@Language.factory(
    "newsbrief_entities",
    assigns=["doc._.nb_entities"],
    # token.pos is read too; it comes from the tags (attribute_ruler declares nothing).
    requires=["doc.ents", "token.dep", "token.tag"],
    default_config={},
)
def make_entities_stage(nlp: Language, name: str) -> EntitiesStage:
    return EntitiesStage()


class EntitiesStage:
    """Writes ``doc._.nb_entities``: ``Entity.to_dict()`` per entity."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.nb_entities = [e.to_dict() for e in cluster_entities(doc)]
        return doc


__all__ = ["cluster_entities", "entity_at", "find_role", "mention_index", "EntitiesStage"]
