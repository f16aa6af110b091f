"""The web reader in a real headless Chromium (Debian's ``chromium`` package,
driven by Playwright's Python package through ``executable_path``: Playwright's
own browser download is not used).

Skipped with a reason where no Chromium is installed; under CI (CI=true) a
missing browser fails instead. Writes docs/reader-article.png, the screenshot
the README shows.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from newsbrief.service import create_app
from newsbrief.settings import Settings

from ..service_data import EXTRA_ARTICLE, XSS_IMG, XSS_SCRIPT, build_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample_article.txt"
SCREENSHOT = ROOT / "docs" / "reader-article.png"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        _unavailable("no Chromium installed (apt-get install chromium; .ci/run does it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, nlp):
    """The reader on 127.0.0.1 (a free port), over a store of the test
    articles plus the shipped sample article."""
    import uvicorn

    from newsbrief import analyze
    from newsbrief.ingest import Article
    from newsbrief.store import Store, article_key
    from newsbrief.store.queries import article_id_for_key

    path = tmp_path_factory.mktemp("browser") / "news.db"
    ids = build_store(path, nlp)
    text = SAMPLE.read_text(encoding="utf-8")
    with Store(path) as store:
        brief = analyze(Article(text=text, source="examples/sample_article.txt", meta={"date": "2016-11-08"}), nlp=nlp)
        store.write_brief(brief, key=article_key(text))
        ids["sample"] = article_id_for_key(store.conn, article_key(text)) or 0
    app = create_app(path, settings=Settings(max_chars=50_000), executor="thread")
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", ids, brief
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    yield pg
    context.close()


def test_highlights_are_where_the_quotes_are_and_hover_shows_the_speaker(page, server):
    base, ids, brief = server
    page.goto(f"{base}/articles/{ids['sample']}")
    text_box = page.locator(".nb-text")
    assert text_box.text_content() == brief.text
    assert brief.quotes
    for i, q in enumerate(brief.quotes):
        pieces = page.locator(f'.nb-text [data-quote="{i}"][data-part="content"]')
        assert "".join(pieces.all_text_contents()) == q.text
        first = pieces.first
        assert first.get_attribute("data-speaker") == (q.speaker.name or "")
        assert first.get_attribute("data-kind") == q.kind and first.get_attribute("data-type") == q.type
        for v_index, v in enumerate(q.verbatim):
            verb = page.locator(f'.nb-text [data-quote="{i}"][data-part="verbatim"]')
            assert v.text in "".join(verb.all_text_contents()), (i, v_index)
        if q.cue:
            cue = page.locator(f'.nb-text [data-quote="{i}"][data-part="cue"]')
            assert "".join(cue.all_text_contents()) == q.cue.text
    # Hover: the tooltip names the speaker, role, cue, type and kind.
    named = next(i for i, q in enumerate(brief.quotes) if q.speaker.name and q.cue)
    q = brief.quotes[named]
    page.locator(f'.nb-text [data-quote="{named}"][data-part="content"]').first.hover()
    tip = page.locator("#nb-tip")
    tip.wait_for(state="visible", timeout=5000)
    said = tip.text_content() or ""
    assert q.speaker.name in said and f"kind: {q.kind}" in said and f"type: {q.type}" in said
    # Keyboard: focusing a highlight shows it too.
    page.mouse.move(0, 0)
    other = next((i for i, x in enumerate(brief.quotes) if x.speaker.name and x.speaker.name != q.speaker.name), named)
    page.locator(f'.nb-text [data-quote="{other}"][data-part="content"]').first.focus()
    tip.wait_for(state="visible", timeout=5000)
    assert brief.quotes[other].speaker.name in (tip.text_content() or "")
    page.keyboard.press("Escape")
    # The side panel: clicking a speaker marks exactly their statements.
    button = page.locator(".nb-speaker-btn").first
    key = button.get_attribute("data-speaker-key")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    on = page.locator(".nb-text .nb-content.nb-on")
    assert on.count() > 0
    assert {on.nth(i).get_attribute("data-speaker-key") for i in range(on.count())} == {key}
    button.click()
    assert page.locator(".nb-on").count() == 0
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.locator(".nb-speaker-btn").first.blur()
    page.mouse.move(0, 0)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


def test_search_returns_the_expected_statements(page, server):
    base, ids, brief = server
    quote = next(q for q in brief.quotes if q.kind == "direct" and q.speaker.name)
    words = " ".join(quote.text.split()[:4]).strip(",.")
    page.goto(f"{base}/search")
    page.fill("input[name=q]", words)
    page.click("form[role=search] button[type=submit]")
    page.wait_for_url("**/search?**")
    results = page.locator(".nb-result")
    assert results.count() >= 1
    texts = results.locator(".nb-result-text").all_text_contents()
    assert quote.text in texts
    hit = results.nth(texts.index(quote.text))
    assert hit.get_attribute("data-speaker") == quote.speaker.name
    hit.locator(f'a[href="/articles/{ids["sample"]}"]').click()
    page.wait_for_url(f"**/articles/{ids['sample']}")
    assert page.locator(".nb-text").text_content() == brief.text


def test_script_injection_probes_run_no_script(page, server):
    base, ids, _ = server
    assert page.evaluate("() => window.__nb_xss") is None
    for path in (f"/articles/{ids['xss']}", "/articles", "/", "/speakers", "/search?q=run+your+code"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        assert page.evaluate("() => window.__nb_xss") is None, path
        assert page.locator('img[src="x"]').count() == 0, path
        srcs = page.evaluate("() => Array.from(document.scripts).map(s => s.getAttribute('src'))")
        assert srcs and all(s and s.startswith("/static/") for s in srcs), (path, srcs)
    page.goto(f"{base}/articles/{ids['xss']}")
    assert XSS_SCRIPT in (page.locator(".nb-text").text_content() or "")  # shown as text
    assert XSS_SCRIPT in (page.locator("h1.nb-title").text_content() or "")
    # Pasted into the analyze form: the probes come back as text, never as markup.
    page.goto(f"{base}/analyze")
    pasted = f'{EXTRA_ARTICLE}\n\n{XSS_SCRIPT} "We will not run it {XSS_IMG}," said {XSS_IMG} Eve Probe.'
    page.fill("textarea[name=text]", pasted)
    page.fill("input[name=title]", XSS_IMG)
    with page.expect_navigation():
        page.click("form button[type=submit]")
    assert page.locator(".nb-text").text_content() == pasted, page.content()[:2000]
    assert page.evaluate("() => window.__nb_xss") is None
    assert page.locator('img[src="x"]').count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_api_docs_render_offline_under_the_policy(page, server):
    base, _, _ = server
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{base}/docs")
    page.locator(".opblock-summary-path", has_text="/api/analyze").first.wait_for(timeout=20_000)
    assert all(u.startswith(base) for u in requests), [u for u in requests if not u.startswith(base)]
    assert violations == []
