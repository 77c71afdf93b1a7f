//! Generating a dealer of a million customers through the real import path, 100,000 at a time,
//! timing each file.

use forecourt_admin::AdminExt as _;
use forecourt_admin::users::NewUser;
use forecourt_customers::CustomersExt as _;
use forecourt_customers::import::{ImportMode, ImportOptions, OnDuplicate};
use forecourt_demo::fake::{CATALOG, Faker, MAKERS};
use forecourt_kernel::App;
use forecourt_kernel::org::NewDealer;
use std::io::Write;
use std::time::Instant;

pub const DEALER: &str = "BENCH";
pub const CONSULTANTS: usize = 20;

/// Query samples taken from the generated data (names, phones, plates, VINs).
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub struct Samples {
    pub names: Vec<String>,
    pub phones: Vec<String>,
    pub plates: Vec<String>,
    pub vins: Vec<String>,
}

/// "SQLite" or "PostgreSQL", for logs and result headings.
pub fn backend_name(app: &App) -> &'static str {
    match app.db().backend() {
        forecourt_db::Backend::Sqlite => "SQLite",
        forecourt_db::Backend::Postgres => "PostgreSQL",
    }
}

pub fn samples_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples.json")
}

/// Imports `customers` generated customers in files of `chunk`. The first `skip_files` files are
/// generated (the data is deterministic per seed, so the samples stay the same) but not imported:
/// an interrupted run resumes with `--skip-files` set to the files its log shows as done.
/// Samples and the log line are written after every file, so an interruption loses nothing.
pub async fn generate(
    app: &App,
    customers: usize,
    chunk: usize,
    seed: u64,
    skip_files: usize,
) -> anyhow::Result<()> {
    let dealer = match app.find_dealer_by_code(DEALER).await? {
        Some(d) => d,
        None => {
            app.create_dealer(NewDealer {
                code: DEALER.into(),
                name: "基准测试4S店".into(),
                group_code: None,
                time_zone: None,
                locale: None,
            })
            .await?
        }
    };
    let system = app.system_actor(dealer.id).await?;
    for i in 0..=CONSULTANTS {
        let (username, role) = if i == 0 {
            ("bench-admin".to_owned(), "admin")
        } else {
            (format!("bench-consultant-{i:02}"), "sales_consultant")
        };
        if app
            .admin()
            .list_users(
                &system,
                forecourt_admin::users::UserQuery {
                    q: Some(username.clone()),
                    ..Default::default()
                },
            )
            .await?
            .items
            .is_empty()
        {
            app.admin()
                .create_user(
                    &system,
                    NewUser {
                        display_name: if i == 0 {
                            "基准管理员".into()
                        } else {
                            format!("顾问{i:02}")
                        },
                        username,
                        password: "bench-password-1".into(),
                        role: role.into(),
                        team_id: None,
                        email: None,
                        phone: None,
                        locale: None,
                    },
                )
                .await?;
        }
    }
    let owners: Vec<String> = (1..=CONSULTANTS).map(|i| format!("顾问{i:02}")).collect();
    let mut faker = Faker::new(seed);
    let today = app.today(&system);
    let backend = backend_name(app);
    let mut samples = Samples::default();
    let mut done = 0;
    let mut file_no = 0;
    while done < customers {
        let size = chunk.min(customers - done);
        let (sheet, rows) = sheet(&mut faker, size, today, &owners, &mut samples);
        file_no += 1;
        done += size;
        if file_no <= skip_files {
            println!("file {file_no}: skipped (imported by an earlier run)");
            continue;
        }
        let started = Instant::now();
        let upload = app
            .customers()
            .upload_customer_import(&system, &format!("bench-{file_no}.csv"), sheet.into_bytes())
            .await?;
        let result = app
            .customers()
            .run_customer_import(
                &system,
                upload.id,
                ImportOptions {
                    mapping: upload.suggested_mapping,
                    on_duplicate: OnDuplicate::Update,
                    mode: ImportMode::SkipInvalid,
                    save_mapping_as: None,
                },
            )
            .await?;
        let seconds = started.elapsed().as_secs_f64();
        let line = format!(
            "{backend} file {file_no}: {rows} rows ({size} customers, {done} in all) imported in {seconds:.1} s — created {}, updated {}, invalid rows {}",
            result.created, result.updated, result.invalid_rows
        );
        println!("{line}");
        std::fs::create_dir_all(samples_path().parent().unwrap_or(std::path::Path::new(".")))?;
        std::fs::write(samples_path(), serde_json::to_vec(&samples)?)?;
        let mut log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(import_log_path())?;
        writeln!(log, "{line}")?;
    }
    Ok(())
}

fn import_log_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("results/import-log.txt")
}

/// A spreadsheet of `customers` customers; two in five have a second car, on a second line (the
/// importer groups the lines by phone). Returns the CSV and its row count.
fn sheet(
    f: &mut Faker,
    customers: usize,
    today: chrono::NaiveDate,
    owners: &[String],
    samples: &mut Samples,
) -> (String, usize) {
    let mut writer = csv::Writer::from_writer(Vec::with_capacity(customers * 120));
    let _ = writer.write_record([
        "姓名",
        "手机",
        "负责人",
        "来源",
        "车牌",
        "VIN",
        "品牌",
        "车系",
        "年款",
        "里程",
        "短信同意",
    ]);
    let sources = ["到店", "来电", "官网", "转介绍", "汽车网站", "市场活动"];
    let mut rows = 0;
    for i in 0..customers {
        let (name, _) = if f.chance(0.03) {
            (f.company(), true)
        } else {
            f.person()
        };
        let phone = f.mobile();
        let owner = owners[f.index(owners.len())].clone();
        let source = sources[f.index(sources.len())];
        let cars = if f.chance(0.4) {
            2
        } else if f.chance(0.85) {
            1
        } else {
            0
        };
        let mut emitted = false;
        for _ in 0..cars.max(1) {
            let mut record = vec![
                name.clone(),
                phone.clone(),
                owner.clone(),
                source.to_owned(),
            ];
            if cars > 0 {
                let (brand, series, _) = CATALOG[f.index(CATALOG.len())];
                let wmi = MAKERS
                    .iter()
                    .find(|(_, b)| *b == brand)
                    .map_or("LSV", |(w, _)| *w);
                let year = f.between(2012, 2026) as i32;
                let plate = f.plate('浙', &['A', 'B', 'C']);
                let vin = f.vin(wmi, year);
                if i % 2000 == 0 {
                    samples.plates.push(plate.clone());
                    samples.vins.push(vin.clone());
                }
                let km = ((today
                    .years_since(chrono::NaiveDate::from_ymd_opt(year, 6, 1).unwrap_or(today))
                    .unwrap_or(0) as i64
                    + 1)
                    * f.between(8_000, 20_000))
                .to_string();
                record.extend([
                    plate,
                    vin,
                    brand.to_owned(),
                    series.to_owned(),
                    year.to_string(),
                    km,
                ]);
            } else {
                record.extend([
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
            record.push(if f.chance(0.7) {
                "是".into()
            } else {
                "否".into()
            });
            let _ = writer.write_record(&record);
            rows += 1;
            emitted = true;
        }
        if emitted && i % 2000 == 0 {
            samples.names.push(name.clone());
            samples.phones.push(phone.clone());
        }
    }
    (
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default(),
        rows,
    )
}
