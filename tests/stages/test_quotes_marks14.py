"""Round-14 rules for quote marks that are not speech, or that stand inside
an act that is not speech (data/marks.json): a name after 'known along ...
as', a proper name after 'what he called'. Text rules on plain text
(markindex.py), the rest through the pipeline (marks.py). All text written
for these tests."""

from __future__ import annotations

import pytest

from newsbrief.model import Brief, Quote, Speaker, TextSpan
from newsbrief.stages.quotes import _join_after_mark
from newsbrief.stages.quotes.markindex import build_mark_index

from .brief_helpers import checked_brief, mark_reasons, marked_reasons


def _quoted(brief: Brief) -> list[str]:
    return [v.text for q in brief.quotes for v in q.verbatim]


# ---------------------------------------------------------- name.known_to_as (along)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The tug, a squat red boat known along the river as \u201cthe Brick\u201d, sails at dawn.", "the Brick"),
        ('The pub, known up and down the valley as "the Hut", closed in May.', "the Hut"),
        ('The bend is known all over the county as "Dead Man\'s Curve" by now.', "Dead Man's Curve"),
    ],
)
def test_known_along_as(text: str, words: str) -> None:
    assert mark_reasons(text)[words] == "name.known_to_as"


def test_known_along_as_not_evaluation() -> None:
    text = 'He is known along the river as "a nuisance to every angler".'
    assert mark_reasons(text)["a nuisance to every angler"] == "speech"


def test_known_along_as_not_reported(nlp) -> None:
    text = "The ferry, a slow green boat known along the coast as \u201cthe Pickle\u201d, carries 40 cars."
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("the Pickle") == "name.known_to_as"
    assert "the Pickle" not in _quoted(brief)


# ---------------------------------------------------------- name.called_proper


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("She hired six coaches as part of what she called 'Project Lantern', a plan for the club.", "Project Lantern"),
        ('The levy paid for what the mayor called "Clean Streets First" in the centre.', "Clean Streets First"),
        ('Money went to a fund, which the board named "Fresh Start Fund", last year.', "Fresh Start Fund"),
    ],
)
def test_called_proper(text: str, words: str) -> None:
    assert mark_reasons(text)[words] == "name.called_proper"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Evaluations stay the namer's words: lower case, an article between,
        # one word only.
        ('The grant was what he called "a drop in the ocean" for the town.', "a drop in the ocean"),
        ('She welcomed what she called "long overdue" help for renters.', "long overdue"),
        ('He backed what he calls the "Harbour Cartel" in a speech.', "Harbour Cartel"),
        ('It was what he called "Unacceptable" in a letter.', "Unacceptable"),
    ],
)
def test_called_proper_not(text: str, words: str) -> None:
    assert mark_reasons(text).get(words) != "name.called_proper"


def test_called_proper_not_reported(nlp) -> None:
    text = "The coach signed nine players as part of what he called 'Project Lantern', a plan for promotion."
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("Project Lantern") == "name.called_proper"
    assert "Project Lantern" not in _quoted(brief)


# ---------------------------------------------------------- title.work_noun (works of art)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The museum said the sale would include his largest canvas, \u201cRain Over Otago\u201d.", "Rain Over Otago"),
        ('Her bronze sculpture, "The Long Wait", stands by the harbour.', "The Long Wait"),
        ('A watercolour, "Gulls at Dusk", sold for $4,000.', "Gulls at Dusk"),
    ],
)
def test_work_noun_art(text: str, words: str) -> None:
    assert mark_reasons(text)[words] == "title.work_noun"


def test_work_noun_art_not_sentence() -> None:
    text = 'She looked at the canvas, "this is not finished," and put it away.'
    assert mark_reasons(text)["this is not finished,"] == "speech"


def test_work_noun_art_in_reported_clause(nlp) -> None:
    text = (
        "The trust said a wreath would be laid beside his last finished canvas, "
        "\u201cRain Over Otago, Dusk\u201d."
    )
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("Rain Over Otago, Dusk") == "title.work_noun"
    assert "Rain Over Otago, Dusk" not in _quoted(brief)


# ---------------------------------------------------------- word.term_in_act


def test_term_in_act(nlp) -> None:
    text = "The nurse said the clinic was busy and urged parents to bring their child's 'green card' to every visit."
    brief = checked_brief(nlp, text)
    assert marked_reasons(brief, text).get("green card") == "word.term_in_act"
    assert "green card" not in _quoted(brief)
    (act,) = [q for q in brief.quotes if q.cue is not None and q.cue.text == "urged"]
    assert act.type == "intention" and act.verbatim == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # The act's own words (a verb phrase, an article inside) stay quoted.
        ('The mayor urged residents to "stay home" on Friday.', "stay home"),
        ('The union urged the board to order "a proper review" of the plan.', "a proper review"),
    ],
)
def test_term_in_act_not(nlp, text: str, words: str) -> None:
    brief = checked_brief(nlp, text)
    assert words not in marked_reasons(brief, text)
    assert words in _quoted(brief)


def test_term_in_act_not_in_speech(nlp) -> None:
    # A statement keeps its quoted term: only acts that are not speech drop it.
    text = "The nurse said parents often lose their child's 'green card' before the visit."
    brief = checked_brief(nlp, text)
    assert "green card" in _quoted(brief)


# ---------------------------------------------------------- marks.conjunct_of_cue


def test_conjunct_of_cue_one_attribution(nlp) -> None:
    text = (
        "Later, Marsh said a nurse had told the family of the result by phone and had "
        "\u201cheld our hands and waited with us.\u201d"
    )
    brief = checked_brief(nlp, text)
    holding = [q for q in brief.quotes if "held our hands" in q.text]
    assert len(holding) == 1
    (quote,) = holding
    assert quote.cue is not None and quote.cue.text == "said"
    assert [v.text for v in quote.verbatim] == ["held our hands and waited with us."]


def test_conjunct_of_cue_no_outer_cue(nlp) -> None:
    # No cue above the coordinated verbs: the speech verb still attributes.
    text = 'The coach praised the crowd and "thanked everyone who came".'
    brief = checked_brief(nlp, text)
    (quote,) = [q for q in brief.quotes if "thanked everyone" in q.text]
    assert quote.cue is not None and quote.cue.text == "praised"


# ---------------------------------------------------------- marks.expected_act


@pytest.mark.parametrize(
    "text",
    [
        "Okoro said he expected the court to demand the return of 'at least half, maybe more' of the funds.",
        'The minister said she hoped the union would call the offer "a fair start" by Friday.',
    ],
)
def test_expected_act_one_attribution(nlp, text: str) -> None:
    brief = checked_brief(nlp, text)
    quoted = [q for q in brief.quotes if q.verbatim]
    assert len(quoted) == 1
    assert quoted[0].cue is not None and quoted[0].cue.text == "said"


def test_expected_act_performed(nlp) -> None:
    # A performed act keeps its own cue: the union called the offer so.
    text = 'The minister said the union had called the offer "a fair start" on Friday.'
    brief = checked_brief(nlp, text)
    cues = {q.cue.text for q in brief.quotes if q.verbatim and q.cue is not None}
    assert "had called" in cues


# ---------------------------------------------------------- clause_after_mark


def _clause(text: str, words: str, cue: TextSpan) -> Quote:
    start = text.index(words)
    end = start + len(words)
    return Quote(text=words, start=start, end=end, kind="indirect", speaker=Speaker(), cue=cue, rule="clause")


def test_clause_after_mark_joins() -> None:
    text = "Harlan said there was 'no guarantee' an offer would follow."
    cs = text.index("said")
    cue = TextSpan("said", cs, cs + 4)
    first = _clause(text, "there was 'no guarantee'", cue)
    second = _clause(text, "an offer would follow", cue)
    (joined,) = _join_after_mark([first, second], text, build_mark_index(text))
    assert joined.text == "there was 'no guarantee' an offer would follow"
    assert text[joined.start : joined.end] == joined.text
    assert joined.rule == "clause_after_mark"


@pytest.mark.parametrize(
    "text",
    [
        # A comma or a conjunction between, no mark at the end, another cue.
        "Harlan said there was 'no guarantee', an offer would follow.",
        "Harlan said there was no guarantee an offer would follow.",
    ],
)
def test_clause_after_mark_not(text: str) -> None:
    cs = text.index("said")
    cue = TextSpan("said", cs, cs + 4)
    first_words = text[cs + 5 : text.index(" an offer")].rstrip(",")
    first = _clause(text, first_words, cue)
    second = _clause(text, "an offer would follow", cue)
    assert len(_join_after_mark([first, second], text, build_mark_index(text))) == 2
