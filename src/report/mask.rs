//! Masking of personal data (spec §10): names and contacts are shown as
//! `张*` and `138****5678` unless the user asks for `--unmask`.

/// `张三` → `张*`, `欧阳娜娜` → `欧***`, `Alice` → `A****`.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.trim().chars();
    match chars.next() {
        None => String::new(),
        Some(first) => {
            let rest = chars.count().max(1);
            format!("{first}{}", "*".repeat(rest))
        }
    }
}

/// Phone numbers keep their first three and last four digits
/// (`13812345678` → `138****5678`); e-mail addresses keep the first letter
/// and the domain (`zhang@example.com` → `z***@example.com`); anything else
/// keeps its first and last two characters.
pub fn mask_contact(contact: &str) -> String {
    let contact = contact.trim();
    if let Some((local, domain)) = contact.split_once('@') {
        let first = local.chars().next().map(String::from).unwrap_or_default();
        return format!("{first}***@{domain}");
    }
    let chars: Vec<char> = contact.chars().collect();
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    let (keep_front, keep_back) = if digits >= 7 && chars.len() >= 11 {
        // The country code (+86 / 0086) and three digits at most: a contact
        // holding two numbers must not show the first one whole.
        let country = ["+86", "0086"].iter().find(|c| contact.starts_with(**c)).map_or(0, |c| c.len());
        ((chars.len() - 8).min(country + 3), 4)
    } else if chars.len() > 4 {
        (2.min(chars.len() / 3), 2)
    } else {
        (0, 0)
    };
    let hidden = chars.len() - keep_front - keep_back;
    let front: String = chars[..keep_front].iter().collect();
    let back: String = chars[chars.len() - keep_back..].iter().collect();
    format!("{front}{}{back}", "*".repeat(hidden.max(1)))
}

/// Applies masking when `mask` is true.
pub struct Masker {
    pub mask: bool,
}

impl Masker {
    pub fn name(&self, name: &str) -> String {
        if self.mask { mask_name(name) } else { name.to_string() }
    }

    pub fn contact(&self, contact: &str) -> String {
        if self.mask { mask_contact(contact) } else { contact.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_names() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("欧阳娜娜"), "欧***");
        assert_eq!(mask_name("李"), "李*");
        assert_eq!(mask_name(""), "");
    }

    #[test]
    fn masks_contacts() {
        assert_eq!(mask_contact("13812345678"), "138****5678");
        assert_eq!(mask_contact("+8613812345678"), "+86138****5678");
        assert_eq!(mask_contact("zhang.san@example.com"), "z***@example.com");
        assert_eq!(mask_contact("wx_zhangsan"), "wx*******an");
        assert_eq!(mask_contact("abc"), "***");
        assert_eq!(mask_contact("13812345678 / 13987654321"), "138******************4321");
        assert_eq!(mask_contact("008613812345678"), "0086138****5678");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn revealed(masked: &str) -> usize {
            masked.chars().filter(|c| *c != '*').count()
        }

        proptest! {
            #[test]
            fn a_name_shows_its_first_character_only(name in "\\PC{0,12}") {
                let masked = mask_name(&name);
                let trimmed = name.trim();
                prop_assert!(masked.chars().skip(1).all(|c| c == '*'), "{masked}");
                prop_assert_eq!(masked.chars().next(), trimmed.chars().next());
                if !trimmed.is_empty() {
                    prop_assert!(masked.chars().count() >= 2);
                }
            }

            #[test]
            fn a_contact_hides_all_but_a_few_characters(contact in "[+0-9a-z_ ./-]{0,30}") {
                let masked = mask_contact(&contact);
                let len = contact.trim().chars().count();
                prop_assert!(masked.contains('*'), "{contact:?} -> {masked:?}");
                // Phone numbers: +86/0086, 3 leading and 4 trailing digits at most.
                prop_assert!(revealed(&masked) <= 11, "{contact:?} -> {masked:?}");
                if len > 0 {
                    prop_assert!(revealed(&masked) < len.max(1), "{contact:?} -> {masked:?}");
                }
                if len <= 4 {
                    prop_assert_eq!(revealed(&masked), 0);
                }
            }

            #[test]
            fn an_email_shows_one_letter_of_its_local_part(local in "[a-z0-9._]{1,20}", domain in "[a-z]{1,10}\\.com") {
                let masked = mask_contact(&format!("{local}@{domain}"));
                let (shown, rest) = masked.split_once('@').unwrap();
                prop_assert!(revealed(shown) <= 1, "{masked}");
                prop_assert_eq!(rest, domain.as_str());
            }
        }
    }
}
