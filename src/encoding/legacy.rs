//! The Vietnamese byte encodings of the 1990s that articles still arrive in:
//! TCVN3 (ABC, TCVN 5712:1993 VN3) and VNI (VNI for Windows). Windows-1258
//! is `encoding_rs`'s; its combining tone marks are composed here.
//!
//! The tables are written from the published layouts:
//! - TCVN3: the VN3 letters of TCVN 5712:1993 at 0xA1–0xFE (lower-case
//!   letters with tone marks, and Ă Â Ê Ô Ơ Ư Đ), and the capitals with
//!   tone marks that TCVN 5712 places in the same range (VN1/VN2); the
//!   values agree with glibc's `TCVN5712-1` there (a test compares them
//!   where `iconv` is installed). VN3 has no other capitals with tone marks:
//!   a document typed in the `.VnTimeH` capitals font holds lower-case codes,
//!   which are read as lower case. Bytes 0x80–0x9F are Windows-1252 (the
//!   quotation marks and dashes word processors typed there).
//! - VNI: an ASCII vowel followed by a mark byte (`a` + 0xF9 `ù` is `á`,
//!   `a` + 0xE2 `â` is `â`, `a` + 0xE1 `á` is `ấ`), single bytes for `đ`,
//!   `ơ`, `ư` and the `i` letters, capitals with the mark bytes 0x20 lower.

use unicode_normalization::UnicodeNormalization;

/// The tone marks in the order of the tables: none, acute (sắc), grave
/// (huyền), hook above (hỏi), tilde (ngã), dot below (nặng).
const TONES: [&str; 6] = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"];

/// The letter `base` (a vowel, with its quality mark if any) with tone `t`.
fn with_tone(base: &str, t: usize) -> char {
    let s: String = format!("{base}{}", TONES[t]).nfc().collect();
    let mut chars = s.chars();
    let c = chars.next().expect("a letter");
    debug_assert!(chars.next().is_none(), "{base} + tone {t} composes");
    c
}

/// TCVN3 (VN3) and the capitals of TCVN 5712 above 0xA0: (vowel, bytes for
/// the six tones; 0 where the encoding has no code).
const TCVN3_VOWELS: [(&str, [u8; 6]); 24] = [
    ("a", [b'a', 0xB8, 0xB5, 0xB6, 0xB7, 0xB9]),
    ("ă", [0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6]),
    ("â", [0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB]),
    ("e", [b'e', 0xD0, 0xCC, 0xCE, 0xCF, 0xD1]),
    ("ê", [0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6]),
    ("i", [b'i', 0xDD, 0xD7, 0xD8, 0xDC, 0xDE]),
    ("o", [b'o', 0xE3, 0xDF, 0xE1, 0xE2, 0xE4]),
    ("ô", [0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9]),
    ("ơ", [0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE]),
    ("u", [b'u', 0xF3, 0xEF, 0xF1, 0xF2, 0xF4]),
    ("ư", [0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9]),
    ("y", [b'y', 0xFD, 0xFA, 0xFB, 0xFC, 0xFE]),
    ("A", [b'A', 0, 0, 0, 0, 0]),
    ("Ă", [0xA1, 0xC0, 0xAF, 0xBA, 0xBF, 0]),
    ("Â", [0xA2, 0xC4, 0xC1, 0xC2, 0xC3, 0]),
    ("E", [b'E', 0, 0, 0, 0, 0]),
    ("Ê", [0xA3, 0xDA, 0xC5, 0xCD, 0xD9, 0]),
    ("I", [b'I', 0, 0, 0, 0, 0]),
    ("O", [b'O', 0, 0, 0, 0, 0]),
    ("Ô", [0xA4, 0xFF, 0xDB, 0xE0, 0xF0, 0]),
    ("Ơ", [0xA5, 0, 0, 0, 0, 0]),
    ("U", [b'U', 0, 0, 0, 0, 0]),
    ("Ư", [0xA6, 0, 0, 0, 0, 0]),
    ("Y", [b'Y', 0, 0, 0, 0, 0]),
];

/// Combining tone marks of TCVN 5712 (0xB0–0xB4), composed after reading.
const TCVN3_MARKS: [(u8, char); 5] = [
    (0xB0, '\u{300}'),
    (0xB1, '\u{309}'),
    (0xB2, '\u{303}'),
    (0xB3, '\u{301}'),
    (0xB4, '\u{323}'),
];

/// The character of each byte 0xA0–0xFF in TCVN3.
fn tcvn3_high() -> &'static [char; 96] {
    static TABLE: std::sync::OnceLock<[char; 96]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = ['\u{fffd}'; 96];
        t[0] = '\u{a0}';
        for (base, codes) in TCVN3_VOWELS {
            for (tone, &b) in codes.iter().enumerate() {
                if b >= 0xA0 {
                    t[(b - 0xA0) as usize] = with_tone(base, tone);
                }
            }
        }
        t[0xA7 - 0xA0] = 'Đ';
        t[0xAE - 0xA0] = 'đ';
        for (b, mark) in TCVN3_MARKS {
            t[(b - 0xA0) as usize] = mark;
        }
        t
    })
}

/// Reads TCVN3 bytes as text (NFC).
pub fn decode_tcvn3(bytes: &[u8]) -> String {
    let high = tcvn3_high();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        match b {
            0x00..=0x7F => out.push(b as char),
            0x80..=0x9F => out.push(windows_1252(b)),
            _ => out.push(high[(b - 0xA0) as usize]),
        }
    }
    out.nfc().collect()
}

/// Writes text as TCVN3, `None` if a character has no code. Capitals with
/// tone marks that VN3 lacks are written with their lower-case codes (as a
/// `.VnTimeH` document holds them).
pub fn encode_tcvn3(text: &str) -> Option<Vec<u8>> {
    let high = tcvn3_high();
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let find = |c: char| high.iter().position(|&h| h == c).map(|i| i as u8 + 0xA0);
        let code = find(c).or_else(|| c.to_lowercase().next().and_then(find))?;
        out.push(code);
    }
    Some(out)
}

/// VNI's mark bytes (lower-case forms; capitals use the byte 0x20 lower):
/// the five tones after a plain vowel, and the quality marks with each tone.
const VNI_TONE: [u8; 6] = [0, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF];
const VNI_CIRCUMFLEX: [u8; 6] = [0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4];
const VNI_BREVE: [u8; 6] = [0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB];
/// Letters VNI writes as one byte (lower case): the `i` letters, `ỵ`, `đ`,
/// and `ơ`, `ư` (which take the tone bytes after them).
const VNI_SINGLE: [(char, u8); 9] = [
    ('í', 0xED),
    ('ì', 0xEC),
    ('ỉ', 0xE6),
    ('ĩ', 0xF3),
    ('ị', 0xF2),
    ('ỵ', 0xEE),
    ('đ', 0xF1),
    ('ơ', 0xF4),
    ('ư', 0xF6),
];

/// Every Vietnamese letter VNI writes, with its bytes.
fn vni_table() -> &'static [(char, Vec<u8>)] {
    static TABLE: std::sync::OnceLock<Vec<(char, Vec<u8>)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Vec<(char, Vec<u8>)> = Vec::new();
        for upper in [false, true] {
            let case = |b: u8| if upper { b - 0x20 } else { b };
            let letter = |s: &str| {
                if upper {
                    s.to_uppercase()
                } else {
                    s.to_string()
                }
            };
            for &(c, b) in &VNI_SINGLE {
                let c = if upper {
                    c.to_uppercase().next().expect("a capital")
                } else {
                    c
                };
                t.push((c, vec![case(b)]));
            }
            for v in ["a", "e", "o", "u", "y"] {
                for (tone, &m) in VNI_TONE.iter().enumerate().skip(1) {
                    if v == "y" && tone == 5 {
                        continue; // ỵ is one byte
                    }
                    let base = letter(v);
                    t.push((with_tone(&base, tone), vec![base.as_bytes()[0], case(m)]));
                }
            }
            for (v, marks) in [
                ("a", &VNI_CIRCUMFLEX),
                ("e", &VNI_CIRCUMFLEX),
                ("o", &VNI_CIRCUMFLEX),
            ] {
                let quality = letter(&format!("{v}\u{302}"));
                for (tone, &m) in marks.iter().enumerate() {
                    t.push((
                        with_tone(&quality, tone),
                        vec![letter(v).as_bytes()[0], case(m)],
                    ));
                }
            }
            for (tone, &m) in VNI_BREVE.iter().enumerate() {
                let quality = letter("a\u{306}");
                t.push((
                    with_tone(&quality, tone),
                    vec![letter("a").as_bytes()[0], case(m)],
                ));
            }
            for (v, b) in [("o\u{31b}", 0xF4u8), ("u\u{31b}", 0xF6)] {
                for (tone, &m) in VNI_TONE.iter().enumerate().skip(1) {
                    t.push((with_tone(&letter(v), tone), vec![case(b), case(m)]));
                }
            }
        }
        t.retain(|(c, _)| !c.is_ascii());
        t
    })
}

/// Reads VNI bytes as text (NFC). A mark byte after a letter it belongs to
/// joins it (either case of the mark is taken); other bytes are Windows-1252.
pub fn decode_vni(bytes: &[u8]) -> String {
    let table = vni_table();
    let two = |a: u8, b: u8| {
        table
            .iter()
            .find(|(_, code)| {
                code.len() == 2 && code[0] == a && (code[1] == b || code[1] == b ^ 0x20)
            })
            .map(|(c, _)| *c)
    };
    let one = |a: u8| {
        table
            .iter()
            .find(|(_, code)| code.len() == 1 && code[0] == a)
            .map(|(c, _)| *c)
    };
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(&next) = bytes.get(i + 1) {
            if next >= 0xC0 {
                if let Some(c) = two(b, next) {
                    // A capital's mark is the capital form, a small letter's
                    // the small one; take the letter's case either way.
                    let c = if b.is_ascii_uppercase() || (0xC0..0xE0).contains(&b) {
                        c.to_uppercase().next().unwrap_or(c)
                    } else {
                        c.to_lowercase().next().unwrap_or(c)
                    };
                    out.push(c);
                    i += 2;
                    continue;
                }
            }
        }
        match b {
            0x00..=0x7F => out.push(b as char),
            _ => out.push(one(b).unwrap_or_else(|| windows_1252(b))),
        }
        i += 1;
    }
    out.nfc().collect()
}

/// Writes text as VNI, `None` if a character has no code.
pub fn encode_vni(text: &str) -> Option<Vec<u8>> {
    let table = vni_table();
    let mut out = Vec::with_capacity(text.len() * 2);
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
        } else {
            out.extend_from_slice(&table.iter().find(|(t, _)| *t == c)?.1);
        }
    }
    Some(out)
}

/// Reads Windows-1258 bytes as text, its combining tone marks composed (NFC).
pub fn decode_1258(bytes: &[u8]) -> String {
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    text.nfc().collect()
}

/// The Windows-1252 character of a byte.
fn windows_1252(b: u8) -> char {
    let byte = [b];
    let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
    s.chars().next().unwrap_or('\u{fffd}')
}

/// The bytes `text` came from if it is bytes read as Windows-1252 (every
/// character is one of Windows-1252's); `None` otherwise.
pub fn as_1252_bytes(text: &str) -> Option<Vec<u8>> {
    let (bytes, _, had_errors) = encoding_rs::WINDOWS_1252.encode(text);
    (!had_errors).then(|| bytes.into_owned())
}

/// UTF-8 text that was read as Windows-1252 (`NgÃ y`), repaired; `None` if
/// the bytes are not UTF-8. A no-break space the misreading made of 0xA0 and
/// a later step turned into a space is taken back.
pub fn repair_utf8(text: &str) -> Option<String> {
    let mut bytes = as_1252_bytes(text)?;
    loop {
        let e = match std::str::from_utf8(&bytes) {
            Ok(s) => return Some(s.nfc().collect()),
            Err(e) => e,
        };
        // A space inside the sequence where 0xA0 belonged; anything else
        // means these are not UTF-8 bytes.
        let at = e.valid_up_to();
        let len = match bytes[at] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return None,
        };
        let end = (at + len).min(bytes.len());
        let space = (at + 1..end).find(|&i| bytes[i] == b' ')?;
        bytes[space] = 0xA0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Vietnamese letter, small and capital: 12 vowels × 6 tones and đ.
    fn letters() -> Vec<char> {
        let mut v = Vec::new();
        for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in 0..6 {
                let c = with_tone(base, tone);
                v.push(c);
                v.extend(c.to_uppercase());
            }
        }
        v.extend(['đ', 'Đ']);
        v
    }

    #[test]
    fn vni_writes_and_reads_every_letter() {
        let all = letters();
        assert_eq!(all.len(), 146);
        for c in all {
            let bytes = encode_vni(&c.to_string()).unwrap_or_else(|| panic!("{c} has no VNI code"));
            assert_eq!(decode_vni(&bytes), c.to_string(), "{c}: {bytes:02X?}");
        }
    }

    #[test]
    fn vni_reads_the_published_examples() {
        let ex = encoding_rs::WINDOWS_1252
            .encode("Xin chaøo caùc baïn. Ngaøy ñaêng. ÑAÛNG UÛY PHÖÔØNG")
            .0;
        assert_eq!(
            decode_vni(&ex),
            "Xin chào các bạn. Ngày đăng. ĐẢNG ỦY PHƯỜNG"
        );
        assert_eq!(encode_vni("người").unwrap(), b"ng\xf6\xf4\xf8i");
    }

    #[test]
    fn tcvn3_writes_and_reads_every_small_letter_and_its_capitals() {
        for c in letters() {
            let bytes = encode_tcvn3(&c.to_string()).unwrap();
            let back = decode_tcvn3(&bytes);
            // Capitals VN3 lacks come back in lower case.
            let expect = if high_code(c) {
                c.to_string()
            } else {
                c.to_lowercase().to_string()
            };
            assert_eq!(back, expect, "{c}: {bytes:02X?}");
        }
        let ex = encoding_rs::WINDOWS_1252
            .encode("B¶o Th¾ng, M\u{ad}\u{ea}ng Kh\u{ad}\u{ac}ng, §¶ng ñy")
            .0;
        assert_eq!(decode_tcvn3(&ex), "Bảo Thắng, Mường Khương, Đảng ủy");
    }

    fn high_code(c: char) -> bool {
        c.is_ascii() || tcvn3_high().contains(&c)
    }

    /// The table against glibc's TCVN5712-1 where `iconv` is installed.
    #[test]
    fn tcvn3_agrees_with_glibc_above_0xa0() {
        use std::io::Write;
        let bytes: Vec<u8> = (0xA1..=0xFFu8)
            .filter(|b| !(0xB0..=0xB4).contains(b))
            .collect();
        let Ok(mut child) = std::process::Command::new("iconv")
            .args(["-f", "TCVN5712-1", "-t", "UTF-8"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
        else {
            eprintln!("iconv not installed: the TCVN3 table is not compared with glibc's");
            return;
        };
        child.stdin.take().unwrap().write_all(&bytes).unwrap();
        let out = child.wait_with_output().unwrap();
        let theirs: String = String::from_utf8(out.stdout).unwrap().nfc().collect();
        assert_eq!(decode_tcvn3(&bytes), theirs);
    }

    #[test]
    fn windows_1258_tone_marks_are_composed() {
        // "Người" in Windows-1258: ư, ơ and a combining grave (0xCC).
        assert_eq!(decode_1258(b"Ng\xfd\xf5\xcci"), "Người");
        assert_eq!(decode_1258(b"\xd0a\xecng"), "Đáng");
    }

    #[test]
    fn utf8_read_as_1252_is_repaired() {
        assert_eq!(
            repair_utf8("NgÃ\u{a0}y Ä‘Äƒng").as_deref(),
            Some("Ngày đăng")
        );
        assert_eq!(repair_utf8("NgÃ y").as_deref(), Some("Ngày"));
        // `à` is a Windows-1252 character, but E0 79 is no UTF-8.
        assert_eq!(repair_utf8("Ngày"), None);
        assert_eq!(repair_utf8("người"), None, "ư is no Windows-1252 character");
        assert_eq!(repair_utf8("plain"), Some("plain".into()));
    }
}
