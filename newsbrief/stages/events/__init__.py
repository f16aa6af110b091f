"""Events: who did what to whom, coded in PLOVER's 16 event types.

Per sentence, the stage finds trigger words (rules in
``data/triggers.json``: a lemma, its part of speech and, for some, a child in
the parse it needs: "lift" + "curfew" is CONCEDE), keeps the trigger highest in
the clause tree (reporting, aspectual and light verbs do not count: in
"officials said the army attacked", "attacked" is the main event), plus at most one trigger that heads a
separate clause with its own subject beside it ("X attacked Y, and Z condemned
it"; not the main event's content, a condition or a relative clause), and
reads each event's arguments from the parse:

* the actor: the subject (the "by" agent of a passive), climbing through
  infinitives and coordinated verbs ("offered to hand over"), or the modifier
  of a noun trigger ("a regime offensive"); a pronoun takes the subject of the
  reporting verb above it or the previous event's actor;
* the recipient: the first phrase below the trigger (objects, then
  prepositional objects, then the clauses it governs) that resolves to an
  actor; a place ("in Tokyo") only when nothing else does, as PLOVER's coders
  do;
* codes: the country (ISO 3166-1 alpha-3) and sector named in the phrase or
  in the entity's role; a phrase with a sector word but no country ("the
  students") takes the country of the other party, the place, or the article,
  the coders' default for domestic events.

A stated future or condition ("will give", "would boycott", "unless") makes a
cooperative act an AGREE (a promise) and a hostile one a THREATEN, marked
``hypothetical``; "X said Y must ..." is a REQUEST of Y. ``negated`` marks "did
not attack". ``attribution`` is the index of the quote the event was reported
in (the trigger inside its content, or the trigger is its cue).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..columns import column, columns
from ..layers import read_entities, read_quotes
from ..lexicon import SPEECH_VERBS
from ..syntax import doc_text, in_sorted
from .actors import ActorInfo, NameIndex, conjuncts, coordinated_demonyms
from .lexicon import PLOVER_TYPES, Lexicon, load_lexicon

_SUBJECT_DEPS = ("nsubj", "csubj", "expl")
_CLIMB_DEPS = ("xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp", "prep", "pobj", "dobj", "acl", "relcl")
_RECIPIENT_DEPS = frozenset(
    {"dobj", "dative", "pobj", "nsubjpass", "nsubj", "attr", "poss", "compound", "amod", "appos", "npadvmod", "oprd"}
)
_SKIP_DEPS = frozenset({"aux", "auxpass", "neg", "punct", "cc", "mark", "det", "advmod", "prt", "case"})
# Clauses beside the event, not its arguments: "..., citing domestic
# opposition", "Serbia, where 24 people were killed".
_OTHER_CLAUSE_DEPS = frozenset({"parataxis", "relcl"})
# Heads that count or group the actor ("thousands of Kurds", "a group of").
_QUANTITY_HEADS = frozenset(
    "hundred hundreds thousand thousands dozen dozens score scores tens million millions group third half "
    "part member members some many most majority number".split()
)
_LOCATION_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "him", "her", "them", "us", "i", "who", "which", "that"})
_MAX_BFS = 5
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Passive forms that describe their subject's stance ("is opposed to",
# "is committed to", "were engaged in").
_STATIVE_PASSIVES = frozenset({"oppose", "commit", "engage", "prepare", "determine", "involve", "opposed", "committed"})
# Passives whose subject does it to itself ("guerrillas were demobilized").
_SELF_PASSIVES = frozenset({"demobilize", "demobilise", "disarm", "withdraw", "evacuate", "deploy", "mobilize"})


def _depth(tok: Token, lex: Lexicon) -> int:
    """How many clause-heading verbs stand above ``tok`` (reporting,
    aspectual and light verbs not counted)."""
    # A verb inside a noun phrase ("their refusal to accept") is not a
    # clause of the sentence: one level down.
    depth = int(tok.pos_ == "VERB" and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"))
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and not (
            cur.lemma_ in lex.transparent or cur.lemma_ in SPEECH_VERBS or cur.lemma_ in lex.light_verbs
        ):
            depth += 1
    return depth


def _raw_depth(tok: Token) -> int:
    depth, cur = 0, tok
    while cur.head.i != cur.i:
        cur = cur.head
        depth += cur.pos_ in ("VERB", "AUX")
    return depth


def _purpose_of_event(tok: Token, triggers: dict[int, Any], lex: Lexicon) -> bool:
    """An infinitive of purpose under an event noun's light verb ("staged a
    hunger strike to demand ...") says why, not what happened."""
    if tok.dep_ not in ("advcl", "xcomp") or not any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children):
        return False
    head = tok.head
    if not (head.lemma_ in lex.light_verbs or head.lemma_ in lex.transparent):
        return False
    return any(c.dep_ in ("dobj", "attr") and c.i in triggers for c in head.children)


def _verb_of(tok: Token) -> Token:
    """The verb a noun trigger hangs from ("staged a demonstration")."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


class EventsStage:
    """Writes ``doc._.nb_events``: one dict per event (``Event.to_dict``)."""

    def __init__(self, nlp: Language) -> None:
        self.lex = load_lexicon()
        # Rules indexed by trigger lemma, matched in one pass over the tokens.
        # spaCy's DependencyMatcher ran the same rules but evaluated every
        # pattern's predicates on every token: 15x the rest of the stage.
        self.by_lemma: dict[str, list[dict[str, Any]]] = {}
        for order, rule in enumerate(self.lex.rules):
            if rule["type"] not in PLOVER_TYPES:
                raise ValueError(f"events rule {rule['name']!r}: unknown PLOVER type {rule['type']!r}")
            need = rule.get("with") or {}
            compiled = {
                **rule,
                "order": order,
                "pos_set": frozenset(rule["pos"]),
                "need_lemmas": frozenset(need.get("lemmas") or ()),
                "need_deps": frozenset(need.get("deps") or ()),
            }
            compiled["nodes"] = 2 if compiled["need_lemmas"] else 1
            for lemma in rule["lemmas"]:
                self.by_lemma.setdefault(lemma, []).append(compiled)
        strings = nlp.vocab.strings
        # String ids sorted, for ``in_sorted`` over a token column (np.isin
        # sorts both arrays on every call; a set lookup is a Python step per
        # token).
        self.lemma_ids = np.array(sorted({strings.add(w) for w in self.by_lemma}), dtype=np.uint64)
        self.modal_ids = np.array(sorted({strings.add(w) for w in self.lex.request_modals}), dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        doc._.nb_events = find_events(doc, self)
        return doc


@Language.factory(
    "newsbrief_events",
    assigns=["doc._.nb_events"],
    requires=["doc._.nb_quotes", "doc._.nb_entities", "doc._.nb_speakers"],
    default_config={},
)
def make_events_stage(nlp: Language, name: str) -> EventsStage:
    return EventsStage(nlp)


# ---------------------------------------------------------------- triggers


def _triggers(doc: Doc, stage: EventsStage, lemmas: np.ndarray | None = None) -> dict[int, dict[str, Any]]:
    """The best rule for each trigger token: a rule that needs a child
    ("lift" + "curfew") outranks one that does not, then file order. Lemmas
    are read as one array (a Token object per word costs more than the
    whole lookup); ``lemmas``: that column when the caller has it."""
    best: dict[int, dict[str, Any]] = {}
    if len(doc) == 0:
        return best
    if lemmas is None:
        lemmas = column(doc, LEMMA)
    for i in np.flatnonzero(in_sorted(lemmas, stage.lemma_ids)).tolist():
        tok = doc[i]
        for rule in stage.by_lemma.get(tok.lemma_, ()):
            if tok.pos_ not in rule["pos_set"]:
                continue
            if rule["need_lemmas"] and not any(
                _fills(c, rule["need_lemmas"], stage.lex) and (not rule["need_deps"] or c.dep_ in rule["need_deps"])
                for c in tok.children
            ):
                continue
            cur = best.get(tok.i)
            if cur is None or (rule["nodes"], -rule["order"]) > (cur["nodes"], -cur["order"]):
                best[tok.i] = rule
    return best


def _fills(child: Token, lemmas: frozenset[str], lex: Lexicon) -> bool:
    """The child a rule needs, or a generic head carrying it ("ended
    mediation efforts" reads as "ended mediation")."""
    if child.lemma_ in lemmas:
        return True
    return child.lemma_ in lex.generic_event_heads and any(
        c.dep_ == "compound" and c.lemma_ in lemmas for c in child.children
    )


def _modal_candidates(doc: Doc, stage: EventsStage, lowers: np.ndarray | None = None) -> set[int]:
    """Verbs with "must"/"should" ("Y must withdraw"), found from the array
    of lower-case forms (``lowers``: that column when the caller has it)."""
    if len(doc) == 0:
        return set()
    if lowers is None:
        lowers = column(doc, LOWER)
    out = set()
    for i in np.flatnonzero(in_sorted(lowers, stage.modal_ids)).tolist():
        tok = doc[i]
        if tok.dep_ == "aux":
            out.add(tok.head.i)
    return out


def _noun_trigger_ok(tok: Token, index: NameIndex, lex: Lexicon) -> bool:
    """A noun counts as an event only with a doer or an undergoer in sight:
    the object of a light verb ("staged a protest"), a modifier that is an
    actor ("a regime offensive"), or a "by/with/against/on" argument."""
    if tok.dep_ in ("dobj", "attr", "nsubjpass", "pobj") and (
        tok.head.lemma_ in lex.light_verbs or tok.head.lemma_ in lex.transparent
    ):
        return True
    if tok.pos_ == "ADJ" and tok.dep_ == "amod" and index.resolve(tok.head) is not None:
        return True  # "a regime offensive" parsed as an adjective on "regime"
    if tok.dep_ == "compound" and tok.head.lemma_ in lex.generic_event_heads:
        return _noun_trigger_ok(tok.head, index, lex)  # "launched a mediation effort between ..."
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "amod") and index.resolve(child) is not None:
            return True
        if child.dep_ == "prep" and child.lower_ in ("by", "with", "against", "between", "on"):
            return True
    return False


def _has_modal(tok: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in tok.children)


def _speech_head(tok: Token, lex: Lexicon) -> Token | None:
    """The reporting verb (or noun: "a reminder that") whose clause ``tok`` is."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("ccomp", "acl", "xcomp", "advcl", "conj") or cur.dep_ == "relcl":
            head = cur.head
            if head.lemma_ in SPEECH_VERBS or head.lemma_ in lex.transparent:
                return head
            if head.pos_ == "NOUN" and head.head.lemma_ in SPEECH_VERBS | lex.transparent:
                return head.head
            cur = head
            continue
        return None
    return None


def _intent(tok: Token, lex: Lexicon) -> bool:
    """A stated future, intention or condition: "will give", "would boycott",
    "prepared to lift", "... unless", "if ...". Looks at the trigger and the
    verbs it is the infinitive of."""
    cur = tok
    for _ in range(4):
        if _has_modal(cur, lex.intent_aux):
            return True
        if _conditional(cur, lex):
            return True
        if cur.dep_ in ("xcomp", "acomp") and cur.head.lemma_ in lex.intent_heads:
            return True
        if cur.dep_ == "xcomp" and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "xcomp" or cur.head.lemma_ in lex.intent_heads:
            return True
        break
    return False


def _conditional(tok: Token, lex: Lexicon) -> bool:
    """A condition hangs on it: "... unless X", "if X ..."."""
    for cur in (tok, tok.head):
        for child in cur.children:
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in lex.conditional_marks for m in child.children
            ):
                return True
    return False


def _negated(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        if any(c.dep_ == "neg" for c in cur.children):
            return True
        if cur.dep_ != "xcomp":
            return False
        cur = cur.head
    return False


# ---------------------------------------------------------------- arguments


def _subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The doer of ``verb``: (token, from a passive agent)."""
    # The first agent, subject and passive subject in one walk of the
    # children (each walk makes a Token object per child).
    agent = subj = passive = None
    for c in verb.children:
        dep = c.dep_
        if agent is None and dep == "agent":
            agent = c
        if subj is None and dep in _SUBJECT_DEPS:
            subj = c
        if passive is None and dep == "nsubjpass":
            passive = c
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj, True
    if subj is not None:
        return subj, False
    if passive is not None:
        # "Israel is opposed to": an adjectival passive, its subject acts;
        # "civilians were killed": no doer named.
        if verb.lemma_ in _STATIVE_PASSIVES or verb.lemma_ in _SELF_PASSIVES:
            return passive, False
        return None, False
    if depth < 4 and verb.head.i != verb.i:
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP", "VBG")):
            # "militias who attacked", "people fleeing"; a finite verb parsed
            # as a modifier ("groups donated") is the clause's own verb.
            return verb.head, False
        if verb.dep_ in _CLIMB_DEPS:
            return _subject(verb.head, depth + 1)
    return None, False


def _noun_actor(tok: Token, index: NameIndex) -> Token | None:
    if tok.pos_ == "ADJ" and tok.dep_ == "amod":
        return tok.head
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "amod") and index.resolve(child) is not None:
            return child
    return None


def _bfs(start: Token, skip: set[int]) -> list[Token]:
    """Tokens below ``start``, nearest first, without subjects, agents and
    the subtrees in ``skip``."""
    out: list[Token] = []
    frontier = [start]
    for _ in range(_MAX_BFS):
        nxt = []
        for tok in frontier:
            for child in tok.children:
                if child.i in skip or child.dep_ in _SKIP_DEPS or child.dep_ in _OTHER_CLAUSE_DEPS:
                    continue
                if tok.i == start.i and (
                    child.dep_ == "agent" or (child.dep_ in _SUBJECT_DEPS and start.pos_ in ("VERB", "AUX"))
                ):
                    continue
                out.append(child)
                nxt.append(child)
        frontier = nxt
        if not frontier:
            break
    return out


def _location(trigger: Token, index: NameIndex, skip: set[int]) -> ActorInfo | None:
    cur = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "pobj", "nsubjpass")]
    for tok in cur:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATION_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i not in skip:
                        info = index.resolve(pobj)
                        if info is not None and info.place:
                            return info
    return None


def _date(trigger: Token) -> Span | None:
    doc = trigger.doc
    for child in trigger.children:
        toks = [child] if child.dep_ in ("npadvmod", "tmod") else []
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "since", "last"):
            toks = [c for c in child.children if c.dep_ == "pobj"]
        for tok in toks:
            if tok.ent_type_ == "DATE":
                start = end = tok.i
                while start > 0 and doc[start - 1].ent_type_ == "DATE" and doc[start - 1].ent_iob_ != "B":
                    start -= 1
                if doc[start].ent_iob_ != "B":
                    start = max(start - 1, 0) if doc[max(start - 1, 0)].ent_type_ == "DATE" else start
                while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
                    end += 1
                return doc[start : end + 1]
    return None


def _resolve_pronoun(tok: Token, index: NameIndex, lex: Lexicon, previous: list[ActorInfo]) -> Token | None:
    """A pronoun actor: the subject of the reporting verb above it ("X
    announced it will ..."), else None (the caller falls back on the
    previous event's actor)."""
    head = _speech_head(tok.head, lex)
    cur = head
    for _ in range(3):  # "X was quoted as saying he would ..."
        if cur is None:
            break
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj if subj.pos_ != "PRON" else None
        cur = cur.head if cur.head.i != cur.i else None
    return None


def _actors_from(head: Token | None, index: NameIndex, *, owners: bool = True) -> list[ActorInfo]:
    """The parties headed by ``head`` and its conjuncts. owners: a thing
    that is no actor stands for its owner ("US Predator attacks"); the
    recipient search reaches owners itself, one level further down."""
    if head is None:
        return []
    out: list[ActorInfo] = []
    if head.pos_ == "NUM" or head.lower_ in _QUANTITY_HEADS:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            head = pobj
    for tok in conjuncts(head):
        info = index.resolve(tok)
        if info is None and owners:
            # "US Predator attacks", "Sweden's decision": the owner acts.
            for child in tok.lefts:
                if child.dep_ in ("poss", "compound", "amod", "nmod"):
                    info = index.resolve(child)
                    # A name or a country owns the thing; a sector word
                    # does not make one ("terrorist activities").
                    if info is not None and (info.country or info.named):
                        break
                    info = None
        if info is None:
            continue
        start, end = index.phrase_tokens(tok)
        split = coordinated_demonyms(index, index.doc[start:end])
        if len(split) > 1:
            for i in split:
                hit = index.by_token[i]
                part = index.doc[hit.start : hit.end]
                out.append(
                    ActorInfo(index.doc[i], part.start_char, part.end_char, hit.country, info.sector, None, True, False)
                )
            continue
        out.append(info)
    return out


def _document_country(index: NameIndex) -> str | None:
    counts = Counter(hit.country for hit in {id(h): h for h in index.by_token.values()}.values() if hit.country)
    return counts.most_common(1)[0][0] if counts else None


def find_events(doc: Doc, stage: EventsStage) -> list[dict[str, Any]]:
    """The events of ``doc``, in text order, as ``Event.to_dict`` dicts."""
    lex = stage.lex
    text = doc_text(doc)
    index = NameIndex(doc, lex, read_entities(doc), text)
    quotes = read_quotes(doc)
    # Both token columns in one read.
    cols = columns(doc, [LEMMA, LOWER])
    triggers = _triggers(doc, stage, cols[:, 0])
    doc_country: str | None = None
    doc_country_done = False
    events: list[dict[str, Any]] = []
    previous: list[ActorInfo] = []
    modals = _modal_candidates(doc, stage, cols[:, 1])
    by_sentence: dict[int, list[int]] = {}
    sents = list(doc.sents)
    sent_starts = [s.start for s in sents]
    for i in sorted(set(triggers) | modals):
        by_sentence.setdefault(bisect_right(sent_starts, i) - 1, []).append(i)
    for si, token_ids in sorted(by_sentence.items()):
        sent = sents[si]
        cands = []
        for i in token_ids:
            tok = doc[i]
            rule = triggers.get(tok.i)
            modal = (
                tok.i in modals
                and tok.pos_ in ("VERB", "AUX")
                and _speech_head(tok, lex) is not None
                and any(c.dep_ in _SUBJECT_DEPS for c in tok.children)
            )
            if rule is None and not modal:
                continue
            is_noun = rule is not None and tok.pos_ not in ("VERB", "AUX") and not modal
            if is_noun and not _noun_trigger_ok(tok, index, lex):
                continue
            nodes = rule["nodes"] if rule else 1
            depth = _depth(tok, lex)
            if not is_noun and _purpose_of_event(tok, triggers, lex):
                depth += 1
            cands.append((depth, _raw_depth(tok), is_noun, -nodes, tok.i, tok, rule, modal))
        if not cands:
            continue
        cands.sort(key=lambda c: c[:5])
        picked = [cands[0]]
        second = _second_clause(cands, lex)
        if second is not None:
            picked.append(second)
        picked.sort(key=lambda c: c[4])  # text order
        clauses = [_clause_verb(c[5], c[2]) for c in picked]
        for k, (_, _, is_noun, _, _, trig, rule, modal) in enumerate(picked):
            # The other event's clause, where it sits below this one's.
            beside = next((v for j, v in enumerate(clauses) if j != k and v.i != trig.i and
                           any(a.i == clauses[k].i for a in v.ancestors)), None)
            event = _build(trig, rule, modal, is_noun, index, lex, previous, beside)
            if event is None:
                continue
            ev, actor_infos, recipient_infos, location = event
            # Codes from context: a sector-only phrase ("the students") takes
            # the other party's country, the place's, then the article's.
            for group, other in ((actor_infos, recipient_infos), (recipient_infos, actor_infos)):
                for info in group:
                    # A target with no country of its own ("La Prensa", "the town
                    # of Cizre") is domestic to the actor, as coders default.
                    as_target = group is recipient_infos and info.entity is not None
                    if (
                        info.country is None
                        and info.sector not in ("IGO", "NGO", "IMG")
                        and (as_target or _contextual(info, index))
                    ):
                        country = next((o.country for o in other if o.country), None)
                        if country is None and location is not None:
                            country = location.country
                            if group is actor_infos:
                                ev["_actor_from_location"] = True
                        if country is None:
                            if not doc_country_done:
                                doc_country, doc_country_done = _document_country(index), True
                            country = doc_country
                        info.country = country
            if ev.pop("_actor_from_location", False) and location is not None:
                recipient_infos = [r for r in recipient_infos if (r.start, r.end) != (location.start, location.end)]
            ev["actor"] = [a.to_dict(text) for a in actor_infos]
            ev["recipient"] = [r.to_dict(text) for r in recipient_infos]
            ev["sentence"] = {"start": sent.start_char, "end": sent.end_char}
            t0 = ev["trigger"]["start"]
            for qi, q in enumerate(quotes):
                in_content = q.start <= t0 < q.end
                is_cue = q.cue is not None and q.cue.start <= t0 < q.cue.end
                if in_content or is_cue:
                    ev["attribution"] = qi
                    break
            events.append(ev)
            if actor_infos:
                previous = actor_infos
    return events


def _clause_verb(tok: Token, is_noun: bool) -> Token:
    return _verb_of(tok) if is_noun else tok


def _own_subject(verb: Token, lex: Lexicon) -> bool:
    """Whether a clause has its own subject; a relative pronoun ("who
    attacked") is the main clause's noun, not a new doer."""
    return any(c.dep_ in lex.second_subject_deps and c.lower_ not in _RELATIVE_PRONOUNS for c in verb.children)


def _second_clause(cands: list[tuple[Any, ...]], lex: Lexicon) -> tuple[Any, ...] | None:
    """A second event for the sentence: the best other trigger that heads a
    clause of its own ("X attacked Y and Z condemned it"), with its own
    subject, linked to the main event's clause by coordination or an
    adverbial clause, not as its content ("X warned that Y would attack")
    nor as a condition ("unless Y withdrew")."""
    main = cands[0]
    v1 = _clause_verb(main[5], main[2])
    for cand in cands[1:]:
        tok, is_noun, modal = cand[5], cand[2], cand[7]
        v2 = _clause_verb(tok, is_noun)
        if v2.i == v1.i or modal or v2.dep_ not in lex.second_clause_deps:
            continue
        if is_noun and not (tok.head.i == v2.i and tok.dep_ in ("dobj", "attr") and v2.lemma_ in lex.light_verbs):
            continue  # a noun heads the clause's event only under a light verb ("Z staged a protest")
        if not _own_subject(v2, lex):
            continue
        if v2.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in v2.children):
            continue
        if v2.is_ancestor(main[5]):
            continue  # the main event is inside this clause: one of its arguments
        # Climb from v2 to the main clause: below it, the link just under
        # v1 must be coordination or an adverbial clause.
        cur, ok = v2, True
        while cur.head.i != cur.i and cur.head.i != v1.i:
            cur = cur.head
        if cur.head.i == v1.i and cur.dep_ not in lex.second_under_main_deps:
            ok = False
        if ok:
            return cand
    return None


def _contextual(info: ActorInfo, index: NameIndex) -> bool:
    """Whether a phrase may take its country from context: a group or office
    named by a sector word, not a person or organisation named by name."""
    if info.sector is None:
        return False
    if info.entity is not None:
        # A named person's nationality is not the other party's, unless a
        # title says they hold office there ("President X" in a domestic story).
        ent = next((e for _, _, e in index.entity_mentions if e.id == info.entity), None)
        if ent is not None and ent.type == "PERSON":
            span = index.doc.char_span(info.start, info.end, alignment_mode="expand")
            return span is not None and any(
                index.lex.sectors.get(t.lemma_.lower()) for t in span if t.ent_type_ != "PERSON"
            )
    return True


def _build(
    trig: Token,
    rule: dict[str, Any] | None,
    modal: bool,
    is_noun: bool,
    index: NameIndex,
    lex: Lexicon,
    previous: list[ActorInfo],
    beside: Token | None = None,
) -> tuple[dict[str, Any], list[ActorInfo], list[ActorInfo], ActorInfo | None] | None:
    doc = trig.doc
    text = index.text
    type_ = rule["type"] if rule else "REQUEST"
    mode = rule.get("mode") if rule else None
    name = rule["name"] if rule else "request-modal"
    hypothetical = False
    actor_head: Token | None = None
    recipient_head: Token | None = None
    skip: set[int] = set()
    if modal:
        # "X said (that) Y must ...": X requests it of Y.
        speech = _speech_head(trig, lex)
        assert speech is not None
        actor_head, _ = _subject(speech)
        recipient_head = next((c for c in trig.children if c.dep_ in _SUBJECT_DEPS), None)
        type_, mode, name = "REQUEST", None, (name + "+must" if rule else "request-modal")
    elif is_noun:
        actor_head = _noun_actor(trig, index)
        if actor_head is None:
            actor_head, _ = _subject(_verb_of(trig))
    else:
        actor_head, passive = _subject(trig)
        if passive or (actor_head is None and trig.lemma_ not in _STATIVE_PASSIVES | _SELF_PASSIVES):
            recipient_head = next((c for c in trig.children if c.dep_ == "nsubjpass"), None)
    if actor_head is not None and actor_head.pos_ == "PRON":
        resolved = _resolve_pronoun(actor_head, index, lex, previous)
        if resolved is not None:
            actor_head = resolved
    actors = _actors_from(actor_head, index)
    if not actors and actor_head is not None and actor_head.pos_ == "PRON" and previous:
        actors = list(previous)
    if not actors and actor_head is not None and actor_head.pos_ != "PRON":
        # An unnamed doer ("a roadside bombing near Samarra killed ..."):
        # coded, as event coders do, by the place the phrase names.
        place = next((index.by_token[t.i] for t in actor_head.subtree
                      if t.i in index.by_token and index.by_token[t.i].is_place), None)
        if place is not None:
            s, e = index.phrase_tokens(actor_head)
            span = doc[s:e]
            actors = [ActorInfo(actor_head, span.start_char, span.end_char, place.country, None, None, False, False)]
    for a in actors:
        s, e = index.phrase_tokens(a.head)
        skip.update(range(s, e))
    if actor_head is not None:
        skip.update(t.i for t in actor_head.subtree)
    if beside is not None:
        # The sentence's other event's clause ("..., and the US demanded
        # their release") holds its own parties, not this event's recipient.
        skip.update(t.i for t in beside.subtree)
    verb = _verb_of(trig) if is_noun else trig  # "would tighten the blockade"
    if not modal and rule is not None and type_ not in ("THREATEN", "AGREE") and _intent(verb, lex):
        if _conditional(verb, lex):
            type_, name, hypothetical = "THREATEN", name + "+condition", True
        elif type_ in lex.cooperative:
            type_, name, hypothetical = "AGREE", name + "+intent", True
        elif type_ in lex.hostile:
            type_, name, hypothetical = "THREATEN", name + "+intent", True
        else:
            hypothetical = True
    elif rule is not None and rule["type"] == "THREATEN":
        hypothetical = True
    recipients: list[ActorInfo] = []
    if recipient_head is not None:
        recipients = [r for r in _actors_from(recipient_head, index) if not _same(r, actors)]
    if not recipients:
        places: list[ActorInfo] = []
        weak: list[ActorInfo] = []
        start = trig
        if is_noun and trig.dep_ == "compound" and trig.head.lemma_ in lex.generic_event_heads:
            start = trig.head
        order = _bfs(start, skip)
        if is_noun and start.dep_ in ("dobj", "attr") and start.head.pos_ in ("VERB", "AUX"):
            # The noun's own arguments first ("a mediation effort between
            # X and Y"), then its verb's ("began a hunger strike ... against
            # Sweden's decision").
            own = {t.i for t in start.subtree}
            order += [t for t in _bfs(start.head, skip) if t.i not in own]
        for tok in order:
            if tok.dep_ not in _RECIPIENT_DEPS or tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
                continue
            got = [r for r in _actors_from(tok, index, owners=False) if not _same(r, actors)]
            if not got:
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATION_PREPS and all(r.place for r in got):
                places = places or got  # "in Tokyo": a target only when nothing else is
            elif any(r.named or r.country for r in got):
                recipients = got
                break
            elif tok.dep_ not in ("amod", "compound", "nmod"):
                weak = weak or got  # "the students", not "terrorist activities"
        recipients = recipients or weak or places
    location = _location(trig, index, skip)
    date = _date(trig)
    ev: dict[str, Any] = {
        "type": type_,
        "mode": mode,
        "trigger": {"text": trig.text, "start": trig.idx, "end": trig.idx + len(trig.text)},
        "location": (
            {"text": text[location.start : location.end], "start": location.start, "end": location.end,
             "country": location.country}
            if location is not None else None
        ),
        "date": (
            {"text": date.text, "start": date.start_char, "end": date.end_char} if date is not None else None
        ),
        "negated": _negated(trig),
        "hypothetical": hypothetical,
        "attribution": None,
        "rule": name,
    }  # fmt: skip
    return ev, actors, recipients, location


def _same(info: ActorInfo, actors: list[ActorInfo]) -> bool:
    return any(
        (a.start < info.end and info.start < a.end) or (a.entity is not None and a.entity == info.entity)
        for a in actors
    )


__all__ = ["EventsStage", "find_events", "make_events_stage"]
