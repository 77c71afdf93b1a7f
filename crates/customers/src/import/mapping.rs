//! Which column of a spreadsheet holds which field, and the guess made from its header.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ImportField {
    Name,
    Kind,
    Gender,
    Birthday,
    Phone,
    Phone2,
    Phone3,
    WechatId,
    Email,
    Province,
    City,
    District,
    Street,
    IdNumber,
    Occupation,
    Notes,
    Tags,
    Source,
    Owner,
    ConsentSms,
    ConsentPhone,
    ConsentEmail,
    ConsentWechat,
    Plate,
    Vin,
    Brand,
    Series,
    Model,
    Colour,
    ModelYear,
    PurchaseDate,
    MileageKm,
    BoughtHere,
}

/// Header spellings found in dealership spreadsheets, per field (compared ignoring case,
/// spaces and punctuation).
const SYNONYMS: &[(ImportField, &[&str])] = &[
    (
        ImportField::Name,
        &[
            "姓名",
            "客户姓名",
            "客户名称",
            "名称",
            "客户",
            "联系人",
            "name",
            "customername",
            "fullname",
        ],
    ),
    (
        ImportField::Kind,
        &["客户类型", "类型", "kind", "type", "customertype"],
    ),
    (ImportField::Gender, &["性别", "gender", "sex"]),
    (
        ImportField::Birthday,
        &["生日", "出生日期", "birthday", "dateofbirth", "dob"],
    ),
    (
        ImportField::Phone,
        &[
            "手机",
            "手机号",
            "手机号码",
            "电话",
            "联系电话",
            "移动电话",
            "mobile",
            "phone",
            "phonenumber",
            "tel",
        ],
    ),
    (
        ImportField::Phone2,
        &[
            "电话2",
            "备用电话",
            "其他电话",
            "座机",
            "固定电话",
            "phone2",
            "otherphones",
            "landline",
        ],
    ),
    (ImportField::Phone3, &["电话3", "phone3"]),
    (
        ImportField::WechatId,
        &["微信", "微信号", "wechat", "wechatid"],
    ),
    (
        ImportField::Email,
        &["邮箱", "电子邮箱", "电子邮件", "email", "mail"],
    ),
    (ImportField::Province, &["省", "省份", "province"]),
    (ImportField::City, &["市", "城市", "city"]),
    (ImportField::District, &["区", "区县", "县区", "district"]),
    (
        ImportField::Street,
        &["地址", "详细地址", "联系地址", "street", "address"],
    ),
    (
        ImportField::IdNumber,
        &[
            "身份证",
            "身份证号",
            "身份证号码",
            "证件号",
            "证件号码",
            "idnumber",
            "idcard",
        ],
    ),
    (
        ImportField::Occupation,
        &["职业", "工作", "occupation", "job"],
    ),
    (
        ImportField::Notes,
        &["备注", "说明", "notes", "remark", "remarks", "comments"],
    ),
    (ImportField::Tags, &["标签", "tags", "tag"]),
    (
        ImportField::Source,
        &["来源", "客户来源", "线索来源", "渠道", "source", "channel"],
    ),
    (
        ImportField::Owner,
        &[
            "负责人",
            "销售顾问",
            "顾问",
            "所属顾问",
            "owner",
            "consultant",
            "salesconsultant",
        ],
    ),
    (
        ImportField::ConsentSms,
        &["短信同意", "接受短信", "smsconsent", "sms"],
    ),
    (
        ImportField::ConsentPhone,
        &["电话同意", "接受电话", "phoneconsent"],
    ),
    (
        ImportField::ConsentEmail,
        &["邮件同意", "接受邮件", "emailconsent"],
    ),
    (ImportField::ConsentWechat, &["微信同意", "wechatconsent"]),
    (
        ImportField::Plate,
        &[
            "车牌",
            "车牌号",
            "车牌号码",
            "号牌",
            "plate",
            "platenumber",
            "licenseplate",
        ],
    ),
    (
        ImportField::Vin,
        &["vin", "车架号", "车辆识别代号", "车辆识别码", "底盘号"],
    ),
    (ImportField::Brand, &["品牌", "车辆品牌", "brand", "make"]),
    (ImportField::Series, &["车系", "系列", "series"]),
    (ImportField::Model, &["车型", "车款", "model", "trim"]),
    (
        ImportField::Colour,
        &["颜色", "车身颜色", "colour", "color"],
    ),
    (
        ImportField::ModelYear,
        &["年款", "年份", "modelyear", "year"],
    ),
    (
        ImportField::PurchaseDate,
        &["购车日期", "购买日期", "开票日期", "purchasedate", "bought"],
    ),
    (
        ImportField::MileageKm,
        &[
            "里程",
            "行驶里程",
            "公里数",
            "mileage",
            "mileagekm",
            "odometer",
        ],
    ),
    (
        ImportField::BoughtHere,
        &["本店购车", "本店销售", "boughthere"],
    ),
];

fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header most likely names.
pub fn guess(header: &str) -> Option<ImportField> {
    let folded = fold(header);
    SYNONYMS
        .iter()
        .find(|(_, names)| names.iter().any(|n| fold(n) == folded))
        .map(|(field, _)| *field)
}

/// A mapping guessed from headers: each field at most once, the first column that names it.
pub fn suggest(headers: &[String]) -> BTreeMap<String, ImportField> {
    let mut mapping = BTreeMap::new();
    let mut taken = Vec::new();
    for header in headers {
        if let Some(field) = guess(header)
            && !taken.contains(&field)
        {
            taken.push(field);
            mapping.insert(header.clone(), field);
        }
    }
    mapping
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_chinese_and_english_headers() {
        assert_eq!(guess("客户姓名"), Some(ImportField::Name));
        assert_eq!(guess(" 手机号码 "), Some(ImportField::Phone));
        assert_eq!(guess("车架号"), Some(ImportField::Vin));
        assert_eq!(guess("VIN"), Some(ImportField::Vin));
        assert_eq!(guess("License Plate"), Some(ImportField::Plate));
        assert_eq!(guess("无关列"), None);
        let headers: Vec<String> = ["姓名", "电话", "手机"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mapping = suggest(&headers);
        assert_eq!(mapping.get("电话"), Some(&ImportField::Phone));
        assert_eq!(mapping.get("手机"), None, "a field is mapped once");
    }
}
