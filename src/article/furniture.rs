//! Page furniture: what sits in a copied article but is not its text.
//! Web debris and buttons, links to related articles, photo captions,
//! credits and bylines, a dateline before the first sentence, a credit
//! glued to the last one.

use super::lines::{capitalised, ends_sentence, item_marker, lower_prefix, one_sentence, words};
use crate::vn::Lower;

/// Removes web-page leftovers (`]]>`, `<![CDATA[`, lone punctuation) from a
/// line; returns what is left and what was removed.
pub(super) fn strip_debris(text: &str) -> (String, Option<String>) {
    // A page's buttons copied with the text, often glued to the last word
    // (`huyện Sông LôXem phản hồi`).
    if let Some(at) = trailing_widget(text) {
        let (rest, removed) = strip_debris(text[..at].trim_end());
        let widget = text[at..].to_string();
        return (rest, Some(removed.map_or(widget.clone(), |r| r + &widget)));
    }
    const FRAGMENTS: [&str; 4] = ["<![CDATA[", "]]>", "&nbsp;", "<br>"];
    // Lines come with their white space collapsed (`clean_lines`): without
    // debris there is nothing to rejoin.
    if !FRAGMENTS.iter().any(|f| text.contains(f)) {
        return if text.chars().any(char::is_alphanumeric) {
            (text.to_string(), None)
        } else {
            (String::new(), (!text.is_empty()).then(|| text.to_string()))
        };
    }
    let mut rest = text.to_string();
    let mut removed = String::new();
    for f in FRAGMENTS {
        while let Some(i) = rest.find(f) {
            removed.push_str(f);
            rest.replace_range(i..i + f.len(), " ");
        }
    }
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    if !rest.chars().any(char::is_alphanumeric) {
        removed.push_str(&rest);
        return (String::new(), (!removed.is_empty()).then_some(removed));
    }
    (rest, (!removed.is_empty()).then_some(removed))
}

/// Labels of a web page's buttons and links that no sentence ends with.
const WIDGETS: [&str; 10] = [
    "Xem phản hồi",
    "Gửi phản hồi",
    "Ý kiến bạn đọc",
    "Gửi bình luận",
    "In bài viết",
    "Gửi bài viết",
    "Chia sẻ bài viết",
    "Về đầu trang",
    "Lên đầu trang",
    "Quay lại",
];

/// Where a button's label ends the line: after nothing, a space or a
/// letter it is glued to; never inside a word (`Quay lại` of a sentence
/// ends with a full stop, not with the label).
fn trailing_widget(text: &str) -> Option<usize> {
    WIDGETS.iter().find_map(|w| {
        let at = text.strip_suffix(w).map(str::len)?;
        let before = text[..at].chars().next_back();
        let glued = before.is_some_and(|c| c.is_lowercase());
        (at == 0 || glued || before.is_some_and(|c| c.is_whitespace() || ".:;".contains(c)))
            .then_some(at)
    })
}

/// Links and page furniture inside an article: `Xem thêm …`, `Xem chi tiết
/// tại đây`, `Tags: …`, `Chia sẻ:`, `* Mời bạn đọc vào chuyên mục …`, the
/// heading of a related-articles list.
pub(super) fn is_related(text: &str) -> bool {
    let lower = lower_prefix(text, 40);
    let lower = lower.trim_start_matches(['*', '-', '•', ' ', '>', '»']);
    const STARTS: [&str; 24] = [
        "xem thêm",
        "xem chi tiết",
        "xem tiếp",
        "xem toàn văn",
        "tags:",
        "tag:",
        "từ khóa:",
        "từ khoá:",
        "chia sẻ:",
        "chia sẻ bài",
        "share:",
        "bài viết liên quan",
        "tin liên quan",
        "tin bài liên quan",
        "tin, bài liên quan",
        "tin, bài có liên quan",
        "tin bài có liên quan",
        "các tin khác",
        "tin khác",
        "mời bạn đọc",
        "mời quý vị",
        "bình luận",
        "in bài viết",
        "gửi cho bạn bè",
    ];
    STARTS.iter().any(|p| lower.starts_with(p))
        || lower.trim_end_matches(['.', ' ']) == "chia sẻ"
        || (words(text) <= 12
            && lower_prefix(text, 400)
                .trim_end_matches('.')
                .ends_with("tại đây"))
}

/// Credits: `(Nguồn: …)`, `Tác giả: …`, `Tin, ảnh: …`, `Tin ảnh X – Y`, a
/// source in brackets (`(QK7 Online)`), and near the end `Theo …` or a lone
/// byline (`Minh Anh`, `Thu Hà - Quang Hưng`, `V.T.D`, `Vũ Thị Duyên (st)`,
/// `Đại tá, ThS Lê Ngọc Dương - Hiệu trưởng …`).
pub(super) fn is_credit(text: &str, near_end: bool, last: bool) -> bool {
    let lower = lower_prefix(text, 30);
    let lower = lower.trim_start_matches('(');
    const PREFIXES: [&str; 17] = [
        "nguồn:",
        "nguồn :",
        "tác giả:",
        "tác giả ",
        "tin, ảnh",
        "tin, ành",
        "tin và ảnh",
        "tin ảnh",
        "tin, bài",
        "tin bài và ảnh",
        "tin:",
        "bài, ảnh",
        "bài và ảnh",
        "bài và ảnh:",
        "phóng viên:",
        "ảnh, tin",
        "nhóm phóng viên",
    ];
    let chars = text.chars().count();
    let n = words(text);
    if PREFIXES.iter().any(|p| lower.starts_with(p)) && n <= 14 && (near_end || chars < 80) {
        return true;
    }
    // A source alone in brackets: `(QK7 Online)`, `(HUS Media)`, `(TTXVN)`.
    if text.starts_with('(') && text.ends_with(')') && n <= 5 && !text[1..].contains('(') {
        return true;
    }
    if near_end
        && lower.starts_with("theo ")
        && chars <= 80
        && one_sentence(text)
        && !text.contains(';')
    {
        return true;
    }
    if !near_end {
        return false;
    }
    // `Thực hiện: ` over the names of those who made the item.
    if lower.starts_with("thực hiện:") && n <= 6 {
        return true;
    }
    // `Tin Khánh Hiền – Thanh Tiến`: a credit word and names.
    if let Some(rest) = text.strip_prefix("Tin ") {
        if n <= 10 && capitalised(rest) {
            return true;
        }
    }
    // A lone byline closing the article.
    let body = text.trim_end_matches(['.', ' ']);
    let bracket = body.rfind(" (").map_or(body, |i| &body[..i]);
    let office_first = WHO.iter().any(|w| lower_prefix(text, 20).starts_with(w));
    let initials = body.len() <= 12
        && body
            .split('.')
            .all(|p| (1..=3).contains(&p.chars().count()) && p.chars().all(|c| c.is_uppercase()));
    let lone_word = last && n == 1 && !ends_sentence(text) && chars <= 20;
    let names = n <= 6 && chars <= 50 && capitalised(bracket);
    // `Đại tá, ThS Lê Ngọc Dương - Hiệu trưởng Trường Quân sự QK7`.
    let signed_office = last
        && n <= 16
        && !ends_sentence(text)
        && (text.contains(" - ") || text.contains(" – "))
        && (office_first || capitalised(&text[..text.find([',', '-', '–']).unwrap_or(text.len())]));
    // The agency that made the item, alone on the last line: `Trung tâm
    // VHTT-TT huyện Sông Lô`, `Ban Tuyên giáo Huyện ủy`.
    let agency = last
        && n <= 10
        && !ends_sentence(text)
        && !text.contains(',')
        && AGENCIES.iter().any(|a| text.starts_with(a));
    last && (initials || lone_word || names || signed_office || agency)
        || (near_end && names && !ends_sentence(text) && n <= 5)
}

/// Bodies that publish news items and sign them as their credit.
const AGENCIES: [&str; 9] = [
    "Trung tâm ",
    "Ban Tuyên giáo",
    "Ban Tuyên huấn",
    "Phòng Văn hóa",
    "Phòng Văn hoá",
    "Đài Phát thanh",
    "Đài Truyền thanh",
    "Cổng thông tin",
    "Văn phòng ",
];

/// Who a photo shows, at the start of its caption.
pub(super) const WHO: [&str; 56] = [
    "đ/c ",
    "đồng chí ",
    "các đồng chí ",
    "các đ/c ",
    "đại biểu ",
    "các đại biểu ",
    "lãnh đạo ",
    "đoàn đại biểu",
    "đoàn chủ trì",
    "đoàn chủ tịch",
    "đại tướng ",
    "thượng tướng ",
    "trung tướng ",
    "thiếu tướng ",
    "đại tá",
    "thượng tá ",
    "phó thủ tướng",
    "thủ tướng",
    "bộ trưởng",
    "thứ trưởng",
    "trung tá ",
    "thiếu tá ",
    "đại úy ",
    "gs",
    "pgs",
    "ts ",
    "ts.",
    "ths",
    "thạc sỹ",
    "tiến sĩ",
    "bí thư ",
    "phó bí thư",
    "chủ tịch ",
    "phó chủ tịch",
    "giám đốc",
    "phó giám đốc",
    "hiệu trưởng",
    "trưởng ban",
    "phó trưởng ban",
    "ủy viên",
    "uỷ viên",
    "chính ủy",
    "tư lệnh",
    "chỉ huy",
    "anh ",
    "chị ",
    "ông ",
    "bà ",
    "thầy ",
    "cô ",
    "các em",
    "sinh viên",
    "học sinh",
    "thí sinh",
    "mc ",
    "tiết mục",
];

/// What a photo shows its people doing.
pub(super) const DOING: [&str; 42] = [
    "phát biểu",
    "trao ",
    "tặng ",
    "chúc mừng",
    "tham quan",
    "điều hành",
    "trình bày",
    "triển khai",
    "công bố",
    "nhận ",
    "chủ trì",
    "tham dự",
    "dự đại hội",
    "dự hội nghị",
    "dự hội thảo",
    "dự buổi",
    "chụp ảnh",
    "biểu quyết",
    "bỏ phiếu",
    "bầu ",
    "dâng hương",
    "dâng hoa",
    "thăm ",
    "khen thưởng",
    "tuyên dương",
    "ôn lại",
    "phổ biến",
    "thông qua",
    "chào cờ",
    "nghi thức",
    "ký kết",
    "cắt băng",
    "tại hội nghị",
    "tại buổi",
    "tại lễ",
    "tại đại hội",
    "tại hội thảo",
    "tại tọa đàm",
    "chia tay",
    "nghiên cứu khoa học",
    "báo công",
    "tặng hoa",
];

/// Scenes a photo shows, at the start of its caption.
pub(super) const SCENE: [&str; 12] = [
    "quang cảnh",
    "toàn cảnh",
    "khung cảnh",
    "khuôn viên",
    "một góc",
    "ảnh:",
    "(ảnh",
    "ảnh minh họa",
    "ảnh minh hoạ",
    "hình ảnh:",
    "một số hình ảnh",
    "sau đây là một số hình ảnh",
];

/// Photo captions: `Ảnh: …`, a caption with its photo credit (`… Ảnh: N.H`),
/// a gallery intro (`Một số hình ảnh:`), a scene (`Quang cảnh …`), a short
/// line that is not a sentence, or a short sentence naming who is shown
/// doing what (`Đ/c … phát biểu tại hội nghị.`) without telling a story.
pub(super) fn is_caption(text: &str, last: bool) -> bool {
    let lower = text.lower();
    let n = words(text);
    if SCENE.iter().any(|p| lower.starts_with(p)) && n <= 40 {
        return true;
    }
    // The photo's credit at the end, or `- ảnh 1`.
    let credit = ["ảnh:", "ảnh :", "(ảnh", "- ảnh ", "– ảnh "];
    if n <= 70
        && credit.iter().any(|c| {
            lower.rfind(c).is_some_and(|at| {
                let after = lower[at..].split_whitespace().count();
                after <= 6
            })
        })
    {
        return true;
    }
    if lower.contains("hình ảnh") && text.ends_with(':') && n <= 25 {
        return true;
    }
    // Where people stand in the photo.
    let position = [
        "từ trái",
        "từ phải",
        "bên phải)",
        "bên trái)",
        "đứng giữa)",
        "ở giữa)",
    ];
    if n <= 70 && position.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if item_marker(text).is_some() || !one_sentence(text) {
        return false;
    }
    // `Chị Nguyễn Thị Tố Ngân, Phó Giám đốc:` under a speaker's photo, or
    // `Anh …, Giám đốc chi nhánh: đánh giá kết quả …`.
    if person_led(text) && !text.contains('“') && !text.contains('"') {
        if let Some(colon) = text.find(':') {
            if words(&text[..colon]) <= 10 && words(&text[colon..]) <= 25 {
                return true;
            }
        }
    }
    let who = WHO.iter().any(|w| lower.starts_with(w)) || person_led(text);
    let doing = DOING.iter().any(|d| lower.contains(d));
    // A photo's subject and what it shows: no story (`đã`), no speech
    // (`:`), no time or place to open a narrative. `đã` before the deed
    // tells a story; after it (`… vì đã hoàn thành`) it only explains the
    // photo.
    let deed = DOING
        .iter()
        .filter_map(|d| lower.find(d))
        .min()
        .unwrap_or(lower.len());
    let opens_story = [
        "ngày ",
        "sáng ",
        "chiều ",
        "tối ",
        "trong ",
        "tại ",
        "sau ",
        "qua ",
        "với ",
        "theo ",
        "thực hiện",
        "năm ",
    ]
    .iter()
    .any(|m| lower.starts_with(m));
    let narrative = opens_story
        || [" đã ", " sẽ ", " đang được "]
            .iter()
            .any(|m| lower[..deed].contains(m))
        || [
            ": ",
            "cho biết",
            "nhấn mạnh",
            "khẳng định",
            "đề nghị",
            "yêu cầu",
            "ghi nhận",
            "biểu dương",
            "đánh giá cao",
            "mong muốn",
        ]
        .iter()
        .any(|m| lower.contains(m));
    if !ends_sentence(text) {
        // An article that stops mid-sentence ends with body text, not a
        // caption, unless the line shows who does what; a long line that
        // tells a story lacks only its full stop.
        return text.chars().count() <= 250
            && !(opens_story && n >= 25)
            && !(last && n >= 8 && !(who && n <= 30 || doing && n <= 14));
    }
    // What an event did is a sentence of the story, not a photo.
    let event = ["khép lại", "kết thúc", "diễn ra", "thành công", "bằng "]
        .iter()
        .any(|m| lower.contains(m));
    text.ends_with('.')
        && !narrative
        && (doing && (who && n <= 60 || n <= 14 && !event) || person_led(text) && n <= 25)
}

/// A line that opened with an emoji: an item of a portal post, unless it
/// is a caption (a name alone, a scene, a photo credit, a person shown).
pub(super) fn bullet_caption(text: &str) -> bool {
    let n = words(text);
    (capitalised(text) && n <= 5 && !ends_sentence(text))
        || (ends_sentence(text) && is_caption(text, false))
        || SCENE.iter().any(|p| text.lower().starts_with(p))
}

/// A line that opens with a person's name and what they are: `Phạm
/// Thanh Hà, đại biểu trẻ …`, `Nguyễn Văn A - Bí thư …`.
fn person_led(text: &str) -> bool {
    let head = text.split([',', '(']).next().unwrap_or(text);
    let head = head.split(" - ").next().unwrap_or(head);
    let head = head.split(" – ").next().unwrap_or(head);
    let n = head.split_whitespace().count();
    let honorific = ["Anh ", "Chị ", "Ông ", "Bà ", "Đồng chí ", "Đ/c "]
        .iter()
        .any(|h| head.starts_with(h));
    let most = if honorific { 6 } else { 4 };
    head.len() < text.len()
        && (2..=most).contains(&n)
        && capitalised(head.trim_start_matches("Đ/c "))
        && head
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '/')
}

/// A caption glued to the start of a paragraph: `Quang cảnh hội nghị Báo
/// cáo sơ kết cho thấy …`, or a caption ending where a no-break space
/// (offsets in `nbsp`) meets a capital letter. Returns the caption's length.
pub(super) fn glued_caption(text: &str, nbsp: &[usize]) -> Option<usize> {
    let lower = text.lower();
    for scene in ["quang cảnh", "toàn cảnh"] {
        if !lower.starts_with(scene) {
            continue;
        }
        // The caption is a few words; the paragraph starts with a capital.
        let mut at = 0;
        for (i, w) in text.split(' ').enumerate() {
            if (2..=6).contains(&i) && w.chars().next().is_some_and(char::is_uppercase) {
                return Some(at);
            }
            at += w.len() + 1;
        }
    }
    for &at in nbsp {
        let (head, rest) = text.split_at(at);
        let head = head.trim_end();
        if rest.chars().next().is_some_and(char::is_uppercase)
            && !ends_sentence(head)
            && !head.ends_with(',')
            && words(head) >= 3
            && words(rest) >= 8
            && is_caption(&format!("{head}."), false)
        {
            return Some(at);
        }
    }
    None
}

/// A dateline that opens a news paragraph: `(QK7 Online) – `, `(BĐ) - `,
/// `(Theo BGĐT) - `, `QK2 – `, `TTXVN – `. Returns its length.
pub(super) fn dateline_prefix(text: &str) -> Option<usize> {
    let dash = |rest: &str| -> Option<usize> {
        let t = rest.trim_start();
        let skipped = rest.len() - t.len();
        let d = t.chars().next().filter(|c| matches!(c, '-' | '–' | '—'))?;
        let after = &t[d.len_utf8()..];
        let body = after.trim_start();
        (body
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && after.len() > body.len())
        .then(|| skipped + d.len_utf8() + (after.len() - body.len()))
    };
    if text.starts_with('(') {
        let close = text.find(')')?;
        let inside = &text[1..close];
        if close <= 60 && words(inside) <= 6 && !inside.contains('(') {
            let rest = &text[close + 1..];
            let t = rest.trim_start();
            // `(GD&TD)-Kỳ họp …`: after a source in brackets the dash may touch the text.
            if let Some(d) = t.chars().next().filter(|c| matches!(c, '-' | '–' | '—')) {
                let after = &t[d.len_utf8()..];
                let body = after.trim_start();
                if body
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                {
                    return Some(text.len() - body.len());
                }
            }
        }
        return None;
    }
    // Capitals and digits, up to three tokens: an agency's short name.
    let mut end = 0;
    for (i, tok) in text.split(' ').enumerate() {
        let is_code = tok.len() >= 2
            && tok
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
            && tok.chars().any(char::is_alphabetic);
        if i >= 3 || !is_code {
            break;
        }
        end += tok.len() + 1;
    }
    if end == 0 {
        return None;
    }
    let at = end - 1;
    dash(&text[at..]).map(|n| at + n)
}

/// A credit glued to the end of the last paragraph: `… tốt đẹp. Tin ảnh Ngô
/// Tấm – Lệ Sương.`, `… (Theo BGĐT)`. Returns where it starts.
pub(super) fn trailing_credit(text: &str) -> Option<usize> {
    let core = text.trim_end_matches(['.', ' ']);
    // `(Theo …)`, `(Nguồn: …)` closing the paragraph.
    if core.ends_with(')') {
        if let Some(open) = core.rfind('(') {
            let inside = core[open + 1..].lower();
            if (inside.starts_with("theo ") || inside.starts_with("nguồn"))
                && words(&inside) <= 10
                && open > 0
            {
                return Some(open);
            }
        }
    }
    // After the last sentence end: a credit line.
    let end = core.rfind(['.', '!', '?', '…'])?;
    let cut = end + core[end..].chars().next().map_or(1, char::len_utf8);
    let tail = core[cut..].trim_start();
    let start = text.len() - text[cut..].trim_start().len();
    (!tail.is_empty() && is_credit(tail, true, true) && words(tail) <= 10 && cut > 0)
        .then_some(start)
}

/// A paragraph ending by announcing a gallery: `Sau đây là một số hình ảnh …`.
pub(super) fn announces_gallery(text: &str) -> bool {
    let lower = text.lower();
    words(text) <= 25
        && (lower.contains("một số hình ảnh")
            || lower.contains("hình ảnh tại")
            || lower.contains("hình ảnh của"))
        && !lower.contains(" đã ")
}
