//! Cues of meaning: what a unit's words say of its class — results,
//! shortcomings and their causes, lessons, direction, proposals, a
//! congress's proceedings — past or future, quoted or the committee's own.

use super::Class;

/// Cues of each class found in a text (lower-cased, quotations left out),
/// with the words that matched.
pub(super) struct Cues {
    pub(super) future: Vec<&'static str>,
    pub(super) past: usize,
    pub(super) shortcoming: Vec<&'static str>,
    pub(super) cause: Vec<&'static str>,
    pub(super) lesson: Vec<&'static str>,
    pub(super) proposal: Vec<&'static str>,
    pub(super) proceedings: Vec<&'static str>,
}

const FUTURE: [&str; 32] = [
    "thời gian tới",
    "năm tới",
    "nhiệm kỳ tới",
    "giai đoạn tới",
    "tháng cuối năm",
    "quý tới",
    "phương hướng",
    "nhiệm vụ trọng tâm",
    "nhiệm vụ, giải pháp",
    "giải pháp trọng tâm",
    "đề nghị",
    "yêu cầu",
    "cần phải",
    "cần tiếp tục",
    "phải tiếp tục",
    "tiếp tục phát huy",
    "tiếp tục thực hiện",
    "tiếp tục đẩy mạnh",
    "tiếp tục tập trung",
    "phấn đấu",
    "mục tiêu",
    "đề ra",
    "quyết tâm",
    "cần tập trung",
    " sẽ ",
    "phải ",
    "cần ",
    "lưu ý",
    "chỉ tiêu cụ thể",
    "định hướng",
    "chỉ tiêu",
    "tiếp tục",
];

const PAST: [&str; 12] = [
    " đã ",
    "đạt ",
    "được ",
    "trong năm",
    "nhiệm kỳ qua",
    "vừa qua",
    "thời gian qua",
    "kết quả",
    "hoàn thành",
    "tổ chức thành công",
    "đạt được",
    "năm qua",
];

const SHORTCOMING: [&str; 19] = [
    "hạn chế",
    "đạt thấp",
    "còn thấp",
    "tồn tại",
    "khuyết điểm",
    "yếu kém",
    "bất cập",
    "chưa đạt",
    "chưa kịp thời",
    "còn chậm",
    "chưa cao",
    "chưa đồng đều",
    "chưa sâu",
    "chưa thường xuyên",
    "vẫn còn",
    "còn một số",
    "còn nhiều",
    "chưa đáp ứng",
    "thiếu sót",
];

const CAUSE: [&str; 3] = ["nguyên nhân", "do khách quan", "do chủ quan"];
const LESSON: [&str; 2] = ["bài học kinh nghiệm", "bài học"];
const PROPOSAL: [&str; 3] = ["đề xuất, kiến nghị", "kiến nghị", "đề xuất với"];
const PROCEEDINGS: [&str; 9] = [
    "thông qua",
    "biểu quyết",
    "bầu ",
    "trúng cử",
    "ra mắt",
    "bầu cử",
    "đại hội đã",
    "nghị quyết đại hội",
    "bỏ phiếu",
];

/// The text without what is quoted: a quotation's words are not the
/// committee's own (`“bệnh quan liêu”` is no shortcoming of theirs).
fn unquoted(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut depth = 0;
    for c in lower.chars() {
        match c {
            '“' => depth += 1,
            '”' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words that make a following weak future word past: `đạt mục tiêu`,
/// `các chỉ tiêu đề ra đều đạt`, `sự quyết tâm phấn đấu`.
const PAST_BEFORE: [&str; 8] = [
    "đạt",
    "vượt",
    "hoàn thành",
    "thực hiện",
    "sự ",
    "của ",
    "các ",
    "những ",
];

/// Weak future words: future only where no past word comes just before.
const WEAK_FUTURE: [&str; 6] = [
    "mục tiêu",
    "đề ra",
    "chỉ tiêu",
    "phấn đấu",
    "quyết tâm",
    "tiếp tục",
];

/// A past frame opening a paragraph: `Nhiệm kỳ qua, …`, `Trong 6 tháng đầu năm, …`.
const PAST_FRAME: [&str; 9] = [
    "nhiệm kỳ qua",
    "năm qua",
    "thời gian qua",
    "vừa qua",
    "trong năm",
    "tháng đầu năm",
    "qua ",
    "sau ",
    "kết quả",
];

/// Paragraph openings that continue the one before (a speech, a list of tasks).
pub(super) const CONTINUES: [&str; 10] = [
    "đặc biệt",
    "đồng thời",
    "bên cạnh đó",
    "ngoài ra",
    "cùng với đó",
    "đồng chí cũng",
    "ông cũng",
    "bà cũng",
    "trong đó",
    "mặt khác",
];

/// Whether `cue` at `at` in `t` is preceded (within a few words) by one of `words`.
fn preceded(t: &str, at: usize, words: &[&str]) -> bool {
    preceded_within(t, at, 24, words)
}

/// Whether `words` come in the `bytes` before `at`.
fn preceded_within(t: &str, at: usize, bytes: usize, words: &[&str]) -> bool {
    let mut from = at.saturating_sub(bytes);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let before = &t[from..at];
    words.iter().any(|w| before.contains(w))
}

/// Shortcoming markers that are the committee's own: not `hạn chế` as a
/// verb (`nhằm hạn chế tai nạn`), not an overview (`chỉ rõ những hạn chế,
/// nguyên nhân`), not a task (`khắc phục hạn chế`).
fn shortcomings_in(t: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for m in SHORTCOMING {
        let own = memchr::memmem::find_iter(t.as_bytes(), m.as_bytes()).any(|at| {
            let after = &t[at + m.len()..];
            let verb = m == "hạn chế"
                && (preceded(t, at, &["nhằm ", "để ", "góp phần ", "giúp ", "được "])
                    || [" tối đa", " thấp nhất", " việc", " tình trạng"]
                        .iter()
                        .any(|a| after.starts_with(a)));
            let meta = preceded_within(
                t,
                at,
                70,
                &[
                    "chỉ ra",
                    "chỉ rõ",
                    "nêu ",
                    "phân tích",
                    "làm rõ",
                    "khắc phục",
                    "kết quả đạt được,",
                ],
            );
            !verb && !meta
        });
        if own {
            out.push(m);
        }
    }
    out
}

pub(super) fn cues(text: &str) -> Cues {
    let t = unquoted(text);
    let find = |list: &[&'static str]| -> Vec<&'static str> {
        list.iter().copied().filter(|c| t.contains(c)).collect()
    };
    let mut future: Vec<&'static str> = FUTURE
        .iter()
        .copied()
        .filter(|c| !WEAK_FUTURE.contains(c) && t.contains(c))
        .collect();
    for w in WEAK_FUTURE {
        if memchr::memmem::find_iter(t.as_bytes(), w.as_bytes())
            .any(|at| !preceded(&t, at, &PAST_BEFORE))
        {
            future.push(w);
        }
    }
    // An opening that announces what is to be done weighs for the whole
    // paragraph: `Phát huy những kết quả đã đạt được, …`, `Nhiệm vụ 6 tháng cuối năm …`.
    let head = &t[..t.char_indices().nth(30).map_or(t.len(), |(i, _)| i)];
    let opens_future = [
        "phát huy",
        "để tiếp tục",
        "nhằm tiếp tục",
        "nhiệm vụ",
        "các nhiệm vụ",
        "mục tiêu",
        "các mục tiêu",
        "phương hướng",
        "trong thời gian tới",
        "thời gian tới",
        "năm tới",
    ]
    .iter()
    .any(|o| t.starts_with(o))
        || (head.contains("tháng cuối năm") && !head.contains("kết quả"));
    if opens_future {
        future.extend(["(opening)"; 3]);
    }
    let frame = !opens_future && PAST_FRAME.iter().any(|f| head.contains(f));
    Cues {
        future,
        past: PAST.iter().filter(|c| t.contains(*c)).count() + if frame { 3 } else { 0 },
        shortcoming: shortcomings_in(&t),
        cause: find(&CAUSE),
        lesson: find(&LESSON),
        proposal: find(&PROPOSAL),
        proceedings: find(&PROCEEDINGS),
    }
}

/// The class a heading names, if any.
pub(super) fn heading_class(lower: &str) -> Option<Class> {
    let has = |list: &[&str]| list.iter().any(|w| lower.contains(w));
    // Causes are told with the shortcomings they explain.
    if has(&[
        "hạn chế",
        "tồn tại",
        "khuyết điểm",
        "yếu kém",
        "nguyên nhân",
    ]) {
        Some(Class::Shortcomings)
    } else if has(&["bài học"]) {
        Some(Class::Lessons)
    } else if has(&["đề xuất", "kiến nghị"]) {
        Some(Class::Proposals)
    } else if has(&[
        "phương hướng",
        "nhiệm vụ",
        "giải pháp",
        "thời gian tới",
        "cuối năm",
        "mục tiêu",
        "chỉ tiêu",
        "tập trung lãnh đạo thực hiện",
        "kế hoạch",
    ]) && !has(&["kết quả", "đánh giá"])
    {
        Some(Class::Direction)
    } else if has(&["kết quả", "đánh giá", "thành tựu", "nổi bật", "đạt được"])
    {
        Some(Class::Results)
    } else {
        None
    }
}
