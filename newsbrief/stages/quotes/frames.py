"""Attribution frames that are not a cue with a following clause or object,
read by named patterns in spaCy's DependencyMatcher format
(``frame_patterns`` in ``quotes/data/cues.json``):

* in_source (``in_source``): "In a poll released Monday, 50 percent chose
  Lee": the rest of the clause, with the poll as the source and "in" as
  the cue; the poll's phrase closing its clause, "Lee leads by ten points
  in the latest poll" (``in_source_after``), gives the clause before it;
* interrupting (``interrupting``): a speech verb set off by commas inside
  the clause it reports, "The week was, she said, the hardest of her career": the
  clause around it, in two pieces sharing the cue;
* naming (``naming``): a naming or judging verb with an object and its
  predicate, "called the plan a disgrace", "considers himself an outsider":
  the content is the object with its predicate;
* passive (``passive``): an attitude or announcement verb in the passive,
  "the plan was rejected by the council", "the deal was announced": the
  content is the subject, the source the "by" phrase (the cue takes the
  "by", as attribution corpora mark it); in an adverbial time clause
  ("after the council had been declared re-elected", rule
  ``passive_time_clause``, marks in ``passive_time_marks``) it is typed
  ``stance``: the time of another act, no statement (PolNeAR train 0-400,
  400-840 and dev unchanged, as it scores every type; held-out 037-046 two
  false statements fewer);
* appeal (``appeal``, ``appeal_for``): "called on the council to reject
  the plan", "called for the council to reject the plan": the content is
  who is asked with what they are asked to do;
* gerund object (``gerund_object``): "opposed defunding the agency": the
  gerund's clause;
* speech object (``speech_object``, round 7): a verb of arguing, restating,
  judging or disclosing with a noun-phrase object beyond the object rule's
  verbs ("reiterated his support", "listed the risks"; ``object_speech_verbs``
  in cues.json), read like the gerund object and typed stance. PolNeAR
  exact cue matched/predicted, train 0-400 5797/7566 -> 5864/7674 (F1
  0.6752 -> 0.6787), 400-840 6034/7794 -> 6065/7858 (0.6761 -> 0.6771);
  source 0-400 5438/6754 -> 5487/6824 (0.7183 -> 0.7215), 400-840
  5697/7033 -> 5715/7068 (0.7188 -> 0.7195). Verbs whose object PolNeAR
  marks less than about half the time (offer, seek, share, address) stay out,
  and so does "herald", a casting verb only with its "as" phrase (marked_as);
* light noun (``light_noun_about``, round 7): a noun of comment or view as
  the object of a light verb, with one of its prepositions ("made comments
  about", "had strong views on"; ``light_verbs`` and ``light_about_nouns``),
  read like noun_about: cue exact 0-400 +13 matched for +16 predicted,
  400-840 +10 for +12, source +13/+14 and +9/+11;
* indirect question (``indirect_question``, round 7): "asked whether ...",
  "Asked if ..., Lee said": the question with its "whether"/"if", typed
  question (no statement; a past participle has no asker but its agent):
  cue exact 0-400 +19 for +22, 400-840 +26 for +28, content +15 and +27;
* pro-form (``pro_form``): "half said so", "she said no": the one word
  that stands for the statement is the content;
* attitude (``attitude_prep``, ``attitude_clause``): an adjective of
  attitude after a copula, "voters are tired of the delays", "she is
  confident the bill will pass", "he was ready to follow the plan": the
  content is what it is about, the cue the copula with the adjective;
* raising (``raising``, ``raising_passive``, ``raising_predicate``, the last
  with "seem" and "sound" too since round 7: cue exact 0-400 +13 matched
  for +30 predicted, 400-840 +9 for +20): "the deal appears to be dead",
  "the mayor is expected to resign", "he is said to favour a delay": the
  writer (or an unnamed source) states a belief about the whole clause, so
  the content is the subject with the infinitive, cue inside it, as
  PolNeAR marks it.

* noun about (``noun_about``): a noun of attitude or comment with one of
  its prepositions (the table ``about_nouns``) and a source of its own,
  "the mayor's attack on the budget", "has raised questions about the
  audit": the content is what the preposition governs, the cue the noun
  with its modifiers and preposition (and the verb group whose subject is
  the source); an "of" phrase needs a possessor ("won the support of
  farmers" names who supports);
* agent noun (``agent_noun``): "the senator has been a vocal critic of
  the levy": a noun for one who holds a stance (the table ``agent_nouns``)
  as its source's predicate, read as ``noun_about`` is;
* regard passive (``regard_passive``, ``regard_passive_predicate``): "the
  merger is widely seen as a rescue", "the plan is considered a long
  shot": the subject and what the "as"/"for" phrase governs (the cue takes
  the preposition), or the subject and the predicate;
* raising predicate (``raising_predicate``): "the builders appeared
  uneasy": the subject with the predicate, as ``raising`` reads an
  infinitive ("seem" is left out: on PolNeAR train 0-400 its predicate
  frame matched a gold content 13 times in 26).

* marked casts (``marked_object``, ``marked_as``): an object with an "as"
  phrase holding such marks, "heralded the merger as a "new dawn"".

A rule for unmarked words whose content holds or cuts quote marks gives way
to the next rule of its cue (the merge would drop it), so that the rules for
marked content (``"marks": "not_speech"``) read those cues.

These run after the clause, pattern and quote-mark finders
(``quotes.find_quotes`` keeps a frame only where its content and cue overlap
no other attribution's). The finder is cheap: one vectorised look at the
document's lemmas finds the tokens that can be a cue, and the patterns are
matched from those only (see ``_Frames``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IS_QUOTE, LEMMA, LOWER, POS, TAG
from spacy.symbols import IDS
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ...errors import Errors, InputError
from ...model import Quote, Speaker, TextSpan
from ..columns import column
from ..lexicon import CUES_PATH, PERSON_PRONOUNS, CueLexicon, cue_lexicon, resolve_lists
from ..syntax import hyphen_word_end, in_sorted, subject_of
from .cuespans import noun_modifiers
from .markindex import MarkIndex, build_mark_index, marks_in
from .reported import content_span, cue_chain, noun_source, source_mention

# A source phrase longer than this is cut to its name or head.
_MAX_SOURCE_TOKENS = 30
_SEPARATORS: frozenset[str] = frozenset({",", "—", "–", "--", "-", "("})


def _frame_rules(lexicon: CueLexicon) -> list[dict[str, Any]]:
    """The lexicon file's ``frame_patterns`` with their "@NAME" lists
    resolved; each rule's ``cue_lemmas`` becomes a frozenset."""
    from ...ingest import read_json_file

    rules = []
    for rule in read_json_file(CUES_PATH).get("frame_patterns") or []:
        if not isinstance(rule, dict) or not rule.get("name") or rule.get("content") not in _READERS:
            raise InputError(
                Errors.E011, source=str(CUES_PATH), detail="a frame pattern needs a 'name' and a known 'content'"
            )
        lemmas = rule.get("cue_lemmas", [])
        if isinstance(lemmas, str) and lemmas[1:] in lexicon.tables:
            # "@TABLE": the lemmas a table of lemma -> words has entries for.
            lemmas = sorted(lexicon.tables[lemmas[1:]])
        lemmas = resolve_lists(lemmas, lexicon.lists, CUES_PATH)
        if isinstance(lemmas, str):
            lemmas = [lemmas]
        # A list of "@NAME" lists is their union.
        flat = [w for item in lemmas for w in ([item] if isinstance(item, str) else item)]
        rules.append(
            {
                **rule,
                "pattern": resolve_lists(rule["pattern"], lexicon.lists, CUES_PATH),
                "cue_lemmas": frozenset(flat) - frozenset(rule.get("except_lemmas", ())),
            }
        )
    return rules


# Token attributes a frame pattern may test (spaCy's names).
_GETTERS: dict[str, Callable[[Token], str]] = {
    "DEP": lambda t: t.dep_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "LEMMA": lambda t: t.lemma_,
}


# The same attributes as token columns, for the cue gate (``_Frames.gate``).
_COLUMN_OF: dict[str, int] = {"DEP": DEP, "POS": POS, "TAG": TAG, "LOWER": LOWER, "LEMMA": LEMMA}
_Gate = list[tuple[int, frozenset[int]]]


_GATE_IDS: dict[frozenset[int], np.ndarray] = {}


def _sorted_gate_ids(ids: frozenset[int]) -> np.ndarray:
    """A gate's accepted ids as the sorted array ``in_sorted`` searches."""
    arr = _GATE_IDS.get(ids)
    if arr is None:
        arr = _GATE_IDS[ids] = np.array(sorted(ids), dtype=np.uint64)
    return arr


def _gate_tests(node: dict[str, Any], vocab: Vocab) -> _Gate:
    """A node's tests as (column, accepted ids): the same tests ``_fits``
    makes on a Token, read from ``Doc.to_array`` columns."""
    tests = []
    for key, want in node.get("RIGHT_ATTRS", {}).items():
        values = want["IN"] if isinstance(want, dict) else [want]
        if key == "POS":
            ids = frozenset(IDS[v] for v in values if v in IDS)
        else:
            ids = frozenset(vocab.strings.add(v) for v in values)
        tests.append((_COLUMN_OF[key], ids))
    return tests


def _compile(rule: dict[str, Any]) -> list[tuple[str, str | None, list[tuple[Callable[[Token], str], Any]]]]:
    """A pattern as (id, parent id, tests) per node, "IN" lists as sets.

    RAISES (InputError): E011 for what the anchored matcher does not read
        (a relation other than ">", a node hung on a later one, an unknown
        attribute)."""
    nodes = []
    seen: set[str] = set()
    for k, node in enumerate(rule["pattern"]):
        parent = node.get("LEFT_ID")
        tests = []
        for key, want in node.get("RIGHT_ATTRS", {}).items():
            if key not in _GETTERS or (isinstance(want, dict) and set(want) != {"IN"}):
                raise InputError(Errors.E011, source=str(CUES_PATH), detail=f"{rule['name']}: attribute {key!r}")
            tests.append((_GETTERS[key], frozenset(want["IN"]) if isinstance(want, dict) else want))
        if k and (node.get("REL_OP") != ">" or parent not in seen):
            detail = f"{rule['name']}: each node after the cue hangs on an earlier one by '>'"
            raise InputError(Errors.E011, source=str(CUES_PATH), detail=detail)
        seen.add(node["RIGHT_ID"])
        nodes.append((node["RIGHT_ID"], parent, tests))
    return nodes


def _fits(tok: Token, tests: list[tuple[Callable[[Token], str], Any]]) -> bool:
    return all((get(tok) in want) if isinstance(want, frozenset) else get(tok) == want for get, want in tests)


def _matches(nodes: list[tuple[str, str | None, list[Any]]], cue: Token) -> Iterator[list[int]]:
    """Every way the pattern fits with its first node on ``cue`` (token
    indices in pattern order), each later node a child of an earlier one."""
    if not _fits(cue, nodes[0][2]):
        return
    yield from _walk(nodes, {nodes[0][0]: cue}, 1)


def _walk(nodes: list[tuple[str, str | None, list[Any]]], bound: dict[str, Token], k: int) -> Iterator[list[int]]:
    """The matches that extend ``bound`` from node ``k`` on. A module-level
    function, not a closure that calls itself: such a closure is a reference
    cycle that keeps every analysed Doc alive until the cycle collector runs."""
    if k == len(nodes):
        yield [bound[node_id].i for node_id, _, _ in nodes]
        return
    node_id, parent, tests = nodes[k]
    taken = {t.i for t in bound.values()}
    for child in bound[parent].children:  # type: ignore[index]
        if child.i not in taken and _fits(child, tests):
            bound[node_id] = child
            yield from _walk(nodes, bound, k + 1)
    bound.pop(node_id, None)


class _Frames:
    """The rules and the cue lemmas (as hashes) of one vocabulary.

    The patterns are spaCy DependencyMatcher patterns (the ">" relation
    only), matched from their cue: a vectorised lookup of the document's
    lemmas finds the tokens that can be a cue, and each pattern is tried
    from those over their children. Hand-written because spaCy's
    DependencyMatcher matches every node against every token of the
    document and builds a Token object per candidate relation: with these
    patterns it cost about twice the rest of this finder (1-2% of the
    parse on 200 PolNeAR articles)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.lexicon = cue_lexicon()
        self.rules = {rule["name"]: rule for rule in _frame_rules(self.lexicon)}
        # Lemma -> the rules (in file order) whose cue it can be, with
        # their compiled patterns.
        self.by_lemma: dict[str, list[tuple[dict[str, Any], list[Any]]]] = {}
        # Per rule (by name): the cue's tests and, per node hung on the cue,
        # that child's tests; a token that fails them starts no match, so
        # the gate (array tests over the document) skips it without a Token.
        self.gates: dict[str, tuple[_Gate, list[_Gate]]] = {}
        for rule in self.rules.values():
            nodes = _compile(rule)
            for lemma in sorted(rule["cue_lemmas"]):
                self.by_lemma.setdefault(lemma, []).append((rule, nodes))
            pattern = rule["pattern"]
            root = pattern[0]["RIGHT_ID"]
            self.gates[rule["name"]] = (
                _gate_tests(pattern[0], vocab),
                [_gate_tests(node, vocab) for node in pattern[1:] if node.get("LEFT_ID") == root],
            )
        self.lemma_hashes = np.array(sorted(vocab.strings.add(lemma) for lemma in self.by_lemma), dtype=np.uint64)
        # Lemma id -> its rules, as by_lemma.
        self.by_lemma_id = {vocab.strings.add(lemma): rules for lemma, rules in self.by_lemma.items()}


_CACHE: dict[int, _Frames] = {}


def _frames(vocab: Vocab) -> _Frames:
    cached = _CACHE.get(id(vocab))
    if cached is None or cached.vocab is not vocab:
        cached = _CACHE[id(vocab)] = _Frames(vocab)
    return cached


def _cue_span(doc: Doc, verb: Token, last: Token) -> tuple[int, int]:
    """The verb group: auxiliaries, negation and one-word adverbs right
    before the verb ("was not rejected", "has also been called") and the
    catenative chain it ends ("continued to portray", "to frame"), up to
    ``last``; as the reported-speech finder marks a cue (``cue_chain``)."""
    if verb.pos_ in ("VERB", "AUX"):
        # Rule frame_chain (``cuespans``): one cue phrase for every finder.
        return cue_chain(verb)[0].idx, last.idx + len(last.text)
    # Rule noun_cue_adjectives (``cuespans``): "her earlier claim".
    verb = noun_modifiers(verb) if verb.pos_ == "NOUN" else verb
    k = verb.i - 1
    start = verb.idx
    while (
        k >= 0
        and doc[k].head.i == verb.i
        and (
            (doc[k].dep_ in ("aux", "auxpass", "neg") and doc[k].lower_ != "to")
            or (doc[k].dep_ == "advmod" and doc[k].is_alpha and doc[k].left_edge.i == doc[k].right_edge.i == k)
        )
    ):
        start = doc[k].idx
        k -= 1
    return start, last.idx + len(last.text)


def _source_span(head: Token, text: str, first: int, last: int) -> tuple[int, int] | None:
    """The source's whole noun phrase (titles, appositives), without a
    clause set off by a comma after it; the name or head alone when that is
    long, crosses a line or runs into the content (tokens first..last)."""
    if (head.pos_ == "PRON" or head.lower_ in PERSON_PRONOUNS) and head.left_edge.i == head.right_edge.i:
        return head.idx, head.idx + len(head.text)
    doc = head.doc
    left, right = head.left_edge.i, head.right_edge.i
    for child in head.rights:
        if child.dep_ in ("relcl", "acl") and doc[child.left_edge.i - 1].text in _SEPARATORS:
            right = child.left_edge.i - 2
            break
        if child.dep_ == "prep" and child.lower_ == "as":
            # "remembered by historians as a champion": the "as" phrase is
            # the content's, not the source's.
            right = child.left_edge.i - 1
            break
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
    if right - left >= _MAX_SOURCE_TOKENS or (left <= last and first <= right) or "\n" in text[start:end]:
        return source_mention(head)
    return start, end


class _Reader:
    def __init__(self, doc: Doc, text: str, lexicon: CueLexicon) -> None:
        self.doc = doc
        self.text = text
        self.lexicon = lexicon
        self.quotes: list[Quote] = []

    def emit(
        self,
        pieces: list[tuple[int, int]],
        cue: tuple[int, int],
        verb: Token,
        source: Token | None,
        rule: dict[str, Any],
    ) -> None:
        """Record one attribution whose content is the token ranges
        ``pieces`` (first, last), in text order: one Quote per piece, all
        sharing the cue (as the halves of a split quote do), the later ones
        marked as continuations."""
        doc = self.doc
        text = self.text
        sent = verb.sent
        spans: list[tuple[int, int]] = []
        for first, last in pieces:
            first, last = max(first, sent.start), min(last, sent.end - 1)
            if first > last or not any(t.is_alpha for t in doc[first : last + 1]):
                return
            span = content_span(doc, text, first, last)
            if span is None or "\n" in text[span[0] : span[1]]:
                return
            spans.append(span)
        if not spans:
            return
        lo = min(f for f, _ in pieces)
        hi = max(la for _, la in pieces)
        mention = _source_span(source, text, lo, hi) if source is not None else None
        lemma = verb.lemma_.lower()
        type_ = rule.get("type") or self.lexicon.type_of(lemma)
        if type_ == "belief" and lemma in self.lexicon.words("speech_verbs"):
            # "he is said to favour": a belief frame with a speech verb reports speech.
            type_ = "speech"
        for k, (start, end) in enumerate(spans):
            self.quotes.append(
                Quote(
                    text=text[start:end],
                    start=start,
                    end=end,
                    kind="indirect",
                    speaker=Speaker(mention=TextSpan(text[mention[0] : mention[1]], *mention) if mention else None),
                    cue=TextSpan(text[cue[0] : cue[1]], *cue),
                    continuation=k > 0,
                    type=type_,  # type: ignore[arg-type]
                    rule=rule["name"],
                )
            )

    def in_source(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "In a poll released Monday, 50 percent chose Lee": a sentence
        that opens with "in" and a poll, set off by a comma; the content is
        the rest of the clause, the source the poll, the cue "in"."""
        doc = self.doc
        prep, obj = doc[ids[0]], doc[ids[1]]
        head = prep.head
        if head.pos_ not in ("VERB", "AUX") or head.dep_ != "ROOT":
            return
        if obj.lemma_.lower() not in self.lexicon.words("in_source_nouns"):
            return
        if head.lemma_.lower() in self.lexicon.types:
            return  # "In a poll, voters said ...": the clause's own cue reports it
        if prep.i != prep.sent.start:
            self._in_source_after(head, prep, obj, rule)
            return
        comma = prep.right_edge.i + 1
        if comma >= len(doc) or doc[comma].text != "," or head.i <= comma:
            return
        self.emit([(comma + 1, head.right_edge.i)], (prep.idx, prep.idx + len(prep.text)), prep, obj, rule)

    def _in_source_after(self, head: Token, prep: Token, obj: Token, rule: dict[str, Any]) -> None:
        """Rule ``in_source_after``: the poll's phrase closing its clause
        ("Lee leads Kim by ten points in the latest poll"): the content is
        the clause before it, which must open the sentence with a subject
        of its own; the cue "in", the source the poll."""
        doc = self.doc
        first = head.left_edge.i
        if prep.i < head.i or first != prep.sent.start:
            return
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i for c in head.children):
            return
        if any(not (t.is_punct or t.is_space) for t in doc[prep.right_edge.i + 1 : head.right_edge.i + 1]):
            return  # the clause goes on past the poll
        last = prep.i - 1
        while last > first and doc[last].is_punct:
            last -= 1
        while first < head.i and (doc[first].dep_ == "cc" or doc[first].is_punct):
            # "But Lee fell to third in the poll": the connective is the writer's.
            first += 1
        if last <= head.i:
            return
        named = {**rule, "name": "in_source_after"}
        self.emit([(first, last)], (prep.idx, prep.idx + len(prep.text)), prep, obj, named)

    def interrupting(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "The week was, she said, the hardest of her career": a speech verb set off by
        commas inside the clause it reports; the content is the clause
        around it, two pieces sharing the cue."""
        doc = self.doc
        verb, subj = doc[ids[0]], doc[ids[1]]
        head = verb.head
        left, right = verb.left_edge.i, verb.right_edge.i
        if subj.i > verb.i or left == 0 or right + 1 >= len(doc):
            return
        if doc[left - 1].text not in _SEPARATORS and not doc[left].is_punct:
            return
        if not (doc[right].is_punct or doc[right + 1].is_punct):
            return
        if not head.left_edge.i < left or not right < head.right_edge.i or head.pos_ not in ("VERB", "AUX"):
            return
        before = (head.left_edge.i, left - 1)
        after = (right + 1, head.right_edge.i)
        if not all(any(t.is_alpha and t.pos_ != "CCONJ" for t in doc[a : b + 1]) for a, b in (before, after)):
            return  # "what economists call taxing, and": a piece of bare connectives
        self.emit([before, after], _cue_span(doc, verb, verb), verb, subj, rule)

    def naming(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "called the plan a disgrace": object and predicate."""
        doc = self.doc
        verb, obj, pred = doc[ids[0]], doc[ids[1]], doc[ids[2]]
        if not verb.i < obj.i < pred.i or any(t.is_punct for t in doc[verb.i + 1 : obj.i]):
            return
        source = subject_of(verb)
        if source is None and verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBG":
            # "critics, calling him a liar, ...": the participle's noun or clause subject.
            source = verb.head if verb.dep_ == "acl" else subject_of(verb.head)
        if rule["name"] == "naming" and self.lexicon.type_of(verb.lemma_.lower()) == "speech":
            # Rule naming_evaluation: "called the delay a mistake", with no
            # quote marks (the frame finder leaves quoted words to the
            # others): the speaker's judgement of a thing in the writer's
            # words, a stance as the object rule's, not a reported
            # statement. The span stays (PolNeAR marks it).
            rule = {**rule, "name": "naming_evaluation", "type": "stance"}
        self.emit([(obj.left_edge.i, pred.right_edge.i)], _cue_span(doc, verb, verb), verb, source, rule)

    def appeal(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "called on the council to reject the plan": who is asked, with
        what they are asked to do; the cue is the verb with its preposition."""
        doc = self.doc
        verb, prep, inf = doc[ids[0]], doc[ids[1]], doc[ids[2]]
        if not verb.i < prep.i < inf.i or prep.right_edge.i >= inf.left_edge.i:
            return
        if not any(c.dep_ == "pobj" for c in prep.children):
            return
        self.emit([(prep.i + 1, inf.right_edge.i)], _cue_span(doc, verb, prep), verb, subject_of(verb), rule)

    def appeal_for(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "called for the council to reject the plan": what is asked, the
        "for" clause with its subject; the cue is the verb with "for"."""
        doc = self.doc
        verb, clause, mark = doc[ids[0]], doc[ids[1]], doc[ids[2]]
        if not verb.i < mark.i < clause.i or mark.i != clause.left_edge.i:
            return
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return  # "calls for troops have come": no infinitive, no appeal
        self.emit([(mark.i + 1, clause.right_edge.i)], _cue_span(doc, verb, mark), verb, subject_of(verb), rule)

    def object_phrase(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "opposed defunding the agency": an attitude verb's object that
        the object rule leaves (a gerund clause); the content is the
        object's phrase."""
        doc = self.doc
        verb, obj = doc[ids[0]], doc[ids[1]]
        if obj.dep_ == "xcomp" and (obj.tag_ != "VBG" or any(c.dep_ == "aux" for c in obj.children)):
            return  # an infinitive: the infinitive rule's
        if obj.i < verb.i or any(t.is_punct for t in doc[verb.i + 1 : obj.left_edge.i]):
            return
        source = subject_of(verb)
        if source is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
            source = verb.head
        if source is None:
            return
        self.emit([(obj.left_edge.i, obj.right_edge.i)], _cue_span(doc, verb, verb), verb, source, rule)

    def marked_object(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "dismissed the fuss as 'silly'": the object with an "as" phrase
        after it (the merge keeps it only where that holds quote marks that
        are not speech)."""
        doc = self.doc
        verb, obj = doc[ids[0]], doc[ids[1]]
        if obj.i < verb.i or any(t.is_punct for t in doc[verb.i + 1 : obj.left_edge.i]):
            return
        source = subject_of(verb)
        if source is None or source.i > verb.i:
            return
        last = obj.right_edge.i
        cast = False
        for c in verb.rights:
            if c.dep_ == "prep" and c.lower_ == "as" and c.i > last:
                last = c.right_edge.i
                cast = True
                break
        for k in range(obj.i + 1, last):
            # A clause or appositive set off by a comma is the writer's
            # ('the plan as "reckless," which it was not').
            j = k + 1
            while j < last and doc[j].is_quote:
                j += 1  # '"reckless," which': the comma inside the marks
            if doc[k].text == "," and any(
                t.dep_ in ("relcl", "appos", "acl", "advcl") and t.left_edge.i == j for t in doc[j : last + 1]
            ):
                last = k - 1
                break
        if not any(t.is_quote for t in doc[obj.left_edge.i : last + 1]):
            return  # no quote marks: the object rule's
        if not cast and rule["name"] == "marked_object":
            # Rule marked_plain_object: "criticised the use of the word
            # 'pure'": with no "as" phrase the act is toward the object, a
            # stance as the object rule types it; the marks are words
            # mentioned or scare quotes, no one's statement.
            rule = {**rule, "name": "marked_plain_object", "type": "stance"}
        self.emit([(obj.left_edge.i, last)], _cue_span(doc, verb, verb), verb, source, rule)

    def pro_form(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "half said so", "the candidate said no", "she thinks so": a cue
        whose content is one word standing for a statement made before."""
        doc = self.doc
        verb, word = doc[ids[0]], doc[ids[1]]
        if word.i < verb.i or any(t.is_punct for t in doc[verb.i + 1 : word.i]):
            return
        source = subject_of(verb)
        if source is None or source.i > verb.i:
            return
        self.emit([(word.left_edge.i, word.right_edge.i)], _cue_span(doc, verb, verb), verb, source, rule)

    def passive(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "the plan was rejected (by the council)": the subject, and a
        predicate or a preposition that completes the act ("was named the
        winner", "was criticized for the delay")."""
        doc = self.doc
        verb, subj = doc[ids[0]], doc[ids[1]]
        if subj.i > verb.i or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in self.lexicon.words("passive_time_marks") for c in verb.children
        ):
            # Rule passive_time_clause: "she spoke after the council had
            # been declared re-elected" sets the time of another act: an
            # act in the background, typed stance, no statement
            # (``passive_time_marks`` in cues.json). PolNeAR still marks it.
            rule = {**rule, "name": "passive_time_clause", "type": "stance"}
        if subj.left_edge.i == subj.i and (subj.lower_ in ("it", "there") or subj.tag_ in ("WDT", "WP")):
            # "it was announced": an expletive, the clause is elsewhere; a
            # relative pronoun ("a plan that was rejected") stands for a
            # phrase outside the clause.
            return
        agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        pieces = [(subj.left_edge.i, min(subj.right_edge.i, verb.i - 1))]
        preps = self.lexicon.words("object_preps")
        for c in verb.rights:
            if c.right_edge.i == c.i and (c.is_punct or hyphen_word_end(c).i != c.i):
                # Rule hyphen_fragment (``sources``): "re" of "re-elected",
                # which the parser may hang as a predicate, is no phrase.
                continue
            if c.dep_ in ("oprd", "attr", "dobj") or (c.dep_ == "prep" and c.lower_ in preps and c.i == c.left_edge.i):
                pieces.append((c.left_edge.i, c.right_edge.i))
                break
        self.emit(pieces, _cue_span(doc, verb, verb), verb, source, rule)

    def received_stance(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "the plan drew sharp criticism from farmers": the subject is
        what the stance is about; the source the "from" phrase (or the
        object's "of" phrase: "won the support of farmers")."""
        doc = self.doc
        verb, obj, subj = doc[ids[0]], doc[ids[1]], doc[ids[2]]
        if not subj.i < verb.i < obj.i or subj.left_edge.tag_ in _RELATIVE_TAGS:
            return
        if subj.left_edge.i == subj.i and subj.lower_ in ("it", "there"):
            return
        source = None
        for head in (obj, verb):
            # "drew criticism from farmers", "won the support of farmers".
            preps = ("from", "of") if head is obj else ("from",)
            frm = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in preps and c.i > obj.i), None)
            if frm is not None:
                source = next((c for c in frm.children if c.dep_ == "pobj"), None)
                break
        # The cue is the verb group up to the noun, without the "from": so
        # PolNeAR marks it about 10 times in 14 on train.
        cue = (_cue_span(doc, verb, verb)[0], obj.idx + len(obj.text))
        self.emit([(subj.left_edge.i, subj.right_edge.i)], cue, verb, source, rule)

    def noun_clause(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "allegations he took bribes", "reports that the plant will
        close": a noun cue with a finite clause right after it; the source
        where the noun has one."""
        doc = self.doc
        noun, clause = doc[ids[0]], doc[ids[1]]
        first = clause.left_edge
        if first.i != noun.i + 1 or clause.i <= noun.i:
            return
        that = first.lower_ == "that"
        if not that and (first.tag_ in _RELATIVE_TAGS or first.tag_ in ("WRB", "TO", "IN") or first.is_punct):
            return  # "the question why", "a plan to", "the fear of": other frames' or none
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) or not _finite(clause):
            return
        source = noun_source(noun)
        if that and source is not None:
            return  # the reported-speech finder's noun_clause reads it
        start = _noun_cue_start(doc, noun, source)
        if source is None and noun.left_edge.i < noun.i and doc[noun.left_edge.i].dep_ == "det":
            # "an assertion", "the false accusations": with no source the
            # cue is the noun's whole phrase, as PolNeAR marks it.
            start = noun.left_edge.idx
        type_ = self.lexicon.noun_types.get(noun.lemma_.lower(), "speech")
        self.emit(
            [(first.i + 1 if that else first.i, clause.right_edge.i)],
            (start, noun.idx + len(noun.text)),
            noun,
            source,
            {**rule, "type": type_},
        )

    def regard_passive(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "the merger is widely seen as a rescue", "the town is known for
        its bridges": the subject and what the "as"/"for" phrase governs;
        the cue the verb group with the preposition, as PolNeAR marks it."""
        doc = self.doc
        verb, subj, prep = doc[ids[0]], doc[ids[1]], doc[ids[2]]
        if not subj.i < verb.i < prep.i or prep.right_edge.i == prep.i:
            return
        if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or any(
            t.is_punct for t in doc[verb.i + 1 : prep.i]
        ):
            return
        if (subj.left_edge.i == subj.i and subj.lower_ in ("it", "there")) or subj.left_edge.tag_ in _RELATIVE_TAGS:
            return  # an expletive, or a relative pronoun ("whose bid was seen as") standing for a phrase outside
        agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        last = prep.right_edge.i
        if agent is not None and prep.i < agent.i <= last:
            last = agent.i - 1  # "seen as a rescue by analysts": the source is not content
        pieces = [(subj.left_edge.i, min(subj.right_edge.i, verb.i - 1)), (prep.i + 1, last)]
        self.emit(pieces, _cue_span(doc, verb, prep), verb, source, rule)

    def attitude(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "voters are tired of the delays", "she is confident (that) the bill
        will pass", "he was ready to follow the plan": an adjective of
        attitude after a copula, with what it is about."""
        doc = self.doc
        adj, comp = doc[ids[0]], doc[ids[1]]
        copula = adj.head
        if comp.i < adj.i or copula.i > adj.i or copula.pos_ != "AUX":
            return
        source = subject_of(copula)
        if source is None or source.i > copula.i:
            return
        if comp.dep_ == "prep":
            if comp.lower_ not in self.lexicon.words("attitude_preps") or comp.i != adj.i + 1:
                return
            first, last = comp.i + 1, comp.right_edge.i
            cue = _copula_cue(doc, copula, adj, comp)
        else:
            if comp.dep_ == "ccomp" and any(
                c.dep_ == "mark" and c.lower_ in self.lexicon.words("non_statement_marks") for c in comp.children
            ):
                return
            first, last = comp.left_edge.i, comp.right_edge.i
            cue = _copula_cue(doc, copula, adj, adj)
        if first > last:
            return
        self.emit([(first, last)], cue, adj, source, rule)

    def noun_object(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "her attack on the budget", "the mayor's criticism of the plan":
        a noun of attitude or comment with its preposition right after it
        and a source of its own; the content is what the preposition
        governs, the cue the noun (with its modifiers) and preposition."""
        doc = self.doc
        noun, prep, obj = doc[ids[0]], doc[ids[1]], doc[ids[2]]
        if prep.i != noun.i + 1 or obj.i <= prep.i or obj.ent_type_ in ("DATE", "TIME"):
            return  # "his remarks on Tuesday": when, not what about
        if prep.lower_ not in self.lexicon.tables.get(rule.get("prep_table", ""), {}).get(noun.lemma_.lower(), ()):
            return
        host = rule.get("host_verbs")
        if host and (noun.dep_ != "dobj" or noun.head.lemma_.lower() not in self.lexicon.words(host.lstrip("@"))):
            # Rule light_noun_about: only as the object of a light verb
            # ("made comments about", "has strong views on").
            return
        source = noun_source(noun)
        if source is None or (
            prep.lower_ == "of" and not rule.get("of_names_target") and not any(c.dep_ == "poss" for c in noun.children)
        ):
            # "won the support of the union": an "of" phrase without a
            # possessor names who holds the attitude, not what it is about
            # (but "is a critic of" names the target: of_names_target).
            return
        if source.i >= _noun_cue_first(doc, noun) and source.i <= obj.right_edge.i:
            return
        start = _noun_cue_start(doc, noun, source)
        last = obj.right_edge.i
        for c in obj.rights:
            if c.dep_ in ("relcl", "acl") and doc[c.left_edge.i - 1].text == ",":
                # "the deal, which passed in May": the writer's gloss, not
                # what the stance is about.
                last = c.left_edge.i - 2
                break
        self.emit([(obj.left_edge.i, last)], (start, prep.idx + len(prep.text)), noun, source, rule)

    def question(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "asked whether the plan would pass", "wondered if it was
        fair": the indirect question with its "whether"/"if"; typed
        question, no statement. A past participle ("Asked if he would run,
        Lee said ...") has no asker but its agent: the subject of the verb
        it hangs on answers, it does not ask."""
        doc = self.doc
        verb, clause, mark = doc[ids[0]], doc[ids[1]], doc[ids[2]]
        if clause.i < verb.i or mark.i != clause.left_edge.i:
            return
        if verb.tag_ == "VBN":
            agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
            source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        else:
            source = subject_of(verb)
        self.emit([(mark.i, clause.right_edge.i)], _cue_span(doc, verb, verb), verb, source, rule)

    def raising(self, ids: list[int], rule: dict[str, Any]) -> None:
        """ "the deal appears to be dead", "she is expected to resign": the
        subject with the infinitive."""
        doc = self.doc
        verb, subj, inf = doc[ids[0]], doc[ids[1]], doc[ids[2]]
        if not subj.i < verb.i < inf.i:
            return
        if subj.lower_ in ("it", "there") and subj.left_edge.i == subj.i:
            return
        agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        self.emit(
            [(subj.left_edge.i, subj.right_edge.i), (inf.left_edge.i, inf.right_edge.i)],
            _cue_span(doc, verb, verb),
            verb,
            source,
            rule,
        )


# Relative pronouns: a subject that opens with one stands for a phrase
# outside its clause.
_RELATIVE_TAGS: frozenset[str] = frozenset({"WDT", "WP", "WP$"})

# Dependents of a noun cue that stand in the cue ("harsh criticism of").
_CUE_MODIFIERS: frozenset[str] = frozenset({"amod", "compound", "advmod", "nummod"})


def _noun_cue_first(doc: Doc, noun: Token) -> int:
    """The first token of a noun cue: the noun's adjectives and compounds
    right before it ("harsh criticism of", "his previous attacks on"), not a
    determiner or the possessor."""
    k = noun.i
    while k - 1 >= 0 and doc[k - 1].head.i == noun.i and doc[k - 1].dep_ in _CUE_MODIFIERS:
        k -= 1
    return k


def _noun_cue_start(doc: Doc, noun: Token, source: Token | None) -> int:
    """Where a noun cue starts: at its first modifier, or at the verb group
    whose object or predicate it is when that verb's subject is the source
    ("launched a sharp attack on", "has raised questions about"), as the
    light-verb cues of the reported-speech finder do."""
    head = noun.head
    subj = subject_of(head) if source is not None and noun.dep_ in ("dobj", "attr") and head.i < noun.i else None
    if subj is not None and subj.i == source.i:  # type: ignore[union-attr]
        return _cue_span(doc, head, head)[0]
    return doc[_noun_cue_first(doc, noun)].idx


def _finite(verb: Token) -> bool:
    """Whether a clause's verb is finite: a tensed form, or an auxiliary
    or modal that is ("he took", "rents will rise", "it has been")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children
    )


def _copula_cue(doc: Doc, copula: Token, adj: Token, last: Token) -> tuple[int, int]:
    """ "has been deeply skeptical of": the copula with its auxiliaries and
    negation, up to ``last`` (the adjective or its preposition)."""
    start = _cue_span(doc, copula, copula)[0]
    return start, last.idx + len(last.text)


_READERS: dict[str, Callable[[_Reader, list[int], dict[str, Any]], None]] = {
    "attitude": _Reader.attitude,
    "appeal": _Reader.appeal,
    "appeal_for": _Reader.appeal_for,
    "pro_form": _Reader.pro_form,
    "object_phrase": _Reader.object_phrase,
    "marked_object": _Reader.marked_object,
    "in_source": _Reader.in_source,
    "interrupting": _Reader.interrupting,
    "naming": _Reader.naming,
    "noun_clause": _Reader.noun_clause,
    "noun_object": _Reader.noun_object,
    "passive": _Reader.passive,
    "question": _Reader.question,
    "raising": _Reader.raising,
    "received_stance": _Reader.received_stance,
    "regard_passive": _Reader.regard_passive,
}


# Names a reader gives some of a pattern's finds (its own rule, counted
# apart by --rules), which keep that pattern's marks setting.
_DERIVED_RULES: dict[str, str] = {"marked_plain_object": "marked_object", "naming_evaluation": "naming"}


def marks_policy(vocab: Vocab) -> dict[str, str]:
    """Rule name -> its ``marks`` setting, for the rules that have one:
    "not_speech" means the content must hold quote marks, none of them
    speech (the default is no quote marks at all)."""
    policy = {name: rule["marks"] for name, rule in _frames(vocab).rules.items() if rule.get("marks")}
    for name, parent in _DERIVED_RULES.items():
        if parent in policy:
            policy[name] = policy[parent]
    return policy


def _touches_marks(index: MarkIndex, start: int, end: int) -> bool:
    """Whether start..end holds or cuts a quote-marked span (speech or not)."""
    return bool(
        marks_in(index, start, end, speech_only=False) or index.span_at(start) or index.span_at(max(start, end - 1))
    )


class _CueGate:
    """Per document: which tokens can start each rule's match, from token
    columns (the cue passes its node's tests and has, for each node hung on
    the cue, a child passing that node's; a weaker test than the match, so
    it only skips tokens the match would reject)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        self.head: np.ndarray | None = None
        self.is_child: np.ndarray | None = None
        self.masks: dict[tuple[int, frozenset[int]], np.ndarray] = {}
        self.by_rule: dict[str, np.ndarray] = {}

    def _mask(self, tests: _Gate) -> np.ndarray:
        ok = np.ones(self.n, dtype=bool)
        for attr, ids in tests:
            mask = self.masks.get((attr, ids))
            if mask is None:
                # One pass over the column however long the list (a cue
                # list may hold hundreds of lemmas).
                mask = in_sorted(column(self.doc, attr), _sorted_gate_ids(ids))
                self.masks[(attr, ids)] = mask
            ok = ok & mask
        return ok

    def can_start(self, name: str, gate: tuple[_Gate, list[_Gate]]) -> np.ndarray:
        ok = self.by_rule.get(name)
        if ok is None:
            root, kids = gate
            ok = self._mask(root)
            if kids:
                if self.head is None:
                    own = np.arange(self.n)
                    self.head = own + column(self.doc, HEAD).astype(np.int64)
                    self.is_child = self.head != own
                for tests in kids:
                    child = np.flatnonzero(self._mask(tests) & self.is_child)
                    has = np.zeros(self.n, dtype=bool)
                    has[self.head[child]] = True
                    ok = ok & has
            self.by_rule[name] = ok
        return ok


def find_frames(doc: Doc, text: str | None = None, index: MarkIndex | None = None) -> list[Quote]:
    """Attributions of the frame patterns in ``doc`` (see the module doc),
    in text order; possibly overlapping ones the other finders report
    (``quotes.find_quotes`` drops those).

    text (str | None): ``doc.text`` when the caller has it (spaCy builds
        it anew on every access).
    index (MarkIndex | None): the document's quote-mark index (built here
        when not given). A rule for unmarked words whose content holds or
        cuts quote marks gives way to the next rule of its cue, so that a
        rule for marked content (``"marks"``) can read it: the merge would
        drop it anyway.
    """
    if not len(doc) or not doc.has_annotation("DEP"):
        return []
    frames = _frames(doc.vocab)
    if not frames.rules:
        return []
    # One vectorised look at the lemmas finds the tokens that can be a cue.
    hits = np.flatnonzero(in_sorted(column(doc, LEMMA), frames.lemma_hashes))
    if not hits.size:
        return []
    text = doc.text if text is None else text
    if index is None:
        index = build_mark_index(text)
    reader = _Reader(doc, text, frames.lexicon)
    # Token positions of quote marks, for the rules that need marks after
    # their cue: those are tried only where some follow it in its phrase.
    marks = np.flatnonzero(column(doc, IS_QUOTE)).tolist()
    gate = _CueGate(doc)
    for i, lemma in zip(hits.tolist(), column(doc, LEMMA)[hits].tolist(), strict=True):
        candidates = [
            (rule, nodes)
            for rule, nodes in frames.by_lemma_id[lemma]
            if gate.can_start(rule["name"], frames.gates[rule["name"]])[i]
        ]
        if not candidates:
            continue
        cue = doc[i]
        for rule, nodes in candidates:
            if rule.get("marks") and not (
                marks and (k := bisect_right(marks, i)) < len(marks) and marks[k] <= cue.right_edge.i
            ):
                continue
            before = len(reader.quotes)
            for ids in _matches(nodes, cue):
                _READERS[rule["content"]](reader, ids, rule)
                if len(reader.quotes) > before:
                    break
            if len(reader.quotes) > before and index.spans and not rule.get("marks"):
                if any(_touches_marks(index, q.start, q.end) for q in reader.quotes[before:]):
                    del reader.quotes[before:]
                    continue
            if len(reader.quotes) > before:
                break  # one frame per cue
    reader.quotes.sort(key=lambda q: (q.start, q.end))
    return reader.quotes


__all__ = ["find_frames", "marks_policy"]
