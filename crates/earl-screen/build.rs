//! Compiles the name lexicons (data/rigour) and English word frequencies (data/wordfreq) into
//! `fst` maps in OUT_DIR, normalising every form with the crate's own normaliser (shared here by
//! path), so that nothing is parsed or normalised at run time.

#[allow(dead_code)]
#[path = "src/distance.rs"]
mod distance;
#[allow(dead_code)]
#[path = "src/lexicon_build.rs"]
mod lexicon_build;
#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;

use std::io::Read;
use std::path::{Path, PathBuf};

fn gunzip(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    let data = Path::new("data");
    for input in [
        "data/rigour/person_names.txt.gz",
        "data/rigour/symbols.json",
        "data/rigour/org_types.json",
        "data/rigour/stopwords.json",
        "data/wordfreq/en.tsv.gz",
        "data/places.txt",
        "data/name_terms.txt",
        "data/han_names.tsv",
        "data/han_terms.tsv",
        "src/normalize.rs",
        "src/distance.rs",
        "src/lexicon_build.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let key = |form: &str| -> Option<String> {
        let tokens = normalize::normalize(form).tokens;
        let mark = lexicon_build::namespace_mark(tokens.first()?.script);
        if tokens
            .iter()
            .any(|t| lexicon_build::namespace_mark(t.script) != mark)
        {
            return None;
        }
        let words = tokens
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Some(match mark {
            Some(mark) => format!(
                "{}{}{words}",
                lexicon_build::NAMESPACE as char,
                mark as char
            ),
            None => words,
        })
    };
    let lexicon = lexicon_build::build_lexicon(
        &gunzip(&data.join("rigour/person_names.txt.gz")),
        &read(&data.join("rigour/symbols.json")),
        &read(&data.join("rigour/org_types.json")),
        &read(&data.join("places.txt")),
        &read(&data.join("rigour/stopwords.json")),
        &key,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(out.join("lexicon.fst"), &lexicon.fst).expect("write lexicon.fst");
    std::fs::write(out.join("lexicon.sym"), &lexicon.symbols).expect("write lexicon.sym");
    let words = lexicon_build::build_word_frequencies(&gunzip(&data.join("wordfreq/en.tsv.gz")))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(out.join("wordfreq.fst"), words).expect("write wordfreq.fst");
}
