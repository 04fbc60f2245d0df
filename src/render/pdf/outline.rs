//! Navigation: the outline (bookmarks) from the headings the layout placed,
//! page labels that match the printed numbers, and the viewer preferences
//! (the document title in the window, the outline shown).
//!
//! A single report's bookmarks are its part, section and sub-section
//! headings, nested by level. In a pack each report gets a bookmark at its
//! first page, with its headings nested under it, and page labels
//! `3.1`, `3.2` … that restart at each report.

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId};

use super::pdfa::text_string;
use super::Section;
use crate::page::Page;

/// A bookmark before it becomes objects.
struct Entry {
    /// Nesting key: a pack's report is 1, headings their markup level (2–5).
    level: u8,
    title: String,
    page: usize,
    /// From the top of the page.
    top: f32,
    children: Vec<Entry>,
}

/// Adds the outline, page labels and viewer preferences to `document`,
/// whose pages are `page_ids` (laid out as `pages`).
pub fn add(document: &mut Document, page_ids: &[ObjectId], pages: &[Page], sections: &[Section]) {
    let mut flat = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        if let Some(s) = sections.iter().find(|s| s.first_page == i) {
            flat.push((1, s.title.clone(), i, 0.0));
        }
        for h in &page.headings {
            flat.push((h.level.max(2), h.text.clone(), i, h.top));
        }
    }
    let roots = nest(flat);
    let mut catalog_entries = Dictionary::new();
    if !roots.is_empty() {
        let root = document.new_object_id();
        let heights: Vec<f32> = pages.iter().map(|p| p.height).collect();
        let (first, last, count) = write_level(document, root, &roots, page_ids, &heights);
        document.objects.insert(
            root,
            Object::Dictionary(dictionary! {
                "Type" => "Outlines",
                "First" => first,
                "Last" => last,
                "Count" => count,
            }),
        );
        catalog_entries.set("Outlines", root);
        catalog_entries.set("PageMode", "UseOutlines");
    }
    catalog_entries.set("PageLabels", page_labels(sections));
    catalog_entries.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
    if let Ok(catalog) = document.catalog_mut() {
        // Set one by one: `Dictionary::extend` turns a key both have into an array.
        for (key, value) in catalog_entries {
            catalog.set(key, value);
        }
    }
}

/// Entries in page order → a tree: each under the nearest entry before it
/// of a lower level.
fn nest(flat: Vec<(u8, String, usize, f32)>) -> Vec<Entry> {
    let mut roots: Vec<Entry> = Vec::new();
    for (level, title, page, top) in flat {
        let entry = Entry {
            level,
            title,
            page,
            top,
            children: Vec::new(),
        };
        let mut siblings = &mut roots;
        while siblings.last().is_some_and(|e| e.level < level) {
            siblings = &mut siblings.last_mut().expect("checked").children;
        }
        siblings.push(entry);
    }
    roots
}

/// Writes `entries` as the children of `parent`; returns the first and last
/// ids and how many entries are visible below `parent` (all are open).
fn write_level(
    document: &mut Document,
    parent: ObjectId,
    entries: &[Entry],
    page_ids: &[ObjectId],
    heights: &[f32],
) -> (ObjectId, ObjectId, i64) {
    let ids: Vec<ObjectId> = entries.iter().map(|_| document.new_object_id()).collect();
    let mut count = 0;
    for (i, e) in entries.iter().enumerate() {
        let y = ((heights[e.page] - e.top) * 100.0).round() / 100.0;
        let mut item = dictionary! {
            "Title" => text_string(&e.title),
            "Parent" => parent,
            "Dest" => vec![
                page_ids[e.page].into(),
                "XYZ".into(),
                Object::Null,
                Object::Real(y),
                Object::Null,
            ],
        };
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if i + 1 < ids.len() {
            item.set("Next", ids[i + 1]);
        }
        count += 1;
        if !e.children.is_empty() {
            let (first, last, below) =
                write_level(document, ids[i], &e.children, page_ids, heights);
            item.set("First", first);
            item.set("Last", last);
            item.set("Count", below);
            count += below;
        }
        document.objects.insert(ids[i], Object::Dictionary(item));
    }
    (ids[0], ids[ids.len() - 1], count)
}

/// `/PageLabels`: decimal from 1 for a single report; for a pack, decimal
/// from 1 at each report with its number as prefix (`2.1`, `2.2` …).
fn page_labels(sections: &[Section]) -> Dictionary {
    let mut nums = Vec::new();
    if sections.is_empty() {
        nums.push(Object::Integer(0));
        nums.push(Object::Dictionary(dictionary! { "S" => "D" }));
    }
    for (i, section) in sections.iter().enumerate() {
        let mut label = Dictionary::new();
        label.set("S", Object::Name(b"D".to_vec()));
        label.set("P", Object::string_literal(format!("{}.", i + 1)));
        nums.push(Object::Integer(section.first_page as i64));
        nums.push(Object::Dictionary(label));
    }
    dictionary! { "Nums" => nums }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(entries: &[Entry]) -> Vec<String> {
        entries
            .iter()
            .map(|e| {
                let kids = titles(&e.children);
                match kids.is_empty() {
                    true => e.title.clone(),
                    false => format!("{}[{}]", e.title, kids.join(",")),
                }
            })
            .collect()
    }

    #[test]
    fn entries_nest_under_the_nearest_lower_level() {
        let flat = [
            (2, "A"),
            (3, "I"),
            (4, "1"),
            (4, "2"),
            (3, "II"),
            (2, "B"),
            (3, "I"),
        ]
        .into_iter()
        .map(|(l, t)| (l, t.to_string(), 0, 0.0))
        .collect();
        assert_eq!(titles(&nest(flat)), ["A[I[1,2],II]", "B[I]"]);
        // Without parts, sections are the top level; a deeper level first stays on top.
        let flat = [(4, "1"), (3, "I"), (4, "1"), (3, "II")]
            .into_iter()
            .map(|(l, t)| (l, t.to_string(), 0, 0.0))
            .collect();
        assert_eq!(titles(&nest(flat)), ["1", "I[1]", "II"]);
    }
}
