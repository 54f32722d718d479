"""Signing keys, PAdES signatures on reports, verifying them, and whom this laptop trusts.

Public API, stable for the rest of the program (bundle manifests, the hub); everything else in
this package is internal.

Keys (:mod:`inspection.signing.keys`)
    ``load_signing_key(path, password, *, check=True, at=None) -> SigningKey`` opens a PKCS#12
    key *for signing*: WrongPassword / KeyFileMissing / BadKeyFile (all SigningError), and
    UnusableCertificate when the certificate may not sign at *at* (default now). ``check=False``
    only opens it (to show it). ``SigningKey`` has ``name``, ``organisation``, ``title``,
    ``fingerprint`` (SHA-256 of the DER certificate, hex), ``not_before``/``not_after``,
    ``certificate`` (cryptography), ``private_key``, ``certificate_pem``.
    ``certificate_fingerprint(cert)``, ``describe_certificate(cert) -> {name, organisation,
    title}``, ``create_signing_key(...)``, ``import_signing_key(...)``, ``check_password(...)``.

Certificate rules (:mod:`inspection.signing.certificates`)
    ``certificate_problems(cert, *, at=None, check_time=True) -> [CertificateProblem]`` (each
    with ``code``, ``text(lang)``, ``about_time``) and ``check_certificate(...)`` which raises
    ``UnusableCertificate`` (a UserError; ``problems``; text in either language). Check a
    signer's certificate *at the signing time* when verifying.

Trust (:mod:`inspection.signing.trust`)
    ``identify(cert, keys_dir_or_list) -> Identity`` with ``trust`` (``Trust.TRUSTED`` /
    ``UNKNOWN`` / ``IMPERSONATION``), ``fingerprint``, ``entry`` (the trusted certificate, with
    ``name``/``organisation``/``own``) and ``same_name``. ``trusted_certificates(keys_dir)``,
    ``trust_certificate(cert, keys_dir)`` (checks the rules, atomic, idempotent),
    ``trust_certificate_file(path, keys_dir)``, ``load_certificate_file(path)``,
    ``remove_trusted(fingerprint, keys_dir)``.

Reports (:mod:`inspection.signing.pades`, :mod:`inspection.signing.verify`)
    ``sign_pdf(pdf, key=..., out=None) -> SignedReport`` (``path``, ``signer``, ``organisation``,
    ``signed_at``, ``fingerprint`` of the certificate, ``sha256`` of the signed file);
    ``verify_pdf(path, trusted_dir=...) -> Verification``
    with ``outcome`` (``Outcome``), ``exit_status``, ``ok``, ``trusted``, ``fingerprint``,
    ``certificate_problems``, ``impersonated`` and the report facts from the signed revision.

Kept for compatibility (old names, still working): ``keys.known_certificates(keys_dir)`` (the
trusted certificates, as cryptography objects: use ``trusted_certificates``) and
``keys.remember_certificate(cert, keys_dir)`` (trusts without checking the rules: use
``trust_certificate``).
"""
