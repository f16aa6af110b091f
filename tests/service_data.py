"""Data for the service and browser tests: a small store of articles written
for these tests (analysed by the real pipeline), and a hand-built brief whose
text, title and speaker name carry script-injection probes."""

from __future__ import annotations

from pathlib import Path

from newsbrief.model import Brief, Entity, Quote, Speaker, SummarySentence, TextSpan

from .corpus_articles import article

XSS_SCRIPT = "<script>window.__nb_xss = 1; alert(1)</script>"
XSS_IMG = '<img src=x onerror="window.__nb_xss = 2; alert(2)">'

EXTRA_ARTICLE = (
    "Harbour workers in Tallinn walked out on Friday over a pay freeze.\n\n"
    '"We have waited three years for a fair offer," said Kaja Tamm, the head of the dockers\' union. '
    "Tamm said the strike would go on until the port authority reopened talks.\n\n"
    'Port director Oskar Mets called the walkout "deeply regrettable" and said the freeze was needed to keep '
    "the port open."
)


def _span(text: str, part: str, nth: int = 0) -> TextSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return TextSpan(part, start, start + len(part))


def xss_brief() -> Brief:
    """A brief whose every user-supplied string carries a probe; offsets exact."""
    name = f"Eve {XSS_SCRIPT}"
    text = (
        f"Officials met on Monday. {XSS_SCRIPT} appeared in the page and {XSS_IMG} too.\n\n"
        f'"We will not run your code {XSS_IMG}," Eve said on Monday.'
    )
    content = _span(text, f"We will not run your code {XSS_IMG},")
    mention = _span(text, "Eve")
    return Brief(
        text=text,
        source=f"probe {XSS_IMG}.txt",
        quotes=[
            Quote(
                content.text,
                content.start,
                content.end,
                "direct",
                Speaker(name, "e1", f"role {XSS_IMG}", mention),
                _span(text, "said"),
                type="speech",
                verbatim=[content],
            )
        ],
        entities=[Entity("e1", name, "PERSON", [mention])],
        summary=[SummarySentence("Officials met on Monday.", 0, 24, 0.5)],
        key_quote=0,
        meta={"title": f"Probe {XSS_SCRIPT} {XSS_IMG}", "date": "2016-10-02"},
    )


def build_store(path: Path, nlp) -> dict[str, int]:
    """Analyse the test articles into a store at ``path``.

    RETURNS (dict): the store's article id of "extra" and "xss", and "n" articles.
    """
    from newsbrief import analyze
    from newsbrief.ingest import Article
    from newsbrief.store import Store, article_key
    from newsbrief.store.queries import article_id_for_key

    ids: dict[str, int] = {}
    with Store(path) as store:
        texts = [(article(i), f"test-{i}.txt", f"2016-09-{1 + i:02d}", f"Story {i}") for i in range(6)]
        texts.append((EXTRA_ARTICLE, "tallinn.txt", "2016-10-01", "Dockers strike in Tallinn"))
        for text, source, date_, title in texts:
            brief = analyze(Article(text=text, source=source, meta={"date": date_, "title": title}), nlp=nlp)
            store.write_brief(brief, key=article_key(text))
        ids["extra"] = article_id_for_key(store.conn, article_key(EXTRA_ARTICLE)) or 0
        probe = xss_brief()
        store.write_brief(probe, key=article_key(probe.text))
        ids["xss"] = article_id_for_key(store.conn, article_key(probe.text)) or 0
        ids["n"] = len(texts) + 1
    return ids
