//! Issue 28, point 9: an ownership file is walked only along the chains above the end user,
//! so a 20,000-link chain and 100,000 unrelated holdings are answered (and answered right)
//! without walking the whole file again for each link. The answers are asserted, never the
//! time (the figures are in docs/notes/issue-28-io.md).

use earl_core::ownership::{Stake, above, affiliation};
use earl_core::party::PartyHit;
use earl_core::step::Listed;
use earl_core::tri::Tri;

fn listed(party: &str) -> PartyHit {
    PartyHit {
        list: "EL".into(),
        name: party.into(),
        matched_name: party.into(),
        entity_number: None,
        entry_id: "test entry".into(),
        entry_hash: "test hash".into(),
        review: None,
        score: 1.0,
        license_requirement: None,
        policy: None,
        raw_policy: None,
        party: party.into(),
        listed: Listed::On {
            date: "2020-01-01".parse().unwrap(),
            notice: "85 FR 1".into(),
        },
    }
}

fn stake(owner: &str, owned: &str, percent: f64) -> Stake {
    Stake {
        owner: owner.into(),
        owned: owned.into(),
        percent,
        origin: None,
    }
}

/// `Top` → `Link 1` → … → `Link n` → `End User`, each holding 100% of the next, then
/// `unrelated` holdings among parties that own nothing above the end user.
fn chain_and_noise(links: usize, unrelated: usize) -> Vec<Stake> {
    let mut stakes = vec![stake("Top", "Link 1", 100.0)];
    for i in 1..links {
        stakes.push(stake(
            &format!("Link {i}"),
            &format!("Link {}", i + 1),
            100.0,
        ));
    }
    stakes.push(stake(&format!("Link {links}"), "End User", 100.0));
    for i in 0..unrelated {
        stakes.push(stake(
            &format!("Holder {i}"),
            &format!("Holding {}", i / 2),
            40.0,
        ));
    }
    stakes
}

fn lists() -> Vec<String> {
    vec!["EL".into()]
}

#[test]
fn a_listed_party_atop_a_20000_link_chain_restricts_the_end_user_beside_100000_unrelated_holdings()
{
    let stakes = chain_and_noise(20_000, 100_000);
    let hits = vec![listed("Top")];
    let date = "2026-12-01".parse().unwrap();
    let a = affiliation("End User", &stakes, &hits, &lists(), 50.0, date)
        .expect("the end user is owned through the chain");
    assert_eq!(a.verdict, Tri::True);
    assert_eq!(a.percent, 100.0);
    assert_eq!(
        a.chain.len(),
        20_001,
        "every link from the end user up to Top"
    );
    assert_eq!(a.chain.last().unwrap().owner, "Top");
    assert_eq!(a.owners.len(), 1);
}

#[test]
fn only_the_holdings_above_the_end_user_are_walked() {
    let stakes = chain_and_noise(20_000, 100_000);
    let walked = above("end user", &stakes);
    assert_eq!(
        walked.len(),
        20_001,
        "the chain, none of the unrelated holdings"
    );
    assert!(walked.iter().all(|s| !s.owner.starts_with("Holder")));
}

#[test]
fn unrelated_holdings_change_nothing() {
    let date = "2026-12-01".parse().unwrap();
    // A listed holder of unrelated parties, and a chain whose top is not listed: no restriction.
    let stakes = chain_and_noise(2_000, 100_000);
    let hits = vec![listed("Holder 7")];
    assert!(affiliation("End User", &stakes, &hits, &lists(), 50.0, date).is_none());
    // A listed party at 49% at the top of the chain is below the threshold however long it is.
    let mut stakes = chain_and_noise(2_000, 100_000);
    stakes[0].percent = 49.0;
    let hits = vec![listed("Top"), listed("Holder 7")];
    assert!(affiliation("End User", &stakes, &hits, &lists(), 50.0, date).is_none());
}

#[test]
fn a_long_cycle_above_the_end_user_terminates_and_still_restricts() {
    let date = "2026-12-01".parse().unwrap();
    let mut stakes = chain_and_noise(20_000, 0);
    // The last link also holds the first back: a cycle of 20,000 parties above the end user.
    stakes.push(stake("Link 20000", "Link 1", 0.5));
    stakes[0].percent = 99.5;
    let hits = vec![listed("Top")];
    let a = affiliation("End User", &stakes, &hits, &lists(), 50.0, date).unwrap();
    assert_eq!(a.verdict, Tri::True);
}
