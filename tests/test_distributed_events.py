"""The Dask runner's Parquet shards carry an events table: a partition
analysed as a worker does it writes the same event rows as ``newsbrief
export`` would for the same briefs."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.distributed import analyse_partition, partition_key
from newsbrief.export import event_rows
from newsbrief.ingest import Article
from newsbrief.model import Brief
from newsbrief.settings import Settings
from newsbrief.store import article_key

pq = pytest.importorskip("pyarrow.parquet")

TEXTS = [
    "Rwanda accused Burundi of sheltering rebels on Monday.",
    "The weather in the valley was mild all week.",
    "Chilean police arrested dozens of protesters in Santiago.",
]


def test_partition_shards_hold_the_events_table(tmp_path: Path, nlp):
    part = [(article_key(t, f"a{i}"), Article(text=t, source=f"a{i}.txt")) for i, t in enumerate(TEXTS)]
    out = tmp_path / "shards"
    results = analyse_partition(part, Settings.from_env(), out_parquet=str(out))
    assert isinstance(results, list) and all(isinstance(r, Brief) for r in results)
    shard = out / "events" / f"part-{partition_key(part)}.parquet"
    assert shard.is_file()
    rows = pq.read_table(shard).to_pylist()
    assert {r["event_type"] for r in rows} >= {"ACCUSE"}
    accuse = next(r for r in rows if r["event_type"] == "ACCUSE")
    assert (accuse["actor_code"], accuse["recipient_code"]) == ("RWA", "BDI")
    # Offsets point into the article: the trigger's text is where it says.
    assert TEXTS[0][accuse["trigger_start"] : accuse["trigger_end"]] == accuse["trigger"]
    # The same rows as the exporter's, article by article.
    expected = [
        row
        for (key, _), brief in zip(part, results, strict=True)
        for row in event_rows({"content_hash": key[0], "ext_id": key[1], "source": brief.source}, brief)
    ]
    assert len(rows) == len(expected) > 0
    assert [(r["content_hash"], r["event_index"], r["event_type"]) for r in rows] == [
        (r["content_hash"], r["event_index"], r["event_type"]) for r in expected
    ]
