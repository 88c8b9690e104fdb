//! Table-driven licence determinations, 2022–2026 (issue 3).
//!
//! Every expectation below was derived from `shared/reference/rules.md` (cited as "rules.md §x") and
//! `docs/research/country-groups.md` (cited as "cg.md §x"), NOT from running earl. Chip figures
//! (TPP, PD, bandwidths) are those of `shared/reference/chips.md` as transcribed in
//! `data/chips-expected.toml`.
//!
//! Each row names the chip, destination, exporting country (`from`, US unless stated), the end
//! user's headquarters and name, and the date, and expects: `license_required`,
//! `license_exception`, `review_policy`, `paragraph`, and a citation substring that must appear in
//! the `cite` of some `because` step (plus, for some rows, extra checks: treated-as, conditions,
//! charges, possible outcomes).
//!
//! Rows where earl disagrees with rules.md are NOT adjusted to earl: their ids are listed in
//! `KNOWN_DISAGREEMENTS` with the evidence, printed on every run, and do not fail the test. If one of
//! them starts to agree, the test fails so that the list is kept honest.
//!
//! HBM (3A090.c) is not covered: HBM stacks are not in the chip catalog and custom specifications are
//! not available through `Engine::check` with a catalog name; a 3A090.c row would need `Item::Spec`.

use earl_engine::{CheckAnswer, CheckRequest, Engine, Item, ListsSource, parse_date};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

/// Review policy expected.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Rp {
    /// No review policy (no licence requirement, or none published).
    No,
    Approval,
    Cbc,
    Denial,
    /// Policy of denial (embargoes and sanctions).
    PolicyDenial,
    /// Not asserted (the sources do not settle it, or it depends on unknown figures).
    Any,
}

impl Rp {
    fn matches(self, got: Option<&str>) -> bool {
        match self {
            Rp::Any => true,
            Rp::No => got.is_none(),
            Rp::Approval => got == Some("presumption_of_approval"),
            Rp::Cbc => got == Some("case_by_case"),
            Rp::Denial => got == Some("presumption_of_denial"),
            Rp::PolicyDenial => got == Some("policy_of_denial"),
        }
    }
}

/// Extra checks for some rows.
#[derive(Clone, Copy, Debug)]
enum X {
    /// `treated_as` equals this code.
    TreatedAs(&'static str),
    /// Some condition's text contains this (case-insensitive).
    Condition(&'static str),
    /// A charge with this rate is due.
    ChargeRate(f64),
    /// No charge is due.
    NoCharges,
    /// A second citation that must appear in some `because` step.
    Cite(&'static str),
    /// The answer is undetermined and lists at least this many possible outcomes.
    Possible(usize),
    /// The answer says no licence can authorise it.
    Prohibited,
}

#[derive(Clone, Debug)]
struct Row {
    id: &'static str,
    chip: &'static str,
    to: &'static str,
    from: Option<&'static str>,
    hq: Option<&'static str>,
    eu: Option<&'static str>,
    date: &'static str,
    lic: Option<bool>,
    exc: Option<&'static str>,
    rp: Rp,
    /// Exact paragraph, `None` for no paragraph; `Some("*")` for "not asserted".
    para: Option<&'static str>,
    cite: &'static str,
    extra: Vec<X>,
}

fn row(id: &'static str, chip: &'static str, to: &'static str, date: &'static str) -> Row {
    Row {
        id,
        chip,
        to,
        from: None,
        hq: None,
        eu: None,
        date,
        lic: Some(false),
        exc: None,
        rp: Rp::No,
        para: None,
        cite: "",
        extra: Vec::new(),
    }
}

impl Row {
    fn from(mut self, c: &'static str) -> Row {
        self.from = Some(c);
        self
    }
    fn hq(mut self, c: &'static str) -> Row {
        self.hq = Some(c);
        self
    }
    fn eu(mut self, n: &'static str) -> Row {
        self.eu = Some(n);
        self
    }
    /// Licence required, with this exception (or none) and review policy.
    fn lic(mut self, exc: Option<&'static str>, rp: Rp) -> Row {
        self.lic = Some(true);
        self.exc = exc;
        self.rp = rp;
        self
    }
    /// No licence required.
    fn free(mut self) -> Row {
        self.lic = Some(false);
        self.exc = None;
        self.rp = Rp::No;
        self
    }
    /// The figures at hand cannot tell (license_required null).
    fn unknown(mut self) -> Row {
        self.lic = None;
        self.exc = None;
        self.rp = Rp::No;
        self
    }
    fn para(mut self, p: &'static str) -> Row {
        self.para = Some(p);
        self
    }
    fn cite(mut self, c: &'static str) -> Row {
        self.cite = c;
        self
    }
    fn x(mut self, x: X) -> Row {
        self.extra.push(x);
        self
    }
}

// Names from data/csl/consolidated.csv.
const HUAWEI: &str = "Huawei Technologies Co., Ltd."; // EL, 84 FR 22963 (May 2019), presumption of denial
const MOORE: &str = "Moore Threads"; // EL alias of Moore Thread Intelligent Technology (Beijing), 88 FR 71992 (Oct 2023)
const BIREN: &str = "Biren"; // EL alias of Shanghai Biren Intelligent Technology, 88 FR 71992 (Oct 2023)
const DPL_PARTY: &str = "SKYWIND INTERNATIONAL LIMITED"; // DPL, HK, 89 F.R. 51302 (6/17/2024)
const UVL_PARTY: &str = "Beijing Jin Sheng Bo Yue Technology Co., Ltd."; // Unverified List, CN

const A1: &str = "3A090.a.1";
const A2: &str = "3A090.a.2";
const A22: &str = "3A090.a"; // the single .a paragraph of the Oct 2022 rule

fn rows() -> Vec<Row> {
    use Rp::*;
    vec![
        // ---------------- Before Oct 7, 2022: no 3A090; the NVIDIA letter from Aug 26, 2022 ----------------
        // No 3A090 before 87 FR 62186 (eff. 2022-10-07) and no letter yet (rules.md §1, §7): nothing applies; the answer should point at the first rule.
        row("pre-h100-cn-2022-06", "H100", "CN", "2022-06-01")
            .free()
            .cite("87 FR 62186"),
        // The day before the Aug 26, 2022 NVIDIA letter (rules.md §1 "Precursor"): no licence requirement.
        row("pre-a100-cn-2022-08-25", "A100", "CN", "2022-08-25")
            .free()
            .cite("87 FR 62186"),
        // NVIDIA letter of Aug 26, 2022: A100/H100 need a licence to China incl. HK and Russia (rules.md §1, Trade Law Daily); no review policy published.
        row("letter22-a100-cn", "A100", "CN", "2022-09-01")
            .lic(None, No)
            .cite("Trade Law Daily"),
        // Same letter, Hong Kong named expressly; HK treated as China since 2020-12-23 (rules.md §4.5).
        row("letter22-h100-hk", "H100", "HK", "2022-09-01")
            .lic(None, No)
            .cite("Trade Law Daily")
            .x(X::TreatedAs("CN")),
        // Same letter covers Russia (rules.md §1); Russia's own sanctions (15 CFR 746.8, 87 FR 12226,
        // eff. 2022-02-24) already required a licence under a policy of denial (addendum §2).
        row("letter22-h100-ru", "H100", "RU", "2022-09-15")
            .lic(None, PolicyDenial)
            .cite("Trade Law Daily")
            .x(X::Cite("87 FR 12226")),
        // The letter was for China and Russia only (rules.md §1): Germany needs nothing.
        row("letter22-a100-de", "A100", "DE", "2022-09-01")
            .free()
            .cite("87 FR 62186"),
        // H100 PCIe is an H100: the letter applies (rules.md §1).
        row("letter22-h100pcie-cn", "H100 PCIe", "CN", "2022-09-01")
            .lic(None, No)
            .cite("Trade Law Daily"),
        // Last day before 3A090: the letter still applies (rules.md §1; effective 2022-08-26).
        row("letter22-a100-cn-10-06", "A100", "CN", "2022-10-06")
            .lic(None, No)
            .cite("Trade Law Daily"),
        // ---------------- Oct 7, 2022 rule: ≥600 GB/s I/O AND ≥4800, China only ----------------
        // A100: 600 GB/s NVLink and TPP 4,992 meet both prongs (rules.md §1 "A100 ... effectively the threshold"); China, presumption of denial (rules.md §4.2).
        row("r22-a100-cn-day1", "A100", "CN", "2022-10-07")
            .lic(None, Denial)
            .para(A22)
            .cite("87 FR 62186"),
        // H100 SXM: 900 GB/s, TPP 15,832 → 3A090.a, China, denial (rules.md §1, §2.4, §4.2).
        row("r22-h100-cn", "H100", "CN", "2023-03-01")
            .lic(None, Denial)
            .para(A22)
            .cite("87 FR 62186"),
        // A800: interconnect cut to 400 GB/s < 600 → escapes the conjunctive 2022 test (rules.md §1, §8.4).
        row("r22-a800-cn", "A800", "CN", "2023-03-01")
            .free()
            .cite("87 FR 62186"),
        // H800: NVLink 400 GB/s → escapes until Nov 2023 (rules.md §8.4).
        row("r22-h800-cn", "H800", "CN", "2023-06-01")
            .free()
            .cite("87 FR 62186"),
        // RTX 4090: no NVLink (PCIe only), far below 600 GB/s → not 3A090 under the 2022 test (rules.md §1).
        row("r22-rtx4090-cn", "RTX 4090", "CN", "2023-06-01")
            .free()
            .cite("87 FR 62186"),
        // MI250X: 800 GB/s Infinity Fabric, TPP 6,128 → 3A090.a (2022), China, denial (rules.md §1, §4.2).
        row("r22-mi250x-cn", "MI250X", "CN", "2023-03-01")
            .lic(None, Denial)
            .para(A22)
            .cite("87 FR 62186"),
        // Macau was not covered before 88 FR 2821 (BIS FAQ Oct 28, 2022; cg.md §3(a)).
        row("r22-a100-mo-before", "A100", "MO", "2022-12-01")
            .free()
            .para(A22)
            .cite("87 FR 62186"),
        // Macau added effective 2023-01-17 by 88 FR 2821, same presumption of denial (rules.md §1; cg.md §3(b)).
        row("r22-a100-mo-after", "A100", "MO", "2023-01-17")
            .lic(None, Denial)
            .para(A22)
            .cite("88 FR 2821"),
        // Hong Kong treated as China (85 FR 83765; rules.md §4.5): licence, denial.
        row("r22-h100-hk", "H100", "HK", "2023-05-01")
            .lic(None, Denial)
            .para(A22)
            .cite("87 FR 62186")
            .x(X::TreatedAs("CN"))
            .x(X::Cite("85 FR 83765")),
        // The 2022 rule reached only China (and Macau from 2023): Saudi Arabia needs nothing (rules.md §1, §7).
        row("r22-a100-sa", "A100", "SA", "2023-06-01")
            .free()
            .para(A22)
            .cite("87 FR 62186"),
        // Vietnam: likewise outside the 2022 scope (rules.md §7).
        row("r22-h100-vn", "H100", "VN", "2023-06-01")
            .free()
            .para(A22)
            .cite("87 FR 62186"),
        // MetaX C500: TPP 4,480 < 4,800, so the 2022 test fails whatever its unknown interconnect (rules.md §1): not 3A090.
        row("r22-c500-cn-unknown-io", "MetaX C500", "CN", "2023-06-01")
            .free()
            .cite("87 FR 62186"),
        // Moore Threads was added to the Entity List on Oct 17, 2023 (88 FR 71991; rules.md §6); on 2023-06-01 it was not listed, and RTX 4090 was not 3A090 (2022 test).
        row("el-moore-before-listing", "RTX 4090", "CN", "2023-06-01")
            .eu(MOORE)
            .free()
            .cite("87 FR 62186"),
        // ---------------- Nov 17, 2023 rule (88 FR 73458): TPP/PD, D:1/D:4/D:5, HQ rule, NAC ----------------
        // A800: TPP 4,992 ≥ 4,800 → 3A090.a.1 (interconnect test removed, rules.md §2); datacenter → no NAC; D:5 → denial (rules.md §4.2, §4.3).
        row("r23-a800-cn", "A800", "CN", "2023-11-17")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // H800: TPP 15,832 → 3A090.a.1, denial (rules.md §2, §4.2).
        row("r23-h800-cn", "H800", "CN", "2023-12-01")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // L40S: TPP 5,864 ≥ 4,800 → a.1; datacenter, so no NAC (rules.md §4.3); denial.
        row("r23-l40s-cn", "L40S", "CN", "2024-01-15")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // L4: TPP ~1,936 < 4,800 but PD ~6.6 ≥ 5.92 → 3A090.a.2 (rules.md §2.3 "caught via 3A090.a.2"); datacenter, denial.
        row("r23-l4-cn", "L4", "CN", "2023-12-01")
            .lic(None, Denial)
            .para(A2)
            .cite("88 FR 73458"),
        // RTX 4090: non-datacenter, TPP 5,285 ≥ 4,800 → 3A090.a.1, NAC-eligible; for China (D:5) notification 25 days (rules.md §2.3, §4.3, §2.8).
        row("r23-rtx4090-cn-nac", "RTX 4090", "CN", "2023-12-01")
            .lic(Some("NAC"), Denial)
            .para(A1)
            .cite("88 FR 73458")
            .x(X::Condition("25 calendar days")),
        // RTX 4090 D: non-datacenter, TPP 4,707 < 4,800 → Note 2 excludes it whatever its PD (rules.md §2.3).
        row("r23-rtx4090d-cn", "RTX 4090 D", "CN", "2024-01-15")
            .free()
            .cite("88 FR 73458"),
        // H20: TPP 2,368 (< 2,400), PD 2.9 (< 3.2) → below 3A090.a/.b (rules.md §2.4); nothing before the April 2025 letter.
        row("r23-h20-cn", "H20", "CN", "2024-06-01")
            .free()
            .cite("88 FR 73458"),
        // L20: TPP 1,912 (< 2,400), PD 3.14 (< 3.2) → neither b.1 nor b.2 (rules.md §2.1 thresholds; chips.md figures).
        row("r23-l20-cn", "L20", "CN", "2024-06-01")
            .free()
            .cite("88 FR 73458"),
        // V100: TPP 2,000, PD 2.45 → below every paragraph (rules.md §2.1).
        row("r23-v100-cn", "V100", "CN", "2024-06-01")
            .free()
            .cite("88 FR 73458"),
        // Israel is D:4 and A:6 → excluded (rules.md §2.5 "excluding Israel and Cyprus").
        row("r23-h100-il", "H100", "IL", "2024-02-01")
            .free()
            .para(A1)
            .cite("88 FR 73458"),
        // Cyprus (D:5 + A:6 until 2024-05-30) is excluded as a destination (rules.md §2.5; cg.md §2.3).
        row("r23-h100-cy-dest", "H100", "CY", "2024-01-01")
            .free()
            .para(A1)
            .cite("88 FR 73458"),
        // Saudi Arabia: D:3/D:4, not A:5/A:6 → licence; D:4 → presumption of approval (rules.md §2.5, §4.2 "OVHcloud in Saudi Arabia likely approved").
        row("r23-h100-sa", "H100", "SA", "2024-02-01")
            .lic(None, Approval)
            .para(A1)
            .cite("88 FR 73458"),
        // UAE: D:4 (until mid-2026), not A:5/A:6 then → licence, approval (rules.md §4.5; cg.md §3(d)).
        row("r23-h100-ae", "H100", "AE", "2024-02-01")
            .lic(None, Approval)
            .para(A1)
            .cite("88 FR 73458"),
        // Vietnam: D:1 → licence, approval (rules.md §2.5, §4.2).
        row("r23-h100-vn", "H100", "VN", "2024-02-01")
            .lic(None, Approval)
            .para(A1)
            .cite("88 FR 73458"),
        // Egypt: D:4 → licence, approval (rules.md §4.5 D:4 list).
        row("r23-h100-eg", "H100", "EG", "2024-06-01")
            .lic(None, Approval)
            .para(A1)
            .cite("88 FR 73458"),
        // Iraq: D:1/D:4/D:5 → D:5 → denial (rules.md §4.2).
        row("r23-h100-iq", "H100", "IQ", "2025-03-01")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // Russia: D:1/D:4/D:5 (rules.md §4.5), and the Part 746 sanctions' policy of denial, the
        // stricter (15 CFR 746.8(b); addendum §2).
        row("r23-h100-ru", "H100", "RU", "2024-06-01")
            .lic(None, PolicyDenial)
            .para(A1)
            .cite("88 FR 73458"),
        // Macau: named beside D:5 → licence, denial (rules.md §2.5, §4.2).
        row("r23-h100-mo", "H100", "MO", "2024-06-01")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // Germany: not in D:1/D:4/D:5 → no licence for an ordinary party (rules.md §2.5).
        row("r23-h100-de", "H100", "DE", "2024-02-01")
            .free()
            .para(A1)
            .cite("88 FR 73458"),
        // India: A:5 → no licence (rules.md §4.5).
        row("r23-h100-in", "H100", "IN", "2024-06-01")
            .free()
            .para(A1)
            .cite("88 FR 73458"),
        // Singapore: A:6 and not D:1/D:4/D:5 → no licence (rules.md §4.5).
        row("r23-h100-sg", "H100", "SG", "2024-06-01")
            .free()
            .para(A1)
            .cite("88 FR 73458"),
        // Headquarters rule: China-HQ party in Germany → licence worldwide (§744.23(a)(3)); elsewhere than D:1/D:4 → case-by-case (rules.md §2.5, §4.2 "Tencent subsidiary in Germany").
        row("hq23-h100-de-cn", "H100", "DE", "2024-02-01")
            .hq("CN")
            .lic(None, Cbc)
            .para(A1)
            .cite("88 FR 73458"),
        // China-HQ party in Malaysia (not D:1/D:4) → case-by-case before Jan 15, 2026 (rules.md §4.2).
        row("hq23-h100-my-cn", "H100", "MY", "2024-02-01")
            .hq("CN")
            .lic(None, Cbc)
            .para(A1)
            .cite("88 FR 73458"),
        // China-HQ party in Saudi Arabia (D:4) → presumption of denial (rules.md §4.2 "Alibaba subsidiary in Saudi Arabia likely denied").
        row("hq23-h100-sa-cn", "H100", "SA", "2024-02-01")
            .hq("CN")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // Macau-HQ party in Germany → licence, case-by-case (rules.md §2.5 "Macau or D:5").
        row("hq23-h100-de-mo", "H100", "DE", "2024-06-01")
            .hq("MO")
            .lic(None, Cbc)
            .para(A1)
            .cite("88 FR 73458"),
        // Hong Kong-HQ party: HK is treated as China, so the party is D:5-HQ → licence, case-by-case in Germany (rules.md §4.5, §2.5).
        row("hq23-h100-de-hk", "H100", "DE", "2024-06-01")
            .hq("HK")
            .lic(None, Cbc)
            .para(A1)
            .cite("88 FR 73458"),
        // Cyprus was in D:5 until 2024-05-30 (89 FR 40369; cg.md §2.3): a Cyprus-HQ party met the HQ test on the table's face → licence, case-by-case in Germany.
        row("hq23-h100-de-cy-before", "H100", "DE", "2024-01-01")
            .hq("CY")
            .lic(None, Cbc)
            .para(A1)
            .cite("88 FR 73458"),
        // After 2024-05-30 Cyprus is not D:5 → no HQ licence (cg.md §2.3).
        row("hq23-h100-de-cy-after", "H100", "DE", "2024-06-01")
            .hq("CY")
            .free()
            .para(A1)
            .cite("88 FR 73458"),
        // RTX 4090 to Vietnam before Apr 4, 2024: NAC without notification for D:1/D:4 outside D:5/Macau (rules.md §2.3, §4.3); approval.
        row("nac23-rtx4090-vn", "RTX 4090", "VN", "2024-01-15")
            .lic(Some("NAC"), Approval)
            .para(A1)
            .cite("88 FR 73458"),
        // ---------------- Apr 4, 2024 (89 FR 23876): NAC vs ACA ----------------
        // RTX 4090 to China: NAC with notification, 25 days (rules.md §2.7, §4.3 "RTX 4090 to China needs NAC"); denial if applied for.
        row("aca24-rtx4090-cn-nac", "RTX 4090", "CN", "2024-06-01")
            .lic(Some("NAC"), Denial)
            .para(A1)
            .cite("89 FR 23876")
            .x(X::Condition("25 calendar days")),
        // RTX 4090 to Macau: NAC (rules.md §2.7).
        row("aca24-rtx4090-mo-nac", "RTX 4090", "MO", "2024-06-01")
            .lic(Some("NAC"), Denial)
            .para(A1)
            .cite("89 FR 23876"),
        // RTX 4090 to Vietnam (D:1): ACA, no notification (rules.md §2.7); approval.
        row("aca24-rtx4090-vn-aca", "RTX 4090", "VN", "2024-04-04")
            .lic(Some("ACA"), Approval)
            .para(A1)
            .cite("89 FR 23876"),
        // RTX 4090 to Saudi Arabia (D:4): ACA (rules.md §2.7); approval.
        row("aca24-rtx4090-sa-aca", "RTX 4090", "SA", "2024-06-01")
            .lic(Some("ACA"), Approval)
            .para(A1)
            .cite("89 FR 23876"),
        // RTX 4090 for a China-HQ party in the UK: HQ rule → licence; NAC covers D:5/Macau-HQ parties (rules.md §2.7; CSET "ByteDance subsidiary in the UK, no license" = no regular licence); case-by-case.
        row("aca24-rtx4090-gb-cnhq", "RTX 4090", "GB", "2024-06-01")
            .hq("CN")
            .lic(Some("NAC"), Cbc)
            .para(A1)
            .cite("89 FR 23876"),
        // RTX 4090 for a China-HQ party in Vietnam: not ACA (D:5-HQ party) but NAC (rules.md §2.7, §4.3 "Baidu subsidiary in Vietnam"); D:1 + D:5-HQ → denial (rules.md §4.2).
        row("aca24-rtx4090-vn-cnhq", "RTX 4090", "VN", "2024-06-01")
            .hq("CN")
            .lic(Some("NAC"), Denial)
            .para(A1)
            .cite("89 FR 23876"),
        // ---------------- Country-group changes ----------------
        // Nicaragua was in B before 2024-03-15 → no licence (cg.md §2.4, 89 FR 18780).
        row("cg-h100-ni-before", "H100", "NI", "2024-03-14")
            .free()
            .para(A1)
            .cite("88 FR 73458"),
        // Nicaragua D:1 + D:5 from 2024-03-15 → licence, denial (cg.md §2.4).
        row("cg-h100-ni-after", "H100", "NI", "2024-03-15")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // RTX 4090 to Nicaragua (D:5): NAC (rules.md §2.7; cg.md §2.4).
        row("cg-rtx4090-ni-nac", "RTX 4090", "NI", "2024-06-01")
            .lic(Some("NAC"), Denial)
            .para(A1)
            .cite("89 FR 23876"),
        // Cambodia D:1 + D:5 until 2026-02-02 → denial (cg.md §2.2).
        row("cg-h100-kh-d5", "H100", "KH", "2025-06-01")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // Cambodia leaves D:5 on 2026-02-03, stays D:1 → licence, presumption of approval ("more permissive" per BIS; cg.md §2.2, §3(d)).
        row("cg-h100-kh-d1", "H100", "KH", "2026-02-03")
            .lic(None, Approval)
            .para(A1)
            .cite("88 FR 73458"),
        // RTX 4090 to Cambodia while D:5 → NAC (rules.md §2.7).
        row("cg-rtx4090-kh-nac", "RTX 4090", "KH", "2025-06-01")
            .lic(Some("NAC"), Denial)
            .para(A1)
            .cite("89 FR 23876"),
        // RTX 4090 to Cambodia after 2026-02-03 (D:1 only) → ACA (rules.md §2.7; cg.md §2.2).
        row("cg-rtx4090-kh-aca", "RTX 4090", "KH", "2026-03-01")
            .lic(Some("ACA"), Approval)
            .para(A1)
            .cite("89 FR 23876"),
        // UAE still D:4 in 2025 → approval (rules.md §4.5; cg.md §2.1).
        row("cg-h100-ae-2025", "H100", "AE", "2025-06-01")
            .lic(None, Approval)
            .para(A1)
            .cite("88 FR 73458"),
        // ---------------- Apr 9, 2025 is-informed letters (H20, MI308) ----------------
        // The day before the letter: H20 is not 3A090 → no licence (rules.md §2.4, §5.1).
        row("h20-cn-before-letter", "H20", "CN", "2025-04-08")
            .free()
            .cite("88 FR 73458"),
        // From Apr 9, 2025: licence for H20 to China (rules.md §5.1, NVIDIA 8-K); no review policy published; no 15% yet.
        row("h20-cn-letter", "H20", "CN", "2025-04-09")
            .lic(None, No)
            .cite("NVIDIA 8-K")
            .x(X::NoCharges),
        // Letter covers China "including Hong Kong" (rules.md §5.1).
        row("h20-hk-letter", "H20", "HK", "2025-05-01")
            .lic(None, No)
            .cite("NVIDIA 8-K")
            .x(X::TreatedAs("CN")),
        // ... and Macau (rules.md §5.1).
        row("h20-mo-letter", "H20", "MO", "2025-05-01")
            .lic(None, No)
            .cite("NVIDIA 8-K"),
        // ... and D:5 countries, e.g. Venezuela (rules.md §5.1).
        row("h20-ve-letter", "H20", "VE", "2025-05-01")
            .lic(None, No)
            .cite("NVIDIA 8-K"),
        // ... and companies headquartered in China wherever they are, e.g. Germany (rules.md §5.1).
        row("h20-de-cnhq-letter", "H20", "DE", "2025-05-01")
            .hq("CN")
            .lic(None, No)
            .cite("NVIDIA 8-K"),
        // Germany, ordinary party: the letter does not reach it; H20 not 3A090 (rules.md §5.1, §2.4).
        row("h20-de-letter-free", "H20", "DE", "2025-05-01")
            .free()
            .cite("88 FR 73458"),
        // Vietnam is D:1 not D:5: the letter does not reach it; H20 not 3A090 (rules.md §5.1, §4.5).
        row("h20-vn-letter-free", "H20", "VN", "2025-05-01")
            .free()
            .cite("88 FR 73458"),
        // From Aug 2025, H20 licences come with a 15% revenue share (rules.md §5.2).
        row("h20-cn-15pct", "H20", "CN", "2025-09-01")
            .lic(None, No)
            .cite("NVIDIA 8-K")
            .x(X::ChargeRate(0.15)),
        // Still in 2026: the letter is "for the indefinite future" and H20 is not 3A090, so the 2026 lane (a 3A090 review policy) does not apply (rules.md §5.1, §5.5).
        row("h20-cn-2026", "H20", "CN", "2026-03-01")
            .lic(None, No)
            .cite("NVIDIA 8-K")
            .x(X::ChargeRate(0.15)),
        // MI308X: figures unknown, but AMD's letter names the MI308 for China incl. HK/Macau → licence whatever its classification (rules.md §5.1, AMD 10-K); policy depends on the paragraph.
        row("mi308x-cn-letter", "MI308X", "CN", "2025-05-01")
            .lic(None, Any)
            .cite("AMD"),
        // MI308X to Germany, no HQ: no branch (3A090 or not) needs a licence in Germany → no licence though figures unknown (rules.md §2.5, §5.1).
        row("mi308x-de-free", "MI308X", "DE", "2025-05-01")
            .free()
            .cite("88 FR 73458"),
        // RTX 4090 D in 2025: memory bandwidth 1,008 GB/s, below even the ~1.4 TB/s reported line; non-DC < 4,800 (rules.md §2.3, §5.1) → no licence.
        row("rtx4090d-cn-2025", "RTX 4090 D", "CN", "2025-06-01")
            .free()
            .cite("88 FR 73458"),
        // ---------------- Jan 15, 2026 lane (91 FR 1684) ----------------
        // The day before: H200 (TPP 15,832) to China under presumption of denial (rules.md §4.2).
        row("lane-h200-cn-before", "H200", "CN", "2026-01-14")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // H200 from the US to China: TPP < 21,000, DRAM 4.8 TB/s < 6,500 → case-by-case with conditions and the 25% tariff (rules.md §5.5, §8.6).
        row("lane-h200-cn", "H200", "CN", "2026-01-15")
            .lic(None, Cbc)
            .para(A1)
            .cite("91 FR 1684")
            .x(X::Condition("third-party"))
            .x(X::Condition("50 percent"))
            .x(X::ChargeRate(0.25)),
        // MI325X: TPP 20,919 (< 21,000), 6,000 GB/s (< 6,500) → case-by-case (rules.md §5.5 names it).
        row("lane-mi325x-cn", "MI325X", "CN", "2026-03-01")
            .lic(None, Cbc)
            .para(A1)
            .cite("91 FR 1684")
            .x(X::ChargeRate(0.25)),
        // H100: TPP 15,832, 3,350 GB/s → "less advanced chips" are covered (rules.md §5.5 SUMMARY).
        // Issue 21 point 4: the lane covers chips commercially available in the US on Jan 15,
        // 2026; no source in the catalog says so of the H100, A800 or RTX 4090, so the policy
        // stays open between case by case and denial (review_undetermined).
        row("lane-h100-cn", "H100", "CN", "2026-03-01")
            .lic(None, No)
            .para(A1)
            .cite("91 FR 1684"),
        // A800: TPP 4,992 → case-by-case under the lane (rules.md §5.5).
        row("lane-a800-cn", "A800", "CN", "2026-03-01")
            .lic(None, No)
            .para(A1)
            .cite("91 FR 1684"),
        // H200 to Macau from the US → the lane covers China and Macau (rules.md §5.5).
        row("lane-h200-mo", "H200", "MO", "2026-03-01")
            .lic(None, Cbc)
            .para(A1)
            .cite("91 FR 1684"),
        // H200 to Hong Kong from the US: HK is China → lane applies (rules.md §4.5, §5.5).
        row("lane-h200-hk", "H200", "HK", "2026-03-01")
            .lic(None, Cbc)
            .para(A1)
            .cite("91 FR 1684")
            .x(X::TreatedAs("CN")),
        // RTX 4090 from the US to China: NAC still available; an application would be case-by-case under the lane (TPP 5,285, 1,008 GB/s) (rules.md §4.3, §5.5).
        row("lane-rtx4090-cn", "RTX 4090", "CN", "2026-03-01")
            .lic(Some("NAC"), No)
            .para(A1)
            .cite("91 FR 1684"),
        // Re-export from Singapore: presumption of denial remains (rules.md §4.2, §5.5 Covington).
        row("lane-h200-cn-from-sg", "H200", "CN", "2026-03-01")
            .from("SG")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // B200: TPP ~36,000 > 21,000 → outside the lane, denial (rules.md §5.5 "B200 ... outside the caps").
        row("lane-b200-cn", "B200", "CN", "2026-03-01")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // B300: TPP ≥ 52,400 → outside, denial (rules.md §5.5, §8.13).
        row("lane-b300-cn", "B300", "CN", "2026-03-01")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // MI355X: TPP ~40,266, 8 TB/s → outside, denial (rules.md §5.5).
        row("lane-mi355x-cn", "MI355X", "CN", "2026-03-01")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // Russia is D:5 but the lane is China/Macau only (rules.md §5.5); the Part 746 sanctions'
        // policy of denial governs (15 CFR 746.8(b); addendum §2).
        row("lane-h200-ru", "H200", "RU", "2026-03-01")
            .lic(None, PolicyDenial)
            .para(A1)
            .cite("88 FR 73458"),
        // China-HQ party in Malaysia: presumption of denial remains for D:5-HQ entities outside D:5/Macau (rules.md §4.2 (ii), §5.5).
        row("lane-h200-my-cnhq", "H200", "MY", "2026-03-01")
            .hq("CN")
            .lic(None, Denial)
            .para(A1)
            .cite("91 FR 1684"),
        // China-HQ party in Germany: same (rules.md §4.2 (ii)).
        row("lane-h100-de-cnhq", "H100", "DE", "2026-03-01")
            .hq("CN")
            .lic(None, Denial)
            .para(A1)
            .cite("91 FR 1684"),
        // A China-HQ party located in China: the lane's denial carve-out is for D:5-HQ parties OUTSIDE D:5/Macau (rules.md §4.2 (ii)) → case-by-case.
        row("lane-h200-cn-cnhq", "H200", "CN", "2026-03-01")
            .hq("CN")
            .lic(None, Cbc)
            .para(A1)
            .cite("91 FR 1684"),
        // A Macau-HQ party in Singapore: D:5/Macau-HQ outside D:5/Macau → presumption of denial remains (rules.md §4.2 (ii), §5.5).
        row("lane-h200-sg-mohq", "H200", "SG", "2026-03-01")
            .hq("MO")
            .lic(None, Denial)
            .para(A1)
            .cite("91 FR 1684"),
        // ---------------- Entity List and other lists ----------------
        // Huawei (EL since May 2019, presumption of denial, rules.md §6): licence for all items subject to the EAR, even RTX 4090 D (not 3A090).
        row("el-huawei-rtx4090d", "RTX 4090 D", "CN", "2024-06-01")
            .eu(HUAWEI)
            .lic(None, Denial)
            .cite("744.11"),
        // Moore Threads (EL Oct 17, 2023, rules.md §6): H20 (not 3A090) still needs a licence; denial.
        row("el-moore-h20", "H20", "CN", "2024-06-01")
            .eu(MOORE)
            .lic(None, Denial)
            .cite("744.11"),
        // Moore Threads buying its own MTT S4000: whatever the unknown PD, the EL requires a licence, no exceptions, denial (rules.md §6).
        row("el-moore-s4000", "MTT S4000", "CN", "2024-06-01")
            .eu(MOORE)
            .lic(None, Denial)
            .cite("744.11"),
        // Biren (EL Oct 2023) in Germany: the EL applies wherever the party is; denial (rules.md §6).
        row("el-biren-h100-de", "H100", "DE", "2024-06-01")
            .eu(BIREN)
            .lic(None, Denial)
            .para(A1)
            .cite("744.11"),
        // Huawei with an NAC-eligible RTX 4090: EL entries allow no licence exceptions (rules.md §6) → no NAC; denial.
        row("el-huawei-rtx4090-no-nac", "RTX 4090", "CN", "2024-06-01")
            .eu(HUAWEI)
            .lic(None, Denial)
            .para(A1)
            .cite("744.11"),
        // Huawei and the 2026 lane: the entry's presumption of denial is stricter than case-by-case (rules.md §4.2 "Entity List parties: per-entry policy").
        row("el-huawei-h200-lane", "H200", "CN", "2026-03-01")
            .eu(HUAWEI)
            .lic(None, Denial)
            .para(A1)
            .cite("744.11"),
        // Huawei and H20 in 2025: letter + EL → licence, denial (rules.md §5.1, §6).
        row("el-huawei-h20-2025", "H20", "CN", "2025-09-01")
            .eu(HUAWEI)
            .lic(None, Denial)
            .cite("744.11"),
        // Denied Persons List (issue 3 §3: "Denied Persons: prohibited"): no licence or exception can authorise it.
        row("dpl-skywind-h100-hk", "H100", "HK", "2025-01-01")
            .eu(DPL_PARTY)
            .lic(None, Any)
            .para(A1)
            .cite("764")
            .x(X::Prohibited),
        // Unverified List (issue 3 §3: "Unverified: no exceptions"): RTX 4090 to China loses NAC; D:5 → denial.
        row("uvl-rtx4090-cn", "RTX 4090", "CN", "2024-06-01")
            .eu(UVL_PARTY)
            .lic(None, Denial)
            .para(A1)
            .cite("744.15"),
        // ---------------- Undetermined classification ----------------
        // MTT S4000: TPP 1,600, PD unknown → a.2 (PD ≥ 5.92, licence, no exception), b.2 (PD 3.2–5.92, licence, NAC) or none (no licence) → cannot tell (rules.md §2.1).
        row("undet-s4000-cn", "MTT S4000", "CN", "2024-06-01")
            .unknown()
            .cite("88 FR 73458")
            .x(X::Possible(2)),
        // MetaX C500: TPP 4,480, PD unknown → a.2, b.1, b.2 or none (PD < 1.6) → cannot tell (rules.md §2.1).
        row("undet-c500-cn", "MetaX C500", "CN", "2024-06-01")
            .unknown()
            .cite("88 FR 73458")
            .x(X::Possible(2)),
        // MTT S4000 to Germany, no HQ: no branch needs a licence in Germany → no licence (rules.md §2.5).
        row("undet-s4000-de-free", "MTT S4000", "DE", "2024-06-01")
            .free()
            .cite("88 FR 73458"),
        // B200: PD unknown but TPP ~36,000 ≥ 4,800 → 3A090.a.1 regardless; China → denial (rules.md §2.1, §2.4).
        row("undet-b200-cn", "B200", "CN", "2024-12-01")
            .lic(None, Denial)
            .para(A1)
            .cite("88 FR 73458"),
        // B200 to Germany (ordinary party): a.1 but Germany is outside D:1/D:4/D:5 → no licence (rules.md §2.5).
        row("undet-b200-de", "B200", "DE", "2025-06-01")
            .free()
            .para(A1)
            .cite("88 FR 73458"),
    ]
}

/// Rows where earl disagrees with rules.md, kept in the table with the evidence. Printed on every
/// run; they do not fail the test. See the lead's report.
// The four rows that disagreed when the table was written (the A100 under the Aug 2022 letter
// twice, the MI308X requirement, Moore Threads before its listing) were fixed in earl: a chip id,
// the licence requirement of undetermined classifications, and Entity List listing dates.
const KNOWN_DISAGREEMENTS: &[(&str, &str)] = &[];

fn run(r: &Row) -> Result<CheckAnswer, String> {
    let req = CheckRequest {
        item: Item::Catalog(r.chip.to_string()),
        to: r.to.to_string(),
        from: r.from.map(str::to_string),
        end_user: r.eu.map(str::to_string),
        end_user_hq: r.hq.map(str::to_string),
        date: parse_date(r.date).map_err(|e| e.to_string())?,
        scenario: None,
        quantity: None,
        ownership: None,
        made: Default::default(),
    };
    ENGINE.check(&req).map_err(|e| e.to_string())
}

/// Every mismatch between a row and earl's answer.
fn mismatches(r: &Row, a: &CheckAnswer) -> Vec<String> {
    let d = &a.determination;
    let mut out = Vec::new();
    if d.license_required != r.lic {
        out.push(format!(
            "license_required: expected {:?}, got {:?}",
            r.lic, d.license_required
        ));
    }
    if d.license_exception.as_deref() != r.exc {
        out.push(format!(
            "license_exception: expected {:?}, got {:?}",
            r.exc, d.license_exception
        ));
    }
    let rp = d.review_policy.map(|p| p.as_str());
    if !r.rp.matches(rp) {
        out.push(format!("review_policy: expected {:?}, got {:?}", r.rp, rp));
    }
    if r.para != Some("*") && d.paragraph.as_deref() != r.para {
        out.push(format!(
            "paragraph: expected {:?}, got {:?}",
            r.para, d.paragraph
        ));
    }
    let cited = |c: &str| d.because.iter().any(|s| s.cite.contains(c));
    if !r.cite.is_empty() && !cited(r.cite) {
        out.push(format!("no `because` step cites {:?}", r.cite));
    }
    for x in &r.extra {
        match *x {
            X::TreatedAs(c) => {
                if d.treated_as.as_deref() != Some(c) {
                    out.push(format!(
                        "treated_as: expected {c:?}, got {:?}",
                        d.treated_as
                    ));
                }
            }
            X::Condition(s) => {
                let s = s.to_lowercase();
                if !d.conditions.iter().any(|c| match &c.reason {
                    earl_core::step::Reason::Condition { rule } => rule.to_lowercase().contains(&s),
                    _ => false,
                }) {
                    out.push(format!("no condition mentions {s:?}"));
                }
            }
            X::ChargeRate(rate) => {
                if !d.charges.iter().any(|c| (c.rate - rate).abs() < 1e-9) {
                    out.push(format!(
                        "no charge at rate {rate} (charges: {:?})",
                        d.charges.iter().map(|c| c.rate).collect::<Vec<_>>()
                    ));
                }
            }
            X::NoCharges => {
                if !d.charges.is_empty() {
                    out.push(format!(
                        "expected no charges, got {:?}",
                        d.charges.iter().map(|c| &c.kind).collect::<Vec<_>>()
                    ));
                }
            }
            X::Cite(c) => {
                if !cited(c) {
                    out.push(format!("no `because` step cites {c:?}"));
                }
            }
            X::Possible(n) => {
                if d.possible_outcomes.len() < n {
                    out.push(format!(
                        "expected at least {n} possible outcomes, got {}",
                        d.possible_outcomes.len()
                    ));
                }
            }
            X::Prohibited => {
                if d.prohibited != Some(true) {
                    out.push("expected prohibited = true".to_string());
                }
            }
        }
    }
    if r.eu.is_some()
        && r.id.starts_with("el-")
        && r.lic == Some(true)
        && d.end_user_matches.is_empty()
    {
        out.push(format!("end user {:?} matched no list entry", r.eu));
    }
    out
}

fn summary(a: &CheckAnswer) -> String {
    let d = &a.determination;
    format!(
        "got: license_required={:?} exception={:?} review={:?} paragraph={:?} treated_as={:?} matches={:?}\n      because cites: {:?}",
        d.license_required,
        d.license_exception,
        d.review_policy.map(|p| p.as_str()),
        d.paragraph,
        d.treated_as,
        d.end_user_matches
            .iter()
            .map(|m| format!("{}:{}", m.list, m.name))
            .collect::<Vec<_>>(),
        d.because
            .iter()
            .map(|s| s.cite.as_str())
            .collect::<Vec<_>>(),
    )
}

#[test]
fn table_has_at_least_70_distinct_rows() {
    let rows = rows();
    assert!(rows.len() >= 70, "only {} rows", rows.len());
    let mut ids: Vec<&str> = rows.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "row ids must be unique");
    for (id, _) in KNOWN_DISAGREEMENTS {
        assert!(
            rows.iter().any(|r| r.id == *id),
            "KNOWN_DISAGREEMENTS names unknown row {id}"
        );
    }
}

#[test]
fn determinations_match_rules_md() {
    let mut failures = Vec::new();
    let mut known = Vec::new();
    let mut resolved = Vec::new();
    let rows = rows();
    for r in &rows {
        let disagreement = KNOWN_DISAGREEMENTS.iter().find(|(id, _)| *id == r.id);
        let problems = match run(r) {
            Ok(a) => {
                let m = mismatches(r, &a);
                if m.is_empty() {
                    None
                } else {
                    Some(format!("{}\n      {}", m.join("; "), summary(&a)))
                }
            }
            Err(e) => Some(format!("error: {e}")),
        };
        let head = format!(
            "{} ({} to {} from {} hq {:?} eu {:?} on {})",
            r.id,
            r.chip,
            r.to,
            r.from.unwrap_or("US"),
            r.hq,
            r.eu,
            r.date
        );
        match (problems, disagreement) {
            (Some(p), None) => failures.push(format!("{head}: {p}")),
            (Some(p), Some((_, why))) => known.push(format!("{head}: {p}\n      evidence: {why}")),
            (None, Some(_)) => resolved.push(head),
            (None, None) => {}
        }
    }
    println!(
        "{} determinations checked; {} known disagreements with rules.md:",
        rows.len(),
        known.len()
    );
    for k in &known {
        println!("  KNOWN DISAGREEMENT {k}");
    }
    assert!(
        resolved.is_empty(),
        "these rows now agree with rules.md; remove them from KNOWN_DISAGREEMENTS:\n  {}",
        resolved.join("\n  ")
    );
    assert!(
        failures.is_empty(),
        "{} of {} determinations disagree:\n  {}",
        failures.len(),
        rows.len(),
        failures.join("\n  ")
    );
}
