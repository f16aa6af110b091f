"""Reported speech without quote marks, one test per pattern, offsets asserted.

The sentences are written for these tests; the parser is the pinned
en_core_web_sm 3.8.0, so the parses are stable.
"""

import pytest

from newsbrief.stages.quotes.reported import find_reported_speech


@pytest.fixture(scope="module")
def reported(nlp):
    def run(text):
        doc = nlp(text)
        quotes = find_reported_speech(doc)
        for q in quotes:
            assert text[q.start : q.end] == q.text
            assert text[q.cue.start : q.cue.end] == q.cue.text
            if q.speaker.mention:
                m = q.speaker.mention
                assert text[m.start : m.end] == m.text
            assert q.kind == "indirect"
        return quotes

    return run


def _one(quotes):
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def _at(text, needle):
    start = text.index(needle)
    return start, start + len(needle)


def test_quotes_reported_said_that(reported):
    text = "The mayor said that the bridge would reopen in May."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "the bridge would reopen in May")
    assert q.cue.text == "said" and q.speaker.mention.text == "The mayor"


def test_quotes_reported_said_without_that(reported):
    text = "Officials said the budget was balanced for the first time in a decade."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "the budget was balanced for the first time in a decade")
    assert q.speaker.mention.text == "Officials"


def test_quotes_reported_clause_before_cue(reported):
    text = "The budget was balanced for the first time in a decade, officials said."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "The budget was balanced for the first time in a decade")
    assert (q.cue.start, q.cue.end) == _at(text, "said")
    assert q.speaker.mention.text == "officials"


def test_quotes_reported_told_reporters(reported):
    text = "The minister told reporters on Tuesday that the talks had collapsed over fishing rights."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "the talks had collapsed over fishing rights")
    assert q.cue.text == "told" and q.speaker.mention.text == "The minister"


def test_quotes_reported_according_to_first(reported):
    text = "According to the city auditor, the new library ran two years behind schedule."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "the new library ran two years behind schedule")
    assert q.cue.text == "According to"
    assert q.speaker.mention.text == "the city auditor"


def test_quotes_reported_according_to_last(reported):
    text = "The new library ran two years behind schedule, according to a report by the city auditor."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "The new library ran two years behind schedule")
    assert q.speaker.mention.text == "a report by the city auditor"


def test_quotes_reported_insisted(reported):
    text = "Garcia insisted the vote would go ahead as planned despite the storm."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "the vote would go ahead as planned despite the storm")
    assert q.cue.text == "insisted" and q.speaker.mention.text == "Garcia"


def test_quotes_reported_participle(reported):
    text = "The senator left the hearing early, saying the committee had ignored the evidence."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "the committee had ignored the evidence")
    assert q.cue.text == "saying" and q.speaker.mention.text == "The senator"


def test_quotes_reported_characterized_as(reported):
    text = "A spokeswoman characterized the meeting with the union as tense but productive."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "the meeting with the union as tense but productive")
    assert q.cue.text == "characterized"


def test_quotes_reported_parenthetical_cue(reported):
    text = "Otherwise, the coach said, the team would have to forfeit the final match."
    q = _one(reported(text))
    # The connective opens the statement, read whole around the cue (rule
    # connective_lead); PolNeAR's scorer cuts the source and cue back out.
    assert (q.start, q.end) == _at(text, "Otherwise, the coach said, the team would have to forfeit the final match")
    assert q.cue.text == "said" and q.speaker.mention.text == "the coach"


def test_quotes_reported_keeps_partial_quote(reported):
    text = 'The governor said the state would take "every possible step" to protect residents.'
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, 'the state would take "every possible step" to protect residents')


def test_quotes_reported_reports_mostly_quoted_clause_whole(reported):
    text = 'Jones said voters were "fed up with the whole mess" this year.'
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, 'voters were "fed up with the whole mess" this year')
    assert q.cue.text == "said" and q.speaker.mention.text == "Jones"


def test_quotes_reported_skips_speech_inside_quotes(reported):
    assert reported('"I told them the plan would work," Lee said after the vote.') == []


def test_quotes_reported_skips_clause_that_is_a_quote(reported):
    assert reported('Lee added that it was a "total and utter disaster."') == []


def test_quotes_reported_stays_in_paragraph(reported):
    text = "The council met on Monday.\nThe road will close for repairs next week, officials said."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "The road will close for repairs next week")


def test_quotes_reported_no_clause_no_quote(reported):
    # A speech verb with neither a clause nor an object reports nothing.
    assert reported("The mayor spoke at the ceremony and then left.") == []


def test_quotes_reported_object_of_attitude_verb(reported):
    # An attitude verb's object is what the attribution is about (PolNeAR's
    # convention); the rule says which rule found it.
    text = "The mayor praised the volunteers at the ceremony."
    q = _one(reported(text))
    assert (q.text, q.cue.text, q.speaker.mention.text, q.rule) == ("the volunteers", "praised", "The mayor", "object")


def test_quotes_reported_cue_keeps_auxiliary_and_negation(reported):
    text = "The company has said its drivers are contractors, and it did not say how many it employs."
    quotes = reported(text)
    cues = {q.cue.text for q in quotes}
    assert "has said" in cues
    q = next(q for q in quotes if q.cue.text == "has said")
    assert q.text.startswith("its drivers are contractors")


def test_quotes_reported_as_x_reported(reported):
    text = "As the Herald reported, the factory will close in the spring."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "the factory will close in the spring")
    assert q.cue.text == "reported" and q.speaker.mention.text == "the Herald"


def test_quotes_reported_clause_before_told(reported):
    text = "The school had been closed for two weeks, a spokesman told the newspaper."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "The school had been closed for two weeks")
    assert q.cue.text == "told"


def test_quotes_reported_source_phrase_and_cue_group(reported):
    text = "Maria Lopez, the president of the union, said Tuesday that the strike would end soon."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "the strike would end soon")
    assert q.speaker.mention.text == "Maria Lopez, the president of the union"
    assert q.cue.text == "said Tuesday"


def test_quotes_reported_directive_and_pledge(reported):
    text = "The governor urged residents to stay indoors until the storm passed."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "residents to stay indoors until the storm passed")
    assert q.cue.text == "urged"
    text = "The mayor vowed to appeal the ruling to the state supreme court."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "to appeal the ruling to the state supreme court")
    assert q.speaker.mention.text == "The mayor"


def test_quotes_reported_trailing_participle_is_the_speakers(reported):
    text = "She says she will publish the accounts next week, calling them a routine chore."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "she will publish the accounts next week")


def test_quotes_reported_interrupted_clause_is_one_statement(reported):
    # One statement the cue interrupts: one attribution, its cue inside it.
    text = "The new season, she says, is harder."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "The new season, she says, is harder")
    assert q.cue.text == "says" and q.speaker.mention.text == "she"


def test_quotes_reported_interrupted_after_a_colon_stays_apart(reported):
    # A cue after a colon opens a clause of its own: what stands before the
    # colon is not one statement with it.
    text = "The count was slow: according to the clerk, the ballots arrived late from three villages."
    quotes = reported(text)
    assert all(text[q.start : q.end] != text.rstrip(".") for q in quotes)
    assert any((q.start, q.end) == _at(text, "the ballots arrived late from three villages") for q in quotes)


def test_quotes_reported_coordinated_that_clauses_are_two_statements(reported):
    text = "The ferry firm said the crossing would close in March and that its crews would move to the north route."
    quotes = reported(text)
    assert [(q.start, q.end) for q in quotes] == [
        _at(text, "the crossing would close in March"),
        _at(text, "its crews would move to the north route"),
    ]
    assert {q.cue.text for q in quotes} == {"said"}
    assert [q.rule for q in quotes] == ["clause", "coordinated_that"]


def test_quotes_reported_coordinated_that_under_another_verb_stays(reported):
    # "that B" is what the officials believed, not a second statement of "said".
    text = "The auditor said the officials believed that the account was empty and that the loans were unpaid."
    quotes = [q for q in reported(text) if q.cue.text == "said"]
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end].endswith("the loans were unpaid")


def test_quotes_reported_coordinated_small_clause_stays_joined(reported):
    # A second clause too small to stand alone is no statement of its own.
    text = "The coach said the squad had trained hard all week, and that it was."
    quotes = reported(text)
    assert len(quotes) == 1


def test_quotes_reported_that_clause_after_statement(reported):
    text = "The mayor said in a statement that the new bridge would open in early May."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "the new bridge would open in early May")
    assert q.cue.text == "said in a statement" and q.speaker.mention.text == "The mayor"


def test_quotes_reported_opening_mark_typed_as_closing(reported):
    # The second “ closes the first; the cue after it is outside the quote.
    text = "The union asked for an “urgent review“ of the deal and said the city should cancel the new contract."
    quotes = reported(text)
    q = _one([q for q in quotes if q.cue.text == "said"])
    assert (q.start, q.end) == _at(text, "the city should cancel the new contract")


def test_quotes_reported_object_characterized_by_quote(reported):
    text = 'Senator Reed called the budget plan "a reckless gamble" on Monday.'
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, 'the budget plan "a reckless gamble"')
    assert q.cue.text == "called" and q.speaker.mention.text == "Senator Reed"


def test_quotes_reported_object_quote_under_other_preposition_left_out(reported):
    assert reported('Officials blamed the delay on "sabotage" by unnamed contractors.') == []


def test_quotes_reported_cue_takes_adverb_before_verb(reported):
    text = "The senator also said the vote would be delayed until the spring."
    q = _one(reported(text))
    assert q.cue.text == "also said" and (q.cue.start, q.cue.end) == _at(text, "also said")


def test_quotes_reported_partial_inside_clause_shares_its_cue(nlp):
    from newsbrief.stages.quotes import find_quotes

    text = 'Jones also said voters were "fed up with the whole mess" this year.'
    # One statement: the clause, with the quoted words as its verbatim span (issue 8).
    (quote,) = find_quotes(nlp(text))
    assert quote.kind == "partial"
    assert (quote.cue.start, quote.cue.end) == _at(text, "also said")
    assert [v.text for v in quote.verbatim] == ["fed up with the whole mess"]


def test_quotes_reported_source_pronoun_with_modifiers(reported):
    text = "Some of the local farmers said the new rules would ruin the harvest."
    q = _one(reported(text))
    assert q.speaker.mention.text == "Some of the local farmers"
    assert (q.speaker.mention.start, q.speaker.mention.end) == _at(text, "Some of the local farmers")


def test_quotes_reported_source_without_relative_clause_gloss(reported):
    text = "The lawsuit, which was lodged in March, claimed that the firm had concealed its debts."
    q = _one(reported(text))
    assert (q.speaker.mention.start, q.speaker.mention.end) == _at(text, "The lawsuit")
    assert (q.start, q.end) == _at(text, "the firm had concealed its debts")


def test_quotes_reported_quoted_object_with_pronoun(reported):
    text = 'The coach called him a "born leader" after the game.'
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, 'him a "born leader"')
    assert q.cue.text == "called" and q.speaker.mention.text == "The coach"


def test_quotes_reported_quoted_object_after_for(reported):
    text = 'The senator mocked his rival for "a very tough night" in the debate.'
    q = _one(reported(text))
    # The adjunct after the characterization ("in the debate") is left out.
    assert (q.start, q.end) == _at(text, 'his rival for "a very tough night"')


def test_quotes_reported_evidence_verb_with_clause(reported):
    text = "A new poll found that most voters oppose the tax increase."
    q = _one(reported(text))
    assert (q.start, q.end) == _at(text, "most voters oppose the tax increase")
    assert q.cue.text == "found" and q.speaker.mention.text == "A new poll"


def test_quotes_reported_evidence_verb_without_clause_left_out(reported):
    # Only a clause: an object with quoted words is no report of the inspectors.
    assert reported('The inspectors found him "deeply negligent" in their review.') == []


def test_quotes_reported_clause_ends_at_quote_before_aside(reported):
    text = 'The governor insisted he had "expanded the party," claiming credit for the turnout.'
    quotes = reported(text)
    q = _one([q for q in quotes if q.cue.text == "insisted"])
    assert (q.start, q.end) == _at(text, 'he had "expanded the party,"')


def test_quotes_reported_wh_question_is_typed_question(reported):
    text = "The referee questioned why the second goal had been allowed to stand."
    q = _one(reported(text))
    assert (q.type, q.rule) == ("question", "unanswered_question")
    assert (q.start, q.end) == _at(text, "why the second goal had been allowed to stand")


def test_quotes_reported_refused_saying_with_wh_clause_is_a_question(reported):
    q = _one(reported("The treasurer would not say who had signed the cheques."))
    assert q.type == "question"


def test_quotes_reported_explaining_how_is_a_statement(reported):
    # "explained how": the speaker states it; only question cues and refusals ask.
    q = _one(reported("The engineer explained how the new valves would cut the losses."))
    assert q.type == "speech"


def test_quotes_prep_object_date_is_when_not_what(nlp):
    # "spoke ... on Monday" says when she spoke, not what about.
    from newsbrief.api import analyze

    text = "The mayor spoke to reporters on Monday. She spoke on the budget for an hour."
    assert [(q.rule, q.text) for q in analyze(text).quotes] == [("prep_object", "the budget")]
