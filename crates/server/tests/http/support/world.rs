//! The fixture world: two dealers of one group, each with a department, teams, a custom
//! role, a user of every built-in role and an API token of its admin.

use super::{Auth, PASSWORD, TestApp};
use axum::http::{Method, StatusCode};
use forecourt_admin::AdminExt as _;
use forecourt_admin::departments::NewDepartment;
use forecourt_admin::teams::NewTeam;
use forecourt_admin::users::NewUser;
use forecourt_domain::role::BuiltinRole;
use forecourt_kernel::org::{GroupKind, NewDealer, NewGroup};
use serde_json::json;

/// Records of one dealer that tests act on.
#[derive(Clone, Debug)]
pub struct DealerFixture {
    pub code: String,
    pub dealer_id: String,
    /// A sales consultant no test logs in as: the target of user edits.
    pub target_user_id: String,
    pub team_id: String,
    pub empty_team_id: String,
    pub department_id: String,
    pub custom_role_key: String,
    pub api_token_id: String,
    pub api_token: String,
}

impl DealerFixture {
    /// The username of this dealer's user of a built-in role.
    pub fn username(&self, role: BuiltinRole) -> String {
        format!(
            "{}-{}",
            self.code.to_lowercase(),
            role.key().replace('_', "-")
        )
    }
}

pub struct World {
    pub a: DealerFixture,
    pub b: DealerFixture,
}

/// Two dealers, A and B, of one group; each with a department, teams, a custom role, a user of
/// every built-in role (password [`PASSWORD`]) and an API token of its admin.
pub async fn world(t: &TestApp) -> World {
    t.app
        .create_group(NewGroup {
            code: "GRP".into(),
            name: "测试集团".into(),
            kind: GroupKind::DealerGroup,
        })
        .await
        .unwrap();
    let a = dealer(t, "DA", "甲4S店").await;
    let b = dealer(t, "DB", "乙4S店").await;
    World { a, b }
}

async fn dealer(t: &TestApp, code: &str, name: &str) -> DealerFixture {
    let app = &t.app;
    let dealer = app
        .create_dealer(NewDealer {
            code: code.into(),
            name: name.into(),
            group_code: Some("GRP".into()),
            time_zone: None,
            locale: None,
        })
        .await
        .unwrap();
    let system = app.system_actor(dealer.id).await.unwrap();
    let department = app
        .admin()
        .create_department(
            &system,
            NewDepartment {
                name: "销售部".into(),
            },
        )
        .await
        .unwrap();
    let team = app
        .admin()
        .create_team(
            &system,
            NewTeam {
                name: "销售一组".into(),
                department_id: Some(department.id),
                leader_id: None,
            },
        )
        .await
        .unwrap();
    let empty_team = app
        .admin()
        .create_team(
            &system,
            NewTeam {
                name: "空组".into(),
                department_id: None,
                leader_id: None,
            },
        )
        .await
        .unwrap();
    let prefix = code.to_lowercase();
    for role in BuiltinRole::ALL {
        let team_id = matches!(
            role,
            BuiltinRole::SalesConsultant | BuiltinRole::SalesManager
        )
        .then_some(team.id);
        app.admin()
            .create_user(
                &system,
                NewUser {
                    username: format!("{prefix}-{}", role.key().replace('_', "-")),
                    display_name: format!("{code} {}", role.name_zh()),
                    password: PASSWORD.into(),
                    role: role.key().into(),
                    team_id,
                    email: None,
                    phone: Some("13812345678".into()),
                    locale: None,
                },
            )
            .await
            .unwrap();
    }
    let target = app
        .admin()
        .create_user(
            &system,
            NewUser {
                username: format!("{prefix}-target"),
                display_name: "目标用户".into(),
                password: PASSWORD.into(),
                role: "sales_consultant".into(),
                team_id: Some(team.id),
                email: Some("target@example.cn".into()),
                phone: Some("13912345678".into()),
                locale: None,
            },
        )
        .await
        .unwrap();
    let role = app
        .admin()
        .create_role(
            &system,
            forecourt_admin::roles::NewRole {
                key: "floor_lead".into(),
                name: "展厅主管".into(),
                description: None,
                grants: vec![forecourt_domain::permission::Grant::new(
                    forecourt_domain::permission::Permission::UserRead,
                    forecourt_domain::permission::Scope::Dealer,
                )],
            },
        )
        .await
        .unwrap();
    // The admin's API token, made through the API as the admin would.
    let admin = format!("{prefix}-admin");
    let reply = {
        let session = t.login(&admin).await;
        t.send(
            Method::POST,
            "/api/v1/api-tokens",
            Auth::Session(&session),
            Some(
                json!({"name": "DMS", "grants": [{"permission": "user:read", "scope": "dealer"}]}),
            ),
        )
        .await
    };
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    let api_token_id = reply.body["api_token"]["id"].as_str().unwrap().to_owned();
    let api_token = reply.body["token"].as_str().unwrap().to_owned();

    DealerFixture {
        code: code.into(),
        dealer_id: dealer.id.to_string(),
        target_user_id: target.id.to_string(),
        team_id: team.id.to_string(),
        empty_team_id: empty_team.id.to_string(),
        department_id: department.id.to_string(),
        custom_role_key: role.key,
        api_token_id,
        api_token,
    }
}
