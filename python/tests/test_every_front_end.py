"""Python answers every question of eval/front-ends/questions.jsonl as the CLI does (issue 26):
the same JSON, or a refusal where the CLI refuses. crates/earl-cli/tests/every_front_end.rs holds
the CLI, the API and MCP to the same file."""

import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
QUESTIONS = [
    json.loads(line)
    for line in (ROOT / "eval" / "front-ends" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
]
# The positional arguments of each command, in order; every other field is --its-name (with
# dashes), except where the CLI spells it otherwise.
POSITIONAL = {"check": ["chip"], "classify": ["chip"], "screen": ["name"], "match": ["a", "b"],
              "timeline": ["chip"], "diff": ["from", "to"], "impact": []}
FLAG = {("check", "ownership"): "owner", ("impact", "prices"): "price", ("diff", "destinations"): "to"}


def argv(question, args):
    positional = [str(args[f]) for f in POSITIONAL[question] if f in args]
    flags = []
    for field, value in args.items():
        if field in POSITIONAL[question]:
            continue
        flag = "--" + FLAG.get((question, field), field.replace("_", "-"))
        values = value if isinstance(value, list) else [value]
        for v in values:
            v = json.dumps(v) if isinstance(v, bool) else str(v)
            flags.append(f"{flag}={v}")
    return [question, *positional, *flags, "--json"]


@pytest.mark.parametrize("number", range(0, len(QUESTIONS), 3))
def test_python_and_the_cli_give_one_answer(earl, cli, number):
    q = QUESTIONS[number]
    code, out, err = cli("--no-audit", *argv(q["question"], q["args"]), check=False)
    assert code in (0, 2), err
    try:
        answer = json.loads(earl._earl.ask(q["question"], json.dumps(q["args"])))
    except earl.InputError:
        assert code == 2, f"Python refused what the CLI answered: {q}"
        return
    assert code == 0, f"the CLI refused what Python answered: {q}: {err}"
    assert answer == json.loads(out), q


def test_a_question_field_is_a_python_keyword(earl):
    # A field of the question type, with no parameter of its own in the signature, passes
    # through **more: the check's `tpp` (a chip by its figures), in the schema and answered.
    assert "tpp" in earl.schema("check")["properties"]
    answer = earl.check(None, "CN", tpp=15000, die_area=800, datacenter=True, date="2026-03-01")
    assert answer["license_required"] is True
    with pytest.raises(earl.InputError, match="unknown field `bogus`"):
        earl.check("H200", "CN", bogus=1)
