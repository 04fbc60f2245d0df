//! The lexicon (`templates/lexicon.yaml`): which paragraph goes to which
//! section, and which kind of report an article is about.

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder};
use serde::Deserialize;

use super::{Kind, GENERAL, KINDS, OPENING};
use crate::error::{Error, Location, Result};
use crate::t;

/// Routing rules and kind cues.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub min_keyword_hits: usize,
    pub switch_margin: usize,
    pub opening_chars: usize,
    /// Which kind an article is about.
    pub detection: super::detect::Detection,
    pub sections: Vec<LexiconSection>,
    /// All topics and all keywords, each matched in one pass over a text.
    #[serde(skip)]
    matchers: Option<Matchers>,
}

/// One automaton per pattern list, over its distinct patterns; a match's
/// value indexes the sections listing the pattern.
#[derive(Clone)]
struct Matchers {
    topics: DoubleArrayAhoCorasick<u32>,
    /// Distinct topic → section indices.
    topic_of: Vec<Vec<usize>>,
    keywords: DoubleArrayAhoCorasick<u32>,
    /// Distinct keyword → section indices, once per listing.
    keyword_of: Vec<Vec<usize>>,
}

impl std::fmt::Debug for Matchers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matchers")
            .field("topics", &self.topic_of.len())
            .field("keywords", &self.keyword_of.len())
            .finish()
    }
}

/// Distinct patterns in order of first appearance over the sections, and the
/// sections listing each (as build.rs orders them for the built-in automata).
fn distinct(
    sections: &[LexiconSection],
    field: fn(&LexiconSection) -> &[String],
) -> (Vec<&str>, Vec<Vec<usize>>) {
    let (mut patterns, mut of): (Vec<&str>, Vec<Vec<usize>>) = (Vec::new(), Vec::new());
    for (i, s) in sections.iter().enumerate() {
        for p in field(s) {
            match patterns.iter().position(|q| q == p) {
                Some(at) => of[at].push(i),
                None => {
                    patterns.push(p);
                    of.push(vec![i]);
                }
            }
        }
    }
    (patterns, of)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconSection {
    pub id: String,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
}

impl Lexicon {
    /// The lexicon built into baocao.
    pub fn builtin() -> Lexicon {
        // templates/lexicon.yaml, converted to JSON and its automata built by build.rs.
        let lexicon = serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/lexicon.json")))
            .expect("the built-in lexicon is valid");
        let prebuilt = [
            include_bytes!(concat!(env!("OUT_DIR"), "/lexicon-topics.daac")).as_slice(),
            include_bytes!(concat!(env!("OUT_DIR"), "/lexicon-keywords.daac")).as_slice(),
        ];
        Lexicon::index("templates/lexicon.yaml", lexicon, Some(prebuilt))
            .expect("the built-in lexicon is valid")
    }

    /// Reads a lexicon in the YAML form of `templates/lexicon.yaml`.
    pub fn parse(file: &str, text: &str) -> Result<Lexicon> {
        let lexicon: Lexicon = serde_yaml::from_str(text).map_err(|e| Error::yaml(file, &e))?;
        Lexicon::index(file, lexicon, None)
    }

    /// Checks a lexicon read from `file` and builds its pattern automata, or
    /// reads them from `prebuilt` (topics, keywords; serialised by build.rs).
    fn index(file: &str, mut lexicon: Lexicon, prebuilt: Option<[&[u8]; 2]>) -> Result<Lexicon> {
        let invalid = |e: daachorse::errors::DaachorseError| {
            Error::invalid(
                Location::file(file),
                t!("lexicon-index", detail = e.to_string()),
            )
        };
        let (topics, topic_of) = distinct(&lexicon.sections, |s| &s.topics);
        let (keywords, keyword_of) = distinct(&lexicon.sections, |s| &s.keywords);
        let automaton = |patterns: Vec<&str>, prebuilt: Option<&[u8]>| match prebuilt {
            Some(bytes) => DoubleArrayAhoCorasick::<u32>::deserialize(bytes)
                .map(|(a, _)| a)
                .map_err(invalid),
            // No prefilter: its 64 KB table costs more to build or read than
            // it saves on a report's few kilobytes of text per paragraph.
            None => DoubleArrayAhoCorasickBuilder::new()
                .use_prefilter(false)
                .build_with_values(patterns.into_iter().enumerate().map(|(i, p)| (p, i as u32)))
                .map_err(invalid),
        };
        lexicon.matchers = Some(Matchers {
            topics: automaton(topics, prebuilt.map(|p| p[0]))?,
            topic_of,
            keywords: automaton(keywords, prebuilt.map(|p| p[1]))?,
            keyword_of,
        });
        for s in &lexicon.sections {
            if s.id == OPENING || s.id == GENERAL {
                return Err(Error::invalid(
                    Location::file(file),
                    t!("lexicon-reserved", id = &s.id),
                ));
            }
            if !KINDS.iter().any(|k| k.outline.contains(&s.id.as_str())) {
                return Err(Error::invalid(
                    Location::file(file),
                    t!("lexicon-no-outline", id = &s.id),
                ));
            }
        }
        Ok(lexicon)
    }

    fn in_kind(s: &LexiconSection, kind: Kind) -> bool {
        kind.outline().contains(&s.id.as_str())
    }

    /// The kind's own (static) spelling of a section id.
    pub(super) fn static_id(&self, kind: Kind, id: &str) -> &'static str {
        kind.outline()
            .iter()
            .copied()
            .find(|s| *s == id)
            .unwrap_or(GENERAL)
    }

    /// Section ids of a `kind` report in order (the kind's outline).
    pub fn section_ids(&self, kind: Kind) -> Vec<&str> {
        kind.outline().to_vec()
    }

    fn matchers(&self) -> &Matchers {
        self.matchers
            .as_ref()
            .expect("Lexicon::parse builds the matchers")
    }

    /// The section of `kind` whose topic pattern inside `lower` (lower-cased
    /// text) is longest; the first in the lexicon on a tie.
    pub(super) fn topic(&self, kind: Kind, lower: &str) -> Option<&str> {
        self.topic_where(kind, lower, |_| true)
    }

    /// [`Lexicon::topic`] among the sections whose id `allowed` accepts.
    pub(super) fn topic_where(
        &self,
        kind: Kind,
        lower: &str,
        allowed: impl Fn(&str) -> bool,
    ) -> Option<&str> {
        let m = self.matchers();
        let mut best: Option<(usize, usize)> = None;
        for found in m.topics.find_overlapping_iter(lower) {
            let len = found.end() - found.start();
            for &section in &m.topic_of[found.value() as usize] {
                let s = &self.sections[section];
                if !Lexicon::in_kind(s, kind) || !allowed(&s.id) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((s, l)) => len > l || (len == l && section < s),
                };
                if better {
                    best = Some((section, len));
                }
            }
        }
        best.map(|(s, _)| self.sections[s].id.as_str())
    }

    /// Keyword hits (every occurrence) in `lower` per section of `kind`, in
    /// lexicon order.
    pub(super) fn hits(&self, kind: Kind, lower: &str) -> Vec<(&str, usize)> {
        let m = self.matchers();
        let mut counts = vec![0usize; self.sections.len()];
        for found in m.keywords.find_overlapping_iter(lower) {
            for &section in &m.keyword_of[found.value() as usize] {
                counts[section] += 1;
            }
        }
        self.sections
            .iter()
            .zip(counts)
            .filter(|(s, _)| Lexicon::in_kind(s, kind))
            .map(|(s, n)| (s.id.as_str(), n))
            .collect()
    }

    /// The section with most keyword hits, if it has enough; the first on a tie.
    pub(super) fn best<'a>(&self, hits: &[(&'a str, usize)]) -> Option<(&'a str, usize)> {
        hits.iter()
            .copied()
            .filter(|(_, n)| *n >= self.min_keyword_hits)
            .fold(None, |best, (id, n)| match best {
                Some((_, b)) if b >= n => best,
                _ => Some((id, n)),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_is_the_yaml_file() {
        // build.rs converts the YAML to JSON; nothing may change on the way.
        let yaml = Lexicon::parse(
            "templates/lexicon.yaml",
            include_str!("../../templates/lexicon.yaml"),
        )
        .unwrap();
        let fields = |l: &Lexicon| {
            format!(
                "{:?}",
                (
                    l.min_keyword_hits,
                    l.switch_margin,
                    l.opening_chars,
                    &l.detection,
                    &l.sections
                )
            )
        };
        assert_eq!(fields(&Lexicon::builtin()), fields(&yaml));
    }

    #[test]
    fn builtin_automata_are_those_built_from_the_yaml_file() {
        let yaml = Lexicon::parse(
            "templates/lexicon.yaml",
            include_str!("../../templates/lexicon.yaml"),
        )
        .unwrap();
        let builtin = Lexicon::builtin();
        let (a, b) = (builtin.matchers(), yaml.matchers());
        assert_eq!(a.topics.serialize(), b.topics.serialize());
        assert_eq!(a.keywords.serialize(), b.keywords.serialize());
        assert_eq!((&a.topic_of, &a.keyword_of), (&b.topic_of, &b.keyword_of));
    }

    #[test]
    fn a_pattern_listed_twice_counts_for_each_listing() {
        let text = include_str!("../../templates/lexicon.yaml");
        let l = Lexicon::parse("l.yaml", text).unwrap();
        let first = &l.sections[0];
        let keyword = first.keywords[0].clone();
        // The same keyword added to the last section, and twice to the first.
        let mut twice = l.clone();
        let last = twice.sections.len() - 1;
        twice.sections[last].keywords.push(keyword.clone());
        twice.sections[0].keywords.push(keyword.clone());
        let twice = Lexicon::index("l.yaml", twice, None).unwrap();
        let count = |lex: &Lexicon, id: &str| {
            lex.hits(Kind::YearEnd, &keyword)
                .into_iter()
                .chain(lex.hits(Kind::Congress, &keyword))
                .find(|(s, _)| *s == id)
                .map_or(0, |(_, n)| n)
        };
        let last_id = twice.sections[last].id.clone();
        assert!(count(&l, &first.id) > 0);
        assert_eq!(count(&twice, &first.id), count(&l, &first.id) + 1);
        assert_eq!(count(&twice, &last_id), count(&l, &last_id) + 1);
    }

    #[test]
    fn reserved_ids_are_refused() {
        let text = include_str!("../../templates/lexicon.yaml")
            .replace("- id: situation", "- id: general");
        let err = Lexicon::parse("l.yaml", &text).unwrap_err().to_string();
        assert!(err.contains("`general` is reserved"), "{err}");
    }
}
