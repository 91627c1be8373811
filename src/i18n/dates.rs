//! Moments for people: a date and time in the locale's CLDR pattern and calendar (ICU4X), in
//! UTC, which the pages say; the `datetime` attribute of `<time>` keeps the machine form.

use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMDT;
use icu_datetime::input::{Date, DateTime, Time};
use icu_locale_core::Locale;
use time::OffsetDateTime;
use writeable::Writeable;

pub fn format(locale: &Locale, at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    let input = Date::try_new_iso(at.year(), u8::from(at.month()), at.day())
        .ok()
        .zip(Time::try_new(at.hour(), at.minute(), at.second(), 0).ok());
    let formatter = DateTimeFormatter::try_new(locale.into(), YMDT::medium());
    match (input, formatter) {
        (Some((date, time)), Ok(f)) => f
            .format(&DateTime { date, time })
            .write_to_string()
            .into_owned(),
        _ => at.to_string(),
    }
}
