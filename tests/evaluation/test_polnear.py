from newsbrief.evaluation.polnear import (
    Attribution,
    PolnearScores,
    annotator_agreement,
    attributions_from_quotes,
    carries_quote_marks,
    load_polnear,
    normalize_span,
    parse_ann,
    score_attributions,
)
from newsbrief.model import Quote, Speaker, TextSpan

TEXT = '“We will win,” Smith said, “and soon.” Jones said that taxes would rise.'


def _at(needle, start=0):
    s = TEXT.index(needle, start)
    return s, s + len(needle)


def _ann():
    # Smith's split quote as one discontinuous content; Jones' reported clause with "that".
    c1, c2 = _at("“We will win,”"), _at("“and soon.”")
    src, cue = _at("Smith"), _at("said")
    jsrc, jcue = _at("Jones"), _at("said", _at("Jones")[0])
    jcontent = (jcue[1] + 1, len(TEXT))
    return "\n".join(
        [
            f"T1\tContent {c1[0]} {c1[1]};{c2[0]} {c2[1]}\t{TEXT[c1[0]:c1[1]]} {TEXT[c2[0]:c2[1]]}",
            f"T2\tSource {src[0]} {src[1]}\tSmith",
            f"T3\tCue {cue[0]} {cue[1]}\tsaid",
            f"T4\tAttribution {cue[0]} {cue[1]}\tsaid",
            "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
            f"T5\tSource {jsrc[0]} {jsrc[1]}\tJones",
            f"T6\tCue {jcue[0]} {jcue[1]}\tsaid",
            f"T7\tContent {jcontent[0]} {jcontent[1]}\t{TEXT[jcontent[0]:]}",
            f"T8\tAttribution {jcue[0]} {jcue[1]}\tsaid",
            "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
            "a stray continuation line of a span text",
            "#1\tAnnotatorNotes T1\tnote",
        ]
    )


def _text(span):
    return " | ".join(TEXT[s:e] for s, e in span)


def test_polnear_normalize_strips_marks_punct_and_that():
    span = normalize_span(TEXT, [_at("“We will win,”")])
    assert _text(span) == "We will win"
    s = TEXT.index("that taxes")
    assert _text(normalize_span(TEXT, [(s, len(TEXT))])) == "taxes would rise"
    assert normalize_span(TEXT, [_at("“")]) is None


def test_polnear_parse_ann_discontinuous_and_events():
    gold = parse_ann(TEXT, _ann())
    assert len(gold) == 2
    smith, jones = gold
    assert _text(smith.content) == "We will win | and soon"
    assert _text(smith.source) == "Smith" and _text(smith.cue) == "said"
    assert smith.marked and not jones.marked
    assert _text(jones.content) == "taxes would rise"


def test_polnear_parse_ann_content2_and_no_source():
    text = "Rain is coming, forecasters warned, and soon."
    ann = "T1\tCue 16 34\tforecasters warned\nT2\tContent 0 14\tRain is coming\nT3\tContent2 36 45\tand soon.\n"
    ann += "E1\tAttribution-no-source:T1 Cue:T1 Content:T2 Content2:T3\n"
    (att,) = parse_ann(text, ann)
    assert att.source is None
    assert [text[s:e] for s, e in att.content] == ["Rain is coming", "and soon"]


def test_polnear_quote_marks_detection():
    assert carries_quote_marks(TEXT, [_at("We will win")])  # the marks sit just outside
    assert not carries_quote_marks("It’s Jones’ plan, he said", [(0, 16)])  # apostrophes only
    assert carries_quote_marks("He called it ‘a mess’ today", [(13, 20)])


def _split_quote_prediction():
    cue = TextSpan("said", *_at("said"))
    mention = TextSpan("Smith", *_at("Smith"))
    q1 = Quote("We will win,", *_at("We will win,"), "direct", speaker=Speaker(mention=mention), cue=cue)
    q2 = Quote("and soon.", *_at("and soon."), "direct", speaker=Speaker(mention=mention), cue=cue)
    return [q1, q2]


def test_polnear_split_quotes_merge_into_one_attribution():
    (att,) = attributions_from_quotes(TEXT, _split_quote_prediction())
    assert _text(att.content) == "We will win | and soon"
    assert att.marked


def test_polnear_score_exact_and_overlap():
    gold = parse_ann(TEXT, _ann())
    jcue = _at("said", _at("Jones")[0])
    # Jones' clause found one word short: overlap match, not exact.
    clause = TEXT.index("taxes")
    jones = Quote(
        "taxes would", clause, clause + len("taxes would"), "indirect",
        speaker=Speaker(mention=TextSpan("Jones", *_at("Jones"))), cue=TextSpan("said", *jcue),
    )
    pred = attributions_from_quotes(TEXT, [*_split_quote_prediction(), jones])
    scores = PolnearScores()
    score_attributions(gold, pred, scores)
    data = scores.to_dict()
    assert data["all"]["content"]["exact"]["matched"] == 1
    assert data["all"]["content"]["overlap"]["matched"] == 2
    assert data["all"]["source"]["exact"]["f1"] == 1.0
    assert data["all"]["cue"]["exact"]["f1"] == 1.0
    assert data["quote_marked"]["content"]["exact"] == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "matched": 1, "pred": 1, "gold": 1,
    }


def test_polnear_score_duplicates_count_once():
    a = Attribution(source=((0, 5),), cue=((6, 10),), content=((11, 20),))
    b = Attribution(source=((0, 5),), cue=((30, 34),), content=((35, 40),))
    scores = PolnearScores()
    score_attributions([a], [a, b], scores)
    source = scores.scores["all"]["source"]["exact"]
    assert (source.n_pred, source.matched_pred) == (1, 1)


def test_polnear_load_picks_first_annotator(tmp_path):
    base = tmp_path / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    (base / "attributions" / "story_bb.ann").write_text(_ann(), encoding="utf-8")
    (base / "attributions" / "story_aa.ann").write_text("", encoding="utf-8")
    (doc,) = load_polnear(tmp_path, "dev")
    assert doc.ann_path.name == "story_aa.ann"
    assert doc.annotations_available == 2
    assert doc.attributions == []


def test_polnear_normalize_joins_pieces_split_by_punctuation():
    text = '"We won. They lost," she said, "again."'
    two = normalize_span(text, [(1, 8), (9, 19)])
    one = normalize_span(text, [(0, 20)])
    assert two == one == ((1, 18),)
    # Words between pieces keep them apart.
    assert len(normalize_span(text, [(1, 18), (31, 38)])) == 2


def test_polnear_annotator_agreement_scores_second_annotator_against_first(tmp_path):
    base = tmp_path / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    for name in ("story", "single"):
        (base / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    full = _ann()
    # The second annotator kept Smith's attribution only.
    smith_only = "\n".join(line for line in full.splitlines() if line.split("\t")[0] in ("T1", "T2", "T3", "T4", "E1"))
    (base / "attributions" / "story_aa.ann").write_text(full, encoding="utf-8")
    (base / "attributions" / "story_bb.ann").write_text(smith_only, encoding="utf-8")
    (base / "attributions" / "single_aa.ann").write_text(full, encoding="utf-8")
    docs = load_polnear(tmp_path, "dev")
    assert [d.second_attributions is not None for d in docs] == [False, True]  # sorted: single, story
    scores = annotator_agreement(docs, "dev")
    assert scores.documents == 1  # only the article two people annotated
    content = scores.scores["all"]["content"]["exact"]
    assert (content.precision, content.recall) == (1.0, 0.5)
    marked = scores.scores["quote_marked"]["content"]["exact"]
    assert marked.f1 == 1.0


def test_polnear_scores_every_attribution_type():
    # PolNeAR annotates beliefs, intentions and evidence too: a quote of any
    # type becomes an attribution, its content trimmed of a leading "that".
    text = "Jones thinks that taxes would rise. Jones plans to run."
    belief_s = text.index("that taxes")
    belief_e = text.index(".")
    plan_s = text.index("to run")

    def quote(start, end, cue, type_):
        cs = text.index(cue)
        return Quote(
            text=text[start:end], start=start, end=end, kind="indirect", type=type_,
            speaker=Speaker(mention=TextSpan("Jones", 0, 5)), cue=TextSpan(cue, cs, cs + len(cue)),
        )  # fmt: skip

    quotes = [quote(belief_s, belief_e, "thinks", "belief"), quote(plan_s, len(text) - 1, "plans", "intention")]
    pred = attributions_from_quotes(text, quotes)
    assert [" ".join(text[s:e] for s, e in a.content) for a in pred] == ["taxes would rise", "to run"]
    gold = [Attribution(content=a.content, cue=a.cue, source=a.source) for a in pred]
    scores = PolnearScores()
    score_attributions(gold, pred, scores)
    assert scores.scores["all"]["content"]["exact"].to_dict()["f1"] == 1.0


def _reported(text, content, cue, source, at=0):
    s = text.index(content, at)
    cs, ms = text.index(cue, at), text.index(source, at)
    return Quote(
        text=content, start=s, end=s + len(content), kind="indirect",
        speaker=Speaker(mention=TextSpan(source, ms, ms + len(source))), cue=TextSpan(cue, cs, cs + len(cue)),
    )  # fmt: skip


def test_polnear_coordinated_statements_of_one_cue_are_one_content():
    # newsbrief: two statements sharing "said"; PolNeAR: one content over both.
    text = "Lee said the mill would close and that the staff would move. Kim said the port was shut; that was news."
    quotes = [
        _reported(text, "the mill would close", "said", "Lee"),
        _reported(text, "the staff would move", "said", "Lee"),
        _reported(text, "the port was shut", "said", "Kim", at=text.index("Kim")),
    ]
    lee, kim = attributions_from_quotes(text, quotes)
    assert [text[s:e] for s, e in lee.content] == ["the mill would close and that the staff would move"]
    assert [text[s:e] for s, e in kim.content] == ["the port was shut"]


def test_polnear_split_quote_halves_stay_two_fragments():
    # Only a conjunction and "that" join two contents: a cue between them does not.
    text = "“The mill will close,” Lee said, “and that is final.”"
    first, second = "The mill will close", "and that is final"
    quotes = [_reported(text, first, "said", "Lee"), _reported(text, second, "said", "Lee")]
    (att,) = attributions_from_quotes(text, quotes)
    assert [text[s:e] for s, e in att.content] == [first, second]


def test_polnear_interrupted_statement_loses_its_cue_and_source():
    text = "The new toll, as the council reported, will start in May. The fee, she said, will rise."
    toll = _reported(text, "The new toll, as the council reported, will start in May", "reported", "the council")
    fee = _reported(text, "The fee, she said, will rise", "said", "she", at=text.index("The fee"))
    a, b = attributions_from_quotes(text, [toll, fee])
    assert [text[s:e] for s, e in a.content] == ["The new toll", "will start in May"]
    assert [text[s:e] for s, e in b.content] == ["The fee", "will rise"]
    assert [text[s:e] for s, e in b.source] == ["she"]
