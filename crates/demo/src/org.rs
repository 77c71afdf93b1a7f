//! The demo organisation: 华东汽车集团 with a store in Hangzhou and one in Ningbo.

use super::{DEMO_PASSWORD, DemoLogin, DemoSummary};
use forecourt_admin::AdminExt as _;
use forecourt_admin::departments::NewDepartment;
use forecourt_admin::teams::NewTeam;
use forecourt_admin::users::NewUser;
use forecourt_db::repo::{org, users};
use forecourt_domain::ids::{DepartmentId, TeamId};
use forecourt_domain::role::BuiltinRole;
use forecourt_kernel::app::App;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::org::{GroupKind, NewDealer, NewGroup};

pub const GROUP_CODE: &str = "HDQC";

pub(super) struct DemoDealer {
    pub code: &'static str,
    pub name: &'static str,
    /// Username prefix, unique in the installation.
    pub prefix: &'static str,
    /// The letter of the city's plates (浙A Hangzhou, 浙B Ningbo).
    pub city: char,
}

pub(super) const DEALERS: [DemoDealer; 2] = [
    DemoDealer {
        code: "HZ01",
        name: "杭州西湖汽车4S店",
        prefix: "hz",
        city: 'A',
    },
    DemoDealer {
        code: "NB01",
        name: "宁波海曙汽车4S店",
        prefix: "nb",
        city: 'B',
    },
];

/// (department, [teams])
const ORG_CHART: [(&str, &[&str]); 5] = [
    ("销售部", &["销售一组", "销售二组"]),
    ("售后服务部", &["服务一组"]),
    ("市场部", &["市场组"]),
    ("客服中心", &["续保组"]),
    ("财务部", &[]),
];

/// (role, username suffix, display names for the two dealers, team)
const STAFF: [(BuiltinRole, &str, [&str; 2], Option<&str>); 10] = [
    (BuiltinRole::Admin, "admin", ["周建国", "陈晓东"], None),
    (
        BuiltinRole::SalesManager,
        "sales-manager",
        ["王海峰", "刘志强"],
        Some("销售一组"),
    ),
    (
        BuiltinRole::SalesConsultant,
        "consultant",
        ["张伟", "李娜"],
        Some("销售一组"),
    ),
    (
        BuiltinRole::SalesAssistant,
        "assistant",
        ["赵敏", "孙丽"],
        Some("销售一组"),
    ),
    (
        BuiltinRole::ServiceManager,
        "service-manager",
        ["钱俊", "吴刚"],
        Some("服务一组"),
    ),
    (
        BuiltinRole::ServiceAdvisor,
        "advisor",
        ["郑强", "冯磊"],
        Some("服务一组"),
    ),
    (
        BuiltinRole::RenewalAgent,
        "renewal",
        ["何静", "许婷"],
        Some("续保组"),
    ),
    (
        BuiltinRole::Marketing,
        "marketing",
        ["林芳", "高雪"],
        Some("市场组"),
    ),
    (BuiltinRole::Finance, "finance", ["马丽", "郭燕"], None),
    (BuiltinRole::GroupAnalyst, "analyst", ["黄磊", "罗洋"], None),
];

pub(super) async fn load(app: &App) -> CoreResult<DemoSummary> {
    let conn = app.db().conn();
    let mut created = false;
    if org::find_group_by_code(conn, GROUP_CODE).await?.is_none() {
        app.create_group(NewGroup {
            code: GROUP_CODE.into(),
            name: "华东汽车集团".into(),
            kind: GroupKind::DealerGroup,
        })
        .await?;
        created = true;
    }
    let mut logins = Vec::new();
    for (index, demo) in DEALERS.iter().enumerate() {
        let dealer_id = match app.find_dealer_by_code(demo.code).await? {
            Some(dealer) => dealer.id,
            None => {
                created = true;
                app.create_dealer(NewDealer {
                    code: demo.code.into(),
                    name: demo.name.into(),
                    group_code: Some(GROUP_CODE.into()),
                    time_zone: None,
                    locale: None,
                })
                .await?
                .id
            }
        };
        let system = app.system_actor(dealer_id).await?;
        created |= ensure_org_chart(app, &system).await?;
        for (role, suffix, names, team) in STAFF {
            let username = format!("{}-{suffix}", demo.prefix);
            if users::find_by_username_for_login(conn, &username)
                .await?
                .is_none()
            {
                created = true;
                let team_id = match team {
                    Some(name) => team_id(app, &system, name).await?,
                    None => None,
                };
                app.admin()
                    .create_user(
                        &system,
                        NewUser {
                            username: username.clone(),
                            display_name: names[index].into(),
                            password: DEMO_PASSWORD.into(),
                            role: role.key().into(),
                            team_id,
                            email: None,
                            phone: None,
                            locale: None,
                        },
                    )
                    .await?;
            }
            logins.push(DemoLogin {
                dealer_code: demo.code.into(),
                dealer_name: demo.name.into(),
                username,
                display_name: names[index].into(),
                role: role.key().into(),
            });
        }
    }
    Ok(DemoSummary { created, logins })
}

async fn ensure_org_chart(app: &App, system: &Actor) -> CoreResult<bool> {
    let mut created = false;
    let departments = app.admin().list_departments(system).await?;
    for (department, teams) in ORG_CHART {
        let department_id: DepartmentId = match departments.iter().find(|d| d.name == department) {
            Some(existing) => existing.id,
            None => {
                created = true;
                app.admin()
                    .create_department(
                        system,
                        NewDepartment {
                            name: department.into(),
                        },
                    )
                    .await?
                    .id
            }
        };
        for team in teams {
            if team_id(app, system, team).await?.is_none() {
                created = true;
                app.admin()
                    .create_team(
                        system,
                        NewTeam {
                            name: (*team).into(),
                            department_id: Some(department_id),
                            leader_id: None,
                        },
                    )
                    .await?;
            }
        }
    }
    Ok(created)
}

async fn team_id(app: &App, system: &Actor, name: &str) -> CoreResult<Option<TeamId>> {
    Ok(app
        .admin()
        .list_teams(system)
        .await?
        .into_iter()
        .find(|t| t.name == name)
        .map(|t| t.id))
}
