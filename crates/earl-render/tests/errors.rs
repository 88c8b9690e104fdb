//! The CLI's refusals of bad input: English exactly each error's own `Display` (what the API
//! and the JSON say), and each in every language, the user's input and earl's suggestions kept.

use earl_data::{CountryError, UnknownChip};
use earl_engine::explore::impact::{parse_price, parse_units};
use earl_engine::{Engine, EngineError, InputError, ListsSource};
use earl_render::Lang;
use earl_render::errors::{
    ColumnProblem, CsvReason, FileProblem, Problem, RetryReason, RowReason, TrailUse,
    absent_columns, batch_row, problem, row_reason, unreadable_row,
};

/// A GLEIF request, as `earl update --ownership` makes them.
const URL: &str = "https://api.gleif.org/api/v1/lei-records/X/direct-parent";

/// The CSV reader's reason for the first row of `csv` it cannot read.
fn csv_reason(csv: &[u8]) -> CsvReason {
    let e = csv::Reader::from_reader(csv)
        .records()
        .find_map(Result::err)
        .expect("a row the reader refuses");
    (&e).into()
}

/// A row with two fields after a header of three.
const TOO_FEW_FIELDS: &[u8] = b"a,b,c\n1,2\n";
/// A row whose second field is not UTF-8.
const NOT_UTF8: &[u8] = b"a,b\n1,\xff\n";

fn problems() -> Vec<Problem> {
    let engine = Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    );
    let input = |e: EngineError| match e {
        EngineError::Input(e) => Problem::Input(e),
        other => panic!("expected a typed input error, got {other:?}"),
    };
    vec![
        // As the engine refuses them.
        input(engine.chip("H300").unwrap_err()),
        input(engine.country("Atlantis").unwrap_err()),
        input(earl_engine::parse_date("2026-13-01").unwrap_err()),
        input(earl_engine::parse_date("1 March").unwrap_err()),
        // Every other shape.
        Problem::Input(InputError::UnknownChip(UnknownChip {
            name: "zzzz\u{200b}".into(),
            suggestions: vec![],
        })),
        Problem::Input(InputError::Country(CountryError::Unknown {
            name: "Nowhere".into(),
            suggestions: vec![],
        })),
        Problem::Input(InputError::Country(CountryError::Unknown {
            name: "Chna".into(),
            suggestions: vec!["China".into(), "Chad".into()],
        })),
        Problem::Input(InputError::Country(CountryError::Ambiguous {
            name: "Congo".into(),
            candidates: vec![
                "CG (Congo)".into(),
                "CD (Congo, Democratic Republic of the)".into(),
            ],
        })),
        Problem::RowsNotChecked {
            failed: 2,
            rows: 120,
        },
        Problem::RowsNotScreened { failed: 1, rows: 3 },
        // Round 5: scenarios, diff's sides, impact's units and prices, `--contains`.
        input(engine.scenario(Some("nope")).map(|_| ()).unwrap_err()),
        input(
            engine
                .rule_point("yesterday", "2026-03-01".parse().unwrap())
                .map(|_| ())
                .unwrap_err(),
        ),
        input(parse_units("H200").unwrap_err()),
        input(parse_units("H200=lots").unwrap_err()),
        input(parse_units("H200=0").unwrap_err()),
        input(parse_price("H200=ten").unwrap_err()),
        input(earl_engine::parse_contains(&["H200x8".into()]).unwrap_err()),
        // Names that cannot be screened.
        input(earl_engine::screenable("  ", "the name to screen").unwrap_err()),
        input(earl_engine::screenable(&"x".repeat(600), "the end user name").unwrap_err()),
        input(earl_engine::screenable("Acme\tLtd", "the first name").unwrap_err()),
        input(earl_engine::screenable("\u{202e}iewauH", "the party name").unwrap_err()),
        input(earl_engine::screenable("---", "the owner").unwrap_err()),
    ]
    .into_iter()
    // Round 6: a figure outside each of the nine bounds.
    .chain(earl_core::bounds::Bound::all().into_iter().map(|bound| {
        Problem::Input(InputError::OutOfBounds {
            flag: format!("--{}", bound.key),
            value: "1e99".into(),
            bound,
        })
    }))
    // `earl update`'s refusals of a list; `--contains` and the threshold.
    .chain([
        Problem::Input(InputError::BadCount {
            arg: "H200=lots".into(),
            n: "lots".into(),
        }),
        Problem::Input(InputError::ThresholdRange { value: "2".into() }),
        // Round 8: the ledger's bounds, as the engine refuses them.
        Problem::Input(earl_engine::ledger::units_in_bounds("--quantity", 0).unwrap_err()),
        Problem::Input(earl_engine::ledger::value_in_bounds("--value", 1e14).unwrap_err()),
        Problem::ListDropped {
            origin: "https://data.trade.gov/csl/consolidated.json".into(),
            drops: vec![
                earl_screen::CountDrop {
                    list: "CMIC".into(),
                    before: 68,
                    now: 0,
                },
                earl_screen::CountDrop {
                    list: "DTC".into(),
                    before: 787,
                    now: 394,
                },
            ],
        },
        Problem::ListEmpty {
            origin: "file:///tmp/lists/consolidated.csv".into(),
        },
        Problem::HttpStatus {
            url: "https://data.trade.gov/csl/consolidated.json".into(),
            status: "503 Service Unavailable".into(),
        },
        // Round 8: earl update's network failures and refusals.
        Problem::CannotFetch {
            url: "https://data.trade.gov/csl/consolidated.json".into(),
            error: "io: Connection refused (os error 111)".into(),
        },
        Problem::CutShort {
            url: "https://data.trade.gov/csl/consolidated.json".into(),
            bytes: Some(6535115),
            error: "Peer disconnected".into(),
        },
        Problem::CutShort {
            url: URL.into(),
            bytes: None,
            error: "Peer disconnected".into(),
        },
        Problem::ShortOf {
            url: "https://data.trade.gov/csl/consolidated.json".into(),
            got: 100,
            expected: 200,
        },
        Problem::GaveUp {
            url: URL.into(),
            last: RetryReason::Status(503),
            attempts: 3,
        },
        Problem::GaveUp {
            url: URL.into(),
            last: RetryReason::Error("timeout: global".into()),
            attempts: 3,
        },
        Problem::AnswerNotUtf8 { url: URL.into() },
        Problem::AnswerNotJson {
            url: URL.into(),
            error: "expected value at line 1 column 1".into(),
        },
        Problem::ListRefused {
            origin: "file:///tmp/consolidated.csv".into(),
            error: "header lacks the `source` column; is this a trade.gov CSL CSV?".into(),
        },
        Problem::DocumentsRefused {
            error: "documents.json: missing field `results`".into(),
        },
        Problem::TooManyPages {
            base: "https://www.federalregister.gov".into(),
            max: 50,
        },
        Problem::NoListsFile {
            dir: "downloads".into(),
        },
        Problem::NoGleifFiles {
            dir: "downloads".into(),
        },
        Problem::NotJson {
            file: "downloads/gleif1.json".into(),
            error: "EOF while parsing an object at line 2 column 0".into(),
        },
        // Round 8: the audit trail's and the ownership graph's refusals.
        Problem::Trail(
            (&earl_store::StoreError::IsDirectory {
                path: "trail".into(),
            })
                .into(),
        ),
        Problem::Trail(
            (&earl_store::StoreError::Missing {
                path: "audit.sqlite".into(),
            })
                .into(),
        ),
        Problem::Trail(
            (&earl_store::StoreError::NotSqlite {
                path: "notes.txt".into(),
            })
                .into(),
        ),
        Problem::Trail(
            (&earl_store::StoreError::ForeignSchema {
                path: "other.sqlite".into(),
            })
                .into(),
        ),
        Problem::Trail(
            (&earl_store::StoreError::NeedsMigration {
                path: "audit.sqlite".into(),
                found: 2,
            })
                .into(),
        ),
        Problem::NeedsTrail(TrailUse::Dispositions),
        Problem::NeedsTrail(TrailUse::ReviewQueue),
        Problem::NeedsTrail(TrailUse::Ledger),
        Problem::Input(InputError::NoOwnershipGraph),
        Problem::Input(InputError::NoDisposition { id: 42 }),
        Problem::Input(InputError::AlreadyRevoked { id: 42 }),
        // Round 8: earl serve's refusals before it listens.
        Problem::TokenFileUnreadable {
            file: "token.txt".into(),
            error: (&std::io::Error::from(std::io::ErrorKind::PermissionDenied)).into(),
        },
        Problem::TokenFileEmpty {
            file: "token.txt".into(),
        },
        Problem::TokenVarEmpty,
        Problem::TokenRequired {
            addr: "0.0.0.0:8080".into(),
        },
        Problem::BadAddress {
            addr: "nonsense".into(),
            reason: "invalid socket address (expected HOST:PORT, e.g. 127.0.0.1:8080)".into(),
        },
    ])
    .collect()
}

#[test]
fn english_is_each_errors_own_sentence() {
    for p in problems() {
        assert_eq!(problem(&p, Lang::En), p.to_string());
        if let Problem::Input(e) = &p {
            assert_eq!(p.to_string(), e.to_string());
        }
    }
    assert_eq!(
        Problem::RowsNotChecked {
            failed: 2,
            rows: 120
        }
        .to_string(),
        "2 of 120 rows could not be checked (see above)"
    );
    assert_eq!(
        unreadable_row("rows.csv", 7, &csv_reason(TOO_FEW_FIELDS), Lang::En),
        "rows.csv: line 7: unreadable row: CSV error: record 1 (line: 2, byte: 6): found record \
         with 2 fields, but the previous record has 3 fields"
    );
}

#[test]
fn the_refusals_in_every_language() {
    let all = |lang: Lang| {
        let mut lines: Vec<String> = problems().iter().map(|p| problem(p, lang)).collect();
        lines.push(unreadable_row(
            "rows.csv",
            7,
            &csv_reason(TOO_FEW_FIELDS),
            lang,
        ));
        lines.push(unreadable_row("rows.csv", 8, &csv_reason(NOT_UTF8), lang));
        lines.join("\n")
    };
    let english = all(Lang::En);
    insta::assert_snapshot!("errors_en", english);
    for lang in [Lang::Ar, Lang::ZhHans] {
        let text = all(lang);
        assert!(!text.contains(earl_render::i18n::FALLBACK_MARK), "{text}");
        for kept in [
            "H300",
            "Atlantis",
            "2026-13-01",
            "zzzz<U+200B>",
            "CG (Congo)",
            "rows.csv",
            "`earl chips`",
            "ISO 3166-1",
        ] {
            assert!(english.contains(kept), "English lacks {kept}");
            assert!(text.contains(kept), "{lang} lacks {kept}:\n{text}");
        }
        for (en, other) in english.lines().zip(text.lines()) {
            assert_ne!(en, other, "{lang}");
        }
        let name = format!("errors_{}", lang.tag().replace('-', "_").to_lowercase());
        insta::assert_snapshot!(name, text);
    }
}

/// A file's problems and a batch row's reasons, as the CLI meets them.
fn file_problems() -> Vec<FileProblem> {
    let file = || "rows.csv".to_string();
    let expected: Vec<String> = ["chip", "destination", "date", "end_user"]
        .map(String::from)
        .to_vec();
    let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
    let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    let other = std::io::Error::other("disk on fire");
    let mut problems = vec![
        FileProblem::CannotOpen {
            file: file(),
            error: (&missing).into(),
        },
        FileProblem::CannotOpen {
            file: file(),
            error: (&denied).into(),
        },
        FileProblem::CannotRead {
            file: file(),
            error: (&other).into(),
        },
        FileProblem::CannotCreate {
            file: "out/rows.csv".into(),
            error: (&missing).into(),
        },
        FileProblem::CannotWrite {
            file: "man".into(),
            error: (&denied).into(),
        },
        FileProblem::CannotWriteFile {
            file: "matrix.svg".into(),
            error: (&missing).into(),
        },
        FileProblem::UnreadableRow {
            file: file(),
            line: 4,
            error: csv_reason(TOO_FEW_FIELDS),
        },
        FileProblem::MissingPairColumn {
            file: file(),
            name: "a".into(),
        },
    ];
    for problem in [
        ColumnProblem::Unknown {
            column: 3,
            name: "end user".into(),
            hint: Some("end_user".into()),
            expected: expected.clone(),
        },
        ColumnProblem::Unknown {
            column: 5,
            name: "share".into(),
            hint: None,
            expected: expected.clone(),
        },
        ColumnProblem::Twice {
            name: "chip".into(),
        },
        ColumnProblem::Missing {
            name: "destination".into(),
            expected,
        },
    ] {
        problems.push(FileProblem::Column {
            file: file(),
            problem,
        });
    }
    for reason in [
        RowReason::NotWholeNumber {
            column: "quantity".into(),
            text: "lots".into(),
        },
        RowReason::NotNumber {
            column: "percent".into(),
            text: "half".into(),
        },
        RowReason::NotYesNo {
            column: "us_tech".into(),
            text: "maybe".into(),
        },
        RowReason::QuantityNotUnits,
        RowReason::LicenceAndUs,
        RowReason::OwnsItself {
            name: "Acme".into(),
        },
        RowReason::NotShare { text: "150".into() },
        RowReason::NotDate {
            column: "from".into(),
            text: "soon".into(),
        },
        RowReason::ToBeforeFrom {
            from: "2026-02-01".into(),
            to: "2026-01-01".into(),
        },
        RowReason::Input(InputError::UnknownChip(UnknownChip {
            name: "H300".into(),
            suggestions: vec!["H200 SXM".into()],
        })),
        RowReason::HoldingTwice {
            owner: "Acme".into(),
            owned: "Beta".into(),
        },
        RowReason::InColumn {
            column: "owner".into(),
            error: Box::new(InputError::Unscreenable {
                subject: "the owner".into(),
                name: "---".into(),
                why: earl_engine::Unscreenable::NoLetter,
            }),
        },
    ] {
        problems.push(FileProblem::Row {
            file: file(),
            line: 2,
            reason,
        });
    }
    for reason in [
        RowReason::UnknownReviewColumn {
            name: "color".into(),
            required: vec!["party".into(), "entry".into()],
            optional: vec!["country".into(), "expires".into()],
        },
        RowReason::HeaderLacks {
            name: "reason".into(),
        },
        RowReason::NotDecision,
    ] {
        problems.push(FileProblem::At {
            file: "review.csv".into(),
            line: 1,
            reason,
        });
    }
    problems
}

#[test]
fn file_problems_in_every_language() {
    let all = |lang: Lang| {
        let mut lines: Vec<String> = file_problems()
            .into_iter()
            .map(|p| problem(&Problem::File(p), lang))
            .collect();
        lines.push(absent_columns("rows.csv", &["date", "us_tech"], lang));
        lines.push(batch_row(
            "names.csv",
            3,
            &RowReason::Unreadable(csv_reason(NOT_UTF8)),
            lang,
        ));
        lines.join("\n")
    };
    let english = all(Lang::En);
    for (p, line) in file_problems().iter().zip(english.lines()) {
        assert_eq!(line, p.to_string());
    }
    assert!(
        english.contains("rows.csv: cannot open: entity not found"),
        "{english}"
    );
    insta::assert_snapshot!("file_problems_en", english);
    for lang in [Lang::Ar, Lang::ZhHans] {
        let text = all(lang);
        assert!(!text.contains(earl_render::i18n::FALLBACK_MARK), "{text}");
        for kept in [
            "rows.csv",
            "end user",
            "end_user",
            "lots",
            "maybe",
            "H300",
            "disk on fire",
        ] {
            assert!(text.contains(kept), "{lang} lacks {kept}:\n{text}");
        }
        // The CSV reader's two kinds earl words are said in the language, not the reader's.
        assert!(!text.contains("found record with"), "{lang}:\n{text}");
        assert!(!text.contains("invalid UTF-8"), "{lang}:\n{text}");
        for (en, other) in english.lines().zip(text.lines()) {
            assert_ne!(en, other, "{lang}");
        }
        let name = format!(
            "file_problems_{}",
            lang.tag().replace('-', "_").to_lowercase()
        );
        insta::assert_snapshot!(name, text);
    }
}

/// A batch row's reason: English in the output file in every language, the language asked on
/// stderr.
#[test]
fn a_rows_reason_is_english_data_and_said_in_the_language() {
    let reason = RowReason::NotWholeNumber {
        column: "quantity".into(),
        text: "lots".into(),
    };
    assert_eq!(reason.to_string(), "quantity `lots` is not a whole number");
    assert_eq!(
        batch_row("rows.csv", 2, &reason, Lang::En),
        "rows.csv: line 2: quantity `lots` is not a whole number"
    );
    assert_eq!(
        batch_row("rows.csv", 2, &reason, Lang::ZhHans),
        "rows.csv：第 2 行：quantity 的值“lots”不是整数"
    );
    assert_eq!(row_reason(&reason, Lang::En), reason.to_string());
}

/// One usage error of each shape, as the CLI takes them from clap.
fn usage_errors() -> Vec<earl_render::usage::UsageError> {
    use earl_render::usage::{Conflicting, Similar, Tip, UsageError, Wrong};
    let arg = |a: &str| a.to_string();
    let with_usage = |wrong, tips| UsageError {
        wrong,
        tips,
        usage: Some("earl check --to <TO> <CHIP>".into()),
        help: Some("--help".into()),
    };
    vec![
        with_usage(
            Wrong::UnknownArgument {
                arg: arg("--bogus"),
            },
            vec![Tip::PassAsValue {
                arg: arg("--bogus"),
                command: arg("-- --bogus"),
            }],
        ),
        with_usage(
            Wrong::UnknownSubcommand { name: arg("chk") },
            vec![Tip::Similar {
                what: Similar::Subcommand,
                names: vec![arg("check"), arg("chips")],
            }],
        ),
        with_usage(
            Wrong::MissingArguments {
                args: vec![arg("--to <TO>"), arg("<CHIP>")],
            },
            vec![],
        ),
        with_usage(
            Wrong::InvalidValue {
                arg: arg("--decision <DECISION>"),
                value: arg("false"),
                possible: vec![arg("false-positive"), arg("true-match"), arg("escalated")],
            },
            vec![Tip::Similar {
                what: Similar::Value,
                names: vec![arg("false-positive")],
            }],
        ),
        with_usage(
            Wrong::ValueMissing {
                arg: arg("--to <TO>"),
            },
            vec![],
        ),
        with_usage(
            Wrong::BadValue {
                arg: arg("--max-connections <N>"),
                value: arg("0"),
                reason: Some(arg("0 is not in 1..=4294967295")),
            },
            vec![],
        ),
        with_usage(
            Wrong::UsedTwice {
                arg: arg("--to <TO>"),
            },
            vec![],
        ),
        with_usage(
            Wrong::Conflict {
                arg: arg("--licence <LICENCE>"),
                with: Conflicting::One(arg("--us")),
            },
            vec![],
        ),
        with_usage(
            Wrong::Conflict {
                arg: arg("--batch <FILE>"),
                with: Conflicting::Many(vec![arg("--us"), arg("--licence <LICENCE>")]),
            },
            vec![],
        ),
        with_usage(
            Wrong::Conflict {
                arg: arg("--batch <FILE>"),
                with: Conflicting::Unnamed,
            },
            vec![],
        ),
        with_usage(
            Wrong::ExtraValue {
                arg: arg("--to <TO>"),
                value: arg("US"),
            },
            vec![Tip::Similar {
                what: Similar::Argument,
                names: vec![arg("--tpp"), arg("--pd")],
            }],
        ),
        UsageError {
            wrong: Wrong::MissingSubcommand {
                name: arg("earl audit"),
                subcommands: vec![arg("list"), arg("show")],
            },
            tips: vec![Tip::Said(arg(
                "subcommand 'check' exists; to use it, remove the '--' before it",
            ))],
            usage: None,
            help: None,
        },
    ]
}

#[test]
fn usage_errors_in_every_language() {
    let all = |lang: Lang| {
        usage_errors()
            .iter()
            .map(|e| earl_render::usage::usage_error(e, lang))
            .collect::<Vec<_>>()
            .join("---\n")
    };
    let english = all(Lang::En);
    assert!(english.starts_with("error: unexpected argument '--bogus' found\n\n  tip: "));
    insta::assert_snapshot!("usage_errors_en", english);
    for lang in [Lang::Ar, Lang::ZhHans] {
        let text = all(lang);
        assert!(!text.contains(earl_render::i18n::FALLBACK_MARK), "{text}");
        // Names, values, the usage line and the parser's own reasons stay as they are.
        for kept in [
            "--bogus",
            "earl check --to <TO> <CHIP>",
            "false-positive",
            "0 is not in 1..=4294967295",
            "--licence <LICENCE>",
            "\n  --us\n  --licence <LICENCE>",
            "remove the '--' before it",
        ] {
            assert!(text.contains(kept), "{lang} lacks {kept}:\n{text}");
        }
        assert!(!text.contains("error:"), "{lang}:\n{text}");
        let name = format!(
            "usage_errors_{}",
            lang.tag().replace('-', "_").to_lowercase()
        );
        insta::assert_snapshot!(name, text);
    }
}
