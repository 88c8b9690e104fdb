"""Values JSON cannot carry (issue 28, point 12): a NaN or infinite number, text with a lone
surrogate. Each raises InputError naming the argument (and the row), never the encoder's text,
never EarlError."""

import math

import pytest

NAN = float("nan")
SURROGATE = "Huawei \udc80 Technologies"


@pytest.mark.parametrize(
    "call,named",
    [
        (lambda e: e.screen("Huawei Technologies", threshold=NAN), "threshold: nan"),
        (lambda e: e.match("Huawei", "Sugon", threshold=math.inf), "threshold: inf"),
        (lambda e: e.classify(tpp=NAN, die_area=800, datacenter=True), "tpp: nan"),
        (lambda e: e.classify(throughput={"fp8": NAN}, die_area=800), "throughput['fp8']: nan"),
        (lambda e: e.check("H200", "CN", quantity=NAN), "quantity: nan"),
        (lambda e: e.screen(SURROGATE), "name: the text has a lone surrogate (U+DC80) at position 7"),
        (lambda e: e.check("H200", "CN", end_user=SURROGATE), "end_user: the text has a lone surrogate"),
        (lambda e: e.check("H200", "CN", export_from="\ud800"), "export_from: the text has a lone surrogate"),
        (lambda e: e.screen("Huawei", lists=["EL", "\ud800"]), "lists[1]: the text has a lone surrogate"),
        (lambda e: e.diff("2024-06-01", "2026-03-01", chips=["H200\ud800"]), "chips[0]"),
    ],
)
def test_a_value_json_cannot_carry_is_an_input_error_naming_the_argument(earl, call, named):
    with pytest.raises(earl.InputError) as e:
        call(earl)
    assert str(e.value).startswith(named), str(e.value)


def test_check_many_names_the_row_and_column(earl):
    rows = [
        {"chip": "H200", "destination": "CN", "date": "2026-03-01"},
        {"chip": "H200", "destination": "CN", "end_user": SURROGATE},
    ]
    with pytest.raises(earl.InputError) as e:
        earl.check_many(rows)
    assert str(e.value).startswith("rows: row 2, column `end_user`: the text has a lone surrogate")
    with pytest.raises(earl.InputError, match="export_from: the text has a lone surrogate"):
        earl.check_many(rows[:1], export_from="\ud800")


def test_screen_many_names_the_row_and_the_option(earl):
    with pytest.raises(earl.InputError) as e:
        earl.screen_many(["Sugon", SURROGATE])
    assert str(e.value).startswith("names: row 2: the name: the text has a lone surrogate")
    with pytest.raises(earl.InputError, match="names: row 1: the country: the text has a lone surrogate"):
        earl.screen_many([("Sugon", "C\udc80")])
    with pytest.raises(earl.InputError, match="threshold: nan is not a finite number"):
        earl.screen_many(["Sugon"], threshold=NAN)


def test_a_key_named_twice_in_the_arguments_is_refused(earl):
    from earl import _earl

    with pytest.raises(earl.InputError, match="duplicate key `to`"):
        _earl.ask("check", '{"chip": "H200", "to": "NL", "to": "CN"}')
    with pytest.raises(earl.InputError, match="arguments: "):
        _earl.ask("check", '{"chip": NaN}')
