#!/usr/bin/env python3
"""Name-matching quality of `earl match` on labelled pairs (eval/names/*.tsv).

Runs `earl match --batch` once over a pairs file and prints precision, recall, F1 and the
Matthews correlation, overall and by source, category, script and kind, at earl's default
threshold and (with --sweep) across thresholds. Standard library only.

    python3 scripts/eval-names.py eval/names/pairs-dev.tsv [--earl target/release/earl] [--sweep]

The holdout file (eval/names/pairs-holdout.tsv) is for reporting only: never tune on it.
"""
import argparse, collections, json, math, subprocess, sys


def stats(rows):
    tp = sum(1 for r in rows if r["match"] and r["pred"])
    fp = sum(1 for r in rows if not r["match"] and r["pred"])
    fn = sum(1 for r in rows if r["match"] and not r["pred"])
    tn = len(rows) - tp - fp - fn
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * p * r / (p + r) if p + r and not math.isnan(p + r) else float("nan")
    d = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    mcc = (tp * tn - fp * fn) / d if d else float("nan")
    return dict(n=len(rows), tp=tp, fp=fp, fn=fn, tn=tn, p=p, r=r, f1=f1, mcc=mcc)


def line(label, s):
    fmt = lambda x: "  -  " if math.isnan(x) else f"{x:.3f}"
    return (f"{label:<44} n={s['n']:>5}  P {fmt(s['p'])}  R {fmt(s['r'])}  F1 {fmt(s['f1'])}"
            f"  MCC {fmt(s['mcc'])}  (tp {s['tp']} fp {s['fp']} fn {s['fn']})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs")
    ap.add_argument("--earl", default="target/release/earl")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses and false hits")
    ap.add_argument("--dump", help="write every pair with its score to this TSV file")
    a = ap.parse_args()
    with open(a.pairs, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        pairs = [dict(zip(header, l.rstrip("\n").split("\t"))) for l in f if l.strip()]
    out = subprocess.run([a.earl, "--no-audit", "match", "--batch", a.pairs, "--threshold", "0.0"],
                         capture_output=True, text=True)
    if out.returncode not in (0, 2):
        sys.exit(out.stderr)
    scores = [json.loads(l) for l in out.stdout.splitlines()]
    assert len(scores) == len(pairs), (len(scores), len(pairs))
    default = json.loads(subprocess.run([a.earl, "--no-audit", "match", "x", "y", "--json"],
                                        capture_output=True, text=True).stdout)["threshold"]
    for p, s in zip(pairs, scores):
        p["match"] = p["match"] == "1"
        p["score"] = s.get("score", 0.0)
        p["source"] = p["source"].split("@")[0]
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as f:
            for p in pairs:
                f.write("\t".join([f"{p['score']:.3f}", "1" if p["match"] else "0", p["category"],
                                    p["script"], p["kind"], p["a"], p["b"]]) + "\n")
    thresholds = [default] + ([x / 100 for x in range(50, 96, 5)] if a.sweep else [])
    for t in thresholds:
        for p in pairs:
            p["pred"] = p["score"] >= t
        print(f"\n== {a.pairs} at threshold {t:.2f}{' (default)' if t == default else ''}")
        print(line("all", stats(pairs)))
        if t != default:
            continue
        for key in ("source", "category", "script", "kind"):
            groups = collections.defaultdict(list)
            for p in pairs:
                groups[p[key]].append(p)
            print(f"-- by {key}")
            for g in sorted(groups, key=lambda g: -len(groups[g])):
                print(line(f"  {g[:42]}", stats(groups[g])))
    if a.errors:
        for p in pairs:
            p["pred"] = p["score"] >= default
        miss = [p for p in pairs if p["match"] and not p["pred"]]
        false = [p for p in pairs if not p["match"] and p["pred"]]
        print(f"\n-- misses ({len(miss)})")
        for p in miss[: a.errors]:
            print(f"  {p['score']:.3f}  {p['a']}  |  {p['b']}  [{p['category']}, {p['script']}]")
        print(f"\n-- false hits ({len(false)})")
        for p in false[: a.errors]:
            print(f"  {p['score']:.3f}  {p['a']}  |  {p['b']}  [{p['category']}, {p['script']}]")


if __name__ == "__main__":
    main()
