"""Transcript turns (rule ``transcript_turn``): the paragraphs of a printed
exchange, each opening with its speaker's name and a colon, as court, debate
and interview transcripts are set in news:

    Brandt: You told the officers the car was blue.

    Okafor: I said it was dark.

Each turn is direct speech without quote marks: the label says who speaks,
the words after the colon are theirs (``kind`` "direct", one verbatim span
equal to the content, no cue). Anything another finder reads inside a turn
("I said it was dark" as reported speech of "I") belongs to the turn.

Labels take the forms of printed news transcripts: "Name:", "SURNAME:",
"Title Surname:" ("Dr. Okafor:", the title dropped before the name is
checked; rule ``transcript_title_label``) and a press conference's
"Name (Outlet):" (the outlet in brackets is no part of the name; rule
``transcript_outlet_label``).

A run of such paragraphs counts as a transcript only when it has at least
two turns by two different labels, with nothing but blank lines between
them, and every label names a person the model found in the article (its
surname or full name, in any case: "RUIZ" for Elena Ruiz) or is a role that
chairs or leads an exchange ("The Chair:", "Moderator:";
``transcript_role_labels`` in ``data/marks.json``), with at least one person
among the labels. That keeps out
the look-alikes: one "Name: headline" line (``colon_headline``), lists by
place ("Iowa: 12 delegates"), tables of counts by name ("Clinton: 1,769."),
and notes ("Update: ..."). On PolNeAR train
0-400 one-line-at-a-time readings of such paragraphs were right 1 time in 5,
most of them lists; this is why the whole run is checked.

Interview answers (rule ``interview_answer``): an interview printed as
"Q:" / "A:" paragraphs (or "Q." / "A.") is read the same way, but the labels
name no one: each answer is a direct statement of the person the
introduction presents (its first proper-noun subject), and the questions
are the paper's, no one's statement (a report inside a question, "The
province says ...", is still read by the other finders).

Interviews printed without labels (rule ``interview_plain_answer``):
question paragraphs ending in "?" alternating with answer paragraphs, right
after a paragraph that announces the interview ("Parts of the interview
follow, edited for length."); the answers are the person that paragraph
names, and a cue inside one ("I'd say you're right") is the answer's.

Found with one regular expression over paragraph starts, then checked
against the entity labels: cheap, and hand-written because no maintained
library reads transcripts out of running news text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ...model import Quote, Speaker, TextSpan
from ..syntax import doc_text, hyphen_word_end
from .markindex import marks_words

# A paragraph that opens with one to three capitalised words and a colon.
# (A paragraph may open with a quote mark that the transcript never closes,
# as some outlets print each turn: '"WALLACE: ...'.)
# Rule transcript_outlet_label: a press conference's reporters are labelled
# with their outlet in brackets ("Ann Lee (The Daily Post): Is it true?");
# the bracket is no part of the speaker's name.
_TURN = re.compile(
    r"(?m)^[ \t]*[\"“]?([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})"
    r"([ \t]*\([^()\n]{1,60}\))?[ \t]*:[ \t]+(\S[^\n]*?)[\"”]?[ \t]*$"
)
_MIN_TURNS = 2
_MIN_LABELS = 2


def _person_words(doc: Doc) -> frozenset[str]:
    """Surnames and full names of the people the model found, folded. The
    small models often label a rare full name ORG ("Ines Marlow"): a name of
    two or more words labelled so gives its last word too."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            words.add(ent[-1].text.casefold())
            words.add(" ".join(t.text for t in ent).casefold())
        elif ent.label_ == "ORG" and len(ent) >= 2 and all(t.text[:1].isupper() for t in ent):
            words.add(ent[-1].text.casefold())
    return frozenset(words)


def _label_name(label: str) -> str:
    """A turn label folded, less the courtesy or office titles it opens with
    (rule ``transcript_title_label``: "Dr. Patel:", "Sen. Ruiz:" name the
    person the article calls Asha Patel; ``transcript_label_titles`` in
    ``data/marks.json``). A label that is all title stays whole ("Judge:")."""
    words = label.casefold().split()
    titles = marks_words("transcript_label_titles")
    while len(words) > 1 and words[0].rstrip(".") in titles:
        words = words[1:]
    return " ".join(words)


# The rules a labelled turn is read by, named by its label's form so that
# each form's readings are counted.
TURN_RULES = frozenset({"transcript_turn", "transcript_outlet_label", "transcript_title_label"})


def _turn_rule(m: re.Match[str]) -> str:
    if m.group(2):
        return "transcript_outlet_label"
    if _label_name(m.group(1)) != m.group(1).casefold():
        return "transcript_title_label"
    return "transcript_turn"


def _runs(matches: list[re.Match[str]], text: str) -> list[list[re.Match[str]]]:
    """The labelled paragraphs grouped in runs: the next turn follows the
    last with only blank space between."""
    runs: list[list[re.Match[str]]] = []
    for m in matches:
        if runs and not text[runs[-1][-1].end() : m.start()].strip():
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _turn_quote(text: str, m: re.Match[str], mention: TextSpan | None, rule: str) -> Quote:
    """One turn's words (the last group of ``m``) as a direct quote without a cue."""
    # The words are the last group: after the label (and its outlet).
    cs, ce = m.span(m.re.groups)
    content = TextSpan(text[cs:ce], cs, ce)
    return Quote(
        text=content.text,
        start=cs,
        end=ce,
        kind="direct",
        speaker=Speaker(mention=mention),
        cue=None,
        verbatim=[content],
        rule=rule,
    )


def find_transcript_turns(doc: Doc, text: str) -> list[Quote]:
    """The transcript turns of ``doc`` (see the module doc), in text order;
    each turn's speaker mention is its label."""
    if ":" not in text:
        return []
    matches = list(_TURN.finditer(text))
    if len(matches) < _MIN_TURNS:
        return []
    people = _person_words(doc)
    out: list[Quote] = []

    def close(run: list[re.Match[str]]) -> None:
        labels = {_label_name(m.group(1)) for m in run}
        # Each turn opens with a word: "Clinton: 1,769." is a count in a table.
        worded = all(any(c.isalpha() for c in m.group(3).split()[0]) for m in run)
        # A role label ("The Chair") may stand among the people: the chair of
        # a hearing or a debate's moderator speaks by role, not by name.
        named = labels - marks_words("transcript_role_labels")
        if len(run) >= _MIN_TURNS and len(labels) >= _MIN_LABELS and named and named <= people and worded:
            for m in run:
                ls, le = m.span(1)
                out.append(_turn_quote(text, m, TextSpan(text[ls:le], ls, le), _turn_rule(m)))

    for run in _runs(matches, text):
        close(run)
    return out


# A paragraph of a printed interview: "Q:" or "A:" ("Q." / "A.") and the words.
_QA_TURN = re.compile(r"(?m)^[ \t]*([QA])(?:[.:]|\.:)[ \t]+(\S[^\n]*?)[ \t]*$")
_MIN_QA = 2


def _interviewee(doc: Doc, before: int) -> TextSpan | None:
    """The person the introduction is about: the first proper-noun subject
    before the interview starts ("Ana Ruiz took over the trust in May. She
    spoke with our reporter ..."), as a name of two or more words; the
    interviewer is named later, and not as a subject. None when the
    introduction names no one so."""
    for tok in doc:
        if tok.idx >= before:
            break
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN" or tok.text.isupper():
            continue
        first = tok
        # The name runs left over proper nouns and the hyphens of a double name.
        while first.i > 0:
            prev = doc[first.i - 1]
            joined = prev.idx + len(prev.text) == first.idx
            if prev.pos_ == "PROPN" and not prev.text.isupper() and (prev.whitespace_ or joined):
                first = prev
            elif prev.text == "-" and joined and prev.i > 0 and doc[prev.i - 1].pos_ == "PROPN":
                first = prev
            else:
                break
        last = hyphen_word_end(tok)
        if first.i == last.i:
            continue  # a bare surname or one-word name is not the introduction's person
        start, end = first.idx, last.idx + len(last.text)
        return TextSpan(doc_text(doc)[start:end], start, end)
    return None


def _introduced(doc: Doc, text: str, before: int) -> TextSpan | None:
    """Rule ``interview_intro_person``: the person the paragraph right before
    a "Q:" / "A:" block presents as interviewed ("The firm's founder, Ana
    Roe, spoke to the Herald on Tuesday.") or as its subject, who is no
    journalist. A reader takes the answers to be that person's even when
    someone else was quoted earlier "in an interview". None when that
    paragraph presents no one so; the story's first subject is then read."""
    pars = [m for m in _PARAGRAPH.finditer(text[:before]) if m.group(1).strip()]
    if not pars:
        return None
    return _intro_person(doc, [pars[-1].span(1)], max_rank=1)


def find_interview_answers(doc: Doc, text: str) -> list[Quote]:
    """The answers of an interview printed as "Q:" / "A:" paragraphs (rule
    ``interview_answer``): each "A:" paragraph is a direct statement of the
    person the introduction presents; the questions are the paper's and no
    one's statement. A run counts only with at least two questions and two
    answers, opening with a question, with nothing but blank lines between
    its paragraphs: one paragraph that opens "A." ("A. Ruiz said ...")
    stays ordinary text."""
    out: list[Quote] = []
    runs = _qa_runs(text)
    if not runs:
        return out
    # One interview, one interviewee: later runs follow answers that go on
    # without a label, so only the first run has an introduction before it.
    who = _interviewee(doc, runs[0][0].start())
    presented = _introduced(doc, text, runs[0][0].start())
    if presented is not None and (who is None or presented.text not in who.text):
        who = presented
    for run in runs:
        for m in run:
            if m.group(1) != "A":
                continue
            out.append(_turn_quote(text, m, who, "interview_answer"))
    return out


def _qa_runs(text: str) -> list[list[re.Match[str]]]:
    """The runs of "Q:" / "A:" paragraphs that make a printed interview (see
    ``find_interview_answers``)."""
    if "Q" not in text or "A" not in text:
        return []
    matches = list(_QA_TURN.finditer(text))
    if len(matches) < 2 * _MIN_QA:
        return []
    out = []
    for run in _runs(matches, text):
        labels = [m.group(1) for m in run]
        if labels.count("Q") >= _MIN_QA and labels.count("A") >= _MIN_QA and labels[0] == "Q":
            out.append(run)
    return out


def interview_questions(text: str) -> list[tuple[int, int]]:
    """The character spans of the "Q:" paragraphs of a printed interview:
    the interviewer's questions are the paper's words, so nothing in them is
    reported as a statement (rule ``interview_question``: "Q: What about the
    claim that ...?" reports no claim)."""
    return [m.span(m.re.groups) for run in _qa_runs(text) for m in run if m.group(1) == "Q"]


# Rule interview_plain_answer: an interview printed without labels, each
# question a paragraph of its own ending in "?", each answer the paragraphs
# after it, announced by the paragraph before the first question ("Parts of
# the interview follow, edited for length."; ``interview_intro_patterns`` in
# ``data/marks.json``). Without that announcement the same shape is a FAQ box
# or a writer's rhetorical questions, the paper's own words, and is not read.
_PARAGRAPH = re.compile(r"(?m)^[ \t]*(\S[^\n]*?)[ \t]*$")
_QUESTION_END = re.compile(r"\?[\"”’')\]]*$")
_OPENS_QUOTE = re.compile(r"^[\"“‘']")
_MAX_QUESTION_WORDS = 80


@lru_cache(maxsize=1)
def _intro_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in sorted(marks_words("interview_intro_patterns", "patterns")))


def _is_question(par: str) -> bool:
    # A paragraph that opens with a quote mark is someone's quoted words, not
    # the interviewer's question. A "Q:" label makes a question of a
    # paragraph that asks nothing ("Q: You left in May.").
    label = _QA_TURN.match(par)
    if label:
        return label.group(1) == "Q"
    return bool(_QUESTION_END.search(par)) and not _OPENS_QUOTE.match(par) and len(par.split()) <= _MAX_QUESTION_WORDS


def _is_answer(par: str) -> bool:
    # Labelled answers ("A: ...") are rule interview_answer's; a paragraph
    # that opens with a quote mark is narration quoting someone.
    return not _QUESTION_END.search(par) and not _OPENS_QUOTE.match(par) and not _QA_TURN.match(par)


def _interviewer(ent: Span) -> bool:
    """Whether a person is presented as the one asking: a journalist noun
    in their noun phrase ("Herald reporter Ann Lee", "the host, Ann Lee";
    ``interviewer_nouns`` in ``data/marks.json``)."""
    nouns = marks_words("interviewer_nouns")
    root = ent.root.head if ent.root.dep_ == "appos" else ent.root
    return any(t.lemma_.casefold() in nouns or t.text.casefold() in nouns for t in root.subtree if t.i < ent.end)


def _interviewed(ent: Span, names: list[Span]) -> bool:
    """Whether ``ent`` is the one interviewed: the object of "interview", or
    "X spoke with/to ENT" where X, one of ``names``, is a journalist."""
    root = ent.root.head if ent.root.dep_ == "appos" else ent.root
    if root.dep_ == "dobj" and root.head.lemma_ == "interview":
        return True
    if root.dep_ != "pobj" or root.head.lower_ not in ("with", "to"):
        return False
    subjects = {c.i for c in root.head.head.children if c.dep_ == "nsubj"}
    return any(e.root.i in subjects and e.label_ == "PERSON" and _interviewer(e) for e in names)


def _intro_person(doc: Doc, spans: list[tuple[int, int]], max_rank: int = 8) -> TextSpan | None:
    """The interviewee: a person the announcement (or, when it names no one,
    the paragraph before it) names. The one interviewed comes first ("...
    interviewed Ana Roe", "Reporter Tom Lee spoke with Ana Roe"), then a
    subject that is no journalist ("The band's singer, Ana Roe, spoke to
    ..."), then the first other person named. The one interviewed may be a
    rare name the model labels ORG; other ORG names are not people."""
    text = doc_text(doc)
    for start, end in spans:
        names = [
            e
            for e in doc.ents
            if start <= e.start_char
            and e.end_char <= end
            and (e.label_ == "PERSON" or (e.label_ == "ORG" and len(e) >= 2 and all(t.pos_ == "PROPN" for t in e)))
        ]

        def rank(ent: Span, names: list[Span] = names) -> int:
            if _interviewed(ent, names):
                return 0
            if ent.label_ != "PERSON":
                return 9
            if _interviewer(ent):
                return 4
            root = ent.root.head if ent.root.dep_ == "appos" else ent.root
            return 1 if root.dep_ in ("nsubj", "nsubjpass") else 2

        ranked = sorted((rank(e), e.start) for e in names)
        if not ranked or ranked[0][0] > max_rank:
            continue
        ent = next(e for e in names if e.start == ranked[0][1])
        return TextSpan(text[ent.start_char : ent.end_char], ent.start_char, ent.end_char)
    return None


def find_plain_interview_answers(doc: Doc, text: str) -> list[Quote]:
    """The answers of an interview printed without labels (rule
    ``interview_plain_answer``, see above): at least two question
    paragraphs, each followed by its answer, right after the paragraph that
    announces the interview. Each answer paragraph is a direct statement of
    the person the announcement names; the questions are no one's. The last
    question's answer is its next paragraph only: nothing but a further
    question marks where an answer ends, so what follows it is the article's
    narration again."""
    if "?" not in text:
        return []
    pars = list(_PARAGRAPH.finditer(text))
    out: list[Quote] = []
    i = 0
    while i < len(pars) - 1:
        # A question must follow the announcement (no pairs otherwise): that
        # cheap test first, the announcement's patterns only before one.
        if not _is_question(pars[i + 1].group(1)) or not any(p.search(pars[i].group(1)) for p in _intro_patterns()):
            i += 1
            continue
        pairs: list[list[int]] = []
        j = i + 1
        while j < len(pars) and _is_question(pars[j].group(1)):
            k = j + 1
            while k < len(pars) and _is_answer(pars[k].group(1)):
                k += 1
            if k == j + 1:
                break
            pairs.append(list(range(j + 1, k)))
            j = k
        if len(pairs) < _MIN_QA:
            i += 1
            continue
        pairs[-1] = pairs[-1][:1]
        spans = [pars[i].span(1)] + ([pars[i - 1].span(1)] if i > 0 else [])
        who = _intro_person(doc, spans)
        for answer in pairs:
            for n in answer:
                out.append(_turn_quote(text, pars[n], who, "interview_plain_answer"))
        i = pairs[-1][-1] + 1
    return out


__all__ = [
    "TURN_RULES",
    "find_interview_answers",
    "find_plain_interview_answers",
    "find_transcript_turns",
    "interview_questions",
]
