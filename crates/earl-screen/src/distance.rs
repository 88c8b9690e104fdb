//! How far apart two spellings are: a romanisation-neutral key, a weighted edit distance on it,
//! and the length-scaled budget beyond which two words are different words.
//!
//! The cost model follows opensanctions/rigour's residue distance (MIT; `rust/src/names/
//! compare.rs` of rigour 2.6.1): edits that romanisation and typing produce are cheap, a digit
//! edit is expensive, and the edits a word of `n` letters tolerates grow with the logarithm of
//! `n`, so short words tolerate almost nothing. Before the distance is taken, both words are
//! rewritten to a [`roman_key`], which spells the sounds romanisation schemes write differently
//! one way (kh/ch/h, zh/j/dzh, sh/sch/sz, x/ks, ph/f, w/v, y/i, doubled letters).

/// Edits a word of `length` key letters tolerates: `log_{2.35}(max(length − 2, 1))`, rigour's
/// budget (`budget_log_base` 2.35, `budget_short_floor` 2). Three letters or fewer tolerate
/// nothing; five tolerate one cheap edit, eight about two, twelve about 2.7.
pub(crate) fn edit_budget(length: usize) -> f64 {
    // Asked for every pair of words compared: the usual lengths are looked up, not computed.
    static SHORT: std::sync::LazyLock<[f64; 64]> =
        std::sync::LazyLock::new(|| std::array::from_fn(budget_of));
    SHORT
        .get(length)
        .copied()
        .unwrap_or_else(|| budget_of(length))
}

fn budget_of(length: usize) -> f64 {
    ((length as f64 - 2.0).max(1.0)).log(2.35)
}

/// Sound classes of the key alphabet: the letters, plus `S` (sh), `C` (ch), `J` (j, zh, dzh)
/// and `X` (x, ks). Vowels are `a e i o u`.
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The key of an ASCII lowercase word: one spelling for the sounds that romanisation schemes
/// spell differently (Cyrillic BGN/PCGN, ALA-LC, ICAO, German and French spellings; Arabic and
/// Persian transcriptions; Chinese and Korean romanisations in part), doubled letters once.
/// "Jermakow"/"Yermakov" differ still in their first letter; "Chernyshevskiy"/"Tschernyschewski",
/// "Maksim"/"Maxim", "Mariya"/"Marija" meet.
pub(crate) fn roman_key(word: &str) -> Vec<u8> {
    let leet;
    let w = match unleet(word) {
        Some(letters) => {
            leet = letters;
            leet.as_slice()
        }
        None => word.as_bytes(),
    };
    let mut out: Vec<u8> = Vec::with_capacity(w.len());
    let mut i = 0;
    let at = |i: usize, s: &[u8]| w.len() >= i + s.len() && &w[i..i + s.len()] == s;
    while i < w.len() {
        let before_vowel = |k: usize| w.get(i + k).is_some_and(|&c| is_vowel(c) || c == b'y');
        let (code, used): (u8, usize) = if at(i, b"tsch") {
            (b'C', 4)
        } else if at(i, b"shch") {
            (b'S', 4)
        } else if at(i, b"sch") || at(i, b"sh") || at(i, b"sz") {
            (b'S', if at(i, b"sch") { 3 } else { 2 })
        } else if at(i, b"dzh") {
            (b'J', 3)
        } else if at(i, b"tch") {
            (b'C', 3)
        } else if at(i, b"ch") || at(i, b"cz") {
            (b'C', 2)
        } else if at(i, b"zh") || at(i, b"dj") {
            (b'J', 2)
        } else if at(i, b"kh") {
            (b'h', 2)
        } else if at(i, b"ph") {
            (b'f', 2)
        } else if at(i, b"ck") {
            (b'k', 2)
        } else if (at(i, b"ks") && !at(i + 1, b"sh")) || w[i] == b'x' {
            (b'X', if w[i] == b'x' { 1 } else { 2 })
        } else if at(i, b"ou") || at(i, b"oo") {
            (b'u', 2)
        } else if at(i, b"ee") {
            (b'i', 2)
        } else if at(i, b"ts") || at(i, b"tz") {
            (b'z', 2)
        } else if w[i] == b'j' {
            // German, Polish and South Slavic j is y ("Marija", "Jurij"); English j is dzh.
            let after_vowel = i > 0 && (is_vowel(w[i - 1]) || w[i - 1] == b'y');
            if after_vowel || (i + 1 == w.len() && i > 0) {
                (b'i', 1)
            } else {
                (b'J', 1)
            }
        } else if w[i] == b'y' {
            (b'i', 1)
        } else if w[i] == b'w' {
            (b'v', 1)
        } else if w[i] == b'q' {
            (b'k', 1)
        } else if w[i] == b'c' {
            // c before e/i/y sounds s in most Latin spellings; elsewhere k.
            if before_vowel(1) && matches!(w[i + 1], b'e' | b'i' | b'y') {
                (b's', 1)
            } else {
                (b'k', 1)
            }
        } else {
            (w[i], 1)
        };
        if out.last() != Some(&code) {
            out.push(code);
        }
        i += used;
    }
    out
}

/// A word of letters with a few digits standing for letters ("Ig0r Sech1n"), in letters: 0 o,
/// 1 i, 3 e, 4 a, 5 s, 7 t, 9 g. Words that are mostly digits stay as they are ("mig29").
fn unleet(word: &str) -> Option<Vec<u8>> {
    let digits = word.bytes().filter(u8::is_ascii_digit).count();
    let letters = word.bytes().filter(u8::is_ascii_alphabetic).count();
    if digits == 0 || letters < 3 || digits * 2 > letters {
        return None;
    }
    word.bytes()
        .map(|b| match b {
            b'0' => Some(b'o'),
            b'1' => Some(b'i'),
            b'3' => Some(b'e'),
            b'4' => Some(b'a'),
            b'5' => Some(b's'),
            b'7' => Some(b't'),
            b'9' => Some(b'g'),
            b if b.is_ascii_digit() => None,
            b => Some(b),
        })
        .collect()
}

/// The consonant skeleton of a key: vowels and the weak letters that Arabic and Hebrew write
/// for vowels (w, y, h at the end) dropped. Compares a word transliterated from an abjad, where
/// short vowels are not written, with its Latin spelling: فيصل "fysl" and "Faycal" both "fsl".
pub(crate) fn skeleton_of_key(key: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(key.len());
    for (i, &c) in key.iter().enumerate() {
        let weak = is_vowel(c) || c == b'v' && key.len() > 2 || (c == b'h' && i + 1 == key.len());
        if weak {
            continue;
        }
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    out
}

/// Cost of substituting key letter `a` with `b`.
fn substitution_cost(a: u8, b: u8) -> f64 {
    if a == b {
        return 0.0;
    }
    if a.is_ascii_digit() || b.is_ascii_digit() {
        return 1.5; // "Institute 201" is not "Institute 202"
    }
    if is_vowel(a) && is_vowel(b) {
        return 0.5; // "Muhammad"/"Mohammed", "Dmitriev"/"Dmytriev"
    }
    const ALIKE: [(u8, u8); 17] = [
        (b'k', b'g'),
        (b't', b'd'),
        (b'p', b'b'),
        (b'f', b'v'),
        (b's', b'z'),
        (b's', b'S'),
        (b'S', b'C'),
        (b'C', b'J'),
        (b'J', b'z'),
        (b'J', b'g'),
        (b'J', b'i'),
        (b'h', b'k'),
        (b'l', b'r'),
        (b'm', b'n'),
        (b'k', b'X'),
        (b's', b'X'),
        (b'k', b's'),
    ];
    if ALIKE
        .iter()
        .any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
    {
        0.6
    } else {
        1.0
    }
}

/// Cost of inserting or deleting key letter `c`.
fn indel_cost(c: u8) -> f64 {
    if c.is_ascii_digit() {
        1.5
    } else if is_vowel(c) || c == b'h' || c == b'i' {
        0.5
    } else {
        1.0
    }
}

/// Weighted optimal-string-alignment distance between two keys, or `None` once it exceeds
/// `limit` (the work stops at the first row whose every cell is over it).
pub(crate) fn weighted_distance(a: &[u8], b: &[u8], limit: f64) -> Option<f64> {
    if a == b {
        return Some(0.0);
    }
    // A bound without the table: every letter one key has more of than the other must be
    // inserted, deleted or substituted. An insertion or deletion costs at least 0.5 and
    // settles one such letter, a substitution at least 0.5 and settles two at most, a swap
    // none: the distance is at least a quarter of the letters in excess.
    let mut excess = [0i16; 128];
    for &c in a {
        excess[usize::from(c & 0x7f)] += 1;
    }
    for &c in b {
        excess[usize::from(c & 0x7f)] -= 1;
    }
    let unmatched: u32 = excess.iter().map(|&n| u32::from(n.unsigned_abs())).sum();
    if 0.25 * f64::from(unmatched) > limit {
        return None;
    }
    table_distance(a, b, limit)
}

/// The costs [`substitution_cost`] and [`indel_cost`] give, in the order of their codes in
/// [`Costs`].
const COST_VALUES: [f64; 5] = [0.0, 0.5, 0.6, 1.0, 1.5];

/// [`substitution_cost`] and [`indel_cost`] of every byte, looked up: the table of
/// [`table_distance`] asks them for each of its cells, and the rule they follow (a scan of the
/// letter pairs alike) is slower than the rest of the cell. The same `f64` values, by code.
struct Costs {
    substitution: Box<[u8]>,
    indel: [f64; 256],
}

fn cost_code(cost: f64) -> u8 {
    COST_VALUES
        .iter()
        .position(|&v| v == cost)
        .expect("every cost is one of COST_VALUES") as u8
}

static COSTS: std::sync::LazyLock<Costs> = std::sync::LazyLock::new(|| Costs {
    substitution: (0..=u16::MAX)
        .map(|ab| cost_code(substitution_cost((ab >> 8) as u8, ab as u8)))
        .collect(),
    indel: std::array::from_fn(|c| indel_cost(c as u8)),
});

impl Costs {
    fn substitution(&self, a: u8, b: u8) -> f64 {
        COST_VALUES[usize::from(self.substitution[usize::from(a) << 8 | usize::from(b)])]
    }
}

/// [`weighted_distance`] by the table alone.
fn table_distance(a: &[u8], b: &[u8], limit: f64) -> Option<f64> {
    let costs = &*COSTS;
    let width = b.len() + 1;
    // Three rows of the table: on the stack for the words names are made of, which this is
    // called for tens of times per name screened.
    const ON_STACK: usize = 48;
    let mut stack = [[0.0f64; ON_STACK]; 3];
    let mut heap: [Vec<f64>; 3];
    let [mut before, mut previous, mut current]: [&mut [f64]; 3] = if width <= ON_STACK {
        let [x, y, z] = &mut stack;
        [&mut x[..width], &mut y[..width], &mut z[..width]]
    } else {
        heap = [vec![0.0; width], vec![0.0; width], vec![0.0; width]];
        let [x, y, z] = &mut heap;
        [x.as_mut_slice(), y.as_mut_slice(), z.as_mut_slice()]
    };
    for j in 1..width {
        previous[j] = previous[j - 1] + costs.indel[usize::from(b[j - 1])];
    }
    for i in 1..=a.len() {
        let a_indel = costs.indel[usize::from(a[i - 1])];
        current[0] = previous[0] + a_indel;
        let mut row_min = current[0];
        for j in 1..width {
            let mut best = (previous[j] + a_indel)
                .min(current[j - 1] + costs.indel[usize::from(b[j - 1])])
                .min(previous[j - 1] + costs.substitution(a[i - 1], b[j - 1]));
            if i > 1
                && j > 1
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && a[i - 1] != b[j - 1]
            {
                best = best.min(before[j - 2] + 0.8); // a swap of two letters: "huawie"
            }
            current[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[b.len()];
    (distance <= limit).then_some(distance)
}

/// Optimal-string-alignment distance with unit costs (Levenshtein plus adjacent swaps).
pub(crate) fn osa_distance(a: &[u8], b: &[u8]) -> usize {
    let width = b.len() + 1;
    let mut before = vec![0usize; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current = vec![0usize; width];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The bound that skips the table never skips a pair the table would keep.
        #[test]
        fn the_letter_bound_only_skips_what_the_table_rejects(
            a in "[aeioubdghklmnprstSCJX0-9]{0,14}",
            b in "[aeioubdghklmnprstSCJX0-9]{0,14}",
            limit in 0.0f64..4.0,
        ) {
            prop_assert_eq!(
                weighted_distance(a.as_bytes(), b.as_bytes(), limit),
                if a == b { Some(0.0) } else { table_distance(a.as_bytes(), b.as_bytes(), limit) }
            );
        }
    }

    use super::*;

    #[test]
    fn the_looked_up_costs_are_the_rules_costs() {
        for a in 0..=u8::MAX {
            assert_eq!(
                COSTS.indel[usize::from(a)].to_bits(),
                indel_cost(a).to_bits()
            );
            for b in 0..=u8::MAX {
                assert_eq!(
                    COSTS.substitution(a, b).to_bits(),
                    substitution_cost(a, b).to_bits(),
                    "{a} {b}"
                );
            }
        }
    }

    fn key(s: &str) -> String {
        String::from_utf8(roman_key(s)).unwrap()
    }

    #[test]
    fn romanisation_variants_share_a_key() {
        assert_eq!(key("maksim"), key("maxim"));
        assert_eq!(key("mariya"), key("marija"));
        assert_eq!(key("chernyshevskiy"), key("tschernyschewskij"));
        assert_eq!(key("zhukov"), key("joukov"));
        assert_eq!(key("rakhmanov"), key("rahmanov"));
        assert_eq!(key("smith"), key("smyth"));
        assert_eq!(key("lukashenko").len(), key("luakshenko").len()); // k + sh, not x + h
        assert_eq!(key("mohammad"), key("mohamad"));
        assert_eq!(key("sech1n"), key("sechin"));
        assert_eq!(key("mig29"), "mig29");
    }

    #[test]
    fn budget_grows_with_length() {
        assert_eq!(edit_budget(3), 0.0);
        assert!(edit_budget(5) > 1.2 && edit_budget(5) < 1.3);
        assert!(edit_budget(12) > 2.6);
    }

    #[test]
    fn weighted_edits() {
        let d = |a: &str, b: &str| weighted_distance(&roman_key(a), &roman_key(b), 10.0).unwrap();
        assert_eq!(d("putin", "pudin"), 0.6);
        assert_eq!(d("huawei", "huawie"), 0.8);
        assert_eq!(d("muhammad", "mohammed"), 1.0);
        assert_eq!(d("leasing3", "leasing6"), 1.5);
        assert!(weighted_distance(&roman_key("mining"), &roman_key("dining"), 0.5).is_none());
        assert_eq!(osa_distance(b"huawie", b"huawei"), 1);
        assert_eq!(osa_distance(b"kitten", b"sitting"), 3);
        assert_eq!(osa_distance(b"", b"abc"), 3);
    }

    #[test]
    fn skeletons_drop_vowels_and_weak_letters() {
        let sk = |s: &str| String::from_utf8(skeleton_of_key(&roman_key(s))).unwrap();
        assert_eq!(sk("faycal"), "fkl");
        assert_eq!(sk("fysl"), "fsl");
        assert_eq!(sk("shahbandar"), sk("shahbndr"));
        assert_eq!(sk("boughanemi"), sk("bwghanmy"));
    }
}
