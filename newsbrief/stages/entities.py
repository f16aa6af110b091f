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

from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Entity, TextSpan
from .lexicon import HONORIFICS, NAME_LIKE_TITLES, ORG_HINT_WORDS, TITLE_WORDS
from .syntax import phrase_start

ENTITY_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_LEADING_DROP = {"the", "a", "an"}
# Labels ranked for ties in the type vote.
_LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")


@dataclass
class _Cluster:
    mentions: list[Span] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    # A name of two or more words labelled PERSON at least once ("Donald Trump").
    full_person: bool = False

    def tokens(self) -> set[str]:
        return {t for name in self.names for t in _name_key(name).split()}


def _trim(span: Span) -> Span | None:
    """Drop a leading article, honorific or adverb ("Certainly Donald Trump"
    in a small model's span) and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in _LEADING_DROP
        or doc[start].is_punct
        or doc[start].is_space
        or doc[start].lower_.rstrip(".") in HONORIFICS
        or (doc[start].pos_ == "ADV" and start + 1 < end)
    ):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _name_key(text: str) -> str:
    return " ".join(text.replace(".", "").replace("’", "'").lower().split())


def _looks_like_org(name: str) -> bool:
    return any(t in ORG_HINT_WORDS for t in _name_key(name).split())


def _cluster_type(cluster: _Cluster, canonical: str) -> str:
    labels = cluster.labels
    # The small English models often label a rare surname ORG in one sentence
    # and PERSON in the next; a proper name seen as a person once, with no
    # organisation word in it, is a person.
    if cluster.full_person and not _looks_like_org(canonical):
        # The small model often labels the bare surname ORG ("Trump said");
        # the full name labelled a person settles it.
        return "PERSON"
    if labels["PERSON"] and not _looks_like_org(canonical):
        all_propn = all(all(t.pos_ == "PROPN" or not t.is_alpha for t in m) for m in cluster.mentions)
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
    return max(cluster.names, key=lambda n: (len(n.split()), cluster.names[n], -order[n]))


def _is_title_before_name(tok: Token) -> bool:
    """Whether ``tok``, right before a capitalised name, is a title rather
    than a given name: "Sen." and "Governor" are, "Dean" ("Dean Johnson")
    is read as a first name (see NAME_LIKE_TITLES)."""
    word = tok.lower_.rstrip(".")
    if word not in TITLE_WORDS:
        return False
    return tok.text.endswith(".") or word not in NAME_LIKE_TITLES


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
    appositives ("the president, the vice president, Susan Rice"), where no
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
    "US Secretary of State John Kerry").
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
    while i >= 0:
        tok = doc[i]
        if not (i < tok.head.i < span.end):
            # Only words of the name's own noun phrase ("Last night Tory MP X": not "night").
            break
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
            # "State" in "Secretary of State John Kerry" comes first from the right
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


def cluster_entities(doc: Doc) -> list[Entity]:
    """Group the entity mentions of ``doc`` into entities (see module doc)."""
    mentions: list[tuple[Span, str]] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        trimmed = _trim(ent)
        # A name has a capital letter; "state" in "secretary of state" is not one.
        if trimmed is None or not any(t.is_alpha and t.text[0].isupper() for t in trimmed):
            continue
        label = ent.label_
        if label == "PERSON":
            # "Representative Brooks", "Sen. Warren": the title is a role, not the name.
            k = trimmed.start
            while k < trimmed.end - 1 and _is_title_before_name(ent.doc[k]):
                k += 1
            trimmed = ent.doc[k : trimmed.end]
        # "Mr Okafor", "Sen. Sanders" is a person whatever the model's label.
        before = ent.doc[trimmed.start - 1] if trimmed.start > 0 else None
        if (
            before is not None
            and label in ("ORG", "GPE", "NORP", "FAC")
            and before.text[:1].isupper()
            and (before.lower_.rstrip(".") in HONORIFICS or before.lower_.rstrip(".") in TITLE_WORDS)
            and not _looks_like_org(trimmed.text)
        ):
            label = "PERSON"
        mentions.append((trimmed, label))
    if not mentions:
        return []

    # 1. Exact clusters by normalised name.
    by_key: dict[str, _Cluster] = {}
    for span, label in mentions:
        key = _name_key(span.text)
        cluster = by_key.setdefault(key, _Cluster())
        cluster.mentions.append(span)
        cluster.names[span.text] += 1
        cluster.labels[label] += 1
        if label == "PERSON" and len(span) >= 2:
            cluster.full_person = True

    # 2. A shorter person name joins the one fuller person name that contains
    # all its tokens ("Kerry" -> "John Kerry"); ambiguous ones ("Clinton" with
    # both Hillary and Bill Clinton) join the most mentioned.
    keys = sorted(by_key, key=lambda k: -len(k.split()))
    merged_into: dict[str, str] = {}
    ambiguous: set[int] = set()  # mentions merged by a guess between several people
    for key in keys:
        cluster = by_key[key]
        if len(key.split()) >= 3 or not (cluster.labels["PERSON"] or cluster.labels["ORG"]):
            continue
        toks = set(key.split())
        candidates = [
            other
            for other in keys
            if other != key
            and other not in merged_into
            and len(other.split()) > len(key.split())
            and by_key[other].labels["PERSON"]
            and toks <= set(other.split())
            and key.split()[-1] == other.split()[-1]
        ]
        if not candidates:
            continue
        target = max(candidates, key=lambda k: len(by_key[k].mentions))
        merged_into[key] = target
        dest = by_key[target]
        if len(candidates) > 1:
            # "President Bush" joined Jeb Bush by a guess: its title may be George W. Bush's.
            ambiguous.update(id(m) for m in cluster.mentions)
        dest.mentions.extend(cluster.mentions)
        dest.names.update(cluster.names)
        dest.labels.update(cluster.labels)
        dest.full_person = dest.full_person or cluster.full_person

    # 3. An acronym joins the name it abbreviates ("US" -> "United States").
    for key in keys:
        if key in merged_into or " " in key or not (2 <= len(key) <= 6):
            continue
        if not any(m.text.replace(".", "").isupper() for m in by_key[key].mentions):
            continue
        for other in keys:
            words = [w for w in other.split() if w not in ("of", "and", "for", "the")]
            if other != key and other not in merged_into and len(words) > 1 and "".join(w[0] for w in words) == key:
                merged_into[key] = other
                dest = by_key[other]
                dest.mentions.extend(by_key[key].mentions)
                dest.names.update({n: 0 for n in by_key[key].names})
                dest.labels.update(by_key[key].labels)
                break

    clusters = [c for k, c in by_key.items() if k not in merged_into]
    clusters.sort(key=lambda c: min(m.start_char for m in c.mentions))

    entities: list[Entity] = []
    for n, cluster in enumerate(clusters, start=1):
        name = _canonical_name(cluster)
        etype = _cluster_type(cluster, name)
        ordered = sorted(cluster.mentions, key=lambda m: m.start_char)
        role = None
        if etype == "PERSON":
            for m in ordered:
                if id(m) in ambiguous:
                    continue
                role = find_role(m)
                if role:
                    break
        entities.append(
            Entity(
                id=f"e{n}",
                name=name,
                type=etype,
                mentions=[TextSpan(m.text, m.start_char, m.end_char) for m in ordered],
                role=role,
            )
        )
    _add_missed_surnames(doc, entities)
    return entities


def _add_missed_surnames(doc: Doc, entities: list[Entity]) -> None:
    """Add the bare surname mentions the model did not label.

    The small English model often misses a repeated surname ("It was
    expected that Locke would ...") or labels it a work of art or a
    product, after labelling the full name a person; the
    speakers stage needs those mentions as antecedents. One pass over the
    tokens; only surnames that belong to a single person are added.
    """
    by_surname: dict[str, Entity | None] = {}
    for ent in entities:
        words = ent.name.split()
        if ent.type != "PERSON" or len(words) < 2:
            continue
        key = words[-1]
        by_surname[key] = None if key in by_surname else ent
    if not by_surname:
        return
    added: set[str] = set()
    for tok in doc:
        # Unlabelled, or given a label no person has (WORK_OF_ART, PRODUCT).
        if tok.ent_type_ in ENTITY_LABELS or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        ent = by_surname.get(tok.text)
        if ent is None:
            continue
        # A lone name, not part of another name ("Locke Street").
        prev_propn = tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN"
        next_propn = tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"
        if prev_propn or next_propn:
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
