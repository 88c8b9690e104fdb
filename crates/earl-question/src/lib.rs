//! Each question earl answers, as one type.
//!
//! A question is declared once, here, and every face of earl is derived from that declaration:
//! the CLI's arguments (`clap::Args`, flattened into each subcommand beside its output options),
//! the JSON that MCP tools, Python calls and the API's bodies take (`serde`, unknown fields
//! refused), their schemas (`schemars` for MCP, `utoipa` for the OpenAPI document), the rows of a
//! batch, and the `inputs` of the question's audit record ([`Recorded`]), which `earl audit
//! recheck` reads back as the same type. Adding a field here adds it to every front end; a test
//! in `earl-cli` holds each face to this declaration.
//!
//! The types hold what was asked, as it was written: a name is not resolved, a date not
//! parsed. Turning a question into the engine's request — and refusing one that cannot be
//! asked — is done once, in `earl-engine` (`questions`).
//!
//! The figures of a chip not in the catalog appear in both [`ClassifyQuestion`] and
//! [`CheckQuestion`] rather than in one flattened struct: serde cannot refuse unknown fields
//! through `flatten`, and the API's schema would become an `allOf`. [`Figures`] is the one
//! view of them both give.

mod holding;
mod tops;

pub use holding::Holding;
pub use tops::Tops;

use clap::Args;
use earl_core::chip::ChipKind;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of the questions' JSON that audit records carry ([`Recorded::version`]).
/// Records written before the questions were typed have no version and are read by
/// `earl-engine`'s migration of old inputs.
pub const VERSION: u32 = 1;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A field JSON must give, though the CLI may leave it out (its `--batch` form asks for no
/// destination or name of its own): with `deserialize_with`, serde no longer takes an absent
/// `Option` for `None`.
fn required<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    String::deserialize(d).map(Some)
}

/// Parses `yes`/`no` (or `true`/`false`), as the CLI's flags and a batch file's cells take
/// them; a fact not known is left out.
pub fn parse_yes_no(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" => Ok(true),
        "no" | "false" => Ok(false),
        _ => Err(format!(
            "`{s}` is not yes or no (leave it out when the fact is not known)"
        )),
    }
}

/// Parses `accelerator` or `hbm`.
fn parse_kind(s: &str) -> Result<ChipKind, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "accelerator" => Ok(ChipKind::Accelerator),
        "hbm" => Ok(ChipKind::Hbm),
        _ => Err(format!("`{s}` is not a kind: accelerator or hbm")),
    }
}

/// Classify a chip or system under ECCN 3A090/4A090 on a date (`earl classify`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClassifyQuestion {
    /// Catalog chip or system name, e.g. "H200" (case, spaces, hyphens and vendor prefixes
    /// don't matter; a system's name is looked up first, so "HGX B200" is the board).
    #[arg(required_unless_present_any = ["tpp", "throughput", "kind", "system", "contains"])]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "H200"))]
    pub chip: Option<String>,
    /// A catalog system (see `earl systems`), classified under ECCN 4A090.
    #[arg(long, conflicts_with_all = ["chip", "tpp", "throughput", "kind", "contains"])]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// A system not in the catalog: a catalog chip it contains and how many, e.g. H200=8;
    /// repeatable.
    #[arg(long, value_name = "CHIP=COUNT", conflicts_with_all = ["chip", "tpp", "throughput", "kind"])]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contains: Vec<String>,
    /// Date of the question, YYYY-MM-DD (default: today, UTC).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "2026-03-01"))]
    pub date: Option<String>,
    /// A scenario id (see `earl scenarios`) or, on the CLI, a scenario file.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// A chip not in the catalog: its TPP.
    #[arg(long, conflicts_with = "chip", allow_negative_numbers = true)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tpp: Option<f64>,
    /// A chip not in the catalog: dense TOPS at a precision, e.g. fp8=1979; repeatable
    /// (in JSON, `{"fp8": 1979}`).
    #[arg(long, value_name = "PRECISION=TOPS", conflicts_with_all = ["chip", "tpp"])]
    #[serde(default, with = "tops", skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "std::collections::BTreeMap<String, f64>")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<std::collections::BTreeMap<String, f64>>))]
    pub throughput: Vec<Tops>,
    /// Applicable die area in mm² (all non-planar logic dies).
    #[arg(long = "die-area", allow_negative_numbers = true, value_name = "MM2")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub die_area: Option<f64>,
    /// Performance density, when it is known but the die area is not.
    #[arg(long, allow_negative_numbers = true, conflicts_with = "die_area")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pd: Option<f64>,
    /// Whether the chip is designed or marketed for use in datacenters.
    #[arg(long, value_name = "true|false")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<bool>,
    /// Total DRAM bandwidth in GB/s (of an HBM stack, with kind hbm).
    #[arg(
        long = "memory-bandwidth",
        allow_negative_numbers = true,
        value_name = "GBPS"
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory_bandwidth: Option<f64>,
    /// Chip-to-chip (interconnect) bandwidth in GB/s, for the Oct 2022 rule.
    #[arg(
        long = "chip-to-chip",
        allow_negative_numbers = true,
        value_name = "GBPS"
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chip_to_chip: Option<f64>,
    /// An HBM stack's package area in mm².
    #[arg(
        long = "package-area",
        allow_negative_numbers = true,
        value_name = "MM2"
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package_area: Option<f64>,
    /// `accelerator` (default) or `hbm`: an HBM stack (3A090.c), judged by memory bandwidth
    /// and package area.
    #[arg(long, value_parser = parse_kind, value_name = "accelerator|hbm", conflicts_with = "chip")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<KindName>")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "accelerator"))]
    pub kind: Option<ChipKind>,
}

/// Does a shipment need a licence, and on what terms (`earl check`)?
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckQuestion {
    /// Catalog chip or system name (a system's name is looked up first: "HGX B200" is the
    /// board; the licence rules name 3A090 and 4A090 together).
    #[arg(required_unless_present_any = ["batch", "system", "contains", "tpp", "throughput", "kind"])]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "H200"))]
    pub chip: Option<String>,
    /// A catalog system (board, server, rack; see `earl systems`).
    #[arg(long, conflicts_with_all = ["chip", "batch", "contains", "tpp", "throughput", "kind"])]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// A system not in the catalog: a catalog chip it contains and how many, e.g. H200=8;
    /// repeatable. The quantity then counts systems.
    #[arg(long, value_name = "CHIP=COUNT", conflicts_with_all = ["chip", "batch", "tpp", "throughput", "kind"])]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contains: Vec<String>,
    /// Destination country (ISO code or name; Hong Kong is treated as China).
    #[arg(long, required_unless_present = "batch")]
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "required")]
    #[schemars(required)]
    #[cfg_attr(feature = "openapi", schema(required = true, example = "CN"))]
    pub to: Option<String>,
    /// Country the item is exported from (default US); a re-export can differ.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// End user's name, screened against the restricted-party lists.
    #[arg(long = "end-user")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "Huawei Technologies"))]
    pub end_user: Option<String>,
    /// Country where the end user (or its ultimate parent) is headquartered.
    #[arg(long = "end-user-hq")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_user_hq: Option<String>,
    /// Date of the question, YYYY-MM-DD (default: today, UTC).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "2026-03-01"))]
    pub date: Option<String>,
    /// A scenario id (see `earl scenarios`) or, on the CLI, a scenario file.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// Number of units (systems, for a system), for charges, volume conditions and
    /// quantity-based exceptions.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u64>,
    /// Who owns the end user (and its owners), for the Affiliates rule: each owner, the party
    /// it owns (default: the end user) and the share it holds. On the CLI `--owner NAME=PERCENT`,
    /// repeatable; in JSON `[{"owner": …, "owned": …, "percent": …}]` or `["NAME=PERCENT"]`.
    /// Absent: the answer says ownership was not checked.
    #[arg(long = "owner", value_name = "NAME=PERCENT", requires = "end_user")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Vec<Holding>>,
    /// Country where the item was produced (a foreign-made item is subject to the EAR only
    /// through US content, the foreign direct product rules or where it is; default: the
    /// catalog's fact, else unknown).
    #[arg(long = "made-in", value_name = "CC")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub made_in: Option<String>,
    /// Controlled US-origin content, percent of the item's value (0 to 100), for de minimis
    /// (15 CFR 734.4); default unknown.
    #[arg(
        long = "us-content",
        value_name = "PERCENT",
        allow_negative_numbers = true
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub us_content: Option<f64>,
    /// Whether the item is a direct product of the US-origin technology or software 15 CFR
    /// 734.9 names, or of a plant or major component that is (yes or no; default: the
    /// catalog's fact, else unknown).
    #[arg(long = "us-tech", value_parser = parse_yes_no, value_name = "yes|no")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub us_tech: Option<bool>,
    /// Whether the chip was commercially available in the United States (the scope of the
    /// January 2026 case-by-case lane; yes or no; default: the catalog's fact, else unknown).
    #[arg(long = "us-available", value_parser = parse_yes_no, value_name = "yes|no")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub us_available: Option<bool>,
    /// A chip not in the catalog: its TPP.
    #[arg(long, conflicts_with_all = ["chip", "batch"], allow_negative_numbers = true)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tpp: Option<f64>,
    /// A chip not in the catalog: dense TOPS at a precision, e.g. fp8=1979; repeatable
    /// (in JSON, `{"fp8": 1979}`).
    #[arg(long, value_name = "PRECISION=TOPS", conflicts_with_all = ["chip", "tpp", "batch"])]
    #[serde(default, with = "tops", skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "std::collections::BTreeMap<String, f64>")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<std::collections::BTreeMap<String, f64>>))]
    pub throughput: Vec<Tops>,
    /// Applicable die area in mm².
    #[arg(long = "die-area", allow_negative_numbers = true, value_name = "MM2")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub die_area: Option<f64>,
    /// Performance density, when it is known but the die area is not.
    #[arg(long, allow_negative_numbers = true, conflicts_with = "die_area")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pd: Option<f64>,
    /// Whether the chip is designed or marketed for use in datacenters.
    #[arg(long, value_name = "true|false")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<bool>,
    /// Total DRAM bandwidth in GB/s.
    #[arg(
        long = "memory-bandwidth",
        allow_negative_numbers = true,
        value_name = "GBPS"
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory_bandwidth: Option<f64>,
    /// Chip-to-chip bandwidth in GB/s.
    #[arg(
        long = "chip-to-chip",
        allow_negative_numbers = true,
        value_name = "GBPS"
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chip_to_chip: Option<f64>,
    /// An HBM stack's package area in mm².
    #[arg(
        long = "package-area",
        allow_negative_numbers = true,
        value_name = "MM2"
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package_area: Option<f64>,
    /// `accelerator` (default) or `hbm`.
    #[arg(long, value_parser = parse_kind, value_name = "accelerator|hbm", conflicts_with_all = ["chip", "batch"])]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<KindName>")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "accelerator"))]
    pub kind: Option<ChipKind>,
}

/// Screen a party's name against the US restricted-party lists (`earl screen`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScreenQuestion {
    /// The party's name, in any script.
    #[arg(required_unless_present = "batch")]
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "required")]
    #[schemars(required)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub name: Option<String>,
    /// Keep only entries with an address in this country (ISO code, name or alias; entries
    /// with no address country are kept).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Screen only these lists, e.g. EL,MEU,SDN (trade.gov's `sources` codes).
    #[arg(long = "sources", value_delimiter = ',', value_name = "CODES")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Minimum score of a match, in [0, 1].
    #[arg(long, allow_negative_numbers = true)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// Also return the best entries below the threshold.
    #[arg(long)]
    #[serde(default, skip_serializing_if = "is_false")]
    pub all: bool,
    /// Date for each list's effect and for listing dates, YYYY-MM-DD (default: today, UTC).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// Compare two names the way screening does (`earl match`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MatchQuestion {
    /// The first name, in any script.
    #[arg(required_unless_present = "batch", value_name = "A")]
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "required")]
    #[schemars(required)]
    #[cfg_attr(
        feature = "openapi",
        schema(required = true, example = "Huawei Technologies Co., Ltd.")
    )]
    pub a: Option<String>,
    /// The second name, in any script.
    #[arg(required_unless_present = "batch", value_name = "B")]
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "required")]
    #[schemars(required)]
    #[cfg_attr(
        feature = "openapi",
        schema(required = true, example = "华为技术有限公司")
    )]
    pub b: Option<String>,
    /// Score at or above which the names count as a match, in [0, 1].
    #[arg(long, allow_negative_numbers = true)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
}

/// What changes between two versions of the rules, chip by chip and country by country
/// (`earl diff`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DiffQuestion {
    /// The rules to compare from: a date (YYYY-MM-DD), a rule version id (an amendment id of
    /// data/rules.toml), a scenario id, or (on the CLI) a scenario file.
    #[arg(value_name = "A")]
    pub from: String,
    /// The rules to compare to, in the same forms as A.
    #[arg(value_name = "B")]
    pub to: String,
    /// Destinations (ISO codes or names; repeatable). Default: CN, HK, MO, RU, IR, SA, AE, IN,
    /// VN, MY, SG, IL, DE, GB, JP, US.
    #[arg(long = "to", value_name = "CC")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub destinations: Vec<String>,
    /// Chips (repeatable). Default: every catalog chip.
    #[arg(long)]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chips: Vec<String>,
    /// The date a scenario is laid over (default: today).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// How one chip's determination for one destination changed over time (`earl timeline`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct TimelineQuestion {
    /// Catalog chip name.
    pub chip: String,
    /// Destination (ISO code or name).
    #[arg(long)]
    pub to: String,
    /// Last date considered, YYYY-MM-DD (default: today).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// A scenario (id or, on the CLI, file) laid over every date.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
}

/// What a set of shipments comes to under the rules of a date: licences, fees, compute
/// (`earl impact`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ImpactQuestion {
    /// Units shipped, each CHIP=N, e.g. H200=400000 (repeatable).
    #[arg(long, value_name = "CHIP=N", num_args = 1.., required = true)]
    pub units: Vec<String>,
    /// Price per unit in US dollars, each CHIP=USD, for fees and tariffs (repeatable).
    #[arg(long = "price", value_name = "CHIP=USD", num_args = 1..)]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prices: Vec<String>,
    /// Destination (default CN).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Date of the rules, YYYY-MM-DD (default: today).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// A scenario (id or, on the CLI, file) laid over the rules of the date.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
}

/// The scenarios earl knows, and one more from a file (`earl scenarios`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScenariosQuestion {
    /// Also validate and list this scenario file.
    #[arg(long, value_name = "FILE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
}

/// The parties the ownership graph shows owned at or above an ownership rule's threshold by
/// listed parties (`earl owners affiliates`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AffiliatesQuestion {
    /// The date the listings and the rules are judged on, YYYY-MM-DD (default: today, UTC).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// Record a licence BIS granted (`earl licence add`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LicenceQuestion {
    /// The licence number.
    #[arg(long)]
    pub number: String,
    /// The catalog chip the licence is for.
    #[arg(long, required_unless_present = "system", conflicts_with = "system")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chip: Option<String>,
    /// The catalog system the licence is for.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// Destination country.
    #[arg(long)]
    pub to: String,
    /// End user named on the licence.
    #[arg(long = "end-user")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_user: Option<String>,
    /// Units authorised (1 to 10^9).
    #[arg(long, allow_negative_numbers = true)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u64>,
    /// Value authorised, US dollars (0 to 10^13).
    #[arg(long, allow_negative_numbers = true)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Last day the licence is valid, YYYY-MM-DD.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// The licence's conditions, as text.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<String>,
    /// Day the licence was issued, YYYY-MM-DD (default: today).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<String>,
}

/// What a reviewer decided about a list match.
#[derive(
    clap::ValueEnum, Serialize, Deserialize, JsonSchema, Debug, Clone, Copy, Default, PartialEq, Eq,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// The party is not the listed entry: the match is set aside while the entry stays as
    /// reviewed and the disposition unexpired.
    #[default]
    FalsePositive,
    /// The party is the listed entry: the match stays, with the reviewer's note.
    TrueMatch,
    /// Not decided: the match stays open, with the reviewer's note.
    Escalated,
}

/// Record what a reviewer decided about one list match (`earl review add`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewQuestion {
    /// The party name screened, as it was asked.
    #[arg(long)]
    pub party: String,
    /// The list entry matched: `LIST:ENTITY_NUMBER`, the `entry_id` a match carries.
    #[arg(long)]
    pub entry: String,
    /// What the reviewer decided.
    #[arg(long, value_enum)]
    pub decision: Decision,
    /// Who decided.
    #[arg(long)]
    pub reviewer: String,
    /// Why.
    #[arg(long)]
    pub reason: String,
    /// The party's country (ISO code or name): the disposition then covers only questions
    /// that name this country for the party.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Last day the disposition holds, YYYY-MM-DD (after today).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// A file the decision rests on; its SHA-256 is recorded.
    #[arg(long, value_name = "FILE")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// Withdraw a disposition (`earl review revoke`): its match is raised again.
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RevokeQuestion {
    /// The disposition's id (the sequence number of its record).
    pub disposition: u64,
    /// Who withdraws it.
    #[arg(long)]
    pub reviewer: String,
    /// Why.
    #[arg(long)]
    pub reason: String,
}

/// Record a shipment, under a licence or to US end users (`earl ship`).
#[derive(Args, Serialize, Deserialize, JsonSchema, Debug, Clone, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ShipQuestion {
    /// Draw the shipment down from this licence.
    #[arg(long, required_unless_present_any = ["us", "batch"], conflicts_with_all = ["us", "batch"])]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// A shipment to end users in the United States (what the Jan 2026 lane's 50% cap is
    /// measured against).
    #[arg(long, conflicts_with = "batch")]
    #[serde(default, skip_serializing_if = "is_false")]
    pub us: bool,
    /// The catalog chip shipped (required with --us; checked against the licence otherwise).
    #[arg(long, conflicts_with = "system")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chip: Option<String>,
    /// The catalog system shipped.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// Destination, checked against the licence when given.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// End user, checked against the licence when given.
    #[arg(long = "end-user")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_user: Option<String>,
    /// Units shipped (1 to 10^9).
    #[arg(long, required_unless_present = "batch", allow_negative_numbers = true)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u64>,
    /// Value shipped, US dollars (0 to 10^13).
    #[arg(long, allow_negative_numbers = true)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Shipment date, YYYY-MM-DD.
    #[arg(long, required_unless_present = "batch")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// `accelerator` or `hbm`, as the schemas name a [`ChipKind`].
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // only its schema is used
enum KindName {
    Accelerator,
    Hbm,
}

/// The figures of a chip not in the catalog, as both [`ClassifyQuestion`] and
/// [`CheckQuestion`] carry them, with the item's name fields.
#[derive(Debug, Clone, Copy)]
pub struct Figures<'q> {
    pub chip: Option<&'q str>,
    pub system: Option<&'q str>,
    pub contains: &'q [String],
    pub tpp: Option<f64>,
    pub throughput: &'q [Tops],
    pub die_area: Option<f64>,
    pub pd: Option<f64>,
    pub datacenter: Option<bool>,
    pub memory_bandwidth: Option<f64>,
    pub chip_to_chip: Option<f64>,
    pub package_area: Option<f64>,
    pub kind: Option<ChipKind>,
}

impl<'q> Figures<'q> {
    /// Whether any figure of a chip not in the catalog is given.
    pub fn any_figure(&self) -> bool {
        self.tpp.is_some()
            || !self.throughput.is_empty()
            || self.die_area.is_some()
            || self.pd.is_some()
            || self.datacenter.is_some()
            || self.memory_bandwidth.is_some()
            || self.chip_to_chip.is_some()
            || self.package_area.is_some()
            || self.kind.is_some()
    }
}

macro_rules! figures {
    ($q:ty) => {
        impl $q {
            /// The item asked about: a name, a system, its contents or its figures.
            pub fn figures(&self) -> Figures<'_> {
                Figures {
                    chip: self.chip.as_deref(),
                    system: self.system.as_deref(),
                    contains: &self.contains,
                    tpp: self.tpp,
                    throughput: &self.throughput,
                    die_area: self.die_area,
                    pd: self.pd,
                    datacenter: self.datacenter,
                    memory_bandwidth: self.memory_bandwidth,
                    chip_to_chip: self.chip_to_chip,
                    package_area: self.package_area,
                    kind: self.kind,
                }
            }
        }
    };
}
figures!(ClassifyQuestion);
figures!(CheckQuestion);

/// One question as an audit record's `inputs`: which question, the version of its JSON, and
/// the question itself; `row` is a batch row's number in its file. `earl audit recheck`
/// deserialises it back into the question.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Recorded<Q> {
    pub question: String,
    pub version: u32,
    pub input: Q,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// A batch's `--ownership` file, whose holdings the record does not carry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership_file: Option<String>,
}

/// A question with its name, for [`Recorded`].
pub trait Named {
    const NAME: &'static str;
}

macro_rules! named {
    ($($q:ty => $name:literal),* $(,)?) => {
        $(impl Named for $q { const NAME: &'static str = $name; })*
    };
}
named!(
    ClassifyQuestion => "classify",
    CheckQuestion => "check",
    ScreenQuestion => "screen",
    MatchQuestion => "match",
    DiffQuestion => "diff",
    TimelineQuestion => "timeline",
    ImpactQuestion => "impact",
    ScenariosQuestion => "scenarios",
    LicenceQuestion => "licence",
    ShipQuestion => "ship",
    ReviewQuestion => "review",
    RevokeQuestion => "revoke",
);

impl<Q: Named> Recorded<Q> {
    /// The record's inputs for `input`, asked alone.
    pub fn new(input: Q) -> Recorded<Q> {
        Recorded {
            question: Q::NAME.to_string(),
            version: VERSION,
            input,
            row: None,
            ownership_file: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_round_trips_and_absent_fields_stay_absent() {
        let q: CheckQuestion = serde_json::from_value(serde_json::json!({
            "chip": "H200", "to": "CN", "end_user": "Acme",
            "ownership": ["Huawei Investment & Holding=60", {"owner": "B", "owned": "C", "percent": 25}],
            "throughput": {"fp8": 1979.0}
        }))
        .unwrap();
        assert_eq!(q.ownership.as_ref().unwrap()[0].percent, 60.0);
        let back = serde_json::to_value(&q).unwrap();
        assert_eq!(
            back,
            serde_json::json!({
                "chip": "H200", "to": "CN", "end_user": "Acme",
                "ownership": [{"owner": "Huawei Investment & Holding", "percent": 60.0},
                              {"owner": "B", "owned": "C", "percent": 25.0}],
                "throughput": {"fp8": 1979.0}
            })
        );
        assert_eq!(serde_json::from_value::<CheckQuestion>(back).unwrap(), q);
    }

    #[test]
    fn an_unknown_field_is_refused() {
        let e = serde_json::from_value::<CheckQuestion>(
            serde_json::json!({"to": "CN", "destination": "CN"}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("unknown field `destination`"), "{e}");
    }
}
