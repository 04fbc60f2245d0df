//! YAML inputs (report data, organisation and format profiles) read within
//! limits: aliases (`*name`) may not expand a file past ten times its size
//! plus 1 MiB, and values nest at most [`MAX_DEPTH`] levels deep. Typed
//! deserialization copies an alias's value every time it is used, so a
//! small file of aliases of aliases (a "billion laughs") would otherwise
//! grow to gigabytes; the limits are checked first, on a pass that copies
//! nothing.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};

use crate::error::{Error, Result};

/// How deep values may nest (mappings in lists in mappings …): serde_yaml's
/// own limit, which it keeps when no alias is used.
pub const MAX_DEPTH: usize = 128;

/// What the aliases of a file of `len` bytes may expand it to, in bytes.
pub fn expansion_limit(len: usize) -> usize {
    len.saturating_mul(10).saturating_add(1 << 20)
}

/// The messages of this module.
mod msg {
    use crate::t;

    pub fn too_big(limit: usize) -> String {
        t!("yaml-aliases", limit = limit >> 10)
    }
    pub fn too_deep(depth: usize) -> String {
        t!("yaml-nesting", depth = depth)
    }
}

/// Parses `text` (from `file`) as a `T`, within the limits; errors name the
/// file, line and column, `hint` added.
pub fn from_str<T: DeserializeOwned>(file: &str, text: &str, hint: &str) -> Result<T> {
    let limit = expansion_limit(text.len());
    let located = |e: serde_yaml::Error| {
        let said = e.to_string();
        let err = Error::yaml(file, &e);
        let Error::Invalid { at, .. } = &err else {
            return err;
        };
        // serde_yaml's own limits, said in this module's words.
        if said.contains("recursion limit exceeded") {
            Error::invalid(at.clone(), msg::too_deep(MAX_DEPTH))
        } else if said.contains("repetition limit exceeded") {
            Error::invalid(at.clone(), msg::too_big(limit))
        } else if hint.is_empty() {
            err
        } else {
            err.with_hint(hint)
        }
    };
    // Without an alias nothing expands, and serde_yaml stops deep nesting
    // itself (at 128 levels): the check pass would only cost time.
    if text.contains('*') {
        let left = Cell::new(limit);
        for doc in serde_yaml::Deserializer::from_str(text) {
            Budget {
                left: &left,
                depth: 0,
                limit,
            }
            .deserialize(doc)
            .map_err(located)?;
        }
    }
    serde_yaml::from_str(text).map_err(located)
}

/// A pass over any YAML value that counts what it would copy and how deep
/// it goes, and stops at the first limit.
#[derive(Clone, Copy)]
struct Budget<'a> {
    left: &'a Cell<usize>,
    depth: usize,
    limit: usize,
}

impl Budget<'_> {
    fn spend<E: de::Error>(&self, n: usize) -> std::result::Result<(), E> {
        let left = self.left.get();
        if n + 1 > left {
            return Err(E::custom(msg::too_big(self.limit)));
        }
        self.left.set(left - n - 1);
        Ok(())
    }

    fn child<E: de::Error>(&self) -> std::result::Result<Self, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(msg::too_deep(MAX_DEPTH)));
        }
        Ok(Budget {
            depth: self.depth + 1,
            ..*self
        })
    }
}

impl<'de> DeserializeSeed<'de> for Budget<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Budget<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<(), E> {
        self.spend(1)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<(), E> {
        self.spend(8)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<(), E> {
        self.spend(8)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<(), E> {
        self.spend(8)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> std::result::Result<(), E> {
        self.spend(s.len())
    }
    fn visit_bytes<E: de::Error>(self, b: &[u8]) -> std::result::Result<(), E> {
        self.spend(b.len())
    }
    fn visit_unit<E: de::Error>(self) -> std::result::Result<(), E> {
        self.spend(0)
    }
    fn visit_none<E: de::Error>(self) -> std::result::Result<(), E> {
        self.spend(0)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let child = self.child()?;
        self.spend(0)?;
        while seq.next_element_seed(child)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let child = self.child()?;
        self.spend(0)?;
        while map.next_key_seed(child)?.is_some() {
            map.next_value_seed(child)?;
        }
        Ok(())
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> std::result::Result<(), A::Error> {
        use de::VariantAccess;
        let (_, variant) = data.variant_seed(self.child()?)?;
        variant.newtype_variant_seed(self.child()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Vec<Vec<String>>>,
    }

    #[test]
    fn an_alias_of_a_long_value_used_often_stops_at_the_limit() {
        let mut text = format!("a: &a [\"{}\"]\n", "x".repeat(1000));
        text.push_str("items: [");
        text.push_str(&vec!["*a"; 3000].join(", "));
        text.push_str("]\n");
        let err = from_str::<Doc>("bomb.yaml", &text, "")
            .unwrap_err()
            .to_string();
        // Where the copying stopped, and the data path that got there.
        assert!(err.starts_with("bomb.yaml:1:8: items["), "{err}");
        assert!(
            err.contains("the aliases (*name) expand the data past"),
            "{err}"
        );
    }

    #[test]
    fn an_alias_bomb_stops_at_the_limit() {
        let mut text = String::from("a: &a [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]\n");
        let mut prev = "a".to_string();
        for i in 0..12 {
            let name = format!("l{i}");
            let refs = vec![format!("*{prev}"); 10].join(", ");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
            prev = name;
        }
        text.push_str(&format!("items: [*{prev}, *{prev}]\n"));
        let err = from_str::<Doc>("bomb.yaml", &text, "")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("bomb.yaml"), "{err}");
        assert!(
            err.contains("the aliases (*name) expand the data past"),
            "{err}"
        );
    }

    #[test]
    fn deep_nesting_is_refused_with_its_place() {
        let text = format!("items: {}{}", "[".repeat(200), "]".repeat(200));
        let err = from_str::<serde_yaml::Value>("deep.yaml", &text, "")
            .unwrap_err()
            .to_string();
        assert!(err.contains("nest more than 128 levels"), "{err}");
        assert!(err.starts_with("deep.yaml:1:"), "{err}");
        let aliased = format!("x: &x 1\nitems: {}*x{}", "[".repeat(150), "]".repeat(150));
        let err = from_str::<serde_yaml::Value>("deep.yaml", &aliased, "")
            .unwrap_err()
            .to_string();
        assert!(err.contains("nest more than 128 levels"), "{err}");
    }

    #[test]
    fn a_few_aliases_are_fine() {
        let text = "x: &x [[a, b]]\nitems: [*x, *x]\n";
        let d: Doc = from_str("ok.yaml", text, "").unwrap();
        assert_eq!(d.items.len(), 2);
    }
}
