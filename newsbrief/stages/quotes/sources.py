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
* ``participle_in_report``: an "-ing" cue without a subject that the
  parser hung inside a clause another cue reports ("Lee insisted that the
  plan works, adding that ...") takes the reporting cue's subject;
* ``set_off_subject``: when the parser gives a cue two subjects and the
  first is set off from the rest by a dash or colon right after it ("TORONTO
  — The witness told the jury", a dateline), or is a place followed by a
  short dateline tail and a dash ("OSLO (Reuters) - The witness told"),
  the source is the second;
* ``relative_gloss``: a relative clause set off after a person's name
  ("Lee, who runs the club, said") is part of the source, unless it holds
  a cue verb ("Lee, who endorsed the plan, said": an act of its own);
* ``focus_words``: an opening "even" and a closing floating "both" stay
  out of the source ("Even the owners said", "Lee and Kim both said");
* ``relative_that``: the reported-speech finder gives no source mention
  for the relative "that" of a restrictive clause ("ads that claim ...",
  "a poll that shows ..."); "who" and "which" stay the mention;
* ``apposition_after_quote``: a finite cue verb without a subject after
  a quote, a name and its apposition ('"...," Lee Okafor, head of the
  club, said') has the name as its source: the parser hung the name on the
  quote;
* ``adjacent_subject``: a finite cue verb the parser gave no subject at all
  (it hung the name on an earlier noun as an apposition, or read a share as
  a number: "After the vote, the chair Okafor said ...", "Nearly 3 in 5
  say ...") takes the noun phrase that ends right before it, past adverbs;
  not a date, a verb's object or a noun inside a clause of its own.
* ``dateline_apposition``: when the parser made a dateline's place the
  cue's subject and hung the real subject on it as an apposition after
  the dash ("WASHINGTON -- The senator said"), the source is the
  apposition (``set_off_subject`` does the same when both are subjects);
* ``statement_participle``: a participle cue whose phrase opens with the
  verb of the statement it modifies (rule ``object_participle`` of
  ``cuespans``: "The club issued a statement saying ...") has that verb's
  subject as its source (read through ``participle_reporter``);
* ``time_phrase``: a prepositional phrase of time that closes the source
  phrase on its head ("The panel in March found", "the report on
  Wednesday") stays out of the source.
* ``object_control``: an infinitive cue after a verb that makes its object
  act ("the senator forced Lee to admit ...", "the loss led Kim to warn
  ..."; verbs in ``data/sources.toml``) has the object as its source,
  when that verb has a subject of its own (someone acted).

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

``adjacent_subject`` (round 5; source exact matched / predicted spans,
train 0-400 gold 8387, 400-840 gold 8819): 5343/6684 -> 5347/6689 (F1
0.7090 -> 0.7093) and 5643/6997 -> 5645/7001 (0.7136 -> 0.7137); dev
1309/1566 either way. ``relative_gloss`` after it: 5347/6689 -> 5354/6689
(0.7097) and 5645/7001 -> 5645/6999 (0.7137); dev 1309/1566 -> 1315/1565
(F1 0.744 -> 0.747). The dateline tail of ``set_off_subject`` after
them: 0-400 5354 -> 5357 (pred 6689), 400-840 and dev the same (without
the place test, a dash apposition on 400-840 moved the source to the
wrong phrase). ``focus_words`` after them: 0-400 5357 -> 5367, 400-840 5645 -> 5653,
dev 1315 -> 1316 matched (predicted the same: 6689, 6999, 1565); the
earlier round's drop of an opening "Both" as well lost 7 (the gold keeps
that one). ``relative_that`` after them (a precision rule: as our source, the
relative "that" matched the gold 8 times in 64 on 0-400 and 23 in 88 on
400-840): 0-400 5367/6689 -> 5362/6647 (F1 0.7120 -> 0.7133), 400-840
5653/6999 -> 5634/6938 (0.7148 -> 0.7151), dev 1316/1565 -> 1313/1552
(0.7484 -> 0.7494); the noun it modifies as the source instead was
tried and dropped (below). Seed and both held-out sets unchanged by all
five;
keeping "which" clauses too gave +1 on 0-400 and dev but named one
held-out organisation by its whole mention. Tried and
left out this round: a restrictive relative "that" as source replaced by
the noun it modifies (pred "that" is right 8 times in 64 on 0-400, but the
noun was the gold source only 6 times: 0-400 +1 matched, 400-840 -11); the
dash test of ``set_off_subject`` read after the subject's whole phrase
("WASHINGTON (AP) —"; +1 / -1); the rule above across a comma ("Lee, head
of the union, says": +1 matched, +1 predicted on 0-400, 0 on 400-840); and
keeping a comma-set-off relative clause in the source (the gold keeps
such clauses in about half the cases; dropping the cut lost 8 matched on
0-400 and 23 on 400-840).

``participle_in_report`` (round 6; source exact matched / predicted
spans): 0-400 5373/6658 -> 5373/6631 (F1 0.7143 -> 0.7155), 400-840
5638/6935 -> 5637/6911 (0.7158 -> 0.7167), dev 1313/1553 -> 1313/1550
(0.7492 -> 0.7499); seed and held-out unchanged. A precision rule: the
outer speaker is mostly already the source of the first cue (the scorer
counts a span once per article), so the gain is the wrong inner subjects
no longer reported. On 0-400, where the cue matched the gold, the gold
source was the outer speaker for 21 of 21 such "-ing" cues; coordinated
present-tense cues ("He says he respects her and calls her ...") were the
outer speaker's in 5 of 5 too, but left to ``coordinated_cue_in_report``'s
tense test, which a "He says Lee lies and cheats" would break.

``apposition_after_quote`` (round 6, after ``participle_in_report``):
0-400 5373/6631 -> 5379/6637 (F1 0.7155 -> 0.7161), 400-840 5637/6911 ->
5637/6912 (one more span, a name with its age, "Lee Okafor, 44": F1
0.71671 -> 0.71666), dev unchanged (1313/1550); seed and held-out
unchanged. Without the title test ("her aide, Lee Okafor, said" is the
aide's phrase) it named two title-first phrases by the name alone.
Tried and left out this round: keeping every person's relative clause in
the source, cue verb or not (0-400 5373 -> 5366, 400-840 5637 -> 5627: the
cue-verb exception of ``relative_gloss`` holds); dropping a possessive
"'s" from a source (the gold keeps it 18 times for 5 without).

``hyphen_fragment`` (round 7): the first piece of a hyphenated word the
tokenizer split ("co" of "co-author", "ex" of "ex-wife") never heads a
source: ``set_off_subject`` moves to the word's last piece when the parser
made the pieces subjects, and ``source_left`` never opens a phrase inside
the word. The capitals dateline of ``set_off_subject`` (round 7): a
sentence-opening phrase in capitals with a comma and a dash after it
("SANTA FE, N.M. —") is a dateline whatever entity type the model gave
it, also for a cue coordinated with the verb it is the subject of ("BOSTON,
Mass. — Acme posted X but said Y", through ``coordinated_reporter``).
Source exact matched / predicted: train 0-400 5438/6754 both, 400-840
5696/7033 -> 5697/7033, dev 1319/1571 -> 1320/1571 (F1 0.7488 -> 0.7494;
the two gains are "ex-wife" sources); held-out 037-046 speaker 195 -> 196
of 221 ("Her co-author"), seed and the other held-out sets unchanged.

``time_phrase`` (round 9; source exact matched, predicted the same: 1584,
6852, 7097): dev 1333 -> 1335 (F1 0.7540 -> 0.7551), train 0-400 5525 ->
5527 (0.7251 -> 0.7254), 400-840 5742 -> 5744 (0.7215 -> 0.7218); cue and
content unchanged; seed and heldout 1-5 --json --details identical. Tried
and left out: a participle with only its date ("a poll released on
Monday": 0-400 -8, 400-840 -8: the gold keeps it), a relative clause set
off after a noun inside the phrase other than its head ("Lee, head of the
union, which represents ...": 0-400 -4, 400-840 -1, dev +3), a possessive
"'s" dropped again (0-400 -13, 400-840 -12).

``dateline_apposition`` (round 9, after ``time_phrase``; source exact
matched, predicted the same): dev 1335 -> 1336 (F1 0.7551 -> 0.7557),
train 0-400 5527 -> 5528 (0.7254 -> 0.7255), 400-840 5744 both; seed and
heldout 1-5 --json --details identical.

``statement_participle`` (round 9, after ``dateline_apposition``; source
exact matched / predicted): dev 1336/1584 -> 1339/1585 (F1 0.7557 ->
0.7571), train 0-400 5528/6852 -> 5534/6857 (0.7255 -> 0.7261), 400-840
5744/7097 -> 5764/7110 (0.7218 -> 0.7237); 31 matches gained, 2 lost (the
gold took the document as the source: "a fundraising email asking");
cue and content unchanged; seed and heldout 1-5 --json --details
identical.

``object_control`` (round 11; source exact F1, cue and content the
same): dev 0.7575 both (overlap 0.7858 -> 0.7863: a right person whose
relative clause the gold leaves out), train 0-400 0.7264 -> 0.7269,
400-840 0.7245 -> 0.7253; seed and held-out 1-7 unchanged. Tried and left
out: verbs of asking too ("asked Lee to confirm", "urged Kim to say",
"told them to say"): dev 0.7575 -> 0.7567, as the act is only requested
and PolNeAR keeps the asker; and without the subject test of the
controlling verb ("language forcing the recipients to answer": no gold
attribution) dev lost 0.0002.

The rules are hand-written: no maintained library marks attribution sources
on a spaCy parse.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..syntax import HYPHENS, hyphen_word_end, subject_of
from .cuespans import object_participle

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
# Dashes after a dateline's tail ("OSLO (Reuters) -"), and how many
# tokens that tail may have.
_DASHES: frozenset[str] = frozenset({"—", "–", "--"})
_MAX_DATELINE_TAIL = 8
# Focus words at the edges of a source phrase (rule focus_words).
_FOCUS_OPENERS: frozenset[str] = frozenset({"even"})
_FOCUS_CLOSERS: frozenset[str] = frozenset({"both"})
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


@lru_cache(maxsize=1)
def _object_control_verbs() -> frozenset[str]:
    """The verbs of rule ``object_control`` (``data/sources.toml``)."""
    text = resources.files(__package__).joinpath("data/sources.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(text)["object_control"]["words"])


def object_controller(verb: Token) -> Token | None:
    """Rule ``object_control``: the object of the verb an infinitive cue
    hangs on, when that verb passes the act to its object ("the senator
    forced Lee to admit ...", "they urged Kim to say ..."): the object is
    the source, not the subject that ``syntax.subject_of`` climbs to. Only
    an infinitive ("to" before it) with no subject of its own, a verb of
    ``data/sources.toml`` that has a subject itself (someone acted) and a
    noun object between the two; else None."""
    if verb.dep_ != "xcomp" or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    head = verb.head
    if head.i >= verb.i or head.lemma_.lower() not in _object_control_verbs():
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts):
        return None
    if subject_of(head) is None:
        # A rule or a habit with no one acting ("language forcing the
        # recipients to answer ..."), no reported act.
        return None
    for child in head.rights:
        if child.dep_ == "dobj" and child.i < verb.i and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
    return None


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
    if verb.dep_ == "conj" and head.i < verb.i and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        # Rule set_off_subject through a coordination: "BOSTON, Mass. —
        # Acme posted X but said Y": the second verb shares the first's
        # subject, which its dateline must not stand for.
        subjects = [c for c in head.lefts if c.dep_ == "nsubj"]
        if len(subjects) > 1 and set_off_subject(head, subjects[0]).i != subjects[0].i:
            return head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.dep_ != "ccomp" or head.head.i == head.i:
        return None
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    tenses = {head.tag_} | {c.tag_ for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i}
    reporter = head.head
    if not tenses & _PRESENT_OR_MODAL or reporter.tag_ != "VBD" or not is_cue(reporter):
        return None
    return reporter


# Dependencies a participle cue climbs through to the reported clause it
# hangs on (rule participle_in_report).
_REPORT_PATH_DEPS: frozenset[str] = frozenset({"advcl", "pcomp", "prep", "conj", "xcomp"})
_MAX_REPORT_PATH = 5


def participle_reporter(verb: Token, is_cue: Callable[[Token], bool]) -> Token | None:
    """Rule ``participle_in_report``: the cue verb whose subject is the source
    of an "-ing" cue without a subject that the parser hung inside the
    clause another cue reports ("Lee insisted that the plan works, adding
    that ...", "Kim said the vote "was fair," calling it ..."): the
    reporting speaker goes on, not the reported clause's subject. Climbs
    adverbial, prepositional and coordinated links up to a clausal
    complement (ccomp) of a cue verb before the participle; a relative
    clause on the way stops it ("..., which he called ..." has its own
    subject). Rule ``statement_participle`` first: the verb of the
    statement a participle cue modifies ("The club issued a statement
    saying ...": "issued"), which opens its cue (``cuespans.object_participle``)."""
    if object_participle(verb):
        # Rule statement_participle: "The club issued a statement saying
        # ...": the club is the source, as the cue opens with "issued".
        return verb.head.head
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "pcomp", "conj"):
        return None
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    tok = verb
    for _ in range(_MAX_REPORT_PATH):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ == "ccomp":
            if tok is verb or head.i >= verb.i or not is_cue(head):
                return None
            return _relative_reporter_host(head, verb) or head
        if tok.dep_ not in _REPORT_PATH_DEPS:
            return None
        tok = head
    return None


def _relative_reporter_host(reporter: Token, participle: Token) -> Token | None:
    """Rule ``relative_report_participle``: a participle set off by a comma
    that the parser hung inside the clause of a cue in a relative clause
    ("The court revived a suit by residents who say the plant fouled their
    water, ruling that ..."): the sentence's verb the relative clause's noun
    hangs on is the participle's host (the court rules, not the residents),
    as a relative clause has a subject of its own. None when the cue is in
    no such clause or no verb is found before the participle."""
    doc = participle.doc
    if reporter.dep_ != "relcl" or participle.i == 0 or doc[participle.i - 1].text != ",":
        return None
    if not any(c.dep_ in _SUBJECT_DEPS and c.tag_ in ("WP", "WDT") for c in reporter.children):
        return None
    tok = reporter.head
    for _ in range(_MAX_REPORT_PATH):
        if tok.pos_ in ("VERB", "AUX") and tok.i < participle.i:
            return tok
        if tok.head.i == tok.i or tok.dep_ not in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "appos", "conj"):
            return None
        tok = tok.head
    return None


def set_off_subject(verb: Token, subject: Token) -> Token:
    """Rule ``set_off_subject``: of two subjects of ``verb``, the later one
    when the earlier (``subject``) is followed by a dash or colon that the
    parser hangs on it ("TORONTO — The witness told", a dateline), or by
    a place's short dateline tail and then a dash ("OSLO (Reuters) - The
    witness told", "OSLO, May 4 (AP) — ...")."""
    doc = subject.doc
    later = [c for c in verb.lefts if c.dep_ == subject.dep_ and c.i > subject.i]
    if not later and subject.i + 1 < len(doc):
        # Rule dateline_apposition: "WASHINGTON -- The senator said".
        return dateline_apposition(subject)
    if not later or subject.i + 1 >= len(doc):
        return subject
    if doc[subject.i + 1].text in _SET_OFF:
        return later[-1]
    # Rule hyphen_fragment: the first piece of a hyphenated word the
    # tokenizer split ("co" of "co-author") is no source; the word's last
    # piece heads the phrase when the parser made the pieces subjects.
    piece = hyphen_word_end(subject)
    if piece.i != subject.i and any(c.i == piece.i for c in later):
        return piece
    gap = doc[subject.i + 1 : later[-1].left_edge.i]
    if (
        (subject.ent_type_ == "GPE" or (_capitals_dateline(subject) and gap[0].text == ","))
        and len(gap) <= _MAX_DATELINE_TAIL
        and any(t.text in _DASHES or (t.text == "-" and t.whitespace_) for t in gap)
    ):
        return later[-1]
    return subject


def dateline_apposition(subject: Token) -> Token:
    """Rule ``dateline_apposition``: the noun after a dateline's dash when
    the parser made the place the cue's subject and hung the real subject
    on it as an apposition ("WASHINGTON -- The senator said", "Oslo
    (Reuters) – The minister said"), as ``set_off_subject`` does when it
    made both subjects; else ``subject``. The place must be a place
    (GPE) or written in capitals, and the dash come within its short
    dateline tail."""
    doc = subject.doc
    if subject.ent_type_ != "GPE" and not _capitals_dateline(subject):
        return subject
    for child in subject.rights:
        if child.dep_ != "appos":
            continue
        gap = doc[subject.i + 1 : child.left_edge.i]
        if len(gap) <= _MAX_DATELINE_TAIL and any(t.text in _DASHES or (t.text == "-" and t.whitespace_) for t in gap):
            return child
    return subject


def _capitals_dateline(subject: Token) -> bool:
    """Whether ``subject`` closes a phrase written in capitals at the start
    of its sentence ("SANTA FE, N.M. —"): with a comma and a dash after it,
    a dateline, whatever entity type the model gave the place ("NATO —"
    alone is no dateline)."""
    # Walked back from the subject to its sentence's start, stopping at the
    # first word that is not in capitals (most subjects fail on themselves):
    # no sentence span is built for the question.
    doc = subject.doc
    words = 0
    for i in range(subject.i, -1, -1):
        t = doc[i]
        if not t.is_space:
            if not (t.is_upper and t.is_alpha and len(t) > 1):
                return False
            words += 1
        if t.is_sent_start:
            break
    return words > 0


# Finite verb tags: a verb in one of these forms has a subject somewhere.
_FINITE: frozenset[str] = frozenset({"VBD", "VBZ", "VBP", "VBN"})
# Dependencies of a clause whose subject lies outside it (left to
# ``syntax.subject_of`` and ``reported._adjunct_subject``).
_NON_FINITE_DEPS: frozenset[str] = frozenset({"conj", "xcomp", "advcl", "acl", "relcl", "pcomp", "amod", "csubj"})
_NOUN_POS: frozenset[str] = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Relative pronouns of a person ("Lee, who runs the club,").
_PERSON_RELATIVES: frozenset[str] = frozenset({"who", "whom", "whose"})
_TIME_ENTS: frozenset[str] = frozenset({"DATE", "TIME"})
_CLAUSE_DEPS: frozenset[str] = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj"})


def adjacent_subject(verb: Token, first: Token) -> Token | None:
    """Rule ``adjacent_subject``: the noun phrase that ends right before a
    finite cue verb to which the parser gave no subject at all (it hung the
    name on an earlier noun as an apposition, or took a number for a
    modifier: "..., her husband, the former governor Lee said ...",
    "Nearly 3 in 5 say ..."), or None. ``first`` is the first token of the
    cue's verb group; adverbs between the phrase and it are skipped ("Lee
    also said")."""
    if verb.tag_ not in _FINITE or verb.dep_ in _NON_FINITE_DEPS:
        return None
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    doc = verb.doc
    k = first.i - 1
    while k >= 0 and doc[k].pos_ == "ADV" and doc[k].whitespace_:
        k -= 1
    if k > 0 and doc[k].text == ",":
        # Rule apposition_after_quote: '"...," Lee, head of the club, said'.
        return apposition_after_quote(doc, k - 1)
    if k < 0 or not doc[k].whitespace_ or "\n" in doc[k].whitespace_:
        return None
    tok = doc[k]
    if tok.pos_ not in _NOUN_POS or tok.sent.start != verb.sent.start or tok.dep_ in _OBJECT_DEPS:
        return None
    if tok.head.i == verb.i and tok.dep_ not in ("npadvmod", "nummod", "dep"):
        return None
    if tok.ent_type_ in _TIME_ENTS:
        return None
    # From a second conjunct or a prepositional object to the phrase's head
    # ("politicians and lawyers say": politicians; "Lee in Ohio said": Lee).
    while tok.dep_ in ("conj", "pobj", "prep") and tok.head.i < tok.i and tok.head.pos_ in _NOUN_POS | {"ADP"}:
        tok = tok.head
    if tok.pos_ not in _NOUN_POS or tok.right_edge.i >= first.i:
        return None
    # Not a noun inside a clause of its own ("the state he calls home say").
    above = {a.i for a in verb.ancestors} | {verb.i}
    for a in tok.ancestors:
        if a.i in above:
            break
        if a.dep_ in _CLAUSE_DEPS:
            return None
    return tok


# Links an apposition after a quote climbs to its name (rule
# apposition_after_quote), and the quote marks it looks for before it.
_APPOSITION_PATH: frozenset[str] = frozenset({"appos", "prep", "pobj", "conj", "cc", "compound", "amod", "punct"})
_SET_OFF_NAME: frozenset[str] = frozenset({'"', "”", "''", "’", ","})
_MAX_APPOSITION_PATH = 8


def apposition_after_quote(doc: Doc, end: int) -> Token | None:
    """Rule ``apposition_after_quote``: the name of a source phrase that
    ends at token ``end``, right before the comma and the cue, when the
    parser hung the name on the quote before it as an apposition ('"We
    will win," Lee Okafor, head of the club, said'), or None. Climbs from
    ``end`` through the apposition's links to the first token whose head
    lies before a closing quote mark; that token must be a named person or
    organisation."""
    tok = doc[end]
    for _ in range(_MAX_APPOSITION_PATH):
        head = tok.head
        if head.i == tok.i or head.i > tok.i:
            return None
        if any(doc[j].text in _SET_OFF_NAME for j in range(head.i + 1, tok.left_edge.i)):
            if tok.dep_ in ("appos", "dep", "npadvmod") and tok.ent_type_ in ("PERSON", "ORG"):
                if head.pos_ == "NOUN" and head.i == tok.left_edge.i - 2 and doc[head.i + 1].text == ",":
                    # The title before the name ("her adviser, Lee Kim,
                    # said"): the phrase is the title's, name included.
                    return head
                return tok
            if tok.dep_ != "appos":
                return None
            # The title set off after the name ("Lee Okafor, head of the
            # club"): on to the name.
        elif tok.dep_ not in _APPOSITION_PATH:
            return None
        tok = head
    return None


def gloss_left_out(clause: Token, cues: Mapping[str, str]) -> bool:
    """Rule ``relative_gloss``: whether a relative clause set off after a
    source's head stays out of the source. A person's clause ("Lee, who runs
    the club,") describes the person and stays in, as PolNeAR marks it more
    often than not, unless it holds a verb whose lemma is an attribution cue
    (``cues``: lemma -> type; "Lee, who endorsed the plan,"): an act of its
    own, which PolNeAR (univocal) keeps out. Any other relative clause ("the
    firm, which runs ...") stays out: the speakers stage names an
    organisation by its mention's words."""
    if clause.doc[clause.left_edge.i].lower_ not in _PERSON_RELATIVES:
        return True
    return any(t.lemma_.lower() in cues and t.tag_.startswith("VB") for t in clause.subtree)


def trim_focus(doc: Doc, head: Token, left: int, right: int) -> tuple[int, int]:
    """The rules that end a source phrase once its gloss and its opening
    separator are cut: ``focus_words``, then ``time_phrase``
    (``time_phrase_end``).

    Rule ``focus_words``: the tokens left..right of a source phrase
    headed by ``head`` without an opening focus adverb ("Even the mayor")
    or a closing floating "both" ("Lee and Kim both"), which PolNeAR leaves
    out of the source (on train, the gold never kept an opening "even" in
    the phrases we report; an opening "both", "only" or a closing "all" it
    keeps as often as not, so those stay)."""
    if left < head.i and doc[left].lower_ in _FOCUS_OPENERS and doc[left].pos_ == "ADV":
        left += 1
    if right > head.i and doc[right].lower_ in _FOCUS_CLOSERS and doc[right - 1].text not in SEPARATORS:
        right -= 1
    # Rule time_phrase, the last of the rules that end a source phrase.
    return left, time_phrase_end(doc, head, right)


def time_phrase_end(doc: Doc, head: Token, right: int) -> int:
    """Rule ``time_phrase``: the last token of a source phrase headed by
    ``head`` that ends in a prepositional phrase of time on the head ("a
    panel in 2009", "the report on Wednesday", "a group of doctors in
    May"), without it: PolNeAR leaves when a source spoke out of the
    source, as it leaves it out of the cue's subject. Only a preposition
    whose objects are all dates or times, right at the phrase's end; a
    participle with its date ("a poll released on Monday") stays, as the
    gold keeps it more often than not."""
    for child in head.rights:
        if child.dep_ != "prep" or child.right_edge.i != right:
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if objects and all(o.ent_type_ in _TIME_ENTS for o in objects):
            end = child.i - 1
            while end > head.i and (doc[end].is_punct or doc[end].is_space):
                end -= 1
            return end
    return right


def relative_that(subject: Token) -> bool:
    """Rule ``relative_that``: whether a source is the relative "that" of a
    restrictive clause ("ads that claim ...", "a poll that shows ..."),
    which the reported-speech finder gives no mention."""
    return subject.lower_ == "that" and subject.tag_ == "WDT" and subject.head.dep_ == "relcl"


def source_left(doc: Doc, head: Token, left: int) -> int:
    """Rule ``source_after_separator``: the first token of a source phrase
    headed by ``head`` whose subtree starts at ``left``: the token after the
    last separator between them, else ``left``."""
    for k in range(head.i - 1, left - 1, -1):
        tok = doc[k]
        if tok.text in SEPARATORS and (tok.text != "-" or tok.whitespace_):
            return k + 1
    # Rule hyphen_fragment: a phrase never opens inside a hyphenated word
    # ("author" of "Her co-author"): back to the first piece's phrase.
    while (
        left >= 2 and doc[left - 1].text in HYPHENS and not doc[left - 1].whitespace_ and not doc[left - 2].whitespace_
    ):
        piece = doc[left - 2]
        if not piece.is_alpha:
            break
        left = min(piece.left_edge.i, left - 2)
    return left


__all__ = [
    "SEPARATORS",
    "adjacent_subject",
    "apposition_after_quote",
    "gloss_left_out",
    "adjective_host",
    "coordinated_reporter",
    "dateline_apposition",
    "gerund_after_name",
    "object_controller",
    "participle_reporter",
    "set_off_subject",
    "relative_that",
    "source_left",
    "time_phrase_end",
    "trim_focus",
]
