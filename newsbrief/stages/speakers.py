"""Speakers: resolve each quote's local speaker mention ("he", "Kerry", "the
official") to a canonical speaker with an entity id and a role.

No offline coreference model works with spaCy 3.8 (coreferee's English models
are fetched from GitHub at install time and target older spaCy releases), so
the resolver does what a careful reader does, from the parse and the entities:

* a named mention is its entity ("Kerry" -> "John Kerry", clustered by the
  entities stage);
* a pronoun goes to the most recent compatible person (or organisation for
  "it"/"they"), scored by recency, grammatical subjecthood and whether it was
  the previous quote's speaker; gender comes from the article itself (the
  pronouns that follow a name, honorifics, gendered titles), with a weak prior
  from common given names under that evidence (``people.toml``);
* a description ("the official") goes to an entity the article links to it (an
  appositive, the one person whose stated role has the same title and no
  other place: "Florida Sen. Marco Rubio" ... "the Florida senator"), or to an
  earlier description with the same head noun and number, or, when definite
  and headed by a title or epithet ("the US secretary of state"), to the one
  compatible person named as a subject or speaker in its own or the previous
  sentence; otherwise the description, as written, is kept as the name. A
  role learned this way never replaces one the article states;
* a quote with no attribution of its own continues the previous quote's
  speaker when it is in the same or the next paragraph.

Everything is indexed once per document (mentions sorted by offset, gender
votes from one pass over the tokens); each quote then costs a bisect and a
walk over a few nearby mentions.
"""

from __future__ import annotations

import re
import tomllib
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id, hash_string
from spacy.tokens import Doc, Span, Token

from ..model import Entity, Quote, Speaker, TextSpan
from .columns import columns
from .entities import find_role
from .lexicon import ORG_HINT_WORDS, PERSON_EPITHETS, PERSON_PRONOUNS, TITLE_ABBREVIATIONS, TITLE_WORDS
from .people import census_name_genders, people_lexicon, surname_of
from .speakers_refs import (
    author_of,
    author_phrase,
    authored_documents,
    document_author,
    document_mention,
    given_name_owner,
    in_reported_clause,
    name_in_relative,
    nearer_gendered_noun,
    replies_to_question,
)
from .syntax import HYPHENS, doc_text, hyphen_word_end, in_sorted

_LEX = people_lexicon()
_HONORIFIC_GENDER = _LEX.honorific_gender
# Gendered nouns next to a name ("spokeswoman Jane Doe", "the king").
_GENDERED_NOUNS = _LEX.gendered_nouns
# Both by string id of the lower-case form, for a token column (a Token
# object per word around each mention cost more than the lookup).
_HONORIFIC_IDS = {hash_string(w): g for w, g in _HONORIFIC_GENDER.items()}
_GENDERED_IDS = {hash_string(w): g for w, g in _GENDERED_NOUNS.items()}
_BARRIER_IDS = {hash_string(w) for w in _LEX.gender_barriers}
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_GENERIC_HEADS = _LEX.generic_heads
# Heads whose participle qualifier says who the person is ("diplomats
# involved in the talks"), where after other heads it says when or where.
_PERSON_NOUNS = _GENERIC_HEADS | TITLE_WORDS | PERSON_EPITHETS | _LEX.person_heads
_ORG_HEADS = ORG_HINT_WORDS | _LEX.org_heads
_OFFICES = _LEX.offices
_DATA = Path(__file__).with_name("data") / "speakers.toml"


def _speaker_words(section: str) -> frozenset[str]:
    with _DATA.open("rb") as fh:
        return frozenset(tomllib.load(fh)[section]["words"])


# Rule ``body_speaks_for_org`` (data/speakers.toml): "the board" speaks for
# its organisation as "the company" does.
_NUMBERED_BRANCH = _speaker_words("numbered_branch")
_AGENT_NOUNS = _speaker_words("agent_nouns")
_GENERIC_ORG_HEADS = _LEX.generic_org_heads | _speaker_words("body_heads") | _speaker_words("performer_group_heads")


def _without_branch(words: list[str]) -> list[str]:
    """Rule ``numbered_branch_kind`` (speakers.toml, numbered_branch): a
    name's words without a branch number at its end ("... Workers Local
    2217" -> "... Workers")."""
    if len(words) >= 3 and words[-1].isdigit() and words[-2] in _NUMBERED_BRANCH:
        return words[:-2]
    return words


def _org_kind_names() -> dict[str, frozenset[str]]:
    with _DATA.open("rb") as fh:
        table = tomllib.load(fh)["org_kind_names"]
    return {head: frozenset(words) | {head} for head, words in table.items() if words}


# Rule ``possessive_colon_speaker`` (data/speakers.toml).
_VERDICT_NOUNS = _speaker_words("verdict_nouns")
# Rule ``org_kind_in_name`` (data/speakers.toml): "the airline" is the
# "... Airways" named last.
_ORG_KIND_NAMES = _org_kind_names()
_ORG_HEADS = _ORG_HEADS | _GENERIC_ORG_HEADS
_LAST_SPEAKER_HEADS = _speaker_words("last_speaker_heads")
# Rule ``org_named_later`` (data/speakers.toml).
_LATER_ORG_DETERMINERS = _speaker_words("org_named_later")


def _ruling_words() -> frozenset[str]:
    with (_DATA.parent / "speakers_refs.toml").open("rb") as fh:
        return frozenset(tomllib.load(fh)["issued_rulings"]["words"])


# Rule ``ruling_issuer`` (data/speakers_refs.toml).
_RULING_WORDS = _ruling_words()


def _filing_lists() -> dict[str, frozenset[str]]:
    with (_DATA.parent / "speakers_refs.toml").open("rb") as fh:
        return {k: frozenset(v) for k, v in tomllib.load(fh)["legal_filings"].items()}


# Rule ``filing_party`` (data/speakers_refs.toml).
_FILINGS = _filing_lists()


def _message_words(key: str) -> frozenset[str]:
    with _DATA.open("rb") as fh:
        return frozenset(tomllib.load(fh)["message_reads"][key])


_READ_CUES = _message_words("cues")
_MESSAGE_NOUNS = _message_words("nouns")
_SEND_VERBS = _message_words("send_verbs")
# Every word that says what kind an organisation is, inside its name.
_ORG_KIND_WORDS = _ORG_HEADS | frozenset(w for words in _ORG_KIND_NAMES.values() for w in words)
# Rules ``speaker_name_labelled_place`` and ``person_labelled_place``
# (data/speakers.toml).
_PLACE_PREPOSITIONS = _speaker_words("speaker_name_labelled_place")
_PLACE_NAME_ENDS = _speaker_words("person_labelled_place") | _LEX.place_name_ends
# Rule ``org_short_name_is_full`` (data/speakers.toml).
# Words before a noun in its own phrase (rule ``whose_clause_antecedent``).
_NAME_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "flat"})
# Small words inside an organisation's name ("Bank of the North").
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "&", "de", "du", "la"})
_FULL_NAME_ENDS = _speaker_words("org_short_name_is_full") | _ORG_KIND_WORDS


def _legal_forms() -> frozenset[str]:
    with _DATA.open("rb") as fh:
        return frozenset(tomllib.load(fh)["org_short_name_is_full"]["legal_forms"])


_LEGAL_FORMS = _legal_forms()


def _without_legal_form(name: str) -> list[str]:
    """The words of an organisation's name without a legal form at its end
    ("Acme Robotics Inc." -> Acme Robotics)."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower().strip(".") in _LEGAL_FORMS:
        words.pop()
    return words


_NAME_RUN = re.compile(r"(?:\s+(?:&\s+)?[A-Z][\w'’&.-]*)+")
# How many sentences back a pronoun or a definite description looks for its antecedent.
_SENTENCE_WINDOW = 3
# Rule ``indefinite_named_next``: how many sentences on the name may come.
_NAMED_NEXT_WINDOW = 2
_MAX_CANDIDATES = 40
# Rule ``cue_subject``: how many verbs up from a cue with no subject of its own
# ("explained it by saying", "emailed supporters, writing") to look, and
# through which dependencies.
_CUE_CLIMB = 3
_CUE_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp"})
_PARA_BREAK = re.compile(r"\n\s*")
# Rule ``asked_about``: verbs that put a question ("asked whether ...").
_QUESTION_VERBS = frozenset({"ask", "wonder", "question", "quiz", "press"})
# Rule ``age_epithet``: "the 23-year-old", "the 61-year-old" (see ``_age_antecedent``).
_AGE_EPITHET = re.compile(r"\d{1,3}[-‐–]year[-‐–]old")
# Rule ``dateline_source``: a place and a news agency in parentheses, then a
# dash or the end of the mention: "Washington (AFP) -", "LONDON (Reuters)".
# Rule ``dateline_date``: a date may stand between them ("CINCINNATI, Nov 6
# (Newswire) -").
_DATELINE_SOURCE = re.compile(
    r"^[A-Z][\w.’' -]{0,40}?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\(\s*[A-Z][A-Za-z]{1,9}\s*(?:\)\s*[-–—]*\s*|$)"
)
# Rule ``dateline_mention``: a place in capitals (and a state or country),
# then a dash: "SAN JOSE, Calif. —", "LAGOS —".
_DATELINE_PLACE = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w. ]{1,20})?$")
_DATELINE_DASH = re.compile(r"\s*[—–-]{1,2}\s*")
_PAREN_WORD = re.compile(r"^(.*?)\(\s*([A-Za-z]+)\s*\)?[^(]*$", re.S)


def _spells_initials(text: str) -> bool:
    """Rule ``acronym_not_dateline``: whether the word in parentheses
    spells the initials of the capitalised words before it ("University
    Staff Union (USU)"), as a place and a news agency never do."""
    m = _PAREN_WORD.match(text)
    if m is None:
        return False
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_][\w’'-]*", m.group(1)) if w[0].isupper() and w != "The")
    word = m.group(2)
    return len(word) >= 2 and word.isupper() and word == initials


# One unnamed person: "a spokesperson", "one official", "the source".
_SINGULAR_SOURCE = re.compile(r"(?i)^(a|an|one|the)\s")


@lru_cache(maxsize=1)
def _census_name_gender() -> dict[str, str]:
    # Read on first use, not at import: the census lists take a moment.
    return census_name_genders(_LEX)


@dataclass(frozen=True)
class _Ref:
    """A named mention of an entity: where it is and whether it is a subject."""

    start: int
    eid: str
    sent: int
    subject: bool
    # The subject of the sentence's main clause ("A frustrated Kerry called
    # ..."), not of a clause inside it ("where Donald Trump sits ahead").
    main_subject: bool = False
    # Named in a question put to someone ("Asked whether Lee would start, the
    # coach said"): rule ``asked_about``.
    asked: bool = False


def _in_relative_clause_after(tok: Token, after: int) -> bool:
    """Whether ``tok`` lies in a "who" clause about a noun at or after token
    ``after`` (so not the name that ends there). A "which" clause is about a
    thing, and its pronoun is often the name's ("Roe backed the plan, which
    made him a target")."""
    for anc in tok.ancestors:
        if (
            anc.dep_ == "relcl"
            and anc.head.i >= after
            and any(c.lower_ in _PERSON_RELATIVES for c in anc.children)
        ):
            return True
    return False


def _kin_appositive(name: Token) -> Token | None:
    """The noun in apposition to ``name`` that a possessive pronoun owns
    ("Ann Roe, his sister-in-law,": "sister"), or None."""
    for child in name.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.tag_ == "NN":
            if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in child.children):
                return child
    return None


# Relative words that stand for a person ("the mayor, who ...").
_PERSON_RELATIVES = frozenset({"who", "whom", "whose"})


def _in_question(tok: Token) -> bool:
    """Rule ``asked_about``: ``tok`` stands in a clause that a question verb
    governs and "whether", "if" or a wh-word opens ("Asked whether Lee would
    play", "wanted to know how Roe voted"): the person named there is the one
    asked about, not the one who answers, so no pronoun after it means them."""
    # The climb reads the head and dependency columns, kept per document; a
    # Token object is built only for a clause that passes the verb test.
    doc = tok.doc
    kept = _QUESTION_TREES.get(doc)
    if kept is None or len(kept[0]) != len(doc):
        cols = columns(doc, [HEAD, DEP, LEMMA])
        heads = (np.arange(len(doc), dtype=np.int64) + cols[:, 0].astype(np.int64)).tolist()
        kept = _QUESTION_TREES[doc] = (heads, cols[:, 1].tolist(), cols[:, 2].tolist())
    heads, deps, lemmas = kept
    strings = doc.vocab.strings
    clause = heads[tok.i]
    for _ in range(4):
        head = heads[clause]
        if deps[clause] in _QUESTION_CLAUSE_DEPS and strings[lemmas[head]].lower() in _QUESTION_VERBS:
            return any(
                c.dep_ in ("mark", "advmod", "nsubj", "dobj")
                and (c.lower_ in ("whether", "if") or c.tag_ in ("WRB", "WP"))
                for c in doc[clause].children
            )
        if head == clause:
            return False
        clause = head
    return False


_QUESTION_CLAUSE_DEPS = frozenset(get_string_id(d) for d in ("ccomp", "xcomp", "advcl"))
# Per document: absolute heads, dependency and lemma ids (``_in_question``).
_QUESTION_TREES: weakref.WeakKeyDictionary[Doc, tuple[list[int], list[int], list[int]]] = weakref.WeakKeyDictionary()


@dataclass
class _Resolved:
    name: str | None
    entity: str | None
    role: str | None
    # A description kept as the name, or a named entity's type.
    type: str | None = None
    # For a description: the gender of its head noun ("his mother"), plurality.
    gender: str = ""
    plural: bool = False
    # A bare surname that fits several people: their entity ids (entity None).
    candidates: tuple[str, ...] = ()
    # A description the article marks as no person ("brain cancer, which").
    thing: bool = False
    # A description's head noun (lemma).
    head: str = ""


def _core(span: Span) -> Span:
    """A description without what follows its head after a comma, a
    relative clause or an appositive: "a former aide to the mayor, who
    asked not to be named" -> "a former aide to the mayor"."""
    root = span.root
    end = root.i + 1
    for child in root.rights:
        if child.i >= span.end or child.dep_ not in ("prep", "compound", "amod", "nummod", "acl"):
            break
        if child.dep_ == "acl" and root.lemma_.lower() not in _PERSON_NOUNS:
            # "a diplomat briefed on the talks" says who; "a poll released
            # last week" only when.
            break
        sub_end = min(span.end, child.right_edge.i + 1)
        # Rule ``comma_inside_name``: a comma inside a named entity ("the
        # Department of Roads, Rail and Ports") ends nothing.
        comma = next((t.i for t in span.doc[end:sub_end] if t.is_punct and t.ent_iob_ != "I"), None)
        if comma is not None:
            # A relative clause hung on the qualifier's last noun ("a person
            # familiar with the talks, who asked ...") ends it at the comma.
            if comma > child.i:
                end = comma
            break
        end = sub_end
    return span.doc[span.start : end]


def _whole(span: Span, stop: tuple[int, int]) -> Span:
    """A description with the qualifiers after its head that the mention
    left out ("a person" -> "a person familiar with the talks", "an
    official briefed on the plan"), up to a comma, a quote mark or the
    characters ``stop`` (the quote and its cue), at most 10 words."""
    doc = span.doc
    root = span.root
    end = span.end
    for child in root.rights:
        if child.i < span.end:
            continue
        if child.dep_ not in ("prep", "amod", "acl") or child.i != end:
            break
        if child.dep_ == "acl" and root.lemma_.lower() not in _PERSON_NOUNS:
            # "an official briefed on the talks" says who; "a report released
            # last year" only when, and is cut there.
            break
        sub_end = child.right_edge.i + 1
        words = doc[end:sub_end]
        if sub_end - span.start > 10 or any(t.is_punct or t.is_quote for t in words):
            break
        if any(stop[0] <= t.idx < stop[1] for t in words):
            break
        end = sub_end
    return doc[span.start : end]


def _title(word: str) -> str:
    """A title word in full: "Sen." -> "senator"."""
    word = word.lower().rstrip(".")
    return TITLE_ABBREVIATIONS.get(word, word)


def _role_heads(role: str) -> set[str]:
    """The title words of a role ("chair of the Platform Committee" -> {"chair"})."""
    return {_title(w) for w in role.replace(",", " ").split() if w.lower().rstrip(".") in TITLE_WORDS}


def _hyphenated_surname(span: Span) -> str:
    """Rule ``hyphenated_surname``: the surname a name ends with, whole when
    the tokenizer split it at a hyphen ("Ana Lopez-Roe" -> "lopez-roe"), so
    that "Ana Lopez-Roe" is not taken for "Jo Roe": the last piece of a
    double-barrelled surname is no surname of its own (lower case)."""
    doc = span.doc
    k = span.end - 1
    while (
        k - 2 >= span.start
        and doc[k - 1].text in HYPHENS
        and not doc[k - 1].whitespace_
        and not doc[k - 2].whitespace_
        and doc[k - 2].is_alpha
    ):
        k -= 2
    return doc[k : span.end].text.lower()


def _after_word_hyphen(text: str, start: int) -> bool:
    """Whether ``start`` comes right after a hyphen that follows a letter."""
    return start >= 2 and text[start - 1] in HYPHENS and text[start - 2].isalpha()


def _entity_type_ok(etype: str) -> bool:
    return etype in ("PERSON", "ORG", "GPE", "NORP")


def quoted_spans(doc: Doc, quotes: list[Quote]) -> list[tuple[int, int]]:
    """The character spans that stand inside quote marks as speech, sorted,
    overlaps merged: the one source of "is this character inside a quote"
    for the resolver. The document's quote-mark index (``doc._.nb_marks``,
    dicts with start/end/type) is used when a stage has written it; until
    then, the quotes' verbatim spans (the content of a direct quote)."""
    marks = doc._.get("nb_marks") if Doc.has_extension("nb_marks") else None
    raw: list[tuple[int, int]] = []
    if marks:
        raw = [(m["start"], m["end"]) for m in marks if m.get("type", "speech") == "speech"]
    else:
        for q in quotes:
            if q.verbatim:
                raw.extend((v.start, v.end) for v in q.verbatim)
            elif q.kind != "indirect":
                raw.append((q.start, q.end))
    return _merged(raw)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans sorted, overlaps merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _with_mention(quote: Quote, mention: TextSpan) -> Quote:
    """A copy of ``quote`` whose speaker is only ``mention``: what the resolver
    reads when it resolves another phrase than the source the finder gave."""
    return Quote(
        text=quote.text,
        start=quote.start,
        end=quote.end,
        kind=quote.kind,
        cue=quote.cue,
        speaker=Speaker(mention=mention),
    )


class _Resolver:
    """Indexes of one document, built once, and the resolution rules."""

    def __init__(self, doc: Doc, entities: list[Entity], quotes: list[Quote] | None = None) -> None:
        self.doc = doc
        # Words inside quote marks are someone else's: their pronouns say
        # nothing about the gender of the names around them.
        self.quoted = quoted_spans(doc, quotes or [])
        entities = self._retyped(entities)
        # Pronouns that are speaker mentions: the ones being resolved, so they
        # count as evidence only within the name's own sentence.
        self.speaker_pronouns = {
            q.speaker.mention.start for q in quotes or [] if q.speaker.mention and " " not in q.speaker.mention.text
        }
        self.entities = {e.id: e for e in entities}
        self.sent_starts = [s.start_char for s in doc.sents]
        # Doc.text joins every token's text on each call: read it once.
        text = self.text = doc_text(doc)
        # A paragraph starts after a run of line breaks (blank lines between
        # paragraphs do not count as paragraphs).
        self.para_starts = [0] + [m.end() for m in _PARA_BREAK.finditer(text)]
        # Rule ``hyphen_piece_mention``: a mention that starts right after a
        # hyphen inside a word ("Bell" of "Ana Lopez-Bell") is a piece of a
        # double-barrelled name, not the entity with that surname.
        spans = sorted(
            (m.start, m.end, e.id)
            for e in entities
            for m in e.mentions
            if _entity_type_ok(e.type) and not _after_word_hyphen(text, m.start)
        )
        self.mentions = spans
        self.mention_starts = [s[0] for s in spans]
        # Surname (last word) -> the people with it, for names the entities
        # stage left out (ambiguous) or NER missed at the mention.
        self.by_last_word: dict[str, list[str]] = {}
        for e in entities:
            if e.type == "PERSON":
                self.by_last_word.setdefault(surname_of(e.name, _LEX), []).append(e.id)
        # Title word of a person's role -> the people the article gives it.
        self.role_heads: dict[str, list[str]] = {}
        for e in entities:
            if e.type == "PERSON" and e.role:
                for word in _role_heads(e.role):
                    self.role_heads.setdefault(word, []).append(e.id)
        # Words of place and group names ("Florida", "Republican"), to tell
        # "the Florida senator" from "Vermont Sen. Bernie Sanders".
        self.place_words = {
            w.lower() for e in entities if e.type in ("GPE", "LOC") for m in e.mentions for w in m.text.split()
        }
        self.group_words = {w.lower() for e in entities if e.type == "NORP" for m in e.mentions for w in m.text.split()}
        self.quoted_starts = [q[0] for q in self.quoted]
        # Rule ``reported_is_talked_about``: the content of every attribution
        # (a reported clause as much as a quote): a name there is someone
        # the speaker talks about ("Doe said that Roe would win. He added").
        self.reported = _merged((q.start, q.end) for q in quotes or [])
        self.reported_starts = [r[0] for r in self.reported]
        # Sentence -> people resolved as the speaker of a quote there.
        self.speakers_in: dict[int, set[str]] = {}
        self.refs: list[_Ref] = []
        self.gender: dict[str, str] = {}
        self._index_refs_and_gender()
        self.ref_starts = [r.start for r in self.refs]
        # The content of the quote being resolved (see ``recent``).
        self.current: tuple[int, int] = (0, 0)
        # Roles that descriptions gave named people ("the prime minister").
        self.learned_roles: dict[str, str] = {}
        # Head lemma of a description -> what it resolved to.
        self.descriptions: dict[str, _Resolved] = {}
        # The words of a definite description -> the entity it was linked to.
        self.exact_descriptions: dict[str, _Resolved] = {}
        # Rule ``story_company``: head lemma -> the organisation a generic
        # description ("the company") was linked to as the one just speaking.
        self.story_orgs: dict[str, _Resolved] = {}
        # Surname -> sentence of its last speaker mention left ambiguous.
        self.unresolved: dict[str, int] = {}
        # Sentence of the previous quote (see ``pronoun``).
        self.prev_sent = -10
        # The quotes resolved so far and their speakers, in order (rule
        # ``document_author``).
        self.history: list[tuple[Quote, _Resolved]] = []
        # The quote being resolved, the one before it, and where the last
        # resolved speaker's mention ended (rules of speakers_refs.py).
        self.quote: Quote | None = None
        self.prev_quote: Quote | None = None
        self.last_mention_start = self.last_mention_end = -1
        # Short organisation names -> their full name (rule
        # ``org_short_name_is_full``), None when the article gives none.
        self._full_names: dict[str, _Resolved | None] = {}
        # The last speaker before the previous one (rule ``reply_is_not_asker``).
        self.speaker_before: _Resolved | None = None

    # -- indexes --------------------------------------------------------
    def _retyped(self, entities: list[Entity]) -> list[Entity]:
        """The entities, with the model's place and person labels set right
        where the article shows the other (rules ``person_labelled_place``
        and ``speaker_name_labelled_place``, data/speakers.toml); a copy
        for this stage only, the Brief keeps the entities stage's types."""
        doc, text = self.doc, doc_text(self.doc)
        given = _LEX.given_name_gender or {}
        out: list[Entity] = []
        for ent in entities:
            kept = [m for m in ent.mentions if not self._in_spans(m.start)]
            new_type = ent.type
            words = ent.name.split()
            if (
                ent.type == "GPE"
                and 2 <= len(words) <= 3
                and all(w[:1].isupper() and w.isalpha() for w in words)
                and words[0].lower() in given
                and words[-1].lower() not in _PLACE_NAME_ENDS
            ):
                for m in kept:
                    span = doc.char_span(m.start, m.end, alignment_mode="expand")
                    if span is not None and len(span) and span.root.dep_ in ("nsubj", "nsubjpass"):
                        new_type = "PERSON"
                        break
            elif ent.type == "PERSON" and len(kept) >= 2:
                before = [re.search(r"(\w+)\W*$", text[max(0, m.start - 20) : m.start]) for m in kept]
                if all(b is not None and b.group(1).lower() in _PLACE_PREPOSITIONS for b in before):
                    new_type = "LOC"
            out.append(ent if new_type == ent.type else replace(ent, type=new_type))
        return out

    def _in_spans(self, char: int) -> bool:
        i = bisect_right([q[0] for q in self.quoted], char) - 1
        return i >= 0 and char < self.quoted[i][1]

    def _index_refs_and_gender(self) -> None:
        doc = self.doc
        votes: dict[str, list[float]] = {}
        they_people: set[str] = set()
        last_person: tuple[str, int] | None = None  # (entity id, sentence)
        k = 0
        mentions = self.mentions
        quoted, qi = self.quoted, 0
        # Token columns, not a Token object per word.
        male, female = {doc.vocab.strings[w] for w in _MALE_PRONOUNS}, {doc.vocab.strings[w] for w in _FEMALE_PRONOUNS}
        cols = columns(doc, [SENT_START, IDX, LENGTH, LOWER])
        lows = cols[:, 3].tolist()
        last_verb = -1  # the verb whose subject last_person is (rule ``object_pronoun_is_another``)
        last_person_end = 0  # the token after last_person's mention (rule ``nearer_gendered_noun``)
        last_person_start = 0  # its first token (rule ``relative_object_is_another``)
        # Only the words where something happens are visited: where a
        # mention is taken up (the first word ending after its start, in
        # mention order) and the gendered pronouns; the rest change nothing.
        ends = (cols[:, 1] + cols[:, 2]).astype(np.int64)
        at = np.searchsorted(ends, np.array([m[0] for m in mentions], dtype=np.int64), side="right")
        pronouns = np.array(sorted(male | female), dtype=np.uint64)
        taken_up = np.maximum.accumulate(at) if len(at) else at
        visits = np.union1d(taken_up, np.flatnonzero(in_sorted(cols[:, 3], pronouns)))
        visits = visits[visits < len(lows)]
        sent_nos = (np.cumsum(cols[:, 0] == 1) - 1)[visits].tolist()
        rows = zip(visits.tolist(), sent_nos, cols[visits, 1].tolist(), cols[visits, 2].tolist(), strict=True)
        for i_tok, sent_no, idx, length in rows:
            low = lows[i_tok]
            while qi < len(quoted) and quoted[qi][1] <= idx:
                qi += 1
            in_quote = qi < len(quoted) and quoted[qi][0] <= idx
            # Mentions that start at this token.
            while k < len(mentions) and mentions[k][0] < idx + length:
                start, end, eid = mentions[k]
                k += 1
                if start < idx:
                    continue
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                # Rule ``appositive_subject``: "Her brother, Dan Roe, runs the
                # shop": a person in apposition to a subject is that subject
                # of the main clause (not an organisation: "its spokeswoman,
                # Acme," is a tagging slip).
                appos = (
                    root.dep_ == "appos"
                    and self.entities[eid].type == "PERSON"
                    and root.head.head.dep_ == "ROOT"
                )
                # Rule ``org_appositive_subject``: "The contractor, Acme
                # Works, did not respond": an organisation in apposition to
                # a subject that is no word for a person is that subject.
                org_appos = (
                    root.dep_ == "appos"
                    and self.entities[eid].type == "ORG"
                    and root.head.pos_ == "NOUN"
                    and root.head.lemma_.lower() not in _PERSON_NOUNS
                    and root.head.lemma_.lower() not in _GENDERED_NOUNS
                )
                subject = root.dep_ in ("nsubj", "nsubjpass") or (
                    (root.dep_ == "compound" or appos or org_appos) and root.head.dep_ in ("nsubj", "nsubjpass")
                )
                verb = (root.head if root.dep_ in ("nsubj", "nsubjpass") else root.head.head) if subject else None
                # Not the subject of a clause inside the sentence (relative,
                # adverbial, reported: "he found Trump to be charming").
                main = verb is not None and (
                    verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
                )
                self.refs.append(_Ref(start, eid, sent_no, subject, main, _in_question(root)))
                if self.entities[eid].type != "PERSON":
                    continue
                if root.dep_ == "poss":
                    # "Amira's father ... his": a pronoun after a possessor
                    # more often means the noun it owns.
                    continue
                if in_quote or (qi < len(quoted) and quoted[qi][0] <= start < quoted[qi][1]):
                    # Rule ``quoted_name_no_gender``: a name inside quote
                    # marks is talked about; the "she said" after the quote
                    # is the speaker's pronoun, not that name's.
                    last_person = None
                    continue
                # Rule ``pronoun_votes_for_subject``: a pronoun after a name
                # that is the object of its clause ("when Doe mentioned Roe,
                # she said") more often means someone else: only a subject
                # (or its appositive, "the mayor, Ana Roe,") takes the
                # pronouns after it as evidence.
                voter = subject or root.dep_ == "ROOT" or (
                    root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")
                )
                last_person = (eid, sent_no) if voter else None
                last_person_end = span.end
                last_person_start = span.start
                last_verb = verb.i if voter and verb is not None else -1
                v = votes.setdefault(eid, [0, 0])
                after = self.text[end : end + 60].lower()
                if any(w in after for w in _LEX.singular_they):
                    # "Sam Lee, who uses they/them pronouns": they is Sam Lee.
                    they_people.add(eid)
                # Honorifics and gendered nouns right before or after the name,
                # in its own phrase: rule ``gender_noun_own_phrase``, "Ana Roe
                # and husband Sam", "Roe's husband", "Roe, with her son" say
                # nothing of Ana Roe's gender (people.toml, gender_barriers).
                lo, hi = max(0, span.start - 3), min(len(doc), span.end + 3)
                for j in range(span.start - 1, lo - 1, -1):
                    if lows[j] in _BARRIER_IDS:
                        lo = j + 1
                        break
                for j in range(span.end, hi):
                    if lows[j] in _BARRIER_IDS:
                        hi = j
                        break
                for j in range(lo, hi):
                    g = _HONORIFIC_IDS.get(lows[j]) if j == span.start - 1 else None
                    g = g or _GENDERED_IDS.get(lows[j])
                    if g:
                        v[0 if g == "m" else 1] += 3
                kin = _kin_appositive(root)
                if kin is not None and (g := _GENDERED_NOUNS.get(kin.lemma_.lower())):
                    # Rule ``kin_appositive_gender``: "Ann Roe, his sister,"
                    # is a woman: the noun in apposition is the name's, the
                    # possessor (a barrier above) someone else.
                    v[0 if g == "m" else 1] += 3
            if last_person is not None and not in_quote and (low in male or low in female):
                eid, s = last_person
                tok = doc[i_tok]
                governor = tok.head.head if tok.dep_ == "pobj" else tok.head
                kin = _kin_appositive(doc[last_person_end - 1]) if last_person_end > 0 else None
                if kin is not None and tok.head.i == kin.i:
                    # Rule ``appositive_possessor_is_another``: the "his" of
                    # "Ann Roe, his sister," is the brother's, not Ann Roe's.
                    continue
                if governor.i == last_verb and tok.dep_ in ("dobj", "dative", "iobj", "pobj"):
                    # Rule ``object_pronoun_is_another``: "Roy asked him",
                    # "Roy read it back to him": an object of the name's own
                    # verb is someone else.
                    continue
                if (
                    tok.tag_ == "PRP"
                    and tok.dep_ in ("dobj", "dative", "iobj", "pobj")
                    and governor.dep_ == "relcl"
                    and last_person_start <= governor.head.i < last_person_end
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP" for c in governor.children)
                ):
                    # Rule ``relative_object_is_another``: "Roe, who has sat
                    # with her for years, said": an object of the name's own
                    # relative clause, whose subject "who" is the name, is
                    # someone else, as an object of its main verb is.
                    continue
                if sent_no == s and _in_relative_clause_after(tok, last_person_end):
                    # Rule ``relative_clause_pronoun_is_antecedent``: "Ana
                    # spoke to the senator, who began his speech": a pronoun
                    # in a clause about a noun after the name is that noun's.
                    continue
                if sent_no - s <= 1 and nearer_gendered_noun(doc, last_person_end, i_tok, "m" if low in male else "f"):
                    # Rule ``nearer_gendered_noun`` (speakers_refs.py).
                    continue
                # A pronoun later in the name's own sentence is better evidence
                # than one in the next sentence, which may start a new topic.
                if sent_no == s:
                    votes[eid][0 if low in male else 1] += 2
                elif sent_no - s == 1 and idx not in self.speaker_pronouns:
                    votes[eid][0 if low in male else 1] += 1
        # Rule ``given_name_gender``: a weak prior from the given name, under
        # the article's own evidence (an honorific weighs 3, a pronoun in the
        # name's sentence 2): it settles only a person the article says
        # little about, so "she" does not go to "Donald Trump".
        # A name of one word may be a surname ("Graham"), so it weighs less.
        # Rule ``census_name_gender``: names from birth and census lists
        # weigh a little less: such a list counts births, not the people in
        # the news (names both genders carry are left out of it).
        prior = _LEX.given_name_gender or {}
        census = _census_name_gender()
        for eid, ent in self.entities.items():
            words = ent.name.split() if ent.type == "PERSON" else []
            given = words[0].lower() if words else ""
            if given in prior:
                v = votes.setdefault(eid, [0, 0])
                v[0 if prior[given] == "m" else 1] += 2.5 if len(words) > 1 else 1.5
            elif given in census and len(words) > 1:
                v = votes.setdefault(eid, [0, 0])
                v[0 if census[given] == "m" else 1] += 2.0
        for eid, (m, f) in votes.items():
            if eid in they_people:
                self.gender[eid] = "x"
            elif m > f:
                self.gender[eid] = "m"
            elif f > m:
                self.gender[eid] = "f"

    def quoted_sent(self, n: int) -> bool:
        """Whether sentence ``n`` stands wholly inside quote marks (its first
        and last letters or digits do), from the offsets alone."""
        start = self.sent_starts[n]
        end = self.sent_starts[n + 1] if n + 1 < len(self.sent_starts) else len(self.text)
        piece = self.text[start:end]
        first = next((i for i, c in enumerate(piece) if c.isalnum()), None)
        if first is None:
            return False
        last = next(i for i in range(len(piece) - 1, -1, -1) if piece[i].isalnum())
        return self.in_quote(start + first) and self.in_quote(start + last)

    def _wordless_sent(self, n: int) -> bool:
        """Whether sentence ``n`` holds no letter or digit (a stray quote
        mark and line breaks)."""
        start = self.sent_starts[n]
        end = self.sent_starts[n + 1] if n + 1 < len(self.sent_starts) else len(self.text)
        return not any(c.isalnum() for c in self.text[start:end])

    def in_quote(self, char: int) -> bool:
        i = bisect_right(self.quoted_starts, char) - 1
        return i >= 0 and char < self.quoted[i][1]

    def in_reported(self, char: int) -> bool:
        i = bisect_right(self.reported_starts, char) - 1
        return i >= 0 and char < self.reported[i][1]

    def note_speaker(self, char: int, eid: str, named: bool = False) -> None:
        sent = self.sent_of(char)
        self.speakers_in.setdefault(sent, set()).add(eid)
        i = bisect_left(self.ref_starts, char)
        if not named or (i < len(self.refs) and self.ref_starts[i] == char):
            return
        # Rule ``speaker_is_antecedent``: a speaker named at a cue that the
        # model tagged no entity ('"...," Doe shot back.') is still the one
        # a later "he" may mean: a mention of that entity (not scored as a
        # subject, which the parse did not say).
        self.refs.insert(i, _Ref(char, eid, sent, False, False))
        self.ref_starts.insert(i, char)

    def _note_pronoun(self, tok: Token, eid: str) -> None:
        """Rule ``pronoun_subject_is_mention``: "He was asked about reports
        that the chairman, Dan Roe, had quit. 'I trust Dan,' he said": a
        speaker pronoun outside quote marks, resolved to an entity, is a
        mention of it there, so a later pronoun weighs it as near as the
        pronoun, not as far as its last name. Not scored as a subject: a
        name in the sentence since outweighs a guess ("Osei was cheerful. He
        posted": not the "he" of the quote before)."""
        char = tok.idx
        i = bisect_left(self.ref_starts, char)
        if self.in_quote(char) or (i < len(self.refs) and self.ref_starts[i] == char):
            return
        self.refs.insert(i, _Ref(char, eid, self.sent_of(char), False, False))
        self.ref_starts.insert(i, char)

    def sent_of(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end)."""
        i = bisect_left(self.mention_starts, end) - 1
        best: tuple[int, str] | None = None
        while i >= 0 and self.mentions[i][0] > start - 80:
            m_start, m_end, eid = self.mentions[i]
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, eid)
            i -= 1
        return self.entities[best[1]] if best else None

    def _span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    # -- resolution -----------------------------------------------------
    def named(self, ent: Entity, span: Span | None) -> _Resolved:
        role = ent.role or self.learned_roles.get(ent.id)
        if role is None and ent.type == "PERSON" and span is not None:
            role = find_role(span)
        return _Resolved(ent.name, ent.id, role, ent.type)

    def recent(
        self,
        before: int,
        types: tuple[str, ...],
        gender: str = "",
        prev: _Resolved | None = None,
        window: int = _SENTENCE_WINDOW,
        subjects_only: bool = False,
        strict: bool = False,
        exclude: str | None = None,
    ) -> _Resolved | None:
        """The best antecedent among named mentions before ``before``: recent,
        a subject, the previous quote's speaker, of a compatible gender.
        Past the window of nearby sentences, the previous speaker if
        compatible, else the most recent compatible person."""
        sent = self.sent_of(before)
        i = bisect_left(self.ref_starts, before) - 1
        best: tuple[float, int, str] | None = None
        farther: str | None = None
        farther_start = -1
        seen = 0
        while i >= 0 and seen < _MAX_CANDIDATES:
            ref = self.refs[i]
            i -= 1
            ent = self.entities[ref.eid]
            if ent.type not in types or (subjects_only and not ref.subject) or ref.eid == exclude:
                continue
            if self.current[0] <= ref.start < self.current[1] or ref.asked:
                # A name inside the quote the pronoun introduces is someone
                # the speaker talks about, never the speaker; so is one in a
                # question put to the speaker (rule ``asked_about``).
                continue
            seen += 1
            g = self.gender.get(ref.eid, "")
            if (gender and g and g != gender) or (strict and g != gender):
                continue
            distance = sent - ref.sent
            if distance > window:
                if farther is None:
                    farther, farther_start = ref.eid, ref.start
                if best is not None:
                    break
                continue
            score = -float(distance) + (1.0 if ref.subject else 0.0) + (0.5 if gender and g == gender else 0.0)
            if self.in_quote(ref.start) or self.in_reported(ref.start):
                # Named inside another quote or reported clause: talked
                # about, seldom the one talking.
                score -= 1.0
            if prev is not None and prev.entity == ref.eid:
                score += 0.75
            if best is None or score > best[0]:
                best = (score, ref.start, ref.eid)
        if best is not None:
            return self.named(self.entities[best[2]], None)
        if strict:
            return None
        if prev is not None and prev.name is not None:
            prev_gender = self.gender.get(prev.entity, "") if prev.entity else prev.gender
            prev_type = prev.type or ""
            type_ok = prev_type in types or (prev_type == "DESC" and "PERSON" in types and not prev.thing)
            # Number agrees too: "he" or "she" is not "the experts".
            number_ok = not (gender in ("m", "f") and prev.plural)
            if type_ok and number_ok and not (gender and prev_gender and prev_gender != gender):
                if (
                    farther is not None
                    and window == _SENTENCE_WINDOW
                    and self._unsexed_desc_before(prev, gender, farther, farther_start)
                ):
                    # Rule ``pronoun_passes_unsexed_desc``.
                    return self.named(self.entities[farther], None)
                return prev
        if farther is not None and window == _SENTENCE_WINDOW:
            return self.named(self.entities[farther], None)
        return None

    def _message_sender(self, start: int) -> _Resolved | None:
        """Rule ``message_it_reads_sender`` (speakers.toml, message_reads):
        the named person who sent the message "it" stands for, from the
        latest message noun (outside quote marks) in the pronoun's sentence
        before it or in the sentence before; None when it names no sender."""
        sent = self.sent_of(start)
        lo = self._span(self.sent_starts[max(0, sent - 1)], self.sent_starts[max(0, sent - 1)] + 1)
        at = self._span(start, start + 1)
        if lo is None or at is None or len(lo) == 0 or len(at) == 0:
            return None
        nouns = [
            t
            for t in self.doc[lo[0].i : at[0].i]
            if t.pos_ == "NOUN" and t.lemma_.lower() in _MESSAGE_NOUNS and not self.in_quote(t.idx)
        ]
        if not nouns:
            return None
        noun = nouns[-1]
        people: list[Token] = []
        for child in noun.children:
            if child.dep_ == "appos":
                people.append(child)
            elif child.dep_ == "prep" and child.lower_ == "from":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        people += [obj] + [a for a in obj.rights if a.dep_ == "appos"]
            elif child.dep_ == "relcl":
                # "the message Roe sent", "the message the police say Roe sent".
                verbs = [child] + [c for c in child.children if c.dep_ == "ccomp"]
                for verb in verbs:
                    if verb.lemma_.lower() in _SEND_VERBS:
                        people += [c for c in verb.children if c.dep_ == "nsubj"]
        for tok in people:
            ent = self.entity_at(tok.idx, tok.idx + len(tok.text))
            if ent is not None and ent.type == "PERSON":
                return self.named(ent, None)
        return None

    def _unnamed_org_spoke_last(self, start: int, prev: _Resolved | None) -> bool:
        """Rule ``it_continues_unnamed_org_speaker``: "The Growers' Guild
        said ... It warned": "it" right after the quote of an organisation
        the model did not tag (kept as written, its head an organisation
        word) goes on with that organisation, not with one named earlier,
        when no organisation is named (outside quote marks) in between."""
        if prev is None or prev.entity is not None or prev.plural or prev.thing or not prev.name:
            return False
        # Its head, or the last word of the name as written ("... Association").
        if prev.head not in _ORG_HEADS and prev.name.split()[-1].lower() not in _ORG_KIND_WORDS:
            return False
        if not self.history or self.history[-1][1] is not prev:
            return False
        anchor = self.history[-1][0].speaker.mention
        if anchor is None or anchor.end > start or self.sent_of(start) - self.sent_of(anchor.start) > 1:
            return False
        lo = bisect_left(self.ref_starts, anchor.end)
        hi = bisect_left(self.ref_starts, start)
        return not any(
            self.entities[ref.eid].type == "ORG" and not self.in_quote(ref.start) for ref in self.refs[lo:hi]
        )

    def _unsexed_desc_before(self, prev: _Resolved, gender: str, eid: str, ref_start: int) -> bool:
        """Rule ``pronoun_passes_unsexed_desc``: "A spokesperson for the
        board says ... Later, Ann Roe walks out ... She smiles. 'Yes,' she
        says": "he" or "she" is not an unnamed source of unstated gender
        when a person of that gender is named after that source's mention;
        it is that person."""
        if gender not in ("m", "f") or prev.type != "DESC" or prev.gender or prev.entity is not None:
            return False
        if self.gender.get(eid, "") != gender or self.entities[eid].type != "PERSON":
            return False
        for quote, resolved in reversed(self.history):
            if resolved is prev or (resolved.type == "DESC" and resolved.name == prev.name):
                anchor = quote.speaker.mention
                return anchor is not None and anchor.end <= ref_start and not self.in_quote(ref_start)
        return False

    def _gendered_subject(self, start: int, gender: str) -> _Resolved | None:
        """Rule ``gendered_subject``: an unnamed subject earlier in the
        pronoun's own sentence whose head noun states the same gender ("My
        mother has mellowed, but she still says"): the pronoun's antecedent,
        as the description it is. None when there is none, or a named person
        stands between."""
        sent = self.doc[self.doc.char_span(start, start + 1, alignment_mode="expand").start].sent
        found: Token | None = None
        for tok in sent:
            if tok.idx >= start:
                break
            if self.in_quote(tok.idx):
                continue
            if tok.ent_type_ == "PERSON":
                found = None
            elif tok.dep_ in ("nsubj", "nsubjpass") and _GENDERED_NOUNS.get(tok.lemma_.lower()) == gender:
                if tok.tag_ not in ("NNS", "NNPS") and self.entity_at(tok.idx, tok.idx + len(tok.text)) is None:
                    found = tok
        if found is None:
            return None
        left = found.left_edge.i
        return self.description(self.doc[left : found.i + 1], found.idx, None)

    def _it_subject(self, start: int, org: _Resolved | None) -> _Resolved | None:
        """Rule ``it_is_the_subject_described``: "it" after a sentence whose
        subject is an organisation or a document the article does not name
        ("Doe's campaign backtracked ... it said", "The staff letter noted
        ... It added") is that description, when it comes after the last
        mention of the organisation the pronoun would otherwise go to. Looks
        at the pronoun's own sentence before it and the sentence before."""
        sent = self.sent_of(start)
        lo = self.sent_starts[max(0, sent - 1)]
        tok_at = self._span(start, start + 1)
        if tok_at is None or len(tok_at) == 0:
            return None
        found: Token | None = None
        for tok in self.doc[self._span(lo, lo + 1)[0].i : tok_at[0].i]:
            if (
                tok.dep_ in ("nsubj", "nsubjpass")
                and tok.tag_ == "NN"
                # Rule ``it_subject_org_kind``: a kind of organisation
                # ("the hospital", "the university") as well (speakers.toml,
                # org_kind_names).
                and (
                    tok.lemma_.lower() in _ORG_HEADS
                    or tok.lemma_.lower() in _LEX.document_heads
                    or tok.lemma_.lower() in _ORG_KIND_NAMES
                )
                and not self.in_quote(tok.idx)
                and self.entity_at(tok.idx, tok.idx + len(tok.text)) is None
            ):
                found = tok
        if found is None:
            return None
        if org is not None and org.entity is not None:
            i = bisect_left(self.ref_starts, start) - 1
            while i >= 0 and self.refs[i].eid != org.entity:
                i -= 1
            if i >= 0 and self.refs[i].start > found.idx:
                return None
        described = self.description(self.doc[found.left_edge.i : found.i + 1], found.idx, None)
        if described.entity is None and org is not None and found.lemma_.lower() in _GENERIC_ORG_HEADS:
            # "the company" left unlinked says less than the organisation named.
            return None
        return described

    def _gendered_speaker(self, start: int, gender: str) -> _Resolved | None:
        """Rule ``pronoun_keeps_gendered_speaker``: "His wife, Carol, said the
        repairs cost a lot. 'I like bears,' she said": "she" after a quote
        whose speaker the article called by a noun of that gender ("his
        wife", "a mother of two"), in this or the sentence before, with no
        person named (outside quote marks) in between, is that speaker, not a
        woman named further back."""
        if not self.history:
            return None
        quote, last = self.history[-1]
        anchor = quote.speaker.mention or quote.cue
        if (
            anchor is None
            or last.gender != gender
            or last.plural
            or last.type not in ("DESC", "PERSON")
            or not 0 <= self.sent_of(start) - self.sent_of(anchor.start) <= 1
        ):
            return None
        lo = bisect_left(self.ref_starts, anchor.end)
        hi = bisect_left(self.ref_starts, start)
        for ref in self.refs[lo:hi]:
            if self.entities[ref.eid].type == "PERSON" and not self.in_quote(ref.start):
                return None
        return last

    def _relative_antecedent(self, start: int) -> str | None:
        """Rule ``relative_antecedent``: the pronoun at ``start`` is the
        subject of a relative clause whose relative word is its object
        ("Marco Rubio, whom he dubbed ...", "Lee, who she said would win"):
        the entity the clause hangs from is someone the pronoun is not. (In
        "Lee, who ran because he wanted to", the relative word is the
        subject and the pronoun may well be Lee.)"""
        span = self._span(start, start + 1)
        if span is None or len(span) == 0:
            return None
        tok = span[0]
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "relcl":
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in verb.children):
            return None
        noun = verb.head
        ent = self.entity_at(noun.idx, noun.idx + len(noun.text))
        return ent.id if ent is not None else None

    def pronoun(self, word: str, start: int, prev: _Resolved | None) -> _Resolved | None:
        if word in _MALE_PRONOUNS or word in _FEMALE_PRONOUNS:
            gender = "m" if word in _MALE_PRONOUNS else "f"
            if prev is not None and prev.candidates and self.sent_of(start) - self.prev_sent <= 1:
                # Rule ``pronoun_narrows_surname``: the previous quote's
                # speaker was a surname two people share ("Doe said ...
                # She added"); the pronoun's gender picks the one it fits.
                fits = [c for c in prev.candidates if self.gender.get(c, gender) == gender]
                if len(fits) == 1:
                    return self.named(self.entities[fits[0]], None)
                if fits:
                    # Rule ``pronoun_continues_surname``: both fit, so the
                    # pronoun is that surname again, as ambiguous as it was.
                    return prev
            asker = self._asker(prev)
            if asker is not None:
                # Rule ``reply_is_not_asker`` (speakers_refs.py): the one
                # who spoke before the question, else who a pronoun means.
                asked = self.speaker_before
                if asked is not None and asked.entity != asker.entity and asked.name != asker.name:
                    g = self.gender.get(asked.entity, "") if asked.entity else asked.gender
                    if not (g and g != gender) and not asked.plural and not asked.thing:
                        return asked
                prev = None
            elif self._described_is_latest(start, gender, prev):
                # Rule ``described_speaker_is_latest`` (speakers_refs.py).
                return prev
            return (
                self._gendered_subject(start, gender)
                or self._gendered_speaker(start, gender)
                or self.recent(
                    start,
                    ("PERSON",),
                    gender,
                    prev,
                    exclude=self._relative_antecedent(start) or (asker.entity if asker is not None else None),
                )
            )
        if word in ("it", "its"):
            # Rule ``country_it``: a country or city that is the subject of the
            # pronoun's own sentence speaks as "it" ("Even Norway, its
            # neighbour, said it was opposed"); otherwise an organisation.
            sent = self.sent_of(start)
            i = bisect_left(self.ref_starts, start) - 1
            while i >= 0 and self.refs[i].sent == sent:
                ref = self.refs[i]
                i -= 1
                if ref.main_subject and self.entities[ref.eid].type == "GPE" and not self.in_quote(ref.start):
                    return self.named(self.entities[ref.eid], None)
            if prev is not None and prev.type == "GPE" and prev.entity is not None and sent - self.prev_sent <= 1:
                # Rule ``it_continues_place_speaker``: "the City of Doeville
                # said ... It said": a city or country that spoke in the
                # sentence before goes on speaking as "it".
                return prev
            if word == "it" and self._cue_lemma(self.quote) in _READ_CUES:
                sender = self._message_sender(start)
                if sender is not None:
                    # Rule ``message_it_reads_sender``.
                    return sender
            if self._unnamed_org_spoke_last(start, prev):
                # Rule ``it_continues_unnamed_org_speaker``.
                return prev
            org = self.recent(start, ("ORG",), "", prev)
            subject_org = self._untagged_subject_org(start) if word == "it" else None
            if subject_org is not None and (org is None or org.entity != subject_org.id):
                # Rule ``it_is_previous_subject_org``.
                return self.named(subject_org, None)
            if org is None or prev is None or prev.entity != org.entity:
                described = self._it_subject(start, org)
                if described is not None:
                    return described
            if org is None:
                return self._untagged_org_subject(start, own=True)
            return org
        if word in ("they", "them", "their"):
            # "They" is more often people than an organisation: only the previous
            # speaker when that is a group, or an organisation that is the
            # subject right before.
            if prev is not None and (prev.type in ("ORG", "NORP") or prev.plural):
                return prev
            # Singular "they": a person the article says goes by it, or the
            # previous speaker when that is one unnamed person of unstated
            # gender ("a spokesperson said ... they added").
            person = self.recent(start, ("PERSON",), "x", prev, window=2, strict=True)
            if person is not None:
                return person
            if (
                prev is not None
                and prev.type == "DESC"
                and not prev.gender
                and _SINGULAR_SOURCE.match(prev.name or "")
                # Rule ``singular_they_source``: an unnamed source ("a
                # spokesperson", "the official") or a group ("a group of
                # lawmakers"), not "the FBI director" nor "the statement".
                and (prev.head in _GENERIC_HEADS or prev.head in _ORG_HEADS)
            ):
                return prev
            return self.recent(start, ("ORG",), "", None, window=1, subjects_only=True)
        return None

    def _cue_lemma(self, quote: Quote | None) -> str:
        if quote is None or quote.cue is None:
            return ""
        span = self._span(quote.cue.start, quote.cue.end)
        return span.root.lemma_.lower() if span is not None and len(span) else ""

    def _asker(self, prev: _Resolved | None) -> _Resolved | None:
        """Rule ``reply_is_not_asker``: the previous speaker, when the quote
        being resolved replies to the question they put; else None."""
        if prev is None or self.quote is None or self.prev_quote is None or self.quote.cue is None:
            return None
        if self.sent_of(self.prev_quote.start) == self.sent_of(self.quote.cue.start):
            # "Asked how long it would last, he replied": put to him.
            return None
        if not replies_to_question(self._cue_lemma(self.quote), self.prev_quote, self._cue_lemma(self.prev_quote)):
            return None
        return prev

    def _described_is_latest(self, start: int, gender: str, prev: _Resolved | None) -> bool:
        """Rule ``described_speaker_is_latest`` (speakers_refs.py): whether
        ``prev``, one person the article only describes ("a woman who lives
        nearby"), speaking in this or the sentence before, is the latest person
        before the pronoun at ``start``: no person named since its mention."""
        if (
            prev is None
            or prev.type != "DESC"
            or prev.entity is not None
            or prev.plural
            or prev.thing
            or prev.candidates
            or (prev.gender and prev.gender != gender)
            or self.last_mention_end < 0
            or not (prev.head in _PERSON_NOUNS or prev.head in _GENDERED_NOUNS or self._who_described())
            or self.sent_of(start) - self.sent_of(self.last_mention_end) > 1
        ):
            return False
        i = bisect_left(self.ref_starts, self.last_mention_start)
        while i < len(self.refs) and self.refs[i].start < start:
            ref = self.refs[i]
            i += 1
            if self.entities[ref.eid].type != "PERSON" or self.in_quote(ref.start) or self.in_reported(ref.start):
                # A name in quote marks or in what was reported is talked about.
                continue
            at = self._span(ref.start, ref.start + 1)
            if at is not None and len(at) and ref.start < self.last_mention_end and at[0].lower_ in PERSON_PRONOUNS:
                # A pronoun in the description's own clause ("who asked not
                # to be named because he feared ...") is the one described
                # (rule ``described_by_who_clause``).
                continue
            if ref.start >= self.last_mention_end:
                return False
            if at is None or at.start == 0 or self.doc[at.start - 1].pos_ != "ADP":
                # A name in the description that is not after a preposition
                # ("a spokeswoman for Ann Roe") is who it describes.
                return False
        return True

    def _who_described(self) -> bool:
        """Rule ``described_by_who_clause``: whether the last speaker's
        mention is a noun with a relative clause opened by "who" ("A miner on
        the same shift, who asked not to be named, said"): a person, whatever
        the noun, so a pronoun right after may be them."""
        span = self._span(self.last_mention_start, self.last_mention_end)
        if span is None or len(span) == 0:
            return False
        # The clause hangs from a word of the mention, inside it or past it.
        return any(
            c.dep_ == "relcl" and any(w.lower_ == "who" and w.dep_ in ("nsubj", "nsubjpass") for w in c.children)
            for t in span
            for c in t.children
        )

    def description(self, span: Span, start: int, prev: _Resolved | None) -> _Resolved:
        """A description's speaker (see ``_describe``). Rule
        ``same_description``: a definite description with a qualifier, in the
        very words of one already linked to a person or organisation here
        ("the New York businessman" ... "the New York businessman, who"), is
        that one again; another wording ("the governor") or a bare head ("the
        star", in a list of stars) is decided afresh."""
        core = _core(span)
        words = " ".join(t.lower_ for t in core)
        # With a qualifier besides the head: "the star" of a list of stars
        # may be the next one, "the New York businessman" is one person.
        definite = core[0].lower_ in ("the", "this", "that") and len(core) >= 3
        if definite and words in self.exact_descriptions:
            return self.exact_descriptions[words]
        resolved = self._describe(span, start, prev)
        if definite and resolved.entity is not None:
            self.exact_descriptions.setdefault(words, resolved)
        return resolved

    def _describe(self, span: Span, start: int, prev: _Resolved | None) -> _Resolved:
        root = span.root
        head = root.lemma_.lower()
        core = _core(span)
        if len(core) == 1 and root.pos_ in ("NUM", "PRON", "DET") and len(span) > 1:
            # "one or more of its members": a counting word alone says nothing.
            core = span
        first = core[0].lower_
        plural = root.tag_ in ("NNS", "NNPS")
        # 1. An appositive names it: "the company's chief, Tim Cook," / "Tim Cook, the chief".
        # The name may sit inside the mention ("One Republican hopeful, Carly
        # Fiorina, said"); a plural ("Two rivals, A and B") names no one person.
        # The parser may hang the name on the last noun of the description's
        # own qualifier ("A forecaster in Portland, Eric Haines,"): a place or
        # organisation has no person in apposition, so that name is the
        # description's.
        hung = [
            a
            for prep in root.rights
            if prep.dep_ == "prep" and not root.ent_type_
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "ORG", "FAC", "NORP")
            for a in obj.rights
            if a.dep_ == "appos" and a.ent_type_ == "PERSON"
        ]
        if root.lemma_.lower() in _ORG_HEADS and not root.ent_type_:
            # Rule ``org_name_hung_on_qualifier``: "The company behind the
            # lander, Brightline Aerospace, posted": an organisation's name
            # the parser hung on the common noun of an organisation
            # description's qualifier is the description's.
            hung += [
                a
                for prep in root.rights
                if prep.dep_ == "prep"
                for obj in prep.children
                if obj.dep_ == "pobj" and not obj.ent_type_ and obj.pos_ == "NOUN"
                for a in obj.rights
                if a.dep_ == "appos" and a.ent_type_ == "ORG"
            ]
        given = name_in_relative(root) if not plural else None
        if given is not None and (ent := self.entity_at(given.idx, given.idx + len(given.text))) is not None:
            # Rule ``name_in_relative`` (speakers_refs.py).
            return self.named(ent, self._ent_span(given))
        gender = _GENDERED_NOUNS.get(head, "")
        for tok in list(root.children) + [root.head] + hung:
            if (tok.dep_ == "appos" or root.dep_ == "appos") and tok.ent_type_ and not plural:
                ent = self.entity_at(tok.idx, tok.idx + len(tok.text))
                if ent is None:
                    continue
                # The entities stage's type, not the model's token label: it
                # may have retyped the name from the article ("Liam, 16,").
                # Rule ``person_description_names``: a name the model gave a
                # place's label, in apposition to a word for a person ("The
                # inspector general, Ada Oko,", "Her son, Liam,"), is that
                # person (a place is never "the inspector general").
                person_head = gender != "" or (head in _PERSON_NOUNS and head not in _ORG_HEADS)
                if ent.type not in ("PERSON", "ORG") and not person_head:
                    continue
                inside = tok.i in range(span.start, span.end)
                if not inside or tok in hung or (tok.head.i == root.i and tok.i > root.i):
                    # The title before the name ("the other candidate, former
                    # Governor Ann Reyes") is her role, if any.
                    resolved = self._as_role(self.named(ent, self._ent_span(tok)), core)
                    if ent.type != "PERSON" and (gender or ent.type != "ORG"):
                        # Rule ``gendered_apposition_is_person``: "His wife,
                        # Carol," is a woman whatever label the name was given.
                        resolved = _Resolved(resolved.name, resolved.entity, resolved.role, "PERSON", gender)
                    return resolved
        org_after = self._org_after_description(core) if not plural else None
        if org_after is not None:
            return self.named(org_after, None)
        named_after = self._name_after_description(core) if not plural else None
        if named_after is not None:
            return self._as_role(self.named(named_after, None), core)
        untagged = self._untagged_name_in_apposition(root) if not plural and head in _PERSON_NOUNS else None
        if untagged is not None:
            return self._as_role(_Resolved(untagged, None, None, "PERSON"), core)
        second = self._second_subject(span) if not plural else None
        if second is not None:
            return self._as_role(self.named(second, None), core)
        in_name = self._org_with_these_words(core) if not plural else None
        if in_name is not None:
            return self.named(in_name, None)
        # Rule ``org_with_kind_noun``: "Harbour & Table magazine", "the Acme
        # company": an organisation's name before an organisation word is
        # that organisation, the word only says what kind it is.
        if head in _ORG_HEADS and not plural:
            named = [t for t in core if t.i < root.i and t.dep_ not in ("det", "poss", "punct")]
            # Not after a determiner: "the Save Our Parks group" is how the
            # article describes it, "Acme magazine" names it.
            if named and named[0].i == core.start and named[0].ent_type_ == "ORG":
                lo, hi = named[0].idx, root.idx
                ent = self.entity_at(lo, hi)
                if ent is not None and ent.type == "ORG" and any(
                    m.start == lo and self.text[m.end : hi].strip() == "" for m in ent.mentions
                ):
                    return self.named(ent, None)
        # 2. A definite description with the same head noun as an earlier one
        # that named an organisation ("the company"); an earlier unnamed one
        # ("A senior official said ..." then "the official said") is taken
        # last, and a person is never linked this way: a live blog's "the
        # Ohio governor" at noon is not its "the governor" at six.
        definite = first in ("the", "this", "that", "these", "those")
        key = (head, plural)
        cached = self.descriptions.get(key) if definite else None
        # (Not when a noun or possessor before the head says which: "the
        # state mediation board", "the city's board".)
        which = any(t.dep_ in ("compound", "poss") for t in core if t.i < root.i)
        if definite and not plural and (head in _GENERIC_ORG_HEADS or head in _LAST_SPEAKER_HEADS) and not which:
            spoke = self._org_just_spoke(start, head)
            if spoke is not None:
                self.story_orgs[head] = spoke
                return spoke
        if cached is not None and cached.entity is not None and cached.type != "PERSON":
            return cached
        # 3. The one person whose stated role has this title ("Defence Minister
        # Anna Berg" ... "the minister"; "Florida Sen. Marco Rubio" ... "the
        # Florida senator"). When the description's place or party words are
        # in that role it is decided here; a bare title ("the governor") gives
        # way to a strong local link (step 5) to a person whose title the
        # article did not state.
        by_role: str | None = None
        # Rule indefinite_is_new: "a spokeswoman for the mayor" is someone
        # new, not the spokeswoman named before.
        indefinite = first in _LEX.indefinite_determiners
        # "His lawyer", "the company's chief": a role relative to someone
        # else, not the title a person was given (rule possessed_role).
        possessed = any(t.dep_ == "poss" for t in core if t.i < root.i)
        if not plural and not indefinite and not possessed and _title(head) in self.role_heads:
            by_role, by_place = self._by_role(_title(head), core)
            if by_role is not None and by_place:
                resolved = self.named(self.entities[by_role], None)
                return resolved
        if first in ("the", "this", "that") and not plural and head in authored_documents() and len(core) <= 3:
            # Rule ``document_author`` for a description reached another way
            # ("it" standing for "the statement"): the speaker whose
            # attribution spoke of the document.
            source = self._document_issuer(start, head)
            if source is not None:
                return source
        # 4. "the company": the organisation being talked about (one: "the
        # campaigns" are several).
        personal = head in TITLE_WORDS or head in PERSON_EPITHETS or head in _LEX.person_heads or head in _GENERIC_HEADS
        if first in ("the", "its") and len(core) <= 3 and not plural and (head in _ORG_HEADS or not personal):
            # An organisation named with this word ("the ministry" -> the
            # Finance Ministry; rule org_named_by_head, any head that names
            # no person: "the festival", "the appeals court"); a generic word
            # ("the company") may also be the organisation that was just the
            # subject.
            org = self._recent_org_named(start, head, name_head=head not in _ORG_HEADS)
            if org is None:
                org = self._untagged_speaker_with_head(start, head)
            if org is None and head in _ORG_KIND_NAMES and not which:
                org = self._untagged_org_of_kind(start, head)
            if org is None and head in _GENERIC_ORG_HEADS:
                org = self._org_subject_of_report(start)
            if org is None and head in _GENERIC_ORG_HEADS:
                org = self.recent(start, ("ORG",), "", prev, window=2, subjects_only=True)
            if org is None and len(core) == 2:
                org = self._org_introduced(start, head)
            if org is None and head in _GENERIC_ORG_HEADS:
                org = self._untagged_org_subject(start)
            if org is None:
                org = self._org_name_opening_with(start, core)
            if org is None and head in _GENERIC_ORG_HEADS and not which:
                org = self._lead_subject_org(start)
            if org is not None:
                self.descriptions[key] = org
                return org
        if first in _LATER_ORG_DETERMINERS and len(core) <= 3 and not plural and head in _ORG_KIND_NAMES:
            later = self._org_named_later(start, head)
            if later is not None:
                return later
        if first == "the" and not plural and len(core) > 1:
            if _AGE_EPITHET.fullmatch(self.text[core[1].idx : root.idx + len(root)]):
                eid = self._age_antecedent(start)
                if eid is not None:
                    return self.named(self.entities[eid], None)
        # 5. A definite title or epithet ("the US secretary of state", "the
        # businessman") is a named person only with a strong local link: the
        # one compatible person named in this or the previous sentence, as a
        # subject or a quote's speaker. A live blog moves from one person to
        # the next, so the person quoted a while ago is no evidence. "The head
        # of China's delegation" says whose it is and is left alone.
        person_head = (
            head in TITLE_WORDS or head in PERSON_EPITHETS or head in _LEX.person_heads
        ) and head not in _GENERIC_HEADS
        if first == "the" and person_head and not plural and not any(t.tag_ == "POS" for t in core):
            # A person the article gives this title (step 3) is not overruled
            # by the looser link (rule one_subject).
            eid = self._local_person(start, _GENDERED_NOUNS.get(head, ""), head, core, prev, loose=by_role is None)
            holder = by_role is not None and eid != by_role and self._spoke(by_role)
            if eid is not None and holder and not self._spoke(eid):
                # Rule ``title_holder_who_spoke``: "Judge Ann Roe said ...
                # Ben Lo wept. The judge ordered": the one person the
                # article gives this office, who has spoken, over a local
                # subject who never has.
                eid = by_role
            if eid is not None:
                return self._as_role(self.named(self.entities[eid], None), core)
        if by_role is not None:
            return self.named(self.entities[by_role], None)
        if not plural and not indefinite and (definite or possessed) and _title(head) in self.role_heads:
            later = self._named_later(start, _title(head), core)
            if later is not None:
                return self.named(self.entities[later], None)
        person_word = head in TITLE_WORDS or head in PERSON_EPITHETS or head in _LEX.person_heads
        if not plural and first == "the" and person_word and head not in _GENERIC_HEADS:
            lead = self._lead_named_next(start, head, core)
            if lead is not None:
                return self._as_role(self.named(self.entities[lead], None), core)
        if not plural and person_word and core[0].dep_ != "det" and not possessed and self.para_of(start) == 0:
            lead = self._headline_in_lead(start, head)
            if lead is not None:
                return lead
        if (
            not plural
            and (not indefinite or self._lead_paragraph(start))
            and person_word
            and (self.para_of(start) <= 1 or self._lead_paragraph(start))
            and _title(head) in self.role_heads
            and len(core) <= (3 if indefinite else 2)
        ):
            # Rule ``lead_description_titled_later``: "Director says she will
            # go to court" over "..., prompting its director to say ...":
            # a bare, definite or possessed title in the headline or the
            # lead is the one person the article later gives that title
            # ("Director Meher Kapoor"), however far down, when nobody with
            # that title was named before it.
            later = self._named_later(start, _title(head), core, window=len(self.sent_starts))
            if later is not None:
                return self._as_role(self.named(self.entities[later], None), core)
        if definite and not plural and not which and head in self.story_orgs:
            # Rule ``story_company``: "the company" that nothing nearer links
            # is the organisation an earlier "the company" was, the one that
            # had just spoken (not cached for the nearer rules above: a
            # round-up moves from one company to the next).
            return self.story_orgs[head]
        if first == "the" and len(core) == 2 and not plural and head not in _ORG_HEADS and root.pos_ == "NOUN":
            introduced = self._person_introduced(start, head)
            if introduced is not None:
                # Rule ``person_introduced_by_head``: also a mention of that
                # person here, for a "she" that follows.
                self.note_speaker(start, introduced.id, named=True)
                return self._as_role(self.named(introduced, None), core)
        if indefinite and not plural and (head in _PERSON_NOUNS or head in _GENDERED_NOUNS):
            later_named = self._indefinite_named_next(span, head)
            if later_named is not None:
                return self._as_role(self.named(later_named, None), core)
        if cached is not None and cached.entity is None:
            return cached
        # 6. Never linked: the description itself is the name, as written.
        resolved = _Resolved(core.text, None, None, "DESC", _GENDERED_NOUNS.get(head, ""), plural, head=head)
        self.descriptions[key] = resolved
        return resolved

    def _lead_paragraph(self, start: int) -> bool:
        """Whether ``start`` is in the story's lead: the first paragraph
        after the headline (and a byline) that is prose: more than a short
        line, ending as a sentence ends (a headline or byline does not)."""
        for n in range(min(4, len(self.para_starts))):
            lo = self.para_starts[n]
            hi = self.para_starts[n + 1] if n + 1 < len(self.para_starts) else len(self.text)
            piece = self.text[lo:hi].rstrip()
            if len(piece) > 60 and piece[-1] in ".!?\"”’'":
                return lo <= start < hi
        return False

    def _named_later(self, start: int, title: str, core: Span, window: int = _SENTENCE_WINDOW) -> str | None:
        """Rule ``description_named_later``: "... its regional secretary
        said. 'We came in good faith,' said Jo Bell, regional secretary of
        the union": a description of one person that opens the story is the
        one person the article names with that title within the next few
        sentences, when nobody with that title was named before it."""
        sent = self.sent_of(start)
        found: list[str] = []
        for eid in dict.fromkeys(self.role_heads[title]):
            first = min(m.start for m in self.entities[eid].mentions)
            if first < start:
                return None
            near = self.sent_of(first) - sent <= window
            if near and not self._conflicts(eid, core.root.lemma_.lower(), core):
                found.append(eid)
        return found[0] if len(found) == 1 else None

    def _indefinite_named_next(self, span: Span, head: str) -> Entity | None:
        """Rule ``indefinite_named_next``: "A police spokeswoman said ... .
        'We respect it,' said the spokeswoman, Ada Obi": a person described
        with an indefinite article is the one person named for the first time
        in apposition to "the" and the same head noun within the next
        ``_NAMED_NEXT_WINDOW`` sentences (outside quote marks); None when
        none or several are."""
        doc = self.doc
        sent = self.sent_of(span.start_char)
        last = min(len(self.sent_starts) - 1, sent + _NAMED_NEXT_WINDOW)
        hi = self.sent_starts[last + 1] if last + 1 < len(self.sent_starts) else len(self.text)
        found: set[str] = set()
        for tok in doc[span.end :]:
            if tok.idx >= hi:
                break
            if tok.lemma_.lower() != head or tok.tag_ != "NN" or self.in_quote(tok.idx):
                continue
            if tok.i == 0 or doc[tok.i - 1].lower_ != "the":
                continue
            ent = self._appositive_person(tok)
            if ent is not None and min(m.start for m in ent.mentions) > span.start_char:
                found.add(ent.id)
        return self.entities[found.pop()] if len(found) == 1 else None

    def _appositive_person(self, noun: Token) -> Entity | None:
        """The person named right after ``noun`` and a comma, with at most
        one title word between ("the spokeswoman, Inspector Ada Obi"), or
        None."""
        doc = self.doc
        k = noun.i + 1
        if k + 1 >= len(doc) or doc[k].text != ",":
            return None
        k += 1
        if doc[k].ent_type_ != "PERSON" and k + 1 < len(doc) and doc[k].is_title:
            k += 1  # a title the model left out of the name
        if doc[k].ent_type_ != "PERSON" or self.in_quote(doc[k].idx):
            return None
        name = self._ent_span(doc[k])
        if name.end < len(doc) and (doc[name.end].text not in (",", ".", ";") or doc[name.end].is_quote):
            return None
        if name.end + 1 < len(doc) and doc[name.end + 1].lower_ in ("and", "or"):
            return None  # a list: "the judge, Ann Roe, and the clerk"
        ent = self.entity_at(name.start_char, name.end_char)
        return ent if ent is not None and ent.type == "PERSON" else None

    def _headline_in_lead(self, start: int, head: str) -> _Resolved | None:
        """Rule ``headline_description_is_lead``: "Fire chief tells inquiry
        ..." over "The fire chief of a town ... told an inquiry": a bare
        description in the headline (the first paragraph, one sentence) is
        the person the lead's first definite description with that head is
        linked to, in the next few sentences."""
        sent = self.sent_of(start)
        # The headline is one sentence, a paragraph of its own.
        if sent != 0 or len(self.sent_starts) < 2 or len(self.para_starts) < 2:
            return None
        if self.sent_of(self.para_starts[1]) != 1:
            return None
        lo = self.sent_starts[1]
        hi = self.sent_starts[min(len(self.sent_starts) - 1, 1 + _SENTENCE_WINDOW)]
        span = self._span(lo, hi)
        if span is None:
            return None
        for tok in span:
            if tok.lemma_.lower() != head or tok.pos_ != "NOUN" or tok.tag_ != "NN" or self.in_quote(tok.idx):
                continue
            left = tok.left_edge
            if left.lower_ != "the" or left.dep_ != "det":
                continue
            linked = self.description(self.doc[left.i : tok.right_edge.i + 1], tok.idx, None)
            return linked if linked.entity is not None and linked.type == "PERSON" else None
        return None

    def _org_named_later(self, start: int, head: str) -> _Resolved | None:
        """Rule ``org_named_later``: "Doctors will stay on strike, their
        union said ... the Kenya Union of Medical Practitioners": a
        description of a kind of organisation that no organisation before it
        is, is the one organisation of that kind the next few sentences name
        first (speakers.toml, org_kind_names)."""
        kinds = _ORG_KIND_NAMES[head]

        def of_kind(ent: Entity) -> bool:
            words = ent.name.lower().split()
            before_of = words[: words.index("of")] if "of" in words else words
            return len(words) >= 2 and before_of[-1] in kinds

        sent = self.sent_of(start)
        found: list[str] = []
        for ent in self.entities.values():
            if ent.type != "ORG" or not of_kind(ent):
                continue
            first = min(m.start for m in ent.mentions)
            if first < start:
                return None
            if self.sent_of(first) - sent <= _SENTENCE_WINDOW:
                found.append(ent.id)
        return self.named(self.entities[found[0]], None) if len(found) == 1 else None

    def _lead_named_next(self, start: int, head: str, core: Span) -> str | None:
        """Rule ``lead_description_named_next``: "The former chief of Acme
        told an inquiry ... . Jo Bell, who ran the firm for nine years,
        spent the day ...": a definite description of a person before any
        person is named is the one person the next sentence names for the
        first time as its main subject."""
        i = bisect_left(self.ref_starts, start)
        # (A byline's "By Ann Lee" names no subject.)
        if any(self.entities[r.eid].type == "PERSON" and r.subject for r in self.refs[:i]):
            return None
        sent = self.sent_of(start)
        gender = _GENDERED_NOUNS.get(head, "")
        found: list[str] = []
        for ref in self.refs[i:]:
            if ref.sent > sent + 1:
                break
            ent = self.entities[ref.eid]
            if ref.sent != sent + 1 or ent.type != "PERSON" or not ref.main_subject or self.in_quote(ref.start):
                continue
            first_named = min(m.start for m in ent.mentions) == ref.start
            if not first_named or (gender and self.gender.get(ref.eid, gender) != gender):
                continue
            if not self._conflicts(ref.eid, head, core) and ref.eid not in found:
                found.append(ref.eid)
        return found[0] if len(found) == 1 else None

    def possessive_colon(self, quote: Quote) -> _Resolved | None:
        """Rule ``possessive_colon_speaker`` (data/speakers.toml, verdict_nouns):
        the name whose possessed noun of saying and a colon stand right before
        the quote's opening mark ("Ana Roe's verdict: 'Gorgeous.'"), or None."""
        span = self._span(quote.start, quote.start + 1)
        if span is None or len(span) == 0:
            return None
        doc = self.doc
        i = span[0].i - 1
        while i >= 0 and doc[i].is_quote:
            i -= 1
        if i < 1 or doc[i].text != ":" or doc[i - 1].lemma_.lower() not in _VERDICT_NOUNS:
            return None
        owner = next((c for c in doc[i - 1].children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None or self.in_quote(owner.idx):
            return None
        ent = self.entity_at(owner.idx, owner.idx + len(owner.text))
        return self.named(ent, None) if ent is not None and ent.type in ("PERSON", "ORG") else None

    def _untagged_name_in_apposition(self, noun: Token) -> str | None:
        """Rule ``titled_name_after_description``, for a name the model
        tagged as nothing: "The committee's chair, Liberal MP Anand Sethi,
        said": the proper name in apposition to a word for a person, after
        a comma, without the party and title words before it (two or three
        title-case words of no entity); None when there is none."""
        doc = self.doc
        for child in noun.rights:
            if child.dep_ != "appos" or child.pos_ != "PROPN" or doc[child.left_edge.i - 1].text != ",":
                continue
            words = list(doc[child.left_edge.i : child.i + 1])
            # After the last title word ("MP", "Sen."), a party before it.
            titles = [i for i, t in enumerate(words) if t.lower_.rstrip(".") in TITLE_WORDS or t.is_upper]
            words = words[titles[-1] + 1 :] if titles else words
            if not 2 <= len(words) <= 3 or not all(t.pos_ == "PROPN" and t.is_title for t in words):
                return None
            end = words[-1].idx + len(words[-1].text)
            if self.entity_at(words[0].idx, end) is not None or self.in_quote(words[0].idx):
                return None
            return doc[words[0].i : words[-1].i + 1].text
        return None

    def _lead_subject_org(self, start: int) -> _Resolved | None:
        """Rule ``company_is_lead_subject``: "Brackenford Opera has warned
        it may cancel its season ... The company had planned ...": a
        generic organisation word nothing nearer links is the organisation
        that is the main subject of the lead's first sentence (outside quote
        marks), when one is."""
        paras = range(min(4, len(self.para_starts)))
        lead = next((n for n in paras if self._lead_paragraph(self.para_starts[n])), None)
        if lead is None or self.para_of(start) <= lead:
            # (In the lead itself, or a story of one paragraph: no lead to
            # set the story's company apart.)
            return None
        at = self._span(self.para_starts[lead], self.para_starts[lead] + 1)
        if at is None or len(at) == 0:
            return None
        root = at[0].sent.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or self.in_quote(subject.idx):
            return None
        ent = self.entity_at(subject.idx, subject.idx + len(subject.text))
        if ent is not None:
            return self.named(ent, None) if ent.type == "ORG" else None
        # An untagged name that is no person's (its first word no given name).
        name = self._name_run(subject)
        if name is None or name.split()[0].lower() in (_LEX.given_name_gender or {}) or " " not in name:
            return None
        return _Resolved(name, None, None, "ORG")

    def _filing_party(self, start: int, noun: str) -> _Resolved | None:
        """Rule ``filing_party``: the named subject of the first verb of
        suing before ``start``, or of filing the noun ("filed a lawsuit"),
        outside quote marks; None when there is none."""
        for tok in self.doc:
            if tok.idx >= start:
                break
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or self.in_quote(tok.idx):
                continue
            if lemma in _FILINGS["file_verbs"]:
                if not any(c.dep_ == "dobj" and c.lemma_.lower() == noun for c in tok.children):
                    continue
            elif lemma not in _FILINGS["sue_verbs"]:
                continue
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            ent = self.entity_at(subject.idx, subject.idx + len(subject.text)) if subject is not None else None
            if ent is not None and ent.type in ("PERSON", "ORG"):
                # (A headline's "Audio library sues ..." names no one: the
                # lead's "Soundmere has sued" does.)
                return self.named(ent, None)
        return None

    def _person_of_org_before(self, span: Span) -> Entity | None:
        """Rule ``person_of_org_before``: "Rick Tamblyn of the cycling group
        Safe Lines Simcoe said", where the parser made the organisation the
        cue's subject: the person named right before "of", "from" or "at",
        a determiner and a few lower-case words before the organisation's
        name, is the speaker; None when no person stands there."""
        doc = self.doc
        k = span.start - 1
        while k > span.start - 5 and k >= 0:
            tok = doc[k]
            if not (tok.dep_ == "det" or (tok.is_lower and tok.pos_ in ("NOUN", "ADJ"))):
                break
            k -= 1
        if k < 1 or doc[k].lower_ not in ("of", "from", "at") or self.in_quote(doc[k].idx):
            return None
        before = doc[k - 1]
        person = self.entity_at(before.idx, before.idx + len(before.text))
        return person if person is not None and person.type == "PERSON" else None

    def _later_person_subject(self, root: Token, end: int) -> _Resolved | None:
        """Rule ``later_person_subject``: "Outside court, one of the
        victims, Carol Denby, 71, said": the parser gave the cue two
        subjects, a fronted phrase and a name; the speaker is the person
        named as the verb's later subject (outside quote marks), not a
        common noun that names no person."""
        if root.dep_ not in ("nsubj", "nsubjpass") or root.pos_ != "NOUN" or self._person_noun(root):
            return None
        if root.lemma_.lower() in _GENDERED_NOUNS:
            return None
        for other in root.head.children:
            if other.dep_ in ("nsubj", "nsubjpass") and other.i > root.i and other.idx >= end:
                ent = self.entity_at(other.idx, other.idx + len(other.text))
                if ent is not None and ent.type == "PERSON" and not self.in_quote(other.idx):
                    return self.named(ent, self._ent_span(other))
        return None

    def _document_own_or_first_author(self, span: Span) -> Span | None:
        """Rule ``document_author_far``: "The letter, signed by Ann Roe,
        argued", and "Ann Roe announced the cuts in a memo to staff ...
        [many sentences] ... according to the memo": the author the
        document's own phrase names, else the author of the latest earlier
        mention of that document (outside quote marks), however far back,
        when that one names its author; None otherwise."""
        root = span.root
        own = author_of(root)
        if own is not None and not (span.start <= own.i < span.end):
            return author_phrase(own)
        lemma = root.lemma_.lower()
        for tok in reversed(self.doc[: span.start]):
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN" or tok.tag_ != "NN" or self.in_quote(tok.idx):
                continue
            author = author_of(tok)
            prep = tok.head
            if author is None and tok.dep_ == "pobj" and prep.lower_ in ("in", "through", "via"):
                # "Roe announced the cuts in a memo": the parser hung "in a
                # memo" on the verb's object; the verb's subject wrote it.
                obj = prep.head
                if obj.dep_ == "dobj" and obj.head.pos_ == "VERB":
                    author = next((c for c in obj.head.children if c.dep_ == "nsubj"), None)
            if author is None or self.in_quote(author.idx):
                return None
            return author_phrase(author)
        return None

    def dash_credit(self, quote: Quote) -> _Resolved | None:
        """Rule ``dash_credit_speaker``: a quote standing alone, credited
        after it with a dash and a name ('"I regret nothing." - Sam Roe
        (@samroe), on X'), as round-ups of posts and pull quotes print
        them: the person (or organisation) the dash names; None when no
        tagged name starts right after the dash."""
        m = re.compile(r"[\"”’'.,!?]*[ \t]*[-–—]{1,2}[ \t]*").match(self.text, quote.end)
        if m is None or not re.search(r"[-–—]", m.group()):
            return None
        i = bisect_left(self.mention_starts, m.end())
        if i < len(self.mentions) and self.mentions[i][0] == m.end():
            ent = self.entities[self.mentions[i][2]]
            return self.named(ent, None) if ent.type in ("PERSON", "ORG") else None
        # A name the model did not tag: two or three title-case words, then
        # a handle, a comma or the line's end ("- Ana Roe (@ana), on X").
        run = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}(?=\s*(?:\(|,|$))", re.M).match(self.text, m.end())
        if run is None:
            return None
        return _Resolved(run.group(), None, None, "PERSON")

    def _spoke(self, eid: str) -> bool:
        """Whether ``eid`` was the speaker of a quote resolved so far."""
        return any(resolved.entity == eid for _, resolved in self.history)

    def _org_with_these_words(self, core: Span) -> Entity | None:
        """Rule ``description_in_org_name``: "safety board says" in a headline,
        "the local health district": a description whose words (two or more,
        the head among them) all stand in the name of one organisation of the
        article, before or after it, is that organisation."""
        words = [t for t in core if not (t.dep_ == "det" or t.is_punct)]
        if core[0].dep_ == "det" and core[0].lower_ != "the":
            return None
        if len(words) < 2 or not all(t.is_alpha for t in words) or any(t.tag_ == "POS" for t in core):
            return None
        wanted = {t.lower_ for t in words}
        fits = [
            e
            for e in self.entities.values()
            if e.type == "ORG" and wanted <= {w.lower() for w in re.findall(r"[^\W\d_]+", e.name)}
        ]
        return fits[0] if len(fits) == 1 else None

    def _name_after_description(self, core: Span) -> Entity | None:
        """Rule ``name_after_description``: "The driver, Ana Roe, 61, told",
        "Acme's head of research, Jo Lee, said": a person's name between
        commas right after a description of one person is who it describes,
        however the parser hung the name (a second subject, an appositive of
        the qualifier's last noun). Not an organisation's description ("the
        company, Acme,") nor a list ("the mayor, Jo Lee, and the chief")."""
        doc = core.doc
        comma = core.end
        if comma + 1 >= len(doc) or doc[comma].text != "," or core.root.lemma_.lower() in _ORG_HEADS:
            return None
        k = comma + 1
        # Rule ``titled_name_after_description``: "The committee's chair,
        # Liberal MP Anand Sethi, said": a party and a title may stand
        # before the name (up to three capitalised words of no person).
        while (
            k < min(len(doc) - 1, comma + 4)
            and doc[k].ent_type_ != "PERSON"
            and (doc[k].ent_type_ == "NORP" or doc[k].lower_.rstrip(".") in TITLE_WORDS or doc[k].is_upper)
            and doc[k].text[:1].isupper()
        ):
            k += 1
        first = doc[k]
        if first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
            return None
        end = first.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ in ("and", "or"):
            return None
        ent = self.entity_at(first.idx, doc[end - 1].idx + len(doc[end - 1].text))
        return ent if ent is not None and ent.type == "PERSON" else None

    def _org_after_description(self, core: Span) -> Entity | None:
        """Rule ``org_name_after_org_description``: "the national cocoa
        regulator, the Ghana Cocoa Marketing Authority (GCMA), announced":
        an organisation's name between commas (its acronym in parentheses
        may follow) right after a description of a kind of organisation is
        the organisation described, however the parser hung it (an
        appositive, a conjunct). Not a list ("the regulator, the X Authority
        and the Y Office")."""
        doc = core.doc
        head = core.root.lemma_.lower()
        if head not in _ORG_HEADS and head not in _ORG_KIND_NAMES:
            return None
        k = core.end
        if k + 1 >= len(doc) or doc[k].text != ",":
            return None
        k += 1
        if doc[k].lower_ == "the":
            k += 1
        if k >= len(doc) or doc[k].ent_type_ != "ORG" or self.in_quote(doc[k].idx):
            return None
        name = self._ent_span(doc[k])
        end = name.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            end += 3
        if end >= len(doc) or doc[end].text != "," or (end + 1 < len(doc) and doc[end + 1].lower_ in ("and", "or")):
            return None
        ent = self.entity_at(name.start_char, name.end_char)
        return ent if ent is not None and ent.type == "ORG" else None

    def _second_subject(self, span: Span) -> Entity | None:
        """Rule ``name_as_second_subject``: "Civil liberties group the Open
        Street Project said", "Opposition spokeswoman Aoife Brannigan
        argued": a name right after a subject description, which the parser
        made a second subject of the same verb, is who the description is."""
        doc = span.doc
        root = span.root
        if root.dep_ not in ("nsubj", "nsubjpass") or span.end >= len(doc):
            return None
        k = span.end + (1 if doc[span.end].lower_ == "the" else 0)
        if k >= len(doc) or doc[k].ent_iob_ != "B":
            return None
        name = self._ent_span(doc[k])
        head = name.root
        if head.dep_ != root.dep_ or head.head.i != root.head.i or self.in_quote(name.start_char):
            return None
        ent = self.entity_at(name.start_char, name.end_char)
        return ent if ent is not None and ent.type in ("PERSON", "ORG") else None

    def _org_just_spoke(self, start: int, head: str) -> _Resolved | None:
        """Rule ``company_is_last_org_speaker``: "Kuroda Motor said it is
        recalling cars. The company said": "the company" is the organisation
        named as the speaker of the quote just before, in this or the
        sentence before, not the one an earlier "the company" was (a
        round-up moves from one company to the next)."""
        if not self.history:
            return None
        quote, last = self.history[-1]
        anchor = quote.speaker.mention
        if anchor is None or last.entity is None or anchor.start >= start:
            return None
        full: Entity | None = None
        if last.type == "PERSON" and not self._called(last.entity, head):
            # Rule ``org_short_name_spoke``: "Acme said ... The company
            # said", where the model took "Acme" (the article's "Acme Spring
            # Water" cut short) or a name with a "which" clause for a person.
            full = self._org_of_short_name(last.entity)
            if full is None and not self._which_named(last.entity):
                return None
        elif last.type != "ORG" and last.type != "PERSON":
            return None
        if self.sent_of(start) - self.sent_of(anchor.start) > 1:
            return None
        if full is not None:
            return self.named(full, None)
        if head not in _GENERIC_ORG_HEADS:
            # Rule ``org_head_is_last_org_speaker`` (speakers.toml,
            # last_speaker_heads): only a name with no word of another kind.
            kinds = _ORG_KIND_NAMES.get(head, frozenset()) | {head}
            words = {w.lower() for w in self.entities[last.entity].name.split()}
            if words & (_ORG_KIND_WORDS - kinds):
                return None
            if not words & kinds and self._other_org_of_kind(start, kinds, last.entity):
                # Rule ``kind_named_org_over_last_speaker``: "The Acme
                # Authority brought the case ... The Riders' Forum said ...
                # The authority said": an organisation the article named
                # with this word as its name's head is "the authority", not
                # the last organisation quoted, whose name lacks the word.
                return None
        # Named there, not itself a description linked to it.
        ent = self.entity_at(anchor.start, anchor.end)
        return last if ent is not None and ent.id == last.entity else None

    def _other_org_of_kind(self, before: int, kinds: frozenset[str], eid: str) -> bool:
        """Whether an organisation other than ``eid``, named (outside quote
        marks) before ``before``, has a word of ``kinds`` as the head of its
        name (the last word before any "of")."""
        for ent in self.entities.values():
            if ent.type != "ORG" or ent.id == eid:
                continue
            words = ent.name.lower().split()
            before_of = words[: words.index("of")] if "of" in words else words
            if len(words) < 2 or before_of[-1] not in kinds:
                continue
            if any(m.start < before and not self.in_quote(m.start) for m in ent.mentions):
                return True
        return False

    def full_org_name(self, resolved: _Resolved) -> _Resolved:
        """Rule ``org_short_name_is_full`` (speakers.toml): "Northline
        Security Services ... Northline said": a speaker named by the first
        word or two of the one longer organisation name the article gives
        (an organisation entity, or a run of title-case words ending in an
        organisation word the model tagged as nothing: "Parlance Labs") is
        that organisation, under its full name. A name the model took for a
        place counts only when it never comes before the full name (a town
        is not its "Town Council")."""
        name = resolved.name or ""
        words = name.split()
        if resolved.type not in ("ORG", "GPE") and not (resolved.entity is None and resolved.type == "PERSON"):
            return resolved
        if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words) or resolved.candidates:
            return resolved
        if name in self._full_names:
            return self._full_names[name] or resolved
        found: _Resolved | None = None
        fits = [
            e
            for e in self.entities.values()
            if e.type == "ORG" and e.id != resolved.entity and e.name.split()[: len(words)] == words
            and len(full := _without_legal_form(e.name)) > len(words)
            and not any(c.isdigit() for w in full[len(words) :] for c in w)
            and any(not self.in_quote(m.start) for m in e.mentions)
        ]
        if len({e.name for e in fits}) == 1:
            full = fits[0]
            first = min(m.start for m in full.mentions)
            own = self.entities.get(resolved.entity or "")
            if own is None or own.type != "GPE" or all(m.start > first for m in own.mentions):
                found = _Resolved(" ".join(_without_legal_form(full.name)), full.id, full.role, "ORG")
        elif not fits and resolved.type != "GPE":
            runs: set[str] = set()
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", self.text):
                run = _NAME_RUN.match(self.text, m.end())
                if run is None or self.in_quote(m.start()):
                    continue
                tail = run.group().split()
                # Up to the last organisation word of the run.
                ends = [
                    i
                    for i, w in enumerate(tail)
                    if w.lower().strip(".") in _FULL_NAME_ENDS - _LEGAL_FORMS and not any(c.isdigit() for c in w)
                ]
                if ends and not any(c.isdigit() for w in tail[: ends[-1]] for c in w):
                    runs.add(" ".join([name, *tail[: ends[-1] + 1]]))
            if len(runs) == 1:
                found = _Resolved(runs.pop(), resolved.entity, resolved.role, "ORG")
        self._full_names[name] = found
        return found or resolved

    def _org_of_short_name(self, eid: str) -> Entity | None:
        """The one organisation whose name opens with the one-word name of
        ``eid`` ("Acme" of "Acme Spring Water"), or None."""
        name = self.entities[eid].name
        if " " in name:
            return None
        fits = [e for e in self.entities.values() if e.type == "ORG" and e.name.split()[0] == name and " " in e.name]
        return fits[0] if len(fits) == 1 else None

    def _which_named(self, eid: str) -> bool:
        """Whether a mention of ``eid`` (outside quote marks) carries a
        "which" clause ("Tallong Metals, which runs three mines,"): a thing
        or an organisation, never a person."""
        for m in self.entities[eid].mentions:
            span = self._span(m.start, m.end)
            if span is None or len(span) == 0 or self.in_quote(m.start):
                continue
            for child in span.root.rights:
                if child.dep_ != "relcl":
                    continue
                if any(c.lower_ == "which" and c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                    return True
        return False

    def _called(self, eid: str, head: str) -> bool:
        """Rule ``org_named_person_by_apposition``: "Orbital Forge, the
        Houston company building the lander,": a name the model took for a
        person that the article gives an organisation noun in apposition
        (outside quote marks) is that kind of organisation."""
        for m in self.entities[eid].mentions:
            span = self._span(m.start, m.end)
            if span is None or len(span) == 0 or self.in_quote(m.start):
                continue
            for child in span.root.rights:
                if child.dep_ == "appos" and child.lemma_.lower() == head and head in _ORG_HEADS:
                    return True
        return False

    def _document_issuer(self, start: int, lemma: str, window: int = _SENTENCE_WINDOW) -> _Resolved | None:
        """Rule ``document_author`` (speakers_refs.py), when the text names
        no author: "In a statement, Acme said ... 'We regret it,' the
        statement said": the named speaker of the latest quote, within a few
        sentences, whose attribution's sentence spoke of a document of that
        word (outside quote marks, before ``start``)."""
        sent = self.sent_of(start)
        for quote, resolved in reversed(self.history):
            anchor = quote.speaker.mention or quote.cue
            if anchor is None or anchor.start >= start:
                continue
            n = self.sent_of(anchor.start)
            if sent - n > window:
                break
            if resolved.entity is None or resolved.type not in ("PERSON", "ORG"):
                continue
            lo = self.sent_starts[n]
            hi = self.sent_starts[n + 1] if n + 1 < len(self.sent_starts) else len(self.text)
            words = self._span(lo, hi)
            if words is not None and any(
                t.lemma_.lower() == lemma and t.idx < start and not self.in_quote(t.idx) for t in words
            ):
                return resolved
        return None

    def _name_run(self, tok: Token) -> str | None:
        """The proper name ``tok`` heads ("Ferrovie Emiliane"), when it is
        one the model tagged as no person, place or group and no entity
        here has; else None."""
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "GPE", "LOC", "NORP") or self.in_quote(tok.idx):
            return None
        left = tok.i
        # A compound of a compound belongs to the name too ("Surf Life Saving").
        while left > 0 and self.doc[left - 1].dep_ == "compound" and left <= self.doc[left - 1].head.i <= tok.i:
            left -= 1
        run = self.doc[left : tok.i + 1]
        # Rule ``untagged_name_acronym``: a short word in capitals may stand
        # in the name ("Surf Life Saving NSW"); one in title case must too.
        if not all(t.pos_ == "PROPN" and (t.is_title or (t.is_upper and len(t) <= 5)) for t in run):
            return None
        if not any(t.is_title for t in run):
            return None
        if self.entity_at(run.start_char, run.end_char) is not None:
            return None
        return run.text

    def _org_introduced(self, start: int, head: str) -> _Resolved | None:
        """Rule ``org_introduced_by_head``: "the operator Ferrovie Emiliane
        said ... the operator added": a definite noun the article gave an
        untagged proper name in apposition is that name again. The last such
        introduction before ``start``."""
        if not head:
            return None
        lemmas = columns(self.doc, [LEMMA])[:, 0]
        for i in reversed(np.flatnonzero(lemmas == self.doc.vocab.strings[head]).tolist()):
            tok = self.doc[i]
            if tok.idx >= start:
                continue
            for child in tok.rights:
                if child.dep_ == "appos" and child.i == tok.i + len(list(child.lefts)) + 1:
                    name = self._name_run(child)
                    if name is not None:
                        return _Resolved(name, None, None, "ORG", head=head)
            break
        return None

    def _person_introduced(self, start: int, head: str) -> Entity | None:
        """Rule ``person_introduced_by_head``: "designed by the architect
        Iris Kovacs ... The architect wrote": "the" and a common noun is the
        one person the article named right after that noun, in apposition
        (outside quote marks), before ``start``; None when none or several."""
        found: set[str] = set()
        lemmas = columns(self.doc, [LEMMA])[:, 0]
        for i in np.flatnonzero(lemmas == self.doc.vocab.strings[head]).tolist():
            tok = self.doc[i]
            if tok.idx >= start or tok.tag_ != "NN" or self.in_quote(tok.idx):
                continue
            for child in tok.rights:
                if child.dep_ == "appos" and child.left_edge.i == tok.i + 1:
                    ent = self.entity_at(child.idx, child.idx + len(child.text))
                    if ent is not None and ent.type == "PERSON":
                        found.add(ent.id)
            if tok.dep_ == "appos" and tok.head.i < tok.i and tok.head.ent_type_ in ("PERSON", "ORG"):
                # Rule ``introduced_by_apposition``: "Dr Ada Obi, a
                # toxicologist called by the defence, said ... The
                # toxicologist replied": the name the noun is in apposition to.
                ent = self.entity_at(tok.head.idx, tok.head.idx + len(tok.head.text))
                if ent is not None and ent.type in ("PERSON", "ORG") and not self.in_quote(tok.head.idx):
                    found.add(ent.id)
            if not any(c.dep_ == "poss" for c in tok.lefts):
                # "The airport operator, Skyport Holdings, said ... the
                # operator added": the name after the noun and a comma (not
                # "the ship's operator": another one may be "the canal's").
                ent = self._appositive_person(tok)
                if ent is not None:
                    found.add(ent.id)
        return self.entities[found.pop()] if len(found) == 1 else None

    def _untagged_org_subject(self, start: int, own: bool = False) -> _Resolved | None:
        """Rule ``untagged_org_subject``: "Ferrovie Emiliane rejected the
        claims. In a note, the company said": a generic organisation word is
        the proper name that was the main subject of the sentence before,
        when the model tagged it as no entity (a tagged one is ``recent``'s).
        With ``own``, "it" also looks at its own sentence first ("Acme beats
        forecasts as it warns")."""
        sent = self.sent_of(start)
        for n in (sent, sent - 1) if own else (sent - 1,):
            if n < 0:
                continue
            lo = self.sent_starts[n]
            span = self._span(lo, lo + 1)
            if span is None or len(span) == 0:
                continue
            root = span[0].sent.root
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.idx < start:
                # The name of an organisation the article names elsewhere,
                # missed here by the tagger (a headline's "Acme beats ..."),
                # is that organisation.
                same = [
                    e for e in self.entities.values() if e.type == "ORG" and e.name == subject.text and subject.is_title
                ]
                if not same and subject.is_title:
                    # Rule ``org_short_name_is_full`` for an untagged
                    # subject: "Corvane beats forecasts" of "Corvane Systems".
                    same = [
                        e
                        for e in self.entities.values()
                        if e.type == "ORG" and len(e.name.split()) > 1 and e.name.split()[0] == subject.text
                    ]
                if len(same) == 1 and not self.in_quote(subject.idx):
                    return self.named(same[0], None)
                name = self._name_run(subject)
                return _Resolved(name, None, None, "ORG") if name is not None else None
        return None

    def _age_antecedent(self, start: int) -> str | None:
        """Rule ``age_epithet``: "... signed striker Jo Lee, and the 23-year-old
        said": an age standing for a person is the one person named (outside
        quote marks) earlier in its sentence, or else in the sentence before;
        None when that is not one person."""
        sent = self.sent_of(start)
        i = bisect_left(self.ref_starts, start) - 1
        by_sent: dict[int, list[str]] = {}
        while i >= 0 and self.refs[i].sent >= sent - 1:
            ref = self.refs[i]
            i -= 1
            if self.entities[ref.eid].type == "PERSON" and not self.in_quote(ref.start):
                people = by_sent.setdefault(ref.sent, [])
                if ref.eid not in people:
                    people.append(ref.eid)
        for s in (sent, sent - 1):
            if s in by_sent:
                return by_sent[s][0] if len(by_sent[s]) == 1 else None
        return None

    def _org_subject_of_report(self, start: int) -> _Resolved | None:
        """Rule ``org_subject_of_report``: "Brightline will cut 1,800 jobs,
        the company said": a generic organisation word after the reported
        clause it attributes is the organisation that clause opens with as
        its subject (a person is not linked so: "Lee will resign, the
        official said" is someone talking about Lee)."""
        lo, hi = self.current
        if not lo < hi <= start:
            return None
        i = bisect_left(self.ref_starts, lo)
        while i < len(self.refs) and self.refs[i].start < hi:
            ref = self.refs[i]
            i += 1
            if self.entities[ref.eid].type == "ORG" and ref.subject:
                return self.named(self.entities[ref.eid], None)
            if ref.subject:
                return None  # another subject comes first: not this rule's case
        return None

    def _ent_span(self, tok: Token) -> Span:
        """The entity span of the doc that holds ``tok``."""
        doc = self.doc
        start, end = tok.i, tok.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]

    def _places(self, words: list[str], vocabulary: set[str] | None = None) -> set[str]:
        vocabulary = self.place_words if vocabulary is None else vocabulary
        return {w.lower() for w in words if w.lower() in vocabulary}

    def _conflicts(self, eid: str, head: str, core: Span) -> bool:
        """Whether the role the article states for ``eid`` contradicts the
        description: another office ("Sen." vs "the governor") or another
        place ("Vermont Sen." vs "the Florida senator")."""
        role = self.entities[eid].role
        if not role:
            return False
        heads = _role_heads(role)
        title = _title(head)
        if title in _OFFICES and heads & _OFFICES and title not in heads:
            return True
        # "the presidential nominee" is not the "vice presidential nominee".
        mine_rank = _LEX.rank_words & {t.lower_.rstrip(".") for t in core}
        theirs_rank = _LEX.rank_words & set(role.lower().replace("-", " ").split())
        if mine_rank != theirs_rank:
            return True
        # "the former president" is not "President Bush", nor the reverse.
        past = _LEX.past_markers
        if bool(past & {t.lower_ for t in core}) != bool(past & set(role.lower().replace("-", " ").split())):
            return True
        # Places against places, parties against parties: "the Arizona
        # Republican" fits "Republican Sen. John McCain".
        words = [t.text for t in core if t.i != core.root.i]
        for vocabulary in (self.place_words, self.group_words):
            mine, theirs = self._places(words, vocabulary), self._places(role.split(), vocabulary)
            if mine and theirs and not mine & theirs:
                return True
        return False

    def _by_role(self, title: str, core: Span) -> tuple[str | None, bool]:
        """The person whose stated role has ``title`` and agrees with the
        description's place words (None when that is not one person), and
        whether place or party words in both agreed."""
        root = core.root
        head = root.lemma_.lower()
        modifiers = [t for t in core if t.i != root.i and t.dep_ != "det" and not t.is_punct]
        if title not in _OFFICES and not modifiers:
            # "the candidate", "the aide": too common a word to pick one of
            # the people the article gives it; only a local link will do.
            return None, False
        fits = [eid for eid in dict.fromkeys(self.role_heads[title]) if not self._conflicts(eid, head, core)]
        # The description's places and parties must be in the role itself:
        # "the Ohio governor" is not "Gov. Chris Christie".
        words = [t.text for t in modifiers]
        by_place = False
        for vocabulary in (self.place_words, self.group_words):
            mine = self._places(words, vocabulary)
            if mine:
                fits = [e for e in fits if mine & self._places((self.entities[e].role or "").split(), vocabulary)]
                by_place = True
        return (fits[0], by_place) if len(fits) == 1 else (None, False)

    def _local_person(
        self, start: int, gender: str, head: str, core: Span, prev: _Resolved | None = None, loose: bool = True
    ) -> str | None:
        """The only compatible person named (outside quote marks) earlier in
        the sentence of ``start`` or in the sentence before, provided they are
        the main clause's subject or a quote's speaker named there; else
        None. (Not the previous quote's speaker alone: "Ms. Roe's remarks may
        have upset the former governor" names two people.)"""
        sent = self.sent_of(start)
        # The sentence before, in the writer's words: sentences wholly inside
        # quote marks ("I will tell the truth.") are skipped (rule
        # narrative_sentence), and so are pieces with no word at all (rule
        # ``narrative_sentence_blank``: a closing quote mark the parser split
        # off with the paragraph break, '"\n\n').
        before = sent - 1
        skipped = self.quoted_sent
        while before > 0 and (skipped(before) or self._wordless_sent(before)) and sent - before < _SENTENCE_WINDOW:
            before -= 1
        found: dict[str, bool] = {}  # entity id -> seen as subject or speaker
        for s in range(before, sent + 1):
            for eid in self.speakers_in.get(s, ()):
                if self.entities[eid].type == "PERSON":
                    found[eid] = True
        any_subject: set[str] = set()  # subjects of any clause there
        i = bisect_left(self.ref_starts, start) - 1
        while i >= 0 and self.refs[i].sent >= before:
            ref = self.refs[i]
            i -= 1
            if self.entities[ref.eid].type != "PERSON" or self.in_quote(ref.start):
                continue
            found[ref.eid] = found.get(ref.eid, False) or ref.main_subject
            if ref.subject:
                any_subject.add(ref.eid)
        # "the colleague standing beside her": the description stands
        # beside the person the pronoun means, so it is someone else.
        others = {
            t.lower_
            for t in core.sent
            if t.dep_ in ("dobj", "pobj", "dative") and t.lower_ in ("him", "her") and not self.in_quote(t.idx)
        }
        gender_beside = {"m" if w == "him" else "f" for w in others}
        compatible = [
            eid
            for eid in found
            if not (gender and self.gender.get(eid, gender) != gender)
            and not self._conflicts(eid, head, core)
            and self.gender.get(eid, "?") not in gender_beside
        ]
        if len(compatible) == 1 and found[compatible[0]]:
            return compatible[0]
        # Rule ``one_subject``: of several compatible people, the only one
        # who is a subject (of any clause) or a speaker there, and a main
        # subject or speaker ("Doe, the former secretary, stressed the raid
        # that killed Roe ... The former first lady said").
        subjects = [eid for eid in compatible if found[eid] or eid in any_subject]
        # A noun before the head names a role of its own ("the band leader",
        # "the campaign manager"): not for this looser link.
        own_role = any(t.dep_ == "compound" and t.pos_ == "NOUN" for t in core)
        if loose and len(subjects) == 1 and found[subjects[0]] and not gender_beside and not own_role:
            return subjects[0]
        return None

    def _recent_org_named(self, before: int, head: str, name_head: bool = False) -> _Resolved | None:
        """The organisation named last before ``before`` with the word
        ``head`` in its name; with ``name_head``, as the head of its name
        (the last word before any "of": "the festival" is the "... Film
        Festival", "the court" the "Court of Appeals", "the state" is not
        the "State Department")."""
        i = bisect_left(self.ref_starts, before) - 1
        stop = max(-1, i - _MAX_CANDIDATES * 5)
        while i > stop:
            ref = self.refs[i]
            i -= 1
            ent = self.entities[ref.eid]
            if ent.type != "ORG":
                continue
            words = ent.name.lower().split()
            before_of = _without_branch(words[: words.index("of")] if "of" in words else words)
            last = before_of[-1:] if len(words) >= 2 else []
            if name_head:
                words = last
            elif last and last[0] != head and last[0] in _ORG_KIND_WORDS - _ORG_KIND_NAMES.get(head, frozenset()):
                # Rule ``org_head_of_another_kind``: "the university" is not
                # the "University Staff Union": a name headed by an
                # organisation word of another kind is that kind.
                continue
            if head in words or not _ORG_KIND_NAMES.get(head, frozenset()).isdisjoint(last):
                return self.named(ent, None)
        return None

    def _intro_surname_shared(self, quote: Quote, span: Span) -> _Resolved | None:
        """Rule ``interview_intro_surname``: "Her producer, Rohan Kapoor,
        said ... Kapoor spoke to this newspaper. [questions and answers]":
        an interview's answers given to a full name from before the
        paragraph that announces the interview, when that paragraph names
        only a surname two people of the article share, are that surname's,
        as unclear as it is (the candidates), not the nearer namesake's."""
        if quote.rule != "interview_plain_answer" or span.start_char >= quote.start:
            return None
        ent = self.entity_at(span.start_char, span.end_char)
        if ent is None or ent.type != "PERSON":
            return None
        surname = surname_of(ent.name, _LEX)
        people = [e for e in dict.fromkeys(self.by_last_word.get(surname, []))]
        if len(people) < 2:
            return None
        given = {self.entities[e].name.split()[0] for e in people if " " in self.entities[e].name}
        lo, hi = span.end_char, quote.start
        for m in re.finditer(r"\b" + re.escape(surname) + r"\b", self.text[lo:hi], re.I):
            at = lo + m.start()
            word_before = re.search(r"(\S+)\s*$", self.text[max(0, at - 30) : at])
            if not m.group()[:1].isupper() or self.in_quote(at) or (word_before and word_before.group(1) in given):
                continue
            if self.para_of(at) > self.para_of(span.start_char):
                return _Resolved(m.group(), None, None, "PERSON", "", False, tuple(people))
        return None

    def _name_before_post_nominal(self, span: Span) -> _Resolved | None:
        """Rule ``head_of_untagged_name``: "Simon Ashworth KC said", "Ann
        Roe MP said": a mention whose head the model tagged as no entity, a
        short word in capitals after a person's tagged name (a post-nominal:
        a rank, an honour, a seat), is that person, the letters no part of
        the name (as a title before it is not). What follows the head is no
        part of it ("Ann Roe KC, for the Acme TV network, said")."""
        span = span.doc[span.start : span.root.i + 1]
        k = span.end
        while k > span.start and span.doc[k - 1].is_upper and span.doc[k - 1].is_alpha and len(span.doc[k - 1]) <= 4:
            k -= 1
        if k == span.end or k == span.start:
            return None
        tail = span.doc[k : span.end]
        if self.entity_at(tail.start_char, tail.end_char) is not None:
            return None
        last = span.doc[k - 1]
        ent = self.entity_at(last.idx, last.idx + len(last.text))
        if ent is None or ent.type != "PERSON":
            return None
        return self.named(ent, self._ent_span(last))

    def _whose_clause_antecedent(self, root: Token, quote: Quote) -> Token | None:
        """Rule ``whose_clause_antecedent``: "Director Ann Roe, whose last
        film won an award, called the order 'a list'": a mention headed by a
        noun of a "whose" clause, when the cue is the verb after that
        clause (the parser made it a conjunct of the clause's verb, after a
        comma), is the noun the clause is about (its antecedent), never a
        word inside the clause. (When the cue is the clause's own verb,
        "Roe, whose lawyer said ...", the lawyer speaks.)"""
        if not any(c.tag_ == "WP$" for c in root.children) or root.head.dep_ != "relcl":
            return None
        clause = root.head
        cue = self._span(quote.cue.start, quote.cue.end) if quote.cue is not None else None
        if cue is None or len(cue) == 0:
            return None
        verb = cue.root
        if verb.i == clause.i or verb.dep_ != "conj" or verb.head.i != clause.i or self.doc[verb.i - 1].text != ",":
            return None
        owner = clause.head
        if owner.i >= root.i or owner.pos_ not in ("PROPN", "NOUN") or self.in_quote(owner.idx):
            return None
        return owner

    def _untagged_subject_org(self, start: int) -> Entity | None:
        """Rule ``it_is_previous_subject_org``: "Acme Bank has 30 days to
        appeal. It said it would not": a sentence-opening "it" is the
        organisation the article names that is the main subject of the
        sentence before (outside quote marks), even where the model tagged
        that mention as no entity (a tagged one is ``recent``'s to weigh).
        None when that subject is no organisation of the article."""
        at = self._span(start, start + 1)
        if at is None or len(at) == 0 or at[0].i != at[0].sent.start:
            return None
        if at[0].sent.start == 0:
            return None
        prev_sent = self.doc[at[0].sent.start - 1].sent
        subject = next((c for c in prev_sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ or self.in_quote(subject.idx):
            return None
        left = subject.i
        while left > prev_sent.start and self.doc[left - 1].dep_ == "compound" and self.doc[left - 1].pos_ == "PROPN":
            left -= 1
        name = self.doc[left : subject.i + 1].text
        same = [e for e in self.entities.values() if e.type == "ORG" and e.name == name]
        return same[0] if len(same) == 1 else None

    def _untagged_org_of_kind(self, start: int, head: str) -> _Resolved | None:
        """Rule ``org_kind_in_untagged_name``: "Mardale United's supporters'
        trust ... the club said": "the" and a kind of organisation is the one
        proper name before it (outside quote marks), of two to five
        title-case words, that ends in a word of that kind (speakers.toml,
        org_kind_names: "United", "Airways"), when the model tagged no
        organisation of that kind (``_recent_org_named``)."""
        kinds = _ORG_KIND_NAMES[head]
        names: set[str] = set()
        for m in re.finditer(r"\b[A-Z][\w&’'-]*(?: [A-Z][\w&’'-]*){1,4}\b", self.text[:start]):
            words = re.sub(r"[’']s$", "", m.group()).split()
            if words[0].lower() in ("the", "a", "an"):
                words = words[1:]
            while words and words[-1].lower() not in kinds:
                words.pop()
            if len(words) >= 2 and not self.in_quote(m.start()):
                names.add(" ".join(words))
        if len(names) != 1:
            return None
        name = names.pop()
        same = [e for e in self.entities.values() if e.type == "ORG" and e.name == name]
        if same:
            return self.named(same[0], None)
        return _Resolved(name, None, None, "ORG", head=head)

    def _org_name_opening_with(self, start: int, core: Span) -> _Resolved | None:
        """Rule ``org_description_opens_name``: "the Centre for Volcanology
        and Geological Hazard Mitigation said ... The centre said", "the
        Regional District of North Okanagan ... the regional district": a
        description of an organisation is the one longer proper name in the
        text before it (outside quote marks) that opens with the
        description's words in capitals and goes on with "of", "for" and
        title-case words, however the model tagged it (or split it)."""
        words = [t.text for t in core if t.dep_ != "det" and t.dep_ != "poss"]
        if not words or not all(w.isalpha() for w in words):
            return None
        opening = r"\s+".join(re.escape(w[:1].upper() + w[1:].lower()) for w in words)
        pattern = re.compile(r"\b" + opening + r"((?:\s+(?:of|for|and|the|on|&))*(?:\s+[A-Z][\w'’-]*)+)+")
        names: set[str] = set()
        for m in pattern.finditer(self.text, 0, start):
            if self.in_quote(m.start()):
                continue
            name = m.group()
            if len(name.split()) > len(words) and re.search(r"\s(?:of|for)\s", name):
                names.add(name)
        if len(names) != 1:
            return None
        name = names.pop()
        at = self.text.find(name, 0, start)
        ent = self.entity_at(at, at + len(name))
        if ent is not None and ent.type == "ORG" and ent.name == name:
            return self.named(ent, None)
        return _Resolved(name, None, None, "ORG", head=core.root.lemma_.lower())

    def _untagged_speaker_with_head(self, start: int, head: str) -> _Resolved | None:
        """Rule ``full_name_repeated``: "The Film Makers' Guild of India said
        ... '...,' the guild said": "the" and a noun is the latest speaker
        (within a few sentences) named by a proper name the model tagged as
        no entity, whose name has that noun as its head (the last word
        before any "of"); None when there is none."""
        sent = self.sent_of(start)
        for quote, resolved in reversed(self.history):
            anchor = quote.speaker.mention
            if anchor is None or anchor.start >= start:
                continue
            if sent - self.sent_of(anchor.start) > _SENTENCE_WINDOW:
                break
            name = resolved.name or ""
            if resolved.entity is not None or resolved.type not in ("ORG", "PERSON") or resolved.candidates:
                continue
            words = [w for w in name.split() if w.lower() not in ("the", "a", "an")]
            if len(words) < 2 or not all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in words):
                continue
            lowered = [w.lower().strip("'’.,") for w in words]
            before_of = lowered[: lowered.index("of")] if "of" in lowered else lowered
            if before_of and before_of[-1] == head:
                return _Resolved(name, None, resolved.role, "ORG", head=head)
        return None

    def _as_role(self, person: _Resolved, span: Span) -> _Resolved:
        if person.role is not None or person.type != "PERSON":
            return person
        root = span.root
        if root.tag_ in ("NNS", "NNPS") or not (
            root.lower_ in TITLE_WORDS or root.lemma_.lower() in TITLE_WORDS or root.lemma_.lower() in PERSON_EPITHETS
        ):
            # "One of the nurses, Dana Whitt": a role is one person's title or epithet.
            return person
        # Without "the", "'s" or a counting "one" ("One Republican hopeful").
        words = [
            t
            for t in span
            if not (t.dep_ in ("det", "nummod") or t.tag_ == "POS" or t.is_punct)
        ]
        role = span.doc[words[0].i : words[-1].i + 1].text if words else None
        if role and person.entity:
            # Later quotes from the same person carry the role too.
            self.learned_roles.setdefault(person.entity, role)
        return _Resolved(person.name, person.entity, role, person.type)

    def surname(self, span: Span, text: str) -> _Resolved:
        """A name that is in no entity: a surname the entities stage found
        ambiguous, or one NER missed. It goes to the one person with that
        surname whose gender agrees with an honorific before it ("Mrs.
        Doe"), preferring people named before it; when several fit, to the
        one spoken of most recently by two sentences or more (not when an
        honorific states a gender the article never gives that one);
        otherwise it stays ambiguous: the name as written, no entity, the
        candidates."""
        comma = next((t.i for t in span if t.text == "," and t.i > span.start), None)
        after = self.doc[comma + 1] if comma is not None and comma + 1 < span.end else None
        if after is not None and span.root.i < comma and not after.is_title:
            # Rule ``name_before_apposition``: "Acme Capital, a fund that
            # owns 2% of Zeta," names Acme Capital; what follows the comma
            # says what it is and is no part of the name.
            span = self.doc[span.start : comma]
            text = span.text
        eids = self.by_last_word.get(_hyphenated_surname(span), [])
        if not eids and len(span) == 1:
            # Rule ``given_name_after_full`` (speakers_refs.py) for a given
            # name the model tagged as no entity.
            owner = given_name_owner(span[0].text, span.start_char, self.entities.values())
            if owner is not None:
                return self.named(owner, span)
        prev_word = self.doc[span.start - 1].lower_ if span.start > 0 else ""
        gender = _HONORIFIC_GENDER.get(span[0].lower_) or _HONORIFIC_GENDER.get(prev_word, "")
        fits = [e for e in eids if not (gender and self.gender.get(e, gender) != gender)]
        start = span.start_char
        last: dict[str, int] = {}
        for eid in fits:
            ms = [m.start for m in self.entities[eid].mentions if m.start < start]
            if ms:
                last[eid] = self.sent_of(max(ms))
        pool = [e for e in fits if e in last] or fits
        if len(pool) == 1:
            return self.named(self.entities[pool[0]], span)
        if len(pool) > 1:
            ranked = sorted(pool, key=lambda e: -last.get(e, -10))
            # "Mrs. Doe" states a gender: no guess by recency for someone
            # whose gender the article never states (as in the entities stage).
            surname = span[-1].lower_
            if (
                last.get(ranked[0], -10) - last.get(ranked[1], -10) >= 2
                and not (gender and not self.gender.get(ranked[0]))
                # Stale once the surname was used since for a speaker left
                # ambiguous: that use may be the other person.
                and last.get(ranked[0], -10) > self.unresolved.get(surname, -10)
            ):
                return self.named(self.entities[ranked[0]], span)
            self.unresolved[surname] = self.sent_of(start)
            words = [t for t in span if t.lower_ not in _HONORIFIC_GENDER and t.lower_.rstrip(".") not in TITLE_WORDS]
            name = self.doc[words[0].i : words[-1].i + 1].text if words else text
            return _Resolved(name, None, None, "PERSON", gender, False, tuple(pool))
        # Rule ``untagged_titled_name``: a name the model tagged as no entity
        # keeps its title as a role, not in the name ("Mayor Ana Ruiz" ->
        # Ana Ruiz, Mayor), as a tagged one does.
        k = span.start
        while k < span.end - 1 and span.doc[k].lower_.rstrip(".") in TITLE_WORDS and span.doc[k].is_title:
            k += 1
        if span.start < k and all(t.is_title for t in span.doc[k : span.end]):
            return _Resolved(span.doc[k : span.end].text, None, span.doc[span.start : k].text, "PERSON")
        # Rule ``untagged_titled_name_of_org``: "Superintendent Ann Roe of
        # Doeshire Police": the titled name ends before "of" and the
        # title-case words of where the person serves.
        of = next((t.i for t in span.doc[k : span.end] if t.lower_ in ("of", "at", "from")), None)
        if (
            span.start < k
            and of is not None
            and of - k >= 2
            and of + 1 < span.end
            and all(t.is_title for t in span.doc[k:of])
            and all(t.is_title or t.lower_ == "the" for t in span.doc[of + 1 : span.end])
        ):
            return _Resolved(span.doc[k:of].text, None, span.doc[span.start : k].text, "PERSON")
        return _Resolved(text, None, None, "PERSON")

    def _person_before_of(self, span: Span, root: Token) -> Entity | None:
        """A person named in ``span`` right before "of", "at" or "from" and
        the organisation ``root`` heads after it ("Mark Ilori of the county
        police"), or None ("some residents, including Councillor Jo Bell of
        Leeds" is the group)."""
        for k in range(span.start + 1, min(root.i, span.end - 1)):
            tok = self.doc[k]
            if tok.lower_ not in ("of", "at", "from") or tok.i == span.start:
                continue
            before = self.doc[k - 1]
            person = self.entity_at(before.idx, before.idx + len(before.text))
            if person is not None and person.type == "PERSON":
                return person
        return None

    def _relative_head(self, noun: Token) -> Token:
        """Rule ``relative_through_apposition``: the parser often hangs a
        relative clause on the last noun before it. When that noun is no
        person (a place, an organisation, a group word) and is the object of a
        preposition inside a person's phrase ("Ana Roe, an analyst at Acme,
        who said"; "Jo Lee, a doctor from Leeds, who"), or a group word in
        apposition to a person ("Sam Roe, a Republican who said"), the
        clause is about that person's phrase."""
        start = noun
        for _ in range(3):
            ent = self.entity_at(noun.idx, noun.idx + len(noun.text))
            # Only a name of no person is climbed from: "up from the 3
            # per cent who" and "the anger of councillors who" mean the people.
            if ent is None or ent.type == "PERSON" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
                break
            noun = noun.head.head
        if noun is not start and not self._person_noun(noun):
            noun = start
        ent = self.entity_at(noun.idx, noun.idx + len(noun.text))
        if noun.dep_ == "appos" and (ent is None or ent.type == "NORP") and noun.tag_ not in ("NNS", "NNPS"):
            # ("Ana Roe and Jo Lee, two nurses who": the pair, not Ana Roe.)
            head = noun.head
            owner = self.entity_at(head.idx, head.idx + len(head.text))
            # Right after the name's own phrase and a comma ("Sam Roe of
            # Ohio, a Republican who"), not a parse that reaches back over
            # other words to a name.
            left = noun.left_edge.i
            before = self.doc[left - 2] if left >= 2 and self.doc[left - 1].text == "," else None
            adjacent = before is not None and (before.i == head.i or head.is_ancestor(before))
            if owner is not None and owner.type == "PERSON" and adjacent:
                return head
        return noun

    def _relative_pair(self, noun: Token, relative: Token) -> _Resolved | None:
        """Rule ``relative_pair``: a relative clause after coordinated names
        ("Ana Roe and Jo Lee, who say") is theirs, not the last one's: the
        pair as written, as "Roe and Lee said" is."""
        first = noun
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first is noun or first.pos_ != "PROPN" or noun.pos_ != "PROPN":
            return None
        # Two names and "and" only: "Ana Roe, who ran, and Jo Lee, who" are
        # two clauses, and in a list ("A, B, C and D, who") the clause is
        # often the last one's alone.
        if any(t.pos_ not in ("PROPN", "CCONJ") for t in self.doc[first.i : noun.i] if not t.is_punct or t.text != "."):
            return None
        left = first.left_edge.i
        right = relative.i - 1
        while right > noun.i and (self.doc[right].is_punct or self.doc[right].dep_ == "cc"):
            right -= 1
        phrase = self.doc[left : right + 1]
        return _Resolved(phrase.text, None, None, "DESC", "", True)

    def _person_noun(self, tok: Token) -> bool:
        """A named person, a word for a person ("analyst", "president"), or
        a noun in apposition to a named person."""
        for t in (tok, tok.head) if tok.dep_ == "appos" else (tok,):
            ent = self.entity_at(t.idx, t.idx + len(t.text))
            if ent is not None and ent.type == "PERSON":
                return True
        return tok.lemma_.lower() in _PERSON_NOUNS

    def _name_before_cue(self, verb: Token, quote: Quote) -> Span | None:
        """Rule ``name_before_cue``: "In a statement to the exchange, Acme &
        Co said it regrets": a cue with no subject of its own, right after a
        person's or organisation's name that follows a comma or opens the
        sentence, is that name's (the parser hung the name elsewhere, as a
        conjunct of the noun before the comma)."""
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) or verb.i == 0:
            return None
        last = self.doc[verb.i - 1]
        if last.ent_type_ not in ("PERSON", "ORG") or quote.start <= last.idx < quote.end:
            return None
        name = self._ent_span(last)
        if name.end != verb.i or self.in_quote(name.start_char):
            return None
        before = self.doc[name.start - 1] if name.start > name.sent.start else None
        if before is not None and before.text != ",":
            return None
        return name

    def cue_subject(self, quote: Quote, prev: _Resolved | None) -> _Resolved | None:
        """The speaker of a quote whose cue came without a source mention:
        the grammatical subject of the cue, or of the verb the cue hangs from
        ("Doe explained it by saying", "Doe emailed them, writing"), outside
        the quote, resolved like a mention; None when there is none."""
        cue = quote.cue
        span = self._span(cue.start, cue.end) if cue is not None else None
        if span is None or len(span) == 0:
            return None
        verb = span.root
        named = self._name_before_cue(verb, quote)
        if named is not None:
            mention = TextSpan(named.text, named.start_char, named.end_char)
            return self.resolve(_with_mention(quote, mention), prev)
        head = verb.head
        if verb.dep_ == "acl" and head.i < verb.i and not self.in_quote(head.idx):
            # Rule ``cue_as_acl_of_person``: "Ana Roe, Ben Roe's cousin,
            # posted that ...": the parser made the cue a participle hanging
            # from the name before it; a person so named is the speaker (a
            # thing is not: "the video posted online").
            ent = self.entity_at(head.idx, head.idx + len(head.text))
            if ent is not None and ent.type == "PERSON" and head.ent_type_ == "PERSON":
                phrase = self.doc[head.left_edge.i : head.i + 1]
                mention = TextSpan(phrase.text, phrase.start_char, phrase.end_char)
                return self.resolve(_with_mention(quote, mention), prev)
        owner = head.head
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBD"
            and head.dep_ == "appos"
            and owner.i < head.i < verb.i
            and self.doc[verb.i - 1].text == ","
            and owner.ent_type_ in ("PERSON", "ORG")
            and not self.in_quote(owner.idx)
        ):
            # Rule ``cue_after_appositive``: "Oceans First, a campaign group
            # based in Brussels, called the deal '...'": a finite cue the
            # parser hung on the appositive of a name is that name's.
            ent = self.entity_at(owner.idx, owner.idx + len(owner.text))
            if ent is not None and ent.type in ("PERSON", "ORG"):
                phrase = self._ent_span(owner)
                mention = TextSpan(phrase.text, phrase.start_char, phrase.end_char)
                return self.resolve(_with_mention(quote, mention), prev)
        for _ in range(_CUE_CLIMB):
            subject = next(
                (
                    t
                    for t in verb.children
                    if t.dep_ in ("nsubj", "nsubjpass")
                    and not (quote.start <= t.idx < quote.end or self.in_quote(t.idx))
                ),
                None,
            )
            if subject is not None:
                phrase = self.doc[subject.left_edge.i : subject.i + 1]
                mention = TextSpan(phrase.text, phrase.start_char, phrase.end_char)
                return self.resolve(_with_mention(quote, mention), prev)
            if verb.dep_ not in _CUE_CLIMB_DEPS or verb.head.i == verb.i:
                return None
            verb = verb.head
            if verb.dep_ == "prep":
                # "by saying", "before asking" are the verb's subject
                # speaking; "about calling", "for saying" may be someone
                # else's words (people.toml, cue_climb_prepositions).
                if verb.lower_ not in _LEX.cue_climb_prepositions or verb.head.i == verb.i:
                    return None
                verb = verb.head
        return None

    def _subject_after_dateline(self, quote: Quote, end: int, prev: _Resolved | None) -> _Resolved | None:
        """Rule ``dateline_date``: the subject phrase that opens right after
        the dash that ends a dateline at ``end``, resolved as the mention;
        None when no subject starts there."""
        dash = _DATELINE_DASH.match(self.text, end)
        at = dash.end() if dash is not None else end
        span = self._span(at, at + 1)
        if span is None or len(span) == 0 or span[0].idx != at:
            return None
        tok = span[0]
        head = tok
        while head.dep_ in ("compound", "flat") and head.head.i > head.i:
            head = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or head.left_edge.i != tok.i:
            return None
        phrase = self.doc[tok.i : head.i + 1]
        mention = TextSpan(phrase.text, phrase.start_char, phrase.end_char)
        return self.resolve(_with_mention(quote, mention), prev)

    def resolve(self, quote: Quote, prev: _Resolved | None) -> _Resolved | None:
        mention = quote.speaker.mention
        if mention is None:
            return None
        if self.history:
            last_quote, last = self.history[-1]
            was = last_quote.speaker.mention
            if was is not None and (was.start, was.end) == (mention.start, mention.end):
                # Rule ``split_quote_same_mention``: '"Fairmont can lead,"
                # the company wrote. "We are ready."': the second part's
                # mention is the first's, and so is its speaker (a name in
                # the first part is no longer inside the quote resolved).
                return last
        self.current = (quote.start, quote.end)
        self.quote = quote
        span = self._span(mention.start, mention.end)
        if span is None or len(span) == 0:
            return None
        shared = self._intro_surname_shared(quote, span)
        if shared is not None:
            return shared
        # A dateline opens a paragraph: "Ann Lee (SNP)" mid-line is a name.
        before = self.text[: mention.start].rstrip(" \t\xa0")
        dateline = _DATELINE_SOURCE.match(mention.text) if not before or before.endswith("\n") else None
        if dateline is not None and _spells_initials(mention.text[: dateline.end()]):
            # Rule ``acronym_not_dateline``: "The University Staff Union
            # (USU) said" opens with a name and its acronym, no dateline.
            dateline = None
        if dateline is not None:
            # Rule ``dateline_source``: a source mention that opens with its
            # article's dateline ("PARIS (AFP) - Minister Ana Roe") is the
            # name after it; a dateline alone is no one.
            rest = mention.text[dateline.end() :]
            if not rest.strip():
                # Rule ``dateline_date``: the parser made the dateline alone
                # the subject ("CINCINNATI, Nov 6 (Newswire) - Acme Inc
                # reported ..., saying"): the speaker is the subject after
                # the dash, if one is there.
                return self._subject_after_dateline(quote, mention.end, prev)
            at = mention.start + dateline.end()
            return self.resolve(_with_mention(quote, TextSpan(rest, at, mention.end)), prev)
        dash = _DATELINE_DASH.match(self.text, mention.end) if not before or before.endswith("\n") else None
        if dash is not None and _DATELINE_PLACE.match(mention.text):
            # Rule ``dateline_mention``: "SAN JOSE, Calif. — Acme reported ...
            # but said": the parser made the dateline the subject; the
            # speaker is the name right after the dash, if one is there.
            i = bisect_left(self.ref_starts, dash.end())
            if i < len(self.refs) and self.refs[i].start == dash.end():
                return self.named(self.entities[self.refs[i].eid], None)
            return None
        # Named when the head of the mention is a name: "A State Department
        # official" is a description that only contains one.
        root = span.root
        # A conjunct inside the root's own organisation name ("Pellow & Finch",
        # "Marks and Spencer") is part of one name, no second speaker (rule
        # ``one_org_pair``); a person span over two names is a tagging slip.
        partners = [
            c
            for c in root.children
            if c.dep_ == "conj"
            and c.i < span.end
            and c.pos_ in ("PROPN", "PRON")
            and not (c.ent_iob_ == "I" and c.ent_type_ == "ORG")
        ]
        if partners and root.pos_ in ("PROPN", "PRON"):
            # "Mr. Abel and Mr. Brandt said": both of them, neither alone.
            # The speaker is the pair as written, in no one person's name.
            return _Resolved(span.text, None, None, "DESC", "", True)
        if root.lemma_.lower() in _AGENT_NOUNS and any(c.dep_ == "poss" for c in root.children):
            # Rule ``possessed_agents_named``: "Mr Roe's solicitors, Carrow
            # Lennox, said": the firm or person named in apposition to the
            # ones acting for someone is the speaker.
            for c in root.children:
                if c.dep_ == "appos" and c.i < span.end and c.pos_ == "PROPN":
                    named = self.entity_at(c.idx, c.idx + len(c.text))
                    if named is not None and named.type in ("PERSON", "ORG"):
                        return self.named(named, None)
        ent = self.entity_at(root.idx, root.idx + len(root.text))
        if ent is not None and ent.type != "PERSON":
            # Rule ``person_of_org``: "Constable Mark Ilori of the county
            # police" is the constable, however the parser heads the phrase.
            person = self._person_before_of(span, root) or self._person_of_org_before(span)
            if person is not None:
                ent = person
        elif ent is None and root.pos_ == "PROPN" and root.is_title:
            # Rule ``person_of_untagged_org``: so is "Superintendent Ann Roe
            # of Doeshire Police" when the model tagged no organisation.
            person = self._person_before_of(span, root)
            if person is not None:
                ent = person
        counted = span[0].lower_ in _LEX.group_determiners or (span[0].like_num and span[0].i != root.i)
        if ent is not None and ent.type == "NORP" and counted:
            return self.description(span, mention.start, prev)
        if ent is None and root.pos_ == "NOUN" and not self._person_noun(root) and root.tag_ == "NN":
            named_here = next(
                (
                    c
                    for c in root.rights
                    if c.dep_ == "appos" and c.left_edge.i == root.i + 1 and c.i < span.end and c.pos_ == "PROPN"
                ),
                None,
            )
            name = self._name_run(named_here) if named_here is not None else None
            if name is not None:
                # Rule ``org_named_in_apposition``: "the operator Ferrovie
                # Emiliane said": the untagged proper name right after a
                # common noun (no word for a person) names the speaker.
                return _Resolved(name, None, None, "ORG", head=root.lemma_.lower())
        if ent is None and (person := self._later_person_subject(root, mention.end)) is not None:
            # Rule ``later_person_subject``.
            return person
        if ent is not None and not (ent.type == "NORP" and span[0].lower_ == "the"):
            # "The Wisconsin Republican" is a description of a person, not the
            # party; so is "One Republican" (rule counted_group_member).
            return self.named(ent, span)
        owner = self._whose_clause_antecedent(root, quote)
        if owner is not None:
            # Rule ``whose_clause_antecedent``.
            left = owner.i
            while left > 0 and self.doc[left - 1].head.i == owner.i and self.doc[left - 1].dep_ in _NAME_DEPS:
                left -= 1
            phrase = self.doc[left : owner.i + 1]
            return self.resolve(_with_mention(quote, TextSpan(phrase.text, phrase.start_char, phrase.end_char)), prev)
        if root.tag_ in ("WP", "WDT") and root.head.dep_ == "relcl":
            # "Sanders, who said ...": the relative pronoun stands for its noun.
            antecedent = root.head.head
            if root.lower_ in ("who", "whom"):
                antecedent = self._relative_head(antecedent)
            ent = self.entity_at(antecedent.idx, antecedent.idx + len(antecedent.text))
            pair = self._relative_pair(antecedent, root) if root.lower_ in ("who", "whom") else None
            if pair is not None:
                return pair
            if ent is not None:
                return self.named(ent, None)
            left = antecedent.left_edge.i
            while left < antecedent.i and self.doc[left].dep_ in ("mark", "cc", "punct"):
                # "... on Friday that those who doubt": not "that those".
                left += 1
            # The antecedent's whole phrase up to the relative clause ("a
            # group of parents who said"), not its head noun alone.
            right = max(antecedent.i, root.head.left_edge.i - 1)
            while right > antecedent.i and (self.doc[right].is_punct or self.doc[right].dep_ == "cc"):
                right -= 1
            resolved = self.description(self.doc[left : right + 1], mention.start, prev)
            if root.lower_ == "which" and resolved.entity is None:
                # "which" stands for a thing, never a person a pronoun means.
                resolved = _Resolved(**{**resolved.__dict__, "thing": True})
            return resolved
        word = mention.text.lower()
        if len(span) == 1 and (span[0].pos_ == "PRON" or word in PERSON_PRONOUNS):
            resolved = self.pronoun(word, mention.start, prev)
            if resolved is not None and resolved.entity is not None:
                self._note_pronoun(span[0], resolved.entity)
            return resolved
        words = [t for t in span if t.is_alpha][:2]
        if len(words) == 2 and all(t.is_upper for t in words) and max(len(t) for t in words) >= 4:
            # Rule ``heading_source``: a phrase opening with words all in
            # capitals ("THE BORROWING Back", "FELLOW DOCTORS") is a section
            # heading, no one's name (acronyms are short: "US", "UN").
            return None
        if root.pos_ == "PROPN" and (named := self._name_before_post_nominal(span)) is not None:
            # Rule ``head_of_untagged_name``.
            return named
        if root.pos_ == "PROPN" and root.lower_ not in TITLE_WORDS:
            k = span.start
            while (
                k < root.i
                and span.doc[k].pos_ == "NOUN"
                and (span.doc[k].is_lower or span.doc[k].is_sent_start)
                and span.doc[k].dep_ == "compound"
            ):
                k += 1
            if span.start < k and span.doc[k - 1].lemma_.lower() in _ORG_HEADS and span.doc[k].text[:1].isupper():
                # Rule ``kind_noun_before_name``: "Consumer group SafeRide
                # said": the common nouns before a proper name say what it
                # is; the name is the proper name alone.
                name = span.doc[k : span.end]
                if all(t.pos_ == "PROPN" for t in name):
                    return self.surname(name, name.text)
        if root.pos_ == "PROPN" and root.lower_ not in TITLE_WORDS and root.lower_ not in PERSON_EPITHETS:
            return self.surname(span, mention.text)
        if len(span) == 1 and root.is_title and root.lower_ in self.by_last_word:
            # A surname of the article the tagger took for a noun ("Trump
            # conceded").
            return self.surname(span, mention.text)
        if (
            span.root.lemma_.lower() in _FILINGS["words"]
            and span[0].lower_ in ("the", "this", "that")
            and span.root.tag_ == "NN"
            and len(span) <= 3
            and (party := self._filing_party(mention.start, span.root.lemma_.lower())) is not None
        ):
            # Rule ``filing_party`` (speakers_refs.toml, legal_filings).
            return party
        if (
            span.root.lemma_.lower() in _RULING_WORDS
            and span[0].lower_ in ("the", "this", "that")
            and span.root.tag_ == "NN"
            and len(span) <= 3
        ):
            # Rule ``ruling_issuer`` (speakers_refs.toml, issued_rulings).
            issuer = self._document_issuer(mention.start, span.root.lemma_.lower(), window=len(self.sent_starts))
            if issuer is not None:
                return issuer
        if document_mention(span):
            # Rule ``document_author`` (speakers_refs.py): "the statement
            # said" is who issued it: the author the text names ("Acme
            # issued a statement"), else the speaker whose attribution spoke
            # of it ("In a statement, Acme said").
            by = document_author(span, self.in_quote)
            if by is None:
                by = self._document_own_or_first_author(span)
            resolved = (
                self.resolve(_with_mention(quote, TextSpan(by.text, by.start_char, by.end_char)), prev)
                if by is not None
                else None
            )
            if resolved is None and len(span) <= 3:
                resolved = self._document_issuer(mention.start, span.root.lemma_.lower())
            if resolved is not None:
                return resolved
        doc = self.doc
        end = hyphen_word_end(doc[span.end - 1]).i + 1
        if end != span.end:
            # Rule ``hyphen_split_word``: "Her co-author, Ann Roe, said" split
            # by the tokenizer, the mention stops at "co": the word is whole,
            # and a person in apposition to its last piece is the speaker.
            last = doc[end - 1]
            for child in last.rights:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    ent = self.entity_at(child.idx, child.idx + len(child.text))
                    if ent is not None:
                        return self.named(ent, self._ent_span(child))
            whole = doc[span.start : end]
            described = self.description(whole, mention.start, prev)
            if described.entity is None and described.type == "DESC":
                # The head the parser chose is the first piece: the name is the word.
                return _Resolved(**{**described.__dict__, "name": whole.text, "head": last.lemma_.lower()})
            return described
        cue = quote.cue
        stop = (min(quote.start, cue.start), max(quote.end, cue.end)) if cue else (quote.start, quote.end)
        if mention.end <= stop[0] or mention.start >= stop[1]:
            span = _whole(span, stop if mention.end <= stop[0] else (len(self.text), len(self.text)))
        return self.description(span, mention.start, prev)


def resolve_speakers(doc: Doc, quotes: list[Quote], entities: list[Entity]) -> None:
    """Fill ``speaker.name``, ``.entity`` and ``.role`` of every quote in place.
    A role learned from a description ("the US secretary of state" resolved
    to John Kerry) is also given to the entity when it has none.

    doc (Doc): the parsed document.
    quotes (list[Quote]): its quotes, with speaker mentions where found.
    entities (list[Entity]): its entities.
    """
    if not quotes:
        return
    resolver = _Resolver(doc, entities, quotes)
    last_named: _Resolved | None = None  # the last speaker resolved, for pronouns
    prev: _Resolved | None = None  # the previous quote's speaker (None when unknown)
    prev_quote: Quote | None = None
    prev_para = -1
    for quote in sorted(quotes, key=lambda q: q.start):
        para = resolver.para_of(quote.start)
        resolver.prev_sent = resolver.sent_of(prev_quote.start) if prev_quote is not None else -10
        resolver.prev_quote = prev_quote
        if (
            prev is not None
            and in_reported_clause(quote, prev_quote)
            and resolver.sent_of(quote.speaker.mention.start) == resolver.sent_of(quote.cue.start)
        ):
            # Rule ``mention_in_reported_clause`` (speakers_refs.py): "He told
            # them his team had lost and said": the first cue's speaker.
            resolved = prev
        elif quote.speaker.mention is not None:
            resolved = resolver.resolve(quote, last_named)
        elif quote.cue is not None:
            # Rule ``cue_subject``: a quote with a cue of its own ("said James
            # Doe, a physicist", "Said Doe:") is that cue's, never the previous
            # speaker's; when no source mention came with it, the cue's named
            # subject (or pronoun) is the speaker, else it stays unknown.
            resolved = resolver.cue_subject(quote, last_named)
        elif quote.kind == "direct" and (owner := resolver.possessive_colon(quote)) is not None:
            # Rule ``possessive_colon_speaker``: "Ana Roe's verdict: '...'".
            resolved = owner
        elif quote.kind == "direct" and (owner := resolver.dash_credit(quote)) is not None:
            # Rule ``dash_credit_speaker``: '"...". - Ana Roe, on X'.
            resolved = owner
        elif prev_quote is not None and para - prev_para <= 1 and quote.kind != "indirect":
            # No attribution of its own: the previous speaker goes on talking,
            # under the same attribution (the cue that introduced them).
            resolved = prev
            if (
                quote.cue is None
                and quote.kind == "direct"
                and (prev_quote.type == "speech" or prev_quote.rule == "naming_evaluation")
            ):
                # Only a quote of whole sentences goes on under the cue that
                # introduced its speaker; a quoted fragment in the writer's
                # words is under no cue (PolNeAR train, both halves: +0.003
                # content exact F1), though still the speaker's. And only a
                # speech cue: after "her attack on the plan" the next quote is
                # the speaker talking, not more of the attack. A judgement
                # typed stance by rule naming_evaluation ("called him a
                # master") was spoken: the quote after it goes on under it.
                quote.cue = prev_quote.cue
        else:
            continue
        if resolved is not None:
            resolved = resolver.full_org_name(resolved)
            mention = quote.speaker.mention
            if (
                mention is not None
                and resolved.entity is not None
                and resolved.type == "PERSON"
                and resolved.entity not in resolver.gender
                and mention.text.lower() in ("he", "she")
            ):
                # Rule ``pronoun_gender_learned``: a person the article gave
                # no gender, resolved as "she said", is a woman from then on:
                # a later "he" is someone else.
                resolver.gender[resolved.entity] = "m" if mention.text.lower() == "he" else "f"
            if resolved.entity is not None and mention is not None and mention.text.lower() not in PERSON_PRONOUNS:
                # A speaker named there, not a pronoun resolved by a guess.
                # Named when the mention ends with a word of the entity's
                # name ("Doe", "Mr. Doe"), not a description linked to it.
                # Rule ``name_before_age``: "Doreen Fitch, 78," and "Ana
                # Roe, a nurse," name the speaker before their comma.
                name_words = (resolved.name or "").lower().split()
                named = any(
                    bool(words) and words[-1].lower() in name_words
                    for words in (
                        piece.replace("’s", "").replace("'s", "").split()
                        for piece in (mention.text, mention.text.split(",")[0])
                    )
                )
                resolver.note_speaker(mention.start, resolved.entity, named)
            quote.speaker = Speaker(
                name=resolved.name,
                entity=resolved.entity,
                role=resolved.role,
                mention=quote.speaker.mention,
                candidates=list(resolved.candidates),
            )
            if last_named is not None and (resolved.entity, resolved.name) != (last_named.entity, last_named.name):
                resolver.speaker_before = last_named
            last_named = resolved
            resolver.history.append((quote, resolved))
            if quote.speaker.mention is not None:
                resolver.last_mention_start = quote.speaker.mention.start
                resolver.last_mention_end = quote.speaker.mention.end
        prev, prev_para, prev_quote = resolved, para, quote
    # A role learned late ("... the French finance minister said") holds for the
    # person's earlier quotes too.
    if resolver.learned_roles:
        for ent in entities:
            if ent.role is None and ent.id in resolver.learned_roles:
                ent.role = resolver.learned_roles[ent.id]
        for quote in quotes:
            sp = quote.speaker
            if sp.entity and sp.role is None and sp.entity in resolver.learned_roles:
                sp.role = resolver.learned_roles[sp.entity]


@Language.factory(
    "newsbrief_speakers",
    assigns=["doc._.nb_speakers"],
    requires=["doc._.nb_quotes", "doc._.nb_entities"],
    default_config={},
)
def make_speakers_stage(nlp: Language, name: str) -> SpeakersStage:
    return SpeakersStage()


class SpeakersStage:
    """Writes ``doc._.nb_speakers``: the resolved speaker of each quote in
    ``doc._.nb_quotes`` (by index; with the cue a continuation inherits) and
    the roles learned for entities. It reads the quotes and entities layers
    into fresh objects and leaves those layers as they are."""

    def __call__(self, doc: Doc) -> Doc:
        quotes = [Quote.from_dict(q) for q in (doc._.nb_quotes or [])]
        entities = [Entity.from_dict(e) for e in (doc._.nb_entities or [])]
        stated_roles = {e.id: e.role for e in entities}
        had_cue = [q.cue is not None for q in quotes]
        resolve_speakers(doc, quotes, entities)
        doc._.nb_speakers = {
            "quotes": [
                {
                    "speaker": q.speaker.to_dict(),
                    "cue": q.cue.to_dict() if q.cue is not None and not had else None,
                }
                for q, had in zip(quotes, had_cue, strict=True)
            ],
            "roles": {e.id: e.role for e in entities if e.role and stated_roles.get(e.id) is None},
        }
        return doc


__all__ = ["resolve_speakers", "SpeakersStage"]
