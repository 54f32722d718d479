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

Every string of the windows goes through the one helper ``ui.base.i18n.tr``, which lupdate
cannot see through: it files them under the empty context. They are moved to the helper's
context (``park_inspector``) here, so that the lookup at run time finds them.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CONTEXT = "park_inspector"
fresh_path, ts_path = Path(sys.argv[1]), Path(sys.argv[2])


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
            if text is not None:  # a disambiguation (comment) is a string of its own
                key = (message.findtext("source"), message.findtext("comment"))
                known[(name, *key)] = text
                by_text.setdefault(key, text)

tree = ET.parse(fresh_path)
root = tree.getroot()
target = None
for context in list(root.findall("context")):
    if (context.findtext("name") or "") in ("", CONTEXT):
        if target is None:
            target = context
            target.find("name").text = CONTEXT
        else:
            for message in context.findall("message"):
                target.append(message)
            root.remove(context)
if target is not None:  # one message per source text (lupdate lists each place it is used)
    seen = {}
    for message in list(target.findall("message")):
        key = (message.findtext("source"), message.findtext("comment"))
        if key in seen:
            for location in message.findall("location"):
                seen[key].insert(len(seen[key].findall("location")), location)
            target.remove(message)
        else:
            seen[key] = message

missing = []
for context in root.iter("context"):
    name = context.findtext("name") or ""
    for message in context.iter("message"):
        source = message.findtext("source")
        key = (source, message.findtext("comment"))
        text = known.get((name, *key), by_text.get(key))
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
