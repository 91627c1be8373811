//! Amounts for people: CLDR's grouping, decimal sign, currency symbol and its place for the
//! locale (ICU4X's currency formatter), never rounded. CLDR shows some currencies with fewer
//! digits than ISO 4217 gives them (HUF, IDR, COP, IQD: 0); a payment is exact in ISO minor
//! units, so an amount that rounding would change is shown whole, with its ISO code.

use crate::domain::money::Amount;
use fixed_decimal::Decimal;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::provider::currency::fractions::{CurrencyFractionsV1, Rounding};
use icu_locale_core::Locale;
use icu_provider::prelude::*;
use writeable::Writeable;

pub fn format(locale: &Locale, amount: &Amount) -> String {
    let currency = amount.currency();
    let exponent = currency.exponent();
    let mut value = Decimal::from(amount.minor());
    value.multiply_pow10(-i16::from(exponent));
    let code = currency.code();
    let cldr = CurrencyType::try_from_str(&code.to_ascii_lowercase())
        .ok()
        .filter(|c| !rounds(*c, exponent, amount.minor()))
        .and_then(|c| {
            with_formatter(locale, c, |f| {
                f.format_fixed_decimal(&value)
                    .write_to_string()
                    .into_owned()
            })
        });
    cldr.unwrap_or_else(|| format!("{}\u{a0}{code}", number(locale, &value)))
}

/// Runs `f` with the formatter for `locale` and `currency`, made once per thread: building one
/// (loading its CLDR data) costs several times what formatting with it does, and a page shows
/// the same amount twice. The set a process meets is small (locales × currencies its
/// merchants use); it is bounded all the same.
fn with_formatter<T>(
    locale: &Locale,
    currency: CurrencyType,
    f: impl FnOnce(&CurrencyFormatter<DecimalFormatter>) -> T,
) -> Option<T> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    type Cache = HashMap<(Locale, CurrencyType), CurrencyFormatter<DecimalFormatter>>;
    thread_local! {
        static FORMATTERS: RefCell<Cache> = RefCell::new(HashMap::new());
    }
    const MAX: usize = 256;
    FORMATTERS.with_borrow_mut(|cache| {
        let key = (locale.clone(), currency);
        if !cache.contains_key(&key) {
            let made =
                CurrencyFormatter::try_new_symbol(locale.into(), currency, Default::default())
                    .ok()?;
            if cache.len() >= MAX {
                cache.clear();
            }
            cache.insert(key.clone(), made);
        }
        cache.get(&key).map(f)
    })
}

/// A plain decimal number in the locale's digits, grouping and decimal sign, exactly as given.
pub fn number(locale: &Locale, value: &Decimal) -> String {
    DecimalFormatter::try_new(locale.into(), Default::default())
        .map(|f| f.format(value).write_to_string().into_owned())
        .unwrap_or_else(|_| value.to_string())
}

/// Whether CLDR's digits and rounding increment for `currency` would change an amount of
/// `minor` units at `exponent` (the formatter rounds to multiples of `increment · 10^-digits`).
fn rounds(currency: CurrencyType, exponent: u8, minor: i64) -> bool {
    let Ok(fractions) = DataProvider::<CurrencyFractionsV1>::load(
        &icu_experimental::provider::Baked,
        Default::default(),
    ) else {
        return true;
    };
    let info = fractions.payload.get().resolve(currency);
    let increment: i128 = match info.rounding {
        Rounding::R1 => 1,
        Rounding::R5 => 5,
        Rounding::R20 => 20,
        Rounding::R50 => 50,
        _ => return true,
    };
    let (digits, exponent, minor) = (
        u32::from(info.digits),
        u32::from(exponent),
        i128::from(minor),
    );
    if digits >= exponent {
        (minor * 10_i128.pow(digits - exponent)) % increment != 0
    } else {
        minor % (increment * 10_i128.pow(exponent - digits)) != 0
    }
}
