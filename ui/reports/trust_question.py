"""信任此证书？: the question before a colleague's certificate goes on this laptop's trust list.

Shared by 验证报告 (信任此证书…) and 签名密钥 (信任同事的证书…). It shows who the certificate
names and its full SHA-256 fingerprint, asks the user to compare the fingerprint with the
person by another way (a phone call), and warns when someone of that name is trusted already
with another certificate (possible impersonation, or a new key).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.base.i18n import bracketed, tr
from ui.reports.fingerprint import fingerprint_lines, selectable_message


def trust_question(parent: QWidget, *, name: str, organisation: str, fingerprint: str,
                   not_after: datetime | None, namesakes: Sequence[str],
                   on_yes: Callable[[], None]) -> QMessageBox:
    """The question (opened, not blocking); *on_yes* runs when the user answers 信任."""
    who = bracketed(name, organisation) if organisation else name
    box = QMessageBox(QMessageBox.Icon.Warning if namesakes else QMessageBox.Icon.Question,
                      tr("信任此证书"), tr("信任 {0} 的证书？").format(who), parent=parent)
    details = [tr("SHA-256 指纹：") + "\n" + fingerprint_lines(fingerprint)]
    if not_after is not None:
        details.append(tr("有效期至：{0}").format(f"{not_after.astimezone():%Y-%m-%d}"))
    details.append(tr("请先通过电话等可靠途径与本人核对指纹，完全一致才信任。信任后，此证书签署的报告在本机验证为"
                      "“身份已核实”。"))
    if namesakes:
        details.insert(0, tr("注意：本机已信任同名签署人的另一张证书（{0}）。只有在本人确认换了新证书、"
                             "且指纹一致时，才信任这张证书。").format("；".join(namesakes)))
    box.setInformativeText("\n\n".join(details))
    selectable_message(box)
    trust = box.addButton(tr("信任"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.buttonClicked.connect(lambda button: on_yes() if button is trust else None)
    box.open()
    return box
