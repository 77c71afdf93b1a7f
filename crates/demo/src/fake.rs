//! Realistic dealership data for the demo, tests and benchmarks: Chinese names drawn by surname
//! frequency, valid mobile numbers, plates of the dealer's province, VINs with correct check
//! digits from the manufacturers that build for China, valid ID numbers. Seeded, so the same
//! seed always makes the same data.

use chrono::NaiveDate;
use forecourt_domain::id_number::check_character;
use forecourt_domain::vin::expected_check_digit;
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

/// Surnames, most common first (the first few cover a third of China).
const SURNAMES: [&str; 60] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "欧阳",
];

const GIVEN_MALE: [&str; 40] = [
    "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞",
    "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊杰", "建华", "建国", "志强", "志明", "海涛",
    "晓东", "子轩", "梓涵", "宇航", "浩然", "俊熙", "文博", "嘉豪", "晨阳", "思远", "一鸣",
];

const GIVEN_FEMALE: [&str; 40] = [
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "秀兰", "桂英", "玉兰", "婷", "雪",
    "琳", "颖", "倩", "慧", "晶", "燕", "红", "梅", "丹", "萍", "欣怡", "子涵", "雨桐", "可馨",
    "诗涵", "梓萱", "思琪", "佳怡", "晓燕", "丽娟", "春梅", "海燕", "文静", "雅琴", "美玲", "晓红",
];

const COMPANY_PREFIX: [&str; 10] = [
    "杭州", "宁波", "浙江", "温州", "绍兴", "嘉兴", "金华", "台州", "湖州", "义乌",
];
const COMPANY_CORE: [&str; 12] = [
    "恒达",
    "鑫源",
    "华创",
    "瑞丰",
    "宏远",
    "天成",
    "嘉禾",
    "博远",
    "中联",
    "永盛",
    "新世纪",
    "东方",
];
const COMPANY_KIND: [&str; 6] = [
    "贸易有限公司",
    "科技有限公司",
    "物流有限公司",
    "建设工程有限公司",
    "实业有限公司",
    "汽车租赁有限公司",
];

const MOBILE_PREFIXES: [&str; 24] = [
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
    "156", "157", "158", "159", "177", "180", "181", "186", "187", "188", "189",
];

/// World manufacturer identifiers of cars built in China, with the brand.
pub const MAKERS: [(&str, &str); 10] = [
    ("LSV", "大众"),
    ("LFV", "大众"),
    ("LVG", "丰田"),
    ("LHG", "本田"),
    ("LC0", "比亚迪"),
    ("LB3", "吉利"),
    ("LRW", "特斯拉"),
    ("LBV", "宝马"),
    ("LE4", "奔驰"),
    ("LFP", "奥迪"),
];

/// A trim: (name, body type, powertrain, guide price in yuan).
pub type Trim = (&'static str, &'static str, &'static str, i64);
/// A series: (brand, series, trims).
pub type CatalogSeries = (&'static str, &'static str, &'static [Trim]);

/// A catalog a dealership group would sell.
pub const CATALOG: [CatalogSeries; 12] = [
    (
        "大众",
        "途观L",
        &[
            ("330TSI 两驱智享版", "suv", "petrol", 219_800),
            ("380TSI 四驱R-Line", "suv", "petrol", 279_800),
        ],
    ),
    (
        "大众",
        "帕萨特",
        &[
            ("330TSI 精英版", "sedan", "petrol", 199_800),
            ("380TSI 旗舰版", "sedan", "petrol", 255_800),
        ],
    ),
    (
        "大众",
        "ID.4 CROZZ",
        &[("PRIME 长续航", "suv", "bev", 239_900)],
    ),
    (
        "丰田",
        "凯美瑞",
        &[
            ("2.0G 豪华版", "sedan", "petrol", 199_800),
            ("双擎 2.5HG", "sedan", "hybrid", 229_800),
        ],
    ),
    (
        "丰田",
        "RAV4荣放",
        &[("2.0L 两驱都市版", "suv", "petrol", 179_800)],
    ),
    (
        "本田",
        "雅阁",
        &[("260TURBO 精英版", "sedan", "petrol", 179_800)],
    ),
    (
        "本田",
        "CR-V",
        &[("240TURBO 两驱活力版", "suv", "petrol", 186_900)],
    ),
    (
        "比亚迪",
        "汉",
        &[
            ("EV 冠军版 605KM", "sedan", "bev", 209_800),
            ("DM-i 冠军版", "sedan", "phev", 169_800),
        ],
    ),
    (
        "比亚迪",
        "宋PLUS DM-i",
        &[("110KM 旗舰型", "suv", "phev", 159_800)],
    ),
    (
        "吉利",
        "星越L",
        &[("2.0TD 高能版", "suv", "petrol", 165_700)],
    ),
    (
        "特斯拉",
        "Model Y",
        &[
            ("后轮驱动版", "suv", "bev", 249_900),
            ("长续航全轮驱动版", "suv", "bev", 289_900),
        ],
    ),
    (
        "宝马",
        "3系",
        &[("325Li M运动套装", "sedan", "petrol", 349_900)],
    ),
];

pub const COLOURS: [&str; 8] = [
    "珍珠白",
    "曜石黑",
    "星空灰",
    "冰川银",
    "宝石蓝",
    "中国红",
    "极光绿",
    "香槟金",
];

/// A reproducible source of fake records.
pub struct Faker {
    rng: SmallRng,
    serial: u64,
}

impl Faker {
    pub fn new(seed: u64) -> Self {
        Self {
            rng: SmallRng::seed_from_u64(seed),
            serial: seed.wrapping_mul(1_000_003) % 900_000,
        }
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        // Earlier entries are more common (a rough Zipf curve).
        let n = items.len();
        let r: f64 = self.rng.random();
        let index = ((r * r) * n as f64) as usize;
        items[index.min(n - 1)]
    }

    pub fn chance(&mut self, probability: f64) -> bool {
        self.rng.random_bool(probability.clamp(0.0, 1.0))
    }

    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        self.rng.random_range(low..=high)
    }

    /// A person's name and whether they are male.
    pub fn person(&mut self) -> (String, bool) {
        let male = self.chance(0.62);
        let surname = self.pick(&SURNAMES);
        let given = if male {
            self.pick(&GIVEN_MALE)
        } else {
            self.pick(&GIVEN_FEMALE)
        };
        (format!("{surname}{given}"), male)
    }

    pub fn company(&mut self) -> String {
        format!(
            "{}{}{}",
            self.pick(&COMPANY_PREFIX),
            self.pick(&COMPANY_CORE),
            self.pick(&COMPANY_KIND)
        )
    }

    /// A valid mainland mobile number.
    pub fn mobile(&mut self) -> String {
        let prefix = self.pick(&MOBILE_PREFIXES);
        format!("{prefix}{:08}", self.rng.random_range(0..100_000_000u32))
    }

    /// A plate of the province (`浙`) and city letters (`A`, `B`), new-energy one time in ten.
    pub fn plate(&mut self, province: char, cities: &[char]) -> String {
        let city = cities[self.rng.random_range(0..cities.len())];
        const SERIAL: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        if self.chance(0.1) {
            let kind = if self.chance(0.7) { 'D' } else { 'F' };
            let second = SERIAL[self.rng.random_range(0..SERIAL.len())] as char;
            format!(
                "{province}{city}{kind}{second}{:04}",
                self.rng.random_range(0..10_000)
            )
        } else {
            let serial: String = (0..5)
                .map(|i| {
                    // Mostly digits, the odd letter.
                    if i > 0 && self.chance(0.25) {
                        SERIAL[self.rng.random_range(10..SERIAL.len())] as char
                    } else {
                        char::from(b'0' + self.rng.random_range(0..10))
                    }
                })
                .collect();
            format!("{province}{city}{serial}")
        }
    }

    /// A VIN of the maker with a correct check digit and a unique serial.
    pub fn vin(&mut self, wmi: &str, model_year: i32) -> String {
        const BODY: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        let vds: String = (0..5)
            .map(|_| BODY[self.rng.random_range(0..BODY.len())] as char)
            .collect();
        let year = vin_year(model_year);
        let plant = BODY[self.rng.random_range(0..BODY.len())] as char;
        self.serial = (self.serial + 1 + self.rng.random_range(0..3)) % 1_000_000;
        let mut vin = format!("{wmi}{vds}0{year}{plant}{:06}", self.serial);
        let check = expected_check_digit(&vin).unwrap_or('0');
        vin.replace_range(8..9, &check.to_string());
        vin
    }

    /// A valid ID number of a person born on `birth` in Zhejiang (33xxxx).
    pub fn id_number(&mut self, birth: NaiveDate, male: bool) -> String {
        let area = [
            330102, 330106, 330108, 330203, 330212, 330302, 330402, 330502, 330602, 330702,
        ][self.rng.random_range(0..10)];
        let mut sequence = self.rng.random_range(0..500u32) * 2;
        if male {
            sequence += 1;
        }
        let first17 = format!("{area}{}{sequence:03}", birth.format("%Y%m%d"));
        format!("{first17}{}", check_character(&first17).unwrap_or('0'))
    }

    pub fn birthday(&mut self, today: NaiveDate) -> NaiveDate {
        let age_days = self.rng.random_range(22 * 365..68 * 365);
        today - chrono::Duration::days(age_days)
    }

    pub fn colour(&mut self) -> &'static str {
        COLOURS[self.rng.random_range(0..COLOURS.len())]
    }

    pub fn index(&mut self, len: usize) -> usize {
        self.rng.random_range(0..len.max(1))
    }
}

/// The tenth character of a VIN for a model year (1980 = A, …, 2001 = 1, …, 2010 = A).
fn vin_year(year: i32) -> char {
    const CODES: &[u8] = b"ABCDEFGHJKLMNPRSTVWXY123456789";
    CODES[((year - 1980).rem_euclid(30)) as usize] as char
}

/// A customer spreadsheet (CSV, Chinese headers as dealers' files have them): people and the
/// odd company, one or two phones, most with a car, some with an ID number, owners from
/// `owners` (display names) for part of them.
pub fn customer_sheet(f: &mut Faker, rows: usize, today: NaiveDate, owners: &[&str]) -> String {
    customer_sheet_in(f, rows, today, owners, '浙', &['A', 'B'])
}

/// [`customer_sheet`] with plates of a given province and city letters.
pub fn customer_sheet_in(
    f: &mut Faker,
    rows: usize,
    today: NaiveDate,
    owners: &[&str],
    province: char,
    cities: &[char],
) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let headers = [
        "姓名",
        "客户类型",
        "性别",
        "手机",
        "电话2",
        "身份证号",
        "城市",
        "来源",
        "负责人",
        "标签",
        "短信同意",
        "车牌",
        "VIN",
        "品牌",
        "车系",
        "颜色",
        "年款",
        "购车日期",
        "里程",
    ];
    let _ = writer.write_record(headers);
    let sources = ["到店", "来电", "官网", "转介绍", "汽车网站", "市场活动"];
    let tags = [
        "",
        "",
        "老客户",
        "关注SUV",
        "新能源意向",
        "家庭用车",
        "置换意向",
    ];
    for _ in 0..rows {
        let company = f.chance(0.04);
        let (name, male) = if company {
            (f.company(), true)
        } else {
            f.person()
        };
        let second = if f.chance(0.2) {
            f.mobile()
        } else {
            String::new()
        };
        let id = if !company && f.chance(0.3) {
            let birth = f.birthday(today);
            f.id_number(birth, male)
        } else {
            String::new()
        };
        let owner = if !owners.is_empty() && f.chance(0.6) {
            owners[f.index(owners.len())].to_owned()
        } else {
            String::new()
        };
        let car = f.chance(0.8);
        let (plate, vin, brand, series, colour, year, bought, km) = if car {
            let (brand, series, _) = CATALOG[f.index(CATALOG.len())];
            let wmi = MAKERS
                .iter()
                .find(|(_, b)| *b == brand)
                .map_or("LSV", |(w, _)| *w);
            let year = f.between(2015, 2026) as i32;
            let bought = NaiveDate::from_ymd_opt(year.min(2026), 1, 1).unwrap_or(today)
                + chrono::Duration::days(f.between(0, 300));
            let bought = bought.min(today);
            let km = ((today - bought).num_days().max(1) * f.between(20, 60)).to_string();
            (
                f.plate(province, cities),
                f.vin(wmi, year),
                brand.to_owned(),
                series.to_owned(),
                f.colour().to_owned(),
                year.to_string(),
                bought.to_string(),
                km,
            )
        } else {
            Default::default()
        };
        let record = [
            name,
            if company {
                "公司".into()
            } else {
                "个人".into()
            },
            if company {
                String::new()
            } else if male {
                "男".into()
            } else {
                "女".into()
            },
            f.mobile(),
            second,
            id,
            ["杭州市", "宁波市", "绍兴市", "嘉兴市"][f.index(4)].to_owned(),
            sources[f.index(sources.len())].to_owned(),
            owner,
            tags[f.index(tags.len())].to_owned(),
            if f.chance(0.7) {
                "是".into()
            } else {
                "否".into()
            },
            plate,
            vin,
            brand,
            series,
            colour,
            year,
            bought,
            km,
        ];
        let _ = writer.write_record(&record);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use forecourt_domain::id_number::IdNumber;
    use forecourt_domain::phone::Phone;
    use forecourt_domain::plate::Plate;
    use forecourt_domain::vin::Vin;

    #[test]
    fn fake_records_pass_the_real_validators() {
        let mut f = Faker::new(7);
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for _ in 0..2000 {
            assert!(Phone::parse("p", &f.mobile()).is_ok());
            let plate = f.plate('浙', &['A', 'B']);
            assert!(Plate::parse("p", &plate).is_ok(), "{plate}");
            let vin = f.vin("LSV", 2022);
            assert!(Vin::parse("v", &vin).unwrap().check_digit_valid, "{vin}");
            let (name, male) = f.person();
            assert!(name.chars().count() >= 2);
            let birth = f.birthday(today);
            let id = f.id_number(birth, male);
            let parsed = IdNumber::parse("id", &id, today).unwrap();
            assert_eq!(parsed.is_male(), male);
        }
        assert_eq!(Faker::new(1).person(), Faker::new(1).person(), "seeded");
    }
}
