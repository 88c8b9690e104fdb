//! Each entry kind's place in the order the rules combine (the rule-language header of
//! data/rules.toml; earl-core's check.rs): controls, parties, affiliates, exceptions, review
//! (then a party's stricter policy), conditions and charges, notices. Tested on small synthetic
//! rule books so that each place is seen on its own.

use earl_core::check::{Question, check};
use earl_core::chip::{ChipKind, CustomSpec, Precision};
use earl_core::classify::classify;
use earl_core::countries::Country;
use earl_core::metrics::Metrics;
use earl_core::ownership::Stake;
use earl_core::party::PartyHit;
use earl_core::rules::{Amendment, Evaluator, GroupLookup, ReviewPolicy, Snapshot};
use earl_core::step::{Listed, Reason, Verdict};
use earl_core::tri::Tri;
use jiff::civil::Date;

/// Country "XX" is in group G:1; nothing else is in any group.
struct Groups;

impl GroupLookup for Groups {
    fn is_member(&self, group: &str, country: &str, _: Date) -> Tri {
        Tri::from(group == "G:1" && country == "XX")
    }
}

const PARAGRAPH: &str = r#"
[[add.paragraph]]
id = "3A090.a.1"
eccn = "3A090.a"
text = "TPP of 4800 or more"
all = [{ metric = "tpp", op = ">=", value = 4800.0 }]
cite = { text = "test", confidence = "VERIFIED-P" }
"#;

fn snapshot(entries: &str) -> Snapshot {
    let text = format!(
        "id = \"t\"\ntitle = \"t\"\nstatus = \"enforced\"\nsummary = \"t\"\ncite = {{ text = \"t\" }}\n{PARAGRAPH}\n{entries}"
    );
    let a: Amendment = toml::from_str(&text).expect("test rules parse");
    Snapshot::build(&[a], "2026-01-01".parse().unwrap(), None)
}

fn metrics(tpp: f64) -> Metrics {
    Metrics::of_spec(&CustomSpec {
        throughput: vec![(Precision::Fp16, tpp / 16.0)],
        datacenter: Some(true),
        memory_bandwidth_gbps: Some(3000.0),
        kind: ChipKind::Accelerator,
        ..Default::default()
    })
}

fn country(code: &str) -> Country {
    Country {
        code: code.into(),
        name: code.into(),
        ecfr_name: None,
        aliases: Vec::new(),
        treated_as: None,
    }
}

fn hit(list: &str, policy: Option<ReviewPolicy>) -> PartyHit {
    PartyHit {
        list: list.into(),
        name: "Listed Co".into(),
        matched_name: "Listed Co".into(),
        entity_number: None,
        entry_id: "test entry".into(),
        entry_hash: "test hash".into(),
        review: None,
        score: 1.0,
        license_requirement: None,
        policy,
        raw_policy: None,
        party: "Listed Co".into(),
        listed: Listed::On {
            date: "2020-01-01".parse().unwrap(),
            notice: "85 FR 1".into(),
        },
    }
}

struct Ask<'a> {
    tpp: f64,
    to: &'a str,
    hits: Vec<PartyHit>,
    owners: Vec<PartyHit>,
    stakes: Option<Vec<Stake>>,
}

fn ask(tpp: f64, to: &str) -> Ask<'_> {
    Ask {
        tpp,
        to,
        hits: Vec::new(),
        owners: Vec::new(),
        stakes: None,
    }
}

fn run(snap: &Snapshot, a: &Ask) -> earl_core::check::Determination {
    let m = metrics(a.tpp);
    let eval = Evaluator {
        groups: &Groups,
        own_groups: &snap.entries.group,
    };
    let c = classify(snap, &m, &eval);
    let dest = country(a.to);
    let end_user = (!a.hits.is_empty() || a.stakes.is_some()).then_some("Acme");
    check(
        snap,
        &Question {
            chip_id: None,
            chip_name: "test chip",
            vendor: None,
            metrics: &m,
            classification: &c,
            destination: &dest,
            from: "US",
            hq: None,
            date: "2026-01-01".parse().unwrap(),
            quantity: None,
            frontier_tpp: None,
            end_user,
            party_hits: &a.hits,
            stakes: a.stakes.as_deref(),
            owner_hits: &a.owners,
            system: false,
            made: &Default::default(),
        },
        &eval,
    )
}

const CONTROLS: &str = r#"
[[add.control]]
id = "c-dest"
when = { eccn = ["3A090.a"], destination = { groups = ["G:1"] } }
text = "licence to G:1"
cite = { text = "t" }
[[add.control]]
id = "c-unknown"
when = { eccn = ["3A090.a"], destination = { countries = ["YY"] }, metrics = [{ metric = "pd", op = ">=", value = 1.0 }] }
text = "licence to YY when PD ≥ 1 (PD is unknown here)"
cite = { text = "t" }
"#;

#[test]
fn controls_come_first_and_one_that_cannot_be_evaluated_is_undetermined_never_clear() {
    let snap = snapshot(CONTROLS);
    let d = run(&snap, &ask(5000.0, "XX"));
    assert_eq!(d.license_required, Some(true));
    assert_eq!(d.decided_by, vec!["3A090.a.1".to_string(), "c-dest".into()]);
    let d = run(&snap, &ask(5000.0, "YY"));
    assert_eq!(d.license_required, None, "PD unknown: not 'no licence'");
    let d = run(&snap, &ask(5000.0, "ZZ"));
    assert_eq!(d.license_required, Some(false));
    assert!(
        d.because
            .iter()
            .any(|s| matches!(s.reason, Reason::NoRequirement { .. }))
    );
}

const PARTIES: &str = r#"
[[add.party]]
id = "party-x"
list = "XL"
requirement = "license"
bars_exceptions = true
text = "listed: licence required"
cite = { text = "t" }
[[add.exception]]
id = "x-all"
code = "ALL"
rank = 1
covers = ["c-dest"]
when = {}
text = "covers c-dest"
cite = { text = "t" }
[[add.review]]
id = "rv-lane"
rank = 1
when = { controls = ["c-dest"] }
policy = "case_by_case"
text = "case by case"
cite = { text = "t" }
[[add.condition]]
id = "cond-lane"
when = { review = ["rv-lane"] }
text = "a condition of the lane"
cite = { text = "t" }
[[add.charge]]
id = "charge-lane"
kind = "tariff"
rate = 0.25
when = { review = ["rv-lane"] }
text = "a tariff of the lane"
cite = { text = "t" }
"#;

#[test]
fn a_party_applies_its_list_and_bars_the_exception_that_would_otherwise_apply() {
    let snap = snapshot(&format!("{CONTROLS}{PARTIES}"));
    // Without a party: the exception applies (it covers the one control), decided_by names it.
    let d = run(&snap, &ask(5000.0, "XX"));
    assert_eq!(d.license_exception.as_deref(), Some("ALL"));
    assert!(d.decided_by.contains(&"x-all".to_string()));
    // A listed party bars it; the party rule is among what decided.
    let mut a = ask(5000.0, "XX");
    a.hits = vec![hit("XL", None)];
    let d = run(&snap, &a);
    assert_eq!(d.license_exception, None);
    assert!(d.decided_by.contains(&"party-x".to_string()));
    assert!(!d.decided_by.contains(&"x-all".to_string()));
    // A party on a list with a requirement makes an uncontrolled item need a licence.
    let mut a = ask(100.0, "ZZ");
    a.hits = vec![hit("XL", None)];
    assert_eq!(run(&snap, &a).license_required, Some(true));
}

#[test]
fn an_exception_must_cover_every_control_that_applied() {
    let extra = r#"
[[add.control]]
id = "c-second"
when = { eccn = ["3A090.a"], destination = { countries = ["XX"] } }
text = "a second control"
cite = { text = "t" }
"#;
    let snap = snapshot(&format!("{CONTROLS}{PARTIES}{extra}"));
    let d = run(&snap, &ask(5000.0, "XX"));
    assert_eq!(d.license_exception, None, "ALL covers c-dest only");
}

#[test]
fn a_stricter_party_policy_replaces_the_review_and_takes_its_conditions_and_charges() {
    // No bars_exceptions here, and no exception, so the review is reached.
    let parties = PARTIES
        .replace("bars_exceptions = true\n", "")
        .replace("covers = [\"c-dest\"]", "covers = [\"c-nothing\"]")
        .replace("[[add.exception]]", "[[add.control]]\nid = \"c-nothing\"\nwhen = { destination = { countries = [\"QQ\"] } }\ntext = \"x\"\ncite = { text = \"t\" }\n[[add.exception]]");
    let snap = snapshot(&format!("{CONTROLS}{parties}"));
    let lane = run(&snap, &ask(5000.0, "XX"));
    assert_eq!(lane.review_policy, Some(ReviewPolicy::CaseByCase));
    assert_eq!(lane.conditions.len(), 1);
    assert_eq!(lane.charges.len(), 1);
    let mut a = ask(5000.0, "XX");
    a.hits = vec![hit("XL", Some(ReviewPolicy::PresumptionOfDenial))];
    let d = run(&snap, &a);
    assert_eq!(d.review_policy, Some(ReviewPolicy::PresumptionOfDenial));
    assert!(d.conditions.is_empty());
    assert!(d.charges.is_empty());
    assert!(!d.decided_by.contains(&"rv-lane".to_string()));
    assert!(d.because.iter().any(|s| matches!(
        &s.reason,
        Reason::Review {
            overridden: true,
            ..
        }
    )));
}

#[test]
fn ownership_applies_the_owners_list_only_while_the_rule_is_in_force() {
    let rule = |status: &str| {
        format!(
            r#"
[[add.affiliates]]
id = "aff"
lists = ["XL"]
percent = 50.0
status = "{status}"
text = "owned 50% by listed parties"
cite = {{ text = "t" }}
"#
        )
    };
    let stakes = || {
        Some(vec![Stake {
            owner: "Listed Co".into(),
            owned: "Acme".into(),
            percent: 50.0,
            origin: None,
        }])
    };
    for (status, required) in [
        ("in_force", true),
        ("suspended", false),
        ("not_in_force", false),
    ] {
        let snap = snapshot(&format!("{PARTIES}{}", rule(status)));
        let mut a = ask(100.0, "ZZ");
        a.owners = vec![hit("XL", None)];
        a.stakes = stakes();
        let d = run(&snap, &a);
        assert_eq!(d.license_required, Some(required), "{status}");
        assert_eq!(
            d.decided_by.contains(&"aff".to_string()),
            required,
            "{status}"
        );
    }
}

#[test]
fn a_charge_whose_figures_cannot_be_told_is_shown_as_possibly_due() {
    let charge = r#"
[[add.charge]]
id = "maybe"
kind = "tariff"
rate = 0.25
when = { controls = ["c-dest"], metrics = [{ metric = "memory_bandwidth_gbps", op = ">", value = 2500.0, value_to = 3500.0 }] }
text = "a tariff whose limit is known only to lie between 2,500 and 3,500 GB/s"
cite = { text = "t" }
"#;
    let snap = snapshot(&format!("{CONTROLS}{charge}"));
    let d = run(&snap, &ask(5000.0, "XX"));
    assert_eq!(d.charges.len(), 1);
    assert_eq!(d.charges[0].verdict, Verdict::Undetermined);
    assert!(!d.decided_by.contains(&"maybe".to_string()));
    assert!(
        d.notices
            .iter()
            .any(|s| matches!(s.reason, Reason::ChargeUndetermined { .. }))
    );
}

#[test]
fn notices_show_unless_their_condition_fails() {
    let notice = r#"
[[add.notice]]
id = "n-xx"
when = { destination = { countries = ["XX"] } }
text = "about XX"
cite = { text = "t" }
"#;
    let snap = snapshot(&format!("{CONTROLS}{notice}"));
    assert!(
        run(&snap, &ask(5000.0, "XX"))
            .notices
            .iter()
            .any(|n| n.entry.as_deref() == Some("n-xx"))
    );
    assert!(
        !run(&snap, &ask(5000.0, "ZZ"))
            .notices
            .iter()
            .any(|n| n.entry.as_deref() == Some("n-xx"))
    );
}
