"""The Rust extension under :mod:`earl` (use the functions of :mod:`earl` instead)."""

from typing import Optional, Sequence

__version__: str

class EarlError(Exception): ...
class InputError(EarlError): ...

def configure(
    *,
    chips_files: Sequence[str],
    rules: Optional[str],
    countries: Optional[str],
    country_groups: Optional[str],
    lists: Optional[str],
    accept_partial_lists: bool,
    db: Optional[str],
    data_dir: Optional[str],
    audit: bool,
) -> None: ...
def ask(question: str, args: str) -> str: ...
def schema(question: str) -> str: ...
def check_many(
    columns: dict[str, list[Optional[str]]], options: str
) -> tuple[str, list[str]]: ...
def screen_many(
    names: list[tuple[str, Optional[str]]], options: str
) -> tuple[list[tuple[Optional[int], Optional[str]]], list[str]]: ...
