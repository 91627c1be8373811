//! Currencies (from the maintained ISO 4217 table of `iso_currency`) and amounts as integer
//! minor units. The storefront's amount text is kept beside the integer so it can be echoed
//! byte for byte; it is never parsed as a float.

use std::fmt;

/// An ISO 4217 currency that has minor units (funds without an exponent, such as XAU or XXX,
/// cannot be paid with).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    iso: iso_currency::Currency,
    exponent: u8,
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Currency {
    /// Parses an upper-case alpha code.
    pub fn parse(code: &str) -> Option<Self> {
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let iso = iso_currency::Currency::from_code(code)?;
        let exponent = u8::try_from(iso.exponent()?).ok()?;
        Some(Self { iso, exponent })
    }

    pub fn code(&self) -> &'static str {
        self.iso.code()
    }

    /// Digits after the decimal point.
    pub fn exponent(&self) -> u8 {
        self.exponent
    }

    fn symbol(&self) -> Option<String> {
        let symbol = self.iso.symbol().symbol;
        (symbol != "¤" && symbol != self.code()).then_some(symbol)
    }
}

impl Currency {
    /// The other digit count accepted for this currency, where the storefront library that
    /// Shopify's offsite integration used formats it otherwise than ISO 4217 (the amount must
    /// still be exact in ISO minor units).
    pub fn also_accepted_digits(&self) -> Option<u8> {
        let digits = STOREFRONT_DIGITS
            .iter()
            .find(|(code, _)| *code == self.code())
            .map_or(2, |(_, d)| *d);
        (digits != self.exponent).then_some(digits)
    }
}

/// The minor-unit digits storefronts in the field send: the table of the `offsite_payments`
/// library's Universal integration (`CURRENCY_SPECIAL_MINOR_UNITS`; 2 for every other
/// currency). It differs from ISO 4217 for CLF (0, ISO 4), CVE (0, ISO 2), COU (4, ISO 2),
/// HUF (0, ISO 2) and, by its default, UYW (2, ISO 4).
const STOREFRONT_DIGITS: &[(&str, u8)] = &[
    ("BIF", 0),
    ("BYR", 0),
    ("CLF", 0),
    ("CLP", 0),
    ("CVE", 0),
    ("DJF", 0),
    ("GNF", 0),
    ("HUF", 0),
    ("ISK", 0),
    ("JPY", 0),
    ("KMF", 0),
    ("KRW", 0),
    ("PYG", 0),
    ("RWF", 0),
    ("UGX", 0),
    ("UYI", 0),
    ("VND", 0),
    ("VUV", 0),
    ("XAF", 0),
    ("XOF", 0),
    ("XPF", 0),
    ("BHD", 3),
    ("IQD", 3),
    ("JOD", 3),
    ("KWD", 3),
    ("LYD", 3),
    ("OMR", 3),
    ("TND", 3),
    ("COU", 4),
];

/// Every currency we accept, with its digits (for the partner descriptor and tests).
pub fn all_currencies() -> Vec<Currency> {
    ALL_CODES
        .iter()
        .filter_map(|c| Currency::parse(c))
        .collect()
}

// iso_currency lists its variants only through an optional feature; the codes are stable.
const ALL_CODES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP",
    "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP",
    "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS",
    "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW",
    "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
    "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN",
    "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR",
    "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS",
    "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD",
    "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND",
    "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG", "ZWL",
];

/// Largest number of integer digits accepted: far above any real payment, far below i64.
const MAX_INTEGER_DIGITS: usize = 12;

/// A positive amount in minor units of its currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    minor: i64,
    currency: Currency,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("must be a decimal number with exactly {0} digits after the point, like {1}")]
    Format(u8, &'static str),
    #[error("must be a decimal number with exactly {0} (or {1}) digits after the point")]
    FormatOr(u8, u8),
    #[error("is more precise than the currency's {0} minor-unit digits")]
    Inexact(u8),
    #[error("must be greater than zero")]
    Zero,
    #[error("is too large")]
    TooLarge,
}

fn example(exponent: u8) -> &'static str {
    match exponent {
        0 => "1000",
        1 => "89.9",
        2 => "89.99",
        3 => "1.250",
        _ => "1.2500",
    }
}

/// The value of `text` in units of 10^-`exp`, if it has exactly `exp` digits after the point.
fn units(text: &str, exp: u8) -> Result<i64, AmountError> {
    let format_err = || AmountError::Format(exp, example(exp));
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) if exp > 0 => (i, f),
        None if exp == 0 => (text, ""),
        _ => return Err(format_err()),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.len() != usize::from(exp) || (exp > 0 && !digits(frac)) {
        return Err(format_err());
    }
    if int.len() > 1 && int.starts_with('0') {
        return Err(format_err());
    }
    if int.len() > MAX_INTEGER_DIGITS {
        return Err(AmountError::TooLarge);
    }
    format!("{int}{frac}").parse().map_err(|_| format_err())
}

impl Amount {
    /// Parses amount text with exactly the currency's minor-unit digits: `89.99` for USD,
    /// `1000` for JPY, `1.250` for BHD. No sign, exponent, spaces, or leading zeros. For the
    /// few currencies storefronts format with other digits
    /// ([`Currency::also_accepted_digits`]), those digits too, if the value is exact in ISO
    /// minor units: `3.5000` COU is 350 minor units, `3.5012` is refused.
    pub fn parse(text: &str, currency: Currency) -> Result<Self, AmountError> {
        let iso = currency.exponent();
        let minor = match units(text, iso) {
            Ok(minor) => minor,
            Err(AmountError::Format(..)) if currency.also_accepted_digits().is_some() => {
                let other = currency.also_accepted_digits().unwrap_or(iso);
                let value = units(text, other).map_err(|e| match e {
                    AmountError::Format(..) => AmountError::FormatOr(iso, other),
                    e => e,
                })?;
                if other < iso {
                    value * 10i64.pow(u32::from(iso - other))
                } else {
                    let scale = 10i64.pow(u32::from(other - iso));
                    if value % scale != 0 {
                        return Err(AmountError::Inexact(iso));
                    }
                    value / scale
                }
            }
            Err(e) => return Err(e),
        };
        if minor == 0 {
            return Err(AmountError::Zero);
        }
        Ok(Self { minor, currency })
    }

    pub fn from_minor(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    pub fn minor(&self) -> i64 {
        self.minor
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The amount as a plain decimal in the currency's digits, as `x_amount` writes it:
    /// `1234.56`, `1000`, `1.250`.
    pub fn decimal(&self) -> String {
        let exp = u32::from(self.currency.exponent());
        if exp == 0 {
            return self.minor.to_string();
        }
        let scale = 10i64.pow(exp);
        format!(
            "{}.{:0width$}",
            self.minor / scale,
            self.minor % scale,
            width = exp as usize
        )
    }

    /// The amount for people, English conventions: `$1,234.56 USD`, `¥1,000 JPY`, `1.250 BHD`.
    pub fn display(&self) -> String {
        let exp = u32::from(self.currency.exponent());
        let scale = 10i64.pow(exp);
        let int = (self.minor / scale).to_string();
        let mut grouped = String::with_capacity(int.len() + int.len() / 3);
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let number = if exp > 0 {
            format!(
                "{grouped}.{:0width$}",
                self.minor % scale,
                width = exp as usize
            )
        } else {
            grouped
        };
        match self.currency.symbol() {
            Some(sym) if sym.chars().count() <= 2 => {
                format!("{sym}{number} {}", self.currency.code())
            }
            _ => format!("{number} {}", self.currency.code()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(c: &str) -> Currency {
        Currency::parse(c).unwrap()
    }

    #[test]
    fn minor_unit_digits_match_the_protocol_table() {
        let zero = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
        let three = "BHD IQD JOD KWD LYD OMR TND";
        let four = "CLF UYW";
        for (codes, digits) in [(zero, 0), (three, 3), (four, 4)] {
            for code in codes.split(' ') {
                assert_eq!(cur(code).exponent(), digits, "{code}");
            }
        }
        for c in all_currencies() {
            let listed = [zero, three, four].iter().any(|l| l.contains(c.code()));
            if !listed {
                assert_eq!(c.exponent(), 2, "{}", c.code());
            }
        }
        assert!(all_currencies().len() > 150);
    }

    #[test]
    fn rejects_codes_that_are_not_payable_currencies() {
        for code in ["usd", "US", "USDD", "XAU", "XXX", "ABC", ""] {
            assert!(Currency::parse(code).is_none(), "{code}");
        }
    }

    #[test]
    fn parses_amounts_with_exact_digits() {
        assert_eq!(Amount::parse("89.99", cur("USD")).unwrap().minor(), 8999);
        assert_eq!(Amount::parse("0.50", cur("USD")).unwrap().minor(), 50);
        assert_eq!(Amount::parse("1000", cur("JPY")).unwrap().minor(), 1000);
        assert_eq!(Amount::parse("1.250", cur("BHD")).unwrap().minor(), 1250);
        assert_eq!(Amount::parse("1.2500", cur("CLF")).unwrap().minor(), 12500);
    }

    #[test]
    fn rejects_every_other_spelling() {
        let usd = [
            "1e3", "-1", " 10.00", "10.00 ", "10.001", "10.0", "10", "NaN", "0x10", "+1.00",
            "1,000.00", "01.00", ".50", "1.", "0.00", "", "1_000.00", "１.00",
        ];
        for text in usd {
            assert!(Amount::parse(text, cur("USD")).is_err(), "{text:?}");
        }
        for text in ["1000.0", "1000.", "1.5"] {
            assert!(Amount::parse(text, cur("JPY")).is_err(), "{text:?}");
        }
        assert_eq!(
            Amount::parse("1234567890123.00", cur("USD")),
            Err(AmountError::TooLarge)
        );
    }

    #[test]
    fn storefront_digits_are_accepted_where_they_differ_from_iso() {
        let differing: Vec<(&str, u8, u8)> = all_currencies()
            .iter()
            .filter_map(|c| {
                c.also_accepted_digits()
                    .map(|d| (c.code(), c.exponent(), d))
            })
            .collect();
        assert_eq!(
            differing,
            [
                ("CLF", 4, 0),
                ("COU", 2, 4),
                ("CVE", 2, 0),
                ("HUF", 2, 0),
                ("UYW", 4, 2)
            ]
        );
        // Fewer digits: the value is scaled up to ISO minor units.
        assert_eq!(Amount::parse("3", cur("CLF")).unwrap().minor(), 30000);
        assert_eq!(Amount::parse("3.0000", cur("CLF")).unwrap().minor(), 30000);
        assert_eq!(Amount::parse("1000", cur("CVE")).unwrap().minor(), 100000);
        assert_eq!(
            Amount::parse("1000.00", cur("CVE")).unwrap().minor(),
            100000
        );
        assert_eq!(Amount::parse("1500", cur("HUF")).unwrap().minor(), 150000);
        assert_eq!(Amount::parse("10.50", cur("UYW")).unwrap().minor(), 105000);
        // More digits: only when exact in ISO minor units.
        assert_eq!(Amount::parse("3.5000", cur("COU")).unwrap().minor(), 350);
        assert_eq!(Amount::parse("3.50", cur("COU")).unwrap().minor(), 350);
        assert_eq!(
            Amount::parse("3.5012", cur("COU")),
            Err(AmountError::Inexact(2))
        );
        // Still a strict grammar, with neither digit count anything else.
        for (text, code) in [
            ("3.5", "COU"),
            ("3.500", "COU"),
            ("1000.0", "CVE"),
            ("3.00", "CLF"),
        ] {
            assert!(
                matches!(
                    Amount::parse(text, cur(code)),
                    Err(AmountError::FormatOr(..))
                ),
                "{text} {code}"
            );
        }
        assert!(Amount::parse("0", cur("CLF")).is_err());
        assert_eq!(cur("USD").also_accepted_digits(), None);
        assert_eq!(cur("JPY").also_accepted_digits(), None);
    }

    #[test]
    fn displays_for_people() {
        assert_eq!(
            Amount::parse("1234.56", cur("USD")).unwrap().display(),
            "$1,234.56 USD"
        );
        assert_eq!(
            Amount::parse("1000", cur("JPY")).unwrap().display(),
            "¥1,000 JPY"
        );
        assert_eq!(
            Amount::parse("0.05", cur("EUR")).unwrap().display(),
            "€0.05 EUR"
        );
        assert_eq!(
            Amount::parse("1.250", cur("BHD")).unwrap().display(),
            "1.250 BHD"
        );
        assert_eq!(
            Amount::parse("1000000", cur("KRW")).unwrap().display(),
            "₩1,000,000 KRW"
        );
    }
}
