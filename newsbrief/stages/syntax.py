"""Parse helpers the stages share: who is the subject of a cue verb, where a
noun phrase starts, and which characters make up a source mention."""

from __future__ import annotations

from spacy.tokens import Token


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
