//! The PDF file: lopdf's object graph compressed and written out. Streams
//! become indirect objects; every other object is packed, up to
//! [`PER_OBJECT_STREAM`] at a time, into a compressed object stream; a
//! cross-reference stream ends the file.
//!
//! lopdf can write the same layout (`save_with_object_streams`), but for one
//! report that costs about as much as laying out a page: it clones the whole
//! graph, serialises each packed object three times, and sets up a second
//! deflate state, whose tables of a few hundred kilobytes are cleared on
//! creation. Here one compressor serves every stream and each object is
//! serialised once. The bytes are the ones lopdf 0.44 writes (a test compares
//! them), so readers see the same file.

use std::collections::BTreeMap;
use std::io::{self, Write};

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

/// Flate level for text streams: level 9 takes three times as long and saves
/// nothing measurable.
const COMPRESSION: u32 = 6;

/// Flate level for font programs: level 1, one fast pass with fixed Huffman
/// codes. Glyph outlines shrink little more at the slower levels: seed 000's
/// four subsets take 21.5 KB instead of 18.6 KB, in less than half the time.
const FONT_COMPRESSION: u32 = 1;

/// Objects per object stream, as lopdf packs them: a reader decompresses a
/// whole stream to reach one of its objects.
const PER_OBJECT_STREAM: usize = 100;

/// Compresses every stream of `document` and writes it as a PDF file.
/// (Compressing on both cores saves less than starting threads costs a
/// one-report process; a batch runs whole reports in parallel instead.)
pub fn save(document: &mut Document) -> io::Result<Vec<u8>> {
    // One compressor for all streams: setting one up clears tables of a few
    // hundred kilobytes, which costs more than compressing a page.
    let mut deflate = Deflate::new();
    for object in document.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
                continue;
            }
            // A FontFile2 stream is the one with a /Length1.
            let level = match stream.dict.has(b"Length1") {
                true => FONT_COMPRESSION,
                false => COMPRESSION,
            };
            let compressed = deflate.compress(&stream.content, level)?;
            if compressed.len() < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
    write(document, &mut deflate)
}

/// A zlib compressor kept for the whole file.
struct Deflate(flate2::Compress);

impl Deflate {
    fn new() -> Deflate {
        Deflate(flate2::Compress::new(
            flate2::Compression::new(COMPRESSION),
            true,
        ))
    }

    /// `data` as one zlib stream at `level`.
    fn compress(&mut self, data: &[u8], level: u32) -> io::Result<Vec<u8>> {
        self.0.reset();
        self.0
            .set_level(flate2::Compression::new(level))
            .map_err(io::Error::other)?;
        // Incompressible data grows by a few bytes per 16 KB block.
        let mut out = Vec::with_capacity(data.len() + data.len() / 1024 + 64);
        loop {
            let consumed = self.0.total_in() as usize;
            let status = self
                .0
                .compress_vec(&data[consumed..], &mut out, flate2::FlushCompress::Finish)
                .map_err(io::Error::other)?;
            if status == flate2::Status::StreamEnd {
                return Ok(out);
            }
            out.reserve(out.capacity().max(64));
        }
    }
}

/// Where the cross-reference stream finds an object.
#[derive(Clone, Copy)]
enum Entry {
    /// At this byte offset of the file.
    Direct(u32),
    /// Inside object stream `container`, at position `index`.
    Packed { container: u32, index: u16 },
}

/// Writes `document`, whose streams are already compressed.
fn write(document: &Document, deflate: &mut Deflate) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 * 1024);
    let version = match document.version.as_str() < "1.5" {
        true => "1.5",
        false => document.version.as_str(),
    };
    writeln!(out, "%PDF-{version}")?;
    if !document.binary_mark.iter().all(|&b| b >= 128) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "the binary mark has a byte below 128",
        ));
    }
    out.push(b'%');
    out.extend_from_slice(&document.binary_mark);
    out.push(b'\n');

    let mut xref: BTreeMap<u32, Entry> = BTreeMap::new();
    let mut packed: Vec<(ObjectId, &Object)> = Vec::new();
    for (&id, object) in &document.objects {
        if is_packable(id, object, document) {
            packed.push((id, object));
        } else if !is_object_stream(object) {
            xref.insert(id.0, Entry::Direct(offset(&out)?));
            indirect(&mut out, id, object);
        }
    }

    let mut next_id = document.max_id + 1;
    for chunk in packed.chunks(PER_OBJECT_STREAM) {
        let container = next_id;
        next_id += 1;
        let mut offsets = Vec::with_capacity(chunk.len() * 8);
        let mut bodies = Vec::with_capacity(chunk.len() * 64);
        for (index, &((number, _), object)) in chunk.iter().enumerate() {
            write!(offsets, "{number} {} ", bodies.len())?;
            serialise(&mut bodies, object);
            bodies.push(b' ');
            let index = index as u16;
            xref.insert(number, Entry::Packed { container, index });
        }
        let first = offsets.len();
        offsets.extend_from_slice(&bodies);
        let content = deflate.compress(&offsets, COMPRESSION)?;
        let mut dict = Dictionary::new();
        dict.set("Type", "ObjStm");
        dict.set("N", chunk.len() as i64);
        dict.set("First", first as i64);
        dict.set("Length", content.len() as i64);
        dict.set("Filter", "FlateDecode");
        xref.insert(container, Entry::Direct(offset(&out)?));
        indirect(&mut out, (container, 0), &stream(dict, content));
    }

    // The cross-reference stream, which lists itself too.
    let xref_id = next_id;
    let xref_start = offset(&out)?;
    xref.insert(xref_id, Entry::Direct(xref_start));
    let (entries, index) = xref_entries(&xref);
    let mut trailer = document.trailer.clone();
    trailer.set("Type", "XRef");
    trailer.set("Size", i64::from(xref_id + 1));
    trailer.set("W", vec![1.into(), 4.into(), 2.into()]);
    trailer.set("Index", index);
    trailer.remove(b"Filter");
    trailer.set("Length", entries.len() as i64);
    indirect(&mut out, (xref_id, 0), &stream(trailer, entries));
    write!(out, "\nstartxref\n{xref_start}\n%%EOF")?;
    Ok(out)
}

/// The next object's byte offset, which the cross-reference stream holds in
/// four bytes.
fn offset(out: &[u8]) -> io::Result<u32> {
    u32::try_from(out.len()).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the PDF would be larger than 4 GiB",
        )
    })
}

/// Whether `object` goes into an object stream: any object of generation 0
/// but streams, the encryption dictionary and cross-reference or object
/// stream dictionaries (PDF 32000-1, 7.5.7).
fn is_packable(id: ObjectId, object: &Object, document: &Document) -> bool {
    if id.1 != 0 || matches!(object, Object::Stream(_)) {
        return false;
    }
    if let Ok(Object::Reference(encrypt)) = document.trailer.get(b"Encrypt") {
        if *encrypt == id {
            return false;
        }
    }
    let kind = match object {
        Object::Dictionary(dict) => dict.get(b"Type").and_then(Object::as_name).ok(),
        _ => None,
    };
    !matches!(kind, Some(b"XRef" | b"ObjStm"))
}

/// An object stream already in the graph: left out, since new ones are made.
fn is_object_stream(object: &Object) -> bool {
    match object {
        Object::Stream(stream) => {
            stream.dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"ObjStm")
        }
        _ => false,
    }
}

/// The cross-reference stream's entries (`W [1 4 2]`) for ids from 1 up,
/// and its `/Index`: one pair of first id and count per run of listed ids.
fn xref_entries(xref: &BTreeMap<u32, Entry>) -> (Vec<u8>, Vec<Object>) {
    let mut entries = Vec::with_capacity(xref.len() * 7);
    let mut index: Vec<Object> = Vec::new();
    let mut run: Option<(u32, u32)> = None;
    for (&id, entry) in xref.range(1..) {
        match &mut run {
            Some((first, count)) if *first + *count == id => *count += 1,
            _ => {
                if let Some((first, count)) = run {
                    index.extend([i64::from(first).into(), i64::from(count).into()]);
                }
                run = Some((id, 1));
            }
        }
        match *entry {
            Entry::Direct(offset) => {
                entries.push(1);
                entries.extend_from_slice(&offset.to_be_bytes());
                entries.extend_from_slice(&0u16.to_be_bytes());
            }
            Entry::Packed { container, index } => {
                entries.push(2);
                entries.extend_from_slice(&container.to_be_bytes());
                entries.extend_from_slice(&index.to_be_bytes());
            }
        }
    }
    if let Some((first, count)) = run {
        index.extend([i64::from(first).into(), i64::from(count).into()]);
    }
    (entries, index)
}

/// `id 0 obj … endobj` around `object`.
fn indirect(out: &mut Vec<u8>, id: ObjectId, object: &Object) {
    // A separator where the object would otherwise run into the keyword.
    let space = needs_space(object);
    let before = if space { " " } else { "" };
    let after = match space || matches!(object, Object::Name(_) | Object::Stream(_)) {
        true => " ",
        false => "",
    };
    let _ = write!(out, "{} {} obj\n{before}", id.0, id.1);
    serialise(out, object);
    let _ = writeln!(out, "{after}\nendobj");
}

/// A stream object of `dict` and (already encoded) `content`.
fn stream(dict: Dictionary, content: Vec<u8>) -> Object {
    Object::Stream(Stream {
        dict,
        content,
        allows_compression: false,
        start_position: None,
    })
}

/// Whether `object`'s syntax starts with a character that cannot delimit the
/// token before it, so a space must come first.
fn needs_space(object: &Object) -> bool {
    matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

/// `object` in PDF syntax.
fn serialise(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(n) => {
            let _ = write!(out, "{n}");
        }
        Object::Real(x) => {
            let _ = write!(out, "{x}");
        }
        Object::Name(name) => self::name(out, name),
        Object::String(bytes, StringFormat::Literal) => literal(out, bytes),
        Object::String(bytes, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for b in bytes {
                let _ = write!(out, "{b:02X}");
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && needs_space(item) {
                    out.push(b' ');
                }
                serialise(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => dictionary(out, dict),
        Object::Stream(stream) => {
            dictionary(out, &stream.dict);
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((number, generation)) => {
            let _ = write!(out, "{number} {generation} R");
        }
    }
}

fn dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict {
        name(out, key);
        if needs_space(value) {
            out.push(b' ');
        }
        serialise(out, value);
    }
    out.extend_from_slice(b">>");
}

/// A name, with `#xx` for delimiters, white space and bytes outside `!`..`~`.
fn name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&b) || !(33..=126).contains(&b) {
            let _ = write!(out, "#{b:02X}");
        } else {
            out.push(b);
        }
    }
}

/// A literal string. Backslashes, carriage returns and unbalanced
/// parentheses are escaped; balanced pairs are left as they are.
fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut escaped = vec![false; bytes.len()];
    let mut open = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' => open.push(i),
            b')' => escaped[i] = open.pop().is_none(),
            b'\\' | b'\r' => escaped[i] = true,
            _ => {}
        }
    }
    for i in open {
        escaped[i] = true;
    }
    out.push(b'(');
    for (&b, &escape) in bytes.iter().zip(&escaped) {
        if escape {
            out.push(b'\\');
            out.push(if b == b'\r' { b'r' } else { b });
        } else {
            out.push(b);
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    /// A graph with every kind of object, a stream and a gap in the ids.
    fn sample() -> Document {
        let mut doc = Document::with_version("1.3");
        let page_content = Stream::new(dictionary! {}, b"BT /F1 12 Tf (Hi) Tj ET".repeat(40));
        let content = doc.add_object(page_content);
        let info = doc.add_object(dictionary! {
            "Title" => Object::string_literal("Báo cáo (tổng kết) \\ năm \r )("),
            "Key" => Object::String(vec![0, 1, 0xFE], StringFormat::Hexadecimal),
        });
        doc.objects.insert(
            (7, 0),
            Object::Array(vec![
                Object::Null,
                true.into(),
                Object::Integer(-3),
                Object::Real(0.5),
                Object::Name(b"A B#/(x)\xC3".to_vec()),
                Object::Reference(content),
                vec![1.into(), 2.into()].into(),
            ]),
        );
        doc.objects.insert((8, 0), Object::Integer(42));
        doc.objects.insert((9, 0), Object::Name(b"Lone".to_vec()));
        doc.max_id = 9;
        doc.trailer.set("Info", info);
        doc.trailer.set("Root", Object::Reference((7, 0)));
        doc
    }

    #[test]
    fn writes_the_bytes_lopdf_writes() {
        let mut ours = sample();
        let mut theirs = sample();
        let written = save(&mut ours).unwrap();
        // lopdf with the options `save` used before: streams compressed first.
        for object in theirs.objects.values_mut() {
            if let Object::Stream(stream) = object {
                let compressed = Deflate::new()
                    .compress(&stream.content, COMPRESSION)
                    .unwrap();
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
        let options = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .compression_level(COMPRESSION)
            .build();
        let mut expected = Vec::new();
        theirs.save_with_options(&mut expected, options).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&written),
            String::from_utf8_lossy(&expected)
        );
        assert_eq!(written, expected);
    }

    #[test]
    fn reads_back_with_lopdf() {
        let written = save(&mut sample()).unwrap();
        let read = Document::load_mem(&written).unwrap();
        let info = read.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let title = read.get_dictionary(info).unwrap().get(b"Title").unwrap();
        assert_eq!(
            title.as_str().unwrap(),
            "Báo cáo (tổng kết) \\ năm \r )(".as_bytes()
        );
        let array = read.get_object((7, 0)).unwrap().as_array().unwrap();
        assert_eq!(array.len(), 7);
        assert_eq!(array[4].as_name().unwrap(), b"A B#/(x)\xC3");
        assert_eq!(read.get_object((8, 0)).unwrap().as_i64().unwrap(), 42);
    }

    #[test]
    fn splits_objects_over_streams_of_a_hundred() {
        let mut doc = Document::with_version("1.7");
        for n in 0..250 {
            doc.add_object(Object::Integer(n));
        }
        let written = save(&mut doc).unwrap();
        let text = String::from_utf8_lossy(&written);
        assert_eq!(text.matches("/Type/ObjStm").count(), 3);
        assert!(text.contains("/N 100"));
        assert!(text.contains("/N 50"));
        let read = Document::load_mem(&written).unwrap();
        assert_eq!(read.get_object((250, 0)).unwrap().as_i64().unwrap(), 249);
    }
}
