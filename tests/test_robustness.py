"""No single input can stop, stall or swell a run (issue 7): bounded reads,
pathological shapes, per-item isolation, time limits, clean stops, coded
store errors, safe exports and messages. Articles are written here."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsbrief.api import analyze, analyze_many
from newsbrief.errors import InputError, NewsbriefError
from newsbrief.ingest import Article, decode_bytes, normalise_text, read_limited
from newsbrief.model import Brief, Failure
from newsbrief.readers import iter_articles, looks_like_html, read_article
from newsbrief.settings import MAX_HTML_ELEMENTS, MAX_SYMBOL_RUN, Settings
from newsbrief.store import Store, article_key

from .conftest import assert_offsets
from .corpus_articles import article, write_corpus

STORY = (
    'Rosa Lindqvist, the board chair, said on Thursday that the vote would wait. "We heard the people of this '
    'county," Lindqvist said. The treasurer said the budget would run out by spring.'
)


def _settings(**kw: object) -> Settings:
    return Settings.from_env(**kw)


# -- bounded reads --------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_robust_fifo_is_refused_without_blocking(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as err:
        read_article(fifo)  # would block forever if it were opened for reading
    assert err.value.code == "E021" and "FIFO" in str(err.value)
    items = list(iter_articles([fifo, tmp_path / "pipe.jsonl"]))
    assert [i.code for i in items] == ["E021", "E004"]


def test_robust_link_to_a_device_is_refused(tmp_path: Path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError) as err:
        read_article(link)
    assert err.value.code == "E021" and "device" in str(err.value)


def test_robust_reads_at_most_the_allowance_plus_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5000)
    asked: list[int] = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(InputError) as err:
        read_limited(path, 1000)
    assert err.value.code == "E003"
    assert sum(asked) <= 1001
    assert read_limited(path, 5000) == b"x" * 5000


def test_robust_utf16_with_a_bom_is_text_not_binary():
    text, warnings = decode_bytes("The mayor said yes.".encode("utf-16"), "w.txt")  # BOM first
    assert text == "The mayor said yes." and warnings == []
    text, _ = decode_bytes(b"\xfe\xff" + "Le maire a dit oui.".encode("utf-16-be"), "b.txt")
    assert text == "Le maire a dit oui."


def test_robust_jsonl_long_line_is_not_held_and_the_next_line_is_read(tmp_path: Path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "x " * 5000}) + "\n" + json.dumps({"text": STORY}) + "\n")
    items = list(iter_articles([path], max_chars=1000))
    assert isinstance(items[0], Failure) and items[0].code == "E003" and items[0].source.endswith(":1")
    assert isinstance(items[1], Article) and items[1].text == STORY


def test_robust_jsonl_deep_nesting_and_missing_text_field(tmp_path: Path):
    path = tmp_path / "d.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    path.write_text("\n".join([deep, json.dumps({"body": STORY}), json.dumps({"text": STORY})]) + "\n")
    deep_fail, no_text, ok = list(iter_articles([path]))
    assert deep_fail.code == "E009" and "deep" in deep_fail.message
    assert no_text.code == "E026" and "'text'" in no_text.message and "body" in no_text.message
    assert isinstance(ok, Article)


# -- pathological shapes ----------------------------------------------------------


def test_robust_symbol_runs_are_cut_keeping_every_offset():
    text = "Before the rule. " + "=" * 20_000 + ' After it, "' + '"' * 300 + " the mayor said."
    out, warnings = normalise_text(text, "rules.txt")
    assert len(out) == len(text)
    assert [i for i, (a, b) in enumerate(zip(text, out, strict=True)) if a != b] == (
        list(range(17 + MAX_SYMBOL_RUN, 17 + 20_000))
        + list(range(text.index('"' * 301) + MAX_SYMBOL_RUN, text.index('"' * 301) + 301))
    )
    assert len(warnings) == 1 and warnings[0].startswith("[W010] rules.txt:")


def test_robust_symbol_run_article_is_analysed_with_few_tokens(nlp):
    text = STORY + "\n\n" + "=" * 20_000 + "\n\n" + STORY.replace("Thursday", "Friday")
    brief = analyze(text, nlp=nlp)
    assert any(w.startswith("[W010]") for w in brief.warnings)
    assert len(brief.text) == len(text)
    assert_offsets(brief)
    # 20,000 one-character tokens would have been made (and tokenised in
    # quadratic time); the cut run is a handful.
    assert len(nlp.make_doc(brief.text)) < 200


def test_robust_lone_surrogate_becomes_a_replacement_character(tmp_path: Path, nlp):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"id": "s1", "text": "The mayor \ud800 said yes. " + STORY}) + "\n")
    (item,) = iter_articles([path])
    brief = analyze(item, nlp=nlp)
    assert "\ufffd" in brief.text and len(brief.text) == len(item.text)
    assert any(w.startswith("[W011]") for w in brief.warnings)
    json.dumps(brief.to_dict(), ensure_ascii=False).encode("utf-8")  # encodable now
    assert_offsets(brief)


def test_robust_too_many_tokens_is_a_coded_failure(nlp):
    results = list(
        analyze_many(
            [Article("a\n" * 3000, "lines.txt"), Article(STORY, "ok.txt")],
            settings=_settings(max_tokens=2000, check_language=False),
            nlp=nlp,
            on_error="yield",
        )
    )
    assert isinstance(results[0], Failure) and results[0].code == "E023" and "lines.txt" in results[0].message
    assert isinstance(results[1], Brief)


def test_robust_batches_are_cut_by_tokens():
    from newsbrief.ingest import token_batches

    class FakeDoc(list):
        pass

    docs = [(FakeDoc([0] * n), i) for i, n in enumerate([400, 400, 300, 900, 50])]
    groups = [[i for _, i in g] for g in token_batches(docs, 1000)]
    assert groups == [[0, 1], [2], [3, 4]]


def test_robust_html_with_too_many_elements_is_refused_before_extraction(tmp_path: Path):
    page = tmp_path / "many.html"
    page.write_text("<html><body>" + "<p>x</p>" * (MAX_HTML_ELEMENTS + 1) + "</body></html>")
    with pytest.raises(InputError) as err:
        read_article(page)
    assert err.value.code == "E022"


def test_robust_stdin_html_is_recognised():
    assert looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><html><body>")
    assert looks_like_html(b"<!-- saved --><html lang='en'>")
    assert not looks_like_html(b"The <b>mayor</b> said yes.")


# -- per-item isolation -------------------------------------------------------------


def test_robust_an_unexpected_error_fails_only_its_item(nlp, monkeypatch: pytest.MonkeyPatch):
    import newsbrief.api as api

    real = api.brief_from_doc

    def flaky(doc, art):
        if "BOOM" in doc.text:
            raise ZeroDivisionError("a bug in a stage")
        return real(doc, art)

    monkeypatch.setattr(api, "brief_from_doc", flaky)
    items = [Article(STORY, "a.txt"), Article(STORY + " BOOM", "b.txt"), Article(STORY + " Later.", "c.txt")]
    results = list(analyze_many(items, nlp=nlp, on_error="yield"))
    assert [type(r).__name__ for r in results] == ["Brief", "Failure", "Brief"]
    assert results[1].code == "E020" and "ZeroDivisionError" in results[1].message
    assert "b.txt" in results[1].message and "report" in results[1].message
    with pytest.raises(ZeroDivisionError):
        list(analyze_many(items, nlp=nlp, on_error="raise"))


def test_robust_a_reader_bug_fails_only_its_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import newsbrief.readers as readers

    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.html").write_text("<html><body><p>x</p></body></html>")

    def broken(data, source):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(readers, "html_to_article", broken)
    items = list(iter_articles([tmp_path]))
    assert isinstance(items[0], Article)
    assert items[1].code == "E020" and "RecursionError" in items[1].message


def test_robust_control_characters_in_names_are_escaped(tmp_path: Path):
    name = str(tmp_path / "evil\n[E001] forged.txt")
    (failure,) = list(iter_articles([name]))
    assert failure.code == "E004"
    assert "\n" not in failure.message and "\\n[E001] forged.txt" in failure.message


# -- time limits and worker replacement ------------------------------------------------


def _slow_article() -> str:
    # About 40,000 tokens: seconds of analysis, well past a 2 s limit.
    return " ".join(f"The council met again on day {i} and said the vote would wait." for i in range(3000))


@pytest.mark.parametrize("workers", [1, 2])
def test_robust_an_item_over_the_time_limit_fails_and_the_run_goes_on(tmp_path: Path, nlp, workers: int):
    corpus = tmp_path / "in"
    write_corpus(corpus, 3)
    (corpus / "slow.txt").write_text(_slow_article())
    from newsbrief.runner import run_local

    db = tmp_path / "news.db"
    settings = _settings(item_timeout=2.0)
    report = run_local([str(corpus)], db, settings=settings, workers=workers, chunk_size=4)
    assert (report.analysed, report.failed) == (3, 1)
    (failure,) = report.failures
    assert failure.code == "E024" and "slow.txt" in failure.message and "--item-timeout" in failure.message
    # A re-run does not spend the time again unless asked.
    again = run_local([str(corpus)], db, settings=settings, workers=workers)
    assert (again.analysed, again.failed, again.failed_before) == (0, 0, 1)


def test_robust_a_worker_that_dies_fails_its_item_and_is_replaced(nlp):
    from newsbrief.runner import WorkerPool

    pool = WorkerPool(_settings(item_timeout=600.0), 1)
    try:
        deadline = time.monotonic() + 120
        while not pool.workers[0].ready and time.monotonic() < deadline:
            pool.step(0.2)
        key = article_key("x")
        job = pool.job([(key, Article(_slow_article(), "doomed.txt"))])
        pool.submit(job)
        pool.step(0.1)  # hands the job out
        first = pool.workers[0]
        assert first.job is job
        os.kill(first.proc.pid, signal.SIGKILL)
        while not job.done() and time.monotonic() < deadline:
            pool.step(0.2)
        (result,) = job.all_results()
        assert result[1].code == "E025" and "doomed.txt" in result[1].message
        assert pool.workers[0] is not first and pool.workers[0].proc.is_alive()
        # The new worker analyses the next job.
        ok = pool.job([(article_key(STORY), Article(STORY, "ok.txt"))])
        pool.submit(ok)
        while not ok.done() and time.monotonic() < deadline:
            pool.step(0.2)
        assert isinstance(ok.all_results()[0][1], Brief)
    finally:
        pool.close()


# -- clean stops ------------------------------------------------------------------------


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids = {int(c) for c in (task / "children").read_text().split()}
            except OSError:
                continue
            todo.extend(kids - found)
            found |= kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_run(tmp_path: Path, n: int) -> tuple[subprocess.Popen, Path]:
    corpus = tmp_path / "in"
    write_corpus(corpus, n)
    db = tmp_path / "news.db"
    code = "import sys; from newsbrief.cli import main; sys.exit(main())"
    args = ["run", str(corpus), "--db", str(db), "--workers", "2", "--chunk-size", "1", "--no-progress"]
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return proc, db


def _wait_for_workers(proc: subprocess.Popen, db: Path) -> set[int]:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        kids = _descendants(proc.pid)
        if len(kids) >= 2 and db.exists():
            with Store(db) as store:
                if store.counts()["articles"] > 0:
                    return kids
        time.sleep(0.1)
    pytest.fail("the run never got going")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_robust_sigkill_of_the_parent_leaves_no_worker(tmp_path: Path):
    proc, db = _start_run(tmp_path, 60)
    kids = _wait_for_workers(proc, db)
    os.kill(proc.pid, signal.SIGKILL)  # the parent alone, not its group
    proc.wait(timeout=10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(k) for k in kids):
        time.sleep(0.1)
    assert not [k for k in kids if _alive(k)], "worker processes outlived the parent"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_robust_sigterm_stops_like_ctrl_c(tmp_path: Path):
    proc, db = _start_run(tmp_path, 60)
    kids = _wait_for_workers(proc, db)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    with Store(db) as store:
        statuses = [r[0] for r in store.conn.execute("SELECT status FROM runs")]
        stored = store.counts()["articles"]
    if stored == 60:
        pytest.skip("the run finished before SIGTERM arrived")
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode() and "resume" in err.decode()
    assert statuses == ["interrupted"]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(k) for k in kids):
        time.sleep(0.1)
    assert not [k for k in kids if _alive(k)]


# -- coded store errors ----------------------------------------------------------------------


def _brief(nlp, text: str = STORY) -> Brief:
    return analyze(text, source="s.txt", nlp=nlp)


def test_robust_store_busy_waits_then_says_who_holds_it(tmp_path: Path, nlp):
    path = tmp_path / "news.db"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = Store(path, timeout=0.2)
        with pytest.raises(NewsbriefError) as err:
            store.write_failure(source="a.txt", code="E001", message="[E001] a.txt: empty")
        assert err.value.code == "E028" and "another process" in str(err.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.counts()["failed"] == 0  # nothing half-written
    store.write_failure(source="a.txt", code="E001", message="[E001] a.txt: empty")
    assert store.counts()["failed"] == 1
    store.close()


def test_robust_store_disk_full_rolls_back_the_article(tmp_path: Path, nlp):
    store = Store(tmp_path / "news.db")
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    # A database that may not grow: what a full disk looks like to SQLite.
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    brief = _brief(nlp, STORY + " " + " ".join(f"Extra sentence {i} was said." for i in range(400)))
    with pytest.raises(NewsbriefError) as err:
        store.write_brief(brief, key=article_key(brief.text))
    assert err.value.code == "E029"
    assert store.counts() == {"articles": 0, "failed": 0, "quotes": 0, "entities": 0, "speakers": 0}
    assert store.check() == []
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.write_brief(brief, key=article_key(brief.text))
    store.close()


def test_robust_store_corruption_is_coded(tmp_path: Path, nlp):
    path = tmp_path / "news.db"
    with Store(path) as store:
        for i in range(30):
            b = _brief(nlp, article(i))
            store.write_brief(b, key=article_key(b.text))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    for p in range(2, len(data) // page):  # leave page 1 (the header and schema) intact
        data[p * page : p * page + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    with pytest.raises(NewsbriefError) as err:
        with Store(path, readonly=True) as store:
            store.counts()
            list(store.iter_briefs())
    assert err.value.code in {"E030", "E013"} and "damaged" in str(err.value) or "database" in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("query", ['"', "*", "AND (", "a:b", "NEAR((", '"unclosed'])
def test_robust_store_bad_fts_syntax_is_e014(tmp_path: Path, query: str):
    with Store(tmp_path / "news.db") as store:
        with pytest.raises(InputError) as err:
            store.search(query, raw=True)
        assert err.value.code == "E014"


# -- safe exports ------------------------------------------------------------------------------


def test_robust_csv_cells_that_would_be_formulas_are_neutralised():
    from newsbrief.export import csv_safe, write_rows

    assert [csv_safe(v) for v in ["=1+1", "+44", "-2", "@SUM(A1)", "\tx", "\rx", "plain", 3, -4, None]] == [
        "'=1+1", "'+44", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "plain", 3, -4, None,
    ]
    out = io.StringIO()
    write_rows([{"text": '=HYPERLINK("http://x","click")', "start": -1, "speaker": "@someone"}], "quotes", "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["text"].startswith("'=") and row["speaker"] == "'@someone" and row["start"] == "-1"


# -- summaries -----------------------------------------------------------------------------------


def test_robust_words_summary_never_picks_a_lone_quote_mark(nlp):
    from spacy.tokens import Doc

    from newsbrief.stages.summary import summarize

    sents = [
        ["The", "board", "delayed", "the", "vote", "on", "Thursday", "after", "a", "long", "and", "noisy",
         "hearing", "."],
        ['"'],  # a lone mark the sentence splitter cut off
        ["Residents", "said", "the", "branches", "mattered", "."],
    ]
    words = [w for s in sents for w in s]
    starts = [i == 0 for s in sents for i in range(len(s))]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    for budget in (1, 2, 7, 15, 20):
        chosen = summarize(doc, words=budget, sentences=None)
        assert chosen and all(any(c.isalnum() for c in s.text) for s in chosen), (budget, chosen)
        for s in chosen:
            assert doc.text[s.start : s.end] == s.text


# -- Dask: a partition whose task fails as a whole -----------------------------------------------


def test_robust_dask_failed_partition_is_retried_article_by_article(nlp):
    pytest.importorskip("distributed")
    from newsbrief.distributed import _one_by_one

    class Future:
        def __init__(self, fn, args):
            self.fn, self.args = fn, args

        def result(self, timeout=None):
            part = self.args[0]
            if "KILLER" in part[0][1].text:
                raise RuntimeError("KilledWorker: the worker died twice on this task")
            return self.fn(*self.args)

    class Client:
        def submit(self, fn, *args, **kwargs):
            return Future(fn, args)

    read_failure = Failure("gone.txt", "E004", "[E004] gone.txt: no such file.")
    part = [
        (article_key(STORY), Article(STORY, "a.txt")),
        (article_key("x"), read_failure),
        (article_key(STORY + " KILLER"), Article(STORY + " KILLER", "b.txt")),
    ]
    results = _one_by_one(part, RuntimeError("KilledWorker"), Client(), _settings(), None, True)
    assert isinstance(results[0], Brief) and results[1] is read_failure
    assert results[2].code == "E025" and "b.txt" in results[2].message


def test_robust_a_brief_that_cannot_be_stored_fails_alone(tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch):
    from newsbrief.runner import run_local

    corpus = tmp_path / "in"
    write_corpus(corpus, 3)
    real = Store.write_brief

    def picky(self, brief, **kw):
        if "Lopez" in brief.text:
            raise sqlite3.IntegrityError("CHECK constraint failed: kind")
        return real(self, brief, **kw)

    monkeypatch.setattr(Store, "write_brief", picky)
    report = run_local([str(corpus)], tmp_path / "news.db", workers=1)
    assert (report.analysed, report.failed) == (2, 1)
    assert report.failures[0].code == "E020" and "IntegrityError while storing" in report.failures[0].message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_robust_a_worker_over_its_memory_limit_is_replaced(nlp):
    from newsbrief.runner import WorkerPool

    # The model alone takes more than 100 MB: any busy worker is over it.
    pool = WorkerPool(_settings(item_timeout=600.0, worker_memory_mb=100), 1)
    try:
        job = pool.job([(article_key("y"), Article(_slow_article(), "greedy.txt"))])
        pool.submit(job)
        deadline = time.monotonic() + 120
        while not job.done() and time.monotonic() < deadline:
            pool.step(0.2)
        (result,) = job.all_results()
        assert result[1].code == "E025" and "over the 100 MB limit" in result[1].message
    finally:
        pool.close()
