#!/usr/bin/env python3
"""Writes eval/front-ends/questions.jsonl: a few hundred questions of every kind, each a
question name and its JSON arguments, that every front end must answer with the same JSON
(crates/earl-cli/tests/every_front_end.rs: the CLI, the API and MCP; python/tests/
test_every_front_end.py: Python). Deterministic: run it again and the file is the same.

    python3 scripts/gen-front-end-questions.py
"""
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[1]
rng = random.Random(20261206)

CHIPS = ["A100", "A800", "H100", "H800", "H20", "H200", "B200", "B300", "MI300X", "MI325X",
         "Gaudi 3", "L40S", "L20", "RTX 4090", "Ascend 910B", "T4", "V100", "TPU v5p"]
SYSTEMS = ["DGX H100", "DGX H200", "DGX B200", "HGX B200"]
PLACES = ["CN", "China", "Hong Kong", "MO", "RU", "DE", "SA", "AE", "IN", "VN", "MY", "SG",
          "IL", "GB", "JP", "US", "KP", "IR", "Taiwan"]
DATES = ["2022-10-06", "2022-10-07", "2023-11-16", "2023-11-17", "2024-04-04", "2025-01-15",
         "2025-04-15", "2025-05-15", "2026-01-14", "2026-01-15", "2026-03-01", "2026-06-01",
         "2026-11-09", "2026-11-10", "2026-12-01"]
PARTIES = ["Huawei Technologies Co., Ltd.", "Nettrix Information Industry Co., Ltd.",
           "Moore Threads", "Acme Widgets Trading Ltd", "Inspur Group", "Sugon",
           "华为技术有限公司", "Biren Technology", "G42", "Siemens AG"]
OWNERS = ["Huawei Investment & Holding Co., Ltd.", "Acme Holdings Ltd", "Sugon"]


def check():
    q = {"to": rng.choice(PLACES), "date": rng.choice(DATES)}
    r = rng.random()
    if r < 0.8:
        q["chip"] = rng.choice(CHIPS)
    elif r < 0.9:
        q["system"] = rng.choice(SYSTEMS)
    else:
        q["contains"] = [f"{rng.choice(CHIPS[:8])}={rng.choice([2, 4, 8])}"]
    if rng.random() < 0.4:
        q["end_user"] = rng.choice(PARTIES)
        if rng.random() < 0.3:
            q["ownership"] = [f"{rng.choice(OWNERS)}={rng.choice([25, 50, 60, 100])}"]
    if rng.random() < 0.15:
        q["end_user_hq"] = rng.choice(["CN", "MO", "US"])
    if rng.random() < 0.2:
        q["quantity"] = rng.choice([1, 8, 1000])
    if rng.random() < 0.1:
        q["from"] = rng.choice(["TW", "MY", "SG"])
    return q


def classify():
    if rng.random() < 0.75:
        return {"chip": rng.choice(CHIPS), "date": rng.choice(DATES)}
    q = {"tpp": rng.choice([1000, 2400, 4800, 4900, 15000]), "date": rng.choice(DATES)}
    if rng.random() < 0.6:
        q["die_area"] = rng.choice([400, 600, 814])
    if rng.random() < 0.6:
        q["datacenter"] = rng.random() < 0.5
    return q


def screen():
    q = {"name": rng.choice(PARTIES + OWNERS), "date": rng.choice(DATES[-6:])}
    if rng.random() < 0.3:
        q["country"] = rng.choice(["CN", "HK", "AE"])
    if rng.random() < 0.2:
        q["threshold"] = 0.9
    return q


def pair():
    return {"a": rng.choice(PARTIES), "b": rng.choice(PARTIES + OWNERS)}


questions = (
    [("check", check()) for _ in range(180)]
    + [("classify", classify()) for _ in range(50)]
    + [("screen", screen()) for _ in range(30)]
    + [("match", pair()) for _ in range(20)]
    + [("timeline", {"chip": c, "to": t, "until": "2026-12-01"})
       for c, t in [("H200", "CN"), ("H20", "CN"), ("A100", "AE"), ("B200", "MY")]]
    + [("diff", {"from": a, "to": b, "chips": ["H100", "H20", "H200"], "destinations": ["CN", "AE"]})
       for a, b in [("2023-01-01", "2024-01-01"), ("2025-12-01", "2026-03-01")]]
    + [("impact", {"units": ["H200=400000"], "prices": ["H200=30000"], "to": "CN", "date": "2026-03-01"})]
    # Questions every front end must refuse alike: an unknown chip, an ambiguous place, a date
    # that is not one, owners without an end user, a name with nothing to screen, both a chip
    # and its figures.
    + [("check", {"chip": "H2000", "to": "CN"}),
       ("check", {"chip": "H200", "to": "Congo"}),
       ("check", {"chip": "H200", "to": "CN", "date": "2026-02-30"}),
       ("check", {"chip": "H200", "to": "CN", "ownership": ["Huawei=60"]}),
       ("check", {"chip": "H200", "to": "CN", "end_user": "---"}),
       ("classify", {"chip": "H200", "tpp": 5000}),
       ("screen", {"name": "   "}),
       ("match", {"a": "Huawei", "b": "Acme", "threshold": 2})]
)
out = ROOT / "eval" / "front-ends" / "questions.jsonl"
with open(out, "w", encoding="utf-8") as f:
    for name, args in questions:
        f.write(json.dumps({"question": name, "args": args}, ensure_ascii=False, sort_keys=True) + "\n")
print(f"{len(questions)} questions → {out.relative_to(ROOT)}")
