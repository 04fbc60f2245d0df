//! Reading a PDF's objects with lopdf, an independent parser (baocao writes
//! its files itself): text strings, the catalog, dictionaries by reference.

use lopdf::{Dictionary, Document, Object};

/// Loads a PDF file with lopdf.
pub fn load(pdf: &std::path::Path) -> Document {
    Document::load(pdf).unwrap_or_else(|e| panic!("lopdf cannot read {}: {e}", pdf.display()))
}

/// A PDF text string (ISO 32000-1, 7.9.2.2): UTF-16BE after a byte-order
/// mark, else PDFDocEncoding (ASCII here).
pub fn text(o: &Object) -> String {
    let bytes = o.as_str().expect("a string");
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).expect("valid UTF-16")
        }
        None => {
            assert!(bytes.is_ascii(), "a PDFDocEncoding string beyond ASCII");
            String::from_utf8(bytes.to_vec()).unwrap()
        }
    }
}

/// `o` itself, or the object it refers to.
pub fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).expect("a referenced object"),
        o => o,
    }
}

/// The dictionary at `key` of `dict` (direct or referenced), if any.
pub fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    d.get(key).ok().map(|o| match resolve(doc, o) {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        other => panic!(
            "{} is no dictionary: {other:?}",
            String::from_utf8_lossy(key)
        ),
    })
}

pub fn catalog(doc: &Document) -> &Dictionary {
    doc.catalog().expect("a catalog")
}

/// The information dictionary.
pub fn info(doc: &Document) -> &Dictionary {
    dict(doc, &doc.trailer, b"Info").expect("an information dictionary")
}

/// A name's text.
pub fn name(o: &Object) -> &str {
    std::str::from_utf8(o.as_name().expect("a name")).unwrap()
}
