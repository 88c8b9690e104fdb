"""Issue 28 in Python: an invisible character inside a listed name keeps its match, a control is
an InputError naming it escaped, a truncated list is refused unless accepted, and a legal form
is not a name — the CLI's answers and messages."""

import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
HUAWEI_ZWSP = "Huawei Techno\u200blogies Co., Ltd."


def test_an_invisible_character_keeps_the_match(earl):
    a = earl.check("T4", "CN", date="2026-03-01", end_user=HUAWEI_ZWSP)
    assert a["license_required"] is True
    assert a["end_user_matches"], "U+200B is no separator"
    assert any(not m["below_threshold"] for m in earl.screen(HUAWEI_ZWSP)["matches"])
    rows = earl.check_many([{"chip": "T4", "destination": "CN", "end_user": HUAWEI_ZWSP,
                             "date": "2026-03-01"}], summary=True)
    assert rows[0]["end_user_matches"], rows


def test_a_control_in_a_name_is_an_input_error_shown_escaped(earl):
    with pytest.raises(earl.InputError, match=r"Huawei<U\+0001>Technologies` holds U\+0001 at character 7"):
        earl.check("T4", "CN", end_user="Huawei\x01Technologies")
    with pytest.raises(earl.InputError, match=r"U\+202E at character 1"):
        earl.screen("\u202eiewauH")
    with pytest.raises(earl.InputError, match=r"unknown chip `H2<U\+0001>00`"):
        earl.check("H2\x0100", "CN")


def test_a_legal_form_is_not_a_name(earl):
    a = earl.check("H100", "DE", date="2026-03-01", end_user="Acme GmbH")
    assert a["prohibited"] is False
    assert a["end_user_matches"] == []


def test_a_truncated_list_is_refused_unless_accepted(earl, env, tmp_path):
    lines = (ROOT / "data" / "csl" / "consolidated.csv").read_text().splitlines(keepends=True)
    kept = [lines[0]] + [line for line in lines[1:]
                         if ",Entity List (EL) " not in line
                         and ",Specially Designated Nationals (SDN) " not in line]
    truncated = tmp_path / "truncated.csv"
    truncated.write_text("".join(kept))
    try:
        earl.configure(db=env["EARL_DB"], data_dir=env["EARL_DATA_DIR"], lists=truncated)
        with pytest.raises(earl.InputError, match="--accept-partial-lists"):
            earl.check("T4", "CN", end_user="Huawei")
        earl.configure(db=env["EARL_DB"], data_dir=env["EARL_DATA_DIR"], lists=truncated,
                       accept_partial_lists=True)
        a = earl.check("T4", "CN", end_user="Huawei")
        assert any("as accepted" in w for w in a["list_warnings"]), a["list_warnings"]
        # The batch rows (Spark's struct among them) say it on the screened row, not elsewhere.
        rows = earl.check_many([{"chip": "T4", "destination": "CN", "end_user": "Huawei"},
                                {"chip": "T4", "destination": "CN"}], summary=True)
        assert "list EL is empty or missing" in rows[0]["list_warnings"], rows[0]
        assert "as accepted" in rows[0]["list_warnings"], rows[0]
        assert rows[1]["list_warnings"] == ""
    finally:
        earl.configure(db=env["EARL_DB"], data_dir=env["EARL_DATA_DIR"])
