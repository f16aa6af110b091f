"""Source rules of the reported-speech finder, which the marks finder shares
through ``reported.cue_subject``: which noun phrase is the source of a cue,
and where its mention starts.

Each rule is named (the names appear in the docstrings and tests) and reads
only the dependency parse and the entity labels, so it holds for any article,
not for the words of one:

* ``gerund_after_name``: an "-ing" cue right after a person's name that is
  the object of another verb or preposition ("the clip shows Lee saying
  ...", "footage of Lee asking ...") has that person as its source, not the
  subject of the verb the parser hangs the cue on (the clip, the footage);
* ``adjective_infinitive``: an infinitive cue after an adjective complement
  ("voters are more likely to say ...", "she was quick to deny ...") has
  the subject of the adjective's verb as its source; the subject search of
  ``syntax.subject_of`` stops at the adjective;
* ``source_after_separator``: a source phrase starts after the last comma or
  dash between its left edge and its head ("With a week to go, Lee said",
  "PARIS - Officials said"): what comes before is an introductory phrase or
  a dateline the parser hung on the name;
* ``coordinated_cue_in_report``: a past-tense cue without a subject that
  the parser coordinated with the verb of a reported clause in the present
  or with a modal ("Lee said the plant would close and warned that ...")
  is the reporting speaker's second act: Lee warned, not the plant;
* ``set_off_subject``: when the parser gives a cue two subjects and the
  first is set off from the rest by a dash or colon right after it ("TORONTO
  — The witness told the jury", a dateline), the source is the second.

Measured on PolNeAR train, source exact (matched / predicted spans; 8387
gold on articles 0-400, 8819 on 400-840): the first three rules 5291/6628
-> 5308/6649 on 0-400 (F1 0.705 -> 0.706) and 5610/6958 -> 5617/6980 on
400-840 (F1 0.711 both); ``coordinated_cue_in_report`` matched the same and
predicted 6 and 10 fewer spans (the second act shares the first's source),
with 4 fewer sources naming another person on 400-840. Tried and left out,
as they lowered the figure on 0-400: a participle that modifies a noun as
its source ("a letter saying": +7 matched, +28 predicted), dropping an
opening "Even"/"Both" (-7), ending the source before a comma-set-off gloss
of an inner noun ("Lee, head of the Tigers, a club ...": -16; the gold
keeps such glosses about as often as not).

The rules are hand-written: no maintained library marks attribution sources
on a spaCy parse.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

# Tokens that set off a phrase: commas and dashes written as words (a
# hyphen only with space after it: "PARIS - Officials", not "co-chair").
SEPARATORS: frozenset[str] = frozenset({",", "—", "–", "--", "-"})
# Dependencies of a participle that can hang on the clause it follows.
_GERUND_DEPS: frozenset[str] = frozenset({"xcomp", "advcl", "acl", "conj"})
# A verb group in the present or with a modal (see coordinated_reporter).
_PRESENT_OR_MODAL: frozenset[str] = frozenset({"VBZ", "VBP", "MD"})
_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Marks after a dateline or a label that the parser may take for a subject.
_SET_OFF: frozenset[str] = frozenset({"—", "–", "--", ":"})
# How a name before a gerund is governed when it is another verb's object.
_OBJECT_DEPS: frozenset[str] = frozenset({"pobj", "dobj"})


def gerund_after_name(verb: Token) -> Token | None:
    """Rule ``gerund_after_name``: the person named right before an "-ing"
    cue, when the name is the object of a verb or preposition and the cue
    hangs on the clause ("the video shows Lee saying ..."), or None."""
    if verb.tag_ != "VBG" or verb.dep_ not in _GERUND_DEPS or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    # Right before the cue, with a space between: no comma, no mark.
    if prev.ent_type_ != "PERSON" or not prev.whitespace_ or prev.dep_ not in _OBJECT_DEPS:
        return None
    return prev


def adjective_host(tok: Token) -> Token | None:
    """Rule ``adjective_infinitive``: the verb whose subject is the source of
    an infinitive cue after an adjective complement ("voters are more likely
    to say ..."), or None."""
    head = tok.head
    if tok.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i:
        return head.head
    return None


def coordinated_reporter(verb: Token, is_cue: Callable[[Token], bool]) -> Token | None:
    """Rule ``coordinated_cue_in_report``: the cue verb whose subject is the
    source of a past-tense cue without a subject that the parser coordinated
    with the verb of a reported clause in the present or with a modal ("Lee
    said the plant would close and warned that ...": "warned" is Lee's second
    act, not the plant's), or None. The tense shift tells the two apart: a
    past cue does not go on in the reported clause's tense (the mirror of
    ``reported._Finder._coordinated_content``)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.dep_ != "ccomp" or head.head.i == head.i:
        return None
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    tenses = {head.tag_} | {c.tag_ for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i}
    reporter = head.head
    if not tenses & _PRESENT_OR_MODAL or reporter.tag_ != "VBD" or not is_cue(reporter):
        return None
    return reporter


def set_off_subject(verb: Token, subject: Token) -> Token:
    """Rule ``set_off_subject``: of two subjects of ``verb``, the later one
    when the earlier (``subject``) is followed by a dash or colon that the
    parser hangs on it ("TORONTO — The witness told", a dateline)."""
    if subject.i + 1 >= len(subject.doc) or subject.doc[subject.i + 1].text not in _SET_OFF:
        return subject
    later = [c for c in verb.lefts if c.dep_ == subject.dep_ and c.i > subject.i]
    return later[-1] if later else subject


def source_left(doc: Doc, head: Token, left: int) -> int:
    """Rule ``source_after_separator``: the first token of a source phrase
    headed by ``head`` whose subtree starts at ``left``: the token after the
    last separator between them, else ``left``."""
    for k in range(head.i - 1, left - 1, -1):
        tok = doc[k]
        if tok.text in SEPARATORS and (tok.text != "-" or tok.whitespace_):
            return k + 1
    return left


__all__ = [
    "SEPARATORS",
    "adjective_host",
    "coordinated_reporter",
    "gerund_after_name",
    "set_off_subject",
    "source_left",
]
