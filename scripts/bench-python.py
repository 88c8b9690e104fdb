"""Figures for the Python package and Spark (run by scripts/bench-python.sh).

Prints: the per-call cost of earl.check (audit off and on) and how much of it is the JSON
bridge; check_many rows/s against `earl check --batch` on the same rows (audit off and on); and
the Spark example job in local mode against the CLI batch. Wall-clock medians on this machine;
read them with the load average printed beside them.
"""

import csv
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python" / "tests"))
from test_spark import COLUMNS, orders  # noqa: E402  (the same generator as the test, another seed)

import earl  # noqa: E402

EARL = os.environ.get("EARL_BIN", str(ROOT / "target" / "release" / "earl"))
N = int(os.environ.get("BENCH_ROWS", "100000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


def median_time(f, repeat=REPEAT):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="earl-bench-"))
    print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; {os.cpu_count()} cores")

    # Per call.
    calls = 2000
    for audit in (False, True):
        earl.configure(audit=audit, db=tmp / "calls.sqlite", data_dir=tmp / "data")
        earl.check("H200", "CN", date="2026-03-01")  # load the engine
        t = median_time(lambda: [earl.check("H200", "CN", date="2026-03-01") for _ in range(calls)])
        print(f"earl.check per call, audit {'on ' if audit else 'off'}: {t / calls * 1e6:8.0f} µs")
    text = earl._earl.ask("check", json.dumps({"chip": "H200", "to": "CN", "date": "2026-03-01"}))
    t = median_time(lambda: [json.loads(text) for _ in range(calls)])
    print(f"  of which json.loads of the answer ({len(text)} bytes): {t / calls * 1e6:8.0f} µs")

    # Batches.
    rows = [r for r in orders(N, seed=2026) if r["chip"] != "H2000"]
    rows = [r for r in rows if r["destination"] != "Narnia" and r["date"] != "2026-02-30" and r["quantity"] != "eight"]
    path = tmp / "orders.csv"
    with path.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    n = len(rows)
    print(f"\nbatch of {n} rows (generated orders: 14 chips, 21 destinations, 14 end users, 12 dates)")
    env = {**os.environ, "EARL_DATA_DIR": str(tmp / "data")}
    for audit in (False, True):
        flags = ["--no-audit"] if not audit else ["--db", str(tmp / f"cli-{time.time_ns()}.sqlite")]
        cli = median_time(lambda: subprocess.run(
            [EARL, *flags, "check", "--batch", str(path), "--out", str(tmp / "cli.csv"), "--date", "2026-03-01"],
            check=True, env=env, stderr=subprocess.DEVNULL))
        earl.configure(audit=audit, db=tmp / f"py-{time.time_ns()}.sqlite", data_dir=tmp / "data")
        earl.check("H200", "CN")  # load the engine outside the timing, as a notebook would have
        py = median_time(lambda: earl.check_many(rows, date="2026-03-01", summary=True))
        full = median_time(lambda: earl.check_many(rows, date="2026-03-01"), repeat=1)
        label = "on " if audit else "off"
        print(f"audit {label}: earl check --batch {n / cli:9.0f} rows/s ({cli:.2f} s, one process, incl. start)")
        print(f"           check_many summary  {n / py:9.0f} rows/s ({py:.2f} s)   ratio {cli / py:.2f}x")
        print(f"           check_many answers  {n / full:9.0f} rows/s ({full:.2f} s)")

    # Spark local mode, audit off, over the same rows.
    spark_in = tmp / "orders-spark.csv"
    spark_in.write_text(path.read_text())
    for master in ("local[1]", "local[2]"):
        t0 = time.perf_counter()
        job = subprocess.run(
            [sys.executable, str(ROOT / "python" / "examples" / "spark_check.py"), str(spark_in), str(tmp / "spark.parquet")],
            env={**env, "EARL_SPARK_AUDIT": "off", "EARL_SPARK_DATE": "2026-03-01", "EARL_SPARK_MASTER": master,
                 "PYSPARK_PYTHON": sys.executable},
            capture_output=True, text=True)
        t = time.perf_counter() - t0
        if job.returncode != 0:
            print(job.stderr[-2000:])
            raise SystemExit(f"spark job failed ({job.returncode})")
        print(f"spark {master}: {n / t:9.0f} rows/s ({t:.1f} s incl. JVM start, check + screen + Parquet)")
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "from pyspark.sql import SparkSession as S; s=S.builder.master('local[2]').getOrCreate(); s.range(1).count(); s.stop()"],
        check=True, capture_output=True, env={**env, "PYSPARK_PYTHON": sys.executable})
    print(f"spark start and stop alone: {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
