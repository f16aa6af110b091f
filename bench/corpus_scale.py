"""Grow a store to many statements and time verify, search --speaker and an
incremental run.

Statements are synthesised straight into the store's tables (running spaCy a
million times would take days): sentences from real article texts (PolNeAR
under ../shared by default), each with a word or two varied, given to people
whose names are recombined from capitalised name pairs in those texts, on
dates spread over three years; ten statements an article. The store's own
triggers index every quote in FTS5. Then:

* an incremental run: ``--new`` (default 1,000) more articles written through
  ``Store.write_brief``, so people linking, near-duplicate signing and
  statement clustering run as in ``newsbrief run``;
* ``verify`` latency (p50/p99) on claims made from stored statements with a
  word changed, and on invented ones;
* ``search --speaker`` latency (p50/p99) on random people, first 100 rows;
* the database size.

    python bench/corpus_scale.py                       # 20,000 statements, quick
    python bench/corpus_scale.py --statements 1000000  # the issue's scale (minutes)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsbrief.model import Brief, Entity, Quote, Speaker, TextSpan
from newsbrief.store import Store
from newsbrief.verify import verify

SHARED = Path(__file__).resolve().parents[2] / "shared"
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_NAME = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b")


def pools(root: Path, max_files: int) -> tuple[list[str], list[str], list[str], list[str]]:
    files = sorted(root.glob("**/text/*.txt"))[:max_files] if root.is_dir() else []
    if not files:
        sys.exit(f"no article texts under {root} (give --texts DIR)")
    sents: list[str] = []
    firsts: set[str] = set()
    lasts: set[str] = set()
    vocab: set[str] = set()
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        for s in _SENT.split(text):
            s = " ".join(s.split())
            if 8 <= len(s.split()) <= 40 and '"' not in s and "“" not in s:
                sents.append(s)
        for a, b in _NAME.findall(text):
            firsts.add(a)
            lasts.add(b)
        vocab.update(w for w in re.findall(r"[a-z]{4,}", text))
    return sents, sorted(firsts), sorted(lasts), sorted(vocab)


def vary(rng: random.Random, sent: str, vocab: list[str]) -> str:
    words = sent.split()
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(words))
        words[i] = rng.choice(vocab)
    return " ".join(words)


def grow(store: Store, n: int, rng: random.Random, sents, firsts, lasts, vocab, per_article: int = 10) -> None:
    """Insert ``n`` statements directly (people, keys, aliases, articles,
    quotes, statements) in big transactions."""
    conn = store.conn
    n_people = max(50, n // 50)
    names = list({f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(n_people * 2)})[:n_people]
    with store.atomic():
        for name in names:
            first, last = name.split()
            pid = conn.execute(
                "INSERT INTO people (name, kind, surname) VALUES (?, 'person', ?)", (name, last.casefold())
            ).lastrowid
            conn.execute(
                "INSERT OR IGNORE INTO person_keys (key, person_id, reason) VALUES (?, ?, 'bench')",
                (f"p:{name.casefold()}", pid),
            )
            conn.execute(
                "INSERT OR IGNORE INTO person_aliases (person_id, alias, kind, articles) VALUES (?, ?, 'name', 1)",
                (pid, name),
            )
            conn.execute(
                "INSERT OR IGNORE INTO person_aliases (person_id, alias, kind, articles) VALUES (?, ?, 'name', 1)",
                (pid, last),
            )
    pids = [r[0] for r in conn.execute("SELECT id FROM people ORDER BY id")]
    pname = dict(conn.execute("SELECT id, name FROM people"))
    done = 0
    art = 0
    sid = int(conn.execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()[0])
    while done < n:
        arts, stmts, quotes_rows = [], [], []
        for _ in range(min(2000, (n - done + per_article - 1) // per_article)):
            art += 1
            quotes = [vary(rng, rng.choice(sents), vocab) for _ in range(per_article)]
            chosen = rng.choices(pids, k=per_article)
            text = " ".join(f"“{q}” said {pname[pid]}." for q, pid in zip(quotes, chosen, strict=True))
            date = f"{2014 + art % 3}-{1 + art % 12:02d}-{1 + art % 28:02d}"
            arts.append((f"bench{art}", f"bench/{art}", date, text, len(text.split())))
            pos = 0
            for idx, q in enumerate(quotes):
                start = text.index(q, pos)
                end = pos = start + len(q)
                sid += 1
                stmts.append((sid, chosen[idx], q, q.casefold(), art, date))
                quotes_rows.append(
                    (art, idx, q, start, end, pname[chosen[idx]], chosen[idx], sid, f"[[{start}, {end}]]")
                )
                done += 1
        with store.atomic():
            # Article ids are assigned in order; map the batch's numbers onto them.
            first = int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]) + 1
            conn.executemany(
                """INSERT INTO articles (content_hash, ext_id, source, date, text, words, status, stored_at)
                   VALUES (?, '', ?, ?, ?, ?, 'ok', '2026-01-01')""",
                arts,
            )
            offset = first - (art - len(arts) + 1)
            conn.execute("UPDATE articles SET dup_group = id WHERE id >= ?", (first,))
            conn.executemany(
                """INSERT INTO statements (id, person_id, text, norm, first_article, first_date, quotes, articles)
                   VALUES (?, ?, ?, ?, ?, ?, 1, 1)""",
                [(i, p, t, nm, a + offset, d) for i, p, t, nm, a, d in stmts],
            )
            conn.executemany(
                """INSERT INTO quotes (article_id, idx, text, start, "end", kind, speaker, person_id, statement_id,
                       verbatim) VALUES (?, ?, ?, ?, ?, 'direct', ?, ?, ?, ?)""",
                [(a + offset, *rest) for a, *rest in quotes_rows],
            )
        print(f"  {done:,} statements", file=sys.stderr, flush=True)


def brief_for(rng: random.Random, i: int, sents, firsts, lasts, vocab) -> Brief:
    """A synthetic analysed article for the incremental run."""
    parts: list[str] = []
    quotes: list[Quote] = []
    ents: list[Entity] = []
    pos = 0
    for k in range(10):
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        q = vary(rng, rng.choice(sents), vocab)
        chunk = f"“{q}” said {name}. "
        qs = pos + 1
        ns = pos + chunk.index(name)
        eid = f"e{k + 1}"
        ents.append(Entity(eid, name, "PERSON", [TextSpan(name, ns, ns + len(name))]))
        quotes.append(
            Quote(
                q,
                qs,
                qs + len(q),
                "direct",
                Speaker(name, eid, None, TextSpan(name, ns, ns + len(name))),
                verbatim=[TextSpan(q, qs, qs + len(q))],
            )
        )
        parts.append(chunk)
        pos += len(chunk)
    return Brief("".join(parts), source=f"new/{i}", quotes=quotes, entities=ents, meta={"date": "2017-06-01"})


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=int, default=20_000)
    ap.add_argument("--new", type=int, default=1_000, help="articles of the incremental run")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--texts", type=Path, default=SHARED / "eval" / "polnear" / "data")
    ap.add_argument("--max-files", type=int, default=400)
    ap.add_argument("--db", type=Path, default=None, help="store path [default: a temporary file, removed]")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sents, firsts, lasts, vocab = pools(args.texts, args.max_files)
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="nb-bench-")
        db = Path(tmp.name) / "scale.db"
    else:
        db = args.db
    report: dict[str, object] = {"statements": args.statements, "sentences_pool": len(sents)}
    with Store(db) as store:
        t = time.perf_counter()
        grow(store, args.statements, rng, sents, firsts, lasts, vocab)
        report["grow_seconds"] = round(time.perf_counter() - t, 1)
        store.conn.execute("ANALYZE")
        t = time.perf_counter()
        for i in range(args.new):
            store.write_brief(brief_for(rng, i, sents, firsts, lasts, vocab), key=(f"new{i}", ""))
        secs = time.perf_counter() - t
        report["incremental_seconds_per_1000_articles"] = round(secs / args.new * 1000, 1)
        conn = store.conn
        total = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
        report["quotes_in_store"] = total
        maxid = conn.execute("SELECT max(id) FROM quotes").fetchone()[0]
        lat_v: list[float] = []
        right = 0
        for _ in range(args.queries):
            row = conn.execute(
                "SELECT q.text, p.name FROM quotes q JOIN people p ON p.id = q.person_id WHERE q.id >= ? LIMIT 1",
                (rng.randint(1, maxid),),
            ).fetchone()
            words = row[0].split()
            words[rng.randrange(len(words))] = rng.choice(vocab)
            t = time.perf_counter()
            res = verify(conn, " ".join(words), speaker=row[1])
            lat_v.append((time.perf_counter() - t) * 1000)
            right += res.verdict in ("altered", "verbatim")
        lat_s: list[float] = []
        names = [r[0] for r in conn.execute("SELECT name FROM people ORDER BY random() LIMIT ?", (args.queries,))]
        for name in names:
            t = time.perf_counter()
            store.search(speaker=name, limit=100)
            lat_s.append((time.perf_counter() - t) * 1000)
        report["verify_ms"] = {"p50": round(statistics.median(lat_v), 1), "p99": round(pct(lat_v, 99), 1)}
        report["verify_found_altered_share"] = round(right / len(lat_v), 3)
        report["search_speaker_ms"] = {"p50": round(statistics.median(lat_s), 2), "p99": round(pct(lat_s, 99), 2)}
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id"
            " WHERE q.person_id IN (?) ORDER BY a.id, q.start LIMIT 100",
            (1,),
        ).fetchall()
        report["search_speaker_plan"] = [r[3] for r in plan]
    conn = None
    report["db_mb"] = round(sum(os.path.getsize(p) for p in db.parent.glob(db.name + "*")) / 1e6, 1)
    report["machine"] = (
        f"{os.cpu_count()} cores, shared with other engineers' jobs (load average {os.getloadavg()[0]:.1f})"
    )
    print(json.dumps(report, indent=2))
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
