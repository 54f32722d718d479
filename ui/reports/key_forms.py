"""The two small forms of 签名密钥: 创建签名密钥 (who the certificate names, the password twice)
and the password asked for when a key is imported.

创建签名密钥 checks every field while it is typed and says what is wrong under that field, in
words; 创建密钥 asks the owner to create the key and the form stays open, with everything typed,
until the key exists — a refusal at creation is said under its field too.
"""
from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checklists.errors import UserError, language
from inspection.palette import MUTED, RESULT_COLORS
from inspection.signing.certificates import unsupported_name_characters
from inspection.signing.keys import MAX_FIELD_CHARS, MAX_NAME_BYTES, MIN_PASSWORD_LENGTH
from ui.base.i18n import bracketed, join_list, tr
from ui.base.preferences import Preferences
from ui.base.widgets import error_label, grow_to_fit, hide_password, muted_label, with_message

GOOD_LENGTH, STRONG_LENGTH = 8, 12


def password_strength(password: str) -> tuple[int, str]:
    """0 too short … 3 strong, with a hint in words that says what is actually missing."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return 0, tr("太短：至少 {0} 位").format(MIN_PASSWORD_LENGTH)
    letters = bool(re.search(r"[^\W\d_]", password))
    digits_or_signs = bool(re.search(r"\d|[^\w]|_", password))
    kinds = sum(bool(re.search(p, password)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^\w]|_"))
    if len(password) >= STRONG_LENGTH and kinds >= 3:
        return 3, tr("强")
    wanted = []
    if len(password) < GOOD_LENGTH:
        wanted.append(tr("再长一些（至少 {0} 位，现在 {1} 位）").format(GOOD_LENGTH, len(password)))
    if not letters:
        wanted.append(tr("加入字母"))
    if not digits_or_signs:
        wanted.append(tr("加入数字或符号"))
    if wanted:
        return 1, tr("弱：建议{0}").format(join_list(wanted))
    if len(password) < STRONG_LENGTH:
        wanted.append(tr("再长一些（{0} 位以上）").format(STRONG_LENGTH))
    if kinds < 3:
        wanted.append(tr("混合大小写字母、数字、符号中的三类"))
    return 2, tr("中等：{0}会更安全").format(join_list(wanted))


class PasswordDialog(QDialog):
    """Asks for a key's password (never stored); shows a wrong password inline."""

    def __init__(self, title: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)  # a message shown later grows the dialog, never squashes it
        self.setWindowTitle(title)
        self.password = QLineEdit()
        hide_password(self.password)
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.password.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.password.textChanged.connect(lambda _text: self.error.hide())
        layout = QVBoxLayout(self)
        label = QLabel(message)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.ok_button.setEnabled(False)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 30)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()


@lru_cache(maxsize=64)  # asked for every field at each keystroke in any field of the form
def field_problem(value: str, *, name: bool = False) -> str:
    """Why *value* cannot stand in the certificate (said under its field), or ""."""
    value = value.strip()
    if any(not ch.isprintable() for ch in value):
        return tr("不能含有换行等控制字符")
    chars = unsupported_name_characters(value)
    if chars:
        shown = join_list(bracketed(f"“{c}”", f"U+{ord(c):04X}") for c in chars)
        return tr("{0} 不能写入签名证书（证书只接受 Unicode 3.2 已有的字符）：请用常用字或拼音代替。"
                  "报告中检查人员的姓名不受影响。").format(shown)
    if name and len(value.encode("utf-8")) > MAX_NAME_BYTES:
        return tr("太长：证书中最多约 21 个汉字")
    return ""


class CreateKeyDialog(QDialog):
    """Name, organisation and title of the certificate; the password twice, with a hint.

    创建密钥 emits :attr:`submitted`; the dialog stays open (see :meth:`creating`,
    :meth:`refused`) until the owner closes it with ``done(Accepted)`` once the key exists."""

    submitted = Signal()

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)  # a message shown later grows the dialog, never squashes it
        self.busy = False
        self.setWindowTitle(tr("创建签名密钥"))
        self.name = QLineEdit(prefs.inspector_name)
        self.organisation = QLineEdit(prefs.organisation)
        self.organisation.setMaxLength(MAX_FIELD_CHARS)
        self.title_edit = QLineEdit(prefs.title)
        self.title_edit.setMaxLength(MAX_FIELD_CHARS)
        self.title_edit.setPlaceholderText(tr("可不填"))
        self.password = QLineEdit()
        hide_password(self.password)
        self.repeat = QLineEdit()
        hide_password(self.repeat)
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.mismatch = error_label()
        self.missing = muted_label()
        self.errors = {"name": error_label(), "organisation": error_label(),
                       "title": error_label()}
        self.refusal: tuple[str, str] | None = None  # (field, text) said at creation
        form = QFormLayout()
        form.addRow(tr("签署人姓名："), with_message(self.name, self.errors["name"]))
        form.addRow(tr("单位："), with_message(self.organisation, self.errors["organisation"]))
        form.addRow(tr("职务："), with_message(self.title_edit, self.errors["title"]))
        form.addRow(tr("密码："), with_message(self.password, self.strength))
        form.addRow(tr("再次输入密码："), with_message(self.repeat, self.mismatch))
        note = muted_label(tr("密码保护密钥文件，程序不会保存它：每次签署报告时需要输入。忘记密码后只能创建新密钥"
                              "（已签署的报告不受影响）。证书有效期 5 年。"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("创建密钥"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        bottom = QHBoxLayout()
        bottom.addWidget(self.missing, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        for edit in (self.name, self.organisation, self.title_edit, self.password, self.repeat):
            edit.textChanged.connect(self._typed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 40)
        self._update()
        (self.password if self.name.text() and self.organisation.text() else self.name).setFocus()

    @property
    def fields(self) -> dict[str, QLineEdit]:
        return {"name": self.name, "organisation": self.organisation, "title": self.title_edit}

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            self.submitted.emit()

    def creating(self, busy: bool) -> None:
        self.busy = busy
        self._update()

    def refused(self, exc: BaseException) -> bool:
        """Say a refusal of the key's fields under its field; False when it is not about one
        (the caller reports it). The form keeps everything typed."""
        self.creating(False)
        field = exc.arguments.get("field") if isinstance(exc, UserError) else None
        if isinstance(exc, UserError) and exc.code.startswith(("key.name", "key.organisation")):
            field = field or ("organisation" if "organisation" in exc.code else "name")
        if field not in self.errors or not isinstance(exc, UserError):
            return False
        text = exc.text(language())
        self.refusal = (str(field), text.split("：", 1)[-1].split(": ", 1)[-1])
        self._update()
        self.fields[str(field)].setFocus()
        return True

    def _typed(self) -> None:
        self.refusal = None
        self._update()

    def _update(self) -> None:
        password, repeat = self.password.text(), self.repeat.text()
        level, hint = password_strength(password)
        colors = (RESULT_COLORS["fail"], RESULT_COLORS["partial"], RESULT_COLORS["on_track"],
                  RESULT_COLORS["pass"])
        self.strength.setText(tr("密码强度：{0}").format(hint) if password else
                              tr("至少 {0} 位").format(MIN_PASSWORD_LENGTH))
        self.strength.setStyleSheet(f"color: {colors[level] if password else MUTED};")
        # Said while typing only once the second entry can no longer become the first.
        mismatch = bool(repeat) and repeat != password and (
            len(repeat) >= len(password) or not password.startswith(repeat))
        self.mismatch.setText(tr("两次输入的密码不一致"))
        self.mismatch.setVisible(mismatch)
        problems = {key: field_problem(edit.text(), name=key == "name")
                    for key, edit in self.fields.items()}
        if self.refusal is not None and not problems[self.refusal[0]]:
            problems[self.refusal[0]] = self.refusal[1]
        for key, label in self.errors.items():
            label.setText(problems[key])
            label.setVisible(bool(problems[key]))
        missing = []
        if not self.name.text().strip():
            missing.append(tr("姓名"))
        if not self.organisation.text().strip():
            missing.append(tr("单位"))
        if level == 0:
            missing.append(tr("密码"))
        elif repeat != password and not mismatch:  # a mismatch is said beside the field
            missing.append(tr("再次输入密码"))
        text = tr("还需填写：{0}").format(join_list(missing)) if missing else ""
        if any(not ch.isprintable() for ch in password):
            text = tr("密码中不能含有控制字符")
        self.missing.setText(text)
        self.ok_button.setEnabled(not self.busy and not text and repeat == password
                                  and not any(problems.values()))
