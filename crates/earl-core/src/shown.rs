//! User input as messages show it: a character that cannot be seen (a control, a format
//! character such as U+200B, a line break) is written as its code point, so "unknown chip
//! `H2<U+0001>00`" says what was typed instead of looking like a correct name.

use unicode_general_category::{GeneralCategory, get_general_category};

/// Whether `c` is invisible or moves text when printed: controls (C0, C1), format characters
/// (zero-width spaces and joiners, the soft hyphen, bidirectional controls), line and paragraph
/// separators, every space other than U+0020, and the default-ignorable fillers and variation
/// selectors.
pub fn is_hidden(c: char) -> bool {
    c != ' '
        && (c.is_whitespace()
            || matches!(
                get_general_category(c),
                GeneralCategory::Control | GeneralCategory::Format
            )
            || is_ignorable_filler(c))
}

/// Default-ignorable characters that are not format characters: Hangul fillers, the combining
/// grapheme joiner, Khmer inherent vowels, Mongolian variation selectors, variation selectors.
/// The same list is in `earl_screen::normalize::vanishes`, which earl-screen's build script
/// compiles alone; keep the two equal.
fn is_ignorable_filler(c: char) -> bool {
    matches!(
        c,
        '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180D}'
            | '\u{180F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// `c` as a message writes it: `U+200B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// `input` with every hidden character written as `<U+XXXX>`; the rest unchanged.
pub fn shown(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        if is_hidden(c) {
            out.push('<');
            out.push_str(&code_point(c));
            out.push('>');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_written_as_code_points() {
        assert_eq!(shown("H2\u{1}00"), "H2<U+0001>00");
        assert_eq!(
            shown("Huawei Techno\u{200B}logies\u{AD}\u{202E}"),
            "Huawei Techno<U+200B>logies<U+00AD><U+202E>"
        );
        assert_eq!(shown("a\tb\u{85}c\u{3164}"), "a<U+0009>b<U+0085>c<U+3164>");
        assert_eq!(shown("华为 Ünïcode"), "华为 Ünïcode");
    }
}
