"""Blob storage on the hub: bytea chunks vs large objects for 5 MB photos (prints figures).

    .venv/bin/python tests/bench/bench_hub_blobs.py [COUNT]

Starts its own PostgreSQL (fsync on), writes COUNT random 5 MB "photos" each way, each in its
own transaction, reads them back, and reports time and space. The bytea way goes through the
hub's own functions (hub.put_blob_chunk + hub.finish_blob, as an inspector: the rights and the
hash check included); the large-object way writes lo_create/lo_put in 1 MB pieces as a
superuser would (no rights, no hash check: its best case).
"""
from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg

from inspection.hub.admin import add_user, init_hub
from inspection.hub.blobs import CHUNK_SIZE, BlobUpload, read_blob, upload_one
from inspection.hub.connection import HubAddress, open_hub
from tests.hub.pg_server import PostgresServer, find_bin_dir

SIZE = 5 * 1024 * 1024


def main(count: int) -> None:
    server = PostgresServer(find_bin_dir(), tls=False, durable=True)
    server.start()
    try:
        with psycopg.connect(server.admin_url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        init_hub(server.admin_url("bench"))
        with open_hub(HubAddress.parse(server.url("admin", "bench"))[0], password=server.password) as s:
            add_user(s, "bench_inspector", "inspector", "pw")
        folder = Path(tempfile.mkdtemp())
        files = []
        for n in range(count):
            path = folder / f"p{n}.jpg"
            path.write_bytes(os.urandom(SIZE))
            files.append((path, hashlib.sha256(path.read_bytes()).hexdigest()))
        inspector = psycopg.connect(server.url("bench_inspector", "bench"), password="pw")
        admin = psycopg.connect(server.admin_url("bench"))

        def size_of(sql: str) -> int:
            return admin.execute(sql).fetchone()[0] or 0

        before = size_of("SELECT pg_total_relation_size('hub.blob_chunks')")
        start = time.perf_counter()
        for path, sha in files:
            upload_one(inspector, BlobUpload(sha, SIZE, path=path))
        bytea_write = time.perf_counter() - start
        bytea_space = size_of("SELECT pg_total_relation_size('hub.blob_chunks')") - before
        start = time.perf_counter()
        for _, sha in files:
            read_blob(inspector, sha)
        bytea_read = time.perf_counter() - start

        before = size_of("SELECT pg_total_relation_size('pg_largeobject')")
        oids = []
        start = time.perf_counter()
        for path, _ in files:
            data = path.read_bytes()
            with admin.transaction():
                oid = admin.execute("SELECT lo_create(0)").fetchone()[0]
                for offset in range(0, len(data), CHUNK_SIZE):
                    admin.execute("SELECT lo_put(%s, %s, %s)", [oid, offset, data[offset:offset + CHUNK_SIZE]])
                hashlib.sha256(data).hexdigest()
            oids.append(oid)
        lo_write = time.perf_counter() - start
        lo_space = size_of("SELECT pg_total_relation_size('pg_largeobject')") - before
        start = time.perf_counter()
        for oid in oids:
            data = b"".join(bytes(admin.execute("SELECT lo_get(%s, %s, %s)", [oid, off, CHUNK_SIZE]).fetchone()[0])
                            for off in range(0, SIZE, CHUNK_SIZE))
            hashlib.sha256(data).hexdigest()
        admin.commit()
        lo_read = time.perf_counter() - start

        mb = count * SIZE / 1e6
        print(f"{count} photos of 5 MB ({mb:.0f} MB), one transaction each, fsync on:")
        print(f"  bytea chunks (hub functions, checked): write {bytea_write:.2f} s ({mb / bytea_write:.0f} MB/s,"
              f" {bytea_write / count * 1000:.0f} ms/photo), read {bytea_read:.2f} s"
              f" ({mb / bytea_read:.0f} MB/s), space {bytea_space / count / 1e6:.2f} MB/photo")
        print(f"  large objects (superuser, unchecked): write {lo_write:.2f} s ({mb / lo_write:.0f} MB/s,"
              f" {lo_write / count * 1000:.0f} ms/photo), read {lo_read:.2f} s"
              f" ({mb / lo_read:.0f} MB/s), space {lo_space / count / 1e6:.2f} MB/photo")
    finally:
        server.remove()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
