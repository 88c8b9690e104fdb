"""Latency of `earl mcp` tool calls through the official Python MCP SDK (a real client over stdio).

    scripts/.venv/bin/python scripts/bench-mcp.py [EARL_BINARY] [CALLS]

Times the first call (data load) and CALLS warm calls of check, check with an end user (screening),
screen and classify; prints min/median/p95 in milliseconds. Uses --no-audit and then an audit
trail in a temporary directory, so the cost of recording is shown apart.
"""

import asyncio
import json
import statistics
import sys
import tempfile
import time

from mcp import Client, StdioServerParameters

QUESTIONS = {
    "check": ("check", {"chip": "H200", "to": "CN", "date": "2026-03-01"}),
    "check+end_user": ("check", {"chip": "H200", "to": "CN", "date": "2026-03-01", "end_user": "Acme Cloud Ltd"}),
    "screen": ("screen", {"name": "Huawei Technologies"}),
    "classify": ("classify", {"chip": "B200", "date": "2026-03-01"}),
}


async def bench(earl, calls, audit_args):
    out = {}
    async with Client(StdioServerParameters(command=earl, args=[*audit_args, "mcp"])) as client:
        for label, (tool, args) in QUESTIONS.items():
            times = []
            for _ in range(calls + 1):
                t = time.perf_counter()
                r = await client.call_tool(tool, args)
                times.append((time.perf_counter() - t) * 1000)
                assert not r.is_error, r.content[0].text
            warm = sorted(times[1:])
            out[label] = {
                "first_ms": round(times[0], 1),
                "min_ms": round(warm[0], 2),
                "median_ms": round(statistics.median(warm), 2),
                "p95_ms": round(warm[int(len(warm) * 0.95) - 1], 2),
            }
    return out


def main():
    earl = sys.argv[1] if len(sys.argv) > 1 else "target/release/earl"
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    with tempfile.TemporaryDirectory() as d:
        result = {
            "no_audit": asyncio.run(bench(earl, calls, ["--no-audit"])),
            "audited": asyncio.run(bench(earl, calls, ["--db", f"{d}/audit.sqlite"])),
        }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
