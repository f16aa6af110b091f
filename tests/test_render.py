"""newsbrief.render_html and the span nesting under it."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

import newsbrief
from newsbrief.render import nest_spans, render_html

from .service_data import EXTRA_ARTICLE, XSS_IMG, XSS_SCRIPT, xss_brief


class _Collect(HTMLParser):
    """Rebuilds the text and, for each span id, the characters it covers; fails on bad nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.stack: list[str | None] = []
        self.covered: dict[str, set[int]] = {}

    def handle_starttag(self, tag, attrs):
        assert tag == "span"
        self.stack.append(dict(attrs).get("data-id"))

    def handle_endtag(self, tag):
        assert tag == "span" and self.stack
        self.stack.pop()

    def handle_data(self, data):
        for i in range(len(self.text), len(self.text) + len(data)):
            for sid in self.stack:
                self.covered.setdefault(sid, set()).add(i)
        self.text += data


spans_strategy = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["content", "verbatim", "cue", "entity"])),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab <>&\"'\n", min_size=0, max_size=40), raw=spans_strategy)
def test_nest_spans_is_well_formed_and_keeps_every_highlight(text, raw):
    spans = [(s, e, part, {"data-id": str(i)}) for i, (s, e, part) in enumerate(raw)]
    parser = _Collect()
    parser.feed(str(nest_spans(text, spans)))
    parser.close()
    assert parser.stack == [] and parser.text == text
    for i, (s, e, _) in enumerate(raw):
        expected = set(range(s, e)) if 0 <= s < e <= len(text) else set()
        assert parser.covered.get(str(i), set()) == expected


def test_crossing_spans_are_split_not_dropped():
    out = str(nest_spans("abcdef", [(0, 4, "content", {"data-id": "a"}), (2, 6, "content", {"data-id": "b"})]))
    assert out == ('<span data-id="a">ab<span data-id="b">cd</span></span><span data-id="b">ef</span>')


def test_render_html_is_a_self_contained_fragment(nlp):
    brief = newsbrief.analyze(EXTRA_ARTICLE, nlp=nlp)
    out = newsbrief.render_html(brief)
    assert out.lstrip().startswith('<div class="newsbrief nb-article">') and "<style>" in out
    assert "<script" not in out and "http" not in out.split("<style>")[1].split("</style>")[0]
    for q in brief.quotes:
        assert f'data-quote="{brief.quotes.index(q)}"' in out
        assert f'data-kind="{q.kind}"' in out and f'data-type="{q.type}"' in out
    assert 'data-speaker="Kaja Tamm"' in out and "Speakers" in out and "Entities" in out
    assert "<style>" not in render_html(brief, standalone=False)


def test_render_html_escapes_what_the_article_holds():
    out = render_html(xss_brief())
    assert XSS_SCRIPT not in out and XSS_IMG not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_event_triggers_are_marked_with_their_type(nlp):
    text = "Protesters attacked the police station in Lyon on Monday, officials said."
    brief = newsbrief.analyze(text, nlp=nlp)
    out = render_html(brief, standalone=False)
    for ev in brief.events:
        assert f'data-event-type="{ev.type}"' in out
        assert f'data-event-type="{ev.type}" title="event: {ev.type}' in out
    assert ("Events" in out) == bool(brief.events)
