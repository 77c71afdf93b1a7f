//! China's provincial-level divisions, for addresses.

/// The 34 provincial-level divisions, by their usual names.
pub const PROVINCES: [&str; 34] = [
    "北京市",
    "天津市",
    "河北省",
    "山西省",
    "内蒙古自治区",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "上海市",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "广西壮族自治区",
    "海南省",
    "重庆市",
    "四川省",
    "贵州省",
    "云南省",
    "西藏自治区",
    "陕西省",
    "甘肃省",
    "青海省",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "台湾省",
    "香港特别行政区",
    "澳门特别行政区",
];

/// The province named by `input`, also when written short (`浙江`, `广西`, `内蒙古`).
pub fn normalize_province(input: &str) -> Option<&'static str> {
    let input = input.trim();
    if input.is_empty() {
        return None;
    }
    PROVINCES
        .iter()
        .copied()
        .find(|p| *p == input || (input.chars().count() >= 2 && p.starts_with(input)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names() {
        assert_eq!(normalize_province("浙江"), Some("浙江省"));
        assert_eq!(normalize_province("内蒙古"), Some("内蒙古自治区"));
        assert_eq!(normalize_province("上海市"), Some("上海市"));
        assert_eq!(normalize_province("火星"), None);
    }
}
