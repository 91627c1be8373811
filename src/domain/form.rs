//! The one strict parser for `application/x-www-form-urlencoded` input (bodies and query
//! strings). The signature and the typed request are both computed from its output, so there is
//! never a second, more lenient parse that could disagree with the first (T8).
//!
//! Rejected, never repaired: duplicate names (but for the names a form declares as lists in
//! [`Limits::lists`], a group of checkboxes), malformed percent escapes, invalid UTF-8, NUL
//! characters, more than [`Limits::max_fields`] pairs, and a name or value over
//! [`Limits::max_value_bytes`].

use std::fmt;

/// Input limits; the defaults are the protocol's.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_fields: usize,
    pub max_value_bytes: usize,
    /// Names that may repeat in a form body (a dashboard form's checkboxes); none by default,
    /// and never in a signed request. JSON objects take none.
    pub lists: &'static [&'static str],
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_fields: 100,
            max_value_bytes: 2048,
            lists: &[],
        }
    }
}

/// Why a form could not be parsed. Names in these errors are our own parse results and are
/// shown escaped by the templates; values are never included.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("the field {0} appears more than once")]
    Duplicate(String),
    #[error("a field contains a malformed percent escape")]
    BadEscape,
    #[error("a field is not valid UTF-8")]
    InvalidUtf8,
    #[error("a field contains a NUL character")]
    Nul,
    #[error("a field has an empty name")]
    EmptyName,
    #[error("more than {0} fields")]
    TooManyFields(usize),
    #[error("the field {0} is longer than {1} bytes")]
    TooLong(String, usize),
    #[error("the body is not a JSON object")]
    BadJson,
    #[error("the field {0} is not a scalar")]
    Nested(String),
}

/// Decoded name/value pairs in the order received, names unique but for declared lists.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pairs: Vec<(String, String)>,
}

impl fmt::Debug for Fields {
    // Values may be card data on the pay form: never print them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.pairs.iter().map(|(n, _)| n))
            .finish()
    }
}

impl Fields {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `input` and adds its pairs; a name already present (from this input or an earlier
    /// one, e.g. the query before the body) is a duplicate.
    pub fn parse_into(&mut self, input: &[u8], limits: Limits) -> Result<(), FormError> {
        for segment in input.split(|b| *b == b'&') {
            if segment.is_empty() {
                continue;
            }
            let (raw_name, raw_value) = match segment.iter().position(|b| *b == b'=') {
                Some(i) => (&segment[..i], &segment[i + 1..]),
                None => (segment, &b""[..]),
            };
            let name = decode(raw_name, limits)?;
            if name.is_empty() {
                return Err(FormError::EmptyName);
            }
            let value = decode(raw_value, limits).map_err(|e| match e {
                FormError::TooLong(_, n) => FormError::TooLong(name.clone(), n),
                other => other,
            })?;
            if self.get(&name).is_some() && !limits.lists.contains(&name.as_str()) {
                return Err(FormError::Duplicate(name));
            }
            if self.pairs.len() >= limits.max_fields {
                return Err(FormError::TooManyFields(limits.max_fields));
            }
            self.pairs.push((name, value));
        }
        Ok(())
    }

    /// Parses one complete input.
    pub fn parse(input: &[u8], limits: Limits) -> Result<Self, FormError> {
        let mut fields = Self::new();
        fields.parse_into(input, limits)?;
        Ok(fields)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in the order received (several only for a declared list).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// Builds a set from pairs that are already decoded (stored values, JSON bodies).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Result<Self, FormError> {
        let mut fields = Self::new();
        for (n, v) in pairs {
            if fields.get(&n).is_some() {
                return Err(FormError::Duplicate(n));
            }
            fields.pairs.push((n, v));
        }
        Ok(fields)
    }

    pub fn into_pairs(self) -> Vec<(String, String)> {
        self.pairs
    }

    /// Parses a JSON object of scalars into text values the way storefronts sign them: strings
    /// as they are, `true`/`false` as those words, `null` as empty, numbers as their literal
    /// text (`10.50` stays `10.50`). Duplicate names, nesting, and the form limits are errors.
    pub fn from_json(input: &[u8], limits: Limits) -> Result<Self, FormError> {
        let text = std::str::from_utf8(input).map_err(|_| FormError::InvalidUtf8)?;
        let raw: RawPairs = serde_json::from_str(text).map_err(|_| FormError::BadJson)?;
        let mut fields = Self::new();
        for (name, value) in raw.0 {
            let literal = value.get();
            let text = match literal.as_bytes().first() {
                Some(b'"') => {
                    serde_json::from_str::<String>(literal).map_err(|_| FormError::BadJson)?
                }
                Some(b'{' | b'[') => return Err(FormError::Nested(name)),
                _ if literal == "null" => String::new(),
                _ => literal.to_string(),
            };
            if name.is_empty() {
                return Err(FormError::EmptyName);
            }
            for part in [&name, &text] {
                if part.len() > limits.max_value_bytes {
                    return Err(FormError::TooLong(name.clone(), limits.max_value_bytes));
                }
                if part.contains('\0') {
                    return Err(FormError::Nul);
                }
            }
            if fields.get(&name).is_some() {
                return Err(FormError::Duplicate(name));
            }
            if fields.pairs.len() >= limits.max_fields {
                return Err(FormError::TooManyFields(limits.max_fields));
            }
            fields.pairs.push((name, text));
        }
        Ok(fields)
    }
}

/// A JSON object's members in order, values unparsed.
struct RawPairs(Vec<(String, Box<serde_json::value::RawValue>)>);

impl<'de> serde::Deserialize<'de> for RawPairs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> serde::de::Visitor<'de> for Members {
            type Value = RawPairs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawPairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(RawPairs(pairs))
            }
        }
        d.deserialize_map(Members)
    }
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn decode(raw: &[u8], limits: Limits) -> Result<String, FormError> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = raw.get(i + 1).copied().and_then(hex_val);
                let lo = raw.get(i + 2).copied().and_then(hex_val);
                match (hi, lo) {
                    (Some(h), Some(l)) => out.push(h << 4 | l),
                    _ => return Err(FormError::BadEscape),
                }
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    if out.len() > limits.max_value_bytes {
        return Err(FormError::TooLong(String::new(), limits.max_value_bytes));
    }
    if out.contains(&0) {
        return Err(FormError::Nul);
    }
    String::from_utf8(out).map_err(|_| FormError::InvalidUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Fields, FormError> {
        Fields::parse(s.as_bytes(), Limits::default())
    }

    #[test]
    fn decodes_plus_percent_and_utf8() {
        let f = parse("x_shop_name=Caf%C3%A9+M%C3%BCller+%26+S%C3%B6hne&x_a=%2B1").unwrap();
        assert_eq!(f.get("x_shop_name"), Some("Café Müller & Söhne"));
        assert_eq!(f.get("x_a"), Some("+1"));
    }

    #[test]
    fn keeps_order_empty_values_and_skips_empty_segments() {
        let f = parse("b=1&&a=&c&").unwrap();
        let names: Vec<_> = f.iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["b", "a", "c"]);
        assert_eq!(f.get("a"), Some(""));
        assert_eq!(f.get("c"), Some(""));
    }

    #[test]
    fn rejects_what_it_must_never_repair() {
        let cases = [
            (
                "x_amount=10.00&x_amount=0.01",
                "duplicate, last-wins would hide tampering",
            ),
            (
                "x_amount=0.01&x_amount=10.00",
                "duplicate in the other order",
            ),
            ("x_a=%zz", "escape that is not hex"),
            ("x_a=%4", "truncated escape"),
            ("x_a=%", "lone percent"),
            ("x_a=%FF", "invalid UTF-8 would otherwise become U+FFFD"),
            ("x_a=%C3", "truncated UTF-8 sequence"),
            ("x_a=a%00b", "NUL cannot be stored in PostgreSQL text"),
            ("=value", "empty name"),
            ("x%5Fa=1&x_a=2", "the same name once decoded"),
        ];
        for (input, why) in cases {
            assert!(parse(input).is_err(), "{input} must be rejected: {why}");
        }
    }

    #[test]
    fn limits_fields_and_value_length() {
        let hundred: Vec<String> = (0..100).map(|i| format!("f{i}=v")).collect();
        assert!(parse(&hundred.join("&")).is_ok());
        let over = format!("{}&f100=v", hundred.join("&"));
        assert_eq!(parse(&over), Err(FormError::TooManyFields(100)));

        let ok = format!("x_a={}", "a".repeat(2048));
        assert!(parse(&ok).is_ok());
        let long = format!("x_a={}", "a".repeat(2049));
        assert_eq!(parse(&long), Err(FormError::TooLong("x_a".into(), 2048)));
        // The limit is on the decoded value, so escapes cannot smuggle a longer one.
        let escaped = format!("x_a={}", "%41".repeat(2049));
        assert!(parse(&escaped).is_err());
    }

    #[test]
    fn json_scalars_become_the_text_that_was_signed() {
        let f = Fields::from_json(
            br#"{"x_amount": 10.50, "x_test": true, "x_a": "s\u00e9", "x_n": null, "x_f": false, "x_big": 1e3}"#,
            Limits::default(),
        )
        .unwrap();
        assert_eq!(f.get("x_amount"), Some("10.50"));
        assert_eq!(f.get("x_test"), Some("true"));
        assert_eq!(f.get("x_a"), Some("sé"));
        assert_eq!(f.get("x_n"), Some(""));
        assert_eq!(f.get("x_f"), Some("false"));
        assert_eq!(f.get("x_big"), Some("1e3"));
        for bad in [
            &br#"{"x_a": 1, "x_a": 2}"#[..],
            br#"{"x_a": {"b": 1}}"#,
            br#"{"x_a": [1]}"#,
            br#"[1, 2]"#,
            br#"{"x_a": "a\u0000b"}"#,
            b"{\"x_a\": 1",
            b"\xff",
        ] {
            assert!(
                Fields::from_json(bad, Limits::default()).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn only_declared_lists_repeat() {
        let lists = Limits {
            lists: &["events"],
            ..Limits::default()
        };
        let f = Fields::parse(b"events=a&url=u&events=b", lists).unwrap();
        assert_eq!(f.all("events").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(f.get("events"), Some("a"));
        assert_eq!(
            Fields::parse(b"events=a&url=u&url=v", lists),
            Err(FormError::Duplicate("url".into()))
        );
        assert!(parse("events=a&events=b").is_err(), "no list by default");
    }

    #[test]
    fn query_and_body_share_one_name_space() {
        let mut f = Fields::new();
        f.parse_into(b"x_amount=1.00", Limits::default()).unwrap();
        assert_eq!(
            f.parse_into(b"x_amount=1.00", Limits::default()),
            Err(FormError::Duplicate("x_amount".into()))
        );
    }
}
