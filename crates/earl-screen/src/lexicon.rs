//! The compiled lexicons (see `lexicon_build.rs` and `data/rigour/README.md`): which spans of a
//! name are known person names, nicknames, particles, organisation words or legal forms, and
//! how common an English word is. Both maps are `fst` maps compiled into the binary by
//! `build.rs`; opening them reads nothing but their headers.

pub(crate) use crate::lexicon_build::{MAX_KEY_TOKENS, NAMESPACE, SymbolKind, namespace_mark};
use crate::normalize::Script;
use fst::raw::Output;
use std::sync::OnceLock;

static LEXICON_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.fst"));
static LEXICON_SYMBOLS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.sym"));
static WORDFREQ_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq.fst"));

/// A span of tokens `start..end` that is a lexicon key, and its symbols.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct SymbolSpan {
    pub start: usize,
    pub end: usize,
    pub symbols: Vec<u32>,
}

struct Maps {
    lexicon: fst::Map<&'static [u8]>,
    words: fst::Map<&'static [u8]>,
}

fn maps() -> &'static Maps {
    static MAPS: OnceLock<Maps> = OnceLock::new();
    MAPS.get_or_init(|| Maps {
        // Both were written by fst's own builder in build.rs: a failure here is a broken build.
        lexicon: fst::Map::new(LEXICON_FST).expect("build.rs wrote a valid lexicon.fst"),
        words: fst::Map::new(WORDFREQ_FST).expect("build.rs wrote a valid wordfreq.fst"),
    })
}

/// Every span of `tokens` (up to [`MAX_KEY_TOKENS`] long, all in one key namespace) whose
/// words, joined by spaces, are a lexicon key.
pub(crate) fn symbol_spans<'a>(
    tokens: impl Fn(usize) -> Option<(&'a str, Script)>,
) -> Vec<SymbolSpan> {
    let fst = maps().lexicon.as_fst();
    let mut spans = Vec::new();
    let mut start = 0;
    while let Some((first, script)) = tokens(start) {
        let mark = namespace_mark(script);
        let mut node = fst.root();
        let mut output = Output::zero();
        if let Some(mark) = mark {
            let mut found = true;
            for byte in [NAMESPACE, mark] {
                match node.find_input(byte) {
                    Some(i) => {
                        let t = node.transition(i);
                        output = output.cat(t.out);
                        node = fst.node(t.addr);
                    }
                    None => found = false,
                }
                if !found {
                    break;
                }
            }
            if !found {
                start += 1;
                continue;
            }
        }
        let mut end = start;
        let mut word = Some(first);
        'walk: while let Some(text) = word {
            if end > start {
                let Some(i) = node.find_input(b' ') else {
                    break;
                };
                let t = node.transition(i);
                output = output.cat(t.out);
                node = fst.node(t.addr);
            }
            for &byte in text.as_bytes() {
                let Some(i) = node.find_input(byte) else {
                    break 'walk;
                };
                let t = node.transition(i);
                output = output.cat(t.out);
                node = fst.node(t.addr);
            }
            end += 1;
            if node.is_final() {
                let offset = output.cat(node.final_output()).value() as usize;
                spans.push(SymbolSpan {
                    start,
                    end,
                    symbols: symbols_at(offset),
                });
            }
            if end - start >= MAX_KEY_TOKENS {
                break;
            }
            word = tokens(end)
                .filter(|(_, s)| namespace_mark(*s) == mark)
                .map(|(t, _)| t);
        }
        start += 1;
    }
    spans
}

fn symbols_at(offset: usize) -> Vec<u32> {
    let word = |i: usize| {
        let at = 4 * i;
        LEXICON_SYMBOLS
            .get(at..at + 4)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let count = word(offset) as usize;
    (1..=count).map(|i| word(offset + i)).collect()
}

/// How common `word` is in English: its Zipf frequency (log10 of occurrences per billion
/// words; "the" 7.7, "toyota" 3.95, "posco" 1.95), if the word is in the list at all.
pub(crate) fn zipf(word: &str) -> Option<f64> {
    maps().words.get(word).map(|v| v as f64 / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans_of(words: &[&str]) -> Vec<(usize, usize, Vec<SymbolKind>)> {
        symbol_spans(|i| words.get(i).map(|w| (*w, Script::Latin)))
            .into_iter()
            .map(|s| {
                let mut kinds: Vec<SymbolKind> =
                    s.symbols.iter().map(|&x| SymbolKind::of(x)).collect();
                kinds.dedup();
                (s.start, s.end, kinds)
            })
            .collect()
    }

    #[test]
    fn names_and_forms_are_found() {
        let spans = spans_of(&["vladimir", "putin"]);
        assert!(
            spans
                .iter()
                .any(|s| s.0 == 1 && s.2.contains(&SymbolKind::Name))
        );
        let spans = spans_of(&["joint", "stock", "co", "polymer"]);
        assert!(
            spans
                .iter()
                .any(|s| (s.0, s.1) == (0, 3) && s.2.contains(&SymbolKind::LegalForm)),
            "{spans:?}"
        );
    }

    #[test]
    fn word_frequencies() {
        assert_eq!(zipf("toyota"), Some(3.95));
        assert_eq!(zipf("tayota"), None);
    }
}
