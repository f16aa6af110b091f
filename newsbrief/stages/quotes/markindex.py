"""One quote-mark index per document: every stretch of text between quote
marks, paired once, typed as speech or not, and read by every finder.

Pairing (``build_mark_index``), one linear pass per paragraph:

* double marks: straight ``"``, curly ``“ ”``, low ``„``, guillemets ``« »``
  and two apostrophes ``''`` (the convention of some newswire text);
* single marks ``‘ ’`` and ``'``: they only open before a word and close
  after one, and the usual elisions ('90s, rock 'n' roll, 'em) and
  apostrophes (don't, Kerry's, students' union) are left alone;
* which side a mark is on shows in its neighbours (space before and a word
  after opens; a word before and space or punctuation after closes) more
  reliably than in its glyph. A mark that looks like an opener while a quote
  is open means that quote lost its closing mark, and one that looks like a
  closer with no quote open is a stray mark: both stay local, so one stray
  mark does not flip the pairing for the rest of an article written without
  paragraph breaks;
* a quote left open at a paragraph end runs on when the next paragraph opens
  with a mark again (the newspaper convention for a quote over several
  paragraphs; the pieces share a ``group``); otherwise it ends where
  ", said X" begins or at the end of its sentence, and is dropped as a stray
  mark when short;
* quotes nested inside another quote belong to the outer one.

Typing: each span is ``speech`` unless a rule of ``data/marks.json`` says it
is a name, a title, a scare quote or a word mentioned as a word. The rules
that read only the text run here; those that need the parse (a quote with no
speech cue) run in ``marks.py`` and set the type on the same span.

The stage writes the index as plain dicts on ``doc._.nb_marks``
(``MarkSpan.to_dict``); ``index_from_dicts`` reads it back, and
``inside_mark``/``inside_speech_mark``/``marks_in``/``token_marks`` answer the
questions the finders ask. Hand-written because no maintained library pairs
quote marks with offsets (spaCy's tokenizer splits them off but does not say
which ones belong together).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..lexicon import PERSON_PRONOUNS, SPEECH_VERBS

SPEECH = "speech"

_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_DOUBLE_STRAIGHT = '"'
_SINGLE_OPEN = "‘"
_SINGLE_AMBIG = "'’"
_MARK_RE = re.compile("[\"“”«»„‘’']")
# Characters after which a mark opens a quote (besides whitespace and the paragraph start).
_OPENERS_BEFORE = set("([{—–-/\"“‘'")
# Characters after which a closing mark stands (besides whitespace and the paragraph end).
_CLOSERS_AFTER = set(",.;:!?)]}—–-…'’\"”/")
# Words that begin with an apostrophe in common English elisions ('em, 'n', 'til).
_ELISIONS = frozenset({"n", "em", "til", "tis", "twas", "cause", "bout", "round", "nuff", "cept", "s"})
# A quote whose closing mark is missing is kept only when it is this long (words).
MIN_UNCLOSED_WORDS = 8
# ', said Kessel' / ', Kessel said' inside a quote with no closing mark.
_ATTRIBUTION_AFTER_COMMA = re.compile(
    r",(?=\s+(?:said|says|added|adds|told|tells|asked|wrote|writes|explained|noted)\b"
    r"|\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|added|told|wrote)\b)"
)
# The end of a sentence inside an unclosed quote: where it stops.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“‘'])")
_TERMINAL = ".!?"


@dataclass(slots=True)
class MarkSpan:
    """One stretch of text between quote marks.

    open (int): offset of the opening mark; open_width its length (2 for '').
    close (int | None): offset of the closing mark; None when the quote runs
        on into the next paragraph or its closing mark is missing.
    start/end (int): the words inside the marks (spaces stripped).
    style (str): "double" or "single".
    group (int): the pieces of one quote over several paragraphs share it.
    type (str): "speech", or "name", "title", "scare", "word" (not speech).
    reason (str): the rule that typed it ("speech" when none applied).
    """

    open: int
    close: int | None
    start: int
    end: int
    style: str = "double"
    open_width: int = 1
    close_width: int = 1
    group: int = -1
    type: str = SPEECH
    reason: str = SPEECH
    keep: bool = field(default=True, repr=False)
    # A single quote still open: the first mark inside it that read as a
    # plural possessive ("the 'Fix Our Roads' campaign"), its closing mark
    # after all when nothing else closes it.
    alt_close: int | None = field(default=None, repr=False)

    @property
    def outer_end(self) -> int:
        """One past the closing mark (or the end of the words when unclosed)."""
        return self.close + self.close_width if self.close is not None else self.end

    @property
    def is_speech(self) -> bool:
        return self.type == SPEECH

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "open": self.open,
            "close": self.close,
            "open_width": self.open_width,
            "close_width": self.close_width,
            "style": self.style,
            "group": self.group,
            "type": self.type,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MarkSpan:
        return cls(
            open=data["open"],
            close=data.get("close"),
            start=data["start"],
            end=data["end"],
            style=data.get("style", "double"),
            open_width=data.get("open_width", 1),
            close_width=data.get("close_width", 1),
            group=data.get("group", -1),
            type=data.get("type", SPEECH),
            reason=data.get("reason", SPEECH),
        )


class MarkIndex:
    """The quote-marked spans of one text, in text order (they never overlap)."""

    __slots__ = ("spans", "_opens", "nested")

    def __init__(self, spans: Sequence[MarkSpan]) -> None:
        self.spans: list[MarkSpan] = sorted(spans, key=lambda s: s.open)
        self._opens = [s.open for s in self.spans]
        # Quotes inside a quote that a rule types as not speech ('"the one
        # people still call \'the long walk,\' lasted"'): listed in
        # Brief.marked only; the outer quote holds them for every finder.
        self.nested: list[MarkSpan] = []

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self):
        return iter(self.spans)

    def span_at(self, char: int) -> MarkSpan | None:
        """The span whose marks (or words, when unclosed) hold offset ``char``."""
        k = bisect_right(self._opens, char) - 1
        if k < 0:
            return None
        span = self.spans[k]
        return span if span.open <= char < span.outer_end else None

    def to_dicts(self) -> list[dict[str, Any]]:
        return [s.to_dict() for s in self.spans]


def index_from_dicts(data: Iterable[dict[str, Any]] | None) -> MarkIndex:
    """The index back from ``doc._.nb_marks``."""
    return MarkIndex([MarkSpan.from_dict(d) for d in (data or [])])


def inside_mark(index: MarkIndex, char: int) -> bool:
    """Whether offset ``char`` stands between quote marks (marks included)."""
    return index.span_at(char) is not None


def inside_speech_mark(index: MarkIndex, char: int) -> bool:
    """Whether offset ``char`` stands between quote marks that hold speech."""
    span = index.span_at(char)
    return span is not None and span.is_speech


def marks_in(index: MarkIndex, start: int, end: int, *, speech_only: bool = True) -> list[MarkSpan]:
    """The spans whose words lie within ``start..end``, in text order."""
    k = max(0, bisect_right(index._opens, start) - 1)
    out: list[MarkSpan] = []
    for span in index.spans[k:]:
        if span.start >= end:
            break
        if start <= span.start and span.end <= end and (span.is_speech or not speech_only):
            out.append(span)
    return out


def token_marks(index: MarkIndex, token_starts: Sequence[int]) -> list[int]:
    """For each token (by its start offset, in order), the position in
    ``index.spans`` of the span holding it, or -1: one merge pass."""
    out = [-1] * len(token_starts)
    spans = index.spans
    k = 0
    for t, char in enumerate(token_starts):
        while k < len(spans) and spans[k].outer_end <= char:
            k += 1
        if k < len(spans) and spans[k].open <= char:
            out[t] = k
    return out


# ---------------------------------------------------------------- rules (data)


@dataclass(frozen=True, slots=True)
class MarkRule:
    """One rule of ``data/marks.json``."""

    name: str
    type: str
    test: str
    max_words: int | None = None
    title_case: bool = False
    not_after_subject: bool = False
    pattern: re.Pattern[str] | None = None
    # frame_before: up to this many words may stand between the phrase and a
    # comma right before the mark ('a report published last month, "..."').
    gap_words: int = 0
    # frame_before: up to this many words (the object: 'call the bridge "..."')
    # may stand between the phrase and the mark; never a preposition
    # ('calls for "..."' is a demand, not a name).
    object_words: int = 0
    # The content reads like a name: it starts with "the" or a capital or a
    # digit ("the howler", "Port 2030"), not "a disaster".
    name_like: bool = False
    # between_determiner_and_noun: words after the marks that show the quoted
    # words are not a modifier ('the "X" is', 'the "X" and').
    not_followed_by: frozenset[str] = frozenset()
    # The content is a term in lower case ("validation", "active travel"),
    # the other half of name_like: a naming frame gives a term for a kind of
    # thing, a judgement an adjective or "a ..." ('call it "a disaster"').
    lower_term: bool = False
    # The content is a title and its subtitle after a colon, in sentence
    # case ("Closing the gate: road closures and ..."), with no sentence end.
    subtitle: bool = False
    # quantifier_apposition: the words right before the mark.
    before_words: frozenset[str] = frozenset()
    # frame_before: the phrases start with the namer, not the verb.
    namer_first: bool = False
    # Words that make name-like content a judgement ('the worst ref ever').
    judging_words: frozenset[str] = frozenset()
    # name_like also holds when "the" stands right before the mark ('known
    # on the bridge as the "nuisance alarm"').
    article_name_like: bool = False
    # frame_before: the object may hold "of" after its first word ('calling
    # some of their clients "..."').
    object_of: bool = False
    # not_after_subject: more namers that block the frame ('when you start
    # calling them "..."': a speaker's own words).
    not_after_words: frozenset[str] = frozenset()
    # inscription_verb: nouns of the medium that count only with a modifier
    # ('in smaller letters'; 'in a letter' is a missive).
    modified_nouns: frozenset[str] = frozenset()
    # name_like also holds for a short lower-case term ("ghost timetables"):
    # a frame that names a kind of thing as often as a proper one.
    or_lower_term: bool = False
    # not_after_subject: 'who' does not block the frame after one of these
    # plural namers ('fans, who call the stand "the Nest"': many people
    # naming, not one person speaking).
    who_namers: frozenset[str] = frozenset()
    # Parse tests (marks.py): the verbs before the mark and the nouns that
    # must hold them ('placards reading "..."': read, placard).
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    # heading_line: the line holding the mark has at most this many words.
    line_words: int = 0
    # frame_before: words that may not stand in the object, nor may a name
    # (a capitalised word): labelling a person is judging them ('labelling
    # him "a thug"'), labelling a thing names it.
    object_not: frozenset[str] = frozenset()
    # frame_before: the namers after the closing mark, in a 'by' phrase
    # ('has been called "..." by local media'): a passive naming by many.
    agent_nouns: frozenset[str] = frozenset()
    # The content has at least this many words ('"Fair Share Tier"', not
    # a one-word '"Orwellian"' judgement).
    min_words: int = 0
    # sign_verb: a relative clause on one of nouns also holds the words
    # ('stickers that said "..."').
    relative: bool = False
    # The content is in strict sentence case: a capital first, every later
    # word in lower case ('"Un ballo in maschera"', not '"New York values"').
    sentence_case: bool = False
    # frame_before: the opening ASCII run of each phrase's first word, in
    # lower case (none for a '*' phrase): the pattern matches only text that
    # holds one of them, a test far cheaper than the search (_first_words).
    first_words: tuple[str, ...] = ()


# Words that cannot start or stand in the object between a naming verb and the
# mark: 'calls for "..."', 'call on "..."', 'call that "..."'.
_NOT_OBJECT_WORDS = (
    "for", "on", "upon", "to", "in", "at", "out", "up", "off", "back", "from", "that", "with", "into", "about", "of",
)  # fmt: skip


@lru_cache(maxsize=1)
def _packaged_marks() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("data/marks.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=64)  # room for every table asked for (16 now), so none is read again
def marks_words(table: str, key: str = "words") -> frozenset[str]:
    """One word list of the packaged ``data/marks.json`` (``table``'s
    ``key``; empty when the file has no such table)."""
    return frozenset(_packaged_marks().get(table, {}).get(key, ()))


def cue_phrase_preps() -> frozenset[str]:
    """Prepositions whose phrase after a quote's cue verb is part of the cue
    (``cue_phrase_preps`` in the packaged ``data/marks.json``)."""
    return marks_words("cue_phrase_preps")


# A '*' word in a frame phrase: one to three words ('known * as': 'known to
# local anglers as', 'known simply as'), never across a comma.
_WILDCARD = r"[\w'’-]+(?:\s+[\w'’-]+){0,2}"


def _phrase_word(word: str) -> str:
    return _WILDCARD if word == "*" else re.escape(word)


def alts_of(item: dict[str, Any]) -> str:
    """A rule's phrases as one alternation, longest first."""
    phrases = sorted(item["phrases"], key=len, reverse=True)
    return "|".join(r"\s+".join(_phrase_word(w) for w in p.split()) for p in phrases)


@lru_cache(maxsize=8)
def load_rules(path: str | None = None) -> tuple[MarkRule, ...]:
    """The rules of a marks file (the packaged ``data/marks.json`` by default)."""
    if path is None:
        data = _packaged_marks()
    else:
        with open(path, encoding="utf-8") as fh:
            data = json.loads(fh.read())
    dets = "|".join(re.escape(d) for d in data.get("determiners", []))
    rules: list[MarkRule] = []
    for item in data["rules"]:
        pattern = None
        gap = int(item.get("gap_words", 0))
        obj = int(item.get("object_words", 0))
        if item["test"] == "frame_before":
            phrases = sorted(item["phrases"], key=len, reverse=True)
            alts = "|".join(r"\s+".join(_phrase_word(w) for w in p.split()) for p in phrases)
            if item.get("apposition"):
                # The noun, a comma, a determiner: 'its brand, the "..."'.
                pattern = re.compile(rf"(?:^|[^\w-])(?:{alts})\s*,\s*(?:(?:{dets})\s+)?$", re.IGNORECASE)
            elif obj:
                not_obj = "|".join(re.escape(w) for w in _NOT_OBJECT_WORDS)
                word = rf"\s+(?!(?:{not_obj})\b)[\w'’-]+"
                if item.get("object_of"):
                    # The first object word is never a preposition; "of" may follow.
                    inner = "|".join(re.escape(w) for w in _NOT_OBJECT_WORDS if w != "of")
                    later = rf"\s+(?!(?:{inner})\b)[\w'’-]+"
                    objects = rf"(?:{word}(?:{later}){{0,{obj - 1}}})?"
                else:
                    objects = rf"(?:{word}){{0,{obj}}}"
                pattern = re.compile(rf"(?:^|[^\w-])(?:{alts}){objects}\s*[,:]?\s*$", re.IGNORECASE)
            elif gap:
                # The phrase, a few words, then a comma right before the mark:
                # 'a review, "..."', 'a report published last month, "..."'.
                pattern = re.compile(rf"(?:^|[^\w-])(?:{alts})(?:\s+[\w'’-]+){{0,{gap}}}\s*,\s*$", re.IGNORECASE)
            else:
                # The phrase ends right before the mark: "known as", "dubbed the", "the book,".
                pattern = re.compile(rf"(?:^|[^\w-])(?:{alts})\s*(?:(?:{dets})\s+)?[,:]?\s*$", re.IGNORECASE)
        elif item["test"] == "gloss_after":
            # A comma, then the gloss right after the closing mark.
            pattern = re.compile(rf"\s*,?\s*(?:{alts_of(item)})\b", re.IGNORECASE)
        elif item["test"] == "frame_right_before":
            # The phrase ends right before the mark, with only the rule's own
            # determiners between ('calls "..."', 'call this "..."').
            own = "|".join(re.escape(d) for d in item.get("determiners", []))
            dets_between = rf"(?:(?:{own})\s+)?" if own else ""
            pattern = re.compile(rf"(?:^|[^\w-])(?:{alts_of(item)})\s+{dets_between}$", re.IGNORECASE)
        elif item["test"] in ("between_determiner_and_noun", "modifier_term"):
            # A determiner or possessive pronoun right before the mark (the
            # rule's own list: "that" before a mark is mostly "said that").
            own = "|".join(re.escape(d) for d in item.get("determiners", data.get("determiners", [])))
            pattern = re.compile(rf"(?:^|[^\w'’-])(?:{own})\s+$", re.IGNORECASE)
        rules.append(
            MarkRule(
                name=item["rule"],
                type=item["type"],
                test=item["test"],
                max_words=item.get("max_words"),
                title_case=bool(item.get("title_case", False)),
                not_after_subject=bool(item.get("not_after_subject", False)),
                pattern=pattern,
                gap_words=gap,
                object_words=obj,
                name_like=bool(item.get("name_like", False)),
                not_followed_by=frozenset(w.lower() for w in item.get("not_followed_by", ())),
                lower_term=bool(item.get("lower_term", False)),
                subtitle=bool(item.get("subtitle", False)),
                before_words=frozenset(w.lower() for w in item.get("before_words", ())),
                namer_first=bool(item.get("namer_first", False)),
                judging_words=frozenset(w.lower() for w in item.get("judging_words", ())),
                article_name_like=bool(item.get("article_name_like", False)),
                object_of=bool(item.get("object_of", False)),
                not_after_words=frozenset(w.lower() for w in item.get("not_after_words", ())),
                modified_nouns=frozenset(w.lower() for w in item.get("modified_nouns", ())),
                or_lower_term=bool(item.get("or_lower_term", False)),
                who_namers=frozenset(w.lower() for w in item.get("who_namers", ())),
                verbs=frozenset(w.lower() for w in item.get("verbs", ())),
                nouns=frozenset(w.lower() for w in item.get("nouns", ())),
                line_words=int(item.get("line_words", 0)),
                object_not=frozenset(w.lower() for w in item.get("object_not", ())),
                agent_nouns=frozenset(w.lower() for w in item.get("agent_nouns", ())),
                min_words=int(item.get("min_words", 0)),
                relative=bool(item.get("relative", False)),
                sentence_case=bool(item.get("sentence_case", False)),
                first_words=_first_words(item) if item["test"] == "frame_before" else (),
            )
        )
    return tuple(rules)


# The characters besides ASCII that a case-insensitive pattern matches to an
# ASCII letter, or whose lower case holds one (dotless i, dotted capital I,
# long s, the Kelvin sign; tests/stages/test_perf14_helpers.py checks the
# whole of Unicode). Text without them matches an ASCII letter of a pattern
# only where its lower case holds that letter's.
ASCII_FOLDING = frozenset("\u0130\u0131\u017f\u212a")


def _first_words(item: dict[str, Any]) -> tuple[str, ...]:
    """For each phrase of a frame_before rule, its first word's opening run
    of ASCII characters, in lower case: the case-insensitive pattern matches
    only text (without ``ASCII_FOLDING`` characters) whose lower case holds
    one of them. None when a phrase is empty or opens with '*' or with a
    character besides ASCII."""
    words = [p.split() for p in item["phrases"]]
    if not words or any(not w or w[0] == "*" for w in words):
        return ()  # an empty phrase matches anywhere; a wildcard, any word
    runs = set()
    for w in words:
        run = re.match(r"[\x00-\x7f]*", w[0]).group(0)  # type: ignore[union-attr]
        if not run:
            return ()
        runs.add(run.lower())
    return tuple(sorted(runs))


def is_title_case(content: str) -> bool:
    """Every longer word capitalised ("The Art of the Deal"), or else the
    only longer lower-case words are prepositions titles often keep in lower
    case and every lower-case word is a title's function word ("Tunes from
    the Back Room"; not "She is too far behind"): ``title_minor_words`` in
    the packaged ``data/marks.json``."""
    alpha = [w for w in content.rstrip(".,;:!?").split() if w[:1].isalpha()]
    if not alpha or not alpha[0][0].isupper():
        return False
    if all(w[0].isupper() for w in alpha if len(w) > 3):
        return True
    minor = marks_words("title_minor_words")
    return all(w[0].isupper() or w.lower().rstrip(".,;:!?") in minor for w in alpha)


def is_sentence_case(content: str) -> bool:
    """Two words or more, the first capitalised and every later one in lower
    case, no sentence end ("Un ballo in maschera"; not "New York values",
    "Obama founded ISIS" or "47 percent")."""
    words = content.strip(" \t\n").split()
    if len(words) < 2 or content.rstrip()[-1:] in _TERMINAL + ",":
        return False
    return words[0][:1].isupper() and all(w[:1].islower() for w in words[1:])


_NOT_TERM_FIRST = frozenset({"a", "an", "the", "i", "we", "you", "it"})


def is_lower_term(content: str) -> bool:
    """Whether quoted words are a short term in lower case ("validation",
    "active travel", "split shifts"): letters and hyphens only, no article
    first and nothing a sentence ends with."""
    words = content.strip(" \t\n,").split()
    if not words or words[0].lower() in _NOT_TERM_FIRST or content.rstrip()[-1:] in _TERMINAL:
        return False
    return all(re.fullmatch(r"[a-z][a-z'’-]*", w) for w in words)


# "Title: subtitle", the first word capitalised, no sentence punctuation.
_SUBTITLED = re.compile(r"[A-Z][^.!?:;\n]*:\s+\S[^.!?:;\n]*")


def is_subtitled(content: str) -> bool:
    """A title with a subtitle after a colon, in sentence case or title case
    ("Closing the gate: road closures and air quality")."""
    return _SUBTITLED.fullmatch(content.strip().rstrip(",")) is not None


def is_name_like(content: str) -> bool:
    """Whether quoted words read like a name: "the" or a capital or a digit
    first ("the howler", "Port 2030"; not "a disaster", "unfair")."""
    words = content.strip(" \t\n.,;:!?").split()
    if not words or words[0].lower() in PERSON_PRONOUNS or words[0].lower() in ("i", "we", "you", "it"):
        return False  # '"I strongly support" the ...' is someone speaking
    return words[0].lower() == "the" or words[0][0].isupper() or words[0][0].isdigit()


# The word after 'its "..."' that makes the quoted words a modifier of a noun
# ('its "Port 2030" plan'): a lower-case word that is not a verb of saying or
# a pronoun starting the attribution ('the "X" said' does not occur, but
# 'the "X," she said' does: the comma already stops the rule).
_NOUN_AFTER = re.compile(r"\s+([a-z][a-z-]+)\b")
_IRREGULAR_SAID = frozenset({"said", "told", "wrote", "spoke", "says", "tells", "writes", "speaks"})


def _is_saying(word: str) -> bool:
    """A form of a verb of saying ('said', 'adds', 'warned')."""
    if word in SPEECH_VERBS or word in _IRREGULAR_SAID:
        return True
    return any(word.endswith(suf) and word[: -len(suf)] in SPEECH_VERBS for suf in ("s", "es", "d", "ed"))


# 'by' right after the closing mark, and the first words of its phrase.
_AGENT_AFTER = re.compile(r"\s*,?\s*by\s+((?:[\w'’-]+\s*){1,3})", re.IGNORECASE)


def _agent_after(rule: MarkRule, after: str) -> bool:
    """Whether a 'by' phrase right after the closing mark names one of the
    rule's ``agent_nouns`` in its first three words ('"..." by local
    media', 'by fans'): the many who use a name, not one person judging
    ('by the mayor')."""
    m = _AGENT_AFTER.match(after)
    return m is not None and any(w.lower() in rule.agent_nouns for w in m.group(1).split())


def _line_of(text: str, span: MarkSpan) -> tuple[int, int]:
    """(start, end) of the line (paragraph) that holds ``span``."""
    start = text.rfind("\n", 0, span.open) + 1
    end = text.find("\n", span.outer_end)
    return start, len(text) if end < 0 else end


def _heading_line(rule: MarkRule, text: str, span: MarkSpan, content: str) -> bool:
    """A title in a short line of its own with no sentence end and no verb of
    saying, as subheads and list items give works ('2. "Small Hours", the
    Ropery'): the line is a heading, not a sentence anyone speaks. Not after
    a colon on the line ('Mayor: "We Will Rebuild"' is a headline's quote).
    A line of the quotation alone (a pull quote set as a subhead) is typed
    too: PolNeAR gives such lines no attribution."""
    if content.rstrip()[-1:] in _TERMINAL + ",:":
        return False
    start, end = _line_of(text, span)
    line = text[start:end].strip()
    if not line or line[-1] in _TERMINAL or ":" in text[start : span.open]:
        return False
    outside = (text[start : span.open] + " " + text[span.outer_end : end]).lower()
    words = re.findall(r"[\w'’-]+", outside)
    if len(words) + len(content.split()) > rule.line_words:
        return False
    return not any(_is_saying(w) or w in PERSON_PRONOUNS for w in words)


def _headline_modifier(rule: MarkRule, text: str, span: MarkSpan, before: str, after: str, content: str) -> bool:
    """A short lower-case term between a lower-case word and the noun it
    modifies in the headline, the article's first line with no sentence end
    ('residents blame "half-built" drains'): the writer's scare quote on a
    description, as a headline has no room for a speaker's words."""
    start, end = _line_of(text, span)
    if text[:start].strip() or text[start:end].rstrip()[-1:] in _TERMINAL:
        return False
    if not is_lower_term(content) or not re.search(r"(?:^|\s)[a-z][\w'’-]*\s+$", before):
        return False
    m = _NOUN_AFTER.match(after)
    return (
        m is not None
        and not _is_saying(m.group(1))
        and m.group(1) not in PERSON_PRONOUNS
        and m.group(1) not in rule.not_followed_by
    )


_APPOSITION_WORDS = 8
_APPOSITION_AFTER = re.compile(r"\s*,\s+(?:a|an|the)\s+[a-z]")


def _opening_apposition(text: str, span: MarkSpan, content: str) -> bool:
    """A title that opens its paragraph and is glossed by a noun phrase in
    apposition (' "Hollow Tide", a ninety-minute installation in which ...'),
    the comma outside the marks: a work named, not a sentence spoken. Not
    when a verb of saying or a pronoun follows within eight words
    ('"Never Again", the mayor said'), nor for content that ends a sentence or a clause."""
    if content.rstrip()[-1:] in _TERMINAL + ",;:" or text[: span.open].rstrip(" \t")[-1:] not in ("", "\n"):
        return False
    if _APPOSITION_AFTER.match(text, span.outer_end) is None:
        return False
    # The speaker of a quote follows within a few words ('"Never Again", the
    # leader of the group said'); a verb of saying deep in the gloss ('in
    # which a voice repeats ...') is the work's.
    words = re.findall(r"[\w'’-]+", text[span.outer_end : span.outer_end + 80].lower())[:_APPOSITION_WORDS]
    return not any(_is_saying(w) or w in PERSON_PRONOUNS for w in words)


# The tests ``text_rule`` answers in ``type_spans``; a rule of another test needs the parse.
_TEXT_TESTS = frozenset({
    "no_letters", "markup_attribute", "frame_before", "gloss_after", "frame_right_before", "quantifier_apposition",
    "between_names", "between_determiner_and_noun", "possessive_before", "heading_line", "headline_modifier",
    "opening_apposition",
})  # fmt: skip


def text_rule(
    rule: MarkRule, text: str, span: MarkSpan, before: str, after: str, content: str,
    memo: dict[str, Any] | None = None,
) -> bool:
    """Whether ``rule`` types ``span``. memo: what one span's rules share
    (its word count, whether it is title case or name-like), worked out by
    the first rule that asks."""
    memo = {} if memo is None else memo
    test = rule.test
    if test == "no_letters":
        return not any(ch.isalpha() for ch in content)
    if test == "markup_attribute":
        return before.endswith("=")
    if span.close is None:
        return False  # the other rules read what follows the closing mark
    if rule.max_words is not None:
        n_words = memo.get("words")
        if n_words is None:
            n_words = memo["words"] = len(content.split())
        if n_words > rule.max_words:
            return False
    if rule.min_words and len(content.split()) < rule.min_words:
        return False
    if rule.title_case:
        title = memo.get("title")
        if title is None:
            title = memo["title"] = is_title_case(content)
        if not title:
            return False
    if rule.name_like:
        name_like = memo.get("name")
        if name_like is None:
            name_like = memo["name"] = is_name_like(content)
        if not (
            name_like
            or (rule.article_name_like and re.search(r"\bthe\s+$", before, re.IGNORECASE))
            or (rule.or_lower_term and is_lower_term(content))
        ):
            return False
    if rule.lower_term and not is_lower_term(content):
        return False
    if rule.sentence_case and not is_sentence_case(content):
        return False
    if rule.judging_words and any(w.strip(".,;:!?'’").lower() in rule.judging_words for w in content.split()):
        return False
    if rule.subtitle and not is_subtitled(content):
        return False
    if test == "frame_before":
        if rule.first_words:
            # No phrase can match where none of their first words stands.
            if "lower" not in memo:
                memo["lower"] = before.lower() if ASCII_FOLDING.isdisjoint(before) else None
            low = memo["lower"]
            if low is not None and not any(w in low for w in rule.first_words):
                return False
        m = rule.pattern.search(before) if rule.pattern is not None else None
        if m is None:
            return False
        words = re.findall(r"[^\W\d_]+", m.group(0))
        # The namer may open the sentence ('Drivers called the junction'):
        # then only a match all in capitals is a headline.
        first = words[1:2] if rule.namer_first else words[:1]
        if rule.object_words and first and first[0][0].isupper():
            # 'Calls Trump's Remarks "..."': a headline in title case, where
            # every word is capitalised and the content reads like a name.
            return False
        if rule.object_not and any(w.lower() in rule.object_not or w[0].isupper() for w in words[1:]):
            return False
        if rule.agent_nouns and not _agent_after(rule, after):
            return False
        if rule.not_after_subject:
            # 'who he dubbed "..."': a person naming something is speaking.
            words = re.findall(r"[\w'’]+", before[: m.start() + 1].lower())[-2:]
            last = words[-1:]
            if last and (
                last[0] in PERSON_PRONOUNS or last[0] in ("who", "which") or last[0] in rule.not_after_words
            ):
                if not (last[0] == "who" and len(words) == 2 and words[0] in rule.who_namers):
                    return False
        return True
    if test == "heading_line":
        return _heading_line(rule, text, span, content)
    if test == "opening_apposition":
        return _opening_apposition(text, span, content)
    if test == "headline_modifier":
        return _headline_modifier(rule, text, span, before, after, content)
    if test == "gloss_after":
        # '"food-conditioned," a term biologists use for ...': the comma ends
        # the term, inside the mark or right after it.
        if rule.pattern is None or not (content.endswith(",") or after.lstrip().startswith(",")):
            return False
        return rule.pattern.match(after) is not None
    if test == "frame_right_before":
        m = rule.pattern.search(before) if rule.pattern is not None else None
        if m is None or _is_saying(after.strip(" ,").split(" ")[0].lower()):
            return False
        if rule.object_not and any(w in rule.object_not for w in re.findall(r"[\w'’]+", m.group(0).lower())):
            # A judging namer or a modal inside the phrase ('what critics
            # call a "..."'): the rule's object_not words.
            return False
        if rule.not_after_subject:
            words = re.findall(r"[\w'’]+", before[: m.start() + 1].lower())[-1:]
            if words and (
                words[0] in PERSON_PRONOUNS
                or words[0] in ("who", "which", "it", "they", "we", "i", "you")
                or words[0] in rule.not_after_words
            ):
                return False
        return True
    if test == "quantifier_apposition":
        # 'want fewer "splits," shifts split in two': a term after a
        # quantifier, ended by its comma and defined by the noun phrase in
        # apposition after it (not 'more "help," she said').
        last = re.findall(r"[\w'’-]+", before[-20:].lower())[-1:]
        if not last or last[0] not in rule.before_words or not content.endswith(","):
            return False
        m = _NOUN_AFTER.match(after)
        return (
            m is not None
            and not _is_saying(m.group(1))
            and m.group(1) not in PERSON_PRONOUNS
            and m.group(1) not in rule.not_followed_by
        )
    if test == "between_names":
        # Dwayne "The Rock" Johnson: a capitalised word right before and after.
        return (
            re.search(r"[A-Z][\w.]*\s+$", before) is not None
            and re.match(r"\s+[A-Z]", after) is not None
            and content[-1:] not in _TERMINAL + ","
        )
    if test in ("between_determiner_and_noun", "modifier_term"):
        # 'its "Port 2030" plan', 'the "Fair Deal" campaign': the quoted words
        # stand between a determiner and the noun they modify, which quoted
        # speech never does.
        if content[-1:] in _TERMINAL + "," or rule.pattern is None or rule.pattern.search(before) is None:
            return False
        m = _NOUN_AFTER.match(after)
        return (
            m is not None
            and not _is_saying(m.group(1))
            and m.group(1) not in PERSON_PRONOUNS
            and m.group(1) not in rule.not_followed_by
        )
    if test == "possessive_before":
        return re.search(r"\w['’]s\s+$", before) is not None and content[-1:] not in _TERMINAL + ","
    return False  # a rule that needs the parse (marks.py)


def type_spans(text: str, index: MarkIndex, rules: Sequence[MarkRule] | None = None) -> None:
    """Type each span of ``index`` by the rules that read only the text (in place)."""
    rules = load_rules() if rules is None else rules
    coordinated = next((r for r in rules if r.test == "coordinated_after_mark"), None)
    # The rules that need the parse never match here (marks.py reads them).
    text_rules = [r for r in rules if r.test in _TEXT_TESTS]
    for span in index.spans:
        content = text[span.start : span.end]
        before = text[max(0, span.open - 60) : span.open]
        after_from = span.outer_end
        after = text[after_from : after_from + 40]
        memo: dict[str, Any] = {}
        for rule in text_rules:
            if text_rule(rule, text, span, before, after, content, memo):
                span.type, span.reason = rule.type, rule.name
                break
    if coordinated is not None:
        type_coordinated(text, index.spans, coordinated)


def type_coordinated(
    text: str, spans: Sequence[MarkSpan], rule: MarkRule, after: frozenset[str] | None = None
) -> None:
    """'"the Brick" or "the Slab"': the second of two coordinated quotes is
    read as the first was, when a rule typed the first as not speech (in
    place). after: only after a quote of one of these rules (marks.py runs
    it again for the slogans its parse rules find)."""
    prev: MarkSpan | None = None
    for span in spans:
        if (
            span.is_speech
            and prev is not None
            and not prev.is_speech
            and (after is None or prev.reason in after)
            and prev.close is not None
            and span.close is not None
            and (rule.max_words is None or len(text[span.start : span.end].split()) <= rule.max_words)
            and _COORDINATED.fullmatch(text[prev.outer_end : span.open]) is not None
        ):
            span.type, span.reason = prev.type, rule.name
        prev = span


# What stands between two coordinated quotes: 'or', 'and', a comma.
_COORDINATED = re.compile(r"\s*,?\s*(?:or|and|,)\s+", re.IGNORECASE)


# ---------------------------------------------------------------- pairing


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; news text puts one paragraph a line."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _is_single_open(text: str, i: int, para_start: int, para_end: int) -> bool:
    prev = text[i - 1] if i > para_start else " "
    if not (prev.isspace() or prev in _OPENERS_BEFORE):
        return False
    nxt = text[i + 1] if i + 1 < para_end else " "
    if text[i] == "‘" and nxt in "“\"":
        return True
    if not nxt.isalpha():  # '90s, a lone mark
        return False
    m = re.match(r"[A-Za-z]+", text[i + 1 : i + 8])
    word = m.group(0).lower() if m else ""
    after = text[i + 1 + len(word)] if i + 1 + len(word) < para_end else " "
    # 'n' in rock 'n' roll, 'em, 'til: an elision.
    if word in _ELISIONS and (after in "'’ " or not after.isalpha()):
        return False
    return True


def _is_single_close(text: str, i: int, para_start: int, para_end: int) -> bool:
    prev = text[i - 1] if i > para_start else " "
    nxt = text[i + 1] if i + 1 < para_end else " "
    if prev.isspace() or nxt.isalnum():
        return False
    return not _plural_possessive(text, i, para_end)


def _apostrophe_in_name(text: str, open_s: int, i: int, p_start: int, p_end: int) -> bool:
    """Whether the mark at ``i`` is an apostrophe inside a name in a quote
    opened at ``open_s`` ('‘Mam’ Thandi gave us a voice.’'): one capitalised
    word before it, a capitalised word after a space, and a mark later in
    the paragraph that closes, with no mark between that opens."""
    if re.fullmatch(r"[A-Z][a-z]{1,10}", text[open_s + 1 : i]) is None:
        return False
    if re.match(r" [A-Z][a-z]", text[i + 1 : i + 4]) is None:
        return False
    for m in _MARK_RE.finditer(text, i + 1, p_end):
        j = m.start()
        if text[j] not in _SINGLE_OPEN + _SINGLE_AMBIG:
            continue
        if _is_single_open(text, j, p_start, p_end):
            return False
        if _is_single_close(text, j, p_start, p_end):
            return True
    return False


def _ends_elision(text: str, i: int, para_start: int) -> bool:
    """Whether the mark at ``i`` closes an elision opened by a mark before it
    ('n' in rock 'n' roll)."""
    m = re.search(r"(?:^|\s)['’‘]([A-Za-z]{1,4})$", text[max(para_start, i - 8) : i])
    return m is not None and m.group(1).lower() in _ELISIONS


def _plural_possessive(text: str, i: int, para_end: int) -> bool:
    """Whether the mark at ``i`` reads as a plural possessive: "the students'
    union" (s, the mark, a lower-case word that is no verb of saying)."""
    nxt = text[i + 1] if i + 1 < para_end else " "
    if text[i - 1 : i] not in ("s", "S") or nxt != " ":
        return False
    word = re.search(r"[A-Za-z]+$", text[max(0, i - 30) : i])
    if word is not None and word.group(0).lower().endswith(_NOT_PLURAL_ENDINGS):
        return False  # "generous' retraining": no plural before the mark
    m = re.match(r" ([a-z]+)", text[i + 1 : i + 20])
    return (
        bool(m)
        and m.group(1) not in SPEECH_VERBS
        and m.group(1) not in PERSON_PRONOUNS
        and m.group(1) != "said"
        and m.group(1) not in _NOT_AFTER_POSSESSIVE
    )


# Word endings that are not plurals ("generous", "press", "bus", "crisis"),
# and words that cannot follow a possessive ("uses' for", "chemicals' because"):
# either way the mark closes a quote.
_NOT_PLURAL_ENDINGS = ("ous", "ss", "us", "is")
_NOT_AFTER_POSSESSIVE = frozenset(
    """is was are were be been has had have will would can could should may might must does did do
    and or but nor of to in on for at by with from as than that which who when where while if because so
    after before since until into onto over under about against between through during without within""".split()
)




def _end_unclosed(text: str, seg: MarkSpan) -> None:
    """A quote whose closing mark is missing and that does not run on into
    the next paragraph ends where the attribution starts ('... to keep, said
    Kessel, whose ...') or else at the end of its sentence, and is dropped
    when short (a stray mark). A single quote that held a mark read as a
    plural possessive closes there instead ("the 'Fix Our Roads' campaign")."""
    if seg.alt_close is not None:
        seg.close = seg.end = seg.alt_close
        return
    m = _ATTRIBUTION_AFTER_COMMA.search(text, seg.start, seg.end)
    if m is not None:
        # The comma stays inside, as it would before a closing mark, and
        # stands in for the missing mark.
        seg.close = m.start()
        seg.end = m.start() + 1
    else:
        s = _SENTENCE_END.search(text, seg.start, seg.end)
        if s is not None:
            seg.end = s.end()
    if len(text[seg.start : seg.end].split()) < MIN_UNCLOSED_WORDS:
        seg.keep = False


def _drop_nested(spans: list[MarkSpan], nested: list[MarkSpan] | None = None) -> list[MarkSpan]:
    kept: list[MarkSpan] = []
    outer_end = -1
    for seg in sorted(spans, key=lambda s: (s.open, -s.end)):
        if seg.open < outer_end:
            if nested is not None and seg.close is not None and seg.close < outer_end:
                nested.append(seg)
            continue  # inside the previous kept quote
        kept.append(seg)
        outer_end = seg.outer_end
    return kept


def _pair_doubles(text: str, p_start: int, p_end: int, out: list[MarkSpan]) -> MarkSpan | None:
    """Pair the double marks of one paragraph into ``out``; return the quote
    left open at its end (kept in ``out`` too), or None."""
    open_d: int | None = None
    open_w = 1
    skip = -1
    for m in _MARK_RE.finditer(text, p_start, p_end):
        i = m.start()
        if i <= skip:
            continue
        ch = text[i]
        width = 2 if ch == "'" and i + 1 < p_end and text[i + 1] == "'" else 1
        if not (width == 2 or ch in _DOUBLE_OPEN or ch in _DOUBLE_CLOSE or ch == _DOUBLE_STRAIGHT):
            continue
        skip = i + width - 1
        prev = text[i - 1] if i > p_start else " "
        nxt = text[i + width] if i + width < p_end else " "
        looks_open = (prev.isspace() or prev in _OPENERS_BEFORE) and not (nxt.isspace() or nxt in ",.;:!?)")
        looks_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSERS_AFTER)
        if open_d is None:
            # A closing-looking straight or closing mark with no quote open is
            # a stray mark (an inch sign, a typo): it opens nothing.
            if ch in _DOUBLE_CLOSE and not looks_open:
                continue
            if ch not in _DOUBLE_OPEN and looks_close and not looks_open:
                continue
            open_d, open_w = i, width
            continue
        if looks_open and not looks_close:
            # An opening mark while a quote is open: that quote lost its
            # closing mark. It ends here (or sooner) and a new one opens.
            lost = MarkSpan(open_d, None, open_d + open_w, i, "double", open_w)
            _end_unclosed(text, lost)
            out.append(lost)
            open_d, open_w = i, width
            continue
        out.append(MarkSpan(open_d, i, open_d + open_w, i, "double", open_w, width))
        open_d = None
    if open_d is not None:
        pending = MarkSpan(open_d, None, open_d + open_w, p_end, "double", open_w)
        out.append(pending)
        return pending
    return None


def _pair_singles(text: str, p_start: int, p_end: int, out: list[MarkSpan]) -> MarkSpan | None:
    open_s: int | None = None
    alt: int | None = None
    for m in _MARK_RE.finditer(text, p_start, p_end):
        i = m.start()
        ch = text[i]
        if ch not in _SINGLE_OPEN and ch not in _SINGLE_AMBIG:
            continue
        if ch == "'" and ((i + 1 < p_end and text[i + 1] == "'") or (i > p_start and text[i - 1] == "'")):
            continue  # '' is a double mark
        if open_s is None:
            if _is_single_open(text, i, p_start, p_end):
                open_s = i
        elif _ends_elision(text, i, p_start):
            continue  # the second mark of rock 'n' roll inside a quote
        elif _is_single_close(text, i, p_start, p_end) and not _apostrophe_in_name(text, open_s, i, p_start, p_end):
            out.append(MarkSpan(open_s, i, open_s + 1, i, "single"))
            open_s, alt = None, None
        elif alt is None and _plural_possessive(text, i, p_end):
            alt = i
        elif alt is not None and _is_single_open(text, i, p_start, p_end):
            # "the 'Fix Our Roads' campaign won, and 'We ...'": a new quote
            # opens, so the possessive-looking mark closed the last one.
            out.append(MarkSpan(open_s, alt, open_s + 1, alt, "single"))
            open_s, alt = i, None
    if open_s is not None:
        pending = MarkSpan(open_s, None, open_s + 1, p_end, "single", alt_close=alt)
        out.append(pending)
        return pending
    return None


def pair_marks(text: str, nested: list[MarkSpan] | None = None) -> list[MarkSpan]:
    """Quoted stretches, double and single, in text order (see module doc);
    the closed quotes inside them are appended to ``nested`` when given."""
    spans: list[MarkSpan] = []
    pending: dict[str, MarkSpan | None] = {"double": None, "single": None}
    for p_start, p_end in _paragraphs(text):
        first = p_start
        while first < p_end and text[first].isspace():
            first += 1
        for style, seg in pending.items():
            if seg is None:
                continue
            opens_again = first < p_end and (
                (style == "double" and (text[first] in _DOUBLE_OPEN + _DOUBLE_STRAIGHT or text.startswith("''", first)))
                or (style == "single" and text[first] in _SINGLE_OPEN + "'")
            )
            if not opens_again:
                _end_unclosed(text, seg)
        pending = {
            "double": _pair_doubles(text, p_start, p_end, spans),
            "single": _pair_singles(text, p_start, p_end, spans),
        }
    for seg in pending.values():
        if seg is not None:
            _end_unclosed(text, seg)
    spans = _drop_nested([s for s in spans if s.keep], nested)
    for seg in nested or ():
        while seg.start < seg.end and text[seg.start].isspace():
            seg.start += 1
        while seg.end > seg.start and text[seg.end - 1].isspace():
            seg.end -= 1
    out: list[MarkSpan] = []
    prev: MarkSpan | None = None
    group = 0
    for seg in spans:
        while seg.start < seg.end and text[seg.start].isspace():
            seg.start += 1
        while seg.end > seg.start and text[seg.end - 1].isspace():
            seg.end -= 1
        if seg.start >= seg.end:
            continue
        if prev is not None and prev.close is None and text[prev.end : seg.open].strip() == "":
            seg.group = prev.group
        else:
            group += 1
            seg.group = group
        out.append(seg)
        prev = seg
    return out


def build_mark_index(text: str, rules: Sequence[MarkRule] | None = None) -> MarkIndex:
    """Pair the quote marks of ``text`` and type the spans by the text rules."""
    if not _MARK_RE.search(text):
        return MarkIndex([])
    nested: list[MarkSpan] = []
    index = MarkIndex(pair_marks(text, nested))
    type_spans(text, index, rules)
    if nested:
        inner = MarkIndex([seg for seg in nested if seg.start < seg.end])
        type_spans(text, inner, rules)
        index.nested = [seg for seg in inner.spans if not seg.is_speech]
    return index


__all__ = [
    "MarkSpan",
    "MarkIndex",
    "MarkRule",
    "SPEECH",
    "build_mark_index",
    "index_from_dicts",
    "inside_mark",
    "inside_speech_mark",
    "marks_in",
    "token_marks",
    "load_rules",
    "pair_marks",
    "type_spans",
    "type_coordinated",
    "text_rule",
    "is_title_case",
]
