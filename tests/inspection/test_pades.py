"""The PAdES signature the program writes itself (inspection.signing.pdf_signature, .cades):
what pyHanko's validator reads in it, its DER, RSA and EC keys, and what signing imports."""
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from inspection.report import build_report
from inspection.signing import cades
from inspection.signing.keys import load_signing_key
from inspection.signing.pades import SIGNING_REASON, sign_pdf
from inspection.signing.verify import verify_pdf
from tests.inspection.certificate_data import make_certificate, write_p12
from tests.inspection.report_data import fill_inspection

PASSWORD = "hostile-pass-1"  # certificate_data's
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", params=["p256", "rsa3072"])
def key(request, tmp_path_factory):
    private = (ec.generate_private_key(ec.SECP256R1()) if request.param == "p256"
               else rsa.generate_private_key(public_exponent=65537, key_size=3072))
    private, certificate = make_certificate(name="王建国", organisation="金山区经委", key=private)
    path = write_p12(tmp_path_factory.mktemp("pades") / f"{request.param}.p12", private,
                     certificate)
    return load_signing_key(path, PASSWORD)


@pytest.fixture
def unsigned(store, tmp_path) -> Path:
    inspection_id = fill_inspection(store, photos=1)
    return build_report(store.snapshot(inspection_id), tmp_path / "r.pdf", data_dir=store.data_dir)


def _reference_cms(key, digest: bytes, signature: bytes) -> tuple[bytes, bytes]:
    """asn1crypto's encoding of the signed attributes and the container pyHanko wrote."""
    certificate = asn1_x509.Certificate.load(cades._certificate_der(key))
    attributes = cms.CMSAttributes([
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "message_digest", "values": [digest]}),
        cms.CMSAttribute({"type": "signing_certificate_v2", "values": [
            tsp.SigningCertificateV2({"certs": [tsp.ESSCertIDv2({
                "hash_algorithm": {"algorithm": "sha256"},
                "cert_hash": hashlib.sha256(certificate.dump()).digest(),
                "issuer_serial": {
                    "issuer": [asn1_x509.GeneralName({"directory_name": certificate.issuer})],
                    "serial_number": certificate.serial_number}})]})]}),
    ])
    mechanism = "sha256_ecdsa" if isinstance(key.private_key, ec.EllipticCurvePrivateKey) \
        else "sha256_rsa"
    signer = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber({
            "issuer": certificate.issuer, "serial_number": certificate.serial_number})}),
        "digest_algorithm": {"algorithm": "sha256"}, "signed_attrs": attributes,
        "signature_algorithm": {"algorithm": mechanism}, "signature": signature})
    signed = cms.SignedData({
        "version": "v1", "digest_algorithms": [{"algorithm": "sha256"}],
        "encap_content_info": {"content_type": "data"},
        "certificates": [cms.CertificateChoices(name="certificate", value=certificate)],
        "signer_infos": [signer]})
    return (attributes.dump(),
            cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump())


def test_the_cms_is_the_der_asn1crypto_writes(key):
    digest = hashlib.sha256(b"report").digest()
    certificate = cades._certificate_der(key)
    attributes = cades.signed_attributes(digest, certificate)
    signature = bytes(n % 251 for n in range(cades._longest_signature(key) - 1))
    expected_attributes, expected = _reference_cms(key, digest, signature)
    assert attributes == expected_attributes
    assert cades.container(key, certificate, attributes, signature) == expected
    assert len(cades.signed_data(digest, key)) <= cades.container_size(key)


def _validated(pdf: Path):
    reader = PdfFileReader(open(pdf, "rb"))  # noqa: SIM115 - closed with the reader's stream below
    embedded = reader.embedded_signatures[0]
    status = validate_pdf_signature(embedded, signer_validation_context=ValidationContext(
        trust_roots=[embedded.signer_cert], allow_fetching=False))
    return reader, embedded, status


def test_pyhanko_reads_a_pades_certification_signature(key, unsigned, tmp_path):
    signed = sign_pdf(unsigned, key=key, out=tmp_path / "signed.pdf")
    reader, embedded, status = _validated(signed.path)
    try:
        assert status.bottom_line and status.intact and status.valid and status.trusted
        assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        assert embedded.docmdp_level == MDPPerm.NO_CHANGES  # certifying: no changes allowed
        assert reader.root["/Perms"].raw_get("/DocMDP").idnum \
            == reader.root["/AcroForm"]["/Fields"][0].raw_get("/V").idnum
        assert reader.root["/AcroForm"]["/SigFlags"] == 3
        sig = embedded.sig_object
        assert (sig["/Filter"], sig["/SubFilter"]) == ("/Adobe.PPKLite", "/ETSI.CAdES.detached")
        assert (sig["/Name"], sig["/Location"], sig["/Reason"]) == ("王建国", "金山区经委",
                                                                    SIGNING_REASON)
        assert status.signer_reported_dt.replace(microsecond=0) \
            == signed.signed_at.replace(microsecond=0)  # /M: the stamp's time
        extensions = reader.root["/Extensions"]
        assert extensions["/ESIC"]["/ExtensionLevel"] == 1
        is_ec = isinstance(key.private_key, ec.EllipticCurvePrivateKey)
        assert ("/ISO_" in extensions) == is_ec  # ISO/TS 32002: ECDSA on a named curve
        attributes = {a["type"].native: a["values"][0]
                      for a in embedded.signer_info["signed_attrs"]}
        assert set(attributes) == {"content_type", "message_digest", "signing_certificate_v2"}
        (ess,) = attributes["signing_certificate_v2"]["certs"]
        assert ess["cert_hash"].native == hashlib.sha256(embedded.signer_cert.dump()).digest()
        widget = reader.root["/AcroForm"]["/Fields"][0]
        x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
        box = [float(v) for v in widget["/AP"]["/N"]["/BBox"]]
        assert box == pytest.approx([0, 0, x2 - x1, y2 - y1], abs=1e-3)
    finally:
        reader.stream.close()
    assert verify_pdf(signed.path).ok


def test_signing_in_place_and_into_a_copy_hashes_the_file_it_wrote(key, unsigned, tmp_path):
    copy = sign_pdf(unsigned, key=key, out=tmp_path / "copy.pdf")
    assert copy.sha256 == hashlib.sha256(copy.path.read_bytes()).hexdigest()
    assert copy.fingerprint == key.fingerprint
    before = unsigned.read_bytes()
    in_place = sign_pdf(unsigned, key=key)
    data = unsigned.read_bytes()
    assert in_place.path == unsigned and data.startswith(before)  # an incremental update
    assert in_place.sha256 == hashlib.sha256(data).hexdigest()
    assert verify_pdf(unsigned).ok and verify_pdf(copy.path).ok


ISSUE_IN_A_FRESH_PROCESS = """
import json, sys
from pathlib import Path
from inspection.store import open_store
from inspection.signing.issue import issue_report
from inspection.signing.keys import create_signing_key
from tests.inspection.report_data import fill_inspection
folder = Path(sys.argv[1])
key = create_signing_key(name="张三", organisation="金山区经委", password="pw-12345678",
                         out=folder / "k.p12")
store = open_store(folder / "data", actor="张三")
inspection_id = fill_inspection(store, photos=1)
issue_report(store, inspection_id, key_path=key, password="pw-12345678", out=folder / "s.pdf")
store.close()
print(json.dumps(sorted(sys.modules)))
"""


def test_issuing_a_signed_report_imports_neither_pyhankos_signer_nor_aiohttp(tmp_path):
    # pyhanko.sign (any module of it) brings its timestamp client, aiohttp and its
    # validator (~0.25 s); the program signs with pyHanko's PDF layer alone.
    done = subprocess.run([sys.executable, "-c", ISSUE_IN_A_FRESH_PROCESS, str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    modules = json.loads(done.stdout.splitlines()[-1])
    assert "pyhanko.pdf_utils.incremental_writer" in modules  # the PDF layer did the work
    unwanted = [m for m in modules if m.split(".")[0] in ("aiohttp", "yarl", "multidict")
                or m.startswith(("pyhanko.sign", "pyhanko.stamp"))]
    assert unwanted == []
    assert verify_pdf(tmp_path / "s.pdf").ok


def test_the_signature_field_joins_a_pages_annotations_and_an_existing_form(key, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    from inspection.report.attachment import attach_results, read_attached_results

    pdf = tmp_path / "form.pdf"
    canvas = Canvas(str(pdf))
    canvas.linkURL("https://example.org", (50, 700, 200, 720))
    canvas.acroForm.textfield(name="note", x=50, y=600, width=200, height=20)
    canvas.showPage()
    canvas.save()
    data = {"format": "park-inspector-results/1", "inspection": {}}
    attach_results(pdf, data, stamp=(0, (300.0, 60.0, 560.5, 145.25)))
    with open(pdf, "rb") as handle:
        reader = PdfFileReader(handle)
        page = reader.root["/Pages"]["/Kids"][0]
        kinds = [annot.get_object()["/Subtype"] for annot in page["/Annots"]]
        names = [field.get_object()["/T"] for field in reader.root["/AcroForm"]["/Fields"]]
    assert kinds == ["/Link", "/Widget", "/Widget"]  # the link and the text field stay
    assert names == ["note", "InspectorSignature"]
    assert read_attached_results(pdf) == data
    signed = sign_pdf(pdf, key=key, out=tmp_path / "signed.pdf")
    assert verify_pdf(signed.path).intact


def test_poppler_finds_the_signature_valid_and_covering_the_whole_file(key, unsigned, tmp_path):
    """An implementation other than pyHanko's (poppler's pdfsig, on NSS) reads the signature
    this program writes itself (scripts/test.sh installs poppler-utils)."""
    signed = sign_pdf(unsigned, key=key, out=tmp_path / "signed.pdf")
    done = subprocess.run(["pdfsig", str(signed.path)], capture_output=True, text=True,
                          check=False)
    assert "Signature Validation: Signature is Valid." in done.stdout, done.stdout + done.stderr
    assert "Total document signed" in done.stdout
    assert "ETSI.CAdES.detached" in done.stdout and "SHA-256" in done.stdout
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(signed.path.read_bytes())
    data[len(data) // 3] ^= 0x01  # one bit inside the signed bytes
    tampered.write_bytes(bytes(data))
    done = subprocess.run(["pdfsig", str(tampered)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" not in done.stdout
