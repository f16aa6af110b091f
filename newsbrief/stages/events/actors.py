"""Actors: a noun phrase of the parse resolved to a country code, a sector
and an entity of the brief.

Names are found once per document by a longest-first window over the tokens,
looked up in dictionaries (``lexicon.py``); a dict lookup per window is
cheaper than building a PhraseMatcher over pycountry's ~5,000 subdivision
names in every process, and lets the key keep hyphens ("Bosnia-Herzegovina").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
from spacy.attrs import ENT_TYPE, IDX, IS_DIGIT, IS_TITLE, IS_UPPER, LENGTH, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from ...model import Entity
from ..columns import columns
from ..syntax import doc_text, in_sorted
from .lexicon import Lexicon, first_word, fold

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
_SPACES = re.compile(r"\s+")
# Words that end an actor phrase: a relative clause or a participle after the
# head describes the actor but is not part of it.
_PHRASE_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos"})
_NO_COUNTRY_BEFORE = re.compile(r"^(ethnic|pro|anti|-)$")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "who", "which", "that"})


_LOWER_FIRST_IDS: dict[tuple[int, frozenset[str]], np.ndarray] = {}


def _lower_first_ids(strings: StringStore, words: frozenset[str]) -> np.ndarray:
    """The string ids of the lower-case name starts (sorted, for
    ``in_sorted``), once per vocabulary."""
    key = (id(strings), words)
    ids = _LOWER_FIRST_IDS.get(key)
    if ids is None:
        ids = _LOWER_FIRST_IDS[key] = np.array(sorted({strings.add(w) for w in words}), dtype=np.uint64)
    return ids


_PLACE_LABEL_IDS: dict[int, frozenset[int]] = {}


def _place_label_ids(strings: StringStore) -> frozenset[int]:
    ids = _PLACE_LABEL_IDS.get(id(strings))
    if ids is None:
        ids = _PLACE_LABEL_IDS[id(strings)] = frozenset(_lower_first_ids(strings, _PLACE_LABELS).tolist())
    return ids


# Words kept in ``Lexicon.widest_cache`` at most (it is cleared past it).
_WIDEST_MAX = 200_000


def _widest(lex: Lexicon, word: str) -> int:
    """The widest name window ``word`` can start (0: none), from the
    lexicon's cache: most candidate words are capitalised words that start
    no name, and they repeat across documents."""
    cache = lex.widest_cache
    widest = cache.get(word)
    if widest is None:
        widest = lex.first_words.get(first_word(fold(word)), 0)
        if widest and not (word[:1].isupper() or word[:1].isdigit() or word.lower() in lex.lower_first_words):
            widest = 0  # names start with a capital ("us" is not "US"), bar a few ("al-Qaeda")
        if len(cache) >= _WIDEST_MAX:
            cache.clear()
        cache[word] = widest
    return widest


@dataclass
class NameHit:
    start: int  # token index
    end: int
    country: str | None
    sector: str | None
    kind: str  # place kind, or "org"
    is_place: bool


@dataclass
class ActorInfo:
    head: Token
    start: int  # char offsets of the phrase
    end: int
    country: str | None
    sector: str | None
    entity: str | None
    named: bool  # a name (entity, country, organisation), not only a sector word
    place: bool  # the phrase is a place name ("in Aleppo")

    def to_dict(self, text: str) -> dict[str, object]:
        code = self.country or (self.sector if self.sector in ("IGO", "NGO", "IMG") else None)
        return {
            "text": text[self.start : self.end],
            "start": self.start,
            "end": self.end,
            "entity": self.entity,
            "country": self.country,
            "sector": self.sector,
            "code": code,
        }


class NameIndex:
    """Every country, place and organisation name in one document, by token."""

    def __init__(self, doc: Doc, lex: Lexicon, entities: list[Entity], text: str | None = None) -> None:
        self.doc = doc
        self.lex = lex
        self.by_token: dict[int, NameHit] = {}
        text = self.text = doc_text(doc) if text is None else text
        n = len(doc)
        # Candidate starts from arrays, not Token objects: a capital or a
        # digit first, or one of the few lower-case words that start a name;
        # the window below runs from those tokens alone.
        starts: list[int] = []
        idx: list[int] = []
        ends: list[int] = []
        ent_types: list[int] = []
        if n:
            arr = columns(doc, [IS_TITLE, IS_UPPER, IS_DIGIT, LOWER, IDX, LENGTH, ENT_TYPE])
            capital = (arr[:, 0] | arr[:, 1] | arr[:, 2]).astype(bool)
            lower_first = _lower_first_ids(doc.vocab.strings, lex.lower_first_words)
            if len(lower_first):
                capital |= in_sorted(arr[:, 3], lower_first)
            starts = np.flatnonzero(capital).tolist()
            # Character offsets by token, so the windows slice the text
            # without a Token object per word tried.
            idx = arr[:, 4].tolist()
            ends = (arr[:, 4] + arr[:, 5]).tolist()
            # The entity label of each token (0: none), as doc.ents gives it.
            ent_types = arr[:, 6].tolist()
        place_labels = _place_label_ids(doc.vocab.strings)
        widest_cache = lex.widest_cache
        windows = lex.window_cache
        if len(windows) >= _WIDEST_MAX:
            windows.clear()
        i = 0
        for cand in starts:
            if cand < i:
                continue  # inside the name found last
            i = cand
            hit = None
            word = text[idx[i] : ends[i]]
            widest = widest_cache.get(word)
            if widest is None:
                widest = _widest(lex, word)
            for width in range(min(widest, n - i), 0, -1):
                j = i + width
                window = text[idx[i] : ends[j - 1]]
                found = windows.get(window)
                if found is None:
                    key = _SPACES.sub(" ", fold(window))
                    found = windows[window] = (lex.orgs.get(key), lex.places.get(key))
                org, place = found
                if org is not None:
                    country = None if org.code in ("IGO", "NGO", "IMG") else org.code
                    sector = org.sector
                    hit = NameHit(i, j, country, sector, "org", False)
                    break
                if place is not None:
                    if place.kind == "subdivision" and place_labels.isdisjoint(ent_types[i:j]):
                        continue
                    hit = NameHit(i, j, place.country, None, place.kind, place.kind not in ("demonym",))
                    break
            if hit is None:
                continue
            if hit.kind == "demonym" and i > 0 and _NO_COUNTRY_BEFORE.match(doc[i - 1].lower_):
                # "ethnic Albanians" live elsewhere; "pro-Iranian" is not Iran.
                hit.country = None
            for k in range(hit.start, hit.end):
                self.by_token[k] = hit
            i = hit.end
        self.entity_starts: list[int] = []
        self.entity_mentions: list[tuple[int, int, Entity]] = []
        for ent in entities:
            for m in ent.mentions:
                self.entity_mentions.append((m.start, m.end, ent))
        self.entity_mentions.sort(key=lambda x: x[0])
        self.entity_starts = [m[0] for m in self.entity_mentions]
        self._role_cache: dict[str, tuple[str | None, str | None]] = {}
        self._resolved: dict[int, ActorInfo | None] = {}
        self._phrases: dict[int, tuple[int, int]] = {}

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end)."""
        i = bisect_right(self.entity_starts, end - 1) - 1
        # Mentions are short: a few steps back reach any that overlaps.
        for s, e, ent in reversed(self.entity_mentions[max(0, i - 8) : i + 1]):
            if e > start and s < end:
                return ent
        return None

    def _text_codes(self, text: str) -> tuple[str | None, str | None]:
        """Country and sector named in a role ("US secretary of state")."""
        if text in self._role_cache:
            return self._role_cache[text]
        country = sector = None
        words = re.findall(r"[\w.'-]+", text)
        for width in range(3, 0, -1):
            for k in range(len(words) - width + 1):
                place = self.lex.places.get(fold(" ".join(words[k : k + width])))
                if country is None and place is not None and place.kind != "subdivision":
                    country = place.country
        for w in words:
            s = self.lex.sectors.get(w.lower())
            if s:
                sector = s
                break
        self._role_cache[text] = (country, sector)
        return country, sector

    def phrase_tokens(self, head: Token) -> tuple[int, int]:
        """Token range of the actor phrase headed by ``head``: its left
        modifiers and its prepositional phrases, without relative clauses,
        appositives or coordinated phrases. Worked out once per token (an
        event asks again for its actors' phrases)."""
        found = self._phrases.get(head.i)
        if found is None:
            found = self._phrases[head.i] = self._phrase_tokens(head)
        return found

    def _phrase_tokens(self, head: Token) -> tuple[int, int]:
        start = head.i
        for child in head.lefts:
            if child.dep_ in ("det", "predet") and child.i == start - 1 and child.lower_ in ("the", "a", "an"):
                continue
            if child.dep_ not in _PHRASE_CUT_DEPS:
                start = min(start, child.left_edge.i)
        while start < head.i and (self.doc[start].lower_ in ("the", "a", "an") or self.doc[start].is_punct):
            start += 1
        end = head.i + 1
        for child in head.rights:
            if child.dep_ in _PHRASE_CUT_DEPS:
                break
            end = max(end, child.right_edge.i + 1)
        while end - 1 > head.i and (self.doc[end - 1].is_punct or self.doc[end - 1].tag_ == "POS"):
            end -= 1
        return start, end

    def _country_tokens(self, head: Token, start: int, end: int) -> list[int]:
        """Tokens of the phrase that may give its country: the head, its
        left modifiers, and the object of a preposition right after it with
        that object's modifiers ("forces in Guinea", "doctors from two
        American groups"), not deeper phrases ("talks on aid for Namibia")."""
        out = list(range(start, head.i + 1))
        for child in head.rights:
            if child.dep_ == "appos":  # "Kenzo Oshima, the UN relief coordinator"
                out.extend(t.i for t in child.subtree)
                continue
            if child.dep_ == "punct":
                continue
            if child.i >= end:
                break
            if child.dep_ in ("compound", "amod", "nmod", "flat"):
                out.extend(t.i for t in child.subtree)
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "at"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend(t.i for t in pobj.lefts)
                        out.extend(t.i for t in pobj.subtree if t.i <= pobj.i)
        return out

    def resolve(self, head: Token) -> ActorInfo | None:
        """The actor headed by ``head``, or None when it is no actor (no
        name, no entity and no sector word). Worked out once per token (the
        recipient search of each event asks again for the same phrases); a
        fresh copy each time, as the caller fills in a missing country."""
        if head.i not in self._resolved:
            self._resolved[head.i] = self._resolve(head)
        info = self._resolved[head.i]
        if info is None:
            return None
        # Field by field: dataclasses.replace costs several times more.
        return ActorInfo(info.head, info.start, info.end, info.country, info.sector, info.entity, info.named,
                         info.place)

    def _resolve(self, head: Token) -> ActorInfo | None:
        doc = self.doc
        start, end = self.phrase_tokens(head)
        span = doc[start:end]
        country = sector = None
        named = place = False
        entity = self.entity_at(head.idx, head.idx + len(head.text))
        hits = []
        seen = set()
        for i in self._country_tokens(head, start, end):
            hit = self.by_token.get(i)
            if hit is not None and id(hit) not in seen:
                seen.add(id(hit))
                hits.append(hit)
        # A name or a place outranks a demonym ("the pro-Iranian Hizbollah").
        hits.sort(key=lambda h: h.kind == "demonym")
        head_hit = self.by_token.get(head.i)
        if head_hit is not None:
            named = True
            place = head_hit.is_place and head_hit.kind != "org"
            country = head_hit.country
            sector = head_hit.sector
        if head_hit is not None and head_hit.kind == "demonym":
            # "the Albanians of southern Serbia": where they live, not who.
            home = next((h for h in hits if h.is_place and h.country and h is not head_hit), None)
            if home is not None:
                country = home.country
        for hit in hits:
            if country is None and hit.country:
                country = hit.country
            if sector is None and hit.sector:
                sector = hit.sector
            named = named or hit.kind != "demonym" or hit is head_hit
        if entity is not None:
            named = True
            if entity.type == "PERSON" and entity.role:
                rc, rs = self._text_codes(entity.role)
                country = country or rc
                sector = sector or rs
            if entity.type in ("GPE", "LOC") and head_hit is None:
                place = True
        head_sector = self.lex.sectors.get(head.lemma_.lower()) or self.lex.sectors.get(head.lower_)
        if head_hit is not None and head_hit.kind == "demonym" and head_hit.country is None:
            head_sector = "ETH"  # "ethnic Albanians": a group, placed by context
        if not (head_hit is not None or entity is not None or head_sector or head.pos_ == "PROPN"):
            # "Sweden's decision", "military aid": the thing is no actor
            # (its owner may be: the caller tries the modifiers).
            return None
        if sector is None:
            sector = head_sector
        if sector is None and (head.pos_ == "PROPN" or entity is not None):
            # A title before a name: "Defence Secretary Tom King".
            for tok in span:
                if tok.i != head.i and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
                    s = self.lex.sectors.get(tok.lemma_.lower())
                    if s:
                        sector = s
                        break
        if country is None and sector is None and not named:
            return None
        if head.pos_ == "PRON" or (head.lower_ in _PRONOUNS and not head.text[:1].isupper()):
            return None
        return ActorInfo(
            head=head,
            start=span.start_char,
            end=span.end_char,
            country=country,
            sector=sector,
            entity=entity.id if entity is not None else None,
            named=named or entity is not None,
            place=place,
        )


def conjuncts(head: Token) -> list[Token]:
    """The head and the heads coordinated with it ("the US and Jordan")."""
    out = [head]
    for tok in head.conjuncts:
        if tok.i > head.i and tok.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            out.append(tok)
    return out


def coordinated_demonyms(index: NameIndex, span: Span) -> list[int]:
    """Token indices of demonyms coordinated inside one phrase ("French and
    Egyptian warships"): each is an actor of its own."""
    out = []
    doc = span.doc
    # By index: a Token object only for the words that start a name.
    for i in range(span.start, span.end):
        hit = index.by_token.get(i)
        if hit is None or hit.start != i:
            continue
        parts = [doc[k] for k in range(hit.start, hit.end)]
        conj = [c for p in parts for c in p.children if c.dep_ == "conj" and c.i in index.by_token]
        if conj and any(p.dep_ in ("amod", "compound", "nmod") for p in parts):
            out.append(i)
            out.extend(index.by_token[c.i].start for c in conj)
    return out
