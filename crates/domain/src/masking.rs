//! Masks for personal data shown to people whose role may not see it in full.
//!
//! Masking keeps just enough to recognise a value on the phone with the customer
//! ("the number ending 1234") and nothing that would let it be used.

/// `13812345678` → `138****5678`; `0571-87654321` → `0571-****4321`; anything else keeps only its
/// last four characters.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() == 11 && chars.iter().all(char::is_ascii_digit) {
        return format!("{}****{}", collect(&chars[..3]), collect(&chars[7..]));
    }
    if let Some(dash) = phone.find('-') {
        let (area, rest) = phone.split_at(dash);
        let rest: Vec<char> = rest[1..].chars().collect();
        if rest.len() > 4 {
            return format!("{area}-****{}", collect(&rest[rest.len() - 4..]));
        }
    }
    mask_keep_last(phone, 4)
}

/// An ID number is hidden but for its last four characters: `**************123X`.
pub fn mask_id_number(id_number: &str) -> String {
    mask_keep_last(id_number, 4)
}

/// `zhang.wei@example.com` → `z***@example.com`.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => mask_keep_last(email, 2),
    }
}

/// Replaces every character but the last `keep` with `*`. Values no longer than `keep` are
/// masked whole, so that a short value is never shown in full.
pub fn mask_keep_last(value: &str, keep: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= keep {
        return "*".repeat(chars.len().max(4));
    }
    let hidden = chars.len() - keep;
    format!("{}{}", "*".repeat(hidden), collect(&chars[hidden..]))
}

fn collect(chars: &[char]) -> String {
    chars.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        assert_eq!(mask_phone("13812341234"), "138****1234");
        assert_eq!(mask_phone("0571-87654321"), "0571-****4321");
        assert_eq!(mask_phone("010-12345678-801"), "010-****-801");
    }

    #[test]
    fn id_numbers_keep_last_four() {
        assert_eq!(mask_id_number("11010519491231002X"), "**************002X");
        assert_eq!(mask_id_number("12"), "****");
    }

    #[test]
    fn emails() {
        assert_eq!(mask_email("zhang.wei@example.com"), "z***@example.com");
    }
}
