"""The verification said in plain words: one summary and the list of problems (the command line
prints the summary; the window's verify dialog lists the problems).

Said in the process's language (:func:`checklists.errors.set_language`: the command line's, or
the window's setting), each sentence declared here in Chinese and English.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from checklists.errors import SEPARATORS, language, messages, say
from inspection.signing.verification import Verification

MESSAGES = messages({
    "verify.text.bytes": ("{count} 字节", "{count} bytes"),
    "verify.text.time": ("{time}（UTC{offset}）", "{time} (UTC{offset})"),
    "verify.text.period": ("{start} 至 {end}", "{start} to {end}"),
    "verify.text.who": ("{signer}（{organisation}）", "{signer} ({organisation})"),
    "verify.text.unknown_signer": ("（未知）", "(unknown)"),
    "verify.text.when": ("，签署时间 {time}", " on {time}"),
    "verify.text.appended": ("签署后文件末尾被追加了内容（共 {amount}）",
                             "content was appended to the end of the file after signing ({amount})"),
    "verify.text.appended_updates": (
        "签署后文件末尾被追加了内容（{updates} 次增量更新，共 {amount}）",
        "content was appended to the end of the file after signing ({updates} incremental"
        " updates, {amount} in all)"),
    "verify.text.results_replaced": ("，其中替换了报告附带的检查结果数据",
                                     ", replacing the inspection results attached to the report"),
    "verify.text.validity_problems": (
        "签名证书有效期 {period}；签署时不可用：{problems}。",
        "The signing certificate is valid {period}; at the signing time it was not usable: {problems}."),
    "verify.text.validity": ("签名证书有效期 {period}，签署时有效。",
                             "The signing certificate is valid {period}, and was valid at the signing time."),
    "verify.text.altered": (
        "签名无效：该文件在签署后被改动过，签名与文件内容不符，请勿采信（签名自称由{who}签署{when}）。",
        "The signature is not valid: the file was changed after signing and the signature does not"
        " match its content; do not rely on it (the signature claims to be by {who}{when})."),
    "verify.text.problem.altered": ("签署后内容被改动（签名与文件内容不符）",
                                    "changed after signing (the signature does not match the content)"),
    "verify.text.report": ("检查报告 {number}（第 {revision} 版，{park}）",
                           "The inspection report {number} (revision {revision}, {park})"),
    "verify.text.not_report": (
        "该 PDF（签署的内容中没有本程序的检查结果数据，不是本程序生成的检查报告）",
        "This PDF (its signed content holds none of this program's inspection results: it is not"
        " a report this program made)"),
    "verify.text.signed_by": ("{what}由{who}签署{when}。", "{what} was signed by {who}{when}."),
    "verify.text.whole": ("签名完好：报告自签署以来未被改动，签名覆盖整个文件。",
                          "The signature is intact: the report is unchanged since signing, and the"
                          " signature covers the whole file."),
    "verify.text.not_whole": (
        "签名本身完好，但{appended}，签名没有覆盖整个文件：追加的内容未经签署人确认，此文件不能作为签署的报告使用"
        "（以上报告编号和园区取自签署时的内容）。",
        "The signature itself is intact, but {appended}, so the signature does not cover the whole"
        " file: the signer never confirmed what was appended, and this file cannot serve as the"
        " signed report (the report number and park above are those of the signed content)."),
    "verify.text.problem.certificate": ("签名证书在签署时不可用：{problems}",
                                        "the signing certificate was not usable at the signing time: {problems}"),
    "verify.text.not_to_be_trusted": ("此签名不能采信。", "This signature cannot be relied on."),
    "verify.text.trusted": ("签名证书（{fingerprint}）在本机信任的证书中，签署人身份已核实。",
                            "The signing certificate ({fingerprint}) is among the certificates this"
                            " computer trusts: the signer's identity is confirmed."),
    "verify.text.problem.impersonation": (
        "冒充风险：签名证书不是本机信任的同名签署人的证书",
        "risk of impersonation: the signing certificate is not the one this computer trusts for a"
        " signer of that name"),
    "verify.text.impersonation": (
        "冒充风险：本机信任的 {namesakes} 与签署人同名，但签署这份报告的是另一张证书"
        "（{fingerprint}）。可能有人以其名义自制了证书：请勿采信，并向本人核实。",
        "Risk of impersonation: {namesakes}, trusted on this computer, bears the signer's name, but"
        " another certificate ({fingerprint}) signed this report. Someone may have made a"
        " certificate in that person's name: do not rely on it, and check with the person."),
    "verify.text.unknown": (
        "签署人身份未经核实：签名证书（{fingerprint}）不在本机信任的证书中"
        "（签名本身有效；如需核实身份，请通过电话等可靠途径向签署人核对证书指纹，"
        "再用 key trust 信任其证书）。",
        "The signer's identity is not confirmed: the signing certificate ({fingerprint}) is not"
        " among the certificates this computer trusts (the signature itself is valid; to confirm"
        " who signed, compare the certificate's fingerprint with the signer by a reliable way such"
        " as a phone call, then trust the certificate with key trust)."),
    # Why a file could not be verified at all (verify.verify_pdf).
    "verify.text.broken": ("签名无效：文件在签署后被改动或已损坏，无法确认内容与签署时一致。{reason}",
                           "The signature is not valid: the file was changed after signing or is"
                           " damaged; its content cannot be confirmed as signed. {reason}"),
    "verify.text.reason.no_end": ("找不到 PDF 文件的结尾（%%EOF）：文件不完整或已损坏",
                                  "the end of the PDF file (%%EOF) is not there: the file is"
                                  " incomplete or damaged"),
    "verify.text.reason.unreadable": ("PDF 文件已损坏，无法读取（{error}）",
                                      "the PDF file is damaged and cannot be read ({error})"),
    "verify.text.reason.signature_damaged": ("签名数据已损坏（{error}）",
                                             "the signature's data is damaged ({error})"),
    "verify.text.reason.cannot_check": ("无法校验签名（{error}）",
                                        "the signature cannot be checked ({error})"),
    "verify.text.namesake": ("{name}（{organisation}） SHA-256 {fingerprint}…",
                             "{name} ({organisation}) SHA-256 {fingerprint}…"),
    "verify.text.namesake_alone": ("{name} SHA-256 {fingerprint}…", "{name} SHA-256 {fingerprint}…"),
})


def sentences(parts: Sequence[str]) -> str:
    """Sentences one after another: nothing between them in Chinese, a space in English."""
    return (" " if language() == "en" else "").join(part for part in parts if part)


def signing_time(moment: datetime) -> str:
    """Local wall time with its UTC offset: 2026-11-20 15:30:12（UTC+08:00）, in English with
    ASCII brackets (the signature stamp, always Chinese, is pades.format_signing_time)."""
    offset = moment.strftime("%z")
    time = moment.strftime("%Y-%m-%d %H:%M:%S")
    return say("verify.text.time", time=time, offset=f"{offset[:3]}:{offset[3:]}") if offset else time


def namesake_label(name: str, organisation: str, fingerprint: str) -> str:
    """A trusted certificate bearing the signer's name, as the verdict names it."""
    if organisation:
        return say("verify.text.namesake", name=name, organisation=organisation,
                   fingerprint=fingerprint[:16].upper())
    return say("verify.text.namesake_alone", name=name, fingerprint=fingerprint[:16].upper())


def _day(moment: datetime) -> str:
    return f"{moment.astimezone():%Y-%m-%d}"


def _bytes(count: int) -> str:
    if count >= 1024 ** 2:
        return f"{count / 1024 ** 2:.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.1f} KB"
    return say("verify.text.bytes", count=count)


def _joined(problems: Sequence[str]) -> str:
    return SEPARATORS.get(language(), SEPARATORS["zh_CN"]).join(problems)


def appended_text(v: Verification) -> str:
    """What was appended after signing, in words: an update, bytes after the end, or both."""
    amount = _bytes(v.appended_bytes)
    text = (say("verify.text.appended_updates", updates=v.appended_revisions, amount=amount)
            if v.appended_revisions else say("verify.text.appended", amount=amount))
    if v.results_replaced:
        text += say("verify.text.results_replaced")
    return text


def certificate_validity(v: Verification) -> str:
    if v.certificate_not_before is None or v.certificate_not_after is None:
        return ""
    period = say("verify.text.period", start=_day(v.certificate_not_before),
                 end=_day(v.certificate_not_after))
    if v.certificate_problems:
        return say("verify.text.validity_problems", period=period,
                   problems=_joined(v.certificate_problems))
    return say("verify.text.validity", period=period)


def broken_summary(reason: str) -> str:
    return say("verify.text.broken", reason=reason)


def with_summary(v: Verification) -> Verification:
    who = (say("verify.text.who", signer=v.signer, organisation=v.organisation) if v.organisation
           else v.signer)
    when = say("verify.text.when", time=signing_time(v.signed_at)) if v.signed_at else ""
    fingerprint = f"SHA-256 {v.fingerprint[:16].upper()}…" if v.fingerprint else ""
    problems: list[str] = []
    if not v.intact:
        problems.append(say("verify.text.problem.altered"))
        text = say("verify.text.altered", who=who or say("verify.text.unknown_signer"), when=when)
        return replace(v, summary=text, problems=tuple(problems))
    what = (say("verify.text.report", number=v.report_number, revision=v.revision, park=v.park)
            if v.is_report else say("verify.text.not_report"))
    lines = [say("verify.text.signed_by", what=what, who=who, when=when)]
    if v.covers_whole_file:
        lines.append(say("verify.text.whole"))
    else:
        appended = appended_text(v)
        problems.append(appended)
        lines.append(say("verify.text.not_whole", appended=appended))
    lines.append(certificate_validity(v))
    if v.certificate_problems:
        problems.append(say("verify.text.problem.certificate", problems=_joined(v.certificate_problems)))
        lines.append(say("verify.text.not_to_be_trusted"))
    if v.trusted:
        lines.append(say("verify.text.trusted", fingerprint=fingerprint))
    elif v.impersonated:
        problems.append(say("verify.text.problem.impersonation"))
        lines.append(say("verify.text.impersonation", namesakes=list(v.impersonated),
                         fingerprint=fingerprint))
    else:
        lines.append(say("verify.text.unknown", fingerprint=fingerprint))
    return replace(v, summary=sentences(lines), problems=tuple(problems))
