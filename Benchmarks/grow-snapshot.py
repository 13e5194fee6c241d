"""Writes a snapshot of WINS wins to standard output: the directory of the snapshot given, and its wins
repeated with fresh ids (and their celebrations with them) until there are WINS.
    python3 Benchmarks/grow-snapshot.py demo/snapshot.json 1000000 > snapshot.json
"""
import json
import sys
import uuid

source = json.load(open(sys.argv[1], encoding="utf-8"))
target = int(sys.argv[2])
wins = source.pop("wins")
out = sys.stdout
out.write("{\n")
for key in sorted(source):
    out.write(json.dumps(key) + ":" + json.dumps(source[key], ensure_ascii=False, separators=(",", ":")) + ",\n")
out.write('"wins":[\n')
for n in range(target):
    entry = wins[n % len(wins)]
    win = dict(entry["win"], id=str(uuid.uuid4()))
    celebrations = [dict(c, id=str(uuid.uuid4()), win=win["id"]) for c in entry["celebrations"]]
    line = json.dumps({"celebrations": celebrations, "win": win}, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    out.write(("" if n == 0 else ",\n") + line)
out.write("\n]}\n")
