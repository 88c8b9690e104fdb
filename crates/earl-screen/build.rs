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
        "data/han_places.tsv",
        "data/opencc/TSCharacters.txt",
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
    write_bundled_list_facts(&out);
    write_index_inputs_hash(&out);
}

/// SHA-256 of every file an index is built from besides the lists (sources and lexicons): a
/// stored index carries it, and one built by other code or data is rebuilt, not read.
fn write_index_inputs_hash(out: &Path) {
    use sha2::Digest;
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=data");
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["src", "data", "data/rigour", "data/wordfreq"] {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
            let path = entry.expect("directory entry").path();
            if path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut hasher = sha2::Sha256::new();
    for file in &files {
        hasher.update(file.to_string_lossy().as_bytes());
        hasher.update(std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display())));
    }
    let hash: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    std::fs::write(
        out.join("index_inputs.rs"),
        format!("pub(super) const INDEX_INPUTS_SHA256: &str = {hash:?};\n"),
    )
    .expect("write index_inputs.rs");
}

/// The bundled list's SHA-256 and rows per `source`, so that an answer can name the list it
/// would consult (the audit record's hash, `earl about`) without parsing 6.7 MB at run time.
fn write_bundled_list_facts(out: &Path) {
    use sha2::Digest;
    const CSV: &str = "../../data/csl/consolidated.csv";
    println!("cargo:rerun-if-changed={CSV}");
    let bytes = std::fs::read(CSV).unwrap_or_else(|e| panic!("{CSV}: {e}"));
    let sha256: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let source = reader
        .headers()
        .expect("bundled list header")
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == "source")
        .expect("bundled list has a source column");
    let mut rows: std::collections::BTreeMap<String, usize> = Default::default();
    for record in reader.records() {
        let record = record.expect("the bundled list parses");
        *rows.entry(record[source].trim().to_string()).or_default() += 1;
    }
    let mut code = format!("pub(crate) const BUNDLED_SHA256: &str = {sha256:?};\n");
    code.push_str("pub(crate) const BUNDLED_ROWS_BY_SOURCE: &[(&str, usize)] = &[\n");
    for (source, count) in rows {
        code.push_str(&format!("    ({source:?}, {count}),\n"));
    }
    code.push_str("];\n");
    std::fs::write(out.join("bundled_list.rs"), code).expect("write bundled_list.rs");
}
