"""Build the corpus-run test corpus: 500 articles from the evaluation texts in
../shared/eval (read by path, written outside the repository) plus 20 bad items.

    python bench/make_corpus.py --out /tmp/nb-corpus

Layout of OUT:
  articles/polnear/*.txt        400 PolNeAR train texts, as plain text files
  articles/cnndm.jsonl          50 CNN/DailyMail articles as JSON Lines (id, text, url)
  articles/pages/*.html         50 CNN/DailyMail articles wrapped in a web page (trafilatura input)
  bad/                          20 bad items, each failing with the code listed in bad/EXPECTED.tsv

Nothing of the shared data is copied into the project: OUT is a scratch folder.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
POLNEAR_TEXT = SHARED / "eval" / "polnear" / "data" / "train" / "text"
CNNDM = SHARED / "eval" / "cnndm-frank" / "cnndm_250.jsonl"

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="Staff reporter">
<meta property="article:published_time" content="2015-04-{day:02d}">
<link rel="canonical" href="{url}"></head>
<body><header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav></header>
<main><article><h1>{title}</h1>
{paragraphs}
</article></main>
<aside><h3>Most read</h3><ul><li>Another story</li><li>Yet another story</li></ul></aside>
<footer>&copy; 2015 Example Media. All rights reserved.</footer></body></html>
"""


def _cnndm_records(n: int) -> list[dict]:
    records = []
    with CNNDM.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            records.append(rec)
            if len(records) == n:
                break
    return records


def build(out: Path, *, n_polnear: int = 400, n_jsonl: int = 50, n_html: int = 50, seed: int = 0) -> dict[str, int]:
    """Write the corpus under ``out``. RETURNS counts of what was written."""
    if not POLNEAR_TEXT.is_dir() or not CNNDM.is_file():
        sys.exit(f"shared evaluation data not found under {SHARED / 'eval'}")
    rng = random.Random(seed)
    articles = out / "articles"
    (articles / "polnear").mkdir(parents=True, exist_ok=True)
    (articles / "pages").mkdir(parents=True, exist_ok=True)

    texts = sorted(POLNEAR_TEXT.glob("*.txt"))
    chosen = sorted(rng.sample(texts, n_polnear))
    for path in chosen:
        (articles / "polnear" / path.name).write_bytes(path.read_bytes())

    cnn = _cnndm_records(n_jsonl + n_html)
    with (articles / "cnndm.jsonl").open("w", encoding="utf-8") as fh:
        for rec in cnn[:n_jsonl]:
            fh.write(json.dumps({"id": rec["id"], "text": rec["article"], "url": rec.get("url")}) + "\n")
    for i, rec in enumerate(cnn[n_jsonl:]):
        # Paragraphs from sentences, so the page looks like a real one.
        sentences = rec["article"].split(". ")
        paras = [". ".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3)]
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras if p.strip())
        title = html.escape(" ".join(rec["article"].split()[:8]))
        page = PAGE.format(title=title, day=1 + i % 28, url=html.escape(rec.get("url") or ""), paragraphs=body)
        (articles / "pages" / f"{rec['id']}.html").write_text(page, encoding="utf-8")

    expected = make_bad_items(out / "bad")
    return {"polnear": len(chosen), "jsonl": n_jsonl, "html": n_html, "bad": len(expected)}


def make_bad_items(bad: Path) -> dict[str, str]:
    """Twenty items that must each be recorded as failed. RETURNS source -> code."""
    bad.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, code: str) -> None:
        (bad / name).write_bytes(data)
        expected[name] = code

    put("empty.txt", b"", "E001")
    put("blank.txt", b" \n\t\n  \n", "E001")
    put("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "E002")
    put("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00" + bytes(range(256)) * 4, "E002")
    put("cp1252_noise.txt", bytes(random.Random(1).randrange(0x80, 0x100) for _ in range(4000)), "E002")
    put("controls.txt", ("The council met. \x01\x02\x03\x04\x05 " * 60).encode(), "E002")
    put("page_binary.html", b"<html>\x00\x00\x00\x01\x02" + bytes(range(256)) * 4, "E002")
    put("huge.txt", ("The minister said the talks would go on. " * 30_000).encode(), "E003")
    put("gibberish.txt", " ".join("xqzv klmpt brrw zzkt" for _ in range(40)).encode(), "E007")
    put("no_text.html", b"<html><head><title>Only a title</title></head><body></body></html>", "E010")
    put(
        "scripts_only.html",
        b"<html><head><title>App</title></head><body><script>var app = {};</script></body></html>",
        "E010",
    )
    lines = [
        '{"id": "bad-1", "text": "The mayor said the bridge',  # cut off
        '["a", "list", "not", "an", "object"]',
        '{"id": "bad-3", "body": "no text field"}',
        '{"id": "bad-4", "text": 42}',
        "not json at all",
        '{"id": "bad-6", "text": ""}',
        '{"id": "bad-7", "text": "   \\n   "}',
        json.dumps({"id": "bad-8", "text": "The minister said the talks would go on. " * 30_000}),
    ]
    codes = ["E009", "E009", "E009", "E009", "E009", "E001", "E001", "E003"]
    (bad / "broken.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for i, code in enumerate(codes, start=1):
        expected[f"broken.jsonl:{i}"] = code
    link = bad / "dangling.txt"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(bad / "does-not-exist.txt", link)
    expected["dangling.txt"] = "E004"
    with (bad / "EXPECTED.tsv").open("w", encoding="utf-8") as fh:
        for name, code in sorted(expected.items()):
            fh.write(f"{name}\t{code}\n")
    return expected


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="scratch folder to write (outside the repository)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    counts = build(args.out, seed=args.seed)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
