//! Restricted-party screening against the US Consolidated Screening List (CSL).
//!
//! ```
//! use earl_screen::{Query, Screener, ScreeningLists};
//!
//! let lists = ScreeningLists::bundled(); // the 2026-07-31 CSL, compiled in
//! let screener = Screener::new(&lists);
//! let result = screener.screen(&Query::new("华为技术有限公司"));
//! let best = &result.matches[0];
//! assert!(best.name.to_lowercase().contains("huawei"));
//! println!("{} {} {:.2}", best.list, best.matched_name, best.score);
//! ```
//!
//! - [`lists`]: loading trade.gov's CSV/JSON files, provenance, staleness and count-drop checks.
//! - [`identity`]: each entry's stable id and content hash (what hit review keys on).
//! - [`policy`]: list codes, Entity List policies and footnotes (a list's legal effect is in
//!   the rules, attached by `earl-engine`).
//! - [`normalize`]: how any-script names become comparable tokens.
//! - [`Screener`]: the index; [`Screener::screen`], [`Screener::screen_all`], [`Screener::compare`].
//!
//! Scores are in [0, 1]; matches at or above [`DEFAULT_THRESHOLD`] are reported. Every match
//! carries an [`Explain`]: the alias compared, the token pairs and their similarities, the words
//! weighed low as legal forms or generic terms, and the transliterations applied.

pub mod delta;
pub mod diff;
mod distance;
pub mod error;
pub mod identity;
mod lexicon;
// Shared with build.rs, which runs its builders; the library reads only the symbol layout.
#[allow(dead_code)]
mod lexicon_build;
pub mod lists;
pub mod normalize;
mod parts;
pub mod policy;
mod romanisation;
mod screener;
mod similarity;
mod stored;

pub use error::ListError;
pub use lists::{
    CountDrop, DEFAULT_MAX_AGE_DAYS, DateBasis, ESSENTIAL_LISTS, Entry, ListCounts, ListWarning,
    MAX_COUNT_DROP, Provenance, ScreeningLists, Staleness, count_drop_warnings, count_drops,
    essential_list_name, staleness, staleness_warning,
};
pub use parts::{PartTag, TokenStats};
pub use policy::{LicensePolicy, ListCode};
pub use screener::{
    DEFAULT_THRESHOLD, Explain, ExplainedToken, IndexError, Match, MatchedRow, PairScore, Query,
    ScreenResult, Screener, compare, reference_stats,
};
pub use similarity::{MatchMethod, TokenPair};
