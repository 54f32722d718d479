"""The bundle manifest's signature: a detached CMS (PKCS#7) SignedData over the manifest bytes.

Signed with the inspector's signing key (inspection.signing.keys) through cryptography's
PKCS7SignatureBuilder; checked here with asn1crypto + cryptography (cryptography signs CMS
but does not verify it): the message digest in the signed attributes must be the SHA-256 of
the manifest, and the signature over those attributes must verify with the certificate the
CMS carries. Whether that certificate is one this laptop trusts is the caller's question.
"""
from __future__ import annotations

import hashlib

from asn1crypto import cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7

from checklists.errors import Message
from inspection.bundle.errors import BundleRefused
from inspection.signing.keys import SigningKey

MAX_SIGNATURE_BYTES = 64 * 1024


def sign_manifest(manifest: bytes, key: SigningKey) -> bytes:
    """A detached CMS signature (DER) of *manifest* by *key*, its certificate included."""
    return (pkcs7.PKCS7SignatureBuilder()
            .set_data(manifest)
            .add_signer(key.certificate, key.private_key, hashes.SHA256())  # type: ignore[arg-type]
            .sign(serialization.Encoding.DER,
                  [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]))


def verify_manifest(manifest: bytes, signature: bytes) -> x509.Certificate:
    """The certificate whose key signed *manifest*; BundleRefused when the signature is not good."""
    if len(signature) > MAX_SIGNATURE_BYTES:
        raise BundleRefused("bundle.bad_signature", reason=Message("bundle.reason.signature_too_large"))
    try:
        info = cms.ContentInfo.load(signature)
        if info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed = info["content"]
        if signed["encap_content_info"]["content"].native is not None:
            raise ValueError("not detached")
        signers = list(signed["signer_infos"])
        if len(signers) != 1:
            raise ValueError(f"{len(signers)} signers")
        signer = signers[0]
        certificate = _signer_certificate(signed, signer)
        attrs = signer["signed_attrs"]
        if not attrs:
            raise ValueError("no signed attributes")
        found = {a["type"].native: a["values"].native for a in attrs}
        if found.get("content_type") != ["data"]:
            raise ValueError("content type")
        if signer["digest_algorithm"]["algorithm"].native != "sha256":
            raise ValueError("digest algorithm")
        if found.get("message_digest") != [hashlib.sha256(manifest).digest()]:
            raise BundleRefused("bundle.bad_signature", reason=Message("bundle.reason.manifest_changed"))
        to_verify = b"\x31" + attrs.dump(force=True)[1:]  # the attributes as a SET, as signed
        _check(certificate, signer, to_verify)
    except BundleRefused:
        raise
    except (ValueError, TypeError, KeyError, InvalidSignature) as exc:
        raise BundleRefused("bundle.bad_signature", reason=type(exc).__name__) from None
    return certificate


def _signer_certificate(signed: cms.SignedData, signer: cms.SignerInfo) -> x509.Certificate:
    sid = signer["sid"]
    if sid.name != "issuer_and_serial_number":
        raise ValueError("signer identified by key id")
    wanted = sid.chosen
    for choice in signed["certificates"] or []:
        if choice.name != "certificate":
            continue
        cert = choice.chosen
        if cert.serial_number == wanted["serial_number"].native and \
                cert.issuer == wanted["issuer"]:
            return x509.load_der_x509_certificate(cert.dump())
    raise ValueError("the signer's certificate is not in the signature")


def _check(certificate: x509.Certificate, signer: cms.SignerInfo, data: bytes) -> None:
    value = signer["signature"].native
    algorithm = signer["signature_algorithm"]["algorithm"].native
    public = certificate.public_key()
    if isinstance(public, ec.EllipticCurvePublicKey) and algorithm in ("sha256_ecdsa", "ecdsa"):
        public.verify(value, data, ec.ECDSA(hashes.SHA256()))
    elif isinstance(public, rsa.RSAPublicKey) and algorithm in ("sha256_rsa", "rsassa_pkcs1v15"):
        public.verify(value, data, padding.PKCS1v15(), hashes.SHA256())
    else:
        raise ValueError(f"signature algorithm {algorithm}")
