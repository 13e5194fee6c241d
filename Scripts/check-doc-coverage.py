#!/usr/bin/env python3
"""Fails when a public symbol of the given modules has no doc comment, or a top-level one is missing from the
module page's Topics: reads the DocC archives Scripts/docs.sh builds.

    python3 Scripts/check-doc-coverage.py ARCHIVES_DIR MODULE...
"""
import glob, json, os, sys

archives, modules = sys.argv[1], sys.argv[2:]
failed = False
for module in modules:
    data = os.path.join(archives, f"{module}.doccarchive", "data", "documentation")
    root = json.load(open(os.path.join(data, f"{module.lower()}.json")))
    curated = {identifier for section in root.get("topicSections", []) for identifier in section["identifiers"]}
    undocumented, uncurated, symbols = [], [], 0
    for path in glob.glob(os.path.join(data, module.lower(), "**", "*.json"), recursive=True):
        page = json.load(open(path))
        metadata = page.get("metadata", {})
        # Topic groups, and pages of types another module extends, have no doc comment of their own.
        if metadata.get("role") == "collectionGroup" or metadata.get("symbolKind") == "extension":
            continue
        symbols += 1
        url = page["identifier"]["url"]
        if not page.get("abstract"):
            undocumented.append(url)
        if os.path.dirname(path) == os.path.join(data, module.lower()) and url not in curated:
            uncurated.append(url)
    for url in sorted(undocumented):
        print(f"doc coverage: {url} has no doc comment")
    for url in sorted(uncurated):
        print(f"doc coverage: {url} is not in {module}'s Topics")
    failed = failed or bool(undocumented or uncurated)
    print(f"doc coverage: {module}: {symbols} symbols, {len(undocumented)} undocumented, {len(uncurated)} top-level not curated")
sys.exit(1 if failed else 0)
