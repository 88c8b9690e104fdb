"""Spark local mode: the example job's determinations equal `earl check --batch`, row for row.

The orders are generated (seeded) from the real catalog and real listed parties, with rows that
cannot be checked mixed in. Needs pyspark and Java 17 (scripts/setup-java.sh installs it); set
EARL_SKIP_SPARK=1 to skip where neither is available — CI does not.
"""

import csv
import os
import pathlib
import random
import subprocess
import sys

import pytest

from conftest import earl_bin

EXAMPLE = pathlib.Path(__file__).resolve().parents[1] / "examples" / "spark_check.py"
COLUMNS = ["chip", "destination", "end_user", "end_user_hq", "date", "quantity", "from"]
DECISION = ["destination_code", "eccn", "license_required", "prohibited", "license_exception",
            "review_policy",
            "regime", "end_user_matches", "list_warnings", "error"]

if os.environ.get("EARL_SKIP_SPARK") == "1":
    pytest.skip("EARL_SKIP_SPARK=1", allow_module_level=True)


def orders(n: int, seed: int) -> list:
    rng = random.Random(seed)
    chips = ["H200", "H20", "H100", "B200", "A100", "MI300X", "MI308X", "Gaudi 3", "L40S",
             "RTX 4090", "TPU v5p", "Ascend 910B", "H800", "B30A"]
    destinations = ["CN", "HK", "MO", "AE", "SA", "IN", "VN", "MY", "SG", "IL", "DE", "GB",
                    "JP", "US", "RU", "IR", "TW", "KR", "BR", "Germany", "China"]
    end_users = ["", "", "", "Huawei Technologies", "Sugon", "Inspur", "SMIC", "Tencent",
                 "Acme Robotics GmbH", "G42", "Beijing Institute of Technology", "Alibaba Cloud",
                 "National University of Defense Technology", "Shenzhen Northern Lights Ltd",
                 "Huawei Techno\u200blogies Co., Ltd."]  # issue 28: U+200B keeps the match
    dates = ["2022-09-01", "2022-11-01", "2023-06-01", "2023-11-20", "2024-05-01", "2025-01-20",
             "2025-05-01", "2025-06-01", "2026-01-20", "2026-03-01", "2026-06-30", ""]
    bad = [("H2000", "CN", "", ""), ("H200", "Narnia", "", ""), ("H200", "CN", "2026-02-30", ""),
           ("H200", "CN", "", "eight")]
    rows = []
    for i in range(n):
        if i % 97 == 5:
            chip, dest, date, qty = bad[(i // 97) % len(bad)]
            rows.append({"chip": chip, "destination": dest, "end_user": "", "end_user_hq": "",
                         "date": date, "quantity": qty, "from": ""})
            continue
        rows.append({
            "chip": rng.choice(chips),
            "destination": rng.choice(destinations),
            "end_user": rng.choice(end_users),
            "end_user_hq": rng.choice(["", "", "", "CN", "US", "AE"]),
            "date": rng.choice(dates),
            "quantity": rng.choice(["", "", "1", "8", "64"]),
            "from": rng.choice(["", "", "", "", "TW", "MY"]),
        })
    return rows


def test_spark_job_equals_the_cli_batch(cli, env, tmp_path):
    pd = pytest.importorskip("pandas")
    rows = orders(600, seed=11)
    plain = tmp_path / "orders.csv"  # the CLI's input: only the columns it knows
    with plain.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    with_id = tmp_path / "orders-with-id.csv"  # the Spark job carries other columns through
    with with_id.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["order_id", *COLUMNS])
        w.writeheader()
        w.writerows({"order_id": i, **r} for i, r in enumerate(rows))
    cli_out = tmp_path / "cli.csv"
    code, _, _ = cli("check", "--batch", str(plain), "--out", str(cli_out), "--date", "2026-03-01",
                     check=False)
    assert code == 2, "the bad rows cannot be checked"
    expected = pd.read_csv(cli_out, dtype=str, keep_default_na=False)

    out = tmp_path / "spark.parquet"
    job = subprocess.run(
        [sys.executable, str(EXAMPLE), str(with_id), str(out)],
        env={**os.environ, **env, "EARL_SPARK_DATE": "2026-03-01", "EARL_SPARK_MASTER": "local[2]",
             "PYSPARK_PYTHON": sys.executable},
        capture_output=True, text=True, timeout=600,
    )
    assert job.returncode == 2, job.stderr[-3000:]
    got = pd.read_parquet(out).astype({"order_id": int}).sort_values("order_id").reset_index(drop=True)

    assert len(got) == len(expected) == len(rows)
    assert list(got["chip"].fillna("")) == list(expected["chip"])
    assert list(got["determined_date"].fillna("")) == list(expected["date"])
    for column in DECISION:
        g = got[column]
        if column in ("license_required", "prohibited"):
            # Typed booleans; the CLI's CSV writes them true/false, and null (unknown, or an
            # error row) as an empty cell.
            g = g.map(lambda b: "" if b is None or pd.isna(b) else ("true" if b else "false"))
        assert list(g.fillna("")) == list(expected[column]), column
    assert (expected["error"] != "").sum() >= 6
    # Screening: a named, listed end user is matched; no end user, no screening (null, not false).
    listed = got[got["end_user"] == "Huawei Technologies"]
    assert listed["end_user_matched"].all()
    assert got[got["end_user"].isna()]["end_user_matched"].isna().all()


def test_spark_screening_reports_an_affiliate_as_matched(cli, env, tmp_path):
    """An end user the ownership graph shows 60% held by a listed party's subsidiary (issue 24's
    judged scenario) has no list entry of its own: the screening column must say matched, with
    the listed owner, and never read as a clear; an unrelated name stays unmatched."""
    pd = pytest.importorskip("pandas")
    own = {"EARL_DB": str(tmp_path / "audit.sqlite"), "EARL_DATA_DIR": str(tmp_path / "data")}
    graph = pathlib.Path(__file__).resolve().parents[2] / "eval" / "ownership" / "judged.csv"
    imported = subprocess.run([earl_bin(), "owners", "import", str(graph)],
                              env={**os.environ, **own}, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    orders_csv = tmp_path / "orders.csv"
    with orders_csv.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["chip", "destination", "end_user", "date"])
        w.writeheader()
        w.writerow({"chip": "H200", "destination": "HK",
                    "end_user": "Tidewater Lumen Trading Limited", "date": "2026-12-01"})
        w.writerow({"chip": "H200", "destination": "HK", "end_user": "Acme Bolts Limited",
                    "date": "2026-12-01"})
    out = tmp_path / "spark.parquet"
    job = subprocess.run(
        [sys.executable, str(EXAMPLE), str(orders_csv), str(out)],
        env={**os.environ, **own, "EARL_SPARK_AUDIT": "off", "EARL_SPARK_MASTER": "local[1]",
             "PYSPARK_PYTHON": sys.executable},
        capture_output=True, text=True, timeout=600,
    )
    assert job.returncode == 0, job.stderr[-3000:]
    got = pd.read_parquet(out).set_index("end_user")
    affiliate = got.loc["Tidewater Lumen Trading Limited"]
    assert bool(affiliate["end_user_matched"])
    assert "AFFILIATE:Tidewater Lumen Trading Limited of EL:Huawei Technologies Co., Ltd." in \
        affiliate["end_user_screened_matches"], affiliate["end_user_screened_matches"]
    assert not bool(got.loc["Acme Bolts Limited"]["end_user_matched"])
    # What the lists are stands beside every screening: the bundled list's age, at least.
    assert "2026-07-31" in got.loc["Acme Bolts Limited"]["end_user_screening_warnings"]
