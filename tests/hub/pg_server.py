"""A throwaway PostgreSQL server for the hub's tests and bench: initdb into a temporary folder,
pg_ctl on a local socket (and a TLS port on 127.0.0.1), stopped and removed afterwards.

PostgreSQL refuses to run as root: as root (CI) the server runs as the ``postgres`` user through
``runuser``, with its folders owned by that user. The binaries are Debian's
(``/usr/lib/postgresql/N/bin``, N ≥ 15), or ``PARK_INSPECTOR_PG_BIN``, or pg_ctl on PATH.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ADMIN = "admin"
MIN_VERSION = 15


def find_bin_dir() -> Path | None:
    """The folder of initdb/pg_ctl/postgres (15 or newer), or None when PostgreSQL is absent."""
    wanted = os.environ.get("PARK_INSPECTOR_PG_BIN")
    candidates = [Path(wanted)] if wanted else []
    versions = []
    for folder in Path("/usr/lib/postgresql").glob("*/bin"):
        with contextlib.suppress(ValueError):
            versions.append((int(folder.parent.name), folder))
    candidates += [folder for _, folder in sorted(versions, reverse=True)]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            out = subprocess.run([str(folder / "postgres"), "--version"], capture_output=True,
                                 text=True, check=False).stdout
            match = re.search(r"(\d+)", out)
            if match and int(match.group(1)) >= MIN_VERSION:
                return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Certificates:
    """A self-made CA, a server certificate for localhost/127.0.0.1 and a client certificate."""

    folder: Path
    ca: Path = field(init=False)
    server_cert: Path = field(init=False)
    server_key: Path = field(init=False)

    def __post_init__(self) -> None:
        self.ca = self.folder / "ca.crt"
        self.server_cert = self.folder / "server.crt"
        self.server_key = self.folder / "server.key"

    def client(self, user: str) -> tuple[Path, Path]:
        return self.folder / f"{user}.crt", self.folder / f"{user}.key"


def make_certificates(folder: Path, client_users: tuple[str, ...] = ()) -> Certificates:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder.mkdir(parents=True, exist_ok=True)
    certs = Certificates(folder)
    now = dt.datetime.now(dt.UTC)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    def write_key(key, path: Path) -> None:
        path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
        path.chmod(0o600)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (x509.CertificateBuilder().subject_name(name("Park Inspector test CA"))
               .issuer_name(name("Park Inspector test CA")).public_key(ca_key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
               .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                            key_encipherment=False, data_encipherment=False,
                                            key_agreement=False, key_cert_sign=True, crl_sign=True,
                                            encipher_only=False, decipher_only=False), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
               .sign(ca_key, hashes.SHA256()))
    certs.ca.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))

    def issue(cn: str, cert_path: Path, key_path: Path, *, server: bool) -> None:
        key = ec.generate_private_key(ec.SECP256R1())
        builder = (x509.CertificateBuilder().subject_name(name(cn)).issuer_name(ca_cert.subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                                  critical=False))
        if server:
            builder = builder.add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
        cert = builder.sign(ca_key, hashes.SHA256())
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        write_key(key, key_path)

    issue("localhost", certs.server_cert, certs.server_key, server=True)
    for user in client_users:
        issue(user, *certs.client(user), server=False)
    return certs


class PostgresServer:
    """One PostgreSQL cluster in a temporary folder; ``start()``/``stop()``/``kill()``; ``url()``."""

    def __init__(self, bin_dir: Path, *, tls: bool = True, cert_users: tuple[str, ...] = (),
                 durable: bool = False) -> None:
        self.bin_dir = bin_dir
        self.as_root = os.geteuid() == 0
        # Short and reachable by the postgres user (pytest's tmp folders are root-only, and a
        # socket path must stay under ~100 characters).
        self.folder = Path(tempfile.mkdtemp(prefix="pi-pg-"))
        self.data = self.folder / "data"
        self.socket_dir = self.folder / "socket"
        self.password = "admin-" + os.urandom(8).hex()
        self.port = _free_port()
        self.tls = tls
        self.certs: Certificates | None = None
        self.cert_users = cert_users
        self.durable = durable
        self.log = self.folder / "server.log"
        self._init()

    # --- running the binaries as the right user ------------------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check,
                              env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})

    def _give_to_postgres(self, path: Path) -> None:
        if self.as_root:
            user = pwd.getpwnam("postgres")
            os.chown(path, user.pw_uid, user.pw_gid)

    def _init(self) -> None:
        self.folder.chmod(0o755)
        self.socket_dir.mkdir()
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password)
        for path in (self.folder, self.socket_dir, pwfile):
            self._give_to_postgres(path)
        self._run("initdb", "-D", str(self.data), "-A", "scram-sha-256", "--pwfile", str(pwfile),
                  "-U", ADMIN, "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync")
        pwfile.unlink()
        settings = [
            f"unix_socket_directories = '{self.socket_dir}'",
            "listen_addresses = ''",
            f"port = {self.port}",
            # A throwaway server: durability is not what the tests measure (the bench's is durable).
            f"fsync = {'on' if self.durable else 'off'}",
            "max_connections = 60",
            "log_min_messages = warning",
        ]
        hba = ["local all all scram-sha-256"]
        if self.tls:
            self.certs = make_certificates(self.folder / "certs", self.cert_users)
            # The server's files are the server's; client keys stay the test's (libpq refuses a
            # key owned by another user).
            for path in (self.certs.folder, self.certs.ca, self.certs.server_cert, self.certs.server_key):
                self._give_to_postgres(path)
            settings += ["listen_addresses = '127.0.0.1'", "ssl = on",
                         f"ssl_cert_file = '{self.certs.server_cert}'",
                         f"ssl_key_file = '{self.certs.server_key}'",
                         f"ssl_ca_file = '{self.certs.ca}'"]
            hba += [f"hostssl all {user} 127.0.0.1/32 cert" for user in self.cert_users]
            hba += ["hostssl all all 127.0.0.1/32 scram-sha-256"]
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n".join(settings) + "\n")
        (self.data / "pg_hba.conf").write_text("\n".join(hba) + "\n", encoding="utf-8")

    # --- life -----------------------------------------------------------------------------------

    def start(self) -> None:
        result = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "30",
                           "start", check=False)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {result.stderr}\n{log[-2000:]}")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def kill(self) -> None:
        """Stop the server at once, as a crash or a pulled cable would (no clean shutdown)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- addresses ------------------------------------------------------------------------------

    def url(self, user: str = ADMIN, database: str = "postgres", *, password: str | None = None) -> str:
        """A libpq connection string over the local socket."""
        parts = [f"host={self.socket_dir}", f"port={self.port}", f"dbname={database}", f"user={user}"]
        if password is not None:
            parts.append(f"password={password}")
        return " ".join(parts)

    def admin_url(self, database: str = "postgres") -> str:
        return self.url(ADMIN, database, password=self.password)

    def tls_url(self, user: str, database: str, *, sslmode: str = "verify-full") -> str:
        assert self.certs is not None
        return (f"postgresql://{user}@localhost:{self.port}/{database}"
                f"?sslmode={sslmode}&sslrootcert={self.certs.ca}")
