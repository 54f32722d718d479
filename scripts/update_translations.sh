#!/usr/bin/env bash
# Regenerates the English translation of the windows:
#   ui/**/*.py --pyside6-lupdate--> resources/i18n/park_inspector_en.ts --pyside6-lrelease--> .qm
# Chinese is the source language of every tr() string. Translations already in the .ts are kept
# (matched by context and Chinese text, else by the text alone); new strings come out
# "unfinished" and are listed at the end: translate them (Qt Linguist, or edit the XML), then
# run this script again to compile. Exits non-zero while any string is untranslated.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
TS=resources/i18n/park_inspector_en.ts
QM=resources/i18n/park_inspector_en.qm
FRESH=resources/i18n/.fresh.ts  # beside the .ts, so that locations read ../../ui/…
trap 'rm -f "$FRESH"' EXIT
rm -f "$FRESH"

"$BIN/pyside6-lupdate" $(find ui -name "*.py" | sort) -source-language zh_CN -target-language en -no-obsolete \
  -locations absolute -ts "$FRESH" >/dev/null

"$BIN/python" - "$FRESH" "$TS" <<'PY'
"""Merge the fresh extraction with the translations we already have.

A module-level helper ``def tr(text): return QCoreApplication.translate("Ctx", text)`` is
invisible to lupdate, which files its strings under the empty context; they are moved to the
helper's context here so that the lookup at run time finds them.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

fresh_path, ts_path = Path(sys.argv[1]), Path(sys.argv[2])
HELPER = re.compile(r'def tr\([^)]*\)[^:]*:\s*\n\s*return\s+QCoreApplication\.translate\(\s*"([^"]+)"')


def finished(message):
    node = message.find("translation")
    if node is None or node.get("type") in ("unfinished", "obsolete", "vanished") or not node.text:
        return None
    return node.text


known, by_text = {}, {}
if ts_path.exists():
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            text = finished(message)
            if text is not None:
                known[(name, message.findtext("source"))] = text
                by_text.setdefault(message.findtext("source"), text)

tree = ET.parse(fresh_path)
root = tree.getroot()
helpers = {}
for path in Path("ui").rglob("*.py"):
    match = HELPER.search(path.read_text(encoding="utf-8"))
    if match:
        helpers[path.name] = match.group(1)

contexts = {c.findtext("name") or "": c for c in root.findall("context")}


def context(name):
    if name not in contexts:
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = name
        contexts[name] = node
    return contexts[name]


empty = contexts.get("")
if empty is not None:
    for message in list(empty.findall("message")):
        locations = message.findall("location")
        targets = {}
        for location in locations:
            targets.setdefault(helpers.get(Path(location.get("filename")).name), []).append(location)
        if None in targets:
            continue  # a bare tr() outside any helper module: leave it where lupdate put it
        empty.remove(message)
        for target, where in targets.items():
            copy = ET.fromstring(ET.tostring(message))
            for location in copy.findall("location"):
                copy.remove(location)
            for index, location in enumerate(where):
                copy.insert(index, location)
            context(target).append(copy)
    if not empty.findall("message"):
        root.remove(empty)

missing = []
for context in root.iter("context"):
    name = context.findtext("name") or ""
    for message in context.iter("message"):
        source = message.findtext("source")
        text = known.get((name, source), by_text.get(source))
        node = message.find("translation")
        if text is not None:
            node.text = text
            node.attrib.pop("type", None)
        else:
            node.set("type", "unfinished")
            missing.append(f"{name}: {source}")

ET.indent(tree, space="    ")
body = ET.tostring(root, encoding="unicode")
ts_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                   encoding="utf-8")
total = sum(1 for _ in root.iter("message"))
print(f"{ts_path}: {total} strings, {total - len(missing)} translated")
if missing:
    print("untranslated:", *missing, sep="\n  ", file=sys.stderr)
PY

"$BIN/pyside6-lrelease" -silent "$TS" -qm "$QM"
if grep -q 'type="unfinished"' "$TS"; then
  echo "some strings are not translated yet (listed above)" >&2
  exit 1
fi
