"""Shared fixtures: a fresh audit trail and data directory per test session, and the `earl`
binary the answers are compared with (``$EARL_BIN``, else the workspace's debug build)."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def earl_bin() -> str:
    if os.environ.get("EARL_BIN"):
        return os.environ["EARL_BIN"]
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for profile in ("debug", "release"):
        p = target / profile / "earl"
        if p.exists():
            return str(p)
    raise RuntimeError("no earl binary: build it with `cargo build -p earl-cli` or set EARL_BIN")


# Like the Rust tests (.cargo/config.toml), the Python tests keep earl's files under target/home:
# the screening index cache is shared by the whole suite and $HOME is never written.
_HOME = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")).resolve() / "home"
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")


@pytest.fixture(scope="session")
def env(tmp_path_factory):
    """Environment for the CLI and the package alike: one audit trail, one data directory."""
    base = tmp_path_factory.mktemp("earl")
    return {
        "EARL_DB": str(base / "audit.sqlite"),
        "EARL_DATA_DIR": str(base / "data"),
    }


@pytest.fixture(scope="session")
def earl(env):
    import earl as package

    package.configure(db=env["EARL_DB"], data_dir=env["EARL_DATA_DIR"])
    return package


@pytest.fixture(scope="session")
def cli(env):
    """Runs the earl binary with the session's environment; returns (exit code, stdout, stderr)."""

    def run(*args, check=True):
        p = subprocess.run(
            [earl_bin(), *args],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
        )
        if check and p.returncode != 0:
            raise AssertionError(f"earl {' '.join(args)} exited {p.returncode}: {p.stderr}")
        return p.returncode, p.stdout, p.stderr

    return run
