"""Every ```python block of the README runs as written (issue 28, README), each in a fresh
interpreter with the session's audit trail and data directory; scripts/readme-test.sh runs the
shell examples."""

import os
import pathlib
import re
import subprocess
import sys

import pytest

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```$", README.read_text(), flags=re.S | re.M)


def test_the_readme_has_python_examples():
    assert len(BLOCKS) >= 2, "the Python and Spark examples"


@pytest.mark.parametrize("block", BLOCKS, ids=[b.splitlines()[0] for b in BLOCKS])
def test_a_readme_python_block_runs_as_written(env, block):
    if "pyspark" in block and os.environ.get("EARL_SKIP_SPARK") == "1":
        pytest.skip("EARL_SKIP_SPARK=1")
    p = subprocess.run(
        [sys.executable, "-c", block],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, f"exit {p.returncode}\n{p.stdout}\n{p.stderr}"
