#!/usr/bin/env bash
# The Python package: builds and installs it with `pip install ./python` into a virtual
# environment of its own (scripts/.venv-package, or $EARL_PACKAGE_VENV) beside pinned pytest,
# pandas, pyarrow and pyspark, then runs python/tests — the answers against the CLI's JSON, the
# errors, the audit trail, and the Spark example job in local mode against `earl check --batch`
# (Java 17 from scripts/setup-java.sh). EARL_BIN names the CLI to compare with (default: the
# workspace's debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${EARL_PACKAGE_VENV:-scripts/.venv-package}"
bash scripts/setup-java.sh
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
# No pip cache: pyspark is published only as a source archive, and its download plus the wheel
# built from it would stay cached (~0.9 GB) beside the installed copy.
pip=("$venv/bin/python" -m pip --disable-pip-version-check --no-cache-dir -q)
"${pip[@]}" install "pytest==9.2.0" "pandas==3.1.1" "pyarrow==26.0.1" "pyspark==4.1.1" >&2
# The package itself, built from this tree (maturin, release profile, abi3 wheel) — again only
# when a file it is built from changed since the installed one (a hash of them is kept in the
# venv), since a release build of the workspace is most of this script's time.
sources_hash="$(find crates python data Cargo.toml Cargo.lock -type f \
    -not -path '*/__pycache__/*' -not -path '*/.pytest_cache/*' -print0 \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
stamp="$venv/.earl-package-sources"
if [[ "$(cat "$stamp" 2>/dev/null)" != "$sources_hash" ]]; then
    "${pip[@]}" install --force-reinstall --no-deps ./python >&2
    echo "$sources_hash" >"$stamp"
else
    echo "python-test: the installed package was built from this tree; not rebuilt" >&2
fi
"$venv/bin/python" -m pytest -q python/tests "$@"
