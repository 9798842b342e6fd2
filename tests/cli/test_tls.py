"""The centre over HTTPS: `ytcs centre serve --certfile --keyfile` with a certificate from the centre's own
authority; a PC that does not trust it is told it is a certificate problem and how to trust the centre's
authority (`ytcs login --ca-file`), and then signs in and syncs. A plain-http address to another computer
is warned about before a password is typed. Real server process, real certificates."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.cli.conftest import Runner
from tests.sync.conftest import start_server, stop_server
from ytcs_desktop.sync.links import plain_http_risk

PASSWORD = "matkhau-01"


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A certificate authority of the centre and the server's certificate it signed (127.0.0.1, localhost)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("TTYT Thuận An CA")).issuer_name(_name("TTYT Thuận An CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("ttyt-thuanan")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "server.pem", folder / "server-key.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_file.chmod(0o600)
    return ca_file, cert_file, key_file


@pytest.fixture
def tls_centre(tmp_path: Path, ytcs: Runner) -> Iterator[tuple[str, Path]]:
    folder = tmp_path / "centre-server"
    folder.mkdir()
    ca_file, cert_file, key_file = make_certificates(tmp_path)
    assert ytcs("centre", "add-station", "TYT-AP", "Trạm Y tế phường An Phú", data=folder).code == 0
    import io
    import sys

    old, sys.stdin = sys.stdin, io.StringIO(PASSWORD + "\n")
    try:
        assert ytcs("centre", "add-user", "ap.lan", "--role", "station", "--station", "TYT-AP",
                    "--password-stdin", data=folder).code == 0
    finally:
        sys.stdin = old
    proc, base = start_server(f"sqlite:///{folder / 'centre-server.sqlite3'}",
                              extra=("--certfile", str(cert_file), "--keyfile", str(key_file)))
    try:
        yield base, ca_file
    finally:
        stop_server(proc)


def test_a_pc_trusts_the_centres_own_authority_through_ca_file(tls_centre: tuple[str, Path], tmp_path: Path,
                                                               ytcs_process: Runner) -> None:
    base, ca_file = tls_centre
    assert base.startswith("https://127.0.0.1:")
    pc = tmp_path / "ap-pc1"
    login = ("login", "--server", base, "--username", "ap.lan", "--password-stdin", "--store-token-in-file")

    untrusted = ytcs_process(*login, data=pc, stdin=PASSWORD + "\n")
    assert untrusted.code == 2 and len(untrusted.err_lines) == 1 and "Traceback" not in untrusted.err
    assert "chứng chỉ" in untrusted.err and "--ca-file" in untrusted.err and "không phải lỗi mạng" in untrusted.err
    assert not pc.exists()

    joined = ytcs_process(*login, "--ca-file", str(ca_file), data=pc, stdin=PASSWORD + "\n")
    assert joined.code == 0, joined
    assert "http" not in joined.err  # no plain-http warning for https
    synced = ytcs_process("sync", data=pc)  # later syncs trust the authority kept in the data folder
    assert synced.code == 0, synced
    status = json.loads(ytcs_process("sync", "status", "--format", "json", data=pc).out)
    assert status["rejected"] == 0 and status["server"] == base


def test_a_missing_certificate_file_is_one_line(ytcs_process: Runner, tmp_path: Path) -> None:
    result = ytcs_process("centre", "serve", "--certfile", str(tmp_path / "none.pem"), data=tmp_path / "c")
    assert result.code == 2 and "none.pem" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize(("url", "risky"), [
    ("http://10.0.0.5:8470", True), ("http://ttyt-thuanan.vn", True), ("https://ttyt-thuanan.vn", False),
    ("http://127.0.0.1:8470", False), ("http://localhost:8470", False), ("http://[::1]:8470", False),
])
def test_plain_http_to_another_computer_is_a_risk(url: str, risky: bool) -> None:
    assert plain_http_risk(url) is risky
