"""Per-rule counts for ``eval quotes --rules`` on hand-made attributions."""

from newsbrief.evaluation.polnear import Attribution, normalize_span
from newsbrief.evaluation.rules import UNNAMED, RuleStats
from newsbrief.model import Quote, Speaker, TextSpan

TEXT = "Reyes said the dam will hold. Reyes plans to retire. The firm denied the charge."


def _span(needle):
    s = TEXT.index(needle)
    return s, s + len(needle)


def _quote(content, cue, rule, type_="speech"):
    s, e = _span(content)
    cs, ce = _span(cue)
    return Quote(text=content, start=s, end=e, kind="indirect", speaker=Speaker(), cue=TextSpan(cue, cs, ce),
                 type=type_, rule=rule)  # fmt: skip


def test_rule_stats_polnear_exact_and_overlap():
    gold = [
        Attribution(content=normalize_span(TEXT, [_span("the dam will hold")])),
        Attribution(content=normalize_span(TEXT, [_span("to retire")])),
    ]
    quotes = [
        _quote("the dam will hold", "said", "clause"),
        _quote("plans to retire", "plans", "infinitive", "intention"),  # overlaps, not exact
        _quote("the charge", "denied", "object"),  # no gold at all
    ]
    stats = RuleStats()
    stats.add_polnear(TEXT, gold, quotes)
    rows = stats.to_dict()
    assert rows["clause"]["polnear"] == {
        "fired": 1, "exact": 1, "overlap": 1, "exact_precision": 1.0, "overlap_precision": 1.0
    }  # fmt: skip
    assert (rows["infinitive"]["polnear"]["exact"], rows["infinitive"]["polnear"]["overlap"]) == (0, 1)
    assert rows["object"]["polnear"]["overlap_precision"] == 0.0
    assert rows["object"]["articles"] == 1


def test_rule_stats_gold_scores_only_speech_and_names_unnamed_rules():
    quotes = [
        _quote("the dam will hold", "said", "clause"),
        _quote("plans to retire", "plans", "infinitive", "intention"),
        Quote(text="the charge", start=_span("the charge")[0], end=_span("the charge")[1], kind="indirect"),
    ]
    stats = RuleStats()
    stats.add_gold(TEXT, [_span("the dam will hold")], quotes)
    rows = stats.to_dict()
    assert rows["clause"]["gold"] == {"fired": 1, "right": 1, "unscored": 0, "precision": 1.0}
    assert rows["infinitive"]["gold"] == {"fired": 1, "right": 0, "unscored": 1, "precision": None}
    assert rows[UNNAMED]["gold"]["precision"] == 0.0


def test_rule_stats_count_not_speech_mark_rules():
    from newsbrief.model import Marked

    text = 'Locals call it "the Kettle". The "plan" failed, Reyes said "it failed".'

    def mark(needle, reason):
        s = text.index(needle)
        return Marked(text=needle, start=s, end=s + len(needle), type=reason.split(".")[0], reason=reason)

    marked = [mark("the Kettle", "name.calls"), mark("plan", "scare.unattributed_short")]
    stats = RuleStats()
    # Gold lists "the Kettle" as not speech; "plan" is not in the gold list.
    stats.add_marked_gold(text, [(text.index("the Kettle"), text.index("the Kettle") + 10)], marked)
    rows = stats.to_dict()
    assert (rows["name.calls"]["gold"]["fired"], rows["name.calls"]["gold"]["right"]) == (1, 1)
    assert (rows["scare.unattributed_short"]["gold"]["fired"], rows["scare.unattributed_short"]["gold"]["right"]) == (
        1,
        0,
    )
    # PolNeAR: a gold content that holds "plan" makes it an overlap (PolNeAR reads it as speech).
    clause = text.index("The")
    gold = [Attribution(content=normalize_span(text, [(clause, clause + len('The "plan" failed'))]))]
    stats = RuleStats()
    stats.add_marked_polnear(gold, marked)
    rows = stats.to_dict()
    assert rows["scare.unattributed_short"]["polnear"]["overlap"] == 1
    assert rows["name.calls"]["polnear"]["overlap"] == 0


def test_rule_stats_gold_pairs_by_the_scorers_iou_rule():
    text = 'Okafor said the levy, which "nobody asked for", would be scrapped next spring after a review of fees.'
    gold_piece = "nobody asked for"
    g = text.index(gold_piece)
    clause = "the levy, which \"nobody asked for\", would be scrapped next spring after a review of fees"
    c = text.index(clause)
    cue = text.index("said")
    # The clause covers the gold fragment (more than half of the shorter span) but its IoU with it is
    # far below 0.5: without a verbatim span it is no match, as ``eval quotes`` scores it.
    plain = Quote(text=clause, start=c, end=c + len(clause), kind="indirect", speaker=Speaker(),
                  cue=TextSpan("said", cue, cue + 4), type="speech", rule="clause")  # fmt: skip
    stats = RuleStats()
    stats.add_gold(text, [(g, g + len(gold_piece))], [plain])
    assert stats.to_dict()["clause"]["gold"]["right"] == 0
    # The same clause with its quoted words as a verbatim span matches through that piece.
    marked = Quote(text=clause, start=c, end=c + len(clause), kind="partial", speaker=Speaker(),
                   cue=TextSpan("said", cue, cue + 4), type="speech", rule="clause",
                   verbatim=[TextSpan(gold_piece, g, g + len(gold_piece))])  # fmt: skip
    stats = RuleStats()
    stats.add_gold(text, [(g, g + len(gold_piece))], [marked])
    assert stats.to_dict()["clause"]["gold"] == {"fired": 1, "right": 1, "unscored": 0, "precision": 1.0}
    # A non-speech attribution with quote marks is a statement for the scorer, so it is scored too.
    own = [TextSpan(gold_piece, g, g + len(gold_piece))]
    belief = Quote(text=gold_piece, start=g, end=g + len(gold_piece), kind="direct", speaker=Speaker(),
                   type="belief", rule="marks.verb_before", verbatim=own)  # fmt: skip
    stats = RuleStats()
    stats.add_gold(text, [(g, g + len(gold_piece))], [belief])
    assert stats.to_dict()["marks.verb_before"]["gold"]["unscored"] == 0
