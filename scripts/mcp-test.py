"""`earl mcp` driven by a real MCP client: the official Python SDK (`mcp`, from PyPI, installed
by scripts/setup-python.sh). Run by scripts/mcp-test.sh:

    python scripts/mcp-test.py EARL_BINARY AUDIT_DB

Starts `earl --db AUDIT_DB mcp`, lists the tools, calls `check` H200 -> CN on 2026-03-01 and
every other tool once, checks that bad arguments are tool errors carrying the CLI's message and
that the server answers afterwards, then prints per-call latencies (JSON) on stdout.
"""

import asyncio
import json
import os
import re
import statistics
import sys
import time

from mcp import Client, StdioServerParameters

EXPECTED_TOOLS = {"classify", "check", "screen", "match", "diff", "timeline", "impact", "scenarios", "about"}


def fail(message):
    print(f"mcp-test: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def answer(result, tool):
    """The structured content of a successful call, which must equal the text's JSON."""
    if result.is_error:
        fail(f"{tool} answered an error: {result.content[0].text}")
    value = result.structured_content
    if not isinstance(value, dict):
        fail(f"{tool}: no structured content: {result}")
    text = json.loads(result.content[0].text)
    if text != value and text != value.get("items"):
        fail(f"{tool}: the text and the structured content differ")
    return value


def error_text(result, tool):
    if not result.is_error:
        fail(f"{tool}: expected a tool error, got {result.content[0].text[:200]}")
    return result.content[0].text


async def main(earl, db):
    # The SDK gives the server a minimal environment by default (HOME, PATH, ...): pass ours, so
    # earl's files stay where the test command put them (XDG_* under target/home), not in $HOME.
    params = StdioServerParameters(command=earl, args=["--db", db, "mcp"], env=dict(os.environ))
    latencies = {}

    async def call(client, tool, arguments):
        start = time.perf_counter()
        result = await client.call_tool(tool, arguments)
        latencies.setdefault(tool, []).append((time.perf_counter() - start) * 1000)
        return result

    async with Client(params) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        missing = EXPECTED_TOOLS - tools.keys()
        if missing:
            fail(f"tools missing: {sorted(missing)}")
        if "to" not in tools["check"].input_schema.get("required", []):
            fail(f"check's input schema does not require `to`: {tools['check'].input_schema}")

        v = answer(await call(client, "check", {"chip": "H200", "to": "CN", "date": "2026-03-01"}), "check")
        if v["review_policy"] != "case_by_case":
            fail(f"H200 -> CN on 2026-03-01: review_policy {v['review_policy']!r}")
        if v["license_required"] is not True:
            fail("H200 -> CN on 2026-03-01: no licence required?")
        entries = {c.get("entry") for c in v["conditions"]}
        lane = {"cond-lane-volume", "cond-lane-supply", "cond-lane-testing", "cond-lane-security"}
        if not lane <= entries:
            fail(f"the lane's conditions are missing: {sorted(lane - entries)} (have {sorted(map(str, entries))})")
        if not v["not_checked"] or not all(s.get("cite") or s.get("text") for s in v["because"]):
            fail("check: no not_checked list or uncited steps")
        # The same question again: warm latency.
        for _ in range(5):
            answer(await call(client, "check", {"chip": "H200", "to": "CN", "date": "2026-03-01"}), "check")

        v = answer(await call(client, "check", {"chip": "H200", "to": "CN", "date": "2026-03-01",
                                                "end_user": "Acme Cloud", "end_user_hq": "SG",
                                                "ownership": ["Huawei Technologies=60"]}), "check")
        if v["end_user"] != "Acme Cloud":
            fail("check with an end user: end_user not echoed")

        v = answer(await call(client, "classify", {"chip": "H20", "date": "2024-06-01"}), "classify")
        if v["eccn"] is not None:
            fail(f"H20 on 2024-06-01 classified {v['eccn']}")
        v = answer(await call(client, "classify", {"chip": "H100", "date": "2024-06-01"}), "classify")
        if not str(v["eccn"]).startswith("3A090"):
            fail(f"H100 on 2024-06-01: eccn {v['eccn']}")

        v = answer(await call(client, "screen", {"name": "Huawei Technologies"}), "screen")
        if not any("huawei" in json.dumps(m).lower() for m in v["matches"]):
            fail("screen Huawei Technologies: Huawei not found")
        if "count_drop_warnings" not in v:
            fail("screen: not the CLI's JSON (count_drop_warnings missing)")

        answer(await call(client, "match", {"a": "Huawei Technologies Co., Ltd.", "b": "HUAWEI TECHNOLOGIES CO LTD"}), "match")
        answer(await call(client, "diff", {"from": "2024-06-01", "to": "2026-03-01", "chips": ["H200", "H20"],
                                           "destinations": ["CN", "AE"]}), "diff")
        answer(await call(client, "timeline", {"chip": "H200", "to": "CN", "until": "2026-03-01"}), "timeline")
        answer(await call(client, "impact", {"units": ["H200=1000"], "prices": ["H200=30000"], "to": "CN",
                                             "date": "2026-03-01"}), "impact")
        v = answer(await call(client, "scenarios", {}), "scenarios")
        if not isinstance(v["items"], list) or not v["items"]:
            fail("scenarios: no scenario listed")
        about_tool = answer(await call(client, "about", {}), "about")

        # A scenario file is loaded with the data (on a fresh engine each call); a file that reuses a
        # bundled id is refused with the CLI's message.
        repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        bundled = os.path.join(repo, "data", "scenarios", "ai-diffusion.toml")
        copy = os.path.join(os.path.dirname(db), "my-scenario.toml")
        with open(bundled) as f, open(copy, "w") as out:
            out.write(re.sub(r'^id = "(.*)"', r'id = "\1-copy"', f.read(), flags=re.M))
        for _ in range(2):
            v = answer(await call(client, "check", {"chip": "H200", "to": "CN", "date": "2026-03-01",
                                                    "scenario": copy}), "check")
            if v["scenario"] != "ai-diffusion-copy":
                fail(f"scenario file: {v['scenario']}")
        msg = error_text(await call(client, "check", {"chip": "H200", "to": "CN", "scenario": bundled}), "check")
        if "already used" not in msg:
            fail(f"a scenario file reusing a bundled id: {msg}")

        # The data's provenance as resources.
        uris = {str(r.uri) for r in (await client.list_resources()).resources}
        if not {"earl://about", "earl://lists"} <= uris:
            fail(f"resources: {uris}")
        about = json.loads((await client.read_resource("earl://about")).contents[0].text)
        if about != about_tool:
            fail("the earl://about resource differs from the about tool")
        lists = json.loads((await client.read_resource("earl://lists")).contents[0].text)
        if "provenance" not in lists:
            fail(f"earl://lists: {lists}")

        # Bad arguments: tool errors with the CLI's messages, and the server goes on.
        msg = error_text(await call(client, "check", {"chip": "NoSuchChip9000", "to": "CN"}), "check")
        if "NoSuchChip9000" not in msg:
            fail(f"unknown chip: the message does not name it: {msg}")
        msg = error_text(await call(client, "check", {"chip": "H200", "to": "CN", "date": "2026-13-45"}), "check")
        if "2026-13-45" not in msg:
            fail(f"bad date: {msg}")
        error_text(await call(client, "check", {"chip": "H200", "to": "Atlantis"}), "check")
        error_text(await call(client, "check", {"chip": "H200", "to": "CN", "ownership": ["Huawei=60"]}), "check")
        error_text(await call(client, "impact", {"units": ["H200=lots"]}), "impact")
        error_text(await call(client, "match", {"a": "", "b": "x"}), "match")
        try:
            r = await client.call_tool("check", {"chip": "H200"})  # `to` missing: schema violation
            if not r.is_error:
                fail("check without `to` answered")
        except Exception:  # a protocol error (invalid params) is also acceptable
            pass
        answer(await call(client, "about", {}), "about")

    summary = {
        tool: {"calls": len(ms), "first_ms": round(ms[0], 1), "median_ms": round(statistics.median(ms), 1)}
        for tool, ms in latencies.items()
    }
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    asyncio.run(main(sys.argv[1], sys.argv[2]))
