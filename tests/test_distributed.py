"""The Dask runner on a LocalCluster of 2 worker processes: the same store as
the local runner, and Parquet shards that hold the same rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.runner import run_local
from newsbrief.store import Store

from .corpus_articles import write_corpus

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def scheduler() -> str:
    """A LocalCluster of 2 worker processes with little memory, shared by the tests
    (starting one takes seconds)."""
    import logging

    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        memory_limit="1.5GiB",
        dashboard_address=":0",  # any free port: never clash with a cluster already on 8787
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


def test_distributed_local_cluster_equals_the_local_runner(tmp_path: Path, nlp, scheduler: str):
    from click.testing import CliRunner

    from newsbrief.cli import main

    corpus = tmp_path / "in"
    write_corpus(corpus, 14, jsonl_every=4)
    (corpus / "empty.txt").write_text("")
    (corpus / "lines.jsonl").write_text('{"text": "The mayor said the bridge would open."}\n{"oops"\n')

    local = run_local([str(corpus)], tmp_path / "local.db", workers=1)
    shards = tmp_path / "shards"
    args = ["run", str(corpus), "--db", str(tmp_path / "dask.db"), "--engine", "dask", "--scheduler", scheduler]
    result = CliRunner().invoke(main, [*args, "--out-parquet", str(shards), "--chunk-size", "4"])
    assert result.exit_code == 0, result.output
    assert "15 analysed, 0 skipped as already done, 2 failed" in result.stderr
    assert (local.analysed, local.failed) == (15, 2)
    with Store(tmp_path / "local.db") as a, Store(tmp_path / "dask.db") as b:
        assert b.snapshot() == a.snapshot()
        n_quotes, n_entities = a.counts()["quotes"], a.counts()["entities"]
        runs = [tuple(r) for r in b.conn.execute("SELECT engine, status, analysed, failed FROM runs")]
    assert runs == [("dask", "done", 15, 2)]

    quotes = pq.read_table(shards / "quotes").to_pylist()
    entities = pq.read_table(shards / "entities").to_pylist()
    articles = pq.read_table(shards / "articles").to_pylist()
    assert (len(quotes), len(entities)) == (n_quotes, n_entities)
    assert sorted(r["status"] for r in articles) == ["failed"] * 2 + ["ok"] * 15
    # 19 items in partitions of 4: 5 shards per table.
    assert len(list((shards / "quotes").glob("part-*.parquet"))) == 5


def test_distributed_shards_only_resume_skips_written_partitions(tmp_path: Path, scheduler: str):
    from newsbrief.distributed import run_dask

    corpus = tmp_path / "in"
    write_corpus(corpus, 6)
    shards = tmp_path / "shards"
    first = run_dask([str(corpus)], None, scheduler=scheduler, out_parquet=shards, partition_size=2)
    assert (first.analysed, first.skipped) == (6, 0)
    written = {p.name: p.stat().st_mtime_ns for p in (shards / "articles").glob("*.parquet")}
    assert len(written) == 3
    # A lost shard is made again; the others are skipped.
    lost = sorted(written)[0]
    (shards / "articles" / lost).unlink()
    again = run_dask([str(corpus)], None, scheduler=scheduler, out_parquet=shards, partition_size=2)
    assert (again.analysed, again.skipped) == (2, 4)
    after = {p.name: p.stat().st_mtime_ns for p in (shards / "articles").glob("*.parquet")}
    assert set(after) == set(written)
    assert all(after[name] == written[name] for name in written if name != lost)


def test_distributed_an_item_over_the_time_limit_fails_and_the_run_goes_on(tmp_path: Path, scheduler: str):
    from newsbrief.distributed import run_dask
    from newsbrief.settings import Settings

    corpus = tmp_path / "in"
    write_corpus(corpus, 3)
    # About 40,000 tokens: seconds of analysis, far past a 3 s limit.
    slow = " ".join(f"The council met again on day {i} and said the vote would wait." for i in range(3000))
    (corpus / "slow.txt").write_text(slow)
    settings = Settings.from_env(item_timeout=3.0)
    report = run_dask([str(corpus)], tmp_path / "d.db", settings=settings, scheduler=scheduler, partition_size=1)
    assert (report.analysed, report.failed) == (3, 1)
    assert report.failures[0].code == "E024" and "slow.txt" in report.failures[0].message
