"""Check and screen every order of a file on Spark; write the results as Parquet.

    spark-submit python/examples/spark_check.py orders.csv results.parquet
    python python/examples/spark_check.py orders.parquet results.parquet   # local mode

INPUT is CSV (with a header) or Parquet, with the columns of `earl check --batch`: chip,
destination, and optionally end_user, end_user_hq, date, quantity, from; any other column (an
order id, say) is carried through. Every row gets the determination's columns
(`eccn`, `license_required`, ... as in `earl check --batch`) and, where it names an end user,
its screening (`end_user_matched`, `end_user_screened_matches`, `end_user_top_score`,
`end_user_screening_warnings`).

Options (environment): EARL_SPARK_DATE (default date for rows without one), EARL_SPARK_SCENARIO,
EARL_SPARK_AUDIT=off (record nothing; default: each executor records in $EARL_DB or its user's
data directory), EARL_SPARK_MASTER (default: spark-submit's --master, else local[*]).
"""

import os
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from earl.spark import earl_check, earl_screen

CHECK_COLUMNS = ["chip", "destination", "end_user", "end_user_hq", "date", "quantity", "from"]


def main(argv):
    if len(argv) != 3:
        print("usage: spark_check.py INPUT OUTPUT", file=sys.stderr)
        return 2
    source, target = argv[1], argv[2]
    builder = SparkSession.builder.appName("earl check")
    # spark-submit starts the JVM first and passes its --master; run by plain python, go local.
    if "EARL_SPARK_MASTER" in os.environ or "PYSPARK_GATEWAY_PORT" not in os.environ:
        builder = builder.master(os.environ.get("EARL_SPARK_MASTER", "local[*]"))
        # Local workers run this interpreter, the one that has earl installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    if source.endswith(".parquet") or os.path.isdir(source):
        orders = spark.read.parquet(source)
    else:
        # Every column as text, as `earl check --batch` reads it: no type inference.
        orders = spark.read.option("header", True).option("inferSchema", False).csv(source)
    missing = [c for c in ("chip", "destination") if c not in orders.columns]
    if missing:
        print(f"spark_check: {source}: missing column {', '.join(missing)}", file=sys.stderr)
        return 2
    given = {c: c for c in CHECK_COLUMNS if c in orders.columns}
    audit = os.environ.get("EARL_SPARK_AUDIT", "on") != "off"
    checked = orders.withColumn(
        "determination",
        earl_check(
            given["chip"],
            given["destination"],
            end_user=given.get("end_user"),
            end_user_hq=given.get("end_user_hq"),
            date=given.get("date"),
            quantity=given.get("quantity"),
            export_from=given.get("from"),
            default_date=os.environ.get("EARL_SPARK_DATE"),
            scenario=os.environ.get("EARL_SPARK_SCENARIO"),
            audit=audit,
        ),
    )
    if "end_user" in orders.columns:
        checked = checked.withColumn("screening", earl_screen("end_user", audit=audit))
        screening = [
            F.col("screening.matched").alias("end_user_matched"),
            F.col("screening.matches").alias("end_user_screened_matches"),
            F.col("screening.top_score").alias("end_user_top_score"),
            F.col("screening.error").alias("end_user_screening_error"),
            F.col("screening.warnings").alias("end_user_screening_warnings"),
        ]
    else:
        screening = []
    out = checked.select(
        *[F.col(f"`{c}`") for c in orders.columns],
        *[F.col(f"determination.{f}").alias(f if f not in orders.columns else f"determined_{f}")
          for f in ("date", "destination_code", "eccn", "license_required", "prohibited", "license_exception",
                    "review_policy", "regime", "end_user_matches", "list_warnings", "error")],
        *screening,
    )
    out.write.mode("overwrite").parquet(target)
    failed = out.filter(F.col("error") != "").count()
    total = out.count()
    spark.stop()
    print(f"spark_check: {total} rows: {failed} could not be checked", file=sys.stderr)
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
