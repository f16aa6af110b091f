"""The quote-mark index: pairing every mark style, stray and unclosed marks
that stay local, typing by the named rules of data/marks.json, and the
lookups other finders use. Rule tests on plain text (no model), and a few
through the pipeline. All text is written for these tests."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.api import brief_from_doc
from newsbrief.ingest import Article
from newsbrief.stages.quotes.markindex import (
    MarkSpan,
    build_mark_index,
    index_from_dicts,
    inside_mark,
    inside_speech_mark,
    load_rules,
    marks_in,
    token_marks,
)
from newsbrief.stages.quotes.marks import find_marked_quotes

from .hand_docs import hand_doc


def _words(text: str) -> list[str]:
    return [text[s.start : s.end] for s in build_mark_index(text)]


@pytest.mark.parametrize(
    "text",
    [
        'Ann Lee said: "The road is shut." Then she left.',
        "Ann Lee said: “The road is shut.” Then she left.",
        "Ann Lee said: ‘The road is shut.’ Then she left.",
        "Ann Lee said: 'The road is shut.' Then she left.",
        "Ann Lee said: «The road is shut.» Then she left.",
        "Ann Lee said: „The road is shut.“ Then she left.",
        "Ann Lee said: ''The road is shut.'' Then she left.",
    ],
    ids=["straight", "curly", "curly-single", "straight-single", "guillemets", "low-open", "two-apostrophes"],
)
def test_markindex_styles(text):
    (span,) = build_mark_index(text)
    assert text[span.start : span.end] == "The road is shut."
    assert span.type == "speech"
    assert text[span.open] in "\"“‘'«„"


def test_markindex_apostrophes_are_not_marks():
    text = "It's Ann's view that the '90s were loud, that rock 'n' roll lives and the teachers' union won't strike."
    assert _words(text) == []


def test_markindex_stray_closing_mark_stays_local_without_paragraphs():
    # One paragraph, an inch mark early on: the quotes after it still pair.
    text = (
        'The 12" pipe under Mill Street burst on Monday. "We fixed it by noon," Ann Lee said. '
        '"It will hold for years," she added. "Nobody lost water for long," Tom Berg said.'
    )
    assert _words(text) == ["We fixed it by noon,", "It will hold for years,", "Nobody lost water for long,"]


def test_markindex_stray_opening_mark_stays_local_without_paragraphs():
    text = (
        'The mayor called the "plan a mess. "We fixed it by noon," Ann Lee said. '
        '"It will hold for years," she added. "Nobody lost water for long," Tom Berg said.'
    )
    assert _words(text) == ["We fixed it by noon,", "It will hold for years,", "Nobody lost water for long,"]


def test_markindex_stray_mark_keeps_brief_local(nlp):
    text = (
        'The 12" pipe under Mill Street burst on Monday. "We fixed it by noon," Ann Lee said. '
        '"It will hold for years," she added.'
    )
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert [v.text for q in brief.quotes for v in q.verbatim] == ["We fixed it by noon,", "It will hold for years,"]


def test_markindex_paragraph_reopens_quote():
    text = (
        '"We have planned the new school for a very long time and it is nearly ready.\n\n'
        '"Now we need teachers," Ann Lee said.\n\nThe board agreed.'
    )
    first, second = build_mark_index(text)
    assert first.close is None and second.close is not None
    assert first.group == second.group
    assert text[second.start : second.end] == "Now we need teachers,"


def test_markindex_unclosed_quote_ends_with_its_sentence():
    text = '"The county has not paid for the bridge repairs it promised two years ago. Work stopped in May.'
    (span,) = build_mark_index(text)
    assert span.close is None
    assert text[span.start : span.end] == "The county has not paid for the bridge repairs it promised two years ago."


def test_markindex_short_unclosed_mark_is_dropped():
    assert _words('He was 6\'2" tall.\n\nShe said "no more.\n\nThe end.') == []


def test_markindex_nested_quote_belongs_to_outer():
    text = "\"She told me 'never again' last year,\" Ann Lee said."
    (span,) = build_mark_index(text)
    assert text[span.start : span.end] == "She told me 'never again' last year,"


@pytest.mark.parametrize(
    ("text", "type_", "reason"),
    [
        ('The striker Pedro "The Cat" Alves scored twice.', "name", "name.nickname"),
        ('The bridge, known as "the Iron Lady", reopened.', "name", "name.known_as"),
        ('A storm dubbed "Big Wind" hit the coast.', "name", "name.known_as"),
        ('Voters rejected the so-called "fair tax" in March.', "scare", "scare.so_called"),
        ('The mayor used the word "maybe" nine times.', "word", "word.mention"),
        ('She wrote a book titled "Small Towns at Night" last year.', "title", "title.titled"),
        ('He read the novel "Rivers of Salt" on the train.', "title", "title.work_noun"),
        ('The show aired on CBC\'s "Morning Edition" last week.', "title", "title.possessive"),
        ('The clock read "12:30" when it stopped.', "word", "word.no_letters"),
    ],
)
def test_markindex_not_speech_rules(text, type_, reason):
    (span,) = build_mark_index(text)
    assert (span.type, span.reason) == (type_, reason)


def test_markindex_person_naming_is_speech():
    (span,) = build_mark_index('The senator, who she dubbed "a coward", did not reply.')
    assert span.type == "speech"


def test_markindex_rules_are_named_data():
    rules = load_rules()
    names = [r.name for r in rules]
    assert len(names) == len(set(names))
    assert {r.type for r in rules} <= {"name", "title", "scare", "word", "same"}
    # "same" (the type of the quote before) only for coordinated quotes: a
    # listed mark always gets one of the four types.
    assert {r.test for r in rules if r.type == "same"} == {"coordinated_after_mark"}
    assert all(r.name.split(".")[0] == r.type for r in rules)


def test_markindex_rules_from_another_file(tmp_path):
    path = tmp_path / "marks.json"
    rule = {"rule": "word.coined", "type": "word", "test": "frame_before", "phrases": ["coined"]}
    path.write_text(json.dumps({"rules": [rule]}), encoding="utf-8")
    (span,) = build_mark_index('She coined "blue sky" in 1990.', load_rules(str(path)))
    assert span.reason == "word.coined"


def test_markindex_lookups():
    text = 'Ann Lee said "we are ready" and the so-called "plan B" waited.'
    index = build_mark_index(text)
    speech, scare = index.spans
    assert speech.is_speech and not scare.is_speech
    assert inside_mark(index, text.index("ready")) and inside_speech_mark(index, text.index("ready"))
    assert inside_mark(index, text.index("plan B")) and not inside_speech_mark(index, text.index("plan B"))
    assert not inside_mark(index, text.index("waited"))
    assert inside_mark(index, speech.open) and inside_mark(index, speech.close)
    assert marks_in(index, 0, len(text)) == [speech]
    assert marks_in(index, 0, len(text), speech_only=False) == [speech, scare]
    assert marks_in(index, speech.start + 1, len(text)) == []
    starts = [0, 4, 8, 13, 14, 17, 21, 26, 28]
    assert token_marks(index, starts) == [-1, -1, -1, 0, 0, 0, 0, 0, -1]
    back = index_from_dicts(json.loads(json.dumps(index.to_dicts())))
    assert [s.to_dict() for s in back] == index.to_dicts()


def test_markindex_stage_writes_marks_and_marked(nlp):
    text = 'The ferry known as "Old Blue" sank. "Nobody was hurt," the captain said.'
    doc = nlp(text)
    layer = doc._.nb_marks
    assert [(d["type"], d["reason"]) for d in layer] == [("name", "name.known_as"), ("speech", "speech")]
    for d in layer:
        assert text[d["open"]] == '"' and text[d["close"]] == '"'
        assert d["open"] < d["start"] < d["end"] <= d["close"]
    brief = brief_from_doc(doc, Article(text=text))
    (marked,) = brief.marked
    assert (marked.text, marked.type, marked.reason) == ("Old Blue", "name", "name.known_as")
    assert [q.text for q in brief.quotes] == ["Nobody was hurt,"]


_WORDS = st.sampled_from(["the", "road", "Ann", "is", "shut", "don't", "'90s", "said", "we", "go", "Lee's", "12\""])
_MARKS = st.sampled_from(['"', "“", "”", "'", "‘", "’", "''", "«", "»"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_WORDS, _MARKS, st.sampled_from([" ", "\n", "\n\n", ", ", ". "])), max_size=40))
def test_markindex_offsets_property(pieces):
    """Whatever the marks, spans never overlap and point inside the text."""
    text = " ".join(pieces)
    index = build_mark_index(text)
    prev_end = -1
    for span in index:
        assert isinstance(span, MarkSpan)
        assert prev_end <= span.open < span.start < span.end <= len(text)
        assert text[span.start : span.end] == text[span.start : span.end].strip()
        if span.close is not None:
            assert span.end <= span.close
        prev_end = span.outer_end


# ---------------------------------------------------------------- naming, titles set off by commas, modifiers


@pytest.mark.parametrize(
    ("text", "content", "type_", "reason"),
    [
        ('Locals call the footbridge "the Needle" because it sways.', "the Needle", "name", "name.calls"),
        ('Staff call them "the night owls," and the name has stuck.', "the night owls,", "name", "name.calls"),
        ('The shop sits on what traders call "Copper Row" these days.', "Copper Row", "name", "name.calls"),
        ("Pupils call the new block 'the Fridge' in winter.", "the Fridge", "name", "name.calls"),
        ('The old mill, known locally as "the Tooth", is for sale.', "the Tooth", "name", "name.known_as"),
        ('The board will publish a study, "Roads After Rain", next spring.', "Roads After Rain", "title",
         "title.work_noun_apposition"),
        ('In a paper released on Friday, “A Fairer Levy,” the group set out its sums.', "A Fairer Levy,", "title",
         "title.work_noun_apposition"),
        ('The firm launched its "Green Mile" scheme in March.', "Green Mile", "name", "name.modifier"),
        ("Voters backed the ‘Fix Our Roads’ campaign by a wide margin.", "Fix Our Roads", "name", "name.modifier"),
        ('The council dropped the "2040 Vision" document last year.', "2040 Vision", "name", "name.modifier"),
    ],
)
def test_markindex_names_titles_and_modifiers(text, content, type_, reason):
    (span,) = build_mark_index(text)
    assert text[span.start : span.end] == content
    assert (span.type, span.reason) == (type_, reason)


@pytest.mark.parametrize(
    "text",
    [
        # The past tense of "call" reports a speech act: a partial quote.
        'The union called the offer "the worst in a decade" on Monday.',
        # A characterisation that is no name ("a ..."), present tense or not.
        'Critics call the levy "a tax on the poor" and want it scrapped.',
        # A person's coinage: a pronoun naming is speaking ('who he dubbed').
        'She rails against what she calls "the Quiet Club" of donors.',
        # Branding a person or a plan with words is speaking ('branded the plan "..."').
        'The mayor branded the plan "a disgrace" on Monday.',
        # "calls for" is a demand, not a name.
        'He calls for "Real Change" in every speech.',
        # A headline in title case: "Calls" names nothing.
        "Mayor Calls Budget 'Reckless.'\nThe mayor spoke on Monday.",
        # Not set off after a work noun, and not in title case.
        'She wrote in a report last month, "we found nothing wrong," and left it there.',
        # A determiner before, but the words are the phrase itself: 'the "X" is'.
        'He warned that the "Quiet Deal" is falling apart.',
        # "that" before the mark is mostly "said that": speech.
        'The firm said that "We never hid anything" the day after.',
        # Lower-case words between a determiner and a noun are left to the parse rules.
        'They promised a "temporary" closure of the road.',
    ],
)
def test_markindex_speech_that_looks_like_a_name(text):
    (span,) = build_mark_index(text)
    assert span.type == "speech", text[span.start : span.end]


def test_markindex_same_rules_for_single_and_double_marks():
    # The same sentences with British single marks and with double marks type alike.
    double = (
        'Locals call it "the Ladder". The firm ran its "Clean Streets" drive, and a review, "Bins and Bills", '
        'came out. "We will keep going," the firm said.'
    )
    single = double.replace('"', "'")
    assert [(s.type, s.reason) for s in build_mark_index(single)] == [
        (s.type, s.reason) for s in build_mark_index(double)
    ]
    assert [s.type for s in build_mark_index(double)] == ["name", "name", "title", "speech"]


def test_markindex_new_rule_options_load_from_data():
    rules = {r.name: r for r in load_rules()}
    assert rules["name.calls"].object_words == 3 and rules["name.calls"].name_like
    assert rules["title.work_noun_apposition"].gap_words == 4
    assert "is" in rules["name.modifier"].not_followed_by


def test_markindex_name_is_never_reported_on_a_hand_built_doc():
    # 'Locals call the bridge "the Needle," Ann Lee said.' with its parse given:
    # the naming inside Ann Lee's reported speech is no quote of hers.
    rows = [
        ("Locals", "local", "NOUN", "NNS", 1, "nsubj"),
        ("call", "call", "VERB", "VBP", 11, "ccomp"),
        ("the", "the", "DET", "DT", 3, "det"),
        ("bridge", "bridge", "NOUN", "NN", 1, "dobj"),
        ('"', '"', "PUNCT", "``", 6, "punct"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("Needle", "Needle", "PROPN", "NNP", 1, "oprd"),
        (",", ",", "PUNCT", ",", 11, "punct"),
        ('"', '"', "PUNCT", "''", 11, "punct"),
        ("Ann", "Ann", "PROPN", "NNP", 10, "compound"),
        ("Lee", "Lee", "PROPN", "NNP", 11, "nsubj"),
        ("said", "say", "VERB", "VBD", 11, "ROOT"),
        (".", ".", "PUNCT", ".", 11, "punct"),
    ]
    spaces = [True, True, True, True, False, True, False, False, True, True, True, False, False]
    doc = hand_doc(rows, ents=[(9, 11, "PERSON")], spaces=spaces)
    assert doc.text == 'Locals call the bridge "the Needle," Ann Lee said.'
    index = build_mark_index(doc.text)
    (span,) = index
    assert (span.type, span.reason) == ("name", "name.calls")
    assert [q.text for q in find_marked_quotes(doc, index)] == []
    # Speech in the same place is a quote of Ann Lee's: '"The road is shut," Ann Lee said.'
    rows = [
        ('"', '"', "PUNCT", "``", 3, "punct"),
        ("The", "the", "DET", "DT", 2, "det"),
        ("road", "road", "NOUN", "NN", 3, "nsubj"),
        ("is", "be", "AUX", "VBZ", 9, "ccomp"),
        ("shut", "shut", "ADJ", "JJ", 3, "acomp"),
        (",", ",", "PUNCT", ",", 9, "punct"),
        ('"', '"', "PUNCT", "''", 9, "punct"),
        ("Ann", "Ann", "PROPN", "NNP", 8, "compound"),
        ("Lee", "Lee", "PROPN", "NNP", 9, "nsubj"),
        ("said", "say", "VERB", "VBD", 9, "ROOT"),
        (".", ".", "PUNCT", ".", 9, "punct"),
    ]
    spaces = [False, True, True, True, False, False, True, True, True, False, False]
    doc = hand_doc(rows, ents=[(7, 9, "PERSON")], spaces=spaces)
    assert doc.text == '"The road is shut," Ann Lee said.'
    (quote,) = find_marked_quotes(doc, build_mark_index(doc.text))
    assert quote.text == "The road is shut,"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # s' before a noun reads as a plural possessive, but nothing else closes the quote.
        ("Voters backed the ‘Safe Streets’ campaign by a wide margin.", ["Safe Streets"]),
        ("Voters backed the 'Safe Streets' campaign by a wide margin.", ["Safe Streets"]),
        # A new quote opens after it: the possessive-looking mark closed the last one.
        ("The 'Safe Streets' plan passed, and 'We won,' Ann Lee said.", ["Safe Streets", "We won,"]),
        # A real plural possessive inside a quote that closes later stays inside.
        ("'The drivers' union will not sign,' Ann Lee said.", ["The drivers' union will not sign,"]),
        # A quote that runs on into the next paragraph keeps its possessive inside.
        (
            "'We speak for the drivers' union and we will be heard in every depot.\n\n'Mark my words,' Ann Lee said.",
            ["We speak for the drivers' union and we will be heard in every depot.", "Mark my words,"],
        ),
        # Possessives with no quote open are no marks at all.
        ("The drivers' union and the cleaners' union met on Friday.", []),
    ],
)
def test_markindex_single_marks_and_plural_possessives(text, words):
    assert _words(text) == words


def test_markindex_elision_inside_a_single_quote():
    # The second mark of 'n' does not close the quote it stands in.
    assert _words("'We play rock 'n' roll every Friday,' the landlord said.") == [
        "We play rock 'n' roll every Friday,"
    ]


@pytest.mark.parametrize(
    ("text", "type_", "reason"),
    [
        # Naming oneself is a name even after "which" (unlike 'who he dubbed "..."').
        ('The band, which calls itself "Low Tide", played on.', "name", "name.self_named"),
        ('The headline read "Council Says No" on Tuesday.', "title", "title.titled"),
        ('The bank opened an app, branded "Pocket Plus", in May.', "name", "name.branded"),
    ],
)
def test_markindex_more_not_speech_frames(text, type_, reason):
    (span,) = build_mark_index(text)
    assert (span.type, span.reason) == (type_, reason)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # No plural before the mark: it closes ("generous" is no plural noun).
        ("The firm said it paid 'generous' bonuses, and 'We are proud of that,' its boss said.",
         ["generous", "We are proud of that,"]),
        # A possessive is never followed by a preposition or a conjunction.
        ("She said the land had 'better uses' for the town.\n\n'It is ours,' she said.",
         ["better uses", "It is ours,"]),
        ("They are known as 'forever chemicals' because they last.\n\n'Test the wells,' Ann Lee said.",
         ["forever chemicals", "Test the wells,"]),
    ],
)
def test_markindex_closing_mark_after_s(text, words):
    assert _words(text) == words


# ---------------------------------------------------------------- appositions, habitual naming, 'known to X as'


@pytest.mark.parametrize(
    ("text", "content", "type_", "reason"),
    [
        # 'known as' with the people who use the name in between.
        ('The lane, known to dog walkers as "the Chute," floods in March.', "the Chute,", "name", "name.known_to_as"),
        ("The quarry is known in the village as 'Big Hole' these days.", "Big Hole", "name", "name.known_to_as"),
        ('She is known simply as "Nan" on the ward.', "Nan", "name", "name.known_to_as"),
        # Habitual naming: not one speech act.
        ('The striker, whom supporters have taken to calling "the Kettle," scored twice.', "the Kettle,", "name",
         "name.calls"),
        ('Residents started calling the tower "the Pencil" in 1990.', "the Pencil", "name", "name.calls"),
        # A name set off by a comma after the noun it names.
        ("The firm will stop making its oldest brand, the ‘Copper Kettle’, next year.", "Copper Kettle", "name",
         "name.apposition"),
        ('He went by a nickname, "Tam," all his life.', "Tam,", "name", "name.apposition"),
    ],
)
def test_markindex_appositions_and_habitual_names(text, content, type_, reason):
    (span,) = build_mark_index(text)
    assert text[span.start : span.end] == content
    assert (span.type, span.reason) == (type_, reason)


@pytest.mark.parametrize(
    "text",
    [
        # 'known to' a belief: not a name.
        'The minister is known to regard the deal as "a surrender on every front."',
        # One act of calling: speech, as 'called the plan "..."' is.
        'The mayor hit back, calling the report "a hatchet job."',
        # A comma after a product, but someone's words, not a name.
        'She said the product, "a waste of everyone\'s money," would be withdrawn.',
        # A naming noun and a comma, but a whole slogan: longer than a name.
        'The brand, "We Bake It Better Than Anyone Else," was dropped.',
    ],
)
def test_markindex_apposition_and_known_to_frames_leave_speech(text):
    (span,) = build_mark_index(text)
    assert span.type == "speech", text[span.start : span.end]


def test_markindex_wildcard_phrase_loads_from_data():
    rules = {r.name: r for r in load_rules()}
    known = rules["name.known_to_as"].pattern
    assert known.search("a path known to the older fishermen as ") is not None
    assert known.search("a path known to many of the older fishermen as ") is None  # at most three words
    assert known.search("a path known, to fishermen, as ") is None  # never across a comma
    assert rules["name.apposition"].pattern.search("its newest model, the ") is not None


def test_markindex_brand_in_a_reported_clause_is_no_verbatim_span(nlp):
    text = (
        'Ann Lee, the union\'s secretary, said the firm would move its best-known brand, the "Red Mill", to Hull.\n\n'
        '"We will not give up," she said.'
    )
    brief = brief_from_doc(nlp(text), Article(text=text))
    assert [(m.text, m.reason) for m in brief.marked] == [("Red Mill", "name.apposition")]
    statements = [q for q in brief.quotes if q.type == "speech"]
    (reported,) = [q for q in statements if "Red Mill" in q.text]
    # The brand in the reported clause is no verbatim span of Ann Lee's: the report is indirect.
    assert reported.kind == "indirect" and reported.verbatim == []
    assert "We will not give up," in [q.text for q in statements]


# ---------------------------------------------------------------- naming nouns, 'known at X as', definitions, titles


@pytest.mark.parametrize(
    ("text", "content", "type_", "reason"),
    [
        # 'known as' with a place or a time between: who uses the name.
        ('The ferry, known at the harbour as "the Old Tub," sails at six.', "the Old Tub,", "name",
         "name.known_to_as"),
        ("The corner is known around town as 'Cold Corner' for a reason.", "Cold Corner", "name",
         "name.known_to_as"),
        # A noun that says the words are a name, even after a pronoun object.
        ('Her crew gave her the nickname "the Anchor" in her first season.', "the Anchor", "name",
         "name.naming_noun"),
        ('He wrote thrillers under the pen name "J. R. Vell" for a decade.', "J. R. Vell", "name",
         "name.naming_noun"),
        # A word whose meaning is at issue, not someone's words.
        ('The row turned on the legal definition of "resident" in the bylaw.', "resident", "word", "word.mention"),
        ('Nobody agreed on the meaning of "affordable" that night.', "affordable", "word", "word.mention"),
        # A title after the work it names, its short prepositions in lower case.
        ('Her second novel, "Letters from the Salt Marsh," won the prize.', "Letters from the Salt Marsh,",
         "title", "title.work_noun"),
        # A title as the object of a verb that publishes or performs a work.
        ('The label will reissue "Nights on the Border Road" in May.', "Nights on the Border Road", "title",
         "title.work_verb"),
        ("The youth theatre staged 'The Lighthouse Keeper' to full houses.", "The Lighthouse Keeper", "title",
         "title.work_verb"),
    ],
)
def test_markindex_naming_nouns_definitions_and_titles(text, content, type_, reason):
    (span,) = build_mark_index(text)
    assert text[span.start : span.end] == content
    assert (span.type, span.reason) == (type_, reason)


@pytest.mark.parametrize(
    "text",
    [
        # The nickname talked about in a sentence of someone's own: words, not the name.
        'He hates the nickname "it makes me sound ninety," he said.',
        # 'known at' a time, with someone's words after: not name-like.
        'The site was known at the time as "a place nobody wanted to work."',
        # A work noun, but the comma and the words are someone's view of it.
        'She said the album, "a mess from start to finish," would not be reissued.',
        # Published words in sentence case are someone's words, and sung words are the singer's.
        'The paper published "we got this badly wrong" on its front page.',
        'The crowd sang "Bring Them Home" as the bus left.',
    ],
)
def test_markindex_new_frames_leave_speech(text):
    (span,) = build_mark_index(text)
    assert span.type == "speech", text[span.start : span.end]


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("The Art of the Deal", True),
        ("Songs from the Night Ferry", True),  # a long preposition in lower case
        ("Walking through the Fire with Tom Hale", True),
        ("She is too far behind,", False),  # short words and a preposition: a sentence
        ("One of us ran against Mayor Duff,", False),
        ("Nobody from the council came", False),
        ("from the Back Room", False),  # a title starts with a capital
    ],
)
def test_markindex_title_case_allows_lower_case_prepositions(content, title):
    from newsbrief.stages.quotes.markindex import is_title_case

    assert is_title_case(content) is title


def test_markindex_title_with_lower_case_preposition_is_no_quote_in_the_writers_sentence():
    # 'The band played "Songs from the Night Ferry" twice.': a title-case
    # fragment in the writer's sentence, its verb no speech verb: a title.
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("band", "band", "NOUN", "NN", 2, "nsubj"),
        ("played", "play", "VERB", "VBD", 2, "ROOT"),
        ('"', '"', "PUNCT", "``", 4, "punct"),
        ("Songs", "song", "NOUN", "NNS", 2, "dobj"),
        ("from", "from", "ADP", "IN", 4, "prep"),
        ("the", "the", "DET", "DT", 8, "det"),
        ("Night", "night", "PROPN", "NNP", 8, "compound"),
        ("Ferry", "Ferry", "PROPN", "NNP", 5, "pobj"),
        ('"', '"', "PUNCT", "''", 4, "punct"),
        ("twice", "twice", "ADV", "RB", 2, "advmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    spaces = [True, True, True, False, True, True, True, True, False, True, False, False]
    doc = hand_doc(rows, spaces=spaces)
    assert doc.text == 'The band played "Songs from the Night Ferry" twice.'
    index = build_mark_index(doc.text)
    assert find_marked_quotes(doc, index) == []
    (span,) = index
    assert (span.type, span.reason) == ("title", "title.title_case_fragment")
