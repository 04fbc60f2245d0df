//! Round-up articles: `44 chi, đảng bộ cơ sở trực thuộc Huyện ủy đã tổ
//! chức sơ kết …`. The work is that of many organisations below one body;
//! each of them is named only as an example, and the account is the body's
//! they belong to, which issues the report.

use super::names::{name_after, specific, Mention, HEADS};
use crate::vn::Lower;

/// Words for many Party organisations at once.
const MANY: [&str; 8] = [
    "các chi bộ",
    "chi, đảng bộ",
    "các đảng bộ",
    "tổ chức cơ sở đảng",
    "tổ chức đảng",
    "đảng bộ cơ sở",
    "chi bộ cơ sở",
    "cấp ủy trực thuộc",
];

/// How far before `trực thuộc` the many may be named (bytes).
const REACH: usize = 80;

/// The body that many organisations `trực thuộc` did the reported work
/// under, completed from `named` when the text names it without its name
/// (`trực thuộc Huyện ủy` after `Huyện ủy Tân Hồng`).
pub(super) fn body_of_many(text: &str, named: &[Mention]) -> Option<Mention> {
    // Its offsets are the text's (`Lower`).
    let lower = text.lower();
    const MARK: &str = "trực thuộc ";
    for (at, _) in lower.match_indices(MARK) {
        let from = (0..=at.saturating_sub(REACH))
            .rev()
            .find(|&i| lower.is_char_boundary(i))
            .unwrap_or(0);
        if !MANY.iter().any(|m| lower[from..at].contains(m)) {
            continue;
        }
        let after = at + MARK.len();
        let Some((word, head)) = HEADS
            .iter()
            .find(|(w, _)| lower[after..].starts_with(w))
            .copied()
        else {
            continue;
        };
        let name = name_after(&text[after + word.len()..], head);
        // What the many did follows the body: `… Huyện ủy đã tổ chức`.
        let tail = lower[after + word.len()..].trim_start();
        let rest = tail
            .get(name.len()..)
            .unwrap_or("")
            .trim_start_matches([' ', ',']);
        if ![
            "đã ",
            "tổ chức",
            "sơ kết",
            "tổng kết",
            "hoàn thành",
            "tiến hành",
        ]
        .iter()
        .any(|v| rest.starts_with(v))
        {
            continue;
        }
        let found = Mention {
            head,
            head_text: text[after..after + word.len()].to_string(),
            name,
            at: after,
        };
        if specific(&found.name) {
            return Some(found);
        }
        if let Some(m) = named.iter().find(|m| m.head == head && specific(&m.name)) {
            return Some(m.clone());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::names::mentions;
    use super::*;

    #[test]
    fn the_body_of_many_organisations_is_the_one_they_belong_to() {
        let text = "Đồng chí Lê Đức Xuân - Chánh văn phòng Huyện ủy Tân Hồng cho biết, đến nay 44 chi, đảng bộ cơ sở trực thuộc Huyện ủy đã tổ chức sơ kết giữa nhiệm kỳ.";
        let m = body_of_many(text, &mentions(text)).expect("found");
        assert_eq!(
            (m.head_text.as_str(), m.name.as_str()),
            ("Huyện ủy", "Tân Hồng")
        );
        // Named in full where it is said.
        let text = "Các chi bộ trực thuộc Đảng bộ xã Phong Hải đã tổ chức đại hội.";
        let m = body_of_many(text, &[]).expect("found");
        assert_eq!(m.name, "xã Phong Hải");
        // One organisation that belongs to another acts itself.
        let text = "Chi bộ 3 trực thuộc Đảng bộ xã Phong Hải đã tổ chức đại hội.";
        assert_eq!(body_of_many(text, &[]), None);
        // Unnamed and named nowhere: no guess.
        let text = "Các chi bộ trực thuộc Huyện ủy đã tổ chức đại hội.";
        assert_eq!(body_of_many(text, &mentions(text)), None);
    }
}
