"""earl: the US Export Administration Regulations for AI chips, as code.

Every function answers as the ``earl`` command line does with ``--json`` — the same engine,
the same path, the same dict — and records its determination in the audit trail (source
``python``) unless :func:`configure` turned it off. Every answer is as of a date (default:
today, UTC), cites the rules for each step, and lists what earl did not check. It is not legal
advice or a clearance.

Bad input raises :class:`InputError` with the CLI's message; nothing is silently defaulted.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import math as _math
import os as _os
from collections.abc import Iterable, Mapping
from typing import Any, Optional, Sequence, Union

from earl import _earl
from earl._earl import EarlError, InputError

__version__: str = _earl.__version__

__all__ = [
    "EarlError",
    "InputError",
    "about",
    "affiliates",
    "check",
    "check_many",
    "classify",
    "configure",
    "diff",
    "impact",
    "match",
    "review_queue",
    "scenarios",
    "schema",
    "screen",
    "screen_many",
    "timeline",
]

DateLike = Union[str, _dt.date]


def configure(
    *,
    db: Optional[Union[str, "_os.PathLike[str]"]] = None,
    audit: bool = True,
    lists: Optional[Union[str, "_os.PathLike[str]"]] = None,
    accept_partial_lists: Optional[bool] = None,
    data_dir: Optional[Union[str, "_os.PathLike[str]"]] = None,
    chips_files: Sequence[Union[str, "_os.PathLike[str]"]] = (),
    rules: Optional[Union[str, "_os.PathLike[str]"]] = None,
    countries: Optional[Union[str, "_os.PathLike[str]"]] = None,
    country_groups: Optional[Union[str, "_os.PathLike[str]"]] = None,
) -> None:
    """Where the data comes from and where determinations are recorded.

    The options are the CLI's: ``db`` is ``--db`` (default ``$EARL_DB``, else the user's data
    directory), ``audit=False`` is ``--no-audit``, ``lists`` is ``--lists`` (default
    ``$EARL_LISTS``, else the list ``earl update`` installed, else the bundled one),
    ``accept_partial_lists`` is ``--accept-partial-lists`` (default
    ``$EARL_ACCEPT_PARTIAL_LISTS``: screen against a list with no Entity List or SDN rows),
    ``data_dir`` is ``--data-dir`` (default ``$EARL_DATA_DIR``). The next question loads the
    data afresh.
    """
    global _config
    _config = {
        "db": db,
        "audit": audit,
        "lists": lists,
        "accept_partial_lists": accept_partial_lists,
        "data_dir": data_dir,
        "chips_files": list(chips_files),
        "rules": rules,
        "countries": countries,
        "country_groups": country_groups,
    }
    _apply(_config)


def _apply(config: Mapping[str, Any]) -> None:
    env = _os.environ.get
    path = lambda v: None if v is None else _os.fspath(v)  # noqa: E731
    _earl.configure(
        chips_files=[_os.fspath(p) for p in config.get("chips_files", ())],
        rules=path(config.get("rules")),
        countries=path(config.get("countries")),
        country_groups=path(config.get("country_groups")),
        lists=path(config.get("lists") or env("EARL_LISTS")),
        accept_partial_lists=_accepts_partial_lists(config.get("accept_partial_lists")),
        db=path(config.get("db") or env("EARL_DB")),
        data_dir=path(config.get("data_dir") or env("EARL_DATA_DIR")),
        audit=bool(config.get("audit", True)),
    )


def _accepts_partial_lists(value: Optional[bool]) -> bool:
    """``configure``'s value, else ``$EARL_ACCEPT_PARTIAL_LISTS`` read as the CLI reads it."""
    if value is not None:
        return bool(value)
    flag = _os.environ.get("EARL_ACCEPT_PARTIAL_LISTS", "").strip().lower()
    return flag not in ("", "0", "false", "no", "off", "n", "f")


_config: dict = {}
_apply(_config)


def _date(value: Optional[DateLike], what: str = "date") -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        if value.time() != _dt.time(0, 0):
            raise InputError(f"{what} `{value}`: a date is asked, not a time of day")
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise InputError(f"{what} `{value!r}`: expected YYYY-MM-DD or a datetime.date")


def _pairs(value: Any, what: str, example: str) -> list:
    """``{"H200": 8}`` or ``["H200=8"]`` as the CLI's ``NAME=VALUE`` strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        _refuse_unencodable(dict(value), what)
        return [f"{k}={v}" for k, v in value.items()]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    raise InputError(f"{what}: expected a dict or a list like {example}")


def _refuse_unencodable(value: Any, where: str) -> None:
    """Raise InputError naming ``where`` if ``value`` holds what JSON cannot carry to earl: a
    NaN or infinite float (json would write ``NaN``, which is not JSON), or text with a lone
    surrogate (not a character, so not UTF-8)."""
    if isinstance(value, float) and not _math.isfinite(value):
        raise InputError(f"{where}: {value!r} is not a finite number")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise InputError(
                f"{where}: the text has a lone surrogate (U+{ord(value[e.start]):04X}) at "
                f"position {e.start}, which is not a character"
            ) from None
    elif isinstance(value, Mapping):
        for k, v in value.items():
            _refuse_unencodable(k, where)
            _refuse_unencodable(v, f"{where}[{k!r}]")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            _refuse_unencodable(v, f"{where}[{i}]")


def _encode(args: Mapping[str, Any], names: Mapping[str, str] = {}) -> str:
    """The arguments as JSON for the extension; a value JSON cannot carry is refused naming
    its argument (``names`` maps a JSON key to the Python argument's name where they differ)."""
    for key, value in args.items():
        _refuse_unencodable(value, names.get(key, key))
    return _json.dumps(args, allow_nan=False)


def _ask(question: str, args: Mapping[str, Any], names: Mapping[str, str] = {}) -> Any:
    args = {k: v for k, v in args.items() if v is not None and v != []}
    return _json.loads(_earl.ask(question, _encode(args, names)))


def classify(
    chip: Optional[str] = None,
    date: Optional[DateLike] = None,
    *,
    system: Optional[str] = None,
    contains: Any = None,
    scenario: Optional[str] = None,
    tpp: Optional[float] = None,
    throughput: Any = None,
    die_area: Optional[float] = None,
    pd: Optional[float] = None,
    datacenter: Optional[bool] = None,
    memory_bandwidth: Optional[float] = None,
    chip_to_chip: Optional[float] = None,
    package_area: Optional[float] = None,
    kind: Optional[str] = None,
    **more: Any,
) -> dict:
    """Classify a chip (catalog name or specification) under 3A090, or a system under 4A090,
    on a date: what ``earl classify --json`` prints. ``eccn`` is None when not controlled.

    ``contains`` is ``{"H200": 8}`` (a system not in the catalog), ``throughput``
    ``{"fp8": 1979}`` (dense TOPS per precision); ``kind="hbm"`` with ``memory_bandwidth`` and
    ``package_area`` is an HBM stack. Any other keyword is passed to the question as is (see
    ``earl.schema("classify")``), and refused if earl does not know it.
    """
    return _ask(
        "classify",
        {
            "chip": chip,
            "date": _date(date),
            "system": system,
            "contains": _pairs(contains, "contains", '{"H200": 8}'),
            "scenario": scenario,
            "tpp": tpp,
            "throughput": _pairs(throughput, "throughput", '{"fp8": 1979}'),
            "die_area": die_area,
            "pd": pd,
            "datacenter": datacenter,
            "memory_bandwidth": memory_bandwidth,
            "chip_to_chip": chip_to_chip,
            "package_area": package_area,
            "kind": kind,
            **more,
        },
    )


def check(
    chip: Optional[str],
    to: str,
    *,
    date: Optional[DateLike] = None,
    end_user: Optional[str] = None,
    end_user_hq: Optional[str] = None,
    export_from: Optional[str] = None,
    scenario: Optional[str] = None,
    system: Optional[str] = None,
    contains: Any = None,
    owners: Any = None,
    quantity: Optional[int] = None,
    **more: Any,
) -> dict:
    """Does shipping ``chip`` (or ``system``) to ``to`` need a licence, and on what terms:
    what ``earl check --json`` prints (``license_required`` is True, False or None for
    undetermined; ``review_policy``, ``conditions``, ``license_exception``, the end user's and
    owners' screening, every step cited, and what was not checked).

    ``owners`` is ``{"Huawei Investment & Holding": 60}`` (needs ``end_user``). Any other
    keyword is passed to the question as is (see ``earl.schema("check")``: a chip's figures,
    for one), and refused if earl does not know it.
    """
    return _ask(
        "check",
        {
            "chip": chip,
            "to": to,
            "date": _date(date),
            "end_user": end_user,
            "end_user_hq": end_user_hq,
            "from": export_from,
            "scenario": scenario,
            "system": system,
            "contains": _pairs(contains, "contains", '{"H200": 8}'),
            "ownership": _pairs(owners, "owners", '{"Owner Ltd": 60}') or None,
            "quantity": quantity,
            **more,
        },
        {"from": "export_from", "ownership": "owners"},
    )


def screen(
    name: str,
    country: Optional[str] = None,
    lists: Optional[Sequence[str]] = None,
    *,
    threshold: Optional[float] = None,
    all: bool = False,
    date: Optional[DateLike] = None,
) -> dict:
    """Screen a party name (any script) against the US restricted-party lists: what
    ``earl screen --json`` prints. ``lists`` are trade.gov source codes such as
    ``["EL", "MEU", "SDN"]``; ``all=True`` also returns the best entries below the threshold.
    """
    return _ask(
        "screen",
        {
            "name": name,
            "country": country,
            "sources": list(lists) if lists is not None else None,
            "threshold": threshold,
            "all": all or None,
            "date": _date(date),
        },
        {"sources": "lists"},
    )


def match(a: str, b: str, threshold: Optional[float] = None) -> dict:
    """Compare two names the way screening does: ``{score, match, threshold, explain}``."""
    return _ask("match", {"a": a, "b": b, "threshold": threshold})


def diff(
    a: str,
    b: str,
    to: Union[None, str, Sequence[str]] = None,
    *,
    chips: Optional[Sequence[str]] = None,
    date: Optional[DateLike] = None,
) -> dict:
    """What changes from rules ``a`` to rules ``b`` (each a date, a rule version id, a
    scenario id or a scenario file), chip by chip and destination by destination; ``to`` is
    one destination or several (default: earl's standard set)."""
    destinations = [to] if isinstance(to, str) else (list(to) if to is not None else None)
    return _ask(
        "diff",
        {
            "from": _date(a, "a") if isinstance(a, _dt.date) else a,
            "to": _date(b, "b") if isinstance(b, _dt.date) else b,
            "destinations": destinations,
            "chips": list(chips) if chips is not None else None,
            "date": _date(date),
        },
        {"from": "a", "to": "b", "destinations": "to"},
    )


def timeline(
    chip: str,
    to: str,
    until: Optional[DateLike] = None,
    scenario: Optional[str] = None,
) -> dict:
    """A chip's determination for a destination on every rule version up to ``until``."""
    return _ask(
        "timeline",
        {"chip": chip, "to": to, "until": _date(until, "until"), "scenario": scenario},
    )


def impact(
    units: Any,
    *,
    prices: Any = None,
    to: Optional[str] = None,
    date: Optional[DateLike] = None,
    scenario: Optional[str] = None,
) -> dict:
    """How much compute shipments move and what the rules license: ``units`` is
    ``{"H200": 400000}``, ``prices`` ``{"H200": 30000}`` (US dollars per unit)."""
    return _ask(
        "impact",
        {
            "units": _pairs(units, "units", '{"H200": 400000}'),
            "prices": _pairs(prices, "prices", '{"H200": 30000}'),
            "to": to,
            "date": _date(date),
            "scenario": scenario,
        },
    )


def scenarios(scenario: Optional[str] = None) -> list:
    """The policy scenarios earl knows (their ids are what ``scenario=`` takes)."""
    return _ask("scenarios", {"scenario": scenario})


def about() -> dict:
    """earl's version and the vintage, source and content hash of every dataset in use."""
    return _ask("about", {})


def review_queue() -> dict:
    """The recorded list matches no reviewer's disposition covers, oldest first, with counts
    per list (as ``earl review queue --json``)."""
    return _ask("review_queue", {})


def affiliates(date: Optional[DateLike] = None) -> dict:
    """Every party the imported ownership graph shows owned at or above an ownership rule's
    threshold by listed parties, with the chain and the rule's effect on ``date`` (default:
    today), as ``earl owners affiliates --json``."""
    return _ask("affiliates", {"date": _date(date)})


def schema(question: str) -> dict:
    """The JSON Schema of a question's arguments (``"check"``, ``"classify"``, ``"screen"``,
    ``"match"``, ``"diff"``, ``"timeline"``, ``"impact"``, ``"scenarios"``): every field the
    question takes, the same the CLI, the API and MCP take."""
    return _json.loads(_earl.schema(question))


# ----------------------------------------------------------------------------------------
# Many rows at once.


def _cell(value: Any) -> Optional[str]:
    """One cell as the CSV text `earl check --batch` would read; None for an empty cell."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalars
    if isinstance(value, float):
        if _math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return _date(value)
    if isinstance(value, str):
        return value
    return str(value)


def _is_missing(value: Any) -> bool:
    try:
        import pandas

        return value is not None and bool(pandas.isna(value)) and not isinstance(value, str)
    except (ImportError, TypeError, ValueError):
        return False


def _columns(rows: Any) -> Optional[dict]:
    """Rows — a pandas DataFrame, an Arrow table or record batch, or an iterable of dicts —
    as columns of CSV-like text; None for an empty iterable."""
    if hasattr(rows, "column_names") and hasattr(rows, "column"):  # pyarrow
        return {str(n): [_cell(v) for v in rows.column(n).to_pylist()] for n in rows.column_names}
    if hasattr(rows, "columns") and hasattr(rows, "iloc"):  # pandas
        return {
            str(c): [None if _is_missing(v) else _cell(v) for v in rows[c].tolist()]
            for c in rows.columns
        }
    if isinstance(rows, (str, bytes, Mapping)):
        raise InputError("rows: expected a DataFrame, an Arrow table or a list of dicts")
    rows = list(rows)
    if not rows:
        return None
    names: dict = {}
    for i, r in enumerate(rows, start=1):
        if not isinstance(r, Mapping):
            raise InputError(f"rows: row {i} is a {type(r).__name__}, not a dict")
        for k in r:
            if not isinstance(k, str):
                raise InputError(f"rows: row {i}: column name {k!r} is not a string")
            names.setdefault(k, None)
    return {n: [_cell(r.get(n)) for r in rows] for n in names}


def _raise_failed(failed: list, total: int, what: str) -> None:
    shown = "; ".join(f"row {row}: {error}" for row, error in failed[:5])
    more = f"; and {len(failed) - 5} more" if len(failed) > 5 else ""
    raise InputError(f"{len(failed)} of {total} rows could not be {what}: {shown}{more}")


def check_many(
    rows: Any,
    *,
    date: Optional[DateLike] = None,
    export_from: Optional[str] = None,
    scenario: Optional[str] = None,
    summary: bool = False,
    errors: str = "raise",
) -> list:
    """Check many shipments on every core, with the GIL released.

    ``rows`` has the columns of ``earl check --batch``: ``chip``, ``destination`` and
    optionally ``end_user``, ``end_user_hq``, ``date``, ``quantity``, ``from``; an unknown or
    misspelled column is an error, an empty cell an absent value. ``date``, ``export_from``
    and ``scenario`` apply to every row that does not give its own.

    Returns one dict per row, in order: each row's full answer (what :func:`check` returns),
    or with ``summary=True`` the row of ``earl check --batch`` (``row``, ``chip``,
    ``destination`` as given, ``destination_code`` (the ISO code it resolved to), ``end_user``,
    ``date``, ``eccn``, ``license_required`` and ``prohibited`` as True, False or None
    (undetermined), ``license_exception``, ``review_policy``, ``regime``,
    ``end_user_matches``, ``list_warnings`` (what the lists the end user was screened against
    lack), ``error``). Rows are numbered from 1.

    Rows asking the same question (in the same rule epoch) share the nested parts of their
    answer: ``copy.deepcopy`` one before changing it in place.

    A row that cannot be checked raises :class:`InputError` (after the others are recorded);
    with ``errors="return"`` it comes back as ``{"row": n, "error": message}`` (or, with
    ``summary=True``, as a batch row whose ``error`` says why and whose decision fields are all
    None).
    """
    if errors not in ("raise", "return"):
        raise InputError(f'errors `{errors}`: expected "raise" or "return"')
    columns = _columns(rows)
    if columns is None:
        return []
    for name, cells in columns.items():
        _refuse_unencodable(name, "rows: a column name")
        for i, cell in enumerate(cells, start=1):
            _refuse_unencodable(cell, f"rows: row {i}, column `{name}`")
    options = {"date": _date(date), "from": export_from, "scenario": scenario, "answers": not summary}
    text, answers = _earl.check_many(
        columns,
        _encode({k: v for k, v in options.items() if v is not None}, {"from": "export_from"}),
    )
    rows = _json.loads(text)
    failed = [(r["outcome"]["row"], r["outcome"]["error"]) for r in rows if r["outcome"]["error"]]
    if failed and errors == "raise":
        _raise_failed(failed, len(rows), "checked")
    if summary:
        return [r["outcome"] for r in rows]
    # Rows asking the same question share one answer: each gets a shallow copy with its date.
    shared = [_json.loads(a) for a in answers]
    return [
        dict(shared[r["answer"]], date=r["outcome"]["date"])
        if r["answer"] is not None
        else {"row": r["outcome"]["row"], "error": r["outcome"]["error"]}
        for r in rows
    ]


def screen_many(
    names: Any,
    *,
    country: Optional[str] = None,
    lists: Optional[Sequence[str]] = None,
    threshold: Optional[float] = None,
    all: bool = False,
    date: Optional[DateLike] = None,
    errors: str = "raise",
) -> list:
    """Screen many names on every core, with the GIL released; one :func:`screen` answer per
    name, in order.

    ``names`` is an iterable of names, of ``(name, country)`` pairs or of dicts with ``name``
    and optionally ``country``, or a DataFrame or Arrow table with those columns; ``country``
    applies to names without one. Each distinct name is screened once; rows asking the same
    name share the nested parts of one answer (``copy.deepcopy`` before changing one in
    place). A name that cannot be screened (empty, no letter or digit)
    raises :class:`InputError`; with ``errors="return"`` it comes back as
    ``{"row": n, "error": message}``.
    """
    if errors not in ("raise", "return"):
        raise InputError(f'errors `{errors}`: expected "raise" or "return"')
    if hasattr(names, "column_names") or (hasattr(names, "columns") and hasattr(names, "iloc")):
        columns = _columns(names) or {}
        unknown = [c for c in columns if c not in ("name", "country")]
        if unknown or "name" not in columns:
            raise InputError(
                f"names: the columns are name and country (optional); got {', '.join(columns)}"
            )
        pairs = list(zip(columns["name"], columns.get("country", [None] * len(columns["name"]))))
    else:
        if isinstance(names, (str, bytes)):
            raise InputError("names: expected a list of names, not one string (use screen())")
        pairs = []
        for i, n in enumerate(names, start=1):
            if isinstance(n, str):
                pairs.append((n, None))
            elif isinstance(n, Mapping):
                unknown = [k for k in n if k not in ("name", "country")]
                if unknown or "name" not in n:
                    raise InputError(
                        f"names: row {i}: expected keys name and country (optional), got {', '.join(map(str, n))}"
                    )
                pairs.append((n["name"], n.get("country")))
            elif isinstance(n, tuple) and len(n) == 2:
                pairs.append(n)
            else:
                raise InputError(f"names: row {i} is a {type(n).__name__}, not a name")
    checked = []
    for i, (n, c) in enumerate(pairs, start=1):
        if not isinstance(n, str):
            raise InputError(f"names: row {i}: the name is {n!r}, not a string")
        c = _cell(c) if c is not None else country
        _refuse_unencodable(n, f"names: row {i}: the name")
        _refuse_unencodable(c, f"names: row {i}: the country")
        checked.append((n, c))
    options = {
        "sources": list(lists) if lists is not None else [],
        "threshold": threshold,
        "all": all,
        "date": _date(date),
    }
    rows, answers = _earl.screen_many(checked, _encode(options))
    failed = [(i, error) for i, (_, error) in enumerate(rows, start=1) if error is not None]
    if failed and errors == "raise":
        _raise_failed(failed, len(rows), "screened")
    # A name asked twice is screened once; its rows get shallow copies of one answer.
    shared = [_json.loads(a) if a else None for a in answers]
    return [
        dict(shared[a]) if a is not None else {"row": i, "error": error}
        for i, (a, error) in enumerate(rows, start=1)
    ]
