//! Line classification: what a line of the body is. A heading in capitals,
//! a list item (and its marker), a caption, a credit, web debris, the end of
//! a sentence.

use crate::vn::Lower;

/// Text compared to find repeats: no final punctuation.
pub(super) fn dedup_key(text: &str) -> &str {
    text.trim_end_matches(['.', ':', ';', '!', '?', ' '])
}

/// The first `n` characters of `text`, lower-cased: enough for prefix tests
/// without lower-casing a whole paragraph.
pub(super) fn lower_prefix(text: &str, n: usize) -> String {
    let end = text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
    text[..end].lower()
}

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

/// Whether a sentence ends here: final `.` `!` `?` `:` `;` `…`, possibly
/// followed by closing quotes or brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(|c: char| "\"'”’)]»".contains(c) || c.is_whitespace());
    core.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Words of a line (tokens holding a letter or a digit).
pub(super) fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// One sentence: no sentence end inside the line. A full stop after an
/// abbreviation or initials (`PGS. TS`, `ThS. Nguyễn`, `V.I. Lênin`) ends none.
pub(super) fn one_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(['.', ' ']);
    if core.contains("; ") || core.contains("! ") || core.contains("? ") {
        return false;
    }
    let tokens: Vec<&str> = core.split(' ').collect();
    !tokens.windows(2).any(|w| {
        let Some(word) = w[0].strip_suffix('.') else {
            return false;
        };
        let word = word.rsplit(['.', ',', '(']).next().unwrap_or(word);
        let abbreviation = word.chars().count() <= 1
            || word.chars().all(|c| c.is_uppercase() || c == '/')
            || ABBREVIATIONS.contains(&word);
        !abbreviation && w[1].chars().next().is_some_and(char::is_uppercase)
    })
}

/// Abbreviations written with a full stop before a name.
const ABBREVIATIONS: [&str; 9] = ["ThS", "Th.S", "Tp", "TP", "Đ/c", "đ/c", "Ths", "Nxb", "tr"];

/// Whether every word is capitalised (or initials): a name, an office.
fn capitalised(text: &str) -> bool {
    let ws: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == ',')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    !ws.is_empty()
        && ws.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
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
const WHO: [&str; 56] = [
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
const DOING: [&str; 42] = [
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
const SCENE: [&str; 12] = [
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

/// A heading of the article's own outline: `I. KẾT QUẢ`, `1. Công tác
/// tuyên truyền`, `1.2. Công tác kiểm tra`, `a) Về chính trị`, or a line in
/// capitals. Returns its depth (1 for the top level).
pub(super) fn heading_level(text: &str) -> Option<u8> {
    if ends_sentence(text) && !text.ends_with(':') || text.ends_with(':') {
        return None;
    }
    let n = words(text);
    let first = text.split_whitespace().next()?;
    let core = first.trim_end_matches(['.', ')', '-', ':', '/']);
    if (2..=25).contains(&n) && core.len() < first.len() {
        if crate::vn::parse_roman(core).is_some() && core.chars().all(|c| c.is_ascii_uppercase()) {
            return Some(1);
        }
        let parts: Vec<&str> = core.split('.').collect();
        if parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
        {
            return Some(1 + parts.len() as u8);
        }
        if core.chars().count() == 1 && core.chars().all(char::is_lowercase) && first.ends_with(')')
        {
            return Some(5);
        }
    }
    if is_caps_heading(text) {
        return Some(1);
    }
    None
}

/// A heading in capitals inside the body (`KẾT QUẢ ĐẠT ĐƯỢC`, `I. PHƯƠNG HƯỚNG`).
pub(super) fn is_caps_heading(text: &str) -> bool {
    if text.len() > 600 || text.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 6
        && words(text) >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && text.chars().count() <= 150
        && !text.ends_with('.')
}

/// A short line without final punctuation that names the topic of the
/// paragraphs after it (`Đưa du lịch trở thành ngành kinh tế mũi nhọn`):
/// not a caption's scene, person or photo credit.
pub(super) fn is_topic_line(text: &str) -> bool {
    let lower = text.lower();
    let n = words(text);
    // Words here are syllables: a heading of a dozen words has twenty.
    (2..=25).contains(&n)
        && !ends_sentence(text)
        && text.chars().next().is_some_and(char::is_uppercase)
        && !SCENE.iter().any(|p| lower.starts_with(p))
        && !WHO.iter().any(|w| lower.starts_with(w))
        && !DOING.iter().any(|d| lower.contains(d))
        && !lower.contains("ảnh")
}

/// A paragraph that names its own topic (`Hội Phụ nữ: Triển khai …`): a
/// short line before it is a photo's caption, not its heading.
pub(super) fn opens_with_label(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, rest)| {
        words(label) <= 8
            && !label.contains(['.', ';', '“', '"'])
            && rest.starts_with(' ')
            && words(rest) >= 5
    })
}

/// The marker of a list item, if the text is one: `1.`, `1)`, `1.2`,
/// `1.2.1.`, `(1)`, `a)`, a bullet (`-`, `+`, `*`, `•`, with or without a
/// space after it), or an ordinal lead-in (`Một là:` … `Mười là:`, `Thứ nhất,`).
pub(crate) fn item_marker(text: &str) -> Option<String> {
    let first = text.split_whitespace().next()?;
    // Numbered: digits with dots, ending in "." or ")" or followed by text.
    let numbered = |s: &str| {
        let core = s.trim_end_matches(['.', ')']);
        !core.is_empty()
            && core.len() < s.len() + usize::from(core.contains('.'))
            && core
                .split('.')
                .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
    };
    if first.len() < text.len()
        && numbered(first)
        && (first.ends_with(['.', ')']) || first.contains('.'))
    {
        return Some(first.to_string());
    }
    // (1), (12)
    if first.starts_with('(')
        && first.ends_with(')')
        && first.len() <= 5
        && first[1..first.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit())
        && first.len() > 2
    {
        return Some(first.to_string());
    }
    // a), b), đ)
    let mut chars = first.chars();
    if let (Some(c), Some(')'), None) = (chars.next(), chars.next(), chars.next()) {
        if c.is_lowercase() && first.len() < text.len() {
            return Some(first.to_string());
        }
    }
    // Bullets, with or without a space after them.
    if let Some(b) = text
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '+' | '*' | '•' | '–' | '·'))
    {
        let rest = text[b.len_utf8()..].trim_start();
        if rest
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '“')
        {
            return Some(b.to_string());
        }
    }
    // Ordinal lead-ins.
    let lower = lower_prefix(text, 16);
    const ORDINALS: [&str; 10] = [
        "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    for o in ORDINALS {
        let lead = format!("{o} là");
        if lower.starts_with(&lead) && lower[lead.len()..].starts_with([':', ',']) {
            return Some(text[..lead.len() + 1].to_string());
        }
    }
    // `Thứ nhất là …`, `Thứ hai là …`.
    if let Some(rest) = lower.strip_prefix("thứ ") {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let end = lower.len() - rest.len() + word.len();
        if [
            "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín",
        ]
        .contains(&word.as_str())
            && lower[end..].starts_with(" là ")
        {
            return Some(text[..end + " là".len()].to_string());
        }
    }
    if let Some(rest) = lower.strip_prefix("thứ ") {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        const NTH: [&str; 9] = [
            "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín",
        ];
        let end = lower.len() - rest.len() + word.len();
        if NTH.contains(&word.as_str()) && lower[end..].starts_with([':', ',']) {
            return Some(text[..end + 1].to_string());
        }
    }
    None
}
