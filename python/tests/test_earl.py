"""The Python package answers as the CLI does: same dicts, same errors, recorded."""

import datetime
import json
import sqlite3

import pytest


def test_the_h200_lane_to_china_is_case_by_case_with_conditions(earl):
    a = earl.check("H200", "CN", date="2026-03-01")
    assert a["review_policy"] == "case_by_case"
    assert a["license_required"] is True
    assert a["conditions"], "the lane's conditions are listed"


def test_h20_was_not_controlled_in_june_2024(earl):
    assert earl.classify("H20", date="2024-06-01")["eccn"] is None


def test_huawei_is_found(earl):
    matches = earl.screen("Huawei Technologies")["matches"]
    assert any(m["list"] == "EL" and "Huawei" in m["name"] for m in matches)


@pytest.mark.parametrize(
    "args,kwargs",
    [
        (["check", "H200", "--to", "CN", "--date", "2026-03-01"], ("check", ("H200", "CN"), {"date": "2026-03-01"})),
        (["check", "B200", "--to", "AE", "--date", "2026-06-01", "--end-user", "G42"],
         ("check", ("B200", "AE"), {"date": "2026-06-01", "end_user": "G42"})),
        (["check", "H100", "--to", "US", "--from", "TW", "--date", "2025-02-01"],
         ("check", ("H100", "US"), {"date": "2025-02-01", "export_from": "TW"})),
        (["classify", "H20", "--date", "2024-06-01"], ("classify", ("H20",), {"date": "2024-06-01"})),
        (["classify", "--tpp", "4800", "--die-area", "800", "--date", "2026-03-01"],
         ("classify", (), {"tpp": 4800, "die_area": 800, "date": "2026-03-01"})),
        (["screen", "Huawei Technologies", "--date", "2026-03-01"], ("screen", ("Huawei Technologies",), {"date": "2026-03-01"})),
        (["match", "Huawei Technologies Co Ltd", "华为技术有限公司"], ("match", ("Huawei Technologies Co Ltd", "华为技术有限公司"), {})),
        (["diff", "2024-06-01", "2026-03-01", "--to", "CN", "--chips", "H200"],
         ("diff", ("2024-06-01", "2026-03-01"), {"to": "CN", "chips": ["H200"]})),
        (["timeline", "H20", "--to", "CN", "--until", "2026-03-01"], ("timeline", ("H20", "CN"), {"until": "2026-03-01"})),
        (["about"], ("about", (), {})),
    ],
)
def test_same_dict_as_the_cli_json(earl, cli, args, kwargs):
    name, pos, kw = kwargs
    _, out, _ = cli(*args, "--json")
    assert getattr(earl, name)(*pos, **kw) == json.loads(out)


def test_dates_may_be_date_objects(earl):
    assert earl.check("H200", "CN", date=datetime.date(2026, 3, 1)) == earl.check("H200", "CN", date="2026-03-01")
    with pytest.raises(earl.InputError, match="not a time of day"):
        earl.check("H200", "CN", date=datetime.datetime(2026, 3, 1, 12, 30))


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda e: e.check("H2000", "CN"), "unknown chip `H2000`"),
        (lambda e: e.check("H200", "Narnia"), "Narnia"),
        (lambda e: e.check("H200", "CN", date="2026-02-30"), "2026-02-30"),
        (lambda e: e.screen("!!!"), "letter or digit"),
        (lambda e: e.classify(), "name a catalog `chip`"),
        (lambda e: e.check_many([{"chip": "H200", "destinaton": "CN"}]), "did you mean `destination`"),
        (lambda e: e.check_many([{"chip": "H200"}]), "missing column `destination`"),
        (lambda e: e.check_many([{"chip": "H200", "destination": "XX"}]), "1 of 1 rows could not be checked: row 1"),
        (lambda e: e.screen_many(["Huawei", ""]), "row 2"),
    ],
)
def test_bad_input_is_an_input_error_with_the_cli_message(earl, call, message):
    with pytest.raises(earl.InputError, match=message.replace("(", r"\(").replace("`", "`")):
        call(earl)


def test_error_messages_are_the_cli_messages(earl, cli):
    code, _, err = cli("check", "H2000", "--to", "CN", check=False)
    assert code == 2
    with pytest.raises(earl.InputError) as e:
        earl.check("H2000", "CN")
    assert str(e.value) in err


def test_error_messages_are_in_the_language_asked(earl, cli):
    """As the CLI says it with --lang: the same words, in Chinese and in Arabic."""
    for lang in ("zh", "ar"):
        code, _, err = cli("check", "H2000", "--to", "CN", "--lang", lang, check=False)
        assert code == 2
        with pytest.raises(earl.InputError) as e:
            earl.check("H2000", "CN", lang=lang)
        assert "unknown chip" not in str(e.value)
        assert str(e.value) in err, (str(e.value), err)


ROWS = [
    {"chip": "H200", "destination": "CN", "date": "2026-03-01"},
    {"chip": "H20", "destination": "CN", "date": "2025-05-01", "end_user": "Tencent"},
    {"chip": "B200", "destination": "AE", "date": "2026-06-01", "end_user": "G42", "quantity": "8"},
    {"chip": "A100", "destination": "RU", "date": "2023-01-15"},
    {"chip": "H100", "destination": "DE", "date": "2024-02-01", "end_user": "Huawei Technologies"},
    {"chip": "MI300X", "destination": "SA", "date": "2026-01-20", "end_user_hq": "CN"},
    {"chip": "Gaudi 3", "destination": "IN", "date": "2025-01-16"},
    {"chip": "H200", "destination": "HK", "date": "2026-03-01", "from": "TW"},
]


def test_check_many_gives_each_row_the_answer_of_check(earl):
    many = earl.check_many(ROWS)
    for row, answer in zip(ROWS, many):
        single = earl.check(
            row["chip"], row["destination"], date=row["date"], end_user=row.get("end_user"),
            end_user_hq=row.get("end_user_hq"), export_from=row.get("from"),
            quantity=int(row["quantity"]) if "quantity" in row else None,
        )
        assert answer == single, row


def test_check_many_summary_is_the_cli_batch(earl, cli, tmp_path):
    import csv

    columns = ["chip", "destination", "end_user", "end_user_hq", "date", "quantity", "from"]
    rows = ROWS + [{"chip": "H2000", "destination": "CN"}, {"chip": "H200", "destination": "Narnia"}]
    path = tmp_path / "orders.csv"
    with path.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns)
        w.writeheader()
        w.writerows(rows)
    out = tmp_path / "out.jsonl"
    code, _, _ = cli("check", "--batch", str(path), "--out", str(out), "--date", "2026-03-01", check=False)
    assert code == 2, "two rows cannot be checked"
    expected = [json.loads(line) for line in out.read_text().splitlines()]
    got = earl.check_many(rows, date="2026-03-01", summary=True, errors="return")
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        e.pop("row")  # the CLI numbers file lines (header = line 1), Python numbers rows
        g = dict(g)
        g.pop("row")
        assert g == e
    assert got[-1]["error"], "a failed row says why"
    for field in ("destination_code", "eccn", "license_required", "prohibited", "license_exception",
                  "review_policy"):
        assert got[-1][field] is None, f"a failed row never reads as a clear: {field}"
    assert all(isinstance(g["license_required"], (bool, type(None))) for g in got)


def test_check_many_refuses_an_ambiguous_destination_and_carries_the_resolved_code(earl):
    """Issue 28, points 4 and 6: "Congo" is CG or CD, so the row is refused, never cleared."""
    got = earl.check_many(
        [{"chip": "H200", "destination": "Congo"}, {"chip": "H200", "destination": "DR Congo"},
         {"chip": "H200", "destination": "china"}],
        date="2026-12-06", summary=True, errors="return",
    )
    assert "ambiguous country" in got[0]["error"] and "CD (" in got[0]["error"]
    assert got[0]["license_required"] is None and got[0]["prohibited"] is None
    assert got[1]["destination"] == "DR Congo" and got[1]["destination_code"] == "CD"
    assert got[1]["license_required"] is True
    assert got[2]["destination_code"] == "CN"
    with pytest.raises(earl.InputError, match="ambiguous country"):
        earl.check("H200", "Congo", date="2026-12-06")


def test_check_many_takes_dataframes_and_arrow_tables(earl):
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    expected = earl.check_many(ROWS, summary=True)
    df = pd.DataFrame(ROWS)  # missing cells become NaN
    assert earl.check_many(df, summary=True) == expected
    df["quantity"] = pd.to_numeric(df["quantity"])  # 8.0 and NaN
    df["date"] = pd.to_datetime(df["date"])
    assert earl.check_many(df, summary=True) == expected
    # (pa.Table.from_pylist would infer its columns from the first row alone.)
    assert earl.check_many(pa.Table.from_pandas(pd.DataFrame(ROWS)), summary=True) == expected


def test_screen_many_gives_each_name_the_answer_of_screen(earl):
    names = ["Huawei Technologies", "Acme Robotics GmbH", "Sugon", "中芯国际"]
    many = earl.screen_many(names)
    assert many == [earl.screen(n) for n in names]
    assert earl.screen_many([{"name": "Huawei", "country": "CN"}]) == [earl.screen("Huawei", "CN")]
    assert earl.screen_many(["Huawei", "!!!"], errors="return")[1]["error"]


def test_answers_are_recorded_in_the_audit_trail(earl, env, cli):
    before = sqlite3.connect(env["EARL_DB"]).execute("select count(*) from records").fetchone()[0]
    earl.check("H200", "CN", date="2026-03-01")
    earl.check_many(ROWS)
    rows = sqlite3.connect(env["EARL_DB"]).execute(
        "select source from records order by seq desc limit ?", (1 + len(ROWS),)
    ).fetchall()
    assert [r[0] for r in rows] == ["python"] * (1 + len(ROWS))
    assert sqlite3.connect(env["EARL_DB"]).execute("select count(*) from records").fetchone()[0] == before + 1 + len(ROWS)
    cli("audit", "verify")


def test_threads_share_one_engine(earl):
    from concurrent.futures import ThreadPoolExecutor

    expected = earl.check("H200", "CN", date="2026-03-01")
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: earl.check("H200", "CN", date="2026-03-01"), range(16)))
    assert all(a == expected for a in answers)


def test_review_queue_is_the_cli_queue(earl, cli):
    earl.screen("Huawei Technologies")  # a recorded hit no reviewer has seen
    _, out, _ = cli("review", "queue", "--json")
    queue = earl.review_queue()
    assert queue == json.loads(out)
    assert queue["hits"], "the screened hit is queued"


def test_affiliates_without_an_ownership_graph_is_an_input_error(earl):
    with pytest.raises(earl.InputError, match="no ownership graph"):
        earl.affiliates(date="2026-12-01")
