"""Errors the user can cause carry a code from the message catalogue (checklists.errors), with
the same placeholders in Chinese and English, and the arguments the message needs."""
from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from checklists.errors import (
    InvalidInput,
    Message,
    UserError,
    catalogue,
    language_from_environment,
    messages,
    placeholders,
    set_language,
)

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Raises that pass a finished Chinese sentence instead of a code: none (the words of an error
# the user can cause are in the catalogue; a developer's error is in English).
LITERAL_MESSAGES_AT_MOST = 0


def source_files() -> list[Path]:
    return [p for package in ("checklists", "inspection", "ui")
            for p in sorted((ROOT / package).rglob("*.py")) if "sources" not in p.parts]


def import_everything() -> None:
    for path in source_files():
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts.pop()
        importlib.import_module(".".join(parts))


def raised_messages():
    """(file, line, first argument, keyword names) of every ``raise Name("…", …)``."""
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            call = node.exc
            if not call.args:
                continue
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                text = first.value
            elif isinstance(first, ast.JoinedStr):
                text = "".join(v.value for v in first.values
                               if isinstance(v, ast.Constant) and isinstance(v.value, str))
            else:
                continue
            keywords = {k.arg for k in call.keywords if k.arg}
            yield path.relative_to(ROOT), node.lineno, text, keywords


def nested_messages():
    """(file, line, code, keyword names) of every ``Message("code", …)`` (words chosen later)
    and ``say("code", …)`` (the command line's words, chosen now)."""
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("Message", "say") and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                yield (path.relative_to(ROOT), node.lineno, node.args[0].value,
                       {k.arg for k in node.keywords if k.arg})


def test_every_message_has_both_languages_with_the_same_placeholders():
    import_everything()
    table = catalogue()
    assert table
    wrong = [code for code, entry in table.items()
             if not entry["zh_CN"] or not entry["en"]
             or placeholders(entry["zh_CN"]) != placeholders(entry["en"])
             or CJK.search(entry["en"])]
    assert not wrong, wrong


def test_every_raised_code_is_in_the_catalogue_with_its_arguments():
    import_everything()
    table = catalogue()
    problems = []
    for where, line, text, keywords in [*raised_messages(), *nested_messages()]:
        if not CODE.match(text):
            continue
        entry = table.get(text)
        if entry is None:
            problems.append(f"{where}:{line}: {text} is not in the catalogue")
        elif placeholders(entry["zh_CN"]) != keywords:
            problems.append(f"{where}:{line}: {text} needs {sorted(placeholders(entry['zh_CN']))},"
                            f" given {sorted(keywords)}")
    assert not problems, "\n".join(problems)


def test_sentences_raised_without_a_code_only_ever_get_fewer():
    literal = [f"{where}:{line}" for where, line, text, _ in raised_messages() if CJK.search(text)]
    assert len(literal) <= LITERAL_MESSAGES_AT_MOST, \
        f"{len(literal)} raises pass a Chinese sentence; give new ones a code:\n" + "\n".join(literal)


def user_error_names() -> set[str]:
    import_everything()
    kinds, names = [UserError], {"Message"}
    while kinds:
        kind = kinds.pop()
        names.add(kind.__name__)
        kinds += kind.__subclasses__()
    return names


def chinese_literals(node: ast.AST) -> bool:
    """Whether *node* holds a Chinese string literal (not counting the window's ``tr("…")``)."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr":
        return False
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(CJK.search(node.value))
    return any(chinese_literals(child) for child in ast.iter_child_nodes(node))


def test_no_chinese_is_passed_to_an_error_or_a_message():
    """Nor as a later argument (a reason, a nested message), nor in any raise: a reason in
    Chinese stays Chinese in English (tests/test_messages_english.py checks what is shown)."""
    names = user_error_names()
    found = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                call = node.exc
            elif isinstance(node, ast.Call) and (getattr(node.func, "id", None) in names
                                                 or getattr(node.func, "attr", None) in names):
                call = node
            else:
                continue
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(argument)[:80]}"
                      for argument in [*call.args, *(k.value for k in call.keywords)]
                      if chinese_literals(argument)]
    assert not found, "\n".join(sorted(set(found)))


def test_an_error_speaks_the_chosen_language():
    messages({"test.sample": ("没有这个检查：{id}", "No such inspection: {id}")})
    error = InvalidInput("test.sample", id="abc")
    assert error.text("en") == "No such inspection: abc"
    assert error.text("zh_CN") == "没有这个检查：abc"
    try:
        set_language("en")
        assert str(error) == "No such inspection: abc"
    finally:
        set_language("zh_CN")
    assert str(error) == "没有这个检查：abc"
    assert str(UserError("文件 x 无法读取")) == "文件 x 无法读取"  # not a code: the text itself


def test_a_nested_reason_speaks_the_language_of_the_message_around_it():
    messages({
        "test.refused": ("无法导入 {name}：{reason}", "Cannot import {name}: {reason}"),
        "test.reason_empty": ("文件是空的", "the file is empty"),
        "test.reason_size": ("文件过大（超过 {mb} MB）", "the file is too large (over {mb} MB)"),
    })
    error = UserError("test.refused", name="a.jpg", reason=Message("test.reason_empty"))
    assert error.text("en") == "Cannot import a.jpg: the file is empty"
    assert error.text("zh_CN") == "无法导入 a.jpg：文件是空的"
    both = UserError("test.refused", name="a.jpg",
                     reason=[Message("test.reason_empty"), Message("test.reason_size", mb=50)])
    assert both.text("en") == "Cannot import a.jpg: the file is empty; the file is too large (over 50 MB)"
    assert both.text("zh_CN") == "无法导入 a.jpg：文件是空的；文件过大（超过 50 MB）"
    inner = InvalidInput("test.reason_size", mb=9)
    outer = UserError("test.refused", name="b", reason=inner.message())
    assert outer.text("en") == "Cannot import b: the file is too large (over 9 MB)"
    assert UserError("test.refused", name="b", reason=inner).text("zh_CN") == "无法导入 b：文件过大（超过 9 MB）"


def test_a_code_cannot_be_declared_twice_with_other_words():
    messages({"test.twice": ("一", "one")})
    messages({"test.twice": ("一", "one")})  # the same again (a module imported twice) is fine
    with pytest.raises(ValueError):
        messages({"test.twice": ("二", "two")})


def test_the_command_line_language_comes_from_the_environment():
    assert language_from_environment({}) == "zh_CN"
    assert language_from_environment({"PARK_INSPECTOR_LANG": "en"}) == "en"
    assert language_from_environment({"PARK_INSPECTOR_LANG": "en_GB"}) == "en"
    assert language_from_environment({"PARK_INSPECTOR_LANG": "zh_CN"}) == "zh_CN"


@pytest.mark.parametrize("environ, language", [
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "en_GB"}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "C.UTF-8"}, "zh_CN"),
    ({"LANG": "C"}, "zh_CN"),
    ({"LANG": "POSIX"}, "zh_CN"),
    ({"LANG": "de_DE.UTF-8"}, "zh_CN"),  # the product's default, not a language it lacks
    ({"LANG": ""}, "zh_CN"),
    ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LC_ALL": "C", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}, "en"),  # empty is unset
    ({"PARK_INSPECTOR_LANG": "zh_CN", "LC_ALL": "en_US.UTF-8"}, "zh_CN"),  # the program's own first
    ({"PARK_INSPECTOR_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
])
def test_the_command_line_follows_the_locale_when_its_own_variable_is_not_set(environ, language):
    assert language_from_environment(environ) == language
