"""Load test of `newsbrief serve`: store queries while articles are analysed.

    python bench/serve_load.py --db /tmp/nb500.db

Starts `newsbrief serve --db DB` on 127.0.0.1 (a free port), waits for it,
then at the same time sends
  * REQUESTS GETs of /api/quotes and /api/speakers (varied filters and pages)
    from CONCURRENCY clients, and
  * ANALYSES POSTs of /api/analyze (texts taken from the store) from
    ANALYZE_CONCURRENCY clients,
and reports p50 / p99 latency and errors: for all queries, and for the queries
that ran while at least one analysis was in flight. Bounded: fixed counts, a
wall-clock limit (--timeout), loopback only; the server is stopped at the end.

Clients are threads in this process using http.client with keep-alive, so the
latencies include this script's own share of the CPU.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def query_paths(db: Path, n: int) -> list[str]:
    """A fixed, varied mix of query URLs from what the store holds."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    speakers = [r[0] for r in conn.execute("SELECT name FROM speakers ORDER BY id LIMIT 200")]
    words = [r[0].split()[0] for r in conn.execute("SELECT text FROM quotes WHERE length(text) > 30 LIMIT 400")]
    conn.close()
    words = [w.strip(".,;:\"'“”‘’()") for w in words]
    words = [w for w in words if w.isalpha() and len(w) > 3] or ["said"]
    templates = [
        lambda i: f"/api/quotes?speaker={quote(speakers[i % len(speakers)])}",
        lambda i: f"/api/quotes?q={quote(words[i % len(words)])}",
        lambda i: f"/api/quotes?kind=direct&limit=50&offset={(i * 50) % 3000}",
        lambda i: "/api/speakers?limit=50",
        lambda i: f"/api/speakers?limit=50&offset={(i * 50) % 2000}",
        lambda i: f"/api/quotes?type=speech&kind=indirect&offset={(i * 20) % 2000}&limit=20",
    ]
    return [templates[i % len(templates)](i) for i in range(n)]


def analysis_texts(db: Path, n: int) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = [r[0] for r in conn.execute("SELECT text FROM articles WHERE status = 'ok' ORDER BY id LIMIT ?", (n,))]
    conn.close()
    return [rows[i % len(rows)] for i in range(n)]


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.queries: list[tuple[float, bool, str]] = []  # (seconds, during an analysis, endpoint)
        self.analyses: list[float] = []
        self.errors: list[str] = []
        self.in_flight = 0


def client(port: int, jobs: list[tuple[str, str, bytes | None]], res: Results, deadline: float, analysis: bool) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    for method, path, body in jobs:
        if time.monotonic() > deadline:
            with res.lock:
                res.errors.append(f"{method} {path}: not sent (time limit)")
            continue
        if analysis:
            with res.lock:
                res.in_flight += 1
        during = res.in_flight > 0
        t0 = time.perf_counter()
        try:
            headers = {"content-type": "application/json"} if body is not None else {}
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            status, data = -1, str(exc).encode()
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        dt = time.perf_counter() - t0
        with res.lock:
            if analysis:
                res.in_flight -= 1
                res.analyses.append(dt)
            else:
                res.queries.append((dt, during or res.in_flight > 0, path.split("?")[0]))
            if not 200 <= status < 300:
                res.errors.append(f"{method} {path[:60]}: {status} {data[:120]!r}")
    conn.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path("/tmp/nb500.db"))
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--analyses", type=int, default=50)
    ap.add_argument("--analyze-concurrency", type=int, default=4)
    ap.add_argument("--workers", type=int, default=1, help="Analysis worker processes of the server.")
    ap.add_argument("--timeout", type=float, default=540.0, help="Stop sending after this many seconds.")
    args = ap.parse_args()
    if not args.db.is_file():
        sys.exit(f"serve_load: no store at {args.db}; build one with bench/make_corpus.py and `newsbrief run`")

    port = free_port()
    cmd = [sys.executable, "-c", "from newsbrief.cli import main; main()", "serve", "--db", str(args.db)]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers), "--log-level", "warning"]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())
    try:
        start = time.monotonic()
        while True:
            if server.poll() is not None:
                sys.exit("serve_load: the server exited: " + (server.stderr.read() if server.stderr else b"").decode())
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/api/health")
                health = json.loads(c.getresponse().read())
                c.close()
                break
            except (OSError, http.client.HTTPException, ValueError):
                if time.monotonic() - start > 180:
                    sys.exit("serve_load: the server did not answer within 180 s")
                time.sleep(0.5)
        print(
            f"server up in {time.monotonic() - start:.1f} s: {health['db']['articles']} articles, "
            f"model {health['model']}, {health['analysis']['workers']} analysis worker(s)",
            file=sys.stderr,
        )

        paths = query_paths(args.db, args.requests)
        texts = analysis_texts(args.db, args.analyses)
        res = Results()
        deadline = time.monotonic() + args.timeout
        threads = []
        for k in range(args.analyze_concurrency):
            jobs = [
                ("POST", "/api/analyze", json.dumps({"text": t}).encode()) for t in texts[k :: args.analyze_concurrency]
            ]
            threads.append(threading.Thread(target=client, args=(port, jobs, res, deadline, True)))
        for k in range(args.concurrency):
            jobs = [("GET", p, None) for p in paths[k :: args.concurrency]]
            threads.append(threading.Thread(target=client, args=(port, jobs, res, deadline, False)))
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()

    q_all = [q[0] for q in res.queries]
    q_during = [q[0] for q in res.queries if q[1]]
    by_endpoint: dict[str, list[float]] = {}
    for q in res.queries:
        by_endpoint.setdefault(q[2], []).append(q[0])
    report = {
        "queries": len(q_all),
        "queries_during_analysis": len(q_during),
        "analyses": len(res.analyses),
        "errors": len(res.errors),
        "wall_s": round(wall, 1),
        "query_p50_ms": round(1000 * percentile(q_all, 50), 1),
        "query_p99_ms": round(1000 * percentile(q_all, 99), 1),
        "query_during_analysis_p50_ms": round(1000 * percentile(q_during, 50), 1),
        "query_during_analysis_p99_ms": round(1000 * percentile(q_during, 99), 1),
        "analyze_p50_ms": round(1000 * percentile(res.analyses, 50), 1),
        "analyze_p99_ms": round(1000 * percentile(res.analyses, 99), 1),
        "queries_per_s": round(len(q_all) / wall, 1) if wall else None,
    }
    print(
        f"{len(q_all)} queries at {args.concurrency} clients and {len(res.analyses)} analyses at "
        f"{args.analyze_concurrency} clients in {wall:.1f} s; errors: {len(res.errors)}"
    )
    print(f"  queries        p50 {report['query_p50_ms']:7.1f} ms   p99 {report['query_p99_ms']:7.1f} ms")
    print(
        f"  during analysis p50 {report['query_during_analysis_p50_ms']:7.1f} ms   "
        f"p99 {report['query_during_analysis_p99_ms']:7.1f} ms   ({len(q_during)} queries)"
    )
    print(f"  analyses       p50 {report['analyze_p50_ms']:7.1f} ms   p99 {report['analyze_p99_ms']:7.1f} ms")
    for endpoint, values in sorted(by_endpoint.items()):
        print(
            f"  {endpoint:15s} p50 {1000 * percentile(values, 50):7.1f} ms"
            f"   p99 {1000 * percentile(values, 99):7.1f} ms   ({len(values)})"
        )
    report["by_endpoint_p99_ms"] = {k: round(1000 * percentile(v, 99), 1) for k, v in by_endpoint.items()}
    report["query_max_ms"] = round(1000 * max(q_all), 1) if q_all else None
    if q_all:
        print(f"  mean query {1000 * statistics.fmean(q_all):.1f} ms; {report['queries_per_s']} queries/s")
    for e in res.errors[:10]:
        print("  error:", e)
    print(json.dumps(report))
    return 1 if res.errors else 0


if __name__ == "__main__":
    sys.exit(main())
