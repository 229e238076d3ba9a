#!/usr/bin/env python3
"""Prints each failed test in the given .trx files with the start of its message and stack trace.

test.sh calls this before its summary line, so a CI log that shows only "[FAIL]" also says why."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
MAX_LINES = 40

for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        print(f"(could not read {path}: {error})")
        continue
    for result in root.iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") not in ("Failed", "Error", "Timeout"):
            continue
        message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=NS)
        stack = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=NS)
        lines = (message.strip() + "\n" + stack.strip()).splitlines()
        print(f"--- FAILED {result.get('testName')} ({result.get('duration')})")
        print("\n".join(lines[:MAX_LINES]))
        if len(lines) > MAX_LINES:
            print(f"... {len(lines) - MAX_LINES} more lines in {path}")
