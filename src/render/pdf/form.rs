//! The empty signature field over each report's signing space: an AcroForm
//! with `/SigFlags` and, per report, one field merged with its widget
//! (`/FT /Sig`), printable and with an empty normal appearance, as PDF/A-2
//! wants of every annotation (ISO 19005-2, 6.3.2, 6.3.3). A CA tool or
//! pyHanko signs it by name, without coordinates.
//!
//! A pack holds one field per report, named after its report's place in it
//! (`ChuKy_1`, `ChuKy_2` …), since two fields of one name would be one
//! field with two widgets, and signing one would sign both.

use lopdf::{dictionary, Document, Object, ObjectId, Stream};

use super::Section;
use crate::page::Page;

/// Annotation flag Print (ISO 32000-1, table 165).
const PRINT: i64 = 1 << 2;

/// AcroForm `SigFlags`: the document holds signature fields.
const SIGNATURES_EXIST: i64 = 1;

/// Adds a signature field for each page that has a signing space; returns
/// the fields' names.
pub fn add(
    document: &mut Document,
    page_ids: &[ObjectId],
    pages: &[Page],
    sections: &[Section],
) -> Vec<String> {
    let spaces: Vec<(usize, &crate::page::Signing)> = pages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.signing.as_ref().map(|s| (i, s)))
        .collect();
    let mut fields = Vec::new();
    let mut names = Vec::new();
    for (n, &(i, space)) in spaces.iter().enumerate() {
        let report = sections.iter().rposition(|s| s.first_page <= i);
        let name = match (spaces.len(), report) {
            (1, _) if sections.len() <= 1 => space.field.clone(),
            (_, Some(r)) => format!("{}_{}", space.field, r + 1),
            (_, None) => format!("{}_{}", space.field, n + 1),
        };
        let h = pages[i].height;
        let round = |v: f32| Object::Real((v * 100.0).round() / 100.0);
        // Rounded inwards to 0.01 pt, so the field never reaches the text.
        let (inwards_up, inwards_down) = (
            |v: f32| Object::Real((v * 100.0).ceil() / 100.0),
            |v: f32| Object::Real((v * 100.0).floor() / 100.0),
        );
        let (width, height) = (space.x1 - space.x0, space.bottom - space.top);
        let appearance = document.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), round(width), round(height)],
            },
            Vec::new(),
        ));
        let field = document.add_object(dictionary! {
            "Type" => "Annot",
            "Subtype" => "Widget",
            "FT" => "Sig",
            "T" => Object::string_literal(name.as_str()),
            "F" => PRINT,
            "Rect" => vec![
                inwards_up(space.x0),
                inwards_up(h - space.bottom),
                inwards_down(space.x1),
                inwards_down(h - space.top),
            ],
            "P" => page_ids[i],
            "AP" => dictionary! { "N" => appearance },
        });
        add_annotation(document, page_ids[i], field);
        fields.push(Object::Reference(field));
        names.push(name);
    }
    if !fields.is_empty() {
        let form = dictionary! { "Fields" => fields, "SigFlags" => SIGNATURES_EXIST };
        if let Ok(catalog) = document.catalog_mut() {
            catalog.set("AcroForm", form);
        }
    }
    names
}

/// Appends `annotation` to the page's `/Annots`.
fn add_annotation(document: &mut Document, page: ObjectId, annotation: ObjectId) {
    let Ok(dict) = document.get_dictionary_mut(page) else {
        return;
    };
    match dict.get_mut(b"Annots") {
        Ok(Object::Array(annots)) => annots.push(annotation.into()),
        _ => dict.set("Annots", vec![Object::Reference(annotation)]),
    }
}
