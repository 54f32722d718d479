"""TLS when the office's address asks for it: sslmode=verify-full against the server's CA, a
wrong CA refused with a clear message, and a client certificate instead of a password."""
import pytest

from inspection.hub.errors import HubUnreachable
from inspection.hub.folder import connect_folder
from inspection.hub.sync import sync_folder
from tests.hub.conftest import CERT_USER
from tests.hub.folders import filled_inspection, folder
from tests.hub.pg_server import make_certificates


def test_verify_full_connects_and_syncs_over_tls(hub, tmp_path):
    alice = hub.add_user("inspector")
    root = tmp_path / "a"
    with connect_folder(root, hub.server.tls_url(alice, hub.database), password=hub.passwords[alice]) as session:
        ssl = session.conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0]
    assert ssl is True
    _, store = folder(tmp_path, "a")
    filled_inspection(store, photos=1)
    assert sync_folder(store, root).outcome == "done"


def test_a_server_certificate_from_another_ca_is_refused(hub, tmp_path):
    alice = hub.add_user("inspector")
    other = make_certificates(tmp_path / "other-ca")
    url = hub.server.tls_url(alice, hub.database).replace(str(hub.server.certs.ca), str(other.ca))
    with pytest.raises(HubUnreachable) as caught:
        connect_folder(tmp_path / "a", url, password=hub.passwords[alice])
    assert caught.value.code == "hub.tls"
    assert "certificate" in caught.value.text("en")


def test_a_client_certificate_logs_in_without_a_password(hub, tmp_path):
    hub.add_user("inspector", name=CERT_USER)
    cert, key = hub.server.certs.client(CERT_USER)
    url = hub.server.tls_url(CERT_USER, hub.database) + f"&sslcert={cert}&sslkey={key}"
    root = tmp_path / "c"
    with connect_folder(root, url) as session:
        assert session.role == "inspector"
    assert not (root / "hub" / "pgpass").exists()
    _, store = folder(tmp_path, "c")
    filled_inspection(store, photos=1)
    assert sync_folder(store, root).outcome == "done"
