#!/usr/bin/env bash
# Installs the Python tools the tests use, idempotently, into a virtual environment of their own
# (scripts/.venv, or $EARL_VENV): schemathesis, the OpenAPI contract tester that
# scripts/contract-test.sh runs against `earl serve`, and mcp, the official Model Context
# Protocol Python SDK that scripts/mcp-test.py drives `earl mcp` with. Prints the venv's path on
# its last line.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${EARL_VENV:-$here/.venv}"
schemathesis_version="4.32.5"
mcp_version="2.3.0"

if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
if [[ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" != "$schemathesis_version" ]]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version" >&2
fi
if [[ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("mcp"))' 2>/dev/null)" != "$mcp_version" ]]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "mcp==$mcp_version" >&2
fi
echo "setup-python: mcp $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("mcp"))')" >&2
echo "setup-python: schemathesis $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))')" >&2
echo "$venv"
