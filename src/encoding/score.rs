//! How Vietnamese a text reads: of its words with a letter outside ASCII,
//! how many are written only in the Vietnamese alphabet, with at most one
//! tone mark and in one case (`người`, `Người`, `NGƯỜI`). Text in the wrong
//! encoding fails that almost everywhere (`Ngaøy`, `NgÃ`, `Ng\u{b5}y`).

use unicode_normalization::char::decompose_canonical;

/// Words that read as Vietnamese and words that do not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub good: usize,
    pub bad: usize,
}

impl Score {
    /// The share of good words; 1 when there is no word to judge.
    pub fn ratio(&self) -> f64 {
        let all = self.good + self.bad;
        if all == 0 {
            1.0
        } else {
            self.good as f64 / all as f64
        }
    }
}

/// Scores `text` (in NFC) by its words that hold a character outside ASCII.
pub fn score(text: &str) -> Score {
    let mut s = Score::default();
    for word in text.split(is_separator) {
        if word.is_ascii() {
            continue;
        }
        if reads_vietnamese(word) {
            s.good += 1;
        } else {
            s.bad += 1;
        }
    }
    s
}

/// The first word of `text` (with its byte offset) that holds a character
/// outside ASCII and does not read as Vietnamese.
pub fn first_bad_word(text: &str) -> Option<(usize, &str)> {
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if is_separator(c) {
            let word = &text[start..i];
            if !word.is_ascii() && !reads_vietnamese(word) {
                return Some((start, word));
            }
            start = i + c.len_utf8();
        }
    }
    None
}

/// What separates words: spaces, digits, ASCII punctuation and the general
/// punctuation of U+2010–U+206F (quotation marks, dashes, the ellipsis).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_ascii_digit()
        || ('\u{2010}'..='\u{206f}').contains(&c)
}

/// Whether `word` is letters of the Vietnamese alphabet, at most one of them
/// with a tone mark, all in one case or capitalised.
fn reads_vietnamese(word: &str) -> bool {
    let mut tones = 0;
    let mut upper_after_first = false;
    let mut lower = false;
    for (i, c) in word.chars().enumerate() {
        let Some(tone) = tone_of(c) else {
            return false;
        };
        tones += usize::from(tone);
        if c.is_uppercase() && i > 0 {
            upper_after_first = true;
        }
        if c.is_lowercase() {
            lower = true;
        }
    }
    tones <= 1 && !(upper_after_first && lower)
}

/// For a letter of the Vietnamese alphabet, whether it carries a tone mark;
/// `None` for anything else.
fn tone_of(c: char) -> Option<bool> {
    if c.is_ascii_alphabetic() {
        return Some(false);
    }
    if matches!(c, 'đ' | 'Đ') {
        return Some(false);
    }
    let mut base = None;
    let mut quality = None;
    let mut tone = 0;
    let mut other = false;
    decompose_canonical(c, |d| match d {
        'a'..='z' | 'A'..='Z' if base.is_none() => base = Some(d.to_ascii_lowercase()),
        '\u{302}' | '\u{306}' | '\u{31b}' if quality.is_none() => quality = Some(d),
        '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tone += 1,
        _ => other = true,
    });
    let base = base?;
    if other || tone > 1 || !"aeiouy".contains(base) {
        return None;
    }
    let fits = match quality {
        None => true,
        Some('\u{302}') => matches!(base, 'a' | 'e' | 'o'),
        Some('\u{306}') => base == 'a',
        Some(_) => matches!(base, 'o' | 'u'),
    };
    (fits && (quality.is_some() || tone == 1)).then_some(tone == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_reads_as_vietnamese() {
        let s = score("Người dân phường Phúc Đồng ĐẢNG ỦY “Dân vận khéo” năm 2021, thuở ấy");
        assert_eq!(s, Score { good: 13, bad: 0 });
    }

    #[test]
    fn text_in_the_wrong_encoding_does_not() {
        for (text, bad) in [
            ("Ngaøy ñaêng", 2),              // VNI read as Windows-1252
            ("NgÃ\u{a0}y Ä‘Äƒng", 3),        // UTF-8 read as Windows-1252
            ("Ng\u{b5}y \u{ae}\u{a8}ng", 2), // TCVN3 read as Windows-1252
            ("caféé", 1),
        ] {
            assert_eq!(score(text).bad, bad, "{text}");
        }
        assert_eq!(first_bad_word("Ngày Ngaøy x"), Some((6, "Ngaøy")));
        assert_eq!(first_bad_word("Ngày đăng"), None);
    }
}
