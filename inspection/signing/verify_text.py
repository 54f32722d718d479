"""The verification said in plain Chinese: one summary and the list of problems (command line)."""
from __future__ import annotations

from dataclasses import replace

from inspection.signing.pades import format_signing_time
from inspection.signing.verification import Verification


def _day(moment) -> str:  # type: ignore[no-untyped-def]
    return f"{moment.astimezone():%Y-%m-%d}"


def _bytes(count: int) -> str:
    if count >= 1024 ** 2:
        return f"{count / 1024 ** 2:.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count} 字节"


def appended_text(v: Verification) -> str:
    """What was appended after signing, in words: an update, bytes after the end, or both."""
    parts = []
    if v.appended_revisions:
        parts.append(f"{v.appended_revisions} 次增量更新")
    extra = v.appended_bytes
    parts.append(f"共 {_bytes(extra)}")
    text = "签署后文件末尾被追加了内容（" + "，".join(parts) + "）"
    if v.results_replaced:
        text += "，其中替换了报告附带的检查结果数据"
    return text


def certificate_validity(v: Verification) -> str:
    if v.certificate_not_before is None or v.certificate_not_after is None:
        return ""
    period = f"{_day(v.certificate_not_before)} 至 {_day(v.certificate_not_after)}"
    if v.certificate_problems:
        return f"签名证书有效期 {period}；签署时不可用：{'；'.join(v.certificate_problems)}。"
    return f"签名证书有效期 {period}，签署时有效。"


def with_summary(v: Verification) -> Verification:
    who = v.signer + (f"（{v.organisation}）" if v.organisation else "")
    when = f"，签署时间 {format_signing_time(v.signed_at)}" if v.signed_at else ""
    fingerprint = f"SHA-256 {v.fingerprint[:16].upper()}…" if v.fingerprint else ""
    problems: list[str] = []
    if not v.intact:
        problems.append("签署后内容被改动（签名与文件内容不符）")
        text = (f"签名无效：该文件在签署后被改动过，签名与文件内容不符，请勿采信"
                f"（签名自称由{who or '（未知）'}签署{when}）。")
        return replace(v, summary=text, problems=tuple(problems))
    what = (f"检查报告 {v.report_number}（第 {v.revision} 版，{v.park}）" if v.is_report
            else "该 PDF（签署的内容中没有本程序的检查结果数据，不是本程序生成的检查报告）")
    lines = [f"{what}由{who}签署{when}。"]
    if v.covers_whole_file:
        lines.append("签名完好：报告自签署以来未被改动，签名覆盖整个文件。")
    else:
        appended = appended_text(v)
        problems.append(appended)
        lines.append(f"签名本身完好，但{appended}，签名没有覆盖整个文件：追加的内容未经签署人确认，此文件不能作为签署的报告使用"
                     "（以上报告编号和园区取自签署时的内容）。")
    validity = certificate_validity(v)
    if v.certificate_problems:
        problems.append("签名证书在签署时不可用：" + "；".join(v.certificate_problems))
        lines.append(validity + "此签名不能采信。")
    else:
        lines.append(validity)
    if v.trusted:
        lines.append(f"签名证书（{fingerprint}）在本机信任的证书中，签署人身份已核实。")
    elif v.impersonated:
        problems.append("冒充风险：签名证书不是本机信任的同名签署人的证书")
        lines.append(f"冒充风险：本机信任的 {'、'.join(v.impersonated)} 与签署人同名，但签署这份报告的是另一张证书"
                     f"（{fingerprint}）。可能有人以其名义自制了证书：请勿采信，并向本人核实。")
    else:
        lines.append(f"签署人身份未经核实：签名证书（{fingerprint}）不在本机信任的证书中"
                     "（签名本身有效；如需核实身份，请通过电话等可靠途径向签署人核对证书指纹，"
                     "再用 key trust 信任其证书）。")
    return replace(v, summary="".join(lines), problems=tuple(problems))
