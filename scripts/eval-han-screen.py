#!/usr/bin/env python3
"""Screening quality on Chinese-character queries (eval/names/han-screen-*.tsv, issue 22).

Screens every query against the bundled CSL with `earl screen --batch` and prints, at earl's
default threshold: recall on listed parties, first-rank rate (the expected CSL name is the first
match's name, one of its aliases or rows), the flag rate on exchange-listed issuers, and the
flagged issuers with the name they met (to judge by hand against the CSL). Standard library only.

    python3 scripts/eval-han-screen.py eval/names/han-screen-dev.tsv [--earl target/debug/earl]

The holdout file is for reporting only: never tune on it.
"""
import argparse, csv, json, os, subprocess, sys, tempfile, unicodedata


def key(name):
    folded = unicodedata.normalize("NFKD", name).casefold()
    return "".join(c for c in folded if c.isalnum())


def names_of(match):
    names = [match.get("name", ""), match.get("matched_name", "")] + match.get("aliases", [])
    names += [row.get("name", "") for row in match.get("rows", [])]
    return {key(n) for n in names if n}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("queries")
    ap.add_argument("--earl", default="target/debug/earl")
    a = ap.parse_args()
    with open(a.queries, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, l.rstrip("\n").split("\t"))) for l in f if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        batch = os.path.join(tmp, "batch.csv")
        with open(batch, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["name"])
            for r in rows:
                w.writerow([r["query"]])
        out = subprocess.run([a.earl, "--no-audit", "screen", "--batch", batch],
                             capture_output=True, text=True)
    if out.returncode not in (0, 1, 2):
        sys.exit(out.stderr)
    answers = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    assert len(answers) == len(rows), (len(answers), len(rows))
    listed = [(r, x) for r, x in zip(rows, answers) if r["listed"] == "1"]
    unlisted = [(r, x) for r, x in zip(rows, answers) if r["listed"] == "0"]
    matches = lambda x: [m for m in x.get("matches", []) if not m.get("below_threshold")]
    found = [(r, x) for r, x in listed if matches(x)]
    first = [(r, x) for r, x in found if key(r["expected"]) in names_of(matches(x)[0])]
    flagged = [(r, x) for r, x in unlisted if matches(x)]
    pct = lambda n, d: f"{n}/{d} = {n / d:.3f}" if d else "-"
    print(f"== {a.queries}")
    print(f"listed parties found (recall)      {pct(len(found), len(listed))}")
    print(f"expected entity ranked first       {pct(len(first), len(listed))}")
    print(f"exchange-listed issuers flagged    {pct(len(flagged), len(unlisted))}")
    tp, fp = len(found), len(flagged)
    print(f"precision (flags on listed / all)  {pct(tp, tp + fp)}")
    print("-- listed, not found or not first")
    for r, x in listed:
        ms = matches(x)
        if not ms or key(r["expected"]) not in names_of(ms[0]):
            top = f"{ms[0]['score']:.2f} {ms[0]['name']}" if ms else "no match"
            print(f"  {r['query']}  expected {r['expected']}  got {top}")
    print("-- issuers flagged (judge each against the CSL)")
    for r, x in flagged:
        m = matches(x)[0]
        print(f"  {r['query']}  {m['score']:.2f} {m['name']} [{m['list']}]  {r['source'].split('#')[-1]}")


if __name__ == "__main__":
    main()
