//! Issue 28, point 4: a name that denotes more than one country in common use is refused with
//! its candidates, never resolved to one of them ("Congo" as CG would clear an H200 export that
//! CD, in Country Group D:5, needs a licence for). The table is data: `[[ambiguous]]` in
//! data/countries.toml, validated on load.

use earl_data::{Countries, CountryError, Dataset};

fn candidates(name: &str) -> Vec<String> {
    let d = Dataset::bundled().unwrap();
    match d.countries.resolve(name) {
        Err(CountryError::Ambiguous { candidates, .. }) => candidates,
        other => panic!("`{name}` should be ambiguous, got {other:?}"),
    }
}

#[test]
fn names_of_several_countries_are_refused_with_every_candidate() {
    for (name, codes) in [
        ("Congo", &["CG", "CD"][..]),
        ("congo", &["CG", "CD"]),
        ("  The Congo ", &["CG", "CD"]),
        ("Korea", &["KR", "KP"]),
        ("Republic of China", &["TW", "CN"]),
        ("ROC", &["TW", "CG"]),
        ("Virgin Islands", &["VG", "VI"]),
        ("Saint Martin", &["MF", "SX"]),
        ("St. Martin", &["MF", "SX"]),
        ("Timor", &["TL", "ID"]),
    ] {
        let got = candidates(name);
        assert_eq!(got.len(), codes.len(), "{name}: {got:?}");
        for (g, c) in got.iter().zip(codes) {
            assert!(g.starts_with(&format!("{c} (")), "{name}: {got:?}");
        }
    }
    let d = Dataset::bundled().unwrap();
    let message = d.countries.resolve("Congo").unwrap_err().to_string();
    assert!(
        message.contains("CG (Republic of the Congo)")
            && message.contains("CD (Democratic Republic of the Congo)"),
        "{message}"
    );
}

#[test]
fn a_countrys_own_name_is_not_ambiguous() {
    let d = Dataset::bundled().unwrap();
    for (name, code) in [
        ("Guinea", "GN"),
        ("Equatorial Guinea", "GQ"),
        ("Niger", "NE"),
        ("Nigeria", "NG"),
        ("Dominica", "DM"),
        ("Dominican Republic", "DO"),
        ("Sudan", "SD"),
        ("South Sudan", "SS"),
        ("Samoa", "WS"),
        ("Georgia", "GE"),
        ("China", "CN"),
        ("Taiwan", "TW"),
        ("Republic of the Congo", "CG"),
        ("DR Congo", "CD"),
        ("South Korea", "KR"),
        ("North Korea", "KP"),
        ("U.S. Virgin Islands", "VI"),
        ("Sint Maarten", "SX"),
    ] {
        assert_eq!(d.countries.resolve(name).unwrap().code, code, "{name}");
    }
}

const ONE: &str = r#"
[[country]]
code = "CG"
name = "Republic of the Congo"

[[country]]
code = "CD"
name = "Democratic Republic of the Congo"
"#;

#[test]
fn a_malformed_ambiguity_table_is_refused_where_it_is_wrong() {
    for (table, says) in [
        (
            "names = [\"Congo\"]\ncodes = [\"CG\", \"XX\"]",
            "`XX` is not a country code",
        ),
        (
            "names = [\"Congo\"]\ncodes = [\"CG\"]",
            "two countries or more",
        ),
        (
            "names = [\"Congo\"]\ncodes = [\"CG\", \"CG\"]",
            "listed twice",
        ),
        (
            "names = [\"Republic of the Congo\"]\ncodes = [\"CG\", \"CD\"]",
            "also names CG",
        ),
    ] {
        let text = format!("{ONE}\n[[ambiguous]]\n{table}\n");
        let e = Countries::parse("countries.toml", &text)
            .unwrap_err()
            .to_string();
        assert!(e.contains(says), "{table}: {e}");
        assert!(e.contains("ambiguous[0]"), "located: {e}");
    }
}
