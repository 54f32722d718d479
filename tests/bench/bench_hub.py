"""The hub at scale (run by hand; prints figures, asserts nothing about time).

    .venv/bin/python tests/bench/bench_hub.py [--laptops 200] [--per-laptop 50] [--photos 100]
    (--laptops 0 or --photos 0 leaves that part out)

Starts its own PostgreSQL (fsync on, as an office's would be) and measures:

1. one inspection with 100 photos pushed from a real data folder by ``sync_folder``: photo
   originals of 3 MB and report-size copies of 300 KB (random bytes: as incompressible as JPEG);
   goal < 5 s;
2. 200 laptops × 50 inspections (3 small photos, 30 answers, 2 findings each) pushed to one
   hub, each laptop as its own hub user through ``hub.push_revision`` (the rows and files of a
   revision made directly rather than exported from 200 data folders: the hub's work is the same);
3. the hub's size per inspection;
4. at 10,000 inspections: ``hub inspections`` (all, as a reviewer; and one inspector's), and one
   park's history; goal < 1 s;
5. the office's views at 10,000 inspections (issue 12; most inspections approved by a reviewer,
   answers to the real items of 000, findings half of them past their deadline): the ranking of
   template 000, the 整改 tracker (its first page, filtered, and whole for the Excel export), one
   park's trends, the 中心 list's first page, one inspection read whole for the review screen,
   the 公示 list as PDF and Excel; goal < 1 s each.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg
from PIL import Image

from checklists.library import get_template
from inspection.hub.admin import add_user, init_hub
from inspection.hub.connection import HubAddress, open_hub
from inspection.hub.folder import connect_folder
from inspection.hub.listing import inspections, park_history
from inspection.hub.push import push_revision
from inspection.hub.sync import sync_folder
from inspection.model import PreparedPhoto, Status
from inspection.store import open_store
from tests.hub.payloads import make_revision
from tests.hub.pg_server import PostgresServer, find_bin_dir

DB = "bench_hub"
CODES = [n.code for n in get_template("000").item_nodes]


def _thumb() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 192), (120, 140, 160)).save(out, "JPEG")
    return out.getvalue()


def bench_big_push(server: PostgresServer, photos: int) -> None:
    root = Path(tempfile.mkdtemp()) / "data"
    with open_hub(HubAddress.parse(server.url("admin", DB))[0], password=server.password) as s:
        add_user(s, "big_laptop", "inspector", "pw")
    connect_folder(root, server.url("big_laptop", DB), password="pw").close()
    store = open_store(root, actor="bench")
    park = store.add_park("大园区", "manufacturing", address="某路1号")
    inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-05-01")
    thumb = _thumb()
    total = 0
    for n in range(photos):
        original, small = os.urandom(3_000_000), os.urandom(300_000)
        sha = hashlib.sha256(original).hexdigest()
        store.data_dir.original(sha, "jpg").parent.mkdir(parents=True, exist_ok=True)
        store.data_dir.original(sha, "jpg").write_bytes(original)
        store.data_dir.report_image(sha).write_bytes(small)
        total += len(original) + len(small)
        store.add_photo(inspection.id, PreparedPhoto(sha256=sha, ext="jpg", original_name=f"IMG_{n}.jpg",
                                                     size=len(original), width=4000, height=3000,
                                                     thumbnail_jpeg=thumb))
    store.set_status(inspection.id, Status.COMPLETED)
    start = time.perf_counter()
    report = sync_folder(store, root)
    took = time.perf_counter() - start
    assert report.outcome == "done", report
    print(f"1. one inspection with {photos} photos ({total / 1e6:.0f} MB: 3 MB originals + 300 KB copies)"
          f" pushed by sync_folder: {took:.2f} s ({total / 1e6 / took:.0f} MB/s) — goal < 5 s")
    start = time.perf_counter()
    again = sync_folder(store, root)
    print(f"   the next sync (nothing to send, pull only): {time.perf_counter() - start:.2f} s;"
          f" pushed {len(again.pushed)}")
    store.close()


def bench_many_laptops(server: PostgresServer, laptops: int, per_laptop: int) -> list[str]:
    with open_hub(HubAddress.parse(server.url("admin", DB))[0], password=server.password) as s:
        for n in range(laptops):
            add_user(s, f"laptop{n:03d}", "inspector", "pw")
    parks = [{"id": None, "name": f"园区{n:03d}", "address": f"工业路{n}号",
              "park_type": "manufacturing", "contacts": []} for n in range(max(1, laptops * per_laptop // 25))]
    times = []
    start_all = time.perf_counter()
    for n in range(laptops):
        conn = psycopg.connect(server.url(f"laptop{n:03d}", DB), password="pw")
        local_parks: dict[str, dict] = {}  # this laptop's parks: its own ids, the shared names
        for k in range(per_laptop):
            template = parks[(n * 7 + k * 13) % len(parks)]
            park = local_parks.setdefault(template["name"], {**template, "id": str(uuid.uuid4())})
            fails = (n * 31 + k * 17) % 12  # 0–11 of the 30 items answered 不符合
            upload = make_revision(park=park, photos=3, photo_bytes=30_000, answers=30, findings=2,
                                   date=f"20{20 + k % 7}-{1 + k % 12:02d}-{1 + n % 28:02d}",
                                   status="signed" if k % 3 == 0 else "completed",
                                   item_codes=CODES[(k % 3) * 30:(k % 3) * 30 + 30],
                                   results=["fail"] * fails + ["pass"] * (30 - fails),
                                   deadline=f"202{5 + k % 3}-{1 + k % 12:02d}-15")
            start = time.perf_counter()
            push_revision(conn, upload)
            times.append(time.perf_counter() - start)
        conn.close()
        if (n + 1) % 20 == 0:
            print(f"   … {n + 1} laptops, {(n + 1) * per_laptop} inspections,"
                  f" {time.perf_counter() - start_all:.0f} s", flush=True)
    count = laptops * per_laptop
    took = time.perf_counter() - start_all
    print(f"2. {laptops} laptops × {per_laptop} inspections = {count} pushed in {took:.0f} s;"
          f" one push (3 photos of 30 KB, 30 answers, 2 findings): median"
          f" {statistics.median(times) * 1000:.0f} ms, p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.0f} ms")
    return [p["name"] for p in parks]


def bench_queries(server: PostgresServer, park_names: list[str]) -> None:
    with psycopg.connect(server.admin_url(DB), autocommit=True) as conn:
        conn.execute("ANALYZE")  # as autovacuum would have done by then
        count = conn.execute("SELECT count(*) FROM hub.inspections").fetchone()[0]
        size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        blobs = conn.execute("SELECT pg_total_relation_size('hub.blob_chunks')").fetchone()[0]
        rows = sum(conn.execute(f"SELECT pg_total_relation_size('hub.{t}')").fetchone()[0]
                   for t in ("inspections", "revisions", "revision_files", "answers", "findings",
                             "photos", "signatures", "reports", "park_proposals", "blobs", "blob_holders"))
    print(f"3. hub size: {size / 1e6:.0f} MB for {count} inspections = {size / count / 1e3:.0f} KB per inspection"
          f" (files {blobs / count / 1e3:.0f} KB, rows and indexes {rows / count / 1e3:.0f} KB)")
    with psycopg.connect(server.admin_url(), autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {DB} SET jit = off")
    with open_hub(HubAddress.parse(server.url("admin", DB))[0], password=server.password) as s:
        add_user(s, "bench_reviewer", "reviewer", "pw")
    reviewer = open_hub(HubAddress.parse(server.url("bench_reviewer", DB))[0], password="pw")
    inspector = open_hub(HubAddress.parse(server.url("laptop000", DB))[0], password="pw")

    def timed(label: str, fn, runs: int = 5) -> None:
        fn()  # warm
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            result = fn()
            samples.append(time.perf_counter() - start)
        size = len(result) if isinstance(result, list) else len(result["inspections"])
        print(f"   {label}: {statistics.median(samples) * 1000:.0f} ms median of {runs}"
              f" ({size} rows) — goal < 1 s")

    print(f"4. at {count} inspections:")
    timed("hub inspections, all (reviewer)", lambda: inspections(reviewer))
    timed("hub inspections, one inspector's", lambda: inspections(inspector))
    timed("hub inspections, first page of 100 (reviewer)", lambda: inspections(reviewer, limit=100))
    timed(f"one park's history ({park_names[0]}, reviewer)", lambda: park_history(reviewer, park_names[0]))
    timed(f"open findings of every park (the pull's query, {count} inspections)",
          lambda: reviewer.conn.execute("SELECT * FROM hub.open_findings").fetchall())
    reviewer.close()
    inspector.close()


def bench_office(server: PostgresServer, park_names: list[str]) -> None:
    from inspection.hub.office import park_visits, ranking_entries, tracker_rows
    from inspection.hub.office_list import OfficeFilter, office_inspections, review_detail
    from inspection.office.publicity import publicity_pdf
    from inspection.office.ranking import rank_parks
    from inspection.office.tracker import TrackerFilter
    from inspection.office.trends import park_trends
    from inspection.office.xlsx import ranking_xlsx, tracker_xlsx

    with psycopg.connect(server.url("bench_reviewer", DB), password="pw", autocommit=True) as conn:
        # A reviewer's decisions: 17 in 20 approved, 1 in 20 returned, the rest not reviewed yet.
        conn.execute("""INSERT INTO hub.reviews (inspection_id, revision_id, decision, comment)
                        SELECT id, current_revision, CASE WHEN n % 20 = 0 THEN 'returned' ELSE 'approved' END,
                               CASE WHEN n % 20 = 0 THEN '照片不清晰' ELSE '' END
                        FROM (SELECT id, current_revision, row_number() OVER (ORDER BY id) AS n
                              FROM hub.inspections) i WHERE n % 20 NOT IN (1, 2)""")
        reviewed = conn.execute("SELECT count(*) FROM hub.reviews").fetchone()[0]
    with psycopg.connect(server.admin_url(DB), autocommit=True) as conn:
        conn.execute("ANALYZE")
    reviewer = open_hub(HubAddress.parse(server.url("bench_reviewer", DB))[0], password="pw")
    count = reviewer.conn.execute("SELECT count(*) FROM hub.inspections").fetchone()[0]
    reviewer.conn.commit()
    print(f"5. the office's views at {count} inspections ({reviewed} decisions):")

    def timed(label: str, fn, size=len, runs: int = 5):
        fn()  # warm
        samples = []
        result = None
        for _ in range(runs):
            start = time.perf_counter()
            result = fn()
            samples.append(time.perf_counter() - start)
        print(f"   {label}: {statistics.median(samples) * 1000:.0f} ms median of {runs} ({size(result)})"
              " — goal < 1 s")
        return result

    def ranking():
        template, entries, waiting = ranking_entries(reviewer, "000")
        return rank_parks(template, entries, waiting=waiting)

    ranked = timed("ranking of 000 (latest approved per park, scored, ranked)", ranking,
                   lambda r: f"{len(r.ranked)} parks ranked, {len(r.unranked) + len(r.waiting)} not")
    timed("整改 tracker, first page of 200", lambda: tracker_rows(reviewer, TrackerFilter(limit=200)),
          lambda p: f"{len(p.rows)} of {p.total} open, {p.overdue} overdue")
    timed("整改 tracker, one park's overdue", lambda: tracker_rows(
        reviewer, TrackerFilter(park=park_names[len(park_names) // 2], overdue_only=True, limit=200)), lambda p: f"{p.total} rows")
    whole = timed("整改 tracker, everything (for the Excel export)", lambda: tracker_rows(reviewer, TrackerFilter()),
                  lambda p: f"{len(p.rows)} rows")
    timed(f"one park's trends ({park_names[0]})", lambda: park_trends(*park_visits(reviewer, park_names[0])),
          lambda t: f"{len(t.points)} visits")
    page = timed("中心 list, first page of 200 (pending review)", lambda: office_inspections(
        reviewer, OfficeFilter(review="pending")), lambda r: f"{len(r[0])} of {r[1]}")
    timed("one inspection read whole for review", lambda: review_detail(reviewer, page[0][0]["id"]),
          lambda d: f"{len(d['answers'])} answers, {len(d['photos'])} photos")
    out = Path(tempfile.mkdtemp())
    timed("公示 list as PDF", lambda: publicity_pdf(ranked, out / "公示.pdf"),
          lambda p: f"{p.stat().st_size // 1024} KB", runs=3)
    timed("公示 list as Excel", lambda: ranking_xlsx(ranked, out / "公示.xlsx"),
          lambda p: f"{p.stat().st_size // 1024} KB", runs=3)
    timed("整改 tracker as Excel", lambda: tracker_xlsx(whole, out / "整改.xlsx"),
          lambda p: f"{p.stat().st_size // 1024} KB", runs=3)
    reviewer.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--laptops", type=int, default=200)
    parser.add_argument("--per-laptop", type=int, default=50)
    parser.add_argument("--photos", type=int, default=100)
    args = parser.parse_args()
    server = PostgresServer(find_bin_dir(), tls=False, durable=True)
    server.start()
    try:
        with psycopg.connect(server.admin_url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DB}")
        init_hub(server.admin_url(DB))
        if args.photos:
            bench_big_push(server, args.photos)
        if args.laptops:
            parks = bench_many_laptops(server, args.laptops, args.per_laptop)
            bench_queries(server, parks)
            bench_office(server, parks)
    finally:
        server.remove()


if __name__ == "__main__":
    main()
