"""Speaker rules of round 14 on short articles run through the packaged
model or hand-built Docs (and on their helpers): a short organisation name
is its full name; a place the model tagged as a person and a person it
tagged as a place.
The sentences are written for these tests."""

from __future__ import annotations

from newsbrief.stages.speakers import _without_legal_form, resolve_speakers

from .brief_helpers import speaker_of
from .test_speakers_rules import Row, _person, _quote, _said_by
from .test_speakers_rules7 import _doc


def test_a_short_name_of_an_untagged_firm_is_its_full_name():
    # The model tags neither "Quillon Labs" nor "Quillon": the run of
    # title-case words that ends in an organisation word is the full name.
    text = (
        "Voice actors have sued the start-up Quillon Labs over a cloning tool.\n\n"
        'Quillon, which raised $40 million last year, said the suit was "without merit."\n'
    )
    assert speaker_of(text, "without merit") == "Quillon Labs"


def test_a_short_name_with_no_longer_name_in_the_article_stays_as_it_is():
    text = (
        "Voice actors have sued the start-up Quillon over a cloning tool.\n\n"
        'Quillon, which raised $40 million last year, said the suit was "without merit."\n'
    )
    assert speaker_of(text, "without merit") == "Quillon"


def test_a_legal_form_is_no_part_of_the_full_name():
    assert _without_legal_form("Corvane Robotics Inc.") == ["Corvane", "Robotics"]
    assert _without_legal_form("Harlow & Finch Co., Ltd.") == ["Harlow", "&", "Finch"]
    assert _without_legal_form("Inc.") == ["Inc."]


def _stream_rows(stream: bool, woman: bool) -> list[Row]:
    # [Fish died in Tarn Beck. Sewage ran into Tarn Beck.] [Ana Roe spoke.] "No," she said.
    rows: list[Row] = []
    if stream:
        rows += [
            ("Fish", "fish", "NOUN", "NNS", 1, "nsubj", True),
            ("died", "die", "VERB", "VBD", 1, "ROOT", False),
            ("in", "in", "ADP", "IN", 1, "prep", False),
            ("Tarn", "Tarn", "PROPN", "NNP", 4, "compound", False),
            ("Beck", "Beck", "PROPN", "NNP", 2, "pobj", False),
            (".", ".", "PUNCT", ".", 1, "punct", False),
            ("Sewage", "sewage", "NOUN", "NN", 7, "nsubj", True),
            ("ran", "run", "VERB", "VBD", 7, "ROOT", False),
            ("into", "into", "ADP", "IN", 7, "prep", False),
            ("Tarn", "Tarn", "PROPN", "NNP", 10, "compound", False),
            ("Beck", "Beck", "PROPN", "NNP", 8, "pobj", False),
            (".", ".", "PUNCT", ".", 7, "punct", False),
        ]
    if woman:
        k = len(rows)
        rows += [
            ("Ana", "Ana", "PROPN", "NNP", k + 1, "compound", True),
            ("Roe", "Roe", "PROPN", "NNP", k + 2, "nsubj", False),
            ("spoke", "speak", "VERB", "VBD", k + 2, "ROOT", False),
            (".", ".", "PUNCT", ".", k + 2, "punct", False),
        ]
    return rows + _said_by([("she", "she", "PRON", "PRP", -1, "nsubj", False)], len(rows))


def _she_said(stream: bool, woman: bool, woman_type: str) -> str | None:
    rows = _stream_rows(stream, woman)
    doc = _doc(rows)
    entities = []
    if stream:
        entities.append(_person(doc, "e1", "Tarn Beck", [(3, 5), (9, 11)]))
    if woman:
        k = 12 if stream else 0
        entities.append(_person(doc, "e2", "Ana Roe", [(k, k + 2)], etype=woman_type))
    n = len(rows)
    quote = _quote(doc, (n - 7, n - 6), n - 2, (n - 3, n - 2))
    resolve_speakers(doc, [quote], entities)
    return quote.speaker.name


def test_a_person_name_only_ever_used_as_a_place_is_no_antecedent():
    # "in Tarn Beck", "into Tarn Beck": a stream, whatever the model's label.
    assert _she_said(stream=True, woman=False, woman_type="PERSON") != "Tarn Beck"


def test_a_given_name_tagged_as_a_place_that_is_a_subject_is_a_person():
    # "Ana Roe spoke": a person, though the model called her a place.
    assert _she_said(stream=False, woman=True, woman_type="GPE") == "Ana Roe"


def test_she_passes_the_stream_for_the_woman_tagged_as_a_place():
    assert _she_said(stream=True, woman=True, woman_type="GPE") == "Ana Roe"


def test_a_ruling_as_a_source_is_the_body_that_handed_it_down():
    # Rule ruling_issuer: many sentences after "In a 40-page ruling, the
    # authority said", "According to the ruling" is still the authority.
    text = (
        "The Northern Water Authority fined Tolbeck Water on Friday. In a 40-page ruling, the authority said "
        "staff had ignored warnings.\n\nThe company has been fined before. Its chief executive, Ann Marlow, said "
        'she was sorry. "We failed our customers," she said. "We will do better."\n\nResidents were angry. '
        '"We were never told," said Joe Pratt, who lives nearby.\n\n'
        "According to the ruling, the pumps had failed nine times in two years.\n"
    )
    assert speaker_of(text, "failed nine times") == "Northern Water Authority"


def test_it_opening_a_sentence_is_the_organisation_that_was_the_subject_before():
    # Rule it_is_previous_subject_org: not the union quoted last.
    text = (
        "The Cotterell Savings Society said its members would vote in May.\n\n"
        'The Mid Shires Credit Union said the merger was "a good deal for both sides."\n\n'
        "Cotterell Savings Society has 30 days to accept the offer. It said it would decide next week.\n"
    )
    assert speaker_of(text, "decide next week") == "Cotterell Savings Society"


def test_the_head_of_an_untagged_name_repeats_that_name():
    # Rule full_name_repeated: '"No," The Tile Guild said. "No," the guild said.'
    first = [
        ("The", "the", "DET", "DT", 2, "det", False),
        ("Tile", "Tile", "PROPN", "NNP", 2, "compound", False),
        ("Guild", "Guild", "PROPN", "NNP", -1, "nsubj", False),
    ]
    second = [("the", "the", "DET", "DT", 1, "det", False), ("guild", "guild", "NOUN", "NN", -1, "nsubj", False)]
    rows = _said_by(first, 0) + _said_by(second, 9)
    doc = _doc(rows)
    quotes = [_quote(doc, (1, 2), 7, (4, 7)), _quote(doc, (10, 11), 15, (13, 15))]
    resolve_speakers(doc, quotes, [])
    assert quotes[0].speaker.name == "The Tile Guild"
    assert quotes[1].speaker.name == "The Tile Guild"


def _whose_rows(cue_in_clause: bool) -> list[Row]:
    if cue_in_clause:
        # Ana Roe, whose lawyer said “No”.
        return [
            ("Ana", "Ana", "PROPN", "NNP", 1, "compound", True),
            ("Roe", "Roe", "PROPN", "NNP", 1, "ROOT", False),
            (",", ",", "PUNCT", ",", 1, "punct", False),
            ("whose", "whose", "DET", "WP$", 4, "poss", False),
            ("lawyer", "lawyer", "NOUN", "NN", 5, "nsubj", False),
            ("said", "say", "VERB", "VBD", 1, "relcl", False),
            ("“", "“", "PUNCT", "``", 7, "punct", False),
            ("No", "no", "INTJ", "UH", 5, "ccomp", False),
            ("”", "”", "PUNCT", "''", 5, "punct", False),
            (".", ".", "PUNCT", ".", 1, "punct", False),
        ]
    # Ana Roe, whose film won, called the plan “bad”.
    return [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 1, "ROOT", False),
        (",", ",", "PUNCT", ",", 1, "punct", False),
        ("whose", "whose", "DET", "WP$", 4, "poss", False),
        ("film", "film", "NOUN", "NN", 5, "nsubj", False),
        ("won", "win", "VERB", "VBD", 1, "relcl", False),
        (",", ",", "PUNCT", ",", 5, "punct", False),
        ("called", "call", "VERB", "VBD", 5, "conj", False),
        ("the", "the", "DET", "DT", 9, "det", False),
        ("plan", "plan", "NOUN", "NN", 7, "dobj", False),
        ("“", "“", "PUNCT", "``", 11, "punct", False),
        ("bad", "bad", "ADJ", "JJ", 7, "oprd", False),
        ("”", "”", "PUNCT", "''", 7, "punct", False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ]


def test_the_cue_after_a_whose_clause_is_the_antecedents():
    doc = _doc(_whose_rows(cue_in_clause=False))
    quote = _quote(doc, (11, 12), 7, (3, 5))
    resolve_speakers(doc, [quote], [_person(doc, "e1", "Ana Roe", [(0, 2)])])
    assert quote.speaker.name == "Ana Roe"


def test_the_cue_of_the_whose_clause_itself_is_the_clause_subjects():
    doc = _doc(_whose_rows(cue_in_clause=True))
    quote = _quote(doc, (7, 8), 5, (3, 5))
    resolve_speakers(doc, [quote], [_person(doc, "e1", "Ana Roe", [(0, 2)])])
    assert quote.speaker.name != "Ana Roe"


COACH = (
    "League bans rowing club for a season, coach says she will appeal\n\n"
    "The regional rowing league has banned the Tarnby Rowing Club from racing for a season over unpaid fees, "
    "prompting its coach to say she will take the case to arbitration.\n\n"
    "The league said the club owed more than 9,000 euros. It said the ban would start in March.\n\n"
    'A league official said the club had been warned three times. "They ignored every letter," he said.\n\n'
    "The club's treasurer said the fees had been paid late, not left unpaid.\n\n"
    'Coach Ida Brenner, who has led the club for six years, called the ban "a punishment for being small."\n'
)


def test_a_title_in_the_headline_is_the_person_given_it_far_below():
    # Rule lead_description_titled_later: five paragraphs down.
    assert speaker_of(COACH, "she will appeal") == "Ida Brenner"


def test_a_possessed_title_in_the_lead_is_the_person_given_it_far_below():
    assert speaker_of(COACH, "take the case to arbitration") == "Ida Brenner"


INTERVIEW = (
    "Dancer Ruth Vance said the grant cut would close the studio. "
    '"We have six months of money left," she said.\n\n'
    "{brother}, who manages the building, said the landlord had already been told.\n\n"
    "Vance spoke to this newspaper after the meeting. The conversation has been edited for length.\n\n"
    "Why not raise ticket prices?\n\n"
    "Because our audience is students. They cannot pay more than they already do.\n\n"
    "Will you move to a smaller space?\n\n"
    "Maybe. I would rather dance in a car park than stop.\n"
)


def test_an_interview_announced_by_a_shared_surname_is_that_surname():
    # Rule interview_intro_surname: not the nearer namesake, Tom Vance.
    text = INTERVIEW.format(brother="Her brother, Tom Vance")
    assert speaker_of(text, "audience is students") == "Vance"


def test_an_interview_announced_by_an_unshared_surname_keeps_the_full_name():
    text = INTERVIEW.format(brother="Her brother, Tom Price").replace("Vance spoke", "Price spoke")
    assert speaker_of(text, "audience is students") == "Tom Price"


def test_a_post_nominal_after_a_tagged_name_is_no_part_of_the_speakers_name():
    # Rule head_of_untagged_name: "KC" heads the mention but is no name.
    text = (
        "The council was fined on Monday.\n\n"
        "For the council, Martin Ellery KC said the council accepted the ruling.\n"
    )
    assert speaker_of(text, "accepted the ruling") == "Martin Ellery"


def test_an_organisation_description_is_the_longer_name_it_opens():
    # Rule org_description_opens_name: the model split the name in two.
    text = (
        "Norway’s Centre for Coastal Hazard and Storm Surge Monitoring raised its warning to the highest level "
        "on Sunday.\n\nThe centre said people living on the coast should stay indoors.\n"
    )
    assert speaker_of(text, "stay indoors") == "Centre for Coastal Hazard and Storm Surge Monitoring"


def test_an_organisation_description_with_no_longer_name_stays_as_written():
    text = "Forecasters raised the warning on Sunday.\n\nThe centre said people on the coast should stay indoors.\n"
    assert speaker_of(text, "stay indoors") == "The centre"


def _club_rows(name_end: str) -> list[Row]:
    # Fans of Kelsby United marched. “No,” the club said.
    rows: list[Row] = [
        ("Fans", "fan", "NOUN", "NNS", 4, "nsubj", True),
        ("of", "of", "ADP", "IN", 0, "prep", False),
        ("Kelsby", "Kelsby", "PROPN", "NNP", 3, "compound", False),
        (name_end, name_end, "PROPN", "NNP", 1, "pobj", False),
        ("marched", "march", "VERB", "VBD", 4, "ROOT", False),
        (".", ".", "PUNCT", ".", 4, "punct", False),
    ]
    club = [("the", "the", "DET", "DT", 1, "det", False), ("club", "club", "NOUN", "NN", -1, "nsubj", False)]
    return rows + _said_by(club, 6)


def test_a_kind_of_organisation_is_the_untagged_name_ending_in_that_kind():
    # Rule org_kind_in_untagged_name: "United" ends names of clubs.
    doc = _doc(_club_rows("United"))
    quote = _quote(doc, (7, 8), 12, (10, 12))
    resolve_speakers(doc, [quote], [])
    assert quote.speaker.name == "Kelsby United"


def test_a_kind_of_organisation_is_no_name_of_another_kind():
    doc = _doc(_club_rows("Hospital"))
    quote = _quote(doc, (7, 8), 12, (10, 12))
    resolve_speakers(doc, [quote], [])
    assert quote.speaker.name != "Kelsby Hospital"


ROUND_UP = (
    "The new phone went on sale on Friday, and the reaction online was mixed.\n\n"
    '"Best battery I have ever had." - Jonas Pelletier (@jpell), on X\n\n'
    '"Too expensive for what it does." {credit}\n'
)


def test_a_quote_credited_after_a_dash_is_the_named_persons():
    # Rule dash_credit_speaker: each post is its own author's.
    text = ROUND_UP.format(credit="- Marisa Quenneville (@mquen), on Threads")
    assert speaker_of(text, "Best battery") == "Jonas Pelletier"
    assert speaker_of(text, "Too expensive") == "Marisa Quenneville"


def test_a_quote_with_no_dash_credit_is_not_given_to_a_name_after_it():
    text = ROUND_UP.format(credit="Marisa Quenneville has not bought one.")
    assert speaker_of(text, "Too expensive") != "Marisa Quenneville"


def test_a_document_signed_in_its_own_phrase_is_its_signers():
    # Rule document_author_far: the author in the mention's own phrase.
    text = (
        "Tenants wrote to the council last year. The letter, signed by Maria Vukovic and two other residents, "
        'argued that the lifts were "a danger to everyone."\n'
    )
    assert speaker_of(text, "a danger to everyone") == "Maria Vukovic"


def test_a_document_named_far_back_is_still_its_authors():
    text = (
        "Chief executive Ruth Allard announced the closures in a memo to staff on Monday. She wrote that the "
        "shops had lost money for years.\n\nThe union said it was shocked. Its leader, Dan Kerr, called the plan "
        '"a disgrace."\n\nShares rose 4 per cent. Analysts had expected the cuts.\n\nThe company has 40 shops.\n\n'
        "Staff will be paid until March, according to the memo.\n"
    )
    assert speaker_of(text, "paid until March") == "Ruth Allard"


CORONER = (
    "Coroner criticises council over flood death\n\nBy Owen Fairley\n\n"
    "A council left a flooded underpass open on the night a 19-year-old cyclist drowned there, and then "
    "failed to tell his family, {source} said on Friday.\n\n"
    "Sitting at Wakefield, Coroner Ruth Mayhew said the death was preventable.\n\n"
    "The council said it accepted the findings.\n"
)


def test_an_indefinite_title_in_the_lead_is_the_person_given_it_later():
    # Rule lead_description_titled_later, in a lead after a byline.
    assert speaker_of(CORONER.format(source="a Yorkshire coroner"), "flooded underpass") == "Ruth Mayhew"


def test_an_indefinite_word_of_another_title_in_the_lead_is_someone_else():
    assert speaker_of(CORONER.format(source="a Yorkshire solicitor"), "flooded underpass") != "Ruth Mayhew"


def test_a_person_named_as_the_cues_later_subject_speaks_not_a_fronted_noun():
    # Rule later_person_subject: "Outside court, Ana Roe said “No”." parsed
    # with two subjects, "court" and "Roe".
    rows: list[Row] = [
        ("Outside", "outside", "ADJ", "JJ", 1, "amod", True),
        ("court", "court", "NOUN", "NN", 5, "nsubj", False),
        (",", ",", "PUNCT", ",", 1, "punct", False),
        ("Ana", "Ana", "PROPN", "NNP", 4, "compound", False),
        ("Roe", "Roe", "PROPN", "NNP", 5, "nsubj", False),
        ("said", "say", "VERB", "VBD", 5, "ROOT", False),
        ("“", "“", "PUNCT", "``", 7, "punct", False),
        ("No", "no", "INTJ", "UH", 5, "ccomp", False),
        ("”", "”", "PUNCT", "''", 5, "punct", False),
        (".", ".", "PUNCT", ".", 5, "punct", False),
    ]
    doc = _doc(rows)
    quote = _quote(doc, (7, 8), 5, (0, 2))
    resolve_speakers(doc, [quote], [_person(doc, "e1", "Ana Roe", [(3, 5)])])
    assert quote.speaker.name == "Ana Roe"


def test_the_kind_nouns_before_an_untagged_name_are_no_part_of_it():
    # Rule kind_noun_before_name: "Consumer group SafeRide said “No”."
    rows: list[Row] = [
        ("Consumer", "consumer", "NOUN", "NN", 1, "compound", True),
        ("group", "group", "NOUN", "NN", 2, "compound", False),
        ("SafeRide", "SafeRide", "PROPN", "NNP", 3, "nsubj", False),
        ("said", "say", "VERB", "VBD", 3, "ROOT", False),
        ("“", "“", "PUNCT", "``", 5, "punct", False),
        ("No", "no", "INTJ", "UH", 3, "ccomp", False),
        ("”", "”", "PUNCT", "''", 3, "punct", False),
        (".", ".", "PUNCT", ".", 3, "punct", False),
    ]
    doc = _doc(rows)
    quote = _quote(doc, (5, 6), 3, (0, 3))
    resolve_speakers(doc, [quote], [])
    assert quote.speaker.name == "SafeRide"


def test_it_in_a_headline_is_the_organisation_its_untagged_subject_opens():
    # Rule org_short_name_is_full for the untagged subject "Velmora".
    text = (
        "Velmora beats forecasts, but shares fall as it warns cloud growth will slow\n\n"
        "Velmora Systems reported higher sales on Tuesday.\n"
    )
    assert speaker_of(text, "cloud growth") == "Velmora Systems"


def test_an_untagged_name_in_apposition_to_a_common_noun_is_the_speaker():
    # Rule org_named_in_apposition: "the operator Trasporti Padani said “No”."
    rows: list[Row] = [
        ("the", "the", "DET", "DT", 1, "det", True),
        ("operator", "operator", "NOUN", "NN", 4, "nsubj", False),
        ("Trasporti", "Trasporti", "PROPN", "NNP", 3, "compound", False),
        ("Padani", "Padani", "PROPN", "NNP", 1, "appos", False),
        ("said", "say", "VERB", "VBD", 4, "ROOT", False),
        ("“", "“", "PUNCT", "``", 6, "punct", False),
        ("No", "no", "INTJ", "UH", 4, "ccomp", False),
        ("”", "”", "PUNCT", "''", 4, "punct", False),
        (".", ".", "PUNCT", ".", 4, "punct", False),
    ]
    doc = _doc(rows)
    quote = _quote(doc, (6, 7), 4, (0, 4))
    resolve_speakers(doc, [quote], [])
    assert quote.speaker.name == "Trasporti Padani"


def test_a_person_named_before_of_and_the_organisation_speaks_for_it():
    # Rule person_of_org_before: "Ana Roe of the cycling group Safe Lanes
    # said “No”." parsed with the organisation as the cue's subject.
    rows: list[Row] = [
        ("Ana", "Ana", "PROPN", "NNP", 1, "compound", True),
        ("Roe", "Roe", "PROPN", "NNP", 8, "dep", False),
        ("of", "of", "ADP", "IN", 1, "prep", False),
        ("the", "the", "DET", "DT", 5, "det", False),
        ("cycling", "cycling", "NOUN", "NN", 5, "compound", False),
        ("group", "group", "NOUN", "NN", 2, "pobj", False),
        ("Safe", "Safe", "PROPN", "NNP", 7, "compound", False),
        ("Lanes", "Lanes", "PROPN", "NNP", 8, "nsubj", False),
        ("said", "say", "VERB", "VBD", 8, "ROOT", False),
        ("“", "“", "PUNCT", "``", 10, "punct", False),
        ("No", "no", "INTJ", "UH", 8, "ccomp", False),
        ("”", "”", "PUNCT", "''", 8, "punct", False),
        (".", ".", "PUNCT", ".", 8, "punct", False),
    ]
    doc = _doc(rows)
    quote = _quote(doc, (10, 11), 8, (6, 8))
    people = [_person(doc, "e1", "Ana Roe", [(0, 2)]), _person(doc, "e2", "Safe Lanes", [(6, 8)], etype="ORG")]
    resolve_speakers(doc, [quote], people)
    assert quote.speaker.name == "Ana Roe"


def test_an_untagged_titled_name_in_apposition_is_the_person_described():
    # Rule titled_name_after_description: "The board's chair, Labour MP Ana
    # Vell, said “No”." with no entity tagged; the party and title go.
    rows: list[Row] = [
        ("The", "the", "DET", "DT", 1, "det", True),
        ("board", "board", "NOUN", "NN", 3, "poss", False),
        ("'s", "'s", "PART", "POS", 1, "case", False),
        ("chair", "chair", "NOUN", "NN", 10, "nsubj", False),
        (",", ",", "PUNCT", ",", 3, "punct", False),
        ("Labour", "Labour", "PROPN", "NNP", 6, "compound", False),
        ("MP", "MP", "PROPN", "NNP", 8, "compound", False),
        ("Ana", "Ana", "PROPN", "NNP", 8, "compound", False),
        ("Vell", "Vell", "PROPN", "NNP", 3, "appos", False),
        (",", ",", "PUNCT", ",", 3, "punct", False),
        ("said", "say", "VERB", "VBD", 10, "ROOT", False),
        ("“", "“", "PUNCT", "``", 12, "punct", False),
        ("No", "no", "INTJ", "UH", 10, "ccomp", False),
        ("”", "”", "PUNCT", "''", 10, "punct", False),
        (".", ".", "PUNCT", ".", 10, "punct", False),
    ]
    doc = _doc(rows)
    quote = _quote(doc, (12, 13), 10, (0, 9))
    resolve_speakers(doc, [quote], [])
    assert quote.speaker.name == "Ana Vell"


FILING = (
    "Orchard Press has {verb} the online retailer Bookvale{over}.\n\n"
    "The complaint says that Bookvale sold 40,000 copies without paying for them.\n"
)


def test_a_complaint_as_a_source_is_the_party_that_sued():
    # Rule filing_party.
    text = FILING.format(verb="sued", over=" over unpaid royalties")
    assert speaker_of(text, "40,000 copies") == "Orchard Press"


def test_a_complaint_with_no_suit_in_the_story_stays_as_written():
    text = FILING.format(verb="signed a deal with", over="")
    assert speaker_of(text, "40,000 copies") == "The complaint"


BALLET = (
    "Ballet warns of lost season\n\n{lead} has warned it may cancel its entire 2027 season after the city "
    "council cut its annual grant by a third.\n\n"
    "The council said the cut was needed to balance its budget. Its leader, Cllr Ann Hood, said every arts "
    "body had been treated the same way.\n\n"
    "Ticket sales rose last year, and the dancers have not had a pay rise since 2022.\n\n"
    "Its winter tour brought in 9,000 new ticket buyers, according to the company.\n"
)


def test_the_company_nothing_nearer_links_is_the_leads_subject():
    # Rule company_is_lead_subject.
    assert speaker_of(BALLET.format(lead="Tarrow Ballet"), "winter tour") == "Tarrow Ballet"


def test_the_company_is_not_a_person_who_opens_the_lead():
    assert speaker_of(BALLET.format(lead="Maria Tarrow"), "winter tour") != "Maria Tarrow"
