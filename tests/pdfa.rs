//! The PDF/A-2u clauses (ISO 19005-2:2011) the reports touch, checked on
//! every seed × kind report and on a pack with independent parsers: lopdf
//! for the file's objects, roxmltree for the XMP packet, allsorts for the
//! embedded font programs. No PDF/A validator (veraPDF) can be installed
//! here; the README lists the clauses this test checks.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, HmtxTable, MaxpTable};
use allsorts::tag;
use common::pdf::{catalog, dict, info, load, name, resolve, text};
use common::*;
use lopdf::{Dictionary, Document, Object};

/// Checks every clause on one file; `what` names it in failures.
fn check_pdfa(pdf: &Path, what: &str) {
    let bytes = std::fs::read(pdf).unwrap();
    file_structure(&bytes, what);
    let doc = load(pdf);
    trailer(&doc, what);
    objects(&doc, what);
    let meta = metadata(&doc, what);
    info_matches_xmp(&doc, &meta, what);
    output_intent(&doc, what);
    fonts(&doc, what);
    annotations_and_forms(&doc, what);
    no_actions_transparency_or_layers(&doc, what);
}

/// 6.1.2 header and binary comment; 6.1.3 nothing after the last `%%EOF`
/// but one end-of-line.
fn file_structure(bytes: &[u8], what: &str) {
    assert!(bytes.starts_with(b"%PDF-1.7\n%"), "{what}: header");
    assert!(
        bytes[10..14].iter().all(|b| *b >= 128) && bytes[14] == b'\n',
        "{what}: the header's comment needs four bytes above 127"
    );
    let end = bytes.len()
        - [b"%%EOF\r\n".as_slice(), b"%%EOF\n", b"%%EOF\r", b"%%EOF"]
            .iter()
            .find(|t| bytes.ends_with(t))
            .unwrap_or_else(|| panic!("{what}: does not end with %%EOF"))
            .len();
    assert!(
        bytes[..end].ends_with(b"\n"),
        "{what}: %%EOF on its own line"
    );
}

/// 6.1.3: an `/ID` of two strings, no `/Encrypt`.
fn trailer(doc: &Document, what: &str) {
    let id = doc.trailer.get(b"ID").expect("an /ID").as_array().unwrap();
    assert_eq!(id.len(), 2, "{what}: /ID has two strings");
    assert!(id.iter().all(|s| s.as_str().is_ok_and(|b| !b.is_empty())));
    assert!(doc.trailer.get(b"Encrypt").is_err(), "{what}: encrypted");
}

/// 6.1.7 streams: no external data (`/F`, `/FFilter`, `/FDecodeParms`), no
/// LZW; 6.1.12 implementation limits: names of at most 127 bytes, strings
/// of at most 32 767, integers within 32 bits.
fn objects(doc: &Document, what: &str) {
    fn walk(o: &Object, what: &str) {
        match o {
            Object::Name(n) => assert!(n.len() <= 127, "{what}: long name"),
            Object::String(s, _) => assert!(s.len() <= 32767, "{what}: long string"),
            Object::Integer(i) => assert!(i32::try_from(*i).is_ok(), "{what}: integer {i}"),
            Object::Array(a) => a.iter().for_each(|o| walk(o, what)),
            Object::Dictionary(d) => d.iter().for_each(|(k, v)| {
                assert!(k.len() <= 127, "{what}: long key");
                walk(v, what)
            }),
            Object::Stream(s) => {
                for key in [b"F".as_slice(), b"FFilter", b"FDecodeParms"] {
                    assert!(s.dict.get(key).is_err(), "{what}: an external stream");
                }
                if let Ok(f) = s.dict.get(b"Filter") {
                    let filters = match f {
                        Object::Array(a) => a.iter().map(name).collect(),
                        f => vec![name(f)],
                    };
                    assert!(
                        filters.iter().all(|f| *f == "FlateDecode"),
                        "{what}: {filters:?}"
                    );
                }
                walk(&Object::Dictionary(s.dict.clone()), what);
            }
            _ => {}
        }
    }
    doc.objects.values().for_each(|o| walk(o, what));
}

/// The XMP packet's properties, by qualified name.
struct Xmp {
    props: BTreeMap<String, String>,
}

/// 6.6.2.1: the catalog's metadata stream, an XMP packet with no `bytes` or
/// `encoding` attribute in its header; 6.6.4: `pdfaid:part` 2 and
/// `pdfaid:conformance` U; 6.6.2.3: only predefined schemas, so no
/// extension schema is needed.
fn metadata(doc: &Document, what: &str) -> Xmp {
    let id = catalog(doc)
        .get(b"Metadata")
        .unwrap_or_else(|_| panic!("{what}: no XMP metadata"))
        .as_reference()
        .unwrap();
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    assert_eq!(name(stream.dict.get(b"Type").unwrap()), "Metadata");
    assert_eq!(name(stream.dict.get(b"Subtype").unwrap()), "XML");
    let packet = String::from_utf8(
        stream
            .decompressed_content()
            .unwrap_or(stream.content.clone()),
    )
    .expect("XMP is UTF-8");
    let header = &packet[..packet.find("?>").unwrap()];
    assert!(
        header.starts_with("<?xpacket begin=\"\u{feff}\""),
        "{what}: {header}"
    );
    assert!(!header.contains("bytes=") && !header.contains("encoding="));
    assert!(packet.trim_end().ends_with("<?xpacket end=\"w\"?>"));
    let xml = roxmltree::Document::parse(&packet).expect("the XMP packet parses as XML");
    const SCHEMAS: [&str; 6] = [
        "adobe:ns:meta/",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://ns.adobe.com/xap/1.0/",
        "http://ns.adobe.com/pdf/1.3/",
        "http://www.aiim.org/pdfa/ns/id/",
    ];
    let mut props = BTreeMap::new();
    for node in xml.descendants().filter(|n| n.is_element()) {
        let ns = node.tag_name().namespace().unwrap_or("");
        assert!(
            SCHEMAS.contains(&ns) || ns == "http://www.w3.org/XML/1998/namespace",
            "{what}: schema {ns}"
        );
        let prefix = match ns {
            "http://purl.org/dc/elements/1.1/" => "dc",
            "http://ns.adobe.com/xap/1.0/" => "xmp",
            "http://ns.adobe.com/pdf/1.3/" => "pdf",
            "http://www.aiim.org/pdfa/ns/id/" => "pdfaid",
            _ => continue,
        };
        // A property's value: its text, or its one rdf:li's (Alt, Seq, Bag).
        let items: Vec<_> = node
            .descendants()
            .filter(|n| n.tag_name().name() == "li")
            .collect();
        if let Some(li) = items.first() {
            assert_eq!(items.len(), 1, "{what}: one value in {:?}", node.tag_name());
            if let Some(lang) = li.attribute(("http://www.w3.org/XML/1998/namespace", "lang")) {
                assert_eq!(lang, "x-default");
            }
        }
        let value = items
            .first()
            .unwrap_or(&node)
            .text()
            .unwrap_or("")
            .to_string();
        props.insert(format!("{prefix}:{}", node.tag_name().name()), value);
    }
    assert_eq!(props["pdfaid:part"], "2", "{what}");
    assert_eq!(props["pdfaid:conformance"], "U", "{what}");
    Xmp { props }
}

/// A date of either form as (year, month, day, hour, minute, second, UTC
/// offset in minutes).
fn instant(date: &str) -> (u32, u32, u32, u32, u32, u32, i32) {
    let digits: String = date.chars().filter(|c| c.is_ascii_digit()).collect();
    let n = |a: usize, b: usize| digits[a..b].parse::<u32>().unwrap();
    let tail = date.trim_start_matches("D:");
    let sign_at = tail.rfind(['+', '-']).filter(|&i| i >= 10);
    let offset = match sign_at {
        Some(i) if !tail.ends_with('Z') => {
            let off: String = tail[i + 1..]
                .chars()
                .filter(|c| c.is_ascii_digit())
                .collect();
            let minutes = off[..2].parse::<i32>().unwrap() * 60 + off[2..4].parse::<i32>().unwrap();
            if tail[i..].starts_with('-') {
                -minutes
            } else {
                minutes
            }
        }
        _ => 0,
    };
    (
        n(0, 4),
        n(4, 6),
        n(6, 8),
        n(8, 10),
        n(10, 12),
        n(12, 14),
        offset,
    )
}

/// 6.6.3: every information entry equals its XMP property (table 3), and
/// none is empty; no PDF/X claim (`/GTS_PDFXVersion`, `/Trapped`).
fn info_matches_xmp(doc: &Document, xmp: &Xmp, what: &str) {
    let info = info(doc);
    for (key, value) in info.iter() {
        let key = String::from_utf8_lossy(key);
        assert!(
            !matches!(
                &*key,
                "GTS_PDFXVersion" | "GTS_PDFXConformance" | "Trapped" | "Identifier"
            ),
            "{what}: /{key} in the information dictionary"
        );
        if let Ok(s) = value.as_str() {
            assert!(!s.is_empty(), "{what}: empty /{key}");
        }
    }
    let pairs = [
        ("Title", "dc:title"),
        ("Author", "dc:creator"),
        ("Subject", "dc:description"),
        ("Keywords", "pdf:Keywords"),
        ("Creator", "xmp:CreatorTool"),
        ("Producer", "pdf:Producer"),
    ];
    for (key, property) in pairs {
        let in_info = info.get(key.as_bytes()).ok().map(text);
        assert_eq!(
            in_info.as_ref(),
            xmp.props.get(property),
            "{what}: /{key} and {property}"
        );
    }
    for (key, property) in [
        ("CreationDate", "xmp:CreateDate"),
        ("ModDate", "xmp:ModifyDate"),
    ] {
        let in_info = text(info.get(key.as_bytes()).unwrap());
        assert_eq!(
            instant(&in_info),
            instant(&xmp.props[property]),
            "{what}: {key}"
        );
    }
}

/// 6.2.3: one PDF/A OutputIntent whose profile is an RGB display or
/// printer profile of ICC version 4 or lower, its `/N` matching (6.2.4.2).
fn output_intent(doc: &Document, what: &str) {
    let intents = catalog(doc)
        .get(b"OutputIntents")
        .unwrap_or_else(|_| panic!("{what}: no OutputIntents"))
        .as_array()
        .unwrap();
    assert_eq!(intents.len(), 1, "{what}");
    let intent = resolve(doc, &intents[0]).as_dict().unwrap();
    assert_eq!(name(intent.get(b"S").unwrap()), "GTS_PDFA1");
    assert!(intent.get(b"OutputConditionIdentifier").is_ok());
    let id = intent
        .get(b"DestOutputProfile")
        .unwrap()
        .as_reference()
        .unwrap();
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    let icc = stream
        .decompressed_content()
        .unwrap_or(stream.content.clone());
    assert_eq!(
        u32::from_be_bytes(icc[0..4].try_into().unwrap()) as usize,
        icc.len()
    );
    assert_eq!(&icc[36..40], b"acsp", "{what}: an ICC profile");
    assert_eq!(&icc[16..20], b"RGB ");
    assert!(matches!(&icc[12..16], b"mntr" | b"prtr"));
    assert!(icc[8] <= 4, "{what}: ICC version {}", icc[8]);
    assert_eq!(stream.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
}

/// A CMap's `/WMode` (0 when it says none).
fn wmode(cmap: &[u8]) -> i64 {
    let text = String::from_utf8_lossy(cmap);
    text.split("/WMode")
        .nth(1)
        .map_or(0, |t| t.split_whitespace().next().unwrap().parse().unwrap())
}

/// The code → text map of a ToUnicode CMap (`bfchar` and `bfrange`).
fn to_unicode(cmap: &[u8]) -> BTreeMap<u32, String> {
    let text = String::from_utf8_lossy(cmap);
    let hex = |s: &str| u32::from_str_radix(s.trim_matches(['<', '>']), 16).unwrap();
    let utf16 = |s: &str| {
        let s = s.trim_matches(['<', '>']);
        let units: Vec<u16> = (0..s.len())
            .step_by(4)
            .map(|i| u16::from_str_radix(&s[i..i + 4], 16).unwrap())
            .collect();
        String::from_utf16(&units).unwrap()
    };
    let mut map = BTreeMap::new();
    for block in text.split("beginbfchar").skip(1) {
        let body = &block[..block.find("endbfchar").unwrap()];
        let tokens: Vec<&str> = body.split_whitespace().collect();
        for pair in tokens.chunks(2) {
            map.insert(hex(pair[0]), utf16(pair[1]));
        }
    }
    for block in text.split("beginbfrange").skip(1) {
        let body = &block[..block.find("endbfrange").unwrap()];
        let tokens: Vec<&str> = body.split_whitespace().collect();
        for t in tokens.chunks(3) {
            let (lo, hi, first) = (hex(t[0]), hex(t[1]), utf16(t[2]).chars().next().unwrap());
            for (k, code) in (lo..=hi).enumerate() {
                map.insert(
                    code,
                    char::from_u32(first as u32 + k as u32).unwrap().to_string(),
                );
            }
        }
    }
    map
}

/// 6.2.11: every font embedded (6.2.11.4.1) with widths equal to the
/// program's advances (6.2.11.5), `/CIDToGIDMap` (6.2.11.3.2), CIDSystemInfo
/// and `/WMode` consistent with its embedded CMap (6.2.11.3.1, 6.2.11.3.3),
/// a ToUnicode entry for every code drawn, none mapping to U+0000, U+FEFF or
/// U+FFFE (6.2.11.7.2, level U), and no code drawing `.notdef` (6.2.11.8).
fn fonts(doc: &Document, what: &str) {
    let mut checked = 0;
    let mut known: BTreeMap<Vec<u8>, FontCheck> = BTreeMap::new();
    for (_, page) in doc.get_pages() {
        let fonts = doc.get_page_fonts(page).unwrap();
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        let mut current: Option<Vec<u8>> = None;
        for op in &content.operations {
            if op.operator == "Tf" {
                let key = name(&op.operands[0]).as_bytes().to_vec();
                if !known.contains_key(&key) {
                    known.insert(key.clone(), FontCheck::of(doc, fonts[&key], what));
                }
                current = Some(key);
                continue;
            }
            let strings: Vec<&[u8]> = match op.operator.as_str() {
                "Tj" | "'" => vec![op.operands[0].as_str().unwrap()],
                "TJ" => op.operands[0]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|o| o.as_str().ok())
                    .collect(),
                _ => continue,
            };
            let f = &known[current.as_ref().expect("a font set before text")];
            for s in strings {
                let codes: Vec<u32> = match f.one_byte {
                    true => s.iter().map(|b| u32::from(*b)).collect(),
                    false => s
                        .chunks(2)
                        .map(|c| u32::from(c[0]) << 8 | u32::from(c[1]))
                        .collect(),
                };
                for code in codes {
                    // The CMaps here are identity: the code is the CID and the glyph id.
                    assert!(code != 0, "{what}: a code draws .notdef");
                    assert!(
                        code < u32::from(f.glyphs),
                        "{what}: glyph {code} not in the font"
                    );
                    let unicode = f
                        .unicode
                        .get(&code)
                        .unwrap_or_else(|| panic!("{what}: code {code} has no ToUnicode entry"));
                    assert!(
                        !unicode.is_empty() && !unicode.contains(['\0', '\u{feff}', '\u{fffe}']),
                        "{what}: code {code} maps to {unicode:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "{what}: only {checked} glyphs drawn");
}

/// One font's facts for [`fonts`], checked once as read.
struct FontCheck {
    one_byte: bool,
    glyphs: u16,
    unicode: BTreeMap<u32, String>,
}

impl FontCheck {
    fn of(doc: &Document, font: &Dictionary, what: &str) -> FontCheck {
        assert_eq!(name(font.get(b"Subtype").unwrap()), "Type0", "{what}");
        let base = name(font.get(b"BaseFont").unwrap()).to_string();
        let cid = resolve(
            doc,
            &font.get(b"DescendantFonts").unwrap().as_array().unwrap()[0],
        )
        .as_dict()
        .unwrap();
        assert_eq!(name(cid.get(b"Subtype").unwrap()), "CIDFontType2");
        assert_eq!(
            name(cid.get(b"CIDToGIDMap").unwrap()),
            "Identity",
            "{what}: {base}"
        );
        let cid_info = dict(doc, cid, b"CIDSystemInfo").unwrap();
        let encoding = resolve(doc, font.get(b"Encoding").unwrap());
        let one_byte = match encoding {
            Object::Name(n) => {
                assert_eq!(n, b"Identity-H");
                false
            }
            Object::Stream(cmap) => {
                let cmap_info = dict(doc, &cmap.dict, b"CIDSystemInfo").unwrap();
                for key in [b"Registry".as_slice(), b"Ordering"] {
                    assert_eq!(cid_info.get(key).unwrap(), cmap_info.get(key).unwrap());
                }
                let sup = |d: &Dictionary| d.get(b"Supplement").unwrap().as_i64().unwrap();
                assert!(sup(cid_info) <= sup(cmap_info));
                let content = cmap.decompressed_content().unwrap_or(cmap.content.clone());
                let in_dict = cmap.dict.get(b"WMode").map_or(0, |w| w.as_i64().unwrap());
                assert_eq!(in_dict, wmode(&content), "{what}: {base} WMode");
                true
            }
            other => panic!("{what}: encoding {other:?}"),
        };
        let descriptor = dict(doc, cid, b"FontDescriptor").unwrap();
        assert_eq!(name(descriptor.get(b"FontName").unwrap()), base);
        let program_id = descriptor
            .get(b"FontFile2")
            .unwrap_or_else(|_| panic!("{what}: {base} is not embedded"))
            .as_reference()
            .unwrap();
        let program = doc.get_object(program_id).unwrap().as_stream().unwrap();
        let program = program
            .decompressed_content()
            .unwrap_or(program.content.clone());
        let advances = advances(&program);
        // /W: [first [w w …] first [w …] …], each w the advance in 1/1000 em.
        let w = cid.get(b"W").unwrap().as_array().unwrap();
        let mut widths = 0;
        for pair in w.chunks(2) {
            let first = pair[0].as_i64().unwrap() as usize;
            for (k, width) in pair[1].as_array().unwrap().iter().enumerate() {
                let width = width.as_float().unwrap();
                let program = advances[first + k];
                assert!(
                    (f64::from(width) - program).abs() < 1.0,
                    "{what}: {base} glyph {}: /W {width}, program {program:.2}",
                    first + k
                );
                widths += 1;
            }
        }
        assert!(widths > 0);
        let cmap = resolve(doc, font.get(b"ToUnicode").expect("a ToUnicode CMap"));
        let cmap = cmap.as_stream().unwrap();
        let unicode = to_unicode(&cmap.decompressed_content().unwrap_or(cmap.content.clone()));
        FontCheck {
            one_byte,
            glyphs: advances.len() as u16,
            unicode,
        }
    }
}

/// Each glyph's advance in 1/1000 em, read from the font program with allsorts.
fn advances(program: &[u8]) -> Vec<f64> {
    let data = ReadScope::new(program).read::<FontData<'_>>().unwrap();
    let p = data.table_provider(0).unwrap();
    let read = |t| p.read_table_data(t).unwrap();
    let head = ReadScope::new(&read(tag::HEAD))
        .read::<HeadTable>()
        .unwrap();
    let maxp = ReadScope::new(&read(tag::MAXP))
        .read::<MaxpTable>()
        .unwrap();
    let hhea = ReadScope::new(&read(tag::HHEA))
        .read::<HheaTable>()
        .unwrap();
    let hmtx_data = read(tag::HMTX);
    let hmtx = ReadScope::new(&hmtx_data)
        .read_dep::<HmtxTable<'_>>((
            usize::from(maxp.num_glyphs),
            usize::from(hhea.num_h_metrics),
        ))
        .unwrap();
    (0..maxp.num_glyphs)
        .map(|g| {
            f64::from(hmtx.horizontal_advance(g).unwrap()) * 1000.0 / f64::from(head.units_per_em)
        })
        .collect()
}

/// 6.3.1 annotation types; 6.3.2 `/F` with Print set and Hidden, Invisible,
/// NoView, ToggleNoView clear; 6.3.3 an appearance dictionary holding only
/// a normal appearance stream; 6.4.1 no `/A` or `/AA` on widgets and fields,
/// `NeedAppearances` absent or false; 6.4.2 no XFA.
fn annotations_and_forms(doc: &Document, what: &str) {
    for (_, page) in doc.get_pages() {
        let page = doc.get_dictionary(page).unwrap();
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        for a in resolve(doc, annots).as_array().unwrap() {
            let a = resolve(doc, a).as_dict().unwrap();
            let subtype = name(a.get(b"Subtype").unwrap());
            assert!(
                !matches!(
                    subtype,
                    "3D" | "Sound" | "Screen" | "Movie" | "FileAttachment" | "RichMedia"
                ),
                "{what}: a {subtype} annotation"
            );
            let flags = a.get(b"F").map_or(0, |f| f.as_i64().unwrap());
            assert_eq!(flags & 4, 4, "{what}: annotation not printable");
            assert_eq!(flags & (1 | 2 | 32 | 256), 0, "{what}: annotation hidden");
            let ap = dict(doc, a, b"AP").unwrap_or_else(|| panic!("{what}: no appearance"));
            assert_eq!(ap.len(), 1, "{what}: /AP holds only /N");
            assert!(resolve(doc, ap.get(b"N").unwrap()).as_stream().is_ok());
            assert!(a.get(b"A").is_err() && a.get(b"AA").is_err(), "{what}");
        }
    }
    if let Some(form) = dict(doc, catalog(doc), b"AcroForm") {
        assert!(
            form.get(b"NeedAppearances").is_err()
                || !form.get(b"NeedAppearances").unwrap().as_bool().unwrap()
        );
        assert!(form.get(b"XFA").is_err(), "{what}: XFA");
    }
}

/// 6.5 no actions on the catalog or pages, no JavaScript; outline entries go
/// by destinations; 6.2.4.3 no CMYK without a CMYK output intent; 6.2.5 and
/// 6.2.10 no graphics states, transparency groups or soft masks; 6.9 no
/// optional content; 6.8 no embedded files (no name tree); 6.11 no
/// `/Requirements`.
fn no_actions_transparency_or_layers(doc: &Document, what: &str) {
    let c = catalog(doc);
    for key in [
        b"AA".as_slice(),
        b"OpenAction",
        b"OCProperties",
        b"Requirements",
        b"Names",
    ] {
        assert!(
            c.get(key).is_err(),
            "{what}: catalog /{}",
            String::from_utf8_lossy(key)
        );
    }
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        assert!(
            page.get(b"AA").is_err() && page.get(b"Group").is_err(),
            "{what}"
        );
        let content = doc.get_page_content(id);
        let ops = lopdf::content::Content::decode(&content)
            .unwrap()
            .operations;
        for op in ops {
            assert!(
                !matches!(op.operator.as_str(), "k" | "K" | "gs" | "Do" | "sh" | "BI"),
                "{what}: operator {}",
                op.operator
            );
        }
    }
    for o in doc.objects.values() {
        if let Ok(d) = o.as_dict() {
            assert!(d.get(b"SMask").is_err() && d.get(b"JS").is_err(), "{what}");
            if d.get(b"Parent").is_ok() && d.get(b"Title").is_ok() {
                assert!(
                    d.get(b"A").is_err() && d.get(b"Dest").is_ok(),
                    "{what}: bookmark"
                );
            }
        }
    }
}

#[test]
fn every_report_meets_the_pdfa_2u_clauses_it_touches() {
    for (pdf, seed, kind) in all_reports() {
        check_pdfa(pdf, &format!("{} as {kind}", seed.display()));
    }
}

#[test]
fn pdfinfo_sees_no_pdfx_claim_and_the_vietnamese_metadata() {
    if !tool("pdfinfo") {
        return;
    }
    for (pdf, _, kind) in all_reports() {
        let out = run("pdfinfo", &[pdf.to_str().unwrap()]);
        let field = |key: &str| {
            out.lines()
                .find_map(|l| l.strip_prefix(key).map(str::trim))
                .unwrap_or("")
        };
        assert!(
            !out.contains("PDF/X") && field("PDF subtype:").is_empty(),
            "{kind}: {out}"
        );
        assert_eq!(field("PDF version:"), "1.7", "{out}");
        assert_eq!(field("Metadata Stream:"), "yes", "{out}");
        assert_eq!(field("Form:"), "AcroForm", "{out}");
        // The issuer, in Vietnamese capitals (`ĐẢNG ỦY …`, `CHI BỘ …`).
        let author = field("Author:");
        assert!(
            !author.is_ascii() && author == author.to_uppercase(),
            "{out}"
        );
        assert!(field("Title:").starts_with("Báo cáo "), "{out}");
        assert!(!out.contains("Keywords:"), "no draft, no keywords: {out}");
    }
}

#[test]
fn the_xmp_title_is_the_reports_title_with_every_diacritic() {
    let engine = baocao::Engine::builtin();
    for (pdf, seed, kind) in all_reports().iter().step_by(6) {
        let bytes = std::fs::read(seed).unwrap();
        let source = seed.display().to_string();
        let k = baocao::report::Kind::from_name(kind).unwrap();
        let (data, _) = engine.read_input(&source, &bytes, Some(k)).unwrap();
        let laid = engine.lay_out(&data, &Default::default()).unwrap();
        let doc = load(pdf);
        let xmp = metadata(&doc, kind);
        assert_eq!(xmp.props["dc:title"], laid.metadata.title);
        assert_eq!(xmp.props["dc:creator"], laid.metadata.author);
        assert!(laid.metadata.title.contains("Báo cáo") && !laid.metadata.author.is_ascii());
        assert_eq!(text(catalog(&doc).get(b"Lang").unwrap()), "vi-VN");
    }
}

#[test]
fn a_pack_and_a_draft_meet_the_clauses_too_and_no_pdfa_leaves_them_out() {
    let dir = tempdir();
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let o = baocao(
        dir.path(),
        &[
            "build",
            seeds_dir.to_str().unwrap(),
            "-o",
            "out",
            "--pack",
            "pack.pdf",
            "--draft",
            "3",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    check_pdfa(&dir.path().join("pack.pdf"), "the pack");
    let draft = dir.path().join("out/000_1d509da1f266ee35.pdf");
    check_pdfa(&draft, "a draft");
    let doc = load(&draft);
    assert_eq!(
        metadata(&doc, "draft").props["pdf:Keywords"],
        "Dự thảo lần 3"
    );

    let seed = &seeds()[0];
    let plain = render(dir.path(), "year-end", seed, &["--no-pdfa"]);
    let doc = load(&plain);
    let c = catalog(&doc);
    assert!(c.get(b"Metadata").is_err() && c.get(b"OutputIntents").is_err());
    // The information dictionary is the same clean one.
    assert!(info(&doc).get(b"GTS_PDFXVersion").is_err() && info(&doc).get(b"Trapped").is_err());
    let full = render(&dir.path().join("out"), "year-end", seed, &[]);
    let (plain, full) = (
        std::fs::metadata(plain).unwrap().len(),
        std::fs::metadata(full).unwrap().len(),
    );
    assert!(plain + 1000 < full, "--no-pdfa {plain} B, PDF/A {full} B");
}
