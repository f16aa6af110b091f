"""The text brief counts statements: speech (and anything in quote marks) in
WHO SAID WHAT, and says how many other attributions there are."""

from newsbrief.cli.render import render_brief
from newsbrief.model import Brief, Quote, Speaker, TextSpan

TEXT = (
    'Ann Lee thinks the ferry is safe. Ann Lee said the ferry is "fine". '
    'Tom Berg plans to sail. Tom Berg fears "a storm".'
)


def _q(needle: str, kind: str, name: str, type_: str, marked: str | None = None) -> Quote:
    start = TEXT.index(needle)
    verbatim = []
    if marked:
        m = TEXT.index(marked)
        verbatim = [TextSpan(marked, m, m + len(marked))]
    return Quote(needle, start, start + len(needle), kind, Speaker(name=name), type=type_, verbatim=verbatim)  # type: ignore[arg-type]


def test_render_counts_statements_and_others():
    brief = Brief(
        text=TEXT,
        quotes=[
            _q("the ferry is safe", "indirect", "Ann Lee", "belief"),
            _q('the ferry is "fine"', "partial", "Ann Lee", "speech", "fine"),
            _q("to sail", "indirect", "Tom Berg", "intention"),
            # Words in quote marks are speech whatever the cue.
            _q("a storm", "partial", "Tom Berg", "belief", "a storm"),
        ],
    )
    out = render_brief(brief)
    assert "WHO SAID WHAT (2 statements, 2 speakers)" in out
    assert "the ferry is safe" not in out and "to sail" not in out
    assert "and 2 other attributions (beliefs 1, intentions 1)" in out


def test_render_counts_a_stance_apart_from_statements():
    text = "Ann Lee criticized the ferry timetable. Ann Lee said the ferry is late."
    crit, late = "the ferry timetable", "the ferry is late"
    quotes = [
        Quote(crit, text.index(crit), text.index(crit) + len(crit), "indirect", Speaker(name="Ann Lee"), type="stance"),
        Quote(late, text.index(late), text.index(late) + len(late), "indirect", Speaker(name="Ann Lee")),
    ]
    out = render_brief(Brief(text=text, quotes=quotes))
    assert "WHO SAID WHAT (1 statement, 1 speaker)" in out
    assert "the ferry timetable" not in out
    assert "and 1 other attribution (stances 1)" in out
