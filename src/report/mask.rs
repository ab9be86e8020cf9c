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
        (chars.len() - 8, 4)
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
    }
}
