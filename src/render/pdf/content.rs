//! A writer for page content streams: typed operations in, PDF content
//! syntax out, numbers formatted once and text as character codes (see
//! [`super::encoding`]) in literal strings.

/// Builds one content stream.
pub struct Content {
    out: Vec<u8>,
}

/// An element of a `TJ` array.
pub enum Shown<'a> {
    /// Character codes.
    Codes(&'a [u8]),
    /// An adjustment in thousandths of an em, positive to the left.
    Adjust(f32),
}

impl Content {
    pub fn new() -> Content {
        Content {
            out: Vec::with_capacity(16 * 1024),
        }
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    fn op(&mut self, operator: &str) {
        self.out.extend_from_slice(operator.as_bytes());
        self.out.push(b'\n');
    }

    fn num(&mut self, value: f32) {
        number(&mut self.out, value);
        self.out.push(b' ');
    }

    /// `w`: line width.
    pub fn line_width(&mut self, width: f32) {
        self.num(width);
        self.op("w");
    }

    /// `m l S`: a straight stroked line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32)) {
        self.num(from.0);
        self.num(from.1);
        self.op("m");
        self.num(to.0);
        self.num(to.1);
        self.op("l");
        self.op("S");
    }

    /// `re S`: a stroked rectangle from its lower-left corner.
    pub fn rectangle(&mut self, x: f32, y: f32, width: f32, height: f32) {
        for v in [x, y, width, height] {
            self.num(v);
        }
        self.op("re S");
    }

    /// `BT`
    pub fn begin_text(&mut self) {
        self.op("BT");
    }

    /// `ET`
    pub fn end_text(&mut self) {
        self.op("ET");
    }

    /// `Tf`: font resource `name` at `size`.
    pub fn font(&mut self, name: &str, size: f32) {
        self.out.push(b'/');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b' ');
        self.num(size);
        self.op("Tf");
    }

    /// `Tw`: extra advance of each space (code 32), in unscaled text space units.
    pub fn word_spacing(&mut self, width: f32) {
        self.num(width);
        self.op("Tw");
    }

    /// `Tz`: horizontal scaling in percent.
    pub fn horizontal_scaling(&mut self, percent: f32) {
        self.num(percent);
        self.op("Tz");
    }

    /// `Tm`: the text matrix as a translation to (`x`, `y`).
    pub fn text_position(&mut self, x: f32, y: f32) {
        self.out.extend_from_slice(b"1 0 0 1 ");
        self.num(x);
        self.num(y);
        self.op("Tm");
    }

    /// `Td`: move to the start of the next line by (`dx`, `dy`).
    pub fn next_line(&mut self, dx: f32, dy: f32) {
        self.num(dx);
        self.num(dy);
        self.op("Td");
    }

    /// `TJ` (or `Tj` for a single string).
    pub fn show(&mut self, items: &[Shown]) {
        if let [Shown::Codes(codes)] = items {
            string(&mut self.out, codes);
            self.out.push(b' ');
            self.op("Tj");
            return;
        }
        self.out.push(b'[');
        for item in items {
            match item {
                Shown::Codes(codes) => string(&mut self.out, codes),
                Shown::Adjust(a) => {
                    self.out.push(b' ');
                    // A tenth of a thousandth of an em: 0.0014 pt at 14 pt.
                    number(&mut self.out, (a * 10.0).round() / 10.0);
                    self.out.push(b' ');
                }
            }
        }
        self.out.extend_from_slice(b"] ");
        self.op("TJ");
    }
}

/// A literal string of codes, with the delimiters, the escape character and
/// line ends escaped (a raw CR or LF would read as LF).
fn string(out: &mut Vec<u8>, codes: &[u8]) {
    out.push(b'(');
    for &byte in codes {
        match byte {
            b'(' | b')' | b'\\' => {
                out.push(b'\\');
                out.push(byte);
            }
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\n' => out.extend_from_slice(b"\\n"),
            _ => out.push(byte),
        }
    }
    out.push(b')');
}

/// A number to three decimals, without trailing zeros (`-70.721`, `85.04`, `18`).
fn number(out: &mut Vec<u8>, value: f32) {
    let milli = (f64::from(value) * 1000.0).round() as i64;
    if milli < 0 {
        out.push(b'-');
    }
    let milli = milli.unsigned_abs();
    let (int, mut frac) = (milli / 1000, milli % 1000);
    digits(out, int);
    if frac != 0 {
        out.push(b'.');
        let mut width = 3;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        let start = out.len();
        digits(out, frac);
        // Leading zeros of the fraction (.05 is frac 5 at width 2).
        let missing = width - (out.len() - start);
        for _ in 0..missing {
            out.insert(start, b'0');
        }
    }
}

/// Decimal digits of `n`.
fn digits(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f32) -> String {
        let mut out = Vec::new();
        number(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_short_and_exact_to_three_decimals() {
        assert_eq!(num(18.0), "18");
        assert_eq!(num(85.03937), "85.039");
        assert_eq!(num(-70.7214), "-70.721");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(-0.0004), "0");
        assert_eq!(num(772.7), "772.7");
        assert_eq!(num(1.0001), "1");
        assert_eq!(num(2.005), "2.005");
        assert_eq!(num(-10.2), "-10.2");
        assert_eq!(num(1234567.0), "1234567");
    }

    #[test]
    fn text_operations_decode_back_with_lopdf() {
        let mut c = Content::new();
        c.begin_text();
        c.font("F1", 14.0);
        c.text_position(85.04, 772.72);
        c.word_spacing(1.25);
        // Codes whose bytes are a parenthesis, a backslash, CR and LF.
        c.show(&[
            Shown::Codes(&[0x55, 0x28, 0x29]),
            Shown::Adjust(-70.72),
            Shown::Codes(&[0x5C, 0x0D, 0xC0, 0x0A]),
        ]);
        c.next_line(0.0, -18.0);
        c.show(&[Shown::Codes(&[0x20])]);
        c.end_text();
        c.line_width(0.5);
        c.line((85.0, 700.0), (200.0, 700.0));
        let bytes = c.finish();
        let ops = lopdf::content::Content::decode(&bytes).unwrap().operations;
        let names: Vec<&str> = ops.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(
            names,
            ["BT", "Tf", "Tm", "Tw", "TJ", "Td", "Tj", "ET", "w", "m", "l", "S"]
        );
        assert_eq!(ops[3].operands[0].as_float().unwrap(), 1.25);
        let tj = ops[4].operands[0].as_array().unwrap();
        assert_eq!(tj[0].as_str().unwrap(), &[0x55, 0x28, 0x29]);
        assert_eq!(tj[1].as_float().unwrap(), -70.7);
        assert_eq!(tj[2].as_str().unwrap(), &[0x5C, 0x0D, 0xC0, 0x0A]);
        assert_eq!(ops[5].operands[1].as_float().unwrap(), -18.0);
        assert_eq!(ops[6].operands[0].as_str().unwrap(), b" ");
    }
}
