"""Near-duplicate articles are grouped at ingest and counted once."""

from __future__ import annotations

from newsbrief.store import Store, article_key
from newsbrief.store.dedup import groups, signature, similarity

from .people_briefs import brief

BODY = [
    ("The harbour will close for three weeks while the old pier is rebuilt", "Ines Varga", "PERSON", "mayor"),
    ("Fishing boats can use the northern quay during the works", "Ines Varga", "PERSON", "mayor"),
    ("We were not asked about any of this and the season starts soon", "Tomas Reyes", "PERSON", None),
    ("The council has set aside money for the fishermen who lose trade", "Ines Varga", "PERSON", "mayor"),
    (
        "Traffic on the coast road will be diverted through the market square on weekdays",
        "Lena Moss",
        "PERSON",
        "police chief",
    ),
]
NARRATION = (
    "Work on the harbour begins on Monday after months of debate in the town hall about the cost of the repairs, "
    "which engineers say are overdue because storms last winter cracked the pier in two places. "
)


def test_signature_similarity_separates_copies_from_other_stories():
    a = NARRATION * 2 + " ".join(w for w, *_ in BODY)
    b = "Breaking from our wire desk. " + a[:-40]
    c = "A new bakery opened on the high street with bread, cakes and a queue around the block all morning. " * 3
    assert similarity(signature(a), signature(b)) > 0.6
    assert similarity(signature(a), signature(c)) < 0.2


def test_one_article_and_five_altered_copies_count_each_statement_once():
    with Store(":memory:") as store:
        original = brief("wire", "2022-05-01", BODY, extra=NARRATION)
        store.write_brief(original, key=article_key(original.text))
        copies = [
            brief("outlet1", "2022-05-01", BODY, extra="Subscribe to our newsletter for local news. " + NARRATION),
            brief("outlet2", "2022-05-01", BODY, extra="HARBOUR TO CLOSE FOR REPAIRS. " + NARRATION),
            brief("outlet3", "2022-05-02", BODY[:-1], extra=NARRATION),  # last paragraph trimmed
            brief("outlet4", "2022-05-02", BODY, extra=NARRATION + "Updated at 5 pm. "),
            brief("outlet5", "2022-05-02", BODY, extra="Harbour closure: what you need to know. " + NARRATION),
        ]
        for b in copies:
            store.write_brief(b, key=article_key(b.text))
        other = brief(
            "other",
            "2022-05-03",
            [("The bakery sells out by ten", "Lena Moss", "PERSON", None)],
            extra="A new bakery opened on the high street this week to long queues. ",
        )
        store.write_brief(other, key=article_key(other.text))
        (group,) = groups(store.conn)
        assert group["articles"] == 6
        counts = {r["speaker"]: (r["quotes"], r["articles"]) for r in store.speakers()}
        assert counts == {"Ines Varga": (3, 1), "Tomas Reyes": (1, 1), "Lena Moss": (2, 2)}
        raw = {r["speaker"]: r["quotes"] for r in store.speakers(count_duplicates=True)}
        assert raw == {"Ines Varga": 18, "Tomas Reyes": 6, "Lena Moss": 6}
        # Each article keeps its own row.
        assert store.counts()["articles"] == 7


def test_statement_clusters_keep_first_seen_and_variants(tmp_path):
    from click.testing import CliRunner

    from newsbrief.cli import main
    from newsbrief.store.statements import statements_of

    db = tmp_path / "s.db"
    line = "The harbour will close for three weeks while the old pier is rebuilt"
    with Store(db) as store:
        for i, (date, words) in enumerate(
            [
                ("2022-05-03", line),
                ("2022-05-01", line.replace("three weeks", "three whole weeks")),
                ("2022-05-02", "Fishing boats can use the northern quay during the works"),
            ]
        ):
            b = brief(f"paper{i}", date, [(words, "Ines Varga", "PERSON", None)], extra=f"Story number {i} here. ")
            store.write_brief(b, key=article_key(b.text))
        pid = store.conn.execute("SELECT id FROM people WHERE name = 'Ines Varga'").fetchone()[0]
        rows = statements_of(store.conn, [pid], min_articles=2)
    (row,) = rows
    assert row["articles"] == 2 and row["first_date"] == "2022-05-01" and row["first_source"] == "paper1"
    assert sorted(row["variants"]) == sorted([line, line.replace("three weeks", "three whole weeks")])
    r = CliRunner().invoke(main, ["people", "statements", "Ines Varga", "--db", str(db), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    assert len(r.stdout.splitlines()) == 2  # two statements: the pier (2 articles) and the quay
