//! Numbers as MediaWiki formats them for people: in the page language's digits (`५०`, `٥٠`,
//! `৫০`), with its digit grouping (`1,200`, `1 200`, `1.200`, the Indian `१०,४८,५७,६००`).
//! Only integers occur in the help's limits, so grouping marks are simply dropped.

/// The zero of every decimal digit block MediaWiki's languages use; each is followed by the
/// other nine digits in order, so a digit's value is its distance from its zero.
const ZEROS: &[char] = &[
    '0', '\u{0660}', // Arabic-Indic (ar)
    '\u{06F0}', // Extended Arabic-Indic (fa, ur)
    '\u{07C0}', // NKo
    '\u{0966}', // Devanagari (hi, mr, ne)
    '\u{09E6}', // Bengali (bn, as)
    '\u{0A66}', // Gurmukhi
    '\u{0AE6}', // Gujarati
    '\u{0B66}', // Oriya
    '\u{0BE6}', // Tamil
    '\u{0C66}', // Telugu
    '\u{0CE6}', // Kannada
    '\u{0D66}', // Malayalam
    '\u{0E50}', // Thai
    '\u{0ED0}', // Lao
    '\u{0F20}', // Tibetan
    '\u{1040}', // Myanmar
    '\u{17E0}', // Khmer
    '\u{1810}', // Mongolian
    '\u{FF10}', // fullwidth
];

/// The value of a decimal digit of any script above, or `None`.
pub fn digit_value(c: char) -> Option<u32> {
    ZEROS.iter().find_map(|&zero| {
        let offset = (c as u32).checked_sub(zero as u32)?;
        (offset < 10).then_some(offset)
    })
}

/// Marks that group digits (or separate decimals, which integers never have).
fn is_grouping(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ' '
            | '\''
            | '\u{a0}'
            | '\u{202f}'
            | '\u{2009}'
            | '\u{066b}'
            | '\u{066c}'
            | '\u{2019}'
            | '،'
    )
}

/// Every digit of any script replaced by its ASCII digit; the rest unchanged.
#[cfg(test)]
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// An integer as a help page shows it: `1,200`, `१,२००`, `−5`, `1 200`. `None` when the text
/// holds anything else (a word, two numbers, nothing), so the caller can say so.
pub fn parse_int(text: &str) -> Option<i64> {
    let text = text
        .trim()
        .trim_start_matches(['\u{200e}', '\u{200f}', '\u{2066}', '\u{2067}']);
    let (negative, rest) = match text.chars().next()? {
        '-' | '\u{2212}' => (true, &text[text.chars().next()?.len_utf8()..]),
        _ => (false, text),
    };
    let mut value: i64 = 0;
    let mut digits = 0;
    // Digits since the last grouping mark, and whether there was one: a group after a mark
    // has three digits (two inside the Indian grouping), so `1 2` is two numbers, not 12.
    let (mut group, mut grouped) = (0, false);
    for c in rest.chars() {
        if let Some(d) = digit_value(c) {
            value = value.checked_mul(10)?.checked_add(i64::from(d))?;
            digits += 1;
            group += 1;
        } else if is_grouping(c) && digits > 0 {
            if grouped && !(2..=3).contains(&group) {
                return None;
            }
            grouped = true;
            group = 0;
        } else if matches!(c, '\u{200e}' | '\u{200f}' | '\u{2069}') {
            continue;
        } else {
            return None;
        }
    }
    if digits == 0 || (grouped && group != 3) {
        return None;
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_groupings() {
        assert_eq!(parse_int("50"), Some(50));
        assert_eq!(parse_int("५०"), Some(50));
        assert_eq!(parse_int("१०,४८,५७,६००"), Some(104_857_600));
        assert_eq!(parse_int("104,857,600"), Some(104_857_600));
        assert_eq!(parse_int("1\u{a0}200"), Some(1200));
        assert_eq!(parse_int("1.200"), Some(1200));
        assert_eq!(parse_int("٥٠٠"), Some(500));
        assert_eq!(parse_int("۵۰۰"), Some(500));
        assert_eq!(parse_int("৫০"), Some(50));
        assert_eq!(parse_int("−5"), Some(-5));
        assert_eq!(parse_int("-5"), Some(-5));
        assert_eq!(parse_int(""), None);
        assert_eq!(parse_int("max"), None);
        assert_eq!(parse_int("1 and 2"), None);
        assert_eq!(parse_int("1 2"), None);
        assert_eq!(parse_int("1,20"), None);
        assert_eq!(parse_int("12,34,567"), Some(1_234_567));
        assert_eq!(parse_int(",5"), None);
        assert_eq!(parse_int("99999999999999999999999"), None);
        assert_eq!(ascii_digits("between १ and ५०"), "between 1 and 50");
    }
}
