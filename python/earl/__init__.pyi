"""Type stubs for :mod:`earl` (the answers are the CLI's JSON as dicts; see docs/json.md)."""

import datetime
import os
from typing import Any, Literal, Mapping, Optional, Sequence, TypedDict, Union

from earl._earl import EarlError as EarlError, InputError as InputError

__version__: str

DateLike = Union[str, datetime.date]
PathLike = Union[str, os.PathLike[str]]
Pairs = Union[Mapping[str, Union[int, float]], Sequence[str], None]

class BatchRow(TypedDict):
    """One row of ``earl check --batch`` (``check_many(..., summary=True)``)."""

    row: int
    chip: str
    destination: str
    destination_code: Optional[str]
    end_user: str
    date: str
    eccn: Optional[str]
    license_required: Optional[bool]
    prohibited: Optional[bool]
    license_exception: Optional[str]
    review_policy: Optional[str]
    regime: str
    end_user_matches: str
    list_warnings: str
    error: str

def configure(
    *,
    db: Optional[PathLike] = ...,
    audit: bool = ...,
    lists: Optional[PathLike] = ...,
    accept_partial_lists: Optional[bool] = ...,
    data_dir: Optional[PathLike] = ...,
    chips_files: Sequence[PathLike] = ...,
    rules: Optional[PathLike] = ...,
    countries: Optional[PathLike] = ...,
    country_groups: Optional[PathLike] = ...,
) -> None: ...
def classify(
    chip: Optional[str] = ...,
    date: Optional[DateLike] = ...,
    *,
    system: Optional[str] = ...,
    contains: Pairs = ...,
    scenario: Optional[str] = ...,
    tpp: Optional[float] = ...,
    throughput: Pairs = ...,
    die_area: Optional[float] = ...,
    pd: Optional[float] = ...,
    datacenter: Optional[bool] = ...,
    memory_bandwidth: Optional[float] = ...,
    chip_to_chip: Optional[float] = ...,
    package_area: Optional[float] = ...,
    kind: Optional[str] = ...,
    **more: Any,
) -> dict[str, Any]: ...
def check(
    chip: Optional[str],
    to: str,
    *,
    date: Optional[DateLike] = ...,
    end_user: Optional[str] = ...,
    end_user_hq: Optional[str] = ...,
    export_from: Optional[str] = ...,
    scenario: Optional[str] = ...,
    system: Optional[str] = ...,
    contains: Pairs = ...,
    owners: Pairs = ...,
    quantity: Optional[int] = ...,
    **more: Any,
) -> dict[str, Any]: ...
def screen(
    name: str,
    country: Optional[str] = ...,
    lists: Optional[Sequence[str]] = ...,
    *,
    threshold: Optional[float] = ...,
    all: bool = ...,
    date: Optional[DateLike] = ...,
) -> dict[str, Any]: ...
def match(a: str, b: str, threshold: Optional[float] = ...) -> dict[str, Any]: ...
def diff(
    a: str,
    b: str,
    to: Union[None, str, Sequence[str]] = ...,
    *,
    chips: Optional[Sequence[str]] = ...,
    date: Optional[DateLike] = ...,
) -> dict[str, Any]: ...
def timeline(
    chip: str, to: str, until: Optional[DateLike] = ..., scenario: Optional[str] = ...
) -> dict[str, Any]: ...
def impact(
    units: Pairs,
    *,
    prices: Pairs = ...,
    to: Optional[str] = ...,
    date: Optional[DateLike] = ...,
    scenario: Optional[str] = ...,
) -> dict[str, Any]: ...
def scenarios(scenario: Optional[str] = ...) -> list[dict[str, Any]]: ...
def about() -> dict[str, Any]: ...
def review_queue() -> dict[str, Any]: ...
def affiliates(date: Optional[DateLike] = ...) -> dict[str, Any]: ...
def schema(question: str) -> dict[str, Any]: ...
def check_many(
    rows: Any,
    *,
    date: Optional[DateLike] = ...,
    export_from: Optional[str] = ...,
    scenario: Optional[str] = ...,
    summary: bool = ...,
    errors: Literal["raise", "return"] = ...,
) -> list[dict[str, Any]]: ...
def screen_many(
    names: Any,
    *,
    country: Optional[str] = ...,
    lists: Optional[Sequence[str]] = ...,
    threshold: Optional[float] = ...,
    all: bool = ...,
    date: Optional[DateLike] = ...,
    errors: Literal["raise", "return"] = ...,
) -> list[dict[str, Any]]: ...
