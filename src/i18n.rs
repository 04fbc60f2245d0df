//! Messages for people, in Vietnamese (the default) or English.
//!
//! Every message lives in one Fluent catalogue per language,
//! `locales/vi.ftl` and `locales/en.ftl`, built into the binary. A message
//! site names its key and arguments with [`t!`](crate::t); the language is
//! chosen once per process with [`set`] (the command line does it from
//! `--lang` or the locale, see [`Lang::from_env`]). Output for machines (the
//! `inspect` YAML, the PDF) never goes through here.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The Vietnamese catalogue.
pub const VI_FTL: &str = include_str!("../locales/vi.ftl");
/// The English catalogue.
pub const EN_FTL: &str = include_str!("../locales/en.ftl");

/// A language messages are given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// `vi` or `en` (as `--lang` takes them), any case.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a POSIX locale value such as `en_US.UTF-8`: English
    /// for any English locale, Vietnamese for every other (`C` included, as
    /// the users are Vietnamese whatever their machine was set up with).
    pub fn from_locale(value: &str) -> Lang {
        let lang = value.split(['_', '.', '@', '-']).next().unwrap_or("");
        if lang.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Vi
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty (POSIX's order).
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .map_or(Lang::Vi, |v| Lang::from_locale(&v))
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The catalogue's source text.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::Vi => VI_FTL,
            Lang::En => EN_FTL,
        }
    }
}

// The library's own unit tests read the messages in English, as their
// assertions are written; tests/messages.rs runs the binary for the
// Vietnamese default.
static CURRENT: AtomicU8 = AtomicU8::new(if cfg!(test) { 1 } else { 0 });

/// Sets the language of every message from now on.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are given in now (Vietnamese until [`set`]; in
/// the library's unit tests, English).
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> Bundle {
    let id = match lang {
        Lang::Vi => unic_langid::langid!("vi"),
        Lang::En => unic_langid::langid!("en-US"),
    };
    let resource = FluentResource::try_new(lang.catalogue().to_string())
        .unwrap_or_else(|(_, errors)| panic!("locales/{}.ftl: {errors:?}", lang.code()));
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Messages go to a terminal, not into bidirectional text: no FSI/PDI
    // marks around the arguments.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("locales/{}.ftl: {errors:?}", lang.code()));
    bundle
}

static VI: LazyLock<Bundle> = LazyLock::new(|| bundle(Lang::Vi));
static EN: LazyLock<Bundle> = LazyLock::new(|| bundle(Lang::En));

/// A message argument: text, or a number (which plural forms select on).
pub trait Arg {
    fn value(self) -> FluentValue<'static>;
}

impl Arg for String {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl Arg for &String {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl Arg for &str {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for Cow<'_, str> {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.into_owned())
    }
}

impl Arg for std::path::Display<'_> {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(usize, u8, u16, u32, u64, i32, i64, f64);

/// The message `key` in `lang` with `args`. A key missing from the
/// catalogue gives the key itself (the catalogue test keeps that from
/// happening).
pub fn tr_in(lang: Lang, key: &str, args: Vec<(&str, FluentValue<'static>)>) -> String {
    let bundle: &Bundle = match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            a.set(name, value);
        }
        a
    });
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args.as_ref(), &mut errors)
        .into_owned()
}

/// The message `key` in the current language.
pub fn tr(key: &str, args: Vec<(&str, FluentValue<'static>)>) -> String {
    tr_in(current(), key, args)
}

/// `t!("key", name = value, …)`: the message `key` of the catalogue in the
/// current language, its `{ $name }` placeholders filled in.
#[macro_export]
macro_rules! t {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::tr($key, vec![$((stringify!($name), $crate::i18n::Arg::value($value))),*])
    };
}

/// `t_in!(lang, "key", name = value, …)`: as [`t!`](crate::t), in `lang`.
#[macro_export]
macro_rules! t_in {
    ($lang:expr, $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::tr_in($lang, $key, vec![$((stringify!($name), $crate::i18n::Arg::value($value))),*])
    };
}

/// Why an operation on a file failed, in words for people: the common
/// cases in the current language, the system's own text otherwise.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => crate::t!("io-not-found"),
        K::PermissionDenied => crate::t!("io-permission-denied"),
        K::AlreadyExists => crate::t!("io-already-exists"),
        K::IsADirectory => crate::t!("io-is-a-directory"),
        K::NotADirectory => crate::t!("io-not-a-directory"),
        K::StorageFull => crate::t!("io-storage-full"),
        K::ReadOnlyFilesystem => crate::t!("io-read-only"),
        K::InvalidData => crate::t!("io-invalid-data", detail = e.to_string()),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_locales_give_english_and_every_other_vietnamese() {
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("en"), Lang::En);
        assert_eq!(Lang::from_locale("EN_gb"), Lang::En);
        assert_eq!(Lang::from_locale("vi_VN.UTF-8"), Lang::Vi);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::Vi);
        assert_eq!(Lang::from_locale("POSIX"), Lang::Vi);
        assert_eq!(Lang::from_locale("fr_FR"), Lang::Vi);
        assert_eq!(Lang::from_locale("eng"), Lang::Vi);
    }

    #[test]
    fn arguments_fill_placeholders_without_isolation_marks() {
        let vi = t_in!(Lang::Vi, "io-cannot-read", path = "a.txt", reason = "x");
        assert!(vi.contains("a.txt"), "{vi}");
        assert!(!vi.contains('\u{2068}'), "{vi:?}");
        let en = t_in!(Lang::En, "io-cannot-read", path = "a.txt", reason = "x");
        assert_eq!(en, "cannot read a.txt: x");
    }

    #[test]
    fn numbers_choose_the_english_plural() {
        let one = t_in!(Lang::En, "render-wrote", output = "a.pdf", pages = 1usize);
        let two = t_in!(Lang::En, "render-wrote", output = "a.pdf", pages = 2usize);
        assert_eq!(one, "wrote a.pdf (1 page)");
        assert_eq!(two, "wrote a.pdf (2 pages)");
        let vi = t_in!(Lang::Vi, "render-wrote", output = "a.pdf", pages = 1usize);
        assert_eq!(vi, "đã ghi a.pdf (1 trang)");
    }

    #[test]
    fn a_missing_key_gives_the_key() {
        assert_eq!(
            tr_in(Lang::En, "no-such-message", Vec::new()),
            "no-such-message"
        );
    }
}
