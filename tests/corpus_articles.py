"""Short news-like articles written for the corpus tests (no shared data):
each names a speaker, quotes them directly and reports speech indirectly."""

from __future__ import annotations

import json
from pathlib import Path

PEOPLE = [
    ("Maria Lopez", "Lopez", "the transport minister"),
    ("David Okafor", "Okafor", "the mayor of Lagos"),
    ("Anna Berg", "Berg", "a spokeswoman for the ministry"),
    ("Tom Whitfield", "Whitfield", "the union leader"),
    ("Priya Raman", "Raman", "the health secretary"),
    ("Lukas Novak", "Novak", "the finance minister"),
]
PLACES = ["Geneva", "Nairobi", "Lisbon", "Ottawa", "Manila"]
TOPICS = ["the rail link", "the water plan", "the new budget", "the school reform", "the port deal", "the tax bill"]


def article(i: int) -> str:
    """The i-th test article (distinct for every i)."""
    name, surname, role = PEOPLE[i % len(PEOPLE)]
    place = PLACES[i % len(PLACES)]
    topic = TOPICS[(i // 2) % len(TOPICS)]
    return (
        f"{name}, {role}, said on Monday that {topic} would go ahead despite the protests in {place}. "
        f'"We will not give up on {topic}, and we will finish it this year," {surname} told reporters. '
        f"Opposition groups in {place} said the plan was rushed. "
        f"The meeting was the {i + 1}th this year, according to officials."
    )


def write_corpus(folder: Path, n: int, *, jsonl_every: int = 0) -> list[Path]:
    """Write n articles as .txt files (and, with jsonl_every=k, every k-th one
    into a JSON Lines file instead). RETURNS the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    records: list[str] = []
    for i in range(n):
        if jsonl_every and i % jsonl_every == 0:
            records.append(json.dumps({"id": f"doc-{i}", "text": article(i), "date": f"2016-09-{1 + i % 28:02d}"}))
            continue
        path = folder / f"article_{i:03d}.txt"
        path.write_text(article(i), encoding="utf-8")
        paths.append(path)
    if records:
        path = folder / "batch.jsonl"
        path.write_text("\n".join(records) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
