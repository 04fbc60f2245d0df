//! What the file says about itself: the information dictionary, and for
//! PDF/A-2u (ISO 19005-2, conformance level U) the XMP metadata that repeats
//! it with the `pdfaid` claim, and the OutputIntent with its sRGB profile.
//!
//! printpdf's information dictionary carries empty `/GTS_PDFXVersion`,
//! `/Identifier` and `/Keywords` and `/Trapped /False`, which make readers
//! take the file for PDF/X; it is replaced here with the entries that have
//! values, and the XMP packet is written from the same strings and dates, so
//! the two agree (ISO 19005-2, 6.6.2.3.1).

use lopdf::{dictionary, Dictionary, Document, Object, Stream, StringFormat};

use crate::page::Metadata;
use crate::vn::Date;

/// The sRGB profile of the OutputIntent (`icc/LICENSE`: CC0 1.0).
const SRGB: &[u8] = include_bytes!("../../../icc/sRGB-v4.icc");

/// The producer written in the information dictionary and the XMP.
pub const PRODUCER: &str = concat!("baocao ", env!("CARGO_PKG_VERSION"), " (printpdf 0.12.8)");

/// The creating application.
pub const CREATOR: &str = "baocao";

/// A PDF text string: PDFDocEncoding where the text is printable ASCII,
/// else UTF-16BE with its byte-order mark (ISO 32000-1, 7.9.2.2).
pub fn text_string(text: &str) -> Object {
    if text.bytes().all(|b| (32..127).contains(&b)) {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Literal)
}

/// `D:YYYYMMDDHHmmSS+00'00'`: the report date at midnight UTC.
pub fn pdf_date(d: Date) -> String {
    format!("D:{:04}{:02}{:02}000000+00'00'", d.year, d.month, d.day)
}

/// The same instant as [`pdf_date`] in XMP's form.
pub fn xmp_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}T00:00:00+00:00", d.year, d.month, d.day)
}

/// Replaces the trailer's information dictionary with one holding only the
/// entries that have a value.
pub fn set_info(document: &mut Document, meta: &Metadata) {
    let date = pdf_date(meta.date);
    let mut info = Dictionary::new();
    for (key, value) in [
        ("Title", meta.title.as_str()),
        ("Author", meta.author.as_str()),
        ("Subject", meta.subject.as_str()),
        ("Keywords", meta.keywords.as_str()),
        ("Creator", CREATOR),
        ("Producer", PRODUCER),
    ] {
        if !value.trim().is_empty() {
            info.set(key, text_string(value));
        }
    }
    for key in ["CreationDate", "ModDate"] {
        info.set(key, Object::string_literal(date.as_str()));
    }
    match document.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            document.objects.insert(id, Object::Dictionary(info));
        }
        Err(_) => {
            let id = document.add_object(info);
            document.trailer.set("Info", id);
        }
    }
}

/// Adds the catalog's XMP metadata and its PDF/A OutputIntent.
pub fn make_archival(document: &mut Document, meta: &Metadata) {
    let mut xmp = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp(meta).into_bytes(),
    );
    // Left uncompressed, as XMP packets are meant to be: a tool that does
    // not parse the PDF can still find it.
    xmp.allows_compression = false;
    let metadata = document.add_object(xmp);
    let profile = document.add_object(Stream::new(dictionary! { "N" => 3 }, SRGB.to_vec()));
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => profile,
    };
    if let Ok(catalog) = document.catalog_mut() {
        catalog.set("Metadata", metadata);
        catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    }
}

/// The XMP packet: the information dictionary's entries under their XMP
/// names (ISO 19005-2, table 3), the language, and the PDF/A-2u claim.
pub fn xmp(meta: &Metadata) -> String {
    let date = xmp_date(meta.date);
    let alt = |text: &str| {
        format!(
            "<rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt>",
            escape(text)
        )
    };
    let mut x = String::with_capacity(2048);
    x.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    x.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    x.push_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    x.push_str(concat!(
        "<rdf:Description rdf:about=\"\"",
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
        " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"",
        " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"",
        " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
    ));
    x.push_str("<dc:format>application/pdf</dc:format>\n");
    x.push_str(&format!("<dc:title>{}</dc:title>\n", alt(&meta.title)));
    if !meta.author.trim().is_empty() {
        x.push_str(&format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            escape(&meta.author)
        ));
    }
    x.push_str(&format!(
        "<dc:description>{}</dc:description>\n",
        alt(&meta.subject)
    ));
    x.push_str(&format!(
        "<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
        escape(&meta.language)
    ));
    x.push_str(&format!("<xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>\n"));
    for key in ["CreateDate", "ModifyDate", "MetadataDate"] {
        x.push_str(&format!("<xmp:{key}>{date}</xmp:{key}>\n"));
    }
    x.push_str(&format!(
        "<pdf:Producer>{}</pdf:Producer>\n",
        escape(PRODUCER)
    ));
    if !meta.keywords.trim().is_empty() {
        x.push_str(&format!(
            "<pdf:Keywords>{}</pdf:Keywords>\n",
            escape(&meta.keywords)
        ));
    }
    x.push_str("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n");
    x.push_str("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    x
}

/// `text` with XML's five special characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_are_ascii_or_utf16_with_a_byte_order_mark() {
        let ascii = text_string("baocao");
        assert_eq!(ascii.as_str().unwrap(), b"baocao");
        let vn = text_string("Đảng");
        assert_eq!(
            vn.as_str().unwrap(),
            [0xFE, 0xFF, 0x01, 0x10, 0x1E, 0xA3, 0x00, 0x6E, 0x00, 0x67]
        );
    }

    #[test]
    fn the_dates_are_one_instant_in_both_forms() {
        let d = Date {
            year: 2022,
            month: 1,
            day: 3,
        };
        assert_eq!(pdf_date(d), "D:20220103000000+00'00'");
        assert_eq!(xmp_date(d), "2022-01-03T00:00:00+00:00");
    }

    #[test]
    fn xmp_escapes_markup_and_leaves_out_empty_entries() {
        let meta = Metadata {
            title: "Báo cáo <1> & \"2\"".into(),
            author: String::new(),
            subject: "s".into(),
            date: Date {
                year: 2021,
                month: 12,
                day: 1,
            },
            keywords: String::new(),
            language: "vi-VN".into(),
        };
        let x = xmp(&meta);
        assert!(x.contains("Báo cáo &lt;1&gt; &amp; &quot;2&quot;"), "{x}");
        assert!(
            !x.contains("dc:creator") && !x.contains("pdf:Keywords"),
            "{x}"
        );
        assert!(x.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(!x.contains("bytes=") && !x.contains("encoding="));
    }
}
