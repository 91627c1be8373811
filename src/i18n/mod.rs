//! What people read, in their language: the message catalogues (Fluent files under `locales/`,
//! compiled in), the choice of locale for a request, and money and dates formatted from CLDR
//! data (ICU4X). Every catalogue has every message of the English one with the same variables:
//! [`catalogues`] refuses to load otherwise, and a test loads them all, so a missing key is a
//! failed build check, never a silent fallback.

mod dates;
mod money;
#[cfg(test)]
mod tests;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use icu_locale::fallback::LocaleFallbackConfig;
use icu_locale::{LocaleDirectionality, LocaleFallbacker};
use icu_locale_core::Locale as IcuLocale;
use std::borrow::Cow;
use std::sync::LazyLock;

pub use fluent_bundle::FluentValue as Value;

/// One catalogue's sources: its language tag and its Fluent files, in `locales/<tag>/`.
struct Source {
    tag: &'static str,
    files: [(&'static str, &'static str); 2],
}

macro_rules! sources {
    ($($tag:literal),* $(,)?) => {
        &[$(Source {
            tag: $tag,
            files: [
                ("shopper.ftl", include_str!(concat!("../../locales/", $tag, "/shopper.ftl"))),
                ("dashboard.ftl", include_str!(concat!("../../locales/", $tag, "/dashboard.ftl"))),
            ],
        }),*]
    };
}

/// The locales we speak. English comes first: it is the reference every other one must match,
/// and the answer when nothing the client asks for is here.
static SOURCES: &[Source] = sources![
    "en", "ar", "de", "es", "fr", "it", "ja", "nl", "pl", "pt", "tr", "zh",
];

/// All messages of one language.
pub struct Catalogue {
    tag: &'static str,
    rtl: bool,
    bundle: FluentBundle<FluentResource>,
}

/// The catalogues, parsed once and checked against English (see the module doc).
pub fn catalogues() -> &'static [Catalogue] {
    match loaded() {
        Ok(all) => all,
        // `ready` ran before the first request (see startup) and would have stopped the start.
        Err(problems) => panic!("{problems}"),
    }
}

fn loaded() -> &'static Result<Vec<Catalogue>, String> {
    static ALL: LazyLock<Result<Vec<Catalogue>, String>> = LazyLock::new(|| load(SOURCES));
    &ALL
}

/// Parses and checks the catalogues now: the gateway calls it before it listens, so a
/// catalogue that disagrees with English stops the start (and the first shopper does not wait
/// for the parse).
pub fn ready() -> anyhow::Result<()> {
    loaded().as_ref().map(|_| ()).map_err(|problems| {
        anyhow::anyhow!("the message catalogues disagree with English:\n{problems}")
    })
}

/// Parses every source and checks each against the first; the error lists every problem.
fn load(sources: &[Source]) -> Result<Vec<Catalogue>, String> {
    let directionality = LocaleDirectionality::new_common();
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for source in sources {
        let langid: unic_langid::LanguageIdentifier = source
            .tag
            .parse()
            .map_err(|e| format!("{}: {e}", source.tag))?;
        let icu: IcuLocale = source
            .tag
            .parse()
            .map_err(|e| format!("{}: {e}", source.tag))?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Values are placed in text of either direction; the marks keep a Latin shop name from
        // reordering an Arabic sentence. In left-to-right text they would only be noise.
        let rtl = directionality.is_right_to_left(&icu.id);
        bundle.set_use_isolating(rtl);
        for (name, text) in source.files {
            let resource =
                FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, errors)| {
                    problems.push(format!("{}/{name}: syntax: {errors:?}", source.tag));
                    r
                });
            if let Err(errors) = bundle.add_resource(resource) {
                problems.push(format!("{}/{name}: {errors:?}", source.tag));
            }
        }
        out.push(Catalogue {
            tag: source.tag,
            rtl,
            bundle,
        });
    }
    if let Some((reference, others)) = sources.split_first() {
        let want = messages(reference);
        for other in others {
            let have = messages(other);
            for (id, vars) in &want {
                match have.iter().find(|(i, _)| i == id) {
                    None => problems.push(format!("{}: message {id} is missing", other.tag)),
                    Some((_, v)) if v != vars => problems.push(format!(
                        "{}: message {id} uses {v:?}, English uses {vars:?}",
                        other.tag
                    )),
                    Some(_) => {}
                }
            }
            for (id, _) in &have {
                if !want.iter().any(|(i, _)| i == id) {
                    problems.push(format!("{}: message {id} is not in English", other.tag));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems.join("\n"))
    }
}

/// Each message of a source with the variables it uses, sorted.
fn messages(source: &Source) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast;
    let mut out = Vec::new();
    for (_, text) in source.files {
        let Ok(resource) = fluent_syntax::parser::parse(text) else {
            continue;
        };
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = Vec::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                vars.sort();
                vars.dedup();
                out.push((m.id.name.to_string(), vars));
            }
        }
    }
    out
}

fn pattern_vars(p: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        if let InlineExpression::VariableReference { id } = e {
            out.push(id.name.to_string());
        }
    }
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            match expression {
                Expression::Inline(e) => inline(e, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        pattern_vars(&v.value, out);
                    }
                }
            }
        }
    }
}

/// The locale of one request: the catalogue it reads, and the client's own tag for numbers and
/// dates (a shopper asking for `de-CH` reads German and sees Swiss grouping).
#[derive(Clone)]
pub struct Locale {
    catalogue: &'static Catalogue,
    format: IcuLocale,
}

impl Locale {
    /// The `lang` attribute of the page.
    pub fn lang(&self) -> &'static str {
        self.catalogue.tag
    }

    /// The `dir` attribute of the page.
    pub fn dir(&self) -> &'static str {
        if self.catalogue.rtl { "rtl" } else { "ltr" }
    }

    /// A message without variables.
    pub fn msg(&self, id: &str) -> Cow<'static, str> {
        self.format_message(id, None)
    }

    /// A message with its variables.
    pub fn fmt(&self, id: &str, args: &[(&str, Value<'_>)]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.format_message(id, Some(&fluent)).into_owned()
    }

    fn format_message(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Cow<'static, str> {
        let bundle = &self.catalogue.bundle;
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            // Every catalogue has every English message (see `load`): an unknown id is a typo in
            // the code, which the tests that render each page catch.
            debug_assert!(false, "no message {id}");
            tracing::error!(id, "no such message");
            return Cow::Owned(id.to_string());
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            debug_assert!(false, "message {id}: {errors:?}");
            tracing::error!(id, ?errors, "message could not be formatted");
        }
        text
    }

    /// An amount with its currency, as people of this locale write it (see [`money`]).
    pub fn money(&self, amount: &crate::domain::money::Amount) -> String {
        money::format(&self.format, amount)
    }

    /// The exact number `units · 10^-scale` (`number(995, 1)` is 99.5), as this locale writes
    /// it: for the few numbers a message cannot format itself (Fluent prints a number's digits
    /// as they are, without the locale's decimal sign or grouping).
    pub fn number(&self, units: i64, scale: u8) -> String {
        let mut value = fixed_decimal::Decimal::from(units);
        value.multiply_pow10(-i16::from(scale));
        // Zero has no digits to shift: `number(0, 1)` is still 0.0.
        value.absolute.pad_end(-i16::from(scale));
        money::number(&self.format, &value)
    }

    /// A moment in UTC, as a date and time of this locale.
    pub fn datetime(&self, at: time::OffsetDateTime) -> String {
        dates::format(&self.format, at)
    }
}

/// English, for pages that have no request to read a preference from.
pub fn english() -> Locale {
    Locale {
        catalogue: &catalogues()[0],
        format: icu_locale_core::locale!("en"),
    }
}

/// The locale for a request: `wanted` (the payment's `x_locale` or the session's `locale`)
/// first, then each tag of `Accept-Language` by weight, then English. A tag matches the first
/// catalogue on its CLDR fallback chain (`de-AT` → `de`, `zh-TW` → `zh-Hant`, never `zh`).
pub fn negotiate(wanted: Option<&str>, accept_language: Option<&str>) -> Locale {
    let fallbacker = LocaleFallbacker::new().for_config(LocaleFallbackConfig::default());
    let requested = wanted
        .into_iter()
        .map(str::to_string)
        .chain(accept_language.map(by_weight).unwrap_or_default());
    for tag in requested {
        let Ok(format) = tag.parse::<IcuLocale>() else {
            continue;
        };
        let mut chain = fallbacker.fallback_for((&format).into());
        while !chain.get().is_unknown() {
            let candidate = chain.get().to_string();
            if let Some(catalogue) = catalogues().iter().find(|c| c.tag == candidate) {
                return Locale { catalogue, format };
            }
            chain.step();
        }
    }
    english()
}

/// The tags of an `Accept-Language` header, most wanted first (RFC 9110 section 12.5.4); equal
/// weights keep their order, `q=0` and `*` are dropped.
fn by_weight(header: &str) -> Vec<String> {
    let mut tags: Vec<(String, u16)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| {
                    q.trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))
                        .map(|q| (q * 1000.0) as u16)
                })?;
            (!tag.is_empty() && tag != "*" && q > 0).then(|| (tag.to_string(), q))
        })
        .collect();
    tags.sort_by_key(|(_, q)| std::cmp::Reverse(*q));
    tags.into_iter().map(|(t, _)| t).collect()
}
