//! Holiday data sets shipped with the tool (versioned TOML, compiled in).

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;

/// Names accepted by `[calendar] holiday_data`.
pub const DATA_SETS: [&str; 2] = ["cn", "none"];

const CN: &str = include_str!("holidays/cn.toml");

/// One shipped data set, e.g. mainland China.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayData {
    pub version: String,
    pub source: String,
    pub years: Vec<HolidayYear>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayYear {
    pub year: i32,
    pub source: String,
    pub blocks: Vec<HolidayBlock>,
}

/// A run of consecutive days off (放假) with its make-up working days (调休上班).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayBlock {
    pub name: String,
    #[serde(deserialize_with = "date")]
    pub from: NaiveDate,
    #[serde(deserialize_with = "date")]
    pub to: NaiveDate,
    #[serde(deserialize_with = "dates")]
    pub workdays: Vec<NaiveDate>,
}

impl HolidayBlock {
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.from.iter_days().take_while(|d| *d <= self.to)
    }
}

fn date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(serde::de::Error::custom)
}

fn dates<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(serde::de::Error::custom))
        .collect()
}

/// The data set called `name` (`"cn"`); `None` for `"none"` or an unknown name.
pub fn data_set(name: &str) -> Option<&'static HolidayData> {
    static CN_DATA: OnceLock<HolidayData> = OnceLock::new();
    match name {
        "cn" => Some(CN_DATA.get_or_init(|| toml::from_str(CN).expect("src/sla/holidays/cn.toml is valid"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    #[test]
    fn cn_data_is_consistent() {
        let data = data_set("cn").unwrap();
        assert!(data.source.contains("国务院办公厅关于2025年部分节假日安排的通知"));
        assert!(data.source.contains("关于2026年部分节假日安排的通知"));
        assert_eq!(data.years.iter().map(|y| y.year).collect::<Vec<_>>(), (2020..=2026).collect::<Vec<_>>());
        for year in &data.years {
            assert!(year.source.contains(&format!("关于{}年部分节假日安排的通知", year.year)), "{}", year.year);
        }
        for year in &data.years {
            for block in &year.blocks {
                assert!(block.from <= block.to, "{}", block.name);
                // A break may begin on the last weekend of the year before
                // (2023's 元旦 began on Saturday 2022-12-31).
                assert_eq!(block.to.year(), year.year, "{}", block.name);
                assert!(block.from.year() == year.year || block.from.weekday() == Weekday::Sat, "{}", block.name);
                for w in &block.workdays {
                    // Make-up working days are weekend days (that is what 调休 means).
                    assert!(matches!(w.weekday(), Weekday::Sat | Weekday::Sun), "{w}");
                    assert!(!block.days().any(|d| d == *w));
                }
            }
        }
    }

    #[test]
    fn totals_match_the_notices() {
        // Days off per block as the notices state them ("共N天").
        let data = data_set("cn").unwrap();
        let lengths = |year: i32| -> Vec<(String, usize)> {
            let y = data.years.iter().find(|y| y.year == year).unwrap();
            y.blocks.iter().map(|b| (b.name.clone(), b.days().count())).collect()
        };
        let expect = |v: &[(&str, usize)]| v.iter().map(|(n, c)| (n.to_string(), *c)).collect::<Vec<_>>();
        assert_eq!(
            lengths(2025),
            expect(&[("元旦", 1), ("春节", 8), ("清明节", 3), ("劳动节", 5), ("端午节", 3), ("国庆节、中秋节", 8)])
        );
        assert_eq!(
            lengths(2026),
            expect(&[
                ("元旦", 3),
                ("春节", 9),
                ("清明节", 3),
                ("劳动节", 5),
                ("端午节", 3),
                ("中秋节", 3),
                ("国庆节", 7)
            ])
        );
        assert_eq!(
            lengths(2020),
            expect(&[("元旦", 1), ("春节", 10), ("清明节", 3), ("劳动节", 5), ("端午节", 3), ("国庆节、中秋节", 8)])
        );
        let seven_blocks = |new_year: usize, spring: usize, qingming: usize, dragon: usize| {
            expect(&[
                ("元旦", new_year),
                ("春节", spring),
                ("清明节", qingming),
                ("劳动节", 5),
                ("端午节", dragon),
                ("中秋节", 3),
                ("国庆节", 7),
            ])
        };
        assert_eq!(lengths(2021), seven_blocks(3, 7, 3, 3));
        assert_eq!(lengths(2022), seven_blocks(3, 7, 3, 3));
        assert_eq!(
            lengths(2023),
            expect(&[("元旦", 3), ("春节", 7), ("清明节", 1), ("劳动节", 5), ("端午节", 3), ("中秋节、国庆节", 8)])
        );
        // 2024: 元旦 and 端午节 are one Monday each, "与周末连休".
        assert_eq!(lengths(2024), seven_blocks(1, 8, 3, 1));
        assert!(data_set("none").is_none());
    }
}
