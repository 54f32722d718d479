"""The command line's words, in the language it speaks (``PARK_INSPECTOR_LANG``).

Every help text and every line the command line prints is declared once, beside the command
that uses it, in Simplified Chinese (the source language) and English, in the catalogue the
errors use (:func:`checklists.errors.messages`)::

    MESSAGES = messages({
        "cli.record.park_added": ("已添加园区：{name}（{type}）", "Added the park {name} ({type})"),
    })
    HELP = messages({
        "cli.help.park.add": ("添加园区，输出其编号", "add a park; prints its number"),
    })
    add = park.add_parser("add", parents=[common], help=say("cli.help.park.add"))
    print(Message("cli.record.park_added", name=park.name, type=label(park.park_type)))

:func:`say` gives the words at once (help texts: the parser is built after the language is
chosen); a :class:`~checklists.errors.Message` is worded when printed. What is data stays as it
is in both languages: ids, dates, numbers, report numbers, names, the standards' own words.
"""
from __future__ import annotations

from enum import Enum

from checklists.errors import Message, messages
from checklists.errors import say as say  # the command line's words: imported from here

# The domain's kinds (inspection.kinds), worded: the Chinese is each kind's ``label``.
KINDS = messages({
    "cli.kind.parktype.manufacturing": ("生产制造类", "manufacturing"),
    "cli.kind.parktype.service": ("生产性服务类等其他类", "services and other"),
    "cli.kind.status.draft": ("草稿", "draft"),
    "cli.kind.status.in_progress": ("检查中", "in progress"),
    "cli.kind.status.completed": ("已完成", "completed"),
    "cli.kind.status.signed": ("已签署", "signed"),
    "cli.kind.severity.minor": ("一般", "minor"),
    "cli.kind.severity.major": ("较重", "major"),
    "cli.kind.severity.critical": ("严重", "critical"),
    "cli.kind.findingstatus.open": ("待整改", "open"),
    "cli.kind.findingstatus.closed": ("已整改", "closed"),
    "cli.kind.signerrole.inspector": ("检查人员", "inspector"),
    "cli.kind.signerrole.park_representative": ("园区代表", "park representative"),
})
MESSAGES = messages({
    "cli.note": ("注意：{text}", "Note: {text}"),
    "cli.warning": ("警告：{text}", "Warning: {text}"),
    "cli.problem": ("问题：{text}", "Problem: {text}"),
    "cli.revision": ("第 {revision} 版", "revision {revision}"),
    "cli.comma": ("，", ", "),
})
# Help texts several commands share.
HELP = messages({
    "cli.help.inspection_id": ("检查编号（至少前 4 位）", "the inspection's id (at least its first 4 characters)"),
    "cli.help.password_file": ("含签名密钥密码的文本文件（第一行）；不给时在终端询问",
                               "a text file holding the signing key's password (its first line);"
                               " without it, the password is asked on the terminal"),
    "cli.help.template_ids": ("模板编号，可重复", "a template id; may be repeated"),
    "cli.help.inspectors": ("检查人员，可重复", "an inspector; may be repeated"),
    "cli.help.date": ("检查日期 YYYY-MM-DD（默认今天）", "the inspection date YYYY-MM-DD (default: today)"),
    "cli.help.hub.address": ("中心地址（默认：此数据文件夹连接的中心）；密码取自 --hub-password-file、"
                             "PGPASSWORD 或 ~/.pgpass",
                             "the hub's address (default: the hub this data folder is connected to);"
                             " the password comes from --hub-password-file, PGPASSWORD or ~/.pgpass"),
    "cli.help.hub.address_password": ("--hub 所指中心的密码文件（第一行）",
                                      "a file holding the password for the hub --hub names (its first line)"),
})


def label(kind: Enum) -> Message:
    """A kind of the domain (park type, status, severity, finding status, signer role) worded in
    the language of the line it is printed in."""
    return Message(f"cli.kind.{type(kind).__name__.lower()}.{kind.value}")


def status_label(value: str) -> Message | str:
    """An inspection status given as its value (``draft`` …), worded; an unknown one as it is."""
    code = f"cli.kind.status.{value}"
    return Message(code) if code in KINDS else value
