"""The CMS signature inside a report's PAdES signature (baseline B-B).

A detached SignedData over the digest of the signed byte ranges, as ETSI EN 319 142-1 asks
of a PAdES baseline signature: signed attributes ``content-type`` (data), ``message-digest``
and ``signing-certificate-v2`` (the SHA-256 of the signer's certificate and its issuer and
serial), no ``signing-time`` (the time is the signature dictionary's ``/M``); the signer's
certificate included; SHA-256 with ECDSA or RSA (PKCS #1 v1.5) — the keys
:mod:`inspection.signing.certificates` accepts. These are the attributes, algorithms and
encodings pyHanko's signer wrote for these keys (``tests/inspection/test_pades.py`` compares
the bytes with asn1crypto's encoding of the same structure).

Written here rather than through pyHanko's signer because importing ``pyhanko.sign`` (any
module of it) imports its timestamp client, aiohttp and its validator: ~0.25 s before the
first signature, for a signature that uses none of them. The DER is put together directly
(a handful of SEQUENCEs around the certificate's own bytes): asn1crypto took ~15 ms to
build and encode the same. pyHanko's validator reads and checks the result
(:mod:`inspection.signing.verify`).
"""
from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from inspection.signing.keys import SigningKey


def _length(size: int) -> bytes:
    if size < 0x80:
        return bytes([size])
    octets = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(octets)]) + octets


def _tlv(tag: int, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return bytes([tag]) + _length(len(body)) + body


def _oid(dotted: str) -> bytes:
    numbers = [int(n) for n in dotted.split(".")]
    body = bytearray([40 * numbers[0] + numbers[1]])
    for number in numbers[2:]:
        chunk = [number & 0x7F]
        while number > 0x7F:
            number >>= 7
            chunk.append(0x80 | (number & 0x7F))
        body += bytes(reversed(chunk))
    return _tlv(0x06, bytes(body))


def _sequence(*parts: bytes) -> bytes:
    return _tlv(0x30, *parts)


def _set(*parts: bytes) -> bytes:
    """A SET (OF) of *parts*, given in DER order."""
    return _tlv(0x31, *parts)


NULL = b"\x05\x00"
DATA = _oid("1.2.840.113549.1.7.1")
SIGNED_DATA = _oid("1.2.840.113549.1.7.2")
CONTENT_TYPE = _oid("1.2.840.113549.1.9.3")
MESSAGE_DIGEST = _oid("1.2.840.113549.1.9.4")
SIGNING_CERTIFICATE_V2 = _oid("1.2.840.113549.1.9.16.2.47")
SHA256 = _sequence(_oid("2.16.840.1.101.3.4.2.1"), NULL)
ECDSA_SHA256 = _sequence(_oid("1.2.840.10045.4.3.2"))  # RFC 5758: no parameters
RSA_SHA256 = _sequence(_oid("1.2.840.113549.1.1.11"), NULL)  # RFC 4055: NULL
VERSION_1 = b"\x02\x01\x01"


def _certificate_parts(der: bytes) -> tuple[bytes, bytes]:
    """The issuer Name and the serial INTEGER of the certificate *der*, as encoded in it."""
    from asn1crypto import x509 as asn1_x509  # parsed lazily: only the fields asked for

    tbs = asn1_x509.Certificate.load(der)["tbs_certificate"]
    return bytes(tbs["issuer"].dump()), bytes(tbs["serial_number"].dump())


def _mechanism(key: SigningKey) -> bytes:
    if isinstance(key.private_key, ec.EllipticCurvePrivateKey):
        return ECDSA_SHA256
    if isinstance(key.private_key, rsa.RSAPrivateKey):
        return RSA_SHA256
    raise ValueError(f"cannot sign with a {type(key.private_key).__name__} key")


def _longest_signature(key: SigningKey) -> int:
    """The most bytes the key's signature can take (an ECDSA signature's length varies)."""
    private = key.private_key
    if isinstance(private, rsa.RSAPrivateKey):
        return (private.key_size + 7) // 8
    if isinstance(private, ec.EllipticCurvePrivateKey):
        integer = (private.curve.key_size + 7) // 8 + 1  # a leading zero keeps it positive
        body = 2 * (2 + integer)
        return body + len(_length(body)) + 1
    raise ValueError(f"cannot sign with a {type(private).__name__} key")


def signed_attributes(document_digest: bytes, certificate: bytes) -> bytes:
    """The signed attributes as the SET the signature covers (in DER order: content-type,
    message-digest, signing-certificate-v2 — by length, shortest first)."""
    issuer, serial = _certificate_parts(certificate)
    ess_cert_id = _sequence(  # ESSCertIDv2, hashAlgorithm left at its default, SHA-256
        _tlv(0x04, hashlib.sha256(certificate).digest()),
        _sequence(_sequence(_tlv(0xA4, issuer)), serial))  # IssuerSerial: [4] directoryName
    return _set(
        _sequence(CONTENT_TYPE, _set(DATA)),
        _sequence(MESSAGE_DIGEST, _set(_tlv(0x04, document_digest))),
        _sequence(SIGNING_CERTIFICATE_V2, _set(_sequence(_sequence(ess_cert_id)))))


def container(key: SigningKey, certificate: bytes, attributes: bytes, signature: bytes) -> bytes:
    """The ContentInfo holding the SignedData: *attributes* (as :func:`signed_attributes`
    made them) signed by *signature*, *certificate* (DER) included."""
    issuer, serial = _certificate_parts(certificate)
    signer_info = _sequence(
        VERSION_1,
        _sequence(issuer, serial),  # sid: issuerAndSerialNumber
        SHA256,
        b"\xa0" + attributes[1:],  # signedAttrs: the SET, tagged [0] IMPLICIT
        _mechanism(key),
        _tlv(0x04, signature))
    signed_data = _sequence(
        VERSION_1,
        _set(SHA256),  # digestAlgorithms
        _sequence(DATA),  # encapContentInfo: data, detached (the PDF's byte ranges)
        _tlv(0xA0, certificate),  # certificates [0] IMPLICIT
        _set(signer_info))
    return _sequence(SIGNED_DATA, _tlv(0xA0, signed_data))


def _certificate_der(key: SigningKey) -> bytes:
    return key.certificate.public_bytes(serialization.Encoding.DER)


def container_size(key: SigningKey) -> int:
    """The most bytes :func:`signed_data` can return for *key* (what the PDF reserves)."""
    certificate = _certificate_der(key)
    attributes = signed_attributes(bytes(32), certificate)
    return len(container(key, certificate, attributes, bytes(_longest_signature(key))))


def signed_data(document_digest: bytes, key: SigningKey) -> bytes:
    """The DER CMS SignedData signing *document_digest* (SHA-256 of the signed byte ranges)."""
    private = key.private_key
    certificate = _certificate_der(key)
    attributes = signed_attributes(document_digest, certificate)
    if isinstance(private, ec.EllipticCurvePrivateKey):
        signature = private.sign(attributes, ec.ECDSA(hashes.SHA256()))
    elif isinstance(private, rsa.RSAPrivateKey):
        signature = private.sign(attributes, padding.PKCS1v15(), hashes.SHA256())
    else:
        raise ValueError(f"cannot sign with a {type(private).__name__} key")
    return container(key, certificate, attributes, signature)
