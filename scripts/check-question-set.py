#!/usr/bin/env python3
"""Checks a new question set before it is used: fields, ids, categories, and that every quoted source is in the seeds.

Usage: scripts/check-question-set.py QA.jsonl [CONVERSATIONS.jsonl]
A source is `file: "quote"` parts joined by ` || ` (the quote literally in seeds/jaarverslagen or seeds/nieuws, or equal
to it after collapsing whitespace), `berekend: ...` for arithmetic on quoted figures; an `unknown` item's source starts
with `geen bron:`. Warns when no alternative of an expected group occurs literally in the seeds (fine for a computed
sum, suspicious otherwise). Prints the category counts and ends with OK or the number of errors (exit code 1).
"""
import collections, json, os, re, sys

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seeds")
CATEGORIES = {"theme", "event", "budget", "org", "unknown", "comms", "monitoring"}
FIELDS = ("id", "question", "category", "as_of", "must_contain", "must_not_contain", "source")


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def load_seeds():
    files = {}
    for folder in ("jaarverslagen", "nieuws"):
        for name in os.listdir(os.path.join(SEEDS, folder)):
            path = os.path.join(SEEDS, folder, name)
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as f:
                    files[name] = f.read()
    return files


def main(paths):
    files = load_seeds()
    normalised = {name: normalise(text) for name, text in files.items()}
    everything = " ".join(normalised.values()).lower()
    errors, warnings = [], []

    def check(item_id, item):
        source, category = item.get("source"), item.get("category")
        if category not in CATEGORIES:
            errors.append(f"{item_id}: category {category!r} is not one of {sorted(CATEGORIES)}")
        if not source:
            errors.append(f"{item_id}: no source")
            return
        if category == "unknown":
            if not source.startswith("geen bron:"):
                errors.append(f"{item_id}: an unknown item's source starts with 'geen bron:'")
            return
        for part in (p.strip() for p in source.split(" || ")):
            if part.startswith(("berekend:", "geen bron:")):
                continue
            match = re.match(r'^([^:]+):\s*"(.*)"$', part, re.S)
            if not match:
                errors.append(f"{item_id}: source part is not 'file: \"quote\"': {part[:80]}")
                continue
            name, quote = match.group(1).strip(), match.group(2)
            if name not in files:
                errors.append(f"{item_id}: no seed file {name}")
            elif quote not in files[name] and normalise(quote) not in normalised[name]:
                errors.append(f"{item_id}: quote not in {name}: {quote[:80]}")
        for group in item.get("must_contain", []):
            if group and not any(alternative.lower() in everything for alternative in group):
                warnings.append(f"{item_id}: no alternative of {group[:3]} occurs literally in the seeds")

    ids, counts, turns = set(), collections.Counter(), 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                item = json.loads(line)
                item_id = item.get("id", f"{os.path.basename(path)}:{number}")
                if item_id in ids:
                    errors.append(f"duplicate id {item_id}")
                ids.add(item_id)
                if "turns" in item:
                    for index, turn in enumerate(item["turns"], 1):
                        turns += 1
                        check(f"{item_id}-t{index}", turn)
                    continue
                missing = [field for field in FIELDS if field not in item]
                if missing:
                    errors.append(f"{item_id}: missing {', '.join(missing)}")
                counts[item.get("category")] += 1
                check(item_id, item)

    print(f"questions {sum(counts.values())} {dict(sorted(counts.items()))}; conversation turns {turns}")
    for warning in warnings:
        print("WARNING", warning)
    for error in errors:
        print("ERROR", error)
    print("OK" if not errors else f"{len(errors)} errors")
    return 0 if not errors else 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
