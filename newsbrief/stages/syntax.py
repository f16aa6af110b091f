"""Parse helpers the stages share: who is the subject of a cue verb, where a
noun phrase starts, and which characters make up a source mention."""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
from spacy.matcher import DependencyMatcher
from spacy.symbols import IDS
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .columns import columns


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing coordination and participle
    clauses ("..., but added that", "..., saying ..."); the agent of a
    passive ("it was announced by the company")."""
    tok = verb
    for _ in range(4):
        passive = False
        for child in tok.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
            if child.dep_ == "nsubjpass":
                passive = True
        if passive:
            for agent in tok.children:
                if agent.dep_ == "agent":
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
            return None
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i:
            tok = tok.head
        else:
            return None
    return None


def phrase_start(head: Token) -> int:
    """Index of the first token of the noun phrase headed by ``head``: its
    left edge, or just after the last punctuation mark between that edge and
    the head (hyphens, ampersands and abbreviation points do not count)."""
    doc = head.doc
    start = head.left_edge.i
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].is_punct and doc[i].text not in ("-", "&", "."):
            return i + 1
    return start


def head_phrase_span(head: Token) -> tuple[int, int] | None:
    """Character span of the noun phrase headed by ``head``, from its left
    edge (after the last inner punctuation) up to the head, plus a short
    "of" phrase ("the president of the union")."""
    doc = head.doc
    start = phrase_start(head)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            sub_end = child.right_edge.i + 1
            if sub_end - end <= 6 and not any(doc[k].is_punct for k in range(end, sub_end)):
                end = sub_end
        break
    while start < end and doc[start].is_punct:
        start += 1
    if start >= end:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


# --- Shared per-document values -------------------------------------------

_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


# Hyphens the tokenizer splits a word at ("co-author" -> "co", "-", "author").
HYPHENS: frozenset[str] = frozenset({"-", "‐", "‑"})


def hyphen_word_end(tok: Token) -> Token:
    """The last piece of the hyphenated word that ``tok`` opens, when the
    tokenizer split it ("co", "-", "author"); ``tok`` itself otherwise."""
    doc = tok.doc
    k = tok.i
    while (
        k + 2 < len(doc)
        and not doc[k].whitespace_
        and doc[k + 1].text in HYPHENS
        and not doc[k + 1].whitespace_
        and doc[k + 2].is_alpha
    ):
        k += 2
    return doc[k]


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy rebuilds it from a Token
    object per word on every read, an O(n) cost the stages paid several times
    per document. A Doc's text never changes (retokenizing keeps it), so the
    cache, which lets the doc go when it is freed, is never stale."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as ``doc``'s text for ``doc_text``, when the caller
    made the doc from it (``nlp.make_doc(text)``: spaCy's tokenizer keeps
    every character, so ``doc.text == text``), which saves the first join.
    A text of another length than the doc's is not recorded."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) == len(text):
        _TEXTS[doc] = text



_FEW_IDS = 8


def in_sorted(values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """``np.isin(values, ids)`` for ``ids`` sorted and unique (string ids
    kept per vocabulary): a binary search per value, where ``np.isin`` sorts
    both arrays on every call."""
    if not len(ids):
        return np.zeros(len(values), dtype=bool)
    if len(ids) <= _FEW_IDS:
        # A few ids: one comparison pass each beats the binary search's
        # per-value cost (a surname or two, a handful of pronouns).
        found = values == ids[0]
        for v in ids[1:]:
            found |= values == v
        return found
    pos = np.searchsorted(ids, values)
    pos[pos == len(ids)] = 0
    return ids[pos] == values


# --- A DependencyMatcher run only where it can match -----------------------

_SORTED_IDS: dict[frozenset[int], np.ndarray] = {}


def _sorted_ids(ids: frozenset[int]) -> np.ndarray:
    """A value list as the sorted uint64 array ``in_sorted`` searches."""
    arr = _SORTED_IDS.get(ids)
    if arr is None:
        arr = _SORTED_IDS[ids] = np.array(sorted(ids), dtype=np.uint64)
    return arr


# Token attributes a sub-document carries over exactly (the rest of a
# pattern's attributes come from the words themselves, through the vocab).
_CARRIED = (LEMMA, NORM, POS, TAG, MORPH, DEP, HEAD)
_LEXICAL_KEYS = frozenset(
    {"ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "NORM", "LEMMA", "POS", "TAG", "MORPH",
     "DEP", "IS_SENT_START", "OP"}
    | {f"IS_{f}" for f in ("ALPHA", "ASCII", "DIGIT", "LOWER", "UPPER", "TITLE", "PUNCT", "SPACE", "STOP",
                            "BRACKET", "QUOTE", "LEFT_PUNCT", "RIGHT_PUNCT", "CURRENCY")}
    | {"LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}
)
_Tests = list[tuple[int, frozenset[int]]]
# Value lists up to this long are tested as arrays over all tokens.
_SHORT = 16
# Node attributes the sentence filter reads from one array.
_FILTER_ATTRS = {"LEMMA": LEMMA, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "NORM": NORM, "POS": POS,
                 "TAG": TAG, "DEP": DEP}


class SentenceMatcher:
    """A spaCy DependencyMatcher that runs only on the sentences that can
    hold a match, with the same matches (token indices of ``doc``) as
    ``DependencyMatcher(doc)``, in the same order.

    A match always holds its pattern's first node, and every relation
    operator stays inside one parse tree, i.e. one sentence. So when each
    pattern's first node asks for plain values of token attributes (a lemma
    list, a part of speech), the sentences with a token that could be such a
    node are found from one ``Doc.to_array`` call and matched as one smaller
    document; the matcher's cost is per token and per pattern node, and most
    tokens of a news article sit in sentences with no cue at all. A pattern
    the filter cannot read (an extension attribute, a regex) runs the
    matcher on the whole document, as before.

    When every relation of every pattern is ">" (a child of an earlier
    node), a match lies within ``depth`` levels below its first node, so the
    smaller document holds only the candidate first nodes and their
    descendants down to that depth (about a twentieth of a news article's
    tokens instead of a third); a kept token whose head is not kept becomes
    a root there, which adds no relation. The matcher lists matches by parse
    tree (sentence), and the cut-out subtrees are more trees than the
    sentences, so the matches are put back in the matcher's order: pattern,
    sentence, then node positions.
    """

    def __init__(self, vocab: Vocab, patterns: list[tuple[str, list[dict[str, Any]]]]) -> None:
        self.vocab = vocab
        self.matcher = DependencyMatcher(vocab)
        for name, pattern in patterns:
            self.matcher.add(name, [pattern])
        # Per pattern: the tests of its first node, and those of each node
        # that must be a child of it ("REL_OP": ">"). None: no filter.
        self.filters: list[tuple[_Tests, list[_Tests]]] | None = []
        for _, pattern in patterns:
            if any(not set(node.get("RIGHT_ATTRS") or {}) <= _LEXICAL_KEYS for node in pattern):
                self.filters = None
                break
            root = pattern[0].get("RIGHT_ID")
            children = [self._tests(node) for node in pattern[1:]
                        if node.get("LEFT_ID") == root and node.get("REL_OP") == ">"]
            self.filters.append((self._tests(pattern[0]), [tests for tests in children if tests]))
        if self.filters is not None and any(not root and not kids for root, kids in self.filters):
            self.filters = None  # a pattern any token may start: nothing to filter on
        # How deep below its first node a match reaches, when every relation
        # is ">" to an earlier node (None: some other operator, or a node
        # test that depends on where the token stands, like IS_SENT_START).
        self.depth: int | None = 0
        self.order: dict[int, int] = {}
        # Per level below the first node: the tests of each node there (a
        # token that passes none of them is no node at that level).
        self.levels: list[list[_Tests]] = []
        for name, pattern in patterns:
            self.order.setdefault(self.vocab.strings.add(name), len(self.order))
            level = {pattern[0].get("RIGHT_ID"): 0}
            for node in pattern[1:]:
                left = node.get("LEFT_ID")
                if node.get("REL_OP") != ">" or left not in level or "IS_SENT_START" in (node.get("RIGHT_ATTRS") or {}):
                    self.depth = None
                    break
                depth = level[node.get("RIGHT_ID")] = level[left] + 1
                if depth > len(self.levels):
                    self.levels.append([])
                self.levels[depth - 1].append(self._tests(node))
            if self.depth is None or "IS_SENT_START" in (pattern[0].get("RIGHT_ATTRS") or {}):
                self.depth = None
                break
            self.depth = max(self.depth, max(level.values()))
        used = {attr for root, kids in self.filters or [] for tests in (root, *kids) for attr, _ in tests}
        # One Doc.to_array call reads what the filter and a sub-document need.
        self.columns = sorted(used | set(_CARRIED) | {SENT_START, ORTH, SPACY})
        self.carried = [self.columns.index(attr) for attr in _CARRIED]
        self.carried_head = _CARRIED.index(HEAD)
        # The patterns as (node tests, index of the node each hangs on), when
        # every node test is one the arrays answer exactly: then the matches
        # below the candidate first nodes are enumerated on the arrays as the
        # matcher does (every assignment of tokens to nodes that passes each
        # node's tests with each node a child of its parent node; two sibling
        # nodes may take one token), with no sub-document and no matcher run.
        self.exact: list[tuple[int, list[tuple[_Tests, int]]]] | None = None
        if self.depth is not None and len(self.order) == len(patterns):
            self.exact = []
            for name, pattern in patterns:
                ids = [node.get("RIGHT_ID") for node in pattern]
                nodes = [(self._exact_tests(node), ids.index(node["LEFT_ID"]) if k else -1)
                         for k, node in enumerate(pattern)]
                if any(tests is None for tests, _ in nodes) or len(set(ids)) != len(ids):
                    self.exact = None
                    break
                self.exact.append((self.vocab.strings.add(name), nodes))  # type: ignore[arg-type]
        if self.exact:
            # The arrays must hold every attribute the node tests read.
            read = {attr for _, nodes in self.exact for tests, _ in nodes for attr, _ in tests}
            self.columns = sorted(set(self.columns) | read)
            self.carried = [self.columns.index(attr) for attr in _CARRIED]

    def _tests(self, node: dict[str, Any]) -> _Tests:
        """(attribute, accepted values) pairs a token must pass to be this
        node; only the attributes the filter can read from arrays (a weaker
        filter is still a right one)."""
        strings = self.vocab.strings
        tests = []
        for key, value in (node.get("RIGHT_ATTRS") or {}).items():
            if key not in _FILTER_ATTRS:
                continue
            if isinstance(value, dict):
                if set(value) != {"IN"}:
                    continue
                values = value["IN"]
            else:
                values = [value]
            if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
                continue
            if key == "POS":
                if not all(v in IDS for v in values):
                    continue
                ids = frozenset(IDS[v] for v in values)
            else:
                ids = frozenset(strings.add(v) for v in values)
            tests.append((_FILTER_ATTRS[key], ids))
        # One value first (an array comparison), then the lists, on fewer tokens.
        tests.sort(key=lambda test: len(test[1]))
        return tests

    def _exact_tests(self, node: dict[str, Any]) -> _Tests | None:
        """A node's tests as (attribute, accepted values), or None when one
        of them is not a plain value or "IN" list of an attribute the arrays
        hold exactly."""
        tests = self._tests(node)
        wanted = node.get("RIGHT_ATTRS") or {}
        if len(tests) != len(wanted) or any(isinstance(v, dict) and set(v) != {"IN"} for v in wanted.values()):
            return None
        return tests

    @staticmethod
    def _passing(cols: dict[int, np.ndarray], tests: _Tests, masks: dict[tuple[int, frozenset[int]], np.ndarray],
                 n: int) -> np.ndarray:
        """Indices of the tokens that pass ``tests`` (see ``_passing_mask``)."""
        passing = SentenceMatcher._passing_mask(cols, tests, masks, n)
        return np.arange(n) if passing is None else passing.nonzero()[0]

    @staticmethod
    def _passing_mask(cols: dict[int, np.ndarray], tests: _Tests,
                      masks: dict[tuple[int, frozenset[int]], np.ndarray], n: int) -> np.ndarray | None:
        """Whether each token passes ``tests`` (None: no test, every token
        does; a mask kept in ``masks``, never to be changed, when one test).
        A short value list is one array operation over all tokens, a long
        one (a lemma list) a binary search per token (each kept in ``masks``
        for the other patterns)."""
        passing: np.ndarray | None = None
        for attr, ids in tests:
            mask = masks.get((attr, ids))
            if mask is None:
                col = cols[attr]
                if len(ids) <= _SHORT:
                    mask = np.zeros(n, dtype=bool)
                    for v in ids:
                        mask |= col == v
                else:
                    mask = in_sorted(col, _sorted_ids(ids))
                masks[(attr, ids)] = mask
            passing = mask if passing is None else passing & mask
        return passing

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        n = len(doc)
        if self.filters is None or not n:
            return self.matcher(doc)
        arr = columns(doc, self.columns)  # shared with the other stages' reads
        cols = {attr: arr[:, k] for k, attr in enumerate(self.columns)}
        head = np.arange(n) + cols[HEAD].astype(np.int64)
        # Token i can be a pattern's first node: it passes that node's tests
        # and has a child passing each child node's.
        can = np.zeros(n, dtype=bool)
        masks: dict[tuple[int, frozenset[int]], np.ndarray] = {}
        for root_tests, kids in self.filters:
            root = self._passing_mask(cols, root_tests, masks, n)
            ok = np.ones(n, dtype=bool) if root is None else root.copy()
            for tests in kids:
                child = self._passing(cols, tests, masks, n)
                child = child[head[child] != child]
                has = np.zeros(n, dtype=bool)
                has[head[child]] = True
                ok &= has
            can |= ok
        if not can.any():
            return []
        if head.min() < 0 or head.max() >= n:
            return self.matcher(doc)
        sent_id = np.cumsum(cols[SENT_START].astype(np.int64) == 1)
        if self.depth is not None:
            return self._subtrees(doc, arr, cols, head, can, sent_id)
        keep = np.isin(sent_id, np.unique(sent_id[can]))
        if keep.all():
            return self.matcher(doc)
        rows = np.flatnonzero(keep)
        # HEAD is stored relative to the token: whole sentences keep it right
        # (checked: a head outside the kept sentences means no sub-document).
        attrs = arr[rows][:, self.carried]
        if not keep[head[rows]].all():
            return self.matcher(doc)
        back = rows.tolist()
        return [(key, [back[i] for i in ids]) for key, ids in self.matcher(self._sub_doc(cols, rows, attrs))]

    def _sub_doc(self, cols: dict[int, np.ndarray], rows: np.ndarray, attrs: np.ndarray) -> Doc:
        """A Doc of the tokens ``rows`` with the attributes ``attrs`` (in
        ``_CARRIED`` order, HEAD relative within the new Doc)."""
        spaces = cols[SPACY][rows].astype(bool).tolist()
        strings = self.vocab.strings
        words = [strings[o] for o in cols[ORTH][rows].tolist()]
        sub = Doc(self.vocab, words=words, spaces=spaces)
        sub.from_array(list(_CARRIED), attrs)
        return sub

    def _tree_matches(self, cols: dict[int, np.ndarray], head: np.ndarray, can: np.ndarray, keep: np.ndarray,
                      rows: np.ndarray, sent_id: np.ndarray) -> list[tuple[int, list[int]]]:
        """The matcher's matches, enumerated on the arrays from the candidate
        first nodes over the kept tokens (see ``exact``), in the matcher's
        order: pattern, sentence, then node positions."""
        kept = rows.tolist()
        heads = head[rows].tolist()
        is_kept = keep.tolist()
        children: dict[int, list[int]] = {}
        for t, h in zip(kept, heads, strict=True):
            if h != t and is_kept[h]:
                children.setdefault(h, []).append(t)
        values: dict[int, list[int]] = {}
        starts = np.flatnonzero(can).tolist()
        matches: list[tuple[int, list[int]]] = []

        def passes(t: int, tests: _Tests) -> bool:
            for attr, ids in tests:
                col = values.get(attr)
                if col is None:
                    col = values[attr] = cols[attr].tolist()
                if col[t] not in ids:
                    return False
            return True

        for key, nodes in self.exact:  # type: ignore[union-attr]
            root_tests = nodes[0][0]
            for t in starts:
                if not passes(t, root_tests):
                    continue
                partial = [[t]]
                for tests, parent in nodes[1:]:
                    partial = [
                        bound + [c] for bound in partial for c in children.get(bound[parent], ()) if passes(c, tests)
                    ]
                    if not partial:
                        break
                matches.extend((key, ids) for ids in partial)
        sents = sent_id.tolist()
        order = self.order
        matches.sort(key=lambda m: (order[m[0]], sents[m[1][0]], m[1]))
        return matches

    def _subtrees(self, doc: Doc, arr: np.ndarray, cols: dict[int, np.ndarray], head: np.ndarray, can: np.ndarray,
                  sent_id: np.ndarray) -> list[tuple[int, list[int]]]:
        """The matches, from a Doc of the candidate first nodes and their
        descendants down to ``self.depth`` levels (see the class docstring)."""
        n = len(head)
        own = np.arange(n)
        is_child = head != own
        keep = can.copy()
        level = can
        masks: dict[tuple[int, frozenset[int]], np.ndarray] = {}
        for tests_here in self.levels:
            if any(not tests for tests in tests_here):
                passing = None  # a node any token may be
            else:
                passing = np.zeros(n, dtype=bool)
                for tests in tests_here:
                    here = self._passing_mask(cols, tests, masks, n)
                    passing |= True if here is None else here
            level = is_child & level[head]
            if passing is not None:
                level &= passing
            keep |= level
        rows = np.flatnonzero(keep)
        if len(rows) == n:
            return self.matcher(doc)
        if self.exact is not None:
            return self._tree_matches(cols, head, can, keep, rows, sent_id)
        # Heads within the kept tokens, renumbered; a token whose head is
        # not kept is a root (HEAD 0).
        pos = np.full(n, -1, dtype=np.int64)
        pos[rows] = np.arange(len(rows))
        new_head = pos[head[rows]]
        new_head = np.where(new_head >= 0, new_head, np.arange(len(rows)))
        attrs = arr[rows][:, self.carried].copy()
        attrs[:, self.carried_head] = (new_head - np.arange(len(rows))).astype(np.uint64)
        back = rows.tolist()
        matches = [(key, [back[i] for i in ids]) for key, ids in self.matcher(self._sub_doc(cols, rows, attrs))]
        sents = sent_id.tolist()
        order = self.order
        matches.sort(key=lambda m: (order[m[0]], sents[m[1][0]], m[1]))
        return matches
