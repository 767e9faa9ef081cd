"""Web latency at 10,000 reports: p50/p95 of the report list, a report page and search.

    .venv/bin/python bench/bench_web.py build --db URL [--reports 10000] [--workers 2]
    .venv/bin/python bench/bench_web.py copy --db SOURCE_URL --to TARGET_URL
    .venv/bin/python bench/bench_web.py measure --db URL [--clients 8] [--seconds 30] [--warmup 5] [--workers 1]

``build`` fills a database with synthetic reports: paragraphs of the seeds and
the examples recombined under invented jurisdictions, each text opening with a
line that says it is synthetic, each analysed by the real pipeline and stored by
``Store.save`` (so the triggers fill the search index as in production). It adds
to what is there, so it can be resumed. ``measure`` starts ``fazhi serve`` on
the database in a subprocess (one uvicorn worker, as the README runs it), logs
several concurrent clients in, and has each request pages in a loop for the
given time; it prints p50/p95 per kind of request. ``copy`` moves the built
reports (originals and analyses) to a second database, e.g. SQLite to
PostgreSQL, without analysing them again; the target's triggers fill its index. Targets: pages p95 < 150 ms,
search p95 < 300 ms. Any database URL works, e.g. one built by the corpus
benchmark's generator.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT / "src"))

MARK = "【合成样本:fazhi bench/bench_web.py 生成,非真实报告】"
PROVINCES = ("山西省", "辽宁省", "河南省", "四川省", "宁夏回族自治区", "浙江省", "广东省", "甘肃省", "江西省", "福建省")
SYLLABLES = "云岭青溪石岚松河金泉桐柳枫梧竹雁湖兰杏桃栗楠槐荷梅芷萍蓬莲菱"
HEADINGS = ("一、{year}年度推进法治政府建设的主要举措和成效", "二、党政主要负责人履行推进法治建设第一责任人职责情况",
            "三、存在的不足和原因", "四、{next}年度推进法治政府建设的主要安排")
SEARCHES = ("复议", "应诉", "普法", "行政执法", "法治政府", "营商环境", "行政复议决定", "合法性审查", "公平竞争审查", "调解")
BENCH_USER, BENCH_PASSWORD = "bench", "bench-password-1"


def _paragraphs() -> list[str]:
    from fazhi.core.settings import Settings
    from fazhi.ingest import read_path

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [read_path(p, Settings()).masked() for p in sorted((ROOT / "examples").iterdir()) if p.is_file()]
    heading = re.compile(r"^[一二三四五六七八九十]+、|^[((][一二三四五六七八九十]+[))]")
    return sorted({line.strip() for t in texts for line in t.splitlines()
                   if len(line.strip()) >= 60 and not heading.match(line.strip())})


def synthetic_text(i: int, pool: list[str]) -> str:
    rng = random.Random(i)
    name = "".join(rng.sample(SYLLABLES, 2)) + rng.choice("县市区")
    year = rng.choice((2021, 2022, 2023, 2024))
    province = PROVINCES[i % len(PROVINCES)]
    lines = [f"{name}{year}年度法治政府建设情况报告", MARK, f"{province}{name}人民政府"]
    for h in HEADINGS:
        lines.append(h.format(year=year, next=year + 1))
        lines += rng.sample(pool, rng.randint(5, 12))
    lines.append(f"{name}人民政府")
    lines.append(f"{year + 1}年3月{rng.randint(1, 28)}日")
    return "\n".join(lines) + "\n"


def _build_slice(args: tuple[str, int, int, int]) -> int:
    from fazhi.core.settings import Settings
    from fazhi.pipeline import analyze_bytes
    from fazhi.store import open_store

    url, start, stop, step = args
    settings = Settings(database_url=url)
    store = open_store(settings)
    pool = _paragraphs()
    done = 0
    for i in range(start, stop, step):
        data = synthetic_text(i, pool).encode("utf-8")
        store.save(analyze_bytes(data, f"synthetic/{i:05d}.txt", settings), data)
        done += 1
    return done


def build(url: str, reports: int, workers: int) -> None:
    from fazhi.core.settings import Settings
    from fazhi.store import open_store
    from fazhi.store.accounts import add_user

    store = open_store(Settings(database_url=url))
    have = store.count_reports()
    add_user(store, BENCH_USER, BENCH_PASSWORD, "reviewer")
    if have >= reports:
        print(f"{have} reports already there")
        return
    t0 = time.perf_counter()
    # Report i is the same text on every run, so a resumed build skips (dedups) what it stored.
    jobs = [(url, have + w, reports, workers) for w in range(workers)]
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        stored = sum(pool.map(_build_slice, jobs))
    print(f"stored {stored} synthetic reports in {time.perf_counter() - t0:.0f} s; now {store.count_reports()}")


def copy(source: str, target: str, batch: int = 200) -> None:
    import sqlalchemy as sa

    from fazhi.core.settings import Settings
    from fazhi.store import open_store
    from fazhi.store.accounts import add_user
    from fazhi.store.schema import originals, reports

    src, dst = open_store(Settings(database_url=source)), open_store(Settings(database_url=target))
    add_user(dst, BENCH_USER, BENCH_PASSWORD, "reviewer")
    with dst.engine.connect() as conn:
        have = set(conn.execute(sa.select(reports.c.sha256)).scalars())
    t0, moved = time.perf_counter(), 0
    columns = [c for c in reports.c if c.name != "id"]
    with src.engine.connect() as read:
        rows = read.execution_options(yield_per=batch).execute(
            sa.select(originals, *columns).join(reports, reports.c.sha256 == originals.c.sha256)
            .order_by(reports.c.id))
        for part in rows.partitions(batch):
            part = [r for r in part if r.sha256 not in have]
            if not part:
                continue
            with dst.engine.begin() as write:
                write.execute(originals.insert(), [
                    {"sha256": r.sha256, "size": r.size, "content": r.content, "stored_at": r.stored_at} for r in part])
                write.execute(reports.insert(), [{c.name: r._mapping[c.name] for c in columns} for r in part])
            moved += len(part)
    print(f"copied {moved} reports in {time.perf_counter() - t0:.0f} s; now {dst.count_reports()}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _client(base: str):
    import httpx

    client = httpx.Client(base_url=base, timeout=60)
    page = client.get("/login").text
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    client.post("/login", data={"username": BENCH_USER, "password": BENCH_PASSWORD, "csrf_token": token})
    assert client.get("/api/session").status_code == 200, "bench user cannot log in (run build first)"
    return client


def _request(kind: str, rng: random.Random, total: int, ids: list[int]) -> str:
    if kind == "list":
        params = rng.choice(["", "sort=-score", "year=2023", "band=70", "sort=jurisdiction&level=county"])
        return f"/reports?{params}&offset={rng.randrange(0, 40) * 50}"
    if kind == "report":
        return f"/reports/{rng.choice(ids)}"
    return f"/search?q={rng.choice(SEARCHES)}"


def _peak_rss_mb(pid: int) -> float | None:
    """The peak resident memory of a process and its children, from /proc (Linux; None elsewhere)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kb = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return kb / 1024 + sum(_peak_rss_mb(int(c)) or 0 for c in children)


def measure(url: str, clients: int, seconds: float, workers: int = 1, warmup: float = 5) -> None:
    from fazhi.core.settings import Settings
    from fazhi.store import open_store

    store = open_store(Settings(database_url=url))
    total = store.count_reports()
    ids = [r["id"] for r in store.list_reports(limit=total)]
    port = _free_port()
    server = subprocess.Popen([str(Path(sys.executable).with_name("fazhi")), "serve", "--db", url, "--port", str(port),
                               "--workers", str(workers)], stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("server did not start") from None
                time.sleep(0.2)
        times: dict[str, list[float]] = {"list": [], "report": [], "search": []}
        lock = threading.Lock()
        # The first requests of a fresh server read its list index and compile its templates,
        # and the database's pages may not be in memory yet: for ``warmup`` seconds the
        # clients run the same mix untimed, so the figures are those of a running server.
        start = time.monotonic() + warmup
        stop = start + seconds

        def run(n: int) -> None:
            client, rng = _client(base), random.Random(n)
            kinds = list(times)
            while time.monotonic() < stop:
                kind = kinds[rng.randrange(3)]
                path = _request(kind, rng, total, ids)
                timed, t0 = time.monotonic() >= start, time.perf_counter()
                response = client.get(path)
                elapsed = (time.perf_counter() - t0) * 1000
                assert response.status_code == 200, (path, response.status_code)
                if timed:
                    with lock:
                        times[kind].append(elapsed)

        threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        peak = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    backend = url.split(":", 1)[0].split("+")[0]
    print(f"{backend}, {total} reports, {clients} concurrent clients, {workers} server worker(s), {seconds:.0f} s"
          f" after {warmup:.0f} s untimed")
    if peak:
        print(f"server peak memory (VmHWM, its processes together): {peak:.0f} MB")
    print(f"{'request':<8} {'n':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, values in times.items():
        if values:
            q = statistics.quantiles(values, n=20)
            print(f"{kind:<8} {len(values):>6} {statistics.median(values):>8.1f} {q[18]:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--db", required=True)
    b.add_argument("--reports", type=int, default=10_000)
    b.add_argument("--workers", type=int, default=2)
    c = sub.add_parser("copy")
    c.add_argument("--db", required=True)
    c.add_argument("--to", required=True)
    m = sub.add_parser("measure")
    m.add_argument("--db", required=True)
    m.add_argument("--clients", type=int, default=8)
    m.add_argument("--seconds", type=float, default=30)
    m.add_argument("--warmup", type=float, default=5, help="seconds of untimed requests first")
    m.add_argument("--workers", type=int, default=1, help="fazhi serve --workers")
    args = parser.parse_args()
    if args.command == "build":
        build(args.db, args.reports, args.workers)
    elif args.command == "copy":
        copy(args.db, args.to)
    else:
        measure(args.db, args.clients, args.seconds, args.workers, args.warmup)


if __name__ == "__main__":
    main()
