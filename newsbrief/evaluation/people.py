"""``newsbrief eval people``: link precision and recall of the people layer
against a hand-made list of which speaker strings are one person.

The gold file (``eval/people_polnear_dev.json``) lists people, each with the
(article, speaker string) pairs that name them, as a reader of the articles
judged. Scoring is pairwise over the gold's pairs found in the store: two
strings the store puts under one person are a predicted link; a link is right
when the gold puts them under one person too (precision), and every gold link
the store makes counts for recall. Strings the gold marks as not a name
(``not_people``) must never be the name of a person in the store.
"""

from __future__ import annotations

import sqlite3
from itertools import combinations
from pathlib import Path
from typing import Any

from ..ingest import read_json_file
from ..store.people import fold


def _article_key(source: str | None) -> str:
    return Path(source or "").stem


def evaluate_people(conn: sqlite3.Connection, gold_path: str | Path) -> dict[str, Any]:
    gold = read_json_file(Path(gold_path))
    store: dict[tuple[str, str], int | None] = {}
    for source, speaker, pid in conn.execute(
        "SELECT a.source, q.speaker, max(q.person_id) FROM quotes q JOIN articles a ON a.id = q.article_id"
        " WHERE q.speaker IS NOT NULL GROUP BY a.id, q.speaker"
    ):
        store[(_article_key(source), speaker)] = pid
    gold_of: dict[tuple[str, str], int] = {}
    missing: list[list[str]] = []
    for i, person in enumerate(gold.get("people", [])):
        for art, speaker in person["strings"]:
            if (art, speaker) in store:
                gold_of[(art, speaker)] = i
            else:
                missing.append([art, speaker])
    items = sorted(gold_of)
    tp = fp = fn = 0
    wrong: list[list[str]] = []
    lost: list[list[str]] = []
    for a, b in combinations(items, 2):
        same_gold = gold_of[a] == gold_of[b]
        pa, pb = store[a], store[b]
        same_pred = pa is not None and pa == pb
        if same_pred and same_gold:
            tp += 1
        elif same_pred:
            fp += 1
            wrong.append([f"{a[0]}: {a[1]}", f"{b[0]}: {b[1]}"])
        elif same_gold:
            fn += 1
            lost.append([f"{a[0]}: {a[1]}", f"{b[0]}: {b[1]}"])
    # A string that is not a name may still be linked to the person it
    # describes; what must never happen is that it becomes a person's name.
    not_people = [tuple(x) for x in gold.get("not_people", [])]
    names = {fold(r[0]) for r in conn.execute("SELECT name FROM people")}
    listed = [x for x in not_people if x in store and fold(x[1]) in names]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "gold_strings": len(items),
        "gold_strings_missing_from_store": missing,
        "link_precision": round(p, 4),
        "link_recall": round(r, 4),
        "link_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "true_links": tp,
        "wrong_links": wrong[:50],
        "missed_links": lost[:50],
        "missed_link_count": fn,
        "not_people": len([x for x in not_people if x in store]),
        "not_people_listed_as_people": [list(x) for x in listed],
    }


def format_people(result: dict[str, Any]) -> str:
    lines = [
        f"people links over {result['gold_strings']} gold speaker strings: precision {result['link_precision']:.3f}, "
        f"recall {result['link_recall']:.3f}, F1 {result['link_f1']:.3f} ({result['true_links']} links right, "
        f"{len(result['wrong_links'])} wrong, {result['missed_link_count']} missed)",
        f"not-a-name strings: {result['not_people']} in the store, "
        f"{len(result['not_people_listed_as_people'])} listed as people",
    ]
    for a, b in result["wrong_links"][:10]:
        lines.append(f"  wrong: {a} == {b}")
    for a, b in result["missed_links"][:10]:
        lines.append(f"  missed: {a} == {b}")
    if result["gold_strings_missing_from_store"]:
        lines.append(f"  {len(result['gold_strings_missing_from_store'])} gold strings not in the store")
    return "\n".join(lines)
