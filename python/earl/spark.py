"""earl on Spark: pandas UDFs over the :mod:`earl` package.

Each executor's Python worker loads the engine once and checks every Arrow batch Spark hands it
with :func:`earl.check_many` (on all the worker's cores, the GIL released), so a column of
determinations equals ``earl check --batch`` on the same rows::

    from earl.spark import earl_check, earl_screen
    df = df.withColumn("determination", earl_check("chip", "destination", end_user="end_user"))
    df = df.withColumn("screening", earl_screen("end_user"))

The executors need the wheel (``spark-submit --py-files`` cannot carry a compiled module: install
it on the cluster's Python, or ship a virtualenv with ``--archives``; see the project README).

Recording: each worker records its determinations in its own audit trail (``$EARL_DB`` on the
executor, else the executor user's data directory), source ``python``. Pass ``audit_db=`` to
name it, or ``audit=False`` to record nothing (for example when the job's output is itself the
record).
"""

from __future__ import annotations

from typing import Any, Optional

import earl

try:
    import pandas as pd
    from pyspark.sql import Column
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as e:  # pragma: no cover - only without the spark extra
    raise ImportError("earl.spark needs pyspark, pandas and pyarrow: pip install 'earl[spark]'") from e

#: The struct :func:`earl_check` returns: the decision columns of ``earl check --batch``.
#: ``license_required`` and ``prohibited`` are null when undetermined; a row that could not be
#: checked has ``error`` set and null in every decision field (``destination_code`` included).
#: ``list_warnings`` says, on a row whose end user was screened, what the lists lack (a list
#: without Entity List rows matches no Entity List party: an empty ``end_user_matches`` then
#: says little), joined by ``; ``.
CHECK_SCHEMA = T.StructType(
    [
        T.StructField("date", T.StringType()),
        T.StructField("destination_code", T.StringType()),
        T.StructField("eccn", T.StringType()),
        T.StructField("license_required", T.BooleanType()),
        T.StructField("prohibited", T.BooleanType()),
        T.StructField("license_exception", T.StringType()),
        T.StructField("review_policy", T.StringType()),
        T.StructField("regime", T.StringType()),
        T.StructField("end_user_matches", T.StringType()),
        T.StructField("list_warnings", T.StringType()),
        T.StructField("error", T.StringType()),
    ]
)

#: The struct :func:`earl_screen` returns. ``matched`` is null (never false) for a name that
#: could not be screened, and true for an affiliate of listed owners in the ownership graph;
#: ``matches`` is ``LIST:name (score)`` and ``AFFILIATE:party of LIST:owner (rule, status)``
#: joined by ``; ``; ``warnings`` what the lists screened lack or how old they are (a list
#: without Entity List rows matches no Entity List party: "not matched" then says little),
#: joined by ``; ``.
SCREEN_SCHEMA = T.StructType(
    [
        T.StructField("matched", T.BooleanType()),
        T.StructField("matches", T.StringType()),
        T.StructField("top_score", T.DoubleType()),
        T.StructField("error", T.StringType()),
        T.StructField("warnings", T.StringType()),
    ]
)

_CHECK_FIELDS = [f.name for f in CHECK_SCHEMA.fields]
_configured: Optional[dict] = None


def _configure(config: dict) -> None:
    """Configures earl in this worker once per distinct configuration."""
    global _configured
    if _configured != config:
        earl.configure(**config)
        _configured = dict(config)


def _config(audit: bool, audit_db: Optional[str], lists: Optional[str]) -> dict:
    config: dict = {"audit": audit}
    if audit_db is not None:
        config["db"] = audit_db
    if lists is not None:
        config["lists"] = lists
    return config


def _col(c: Any) -> Column:
    return F.col(c) if isinstance(c, str) else c


def earl_check(
    chip: Any,
    destination: Any,
    *,
    end_user: Any = None,
    end_user_hq: Any = None,
    date: Any = None,
    quantity: Any = None,
    export_from: Any = None,
    default_date: Optional[str] = None,
    scenario: Optional[str] = None,
    audit: bool = True,
    audit_db: Optional[str] = None,
    lists: Optional[str] = None,
) -> Column:
    """A struct column (:data:`CHECK_SCHEMA`) with each row's determination.

    The arguments are column names or Columns for the columns of ``earl check --batch``;
    ``default_date`` and ``scenario`` apply to every row (``default_date`` to rows without a
    date; default today on the executor). A row that cannot be checked has ``error`` set and
    every decision field null — never a silent "no licence required".
    """
    given = {
        "chip": chip,
        "destination": destination,
        "end_user": end_user,
        "end_user_hq": end_user_hq,
        "date": date,
        "quantity": quantity,
        "from": export_from,
    }
    names = [n for n, c in given.items() if c is not None]
    config = _config(audit, audit_db, lists)

    @F.pandas_udf(CHECK_SCHEMA)
    def check(*series: pd.Series) -> pd.DataFrame:
        _configure(config)
        rows = pd.concat(series, axis=1, keys=names).astype(object)
        results = earl.check_many(
            rows,
            date=default_date,
            scenario=scenario,
            summary=True,
            errors="return",
        )
        out = pd.DataFrame(results, columns=list(results[0]) if results else _CHECK_FIELDS)
        return out[_CHECK_FIELDS].reset_index(drop=True)

    return check(*[_col(given[n]).cast("string") for n in names])


def earl_screen(
    name: Any,
    *,
    country: Any = None,
    lists_codes: Optional[list] = None,
    threshold: Optional[float] = None,
    date: Optional[str] = None,
    audit: bool = True,
    audit_db: Optional[str] = None,
    lists: Optional[str] = None,
) -> Column:
    """A struct column (:data:`SCREEN_SCHEMA`) screening each row's name against the US
    restricted-party lists; null where the name is null (no party to screen)."""
    config = _config(audit, audit_db, lists)
    with_country = country is not None

    @F.pandas_udf(SCREEN_SCHEMA)
    def screen(names: pd.Series, *countries: pd.Series) -> pd.DataFrame:
        _configure(config)
        present = names.notna()
        cs = countries[0] if with_country else pd.Series([None] * len(names), index=names.index)
        asked = [(n, None if pd.isna(c) else str(c)) for n, c in zip(names[present], cs[present])]
        results = earl.screen_many(
            asked, lists=lists_codes, threshold=threshold, date=date, errors="return"
        ) if asked else []
        rows = []
        it = iter(results)
        for p in present:
            if not p:
                rows.append((None, None, None, None, None))
                continue
            r = next(it)
            if "error" in r and "matches" not in r:
                rows.append((None, None, None, r["error"], None))
                continue
            matches = [m for m in r["matches"] if not m.get("below_threshold")]
            # An affiliate of listed owners (the ownership graph) is a hit with no list entry
            # of its own: it must not read as a clear.
            affiliates = r.get("affiliate_of") or []
            said = [f"{m['list']}:{m['name']} ({m['score']:.3f})" for m in matches] + [
                "AFFILIATE:{} of {} ({}, {})".format(
                    a["party"],
                    ", ".join(f"{o['list']}:{o['name']}" for o in a["listed_owners"]),
                    a["rule"],
                    a["rule_status"],
                )
                for a in affiliates
            ]
            rows.append(
                (
                    bool(matches) or bool(affiliates),
                    "; ".join(said),
                    max((m["score"] for m in matches), default=None),
                    "",
                    "; ".join(
                        r.get("list_warnings", [])
                        + r.get("count_drop_warnings", [])
                        + ([r["staleness_warning"]] if r.get("staleness_warning") else [])
                    ),
                )
            )
        return pd.DataFrame(rows, columns=[f.name for f in SCREEN_SCHEMA.fields])

    cols = [_col(name).cast("string")] + ([_col(country).cast("string")] if with_country else [])
    return screen(*cols)
