//! Issue 28, "Harmless-looking input: never a false clear" — the screening points, on the
//! engine every front end shares: (1) an invisible character inside a listed name keeps its
//! match, a control or bidirectional control is refused and shown escaped; (2) a truncated list
//! is refused or warned of on every path that screens; (5) a legal form is not a name.

use earl_engine::{
    CheckAnswer, CheckRequest, Engine, EngineError, Item, ListsSource, ScreenRequest,
};
use std::path::Path;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

const DATE: &str = "2026-03-01";

fn ask(chip: &str, to: &str, end_user: &str) -> CheckRequest {
    CheckRequest {
        item: Item::Catalog(chip.into()),
        to: to.into(),
        from: None,
        end_user: Some(end_user.into()),
        end_user_hq: None,
        date: DATE.parse().unwrap(),
        scenario: None,
        quantity: None,
        ownership: None,
        made: Default::default(),
    }
}

fn screen(engine: &Engine, name: &str) -> Result<earl_engine::ScreenAnswer, EngineError> {
    engine.screen(&ScreenRequest {
        name: name.into(),
        country: None,
        lists: None,
        threshold: None,
        include_below: false,
        date: DATE.parse().unwrap(),
    })
}

fn refused(result: Result<impl std::fmt::Debug, EngineError>) -> String {
    match result {
        Err(EngineError::BadInput(message)) => message,
        Err(EngineError::Input(e)) => e.to_string(),
        other => panic!("expected an input error, got {other:?}"),
    }
}

/// The format characters of the issue (and others of category Cf, the soft hyphen, fillers)
/// vanish inside a listed name: "Huawei Techno\u{200B}logies" is Huawei Technologies, under a
/// presumption of denial, on check, screen and match.
#[test]
fn point_1_an_invisible_character_inside_a_listed_name_keeps_its_match() {
    let plain = ENGINE
        .check(&ask("T4", "CN", "Huawei Technologies Co., Ltd."))
        .unwrap();
    assert_eq!(plain.determination.license_required, Some(true));
    let matched = plain.determination.end_user_matches.len();
    assert!(matched > 0);
    for invisible in [
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{2060}',
        '\u{FEFF}',
        '\u{180E}',
        '\u{00AD}',
        '\u{2063}',
        '\u{2061}',
        '\u{2064}',
        '\u{206A}',
        '\u{FFF9}',
        '\u{E0041}',
        '\u{034F}',
        '\u{3164}',
        '\u{FE0F}',
    ] {
        let name = format!("Huawei Techno{invisible}logies Co., Ltd.");
        let answer: CheckAnswer = ENGINE.check(&ask("T4", "CN", &name)).unwrap();
        let d = &answer.determination;
        assert_eq!(d.license_required, Some(true), "U+{:04X}", invisible as u32);
        assert_eq!(
            d.end_user_matches.len(),
            matched,
            "U+{:04X}",
            invisible as u32
        );
        assert!(
            screen(&ENGINE, &name).unwrap().has_match(),
            "U+{:04X}",
            invisible as u32
        );
        assert!(
            ENGINE
                .pair(&name, "Huawei Technologies Co., Ltd.", None)
                .unwrap()
                .score
                .matched
        );
    }
    // ZWJ/ZWNJ inside Han, Arabic and Persian writing: rendering, not identity.
    for (name, written) in [
        ("华\u{200D}为技术有限公司", "华为技术有限公司"),
        ("هوا\u{200C}وي", "هواوي"),
        ("Rosoboron\u{00AD}export", "Rosoboronexport"),
    ] {
        let with = ENGINE.pair(name, written, None).unwrap().score.score;
        let without = ENGINE.pair(written, written, None).unwrap().score.score;
        assert_eq!(with, without, "{name:?} vs {written}");
        let listed = |n: &str| {
            screen(&ENGINE, n)
                .unwrap()
                .matches
                .iter()
                .map(|m| m.found.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(listed(name), listed(written), "{name:?}");
    }
}

/// Controls (C0, C1) and bidirectional controls in a party name are refused on check, screen
/// and match, the character named by code point and place; every message naming the input
/// shows such characters escaped (unknown chip, unknown country, refused name).
#[test]
fn point_1_controls_and_bidi_controls_are_refused_and_shown_escaped() {
    for (name, shown) in [
        ("Huawei\u{1}Technologies", "U+0001 at character 7"),
        ("Huawei\tTechnologies", "U+0009 at character 7"),
        ("Huawei\u{85}Technologies", "U+0085 at character 7"),
        ("Huawei\u{2028}Technologies", "U+2028 at character 7"),
        ("\u{202E}seigolonhceT iewauH", "U+202E at character 1"),
        (
            "Huawei \u{2067}Technologies\u{2069}",
            "U+2067 at character 8",
        ),
        ("Huawei\u{200F} Technologies", "U+200F at character 7"),
        ("هواوي\u{061C}", "U+061C at character 6"),
    ] {
        let message = refused(ENGINE.check(&ask("T4", "CN", name)));
        assert!(message.contains(shown), "{message}");
        assert!(!message.chars().any(|c| c.is_control()), "{message:?}");
        assert!(refused(screen(&ENGINE, name)).contains(shown));
        assert!(refused(ENGINE.pair(name, "Huawei", None)).contains(shown));
    }
    let mut req = ask("H2\u{1}00", "CN", "Acme");
    assert!(refused(ENGINE.check(&req)).contains("unknown chip `H2<U+0001>00`"));
    req.item = Item::Catalog("H200".into());
    req.to = "C\u{200B}N".into();
    assert!(refused(ENGINE.check(&req)).contains("unknown country `C<U+200B>N`"));
}

/// The bundled list less the rows of the lists for which `drop` holds (its `source` column).
fn lists_without(dir: &Path, name: &str, drop: &[&str]) -> ListsSource {
    let bundled = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/csl/consolidated.csv"
    ))
    .unwrap();
    let mut out = String::new();
    for (i, line) in bundled.lines().enumerate() {
        if i == 0 || !drop.iter().any(|d| line.contains(&format!(",{d} "))) {
            out.push_str(line);
            out.push('\n');
        }
    }
    let path = dir.join(name);
    std::fs::write(&path, out).unwrap();
    ListsSource::File(path)
}

fn engine_on(lists: ListsSource, accept: bool) -> Engine {
    Engine::new(earl_data::Dataset::bundled().unwrap(), lists)
        .with_index_dir(None)
        .accept_partial_lists(accept)
}

/// A list file without Entity List or SDN rows is refused for check, batch and screen unless
/// accepted, and then every answer says so; a list that lost another list is screened with a
/// warning on the answer; a check that screens no party does not read the lists.
#[test]
fn point_2_a_truncated_list_never_clears_silently() {
    let dir = tempfile_dir();
    let no_el_sdn = lists_without(
        &dir,
        "no-el-sdn.csv",
        &["Entity List (EL)", "Specially Designated Nationals (SDN)"],
    );
    let strict = engine_on(no_el_sdn.clone(), false);
    let huawei = ask("T4", "CN", "Huawei Technologies Co., Ltd.");
    for result in [
        strict.check(&huawei).map(|_| ()),
        strict
            .batch(None)
            .and_then(|mut b| b.check(&huawei).map(|_| ())),
        screen(&strict, "Huawei").map(|_| ()),
    ] {
        match result {
            Err(EngineError::Lists(message)) => {
                assert!(
                    message.contains("Entity List (EL) and the SDN list (SDN)"),
                    "{message}"
                );
                assert!(message.contains("--accept-partial-lists"), "{message}");
            }
            other => panic!("expected the lists refused, got {other:?}"),
        }
    }
    let mut unscreened = huawei.clone();
    unscreened.end_user = None;
    assert!(strict.check(&unscreened).is_ok(), "no party, no lists read");

    let accepting = engine_on(no_el_sdn, true);
    let answer = accepting.check(&huawei).unwrap();
    let said = answer.list_warnings.join("\n");
    assert!(said.contains("list EL is empty or missing"), "{said}");
    assert!(said.contains("list SDN is empty or missing"), "{said}");
    assert!(
        said.contains("as accepted (--accept-partial-lists)"),
        "{said}"
    );
    let mut batch = accepting.batch(None).unwrap();
    assert_eq!(
        batch.check(&huawei).unwrap().answer.list_warnings,
        answer.list_warnings
    );
    assert_eq!(
        screen(&accepting, "Huawei").unwrap().list_warnings,
        answer.list_warnings
    );

    let no_meu = engine_on(
        lists_without(&dir, "no-meu.csv", &["Military End User (MEU)"]),
        false,
    );
    let answer = no_meu.check(&huawei).unwrap();
    assert_eq!(answer.determination.license_required, Some(true));
    assert_eq!(answer.list_warnings.len(), 1, "{:?}", answer.list_warnings);
    assert!(answer.list_warnings[0].contains("list MEU is empty or missing (had 70 entries)"));
    assert!(
        ENGINE.check(&huawei).unwrap().list_warnings.is_empty(),
        "the bundled lists are whole"
    );
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("earl-harmless-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// "Acme GmbH" is not SDN "LLC AKM": a legal form supports a match but never makes one. Other
/// legal forms, alone or with a generic word, in any script, match nothing.
#[test]
fn point_5_a_legal_form_is_not_a_name() {
    for end_user in ["Acme GmbH", "Acme Ltd", "Acme S.A.", "Acme OOO", "Acme LLC"] {
        let answer = ENGINE.check(&ask("H100", "DE", end_user)).unwrap();
        let d = &answer.determination;
        assert!(
            d.end_user_matches.is_empty(),
            "{end_user}: {:?}",
            d.end_user_matches
        );
        assert_eq!(d.prohibited, Some(false), "{end_user}");
    }
    let score = ENGINE.pair("Acme GmbH", "LLC AKM", None).unwrap().score;
    assert!(!score.matched, "{}", score.score);
    for name in [
        "GmbH",
        "Ltd",
        "S.A.",
        "OOO",
        "LLC",
        "有限公司",
        "股份有限公司",
        "Co., Ltd.",
        "OOO Ltd GmbH",
        "有限公司 Trading",
        "Trading Ltd",
        "Technology Co., Ltd.",
        "The Company",
        "ООО",
        "Общество с ограниченной ответственностью",
        "Sp. z o.o.",
        "AG",
        "Pte. Ltd.",
    ] {
        let answer = screen(&ENGINE, name).unwrap();
        assert!(
            !answer.has_match(),
            "{name}: {:?}",
            answer
                .matches
                .iter()
                .map(|m| (&m.found.name, m.found.score))
                .collect::<Vec<_>>()
        );
    }
    // Real matches keep standing on their names; generic words stay evidence, for some listed
    // names are made of nothing else.
    for listed in [
        "Huawei Technologies Co Ltd",
        "Islamic Revolutionary Guard Corps",
        "Islamic State",
    ] {
        assert!(screen(&ENGINE, listed).unwrap().has_match(), "{listed}");
    }
    let huawei = ENGINE
        .check(&ask("H100", "CN", "Huawei Technologies Co Ltd"))
        .unwrap();
    assert!(!huawei.determination.end_user_matches.is_empty());
}
