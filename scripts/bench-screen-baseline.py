#!/usr/bin/env python3
"""Brute-force rapidfuzz baseline for earl-screen's benchmark.

Scores every query against every name and alias of the same CSL file with rapidfuzz's
token_sort_ratio (no index: all ~57,000 names per query, one core) and prints latency and
throughput next to earl-screen's, with the ratio.

    pip install rapidfuzz            # PyPI
    EARL_BENCH_QUERIES=/tmp/q.txt cargo bench -p earl-screen --bench screen | tee /tmp/earl.txt
    python3 scripts/bench-screen-baseline.py /tmp/q.txt data/csl/consolidated.csv /tmp/earl.txt

The third argument (earl-screen's bench output) is optional; with it the ratio is printed.
"""

import csv
import re
import statistics
import sys
import time

from rapidfuzz import fuzz, process, utils


def names_of(csl_path):
    names = []
    with open(csl_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names.append(row["name"])
            names.extend(a.strip() for a in row["alt_names"].split("; ") if a.strip())
    return names


def earl_throughput(bench_output_path):
    """queries/s printed by the earl-screen bench, or None."""
    with open(bench_output_path, encoding="utf-8") as f:
        match = re.search(r"throughput\s+([\d.]+) queries/s", f.read())
    return float(match.group(1)) if match else None


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    queries = [q for q in open(sys.argv[1], encoding="utf-8").read().splitlines() if q]
    names = names_of(sys.argv[2])
    choices = [utils.default_process(n) for n in names]
    # A sample keeps the run short: a brute-force query takes tens of milliseconds.
    sample = queries[:: max(1, len(queries) // 200)]
    latencies = []
    started = time.perf_counter()
    for query in sample:
        t = time.perf_counter()
        process.extract(utils.default_process(query), choices, scorer=fuzz.token_sort_ratio, limit=10, score_cutoff=75, processor=None)
        latencies.append(time.perf_counter() - t)
    wall = time.perf_counter() - started
    latencies.sort()
    qps = len(sample) / wall
    print(f"rapidfuzz brute force over {len(names)} names, {len(sample)} queries (one core)")
    print(f"  p50        {statistics.median(latencies) * 1e6:10.0f} µs")
    print(f"  p99        {latencies[int(0.99 * (len(latencies) - 1))] * 1e6:10.0f} µs")
    print(f"  throughput {qps:10.1f} queries/s")
    if len(sys.argv) > 3:
        earl = earl_throughput(sys.argv[3])
        if earl:
            print(f"earl-screen {earl:.0f} queries/s: {earl / qps:.0f}x the brute-force baseline")


if __name__ == "__main__":
    main()
