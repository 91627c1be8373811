//! Card input from the hosted page: checked (Luhn, expiry, CVC) and reduced to what may be kept.
//! The full number lives only in a [`SecretString`] for the length of one request; only the brand
//! and the last four digits are ever stored, logged or shown (T24).

use secrecy::{ExposeSecret, SecretString};
use std::fmt;

/// The raw fields of the card form.
pub struct CardInput<'a> {
    pub holder: &'a str,
    pub number: &'a str,
    pub expiry: &'a str,
    pub cvc: &'a str,
}

/// Which input is wrong and why; the pages show these next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardField {
    Holder,
    Number,
    Expiry,
    Cvc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardProblem {
    Missing,
    NumberInvalid,
    ExpiryFormat,
    ExpiryPast,
    CvcFormat,
}

/// A checked card. `Debug` never shows the number.
pub struct Card {
    number: SecretString,
    brand: Brand,
    last4: String,
}

impl fmt::Debug for Card {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Card({} ending {})", self.brand.as_str(), self.last4)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Brand {
    Visa,
    Mastercard,
    Amex,
    Discover,
    Other,
}

impl Brand {
    pub fn as_str(&self) -> &'static str {
        match self {
            Brand::Visa => "visa",
            Brand::Mastercard => "mastercard",
            Brand::Amex => "amex",
            Brand::Discover => "discover",
            Brand::Other => "other",
        }
    }

    /// The brand of a number as typed (spaces and dashes allowed), once its first digits
    /// tell; `None` for an empty or unrecognised one.
    pub fn of_number(number: &str) -> Option<Self> {
        let digits: String = number.chars().filter(|c| *c != ' ' && *c != '-').collect();
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(Self::detect(&digits)).filter(|b| *b != Brand::Other)
    }

    fn detect(digits: &str) -> Self {
        let prefix = |n: usize| digits.get(..n).and_then(|p| p.parse::<u32>().ok());
        BRAND_RANGES
            .iter()
            .find(|(_, len, lo, hi)| prefix(*len).is_some_and(|p| (*lo..=*hi).contains(&p)))
            .map_or(Brand::Other, |(b, ..)| *b)
    }
}

/// Which leading digits make which brand: (brand, how many digits, lowest, highest). The
/// card form's script reads the same table from the page, so typing and submitting agree.
pub const BRAND_RANGES: &[(Brand, usize, u32, u32)] = &[
    (Brand::Visa, 1, 4, 4),
    (Brand::Mastercard, 2, 51, 55),
    (Brand::Mastercard, 4, 2221, 2720),
    (Brand::Amex, 2, 34, 34),
    (Brand::Amex, 2, 37, 37),
    (Brand::Discover, 2, 65, 65),
    (Brand::Discover, 4, 6011, 6011),
];

impl Card {
    /// Checks the form; `today` is (year, month) in UTC. Returns every problem at once.
    pub fn parse(
        input: &CardInput<'_>,
        today: (i32, u8),
    ) -> Result<Card, Vec<(CardField, CardProblem)>> {
        let mut problems = Vec::new();
        if input.holder.trim().is_empty() {
            problems.push((CardField::Holder, CardProblem::Missing));
        }
        let digits: String = input
            .number
            .chars()
            .filter(|c| *c != ' ' && *c != '-')
            .collect();
        let brand = Brand::detect(&digits);
        if digits.is_empty() {
            problems.push((CardField::Number, CardProblem::Missing));
        } else if !(12..=19).contains(&digits.len())
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !luhn(&digits)
        {
            problems.push((CardField::Number, CardProblem::NumberInvalid));
        }
        match parse_expiry(input.expiry) {
            None if input.expiry.trim().is_empty() => {
                problems.push((CardField::Expiry, CardProblem::Missing))
            }
            None => problems.push((CardField::Expiry, CardProblem::ExpiryFormat)),
            Some(exp) if exp < today => problems.push((CardField::Expiry, CardProblem::ExpiryPast)),
            Some(_) => {}
        }
        let cvc = input.cvc.trim();
        let cvc_len = if brand == Brand::Amex { 4 } else { 3 };
        if cvc.is_empty() {
            problems.push((CardField::Cvc, CardProblem::Missing));
        } else if cvc.len() != cvc_len || !cvc.bytes().all(|b| b.is_ascii_digit()) {
            problems.push((CardField::Cvc, CardProblem::CvcFormat));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let last4 = digits[digits.len() - 4..].to_string();
        Ok(Card {
            number: SecretString::from(digits),
            brand,
            last4,
        })
    }

    /// The full number, for the processor only.
    pub fn number(&self) -> &str {
        self.number.expose_secret()
    }

    pub fn brand(&self) -> Brand {
        self.brand
    }

    pub fn last4(&self) -> &str {
        &self.last4
    }
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// `MM/YY` (spaces around the slash and a four-digit year are tolerated) as (year, month).
/// `MM/YY`, `MM/YYYY`, or the same with `-` or without a separator (a phone's number pad has
/// no slash: `0429`).
fn parse_expiry(text: &str) -> Option<(i32, u8)> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (mm, yy) = compact
        .split_once(['/', '-'])
        .or_else(|| compact.is_char_boundary(2).then(|| compact.split_at(2)))?;
    if mm.len() != 2 || !(yy.len() == 2 || yy.len() == 4) {
        return None;
    }
    if !mm.bytes().chain(yy.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month: u8 = mm.parse().ok()?;
    let year: i32 = yy.parse().ok()?;
    let year = if yy.len() == 2 { 2000 + year } else { year };
    (1..=12).contains(&month).then_some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(number: &'a str, expiry: &'a str, cvc: &'a str) -> CardInput<'a> {
        CardInput {
            holder: "Ada Lovelace",
            number,
            expiry,
            cvc,
        }
    }

    #[test]
    fn accepts_the_test_cards_and_keeps_only_last_four() {
        let card = Card::parse(&input("4242 4242 4242 4242", "12/30", "123"), (2026, 11)).unwrap();
        assert_eq!(card.last4(), "4242");
        assert_eq!(card.brand(), Brand::Visa);
        assert_eq!(format!("{card:?}"), "Card(visa ending 4242)");
        for n in [
            "4000000000000002",
            "4000000000009995",
            "4000000000000077",
            "4000000000003220",
        ] {
            assert!(
                Card::parse(&input(n, "11/26", "123"), (2026, 11)).is_ok(),
                "{n}"
            );
        }
    }

    #[test]
    fn reports_each_problem_next_to_its_field() {
        let problems =
            Card::parse(&input("4242424242424241", "10/26", "12"), (2026, 11)).unwrap_err();
        assert_eq!(
            problems,
            vec![
                (CardField::Number, CardProblem::NumberInvalid),
                (CardField::Expiry, CardProblem::ExpiryPast),
                (CardField::Cvc, CardProblem::CvcFormat),
            ]
        );
        let blank = CardInput {
            holder: " ",
            number: "",
            expiry: "",
            cvc: "",
        };
        assert_eq!(Card::parse(&blank, (2026, 11)).unwrap_err().len(), 4);
    }

    #[test]
    fn expiry_may_be_typed_without_a_slash_on_a_number_pad() {
        for text in ["04/30", "04 / 30", "0430", "04-30", "04/2030", "042030"] {
            assert_eq!(parse_expiry(text), Some((2030, 4)), "{text}");
        }
        for text in [
            "4/30", "430", "13/30", "00/30", "04/3", "ab/cd", "04/30/1", "",
        ] {
            assert_eq!(parse_expiry(text), None, "{text}");
        }
    }

    #[test]
    fn the_brand_is_known_from_the_first_digits_as_typed() {
        assert_eq!(Brand::of_number("4"), Some(Brand::Visa));
        assert_eq!(Brand::of_number("5105 1051"), Some(Brand::Mastercard));
        assert_eq!(Brand::of_number("2221-00"), Some(Brand::Mastercard));
        assert_eq!(Brand::of_number("3782"), Some(Brand::Amex));
        assert_eq!(Brand::of_number("6011"), Some(Brand::Discover));
        assert_eq!(Brand::of_number("9999"), None);
        assert_eq!(Brand::of_number(""), None);
        assert_eq!(Brand::of_number("4x"), None);
    }

    #[test]
    fn brands() {
        assert_eq!(Brand::detect("5555555555554444"), Brand::Mastercard);
        assert_eq!(Brand::detect("2223003122003222"), Brand::Mastercard);
        assert_eq!(Brand::detect("378282246310005"), Brand::Amex);
        assert_eq!(Brand::detect("6011111111111117"), Brand::Discover);
        assert_eq!(Brand::detect("3566002020360505"), Brand::Other);
    }
}
