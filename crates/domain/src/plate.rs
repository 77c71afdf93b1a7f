//! Mainland China licence plates: `浙A12345`, and the eight-character new-energy plates
//! (`浙AD12345` for small cars, `浙A12345D` for large ones).

use crate::FieldError;
use std::fmt;

/// The one-character abbreviations of the provinces, regions and municipalities that issue
/// plates.
pub const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Plate(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlateKind {
    /// Blue (or yellow) plates: seven characters.
    Regular,
    /// Green new-energy plates: eight characters.
    NewEnergy,
    /// Coach, police, trailer, Hong Kong and Macau cross-border, consular plates.
    Special,
}

fn is_serial_char(c: char) -> bool {
    c.is_ascii_digit() || (c.is_ascii_uppercase() && c != 'I' && c != 'O')
}

impl Plate {
    pub fn parse(field: &str, input: &str) -> Result<Self, FieldError> {
        let plate: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '-' | '•' | '.'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if plate.is_empty() {
            return Err(FieldError::required(field));
        }
        if Self::kind_of(&plate).is_none() {
            return Err(FieldError::new(
                field,
                "invalid_plate",
                "is not a mainland plate such as 浙A12345 or 浙AD12345",
            ));
        }
        Ok(Self(plate))
    }

    fn kind_of(plate: &str) -> Option<PlateKind> {
        let chars: Vec<char> = plate.chars().collect();
        if chars.len() < 7 || !PROVINCES.contains(chars[0]) || !chars[1].is_ascii_uppercase() {
            return None;
        }
        let serial = &chars[2..];
        match serial.len() {
            5 if serial.iter().all(|c| is_serial_char(*c)) => Some(PlateKind::Regular),
            5 if serial[..4].iter().all(|c| is_serial_char(*c))
                && "学警挂港澳领".contains(serial[4]) =>
            {
                Some(PlateKind::Special)
            }
            6 => {
                let small = matches!(serial[0], 'D' | 'F')
                    && serial[1..].iter().all(|c| is_serial_char(*c))
                    && serial[2..].iter().all(char::is_ascii_digit);
                let large =
                    serial[..5].iter().all(char::is_ascii_digit) && matches!(serial[5], 'D' | 'F');
                (small || large).then_some(PlateKind::NewEnergy)
            }
            _ => None,
        }
    }

    pub fn kind(&self) -> PlateKind {
        Self::kind_of(&self.0).unwrap_or(PlateKind::Regular)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The plate without its province character (`A12345`), which people often type alone.
    pub fn without_province(&self) -> &str {
        let first = self.0.chars().next().map_or(0, char::len_utf8);
        &self.0[first..]
    }
}

impl fmt::Display for Plate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(input: &str) -> Result<PlateKind, String> {
        Plate::parse("plate", input)
            .map(|p| p.kind())
            .map_err(|e| e.code)
    }

    #[test]
    fn plates() {
        assert_eq!(kind("浙A12345"), Ok(PlateKind::Regular));
        assert_eq!(kind("浙a·1234x"), Ok(PlateKind::Regular));
        assert_eq!(Plate::parse("p", "浙a·1234x").unwrap().as_str(), "浙A1234X");
        assert_eq!(kind("粤BD12345"), Ok(PlateKind::NewEnergy));
        assert_eq!(kind("粤BFA1234"), Ok(PlateKind::NewEnergy));
        assert_eq!(kind("粤BF1A345"), Err("invalid_plate".into()));
        assert_eq!(kind("沪A12345D"), Ok(PlateKind::NewEnergy));
        assert_eq!(kind("京A1234学"), Ok(PlateKind::Special));
        assert_eq!(kind("粤Z1234港"), Ok(PlateKind::Special));
        assert_eq!(kind("浙A1234I"), Err("invalid_plate".into()));
        assert_eq!(kind("A12345"), Err("invalid_plate".into()));
        assert_eq!(kind("浙A1234"), Err("invalid_plate".into()));
        assert_eq!(kind("粤BX12345"), Err("invalid_plate".into()));
        assert_eq!(
            Plate::parse("p", "浙A12345").unwrap().without_province(),
            "A12345"
        );
    }
}
