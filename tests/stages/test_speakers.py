"""Speaker resolution: pronouns, surnames, descriptions, organisations, roles
and continuations, on short articles written for these tests."""

from __future__ import annotations

import pytest

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.model import Brief, Quote

from ..conftest import assert_offsets


def _brief(nlp, text: str) -> Brief:
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert_offsets(brief)
    return brief


def _quote(brief: Brief, words: str) -> Quote:
    return next(q for q in brief.quotes if q.text.startswith(words))


def _named_entity(brief: Brief, name: str):
    return next(e for e in brief.entities if e.name == name)


def _entity_name(brief: Brief, quote: Quote) -> str | None:
    ent = brief.entity(quote.speaker.entity) if quote.speaker.entity else None
    return ent.name if ent else None


def test_speakers_pronoun_to_named_person(nlp):
    brief = _brief(nlp, 'Tomas Berg landed in Oslo on Tuesday. "The talks can begin," he said.')
    quote = _quote(brief, "The talks can begin")
    assert quote.speaker.mention.text == "he"
    assert quote.speaker.name == "Tomas Berg"
    assert _entity_name(brief, quote) == "Tomas Berg"


def test_speakers_pronoun_gender_from_the_article(nlp):
    text = (
        "Mary Jones and Peter Brown spoke on Monday. Brown said his plan was ready. "
        '"It will not work," she said.'
    )
    brief = _brief(nlp, text)
    assert _quote(brief, "It will not work").speaker.name == "Mary Jones"


@pytest.mark.parametrize(("pronoun", "expected"), [("she", "Alvarez"), ("he", "Okafor")])
def test_speakers_pronoun_gender_from_honorific(nlp, pronoun, expected):
    text = (
        "Ms Alvarez met Mr Okafor in Lagos on Tuesday. "
        f'"The agreement protects both sides," {pronoun} said after the meeting.'
    )
    brief = _brief(nlp, text)
    assert _quote(brief, "The agreement").speaker.name == expected


def test_speakers_surname_to_full_name(nlp):
    brief = _brief(nlp, 'Tomas Berg spoke to journalists in Oslo. "The door is open," Berg said.')
    quote = _quote(brief, "The door is open")
    assert quote.speaker.mention.text == "Berg"
    assert quote.speaker.name == "Tomas Berg"


def test_speakers_description_to_named_person(nlp):
    text = (
        'Tomas Berg spoke to journalists in Oslo on Tuesday. "The delay has gone on too long," Berg said. '
        '"The door is open," the Norwegian foreign minister said.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "The door is open")
    assert quote.speaker.mention.text == "the Norwegian foreign minister"
    assert quote.speaker.name == "Tomas Berg"
    assert quote.speaker.role == "Norwegian foreign minister"
    # The role the description gives holds for the person's other quotes and entity.
    assert _quote(brief, "The delay has").speaker.role == "Norwegian foreign minister"
    assert _named_entity(brief, "Tomas Berg").role == "Norwegian foreign minister"


def test_speakers_description_matches_entity_role(nlp):
    text = (
        "Defence Minister Anna Berg visited the base on Monday. Troops lined the runway. "
        'Officers showed the new radar. "This is a strong signal," the minister said.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "This is a strong signal")
    assert quote.speaker.name == "Anna Berg"


def test_speakers_unnamed_description_kept(nlp):
    text = (
        '"We have no figures to share yet," a senior Treasury official said. '
        '"Nothing has changed since Monday," the official added.'
    )
    brief = _brief(nlp, text)
    first, second = _quote(brief, "We have no figures"), _quote(brief, "Nothing has changed")
    assert first.speaker.name == "a senior Treasury official"
    assert second.speaker.mention.text == "the official"
    assert second.speaker.name == "a senior Treasury official"
    assert first.speaker.entity is None


def test_speakers_organisation(nlp):
    text = 'Microsoft reported lower profits on Tuesday. "We expect a recovery next year," the company said.'
    brief = _brief(nlp, text)
    quote = _quote(brief, "We expect")
    assert quote.speaker.name == "Microsoft"
    assert _entity_name(brief, quote) == "Microsoft"


def test_speakers_role_from_appositive(nlp):
    brief = _brief(nlp, '"We will strike on Monday," said Frank DeLuca, president of the union.')
    quote = _quote(brief, "We will strike")
    assert quote.speaker.name == "Frank DeLuca"
    assert quote.speaker.role == "president of the union"


def test_speakers_role_from_premodifier(nlp):
    brief = _brief(nlp, '"Sales rose sharply this year," Chief Executive Michael Tennant said.')
    quote = _quote(brief, "Sales rose")
    assert quote.speaker.name == "Michael Tennant"
    assert quote.speaker.role == "Chief Executive"


def test_speakers_continuation(nlp):
    text = '"We are ready," Peter Smith said on Monday. "The troops are in place. The roads are open."'
    brief = _brief(nlp, text)
    quote = _quote(brief, "The troops")
    assert quote.continuation
    assert quote.speaker.name == "Peter Smith"
    assert quote.cue is not None and quote.cue.text == "said"


def test_speakers_continuation_stops_at_distant_paragraph(nlp):
    text = (
        '"We are ready," Peter Smith said on Monday.\n\n'
        "The city was quiet on Tuesday.\n\n"
        "Shops reopened in the afternoon.\n\n"
        '"Nobody knows what comes next."'
    )
    brief = _brief(nlp, text)
    assert _quote(brief, "Nobody knows").speaker.name is None


def test_speakers_pronoun_they_for_organisation(nlp):
    text = 'The European Commission published the plan on Monday. "It is fair," it said.'
    brief = _brief(nlp, text)
    assert _quote(brief, "It is fair").speaker.name == "European Commission"


def test_speakers_pronouns_inside_quotes_are_not_gender_evidence(nlp):
    text = (
        'Mary Jones met Peter Brown on Monday. Ms Jones said: "He has no plan, he knows it and he never had one." '
        'Brown left early. "We are done here," she said.'
    )
    brief = _brief(nlp, text)
    assert _quote(brief, "We are done").speaker.name == "Mary Jones"


def test_speakers_epithet_to_named_person(nlp):
    text = 'Donald Trump held a rally in Ohio on Monday. "We will win big," the New York businessman said.'
    brief = _brief(nlp, text)
    quote = _quote(brief, "We will win big")
    assert quote.speaker.name == "Donald Trump"
    assert quote.speaker.role == "New York businessman"


def test_speakers_epithet_without_local_link_stays_a_description(nlp):
    # The senator is not the person of the previous sentences: two people are
    # named there, and the one quoted before is two paragraphs back.
    text = (
        'Donald Trump spoke in Ohio. "We will win," Trump said.\n\n'
        "Polls closed at seven in Texas.\n\n"
        "Marco Rubio is campaigning in Florida, where Donald Trump leads.\n\n"
        '"We are looking ahead to March," the Florida senator told reporters.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "We are looking ahead")
    assert quote.speaker.name == "the Florida senator"
    assert quote.speaker.entity is None and quote.speaker.role is None
    # No role learned by a wrong link spreads to Trump.
    assert _quote(brief, "We will win").speaker.role is None
    assert _named_entity(brief, "Donald Trump").role is None


def test_speakers_epithet_previous_sentence_subject_with_role(nlp):
    text = (
        "Haugen left early. A weary Berg called for a truce on Tuesday. "
        '"We cannot wait any longer," the Norwegian foreign minister said.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "We cannot wait")
    assert quote.speaker.name == "Berg"
    assert quote.speaker.role == "Norwegian foreign minister"


def test_speakers_epithet_matches_stated_role_by_place(nlp):
    text = (
        "Vermont Sen. Bernie Sanders and Florida Sen. Marco Rubio spoke on Monday. Polls closed at seven.\n\n"
        "Turnout was high.\n\n"
        '"We have a path to the nomination," the Florida senator said.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "We have a path")
    assert quote.speaker.name == "Marco Rubio"
    assert quote.speaker.role == "Florida Sen."


def test_speakers_plural_appositive_is_not_a_role(nlp):
    text = (
        "Ortiz leads the race thanks to backing from ward captains, "
        'the local organisers who can sway turnout. "We are confident," Ortiz said.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "We are confident")
    assert quote.speaker.role is None
    assert _named_entity(brief, "Ortiz").role is None


def test_speakers_name_like_title_kept_in_the_name(nlp):
    text = 'Ruth Alvarez, a 61-year-old baker from Dunmore, says "the market is wide open."'
    brief = _brief(nlp, text)
    quote = _quote(brief, "the market is wide open")
    assert quote.speaker.name == "Ruth Alvarez"
    assert quote.speaker.role is None


def test_speakers_role_from_name_inside_appositive_mention(nlp):
    brief = _brief(nlp, 'One Republican senator, John Kennedy, said "the plan is weak."')
    quote = _quote(brief, "the plan is weak")
    assert quote.speaker.name == "John Kennedy"
    assert quote.speaker.role == "Republican senator"


def test_speakers_epithet_ignores_subject_of_inner_clause(nlp):
    # Dana Reyes is the subject of a clause inside the sentence, not of the
    # sentence: "the actress" is not linked to her.
    text = (
        'Polls opened early.\n\nAsked about the day that Dana Reyes wins the primary, the crowd cheered.\n\n'
        '"I have no idea," the actress said.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "I have no idea")
    assert quote.speaker.entity is None
    assert quote.speaker.name == "the actress"


def test_speakers_former_title_is_not_the_current_one(nlp):
    text = (
        "President Tom Hardy opened the session on Monday. Hardy thanked the delegates.\n\n"
        '"Labels are for soup cans," the former president said.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "Labels are")
    assert quote.speaker.entity is None
    assert quote.speaker.name == "the former president"


def test_speakers_party_epithet_is_a_description_not_the_party(nlp):
    text = (
        "Republicans met in Madison on Monday. Paul Ryan spoke to reporters after the vote. "
        '"We will pass it," the Wisconsin Republican said.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "We will pass it")
    assert quote.speaker.name == "Paul Ryan"
    assert quote.speaker.role == "Wisconsin Republican"


def test_speakers_local_link_beats_bare_title_of_someone_else(nlp):
    text = (
        "Ohio Gov. John Kasich spoke first.\n\nPolls closed at seven.\n\n"
        'Chris Christie said he would cut taxes. "Crime has gone down," the governor said.'
    )
    brief = _brief(nlp, text)
    assert _quote(brief, "Crime has gone down").speaker.name == "Chris Christie"


def test_speakers_description_without_title_head_gives_no_role(nlp):
    brief = _brief(nlp, "One of the drivers, Marta Kowal, said the road was a nightmare.")
    quote = _quote(brief, "the road was a nightmare")
    assert quote.speaker.name == "Marta Kowal"
    assert quote.speaker.role is None


# -- never one person's quotes under another's name ---------------------------


def test_speakers_surname_two_people_fit_is_ambiguous(nlp):
    text = 'Helen Marsh and Peter Marsh opened a bakery in Leeds.\n\n"The ovens arrived late," Marsh said.'
    brief = _brief(nlp, text)
    quote = _quote(brief, "The ovens arrived")
    assert quote.speaker.mention.text == "Marsh"
    assert quote.speaker.entity is None
    ids = {e.id for e in brief.entities if e.name in ("Helen Marsh", "Peter Marsh")}
    assert len(ids) == 2 and set(quote.speaker.candidates) == ids
    assert quote.speaker.to_dict()["candidates"] == quote.speaker.candidates
    # The text brief says so.
    from newsbrief.cli.render import render_brief

    assert "Marsh (unclear: Helen Marsh or Peter Marsh)" in render_brief(brief)


def test_speakers_other_gender_honorific_is_another_person(nlp):
    text = (
        'Governor Dalton opened the fair on Saturday. "The harvest was our best," Mr. Dalton said. '
        'The first lady, Rosa Dalton, judged the pies. "The cherry pie won," Mrs. Dalton said.'
    )
    brief = _brief(nlp, text)
    his = _quote(brief, "The harvest was")
    hers = _quote(brief, "The cherry pie")
    assert his.speaker.entity != hers.speaker.entity
    assert his.speaker.name == "Dalton" and his.speaker.role == "Governor"
    assert hers.speaker.name == "Rosa Dalton" and hers.speaker.role != "Governor"


def test_speakers_pronoun_never_takes_a_name_inside_its_own_quote(nlp):
    text = 'Omar Haddad spoke at the rally on Friday. "Dana Whitfield has no plan for the mills," he said.'
    brief = _brief(nlp, text)
    quote = _quote(brief, "Dana Whitfield has")
    assert quote.speaker.mention.text == "he"
    assert quote.speaker.name == "Omar Haddad"


def test_speakers_singular_they(nlp):
    text = (
        "Sam Rivera, who uses they/them pronouns, leads the tenants' union. "
        '"We will not pay the increase," they said.'
    )
    brief = _brief(nlp, text)
    assert _quote(brief, "We will not pay").speaker.name == "Sam Rivera"


def test_speakers_unnamed_source_kept_whole(nlp):
    text = (
        "The ferry strike entered its third day. "
        '"Nobody expects a deal this week," said a person familiar with the negotiations.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "Nobody expects")
    assert quote.speaker.name == "a person familiar with the negotiations"
    assert quote.speaker.entity is None


def test_speakers_vice_title_is_another_office(nlp):
    text = (
        "Marcus Webb, the party's presidential nominee, spoke in Dallas. "
        "Lena Ortiz, the vice presidential nominee, toured a school in Reno on Monday. "
        '"We have a plan for every classroom," the presidential nominee said later.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "We have a plan")
    assert quote.speaker.name == "Marcus Webb"


def test_quoted_spans_merge_and_prefer_the_mark_index(nlp):
    from spacy.tokens import Doc

    from newsbrief.model import TextSpan
    from newsbrief.stages.speakers import quoted_spans

    doc = nlp('"One," she said. "Two three," he said.')
    quotes = [
        Quote(text="One", start=1, end=4, kind="direct", verbatim=[TextSpan("One", 1, 4)]),
        Quote(text="Two three", start=18, end=27, kind="direct"),
        Quote(text="she said", start=6, end=14, kind="indirect"),
    ]
    # Without a mark index, the quotes' verbatim spans (or a direct quote's content).
    doc._.nb_marks = None
    assert quoted_spans(doc, quotes) == [(1, 4), (18, 27)]
    if not Doc.has_extension("nb_marks"):
        Doc.set_extension("nb_marks", default=None)
    doc._.nb_marks = [{"start": 18, "end": 27, "type": "speech"}, {"start": 1, "end": 4, "type": "name"}]
    assert quoted_spans(doc, quotes) == [(18, 27)]
    doc._.nb_marks = None


def test_speakers_two_people_speaking_together_are_no_one_of_them(nlp):
    text = (
        "Nina Alvarez and Peter Lindqvist wrote to the council on Monday. "
        '"The bridge must stay open," Ms. Alvarez and Mr. Lindqvist said in the letter.'
    )
    brief = _brief(nlp, text)
    quote = _quote(brief, "The bridge must")
    assert quote.speaker.entity is None
    assert "Alvarez" in quote.speaker.name and "Lindqvist" in quote.speaker.name


def test_an_honorific_blocks_a_guess_by_recency_for_someone_of_unknown_gender(nlp):
    # "Mrs. Holm" states a gender; the Holm named last is a president the
    # article gives no gender (a given name both genders carry): not a guess
    # for that one, the candidates instead.
    text = (
        "Anna Holm toured the harbour on Monday with the mayor. The visit was short.\n\n"
        "The plan was drawn up under President Sasha Holm, who left office in 2010. It was never built.\n\n"
        "The council has not decided. Its members will meet again in May.\n\n"
        '"We will build it this time," Mrs. Holm said. The crowd cheered.\n\n'
        "Holm later told reporters that the money was ready."
    )
    brief = _brief(nlp, text)
    anna, sasha = _named_entity(brief, "Anna Holm"), _named_entity(brief, "Sasha Holm")
    # The plain "Holm" after it: recency is stale once the surname was left ambiguous.
    for words in ("We will build", "the money was ready"):
        quote = _quote(brief, words)
        assert quote.speaker.entity is None and quote.speaker.name == "Holm"
        assert set(quote.speaker.candidates or []) == {anna.id, sasha.id}
    # Neither entity takes the bare surname.
    assert [m.text for m in sasha.mentions] == ["Sasha Holm"] and [m.text for m in anna.mentions] == ["Anna Holm"]


def test_speakers_name_hung_on_the_place_of_a_description_is_the_speaker(nlp):
    text = (
        "The storm reached the mountains on Friday. "
        "A meteorologist in Denver, Luis Brand, said snow would fall overnight. "
        '"The worst is behind us," he said.'
    )
    # The packaged parser hangs "Luis Brand" on "Denver" here.
    brief = _brief(nlp, text)
    assert _quote(brief, "snow would fall").speaker.name == "Luis Brand"
    assert _quote(brief, "The worst is behind us").speaker.name == "Luis Brand"


def test_speakers_unnamed_source_keeps_its_qualifier_before_a_relative_clause(nlp):
    text = (
        "The ferry strike entered its third day. "
        '"Nobody expects a deal this week," said a person familiar with the negotiations, '
        "who asked not to be named because the talks are private."
    )
    brief = _brief(nlp, text)
    assert _quote(brief, "Nobody expects").speaker.name == "a person familiar with the negotiations"


def test_speakers_given_name_is_a_weak_prior_for_gender(nlp):
    # Nothing in the article gives either person's gender: the given names do.
    text = (
        "Gregory Vance and Karen Holt toured the bottling plant on Monday. Vance spoke to the workers first. "
        '"We need more staff on the night shift," she said.'
    )
    assert _quote(_brief(nlp, text), "We need more staff").speaker.name == "Karen Holt"


def test_speakers_article_evidence_outweighs_the_given_name(nlp):
    # An honorific says more than the name list: this Shirley is a man.
    text = (
        "Mr. Shirley Banks and Karen Holt toured the bottling plant on Monday. Holt spoke to the workers first. "
        '"We need more staff on the night shift," he said.'
    )
    assert _quote(_brief(nlp, text), "We need more staff").speaker.name == "Shirley Banks"


@pytest.mark.parametrize("role", ["Goaltender", "Goalkeeper", "Striker", "Winger", "Skipper"])
def test_speakers_a_playing_role_before_a_name_is_a_title(nlp, role):
    text = (
        "The team lost again on Saturday.\n\n"
        f'{role} Jonas Ekberg said he had spoken to the coach on Sunday. "He told us to stick together," Ekberg said.'
    )
    brief = _brief(nlp, text)
    assert {q.speaker.name for q in brief.quotes} == {"Jonas Ekberg"}


def test_speakers_the_company_after_its_own_report_is_the_organisation_it_names(nlp):
    text = "Tallis Logistics will close two depots in March, the company said on Tuesday."
    brief = _brief(nlp, text)
    quote = _quote(brief, "Tallis Logistics will close")
    assert quote.speaker.mention.text == "the company"
    assert quote.speaker.name == "Tallis Logistics"


def test_speakers_an_official_after_a_report_on_a_person_is_not_that_person(nlp):
    text = "Governor Anna Berg will resign in March, the official said on Tuesday."
    quote = _quote(_brief(nlp, text), "Governor Anna Berg will resign")
    assert quote.speaker.name != "Anna Berg"


def test_speakers_a_statement_handed_over_before_the_quote_names_its_speaker(nlp):
    text = (
        "The ferry company apologised on Friday.\n\n"
        "Outside the town hall, the captain's sister, Elin Varga, read a brief statement to reporters.\n\n"
        '"My brother gave this crossing thirty years. We ask only that the inquiry is honest."'
    )
    quote = _quote(_brief(nlp, text), "My brother gave")
    assert quote.rule == "marks.statement_before"
    assert quote.speaker.name == "Elin Varga"


def test_speakers_no_statement_no_speaker_from_the_sentence_before(nlp):
    text = (
        "The ferry company apologised on Friday.\n\n"
        "Outside the town hall, the captain's sister, Elin Varga, waited in the rain.\n\n"
        '"My brother gave this crossing thirty years. We ask only that the inquiry is honest."'
    )
    quote = _quote(_brief(nlp, text), "My brother gave")
    assert quote.rule != "marks.statement_before"
