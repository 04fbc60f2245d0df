//! Text encodings of inputs: bytes → text, or an error that says where the
//! bytes stop being text and what they probably are.
//!
//! Every text input may be UTF-8 (a byte-order mark dropped) or UTF-16 (by
//! its byte-order mark, or without one by the pattern of its NUL bytes). An
//! article may also arrive in the Vietnamese encodings of the 1990s —
//! Windows-1258, TCVN3 (ABC), VNI — as their raw bytes, or as UTF-8 text
//! that a program once read as Windows-1252 (`Ngaøy` is VNI read so,
//! `NgÃ y` UTF-8 read so). Those are recognised by how Vietnamese the text
//! reads each way ([`score`]) and refused, naming the encoding and the
//! `--encoding` that converts them. NUL bytes and invalid sequences are
//! errors with line, column and byte offset.

mod legacy;
mod score;

pub use legacy::{
    as_1252_bytes, decode_1258, decode_tcvn3, decode_vni, encode_tcvn3, encode_vni, repair_utf8,
};
pub use score::{first_bad_word, score, Score};

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Location, Result};

/// An encoding `--encoding` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1258,
    Tcvn3,
    Vni,
    /// UTF-8 text once read as Windows-1252 (`NgÃ y`).
    Utf8As1252,
}

impl Encoding {
    pub const ALL: [Encoding; 7] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1258,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Utf8As1252,
    ];

    /// The name `--encoding` takes.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Utf8As1252 => "utf-8-as-1252",
        }
    }

    /// The encoding a name (or a usual alias) means, any case.
    pub fn from_name(name: &str) -> Option<Encoding> {
        let n = name.trim().to_ascii_lowercase().replace('_', "-");
        let e = match n.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "utf-16le" | "utf16le" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            "windows-1258" | "cp1258" | "1258" => Encoding::Windows1258,
            "tcvn3" | "abc" | "tcvn" => Encoding::Tcvn3,
            "vni" | "vni-windows" => Encoding::Vni,
            "utf-8-as-1252" | "mojibake" => Encoding::Utf8As1252,
            _ => return None,
        };
        Some(e)
    }

    /// How messages call it.
    fn describe(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8As1252 => "UTF-8",
            Encoding::Utf16Le => "UTF-16 (little-endian)",
            Encoding::Utf16Be => "UTF-16 (big-endian)",
            Encoding::Windows1258 => "Windows-1258",
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI",
        }
    }
}

/// The messages of this module.
mod msg {
    use crate::t;

    pub fn invalid_utf8(byte: u8, offset: usize) -> String {
        t!("enc-invalid", byte = format!("{byte:02X}"), offset = offset)
    }
    pub fn invalid_hint() -> String {
        t!("enc-invalid-hint")
    }

    pub fn nul(offset: usize) -> String {
        t!("enc-nul", offset = offset)
    }
    pub fn nul_hint() -> String {
        t!("enc-nul-hint")
    }

    pub fn invalid_utf16(what: &str, offset: usize) -> String {
        t!("enc-bad-utf16", what = what, offset = offset)
    }

    pub fn legacy(what: &str, byte: u8, offset: usize, sample: &str) -> String {
        t!(
            "enc-reads-as",
            byte = format!("{byte:02X}"),
            offset = offset,
            what = what,
            sample = sample
        )
    }

    pub fn mojibake(what: &str, bad: &str, good: &str) -> String {
        t!("enc-misread", what = what, bad = bad, good = good)
    }

    pub fn convert(name: &str) -> String {
        t!("enc-convert-hint", name = name)
    }

    pub fn not_misread(what: &str, c: char) -> String {
        t!("enc-not-misread", char = c.to_string(), what = what)
    }
    pub fn not_misread_hint() -> String {
        t!("enc-wrong-hint")
    }
    pub fn not_misread_bytes() -> String {
        t!("enc-not-misread-bytes")
    }

    pub fn lost() -> String {
        t!("enc-lost")
    }
    pub fn lost_hint() -> String {
        t!("enc-lost-hint")
    }
}

/// The share of words that must read as Vietnamese for an encoding to be
/// taken for the file's.
const GOOD: f64 = 0.9;

/// Line and column (1-based, in characters) just after `before`.
fn locate(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn at(source: &str, before: &str) -> Location {
    let (line, column) = locate(before);
    Location::at(source, line, column)
}

/// Text of a data or profile file: UTF-8 (a byte-order mark dropped) or
/// UTF-16 (by its byte-order mark or its NUL bytes).
pub fn decode(source: &str, bytes: &[u8]) -> Result<String> {
    match unicode(source, bytes, None)? {
        Decoded::Text(t) => Ok(t),
        Decoded::NotUtf8 { error, .. } => Err(error),
    }
}

/// What UTF-8 and UTF-16 decoding made of the bytes.
enum Decoded {
    Text(String),
    /// Invalid UTF-8: the error to give, and the bytes after any BOM.
    NotUtf8 {
        error: Error,
        body: usize,
    },
}

/// Decodes UTF-8 or UTF-16 (`force` one of them, or by BOM and NULs).
fn unicode(source: &str, bytes: &[u8], force: Option<Encoding>) -> Result<Decoded> {
    let (utf16, body) = match (force, bytes) {
        (Some(Encoding::Utf8), [0xEF, 0xBB, 0xBF, ..]) | (None, [0xEF, 0xBB, 0xBF, ..]) => {
            (None, 3)
        }
        (Some(Encoding::Utf8), _) => (None, 0),
        (None | Some(Encoding::Utf16Le), [0xFF, 0xFE, ..]) => (Some(Encoding::Utf16Le), 2),
        (None | Some(Encoding::Utf16Be), [0xFE, 0xFF, ..]) => (Some(Encoding::Utf16Be), 2),
        (Some(e @ (Encoding::Utf16Le | Encoding::Utf16Be)), _) => (Some(e), 0),
        (_, _) => match utf16_by_nuls(bytes) {
            // Guessed: taken only if it decodes to text.
            Some(e) => match utf16_text(source, bytes, e, 0) {
                Ok(t) if !t.chars().any(|c| c.is_control() && !"\n\r\t".contains(c)) => {
                    return Ok(Decoded::Text(t))
                }
                _ => (None, 0),
            },
            None => (None, 0),
        },
    };
    if let Some(e) = utf16 {
        return utf16_text(source, &bytes[body..], e, body).map(Decoded::Text);
    }
    let rest = &bytes[body..];
    match std::str::from_utf8(rest) {
        Ok(text) => {
            no_nul(source, text, body)?;
            Ok(Decoded::Text(text.to_string()))
        }
        Err(e) => {
            let good = &rest[..e.valid_up_to()];
            // The valid part is UTF-8 by construction.
            let before = std::str::from_utf8(good).unwrap_or_default();
            no_nul(source, before, body)?;
            let error = Error::invalid(
                at(source, before),
                msg::invalid_utf8(rest[e.valid_up_to()], body + e.valid_up_to()),
            )
            .with_hint(msg::invalid_hint());
            Ok(Decoded::NotUtf8 { error, body })
        }
    }
}

/// UTF-16 without a byte-order mark, told by its NUL bytes: in text of
/// mostly ASCII letters every other byte is 0.
fn utf16_by_nuls(bytes: &[u8]) -> Option<Encoding> {
    let pairs = bytes.len().min(4096) / 2;
    if pairs < 8 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for i in 0..pairs {
        even += usize::from(bytes[2 * i] == 0);
        odd += usize::from(bytes[2 * i + 1] == 0);
    }
    if odd * 10 >= pairs * 3 && even * 50 <= pairs {
        Some(Encoding::Utf16Le)
    } else if even * 10 >= pairs * 3 && odd * 50 <= pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn utf16_text(source: &str, bytes: &[u8], e: Encoding, offset: usize) -> Result<String> {
    let unit = |c: &[u8]| match e {
        Encoding::Utf16Be => u16::from_be_bytes([c[0], c[1]]),
        _ => u16::from_le_bytes([c[0], c[1]]),
    };
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut consumed = 0;
    for r in char::decode_utf16(bytes.chunks_exact(2).map(unit)) {
        match r {
            Ok(c) => {
                consumed += 2 * c.len_utf16();
                text.push(c);
            }
            Err(_) => {
                return Err(Error::invalid(
                    at(source, &text),
                    msg::invalid_utf16(e.describe(), offset + consumed),
                )
                .with_hint(msg::invalid_hint()))
            }
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(Error::invalid(
            at(source, &text),
            msg::invalid_utf16(e.describe(), offset + bytes.len() - 1),
        )
        .with_hint(msg::invalid_hint()));
    }
    no_nul(source, &text, offset)?;
    Ok(text)
}

/// A NUL character is an error with its place.
fn no_nul(source: &str, text: &str, offset: usize) -> Result<()> {
    match memchr::memchr(0, text.as_bytes()) {
        None => Ok(()),
        Some(i) => {
            Err(Error::invalid(at(source, &text[..i]), msg::nul(offset + i))
                .with_hint(msg::nul_hint()))
        }
    }
}

/// Text of an article. With `given`, the bytes are read in that encoding
/// (Windows-1258, TCVN3 and VNI either as raw bytes or as UTF-8 text once
/// read as Windows-1252). Without, UTF-8 or UTF-16 is decoded, and text in
/// a Vietnamese legacy encoding or misread as Windows-1252 is refused with
/// the `--encoding` that reads it.
pub fn decode_article(source: &str, bytes: &[u8], given: Option<Encoding>) -> Result<String> {
    match given {
        None => auto(source, bytes),
        Some(e @ (Encoding::Utf8 | Encoding::Utf16Le | Encoding::Utf16Be)) => {
            match unicode(source, bytes, Some(e))? {
                Decoded::Text(t) => Ok(t),
                Decoded::NotUtf8 { error, .. } => Err(error),
            }
        }
        Some(e) => convert(source, bytes, e),
    }
}

/// The legacy reading of raw bytes.
fn read_legacy(e: Encoding, bytes: &[u8]) -> String {
    match e {
        Encoding::Windows1258 => decode_1258(bytes),
        Encoding::Tcvn3 => decode_tcvn3(bytes),
        _ => decode_vni(bytes),
    }
}

/// Reads the bytes as `e` (a legacy encoding, or UTF-8 misread).
fn convert(source: &str, bytes: &[u8], e: Encoding) -> Result<String> {
    let body = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        &bytes[3..]
    } else {
        bytes
    };
    let text = match std::str::from_utf8(body) {
        // Already text: the misreading is undone.
        Ok(text) if !text.is_ascii() || e == Encoding::Utf8As1252 => {
            let Some(raw) = as_1252_bytes(text) else {
                let (i, c) = text
                    .char_indices()
                    .find(|(_, c)| as_1252_bytes(&c.to_string()).is_none())
                    .unwrap_or((0, '?'));
                let (message, hint) = if c == '\u{fffd}' {
                    (msg::lost(), msg::lost_hint())
                } else {
                    (msg::not_misread(e.describe(), c), msg::not_misread_hint())
                };
                return Err(Error::invalid(at(source, &text[..i]), message).with_hint(hint));
            };
            if e == Encoding::Utf8As1252 {
                match repair_utf8(text) {
                    Some(t) => t,
                    None => {
                        return Err(Error::invalid(
                            Location::file(source),
                            msg::not_misread_bytes(),
                        )
                        .with_hint(msg::not_misread_hint()))
                    }
                }
            } else {
                read_legacy(e, &raw)
            }
        }
        _ => read_legacy(e, body),
    };
    no_nul(source, &text, 0)?;
    Ok(text)
}

/// UTF-8 or UTF-16, legacy encodings and misreadings refused.
fn auto(source: &str, bytes: &[u8]) -> Result<String> {
    match unicode(source, bytes, None)? {
        Decoded::Text(text) => {
            misread(source, &text)?;
            Ok(text)
        }
        Decoded::NotUtf8 { error, body } => {
            let raw = &bytes[body..];
            let best = [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni]
                .into_iter()
                .map(|e| {
                    let t = read_legacy(e, raw);
                    (score(&t), e, t)
                })
                .filter(|(s, _, _)| s.good >= 2 && s.ratio() >= GOOD)
                .max_by(|a, b| a.0.ratio().total_cmp(&b.0.ratio()));
            let Some((_, e, text)) = best else {
                return Err(error);
            };
            let at = match error {
                Error::Invalid { at, .. } => at,
                other => return Err(other),
            };
            let bad = std::str::from_utf8(raw)
                .err()
                .map_or(0, |e| e.valid_up_to());
            let line = at.line.unwrap_or(1);
            let sample = sample_line(&text, line);
            Err(
                Error::invalid(at, msg::legacy(e.describe(), raw[bad], body + bad, &sample))
                    .with_hint(msg::convert(e.name())),
            )
        }
    }
}

/// Refuses valid text that reads as a Vietnamese encoding misread as
/// Windows-1252.
fn misread(source: &str, text: &str) -> Result<()> {
    let before = score(text);
    if before.ratio() >= GOOD {
        return Ok(());
    }
    let candidates = [
        Encoding::Utf8As1252,
        Encoding::Vni,
        Encoding::Tcvn3,
        Encoding::Windows1258,
    ];
    let best = candidates
        .into_iter()
        .filter_map(|e| reread(e, text).map(|t| (score(&t), e)))
        .filter(|(s, _)| s.good >= 2 && s.ratio() >= GOOD && s.ratio() >= before.ratio() + 0.3)
        .max_by(|a, b| a.0.ratio().total_cmp(&b.0.ratio()));
    let Some((_, e)) = best else {
        return Ok(());
    };
    let (offset, _) = first_bad_word(text).unwrap_or((0, ""));
    let place = at(source, &text[..offset]);
    let line = text
        .lines()
        .nth(place.line.unwrap_or(1) - 1)
        .unwrap_or_default();
    let fixed = reread(e, line).unwrap_or_default();
    let (bad, good) = (sample_line(line, 1), sample_line(&fixed, 1));
    Err(
        Error::invalid(place, msg::mojibake(e.describe(), &bad, &good))
            .with_hint(msg::convert(e.name())),
    )
}

/// `text` read back as `e` had it not been misread as Windows-1252;
/// characters the misreading lost (U+FFFD, where a program had none for
/// 0x81, 0x8D, 0x8F, 0x90 or 0x9D) stand as `?`. `None` if `text` holds
/// other characters Windows-1252 lacks.
fn reread(e: Encoding, text: &str) -> Option<String> {
    if e == Encoding::Utf8As1252 {
        if let Some(t) = repair_utf8(text) {
            return Some(t);
        }
    }
    let raw = match as_1252_bytes(text) {
        Some(raw) => raw,
        None if text.contains('\u{fffd}') => {
            let kept: String = text
                .chars()
                .map(|c| if c == '\u{fffd}' { '?' } else { c })
                .collect();
            as_1252_bytes(&kept)?
        }
        None => return None,
    };
    Some(match e {
        Encoding::Utf8As1252 => String::from_utf8_lossy(&raw).nfc().collect(),
        _ => read_legacy(e, &raw),
    })
}

/// The first words of line `line` of `text`, for a message.
fn sample_line(text: &str, line: usize) -> String {
    let l = text.lines().nth(line - 1).unwrap_or_default().trim();
    let words: Vec<&str> = l.split_whitespace().take(8).collect();
    let mut s = words.join(" ");
    if l.split_whitespace().count() > 8 {
        s.push_str(" …");
    }
    s.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Tin tức\nNgày đăng 13/01/2022\nĐảng ủy phường đã lãnh đạo thực hiện thắng lợi các nhiệm vụ của năm.\n";

    fn utf16(text: &str, be: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    }

    #[test]
    fn utf16_is_read_with_or_without_its_mark() {
        for be in [false, true] {
            let bare = utf16(ARTICLE, be);
            assert_eq!(decode_article("a", &bare, None).unwrap(), ARTICLE);
            let mark: &[u8] = if be { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] };
            let marked = [mark, &bare].concat();
            assert_eq!(decode("a", &marked).unwrap(), ARTICLE);
        }
    }

    #[test]
    fn nul_and_invalid_bytes_are_located() {
        let e = decode("a.txt", b"ab\ncd\0e").unwrap_err().to_string();
        assert!(
            e.starts_with("a.txt:2:3: the file holds a NUL byte (byte offset 5)"),
            "{e}"
        );
        let e = decode("a.txt", b"x\n\xc4\x91y\xff")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("a.txt:2:3: the file is not UTF-8 text: byte 0xFF at byte offset 5"),
            "{e}"
        );
    }

    #[test]
    fn legacy_bytes_are_named_and_converted_on_request() {
        for (e, bytes) in [
            (Encoding::Tcvn3, encode_tcvn3(ARTICLE).unwrap()),
            (Encoding::Vni, encode_vni(ARTICLE).unwrap()),
            (Encoding::Windows1258, win1258(ARTICLE)),
        ] {
            let err = decode_article("a.txt", &bytes, None)
                .unwrap_err()
                .to_string();
            assert!(err.contains(&format!("--encoding {}", e.name())), "{err}");
            assert!(
                err.contains("reads as") && err.contains("“Tin tức”"),
                "{err}"
            );
            let text = decode_article("a.txt", &bytes, Some(e)).unwrap();
            assert_eq!(text, ARTICLE, "{e:?}");
        }
    }

    /// Windows-1258 as Word writes it: the letters it has, else the letter
    /// without its tone and a combining tone mark.
    fn win1258(text: &str) -> Vec<u8> {
        let enc = |s: &str| {
            let (b, _, bad) = encoding_rs::WINDOWS_1258.encode(s);
            (!bad).then(|| b.into_owned())
        };
        let mut out = Vec::new();
        for c in text.chars() {
            if let Some(b) = enc(&c.to_string()) {
                out.extend(b);
                continue;
            }
            let d: String = c.to_string().nfd().collect();
            let tone =
                |m: &char| matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
            let letter: String = d
                .chars()
                .filter(|m| !tone(m))
                .collect::<String>()
                .nfc()
                .collect();
            let marks: String = d.chars().filter(tone).collect();
            out.extend(enc(&letter).unwrap());
            out.extend(enc(&marks).unwrap());
        }
        out
    }

    #[test]
    fn misread_text_is_named_and_repaired_on_request() {
        for e in [Encoding::Vni, Encoding::Tcvn3, Encoding::Utf8As1252] {
            let raw = match e {
                Encoding::Vni => encode_vni(ARTICLE).unwrap(),
                Encoding::Tcvn3 => encode_tcvn3(ARTICLE).unwrap(),
                _ => ARTICLE.as_bytes().to_vec(),
            };
            let misread = encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&raw)
                .0
                .into_owned();
            let err = decode_article("a.txt", misread.as_bytes(), None)
                .unwrap_err()
                .to_string();
            assert!(
                err.contains(&format!("--encoding {}", e.name())),
                "{e:?}: {err}"
            );
            let text = decode_article("a.txt", misread.as_bytes(), Some(e)).unwrap();
            assert_eq!(text, ARTICLE, "{e:?}");
        }
    }

    #[test]
    fn good_text_passes_untouched() {
        assert_eq!(
            decode_article("a", ARTICLE.as_bytes(), None).unwrap(),
            ARTICLE
        );
        let bom = [&[0xEF, 0xBB, 0xBF][..], ARTICLE.as_bytes()].concat();
        assert_eq!(decode_article("a", &bom, None).unwrap(), ARTICLE);
        let png = b"\x89PNG\r\n\x1a\n\xff\xd8";
        let e = decode_article("a", png, None).unwrap_err().to_string();
        assert!(
            e.contains("not UTF-8 text: byte 0x89 at byte offset 0"),
            "{e}"
        );
    }
}
