"""argparse's own words (usage, "invalid choice", "the following arguments are required" …) in
the language the command line speaks: without this, a mistake in an option's value gave a
Chinese line with an English sentence inside (错误：… argument --role: invalid choice: …).

argparse looks its words up through ``argparse._`` (gettext) when it uses them; :func:`install`
puts a lookup there that answers in the chosen language at that moment."""
from __future__ import annotations

import argparse

from checklists.errors import language

CHINESE: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序版本并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "ambiguous option: %(option)s could match %(matches)s":
        "选项 %(option)s 不明确，可能是 %(matches)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多一个值",
    "ignored explicit argument %r": "多余的值 %r",
    "invalid %(type)s value: %(value)r": "值 %(value)r 无效（应为 %(type)s）",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "不能是 %(value)r，可选：%(choices)s",
    "not allowed with argument %s": "不能与 %s 同时使用",
    "one of the arguments %s is required": "需要给出 %s 之一",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "没有命令 %(parser_name)r（可用：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
PLURALS: dict[str, str] = {"expected %s argument": "需要 %s 个值",
                           "expected %s arguments": "需要 %s 个值"}


def words(message: str) -> str:
    """argparse's *message* in the command line's language."""
    return CHINESE.get(message, message) if language() != "en" else message


def plural_words(singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    return PLURALS.get(chosen, chosen) if language() != "en" else chosen


def install() -> None:
    argparse._ = words  # type: ignore[attr-defined]
    argparse.ngettext = plural_words  # type: ignore[attr-defined]
