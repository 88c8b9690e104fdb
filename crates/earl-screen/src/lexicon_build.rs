//! Compiles the name lexicons of `data/rigour` and the word frequencies of `data/wordfreq` into
//! `fst` maps. Run by `build.rs` (this file is shared with it), so the binary carries finished
//! maps and nothing is parsed at run time.
//!
//! Every form is normalised by earl's own normaliser ([`crate::normalize::normalize`]) and keyed
//! by its tokens joined with spaces, so a name's tokens look up exactly as they score.

use std::collections::BTreeMap;

/// What a lexicon symbol stands for (the high bits of a symbol).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum SymbolKind {
    /// One person name in all its spellings and scripts (rigour `person_names`, `person_name_parts`).
    Name = 0,
    /// A nickname and the name it shortens (Bob, Robert).
    Nick = 1,
    /// A name particle: abu, bin, abd al ...
    Particle = 2,
    /// An organisation word and its translations: agency, alliance, association ...
    OrgWord = 3,
    /// A field of activity and its translations: academy, agriculture, aircraft ...
    OrgDomain = 4,
    /// A legal form, by its generic class (JSC, LLC, ...).
    LegalForm = 5,
    /// A country, nationality or city (data/places.txt).
    Place = 6,
    /// A title before a person's name: Dr, General, Haji ... (rigour `person_name_prefixes`).
    Title = 7,
}

pub const KIND_SHIFT: u32 = 28;

impl SymbolKind {
    pub fn of(symbol: u32) -> SymbolKind {
        match symbol >> KIND_SHIFT {
            0 => SymbolKind::Name,
            1 => SymbolKind::Nick,
            2 => SymbolKind::Particle,
            3 => SymbolKind::OrgWord,
            4 => SymbolKind::OrgDomain,
            5 => SymbolKind::LegalForm,
            6 => SymbolKind::Place,
            _ => SymbolKind::Title,
        }
    }

    fn symbol(self, id: u32) -> u32 {
        ((self as u32) << KIND_SHIFT) | (id & ((1 << KIND_SHIFT) - 1))
    }
}

/// Keys longer than this many tokens are not looked up (no lexicon form is longer).
pub const MAX_KEY_TOKENS: usize = 8;

/// Keys of forms written in Han or Hangul begin with this byte and the script's mark, so that
/// the pinyin of 厂 ("chang", factory) is not the Latin name "Chang": a Han token looks up Han
/// forms only.
pub const NAMESPACE: u8 = 0x01;

/// The key namespace of a script class: `None` for the alphabetic scripts (Latin, and the
/// Cyrillic, Greek, Arabic and Hebrew that earl transliterates letter by letter, which meet
/// their Latin spellings), `Some(mark)` for the syllabic ones.
pub fn namespace_mark(script: crate::normalize::Script) -> Option<u8> {
    match script {
        crate::normalize::Script::Han => Some(b'h'),
        crate::normalize::Script::Hangul => Some(b'k'),
        _ => None,
    }
}

/// Titles said before a person's name that rigour's list leaves out.
const EXTRA_TITLES: [&str; 12] = [
    "presidente",
    "haji",
    "hajji",
    "mullah",
    "mulla",
    "maulavi",
    "mawlawi",
    "mawlavi",
    "qari",
    "maulana",
    "shaikh",
    "colonel",
];

/// The compiled lexicon: an `fst` map from key to an offset into `symbols`, where
/// `symbols[offset]` is a count followed by that many symbols (little-endian u32s).
pub struct Compiled {
    pub fst: Vec<u8>,
    pub symbols: Vec<u8>,
    pub keys: usize,
}

/// A surname written as "the X clan" (田氏, 金姓, 朝鮮金姓; 김씨, "Mr Kim"): Wikidata lists these
/// beside the surname, but no party is named so. Kept, their readings would be a person name's:
/// 田氏 reads "tian shi", so 天士 of 天士力 (a drug maker) would be the surname Tian.
fn names_a_clan(form: &str) -> bool {
    let mut chars = form.chars();
    let (Some(last), Some(_)) = (chars.next_back(), chars.next()) else {
        return false;
    };
    matches!(last, '氏' | '姓' | '씨')
}

/// Builds the lexicon from the rigour files' texts and `data/places.txt`. `key` normalises one
/// form into its key, or `None` when the form cannot be one (its tokens mix namespaces).
pub fn build_lexicon(
    person_names: &str,
    symbols_json: &str,
    org_types_json: &str,
    places: &str,
    stopwords_json: &str,
    key: &dyn Fn(&str) -> Option<String>,
) -> Result<Compiled, String> {
    let mut entries: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut add = |form: &str, symbol: u32| {
        let Some(k) = key(form) else {
            return;
        };
        if k.len() < 2 || k.split(' ').count() > MAX_KEY_TOKENS {
            return;
        }
        let symbols = entries.entry(k).or_default();
        if !symbols.contains(&symbol) {
            symbols.push(symbol);
        }
    };
    for (line_number, line) in person_names.lines().enumerate() {
        let Some((forms, _wikidata)) = line.rsplit_once("=>") else {
            continue;
        };
        for form in forms.split(',').map(str::trim) {
            if !names_a_clan(form) {
                add(form, SymbolKind::Name.symbol(line_number as u32));
            }
        }
    }
    let symbols: serde_json::Value =
        serde_json::from_str(symbols_json).map_err(|e| format!("symbols.json: {e}"))?;
    let groups = |section: &str| -> Result<Vec<Vec<String>>, String> {
        let map = symbols[section]
            .as_object()
            .ok_or_else(|| format!("symbols.json: no object {section}"))?;
        Ok(map
            .values()
            .map(|forms| {
                forms
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|f| f.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect())
    };
    // Name parts share the Name kind, numbered after the person-name lines.
    let name_part_base = person_names.lines().count() as u32;
    for (section, kind, base) in [
        ("person_name_parts", SymbolKind::Name, name_part_base),
        ("person_nick", SymbolKind::Nick, 0),
        ("person_symbols", SymbolKind::Particle, 0),
        ("org_symbols", SymbolKind::OrgWord, 0),
        ("org_domains", SymbolKind::OrgDomain, 0),
    ] {
        for (group, forms) in groups(section)?.iter().enumerate() {
            for form in forms {
                add(form, kind.symbol(base + group as u32));
            }
        }
    }
    let org_types: serde_json::Value =
        serde_json::from_str(org_types_json).map_err(|e| format!("org_types.json: {e}"))?;
    let org_types = org_types.as_array().ok_or("org_types.json: not an array")?;
    let mut classes: Vec<String> = Vec::new();
    for (index, org_type) in org_types.iter().enumerate() {
        // Legal forms of one generic class pair with each other (OOO and LLC are both LLC);
        // a form without a class is its own class.
        let class = match org_type["generic"].as_str() {
            Some(generic) => generic.to_string(),
            None => format!("#{index}"),
        };
        let id = match classes.iter().position(|c| *c == class) {
            Some(id) => id,
            None => {
                classes.push(class);
                classes.len() - 1
            }
        };
        let forms = org_type["aliases"]
            .as_array()
            .into_iter()
            .flatten()
            .chain([&org_type["compare"], &org_type["display"]]);
        for form in forms.filter_map(|f| f.as_str()) {
            add(form, SymbolKind::LegalForm.symbol(id as u32));
        }
    }
    for (index, place) in places
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .enumerate()
    {
        // One place per line; spellings of it separated by `|`.
        for spelling in place.split('|') {
            add(spelling.trim(), SymbolKind::Place.symbol(index as u32));
        }
    }
    let stopwords: serde_json::Value =
        serde_json::from_str(stopwords_json).map_err(|e| format!("stopwords.json: {e}"))?;
    let titles = stopwords["person_name_prefixes"]
        .as_array()
        .ok_or("stopwords.json: no person_name_prefixes")?;
    for title in titles.iter().filter_map(|t| t.as_str()).chain(EXTRA_TITLES) {
        add(title, SymbolKind::Title.symbol(0));
    }
    let mut builder = fst::MapBuilder::memory();
    let mut packed: Vec<u8> = Vec::new();
    let keys = entries.len();
    for (k, symbols) in entries {
        let offset = (packed.len() / 4) as u64;
        packed.extend_from_slice(&(symbols.len() as u32).to_le_bytes());
        for symbol in symbols {
            packed.extend_from_slice(&symbol.to_le_bytes());
        }
        builder
            .insert(k.as_bytes(), offset)
            .map_err(|e| format!("lexicon fst: {e}"))?;
    }
    Ok(Compiled {
        fst: builder
            .into_inner()
            .map_err(|e| format!("lexicon fst: {e}"))?,
        symbols: packed,
        keys,
    })
}

/// Builds the word-frequency map (word → Zipf × 100) from `data/wordfreq/en.tsv`.
pub fn build_word_frequencies(tsv: &str) -> Result<Vec<u8>, String> {
    let mut builder = fst::MapBuilder::memory();
    let mut last = String::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let (word, zipf) = line
            .split_once('\t')
            .ok_or_else(|| format!("en.tsv line {}: no tab", n + 1))?;
        let zipf: f64 = zipf
            .parse()
            .map_err(|e| format!("en.tsv line {}: {e}", n + 1))?;
        if word <= last.as_str() {
            return Err(format!("en.tsv line {}: not sorted", n + 1));
        }
        builder
            .insert(word, (zipf * 100.0).round() as u64)
            .map_err(|e| format!("wordfreq fst: {e}"))?;
        last = word.to_string();
    }
    builder
        .into_inner()
        .map_err(|e| format!("wordfreq fst: {e}"))
}
