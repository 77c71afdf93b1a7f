//! The configurator's rules: option groups and a configuration's validity.
//!
//! A trim's options sit in groups: `exclusive` (exactly one: paint, interior), `single` (at
//! most one) or `multi` (any). Packages bundle options at one price; dealer accessories (精品)
//! are dealer-wide or limited to a series.

use crate::FieldError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// How many options of a group a configuration may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupRule {
    /// At most one.
    Single,
    /// Exactly one.
    Exclusive,
    /// Any number.
    Multi,
}

impl GroupRule {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupRule::Single => "single",
            GroupRule::Exclusive => "exclusive",
            GroupRule::Multi => "multi",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [GroupRule::Single, GroupRule::Exclusive, GroupRule::Multi]
            .into_iter()
            .find(|r| r.as_str() == text)
    }
}

/// What kind of thing a configurator item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// The trim itself: its dated price (over the catalog's guide price) and known unit cost.
    Vehicle,
    /// A factory option of a trim, in a group.
    Option,
    /// Options of a trim sold together at one price.
    Package,
    /// A dealer accessory (精品), dealer-wide or for a series.
    Accessory,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Vehicle => "vehicle",
            ItemKind::Option => "option",
            ItemKind::Package => "package",
            ItemKind::Accessory => "accessory",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            ItemKind::Vehicle,
            ItemKind::Option,
            ItemKind::Package,
            ItemKind::Accessory,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
}

/// A group as the rules see it.
#[derive(Clone, Debug)]
pub struct GroupRef<'a> {
    pub id: Uuid,
    pub name: &'a str,
    pub rule: GroupRule,
}

/// Checks the chosen options against the trim's groups: `chosen[i]` is the group of the i-th
/// option chosen (None: ungrouped). Two options of a `single`/`exclusive` group are refused
/// naming the second (`option_ids[i]`, `group_conflict`); an `exclusive` group with none is
/// refused naming `option_ids` (`group_required`, with the group's name).
pub fn check_groups(groups: &[GroupRef<'_>], chosen: &[Option<Uuid>]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut seen: Vec<Uuid> = Vec::new();
    for (i, group) in chosen.iter().enumerate() {
        let Some(group_id) = group else { continue };
        let Some(group) = groups.iter().find(|g| g.id == *group_id) else {
            continue;
        };
        if group.rule == GroupRule::Multi {
            continue;
        }
        if seen.contains(group_id) {
            errors.push(
                FieldError::new(
                    format!("option_ids[{i}]"),
                    "group_conflict",
                    "is a second choice in a group that allows one",
                )
                .with_param("group", group.name),
            );
        } else {
            seen.push(*group_id);
        }
    }
    for group in groups {
        if group.rule == GroupRule::Exclusive && !chosen.contains(&Some(group.id)) {
            errors.push(
                FieldError::new("option_ids", "group_required", "must choose one of a group")
                    .with_param("group", group.name),
            );
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_enforce_their_rules() {
        let paint = Uuid::now_v7();
        let wheels = Uuid::now_v7();
        let extras = Uuid::now_v7();
        let groups = [
            GroupRef {
                id: paint,
                name: "车漆",
                rule: GroupRule::Exclusive,
            },
            GroupRef {
                id: wheels,
                name: "轮毂",
                rule: GroupRule::Single,
            },
            GroupRef {
                id: extras,
                name: "选装",
                rule: GroupRule::Multi,
            },
        ];
        assert!(check_groups(&groups, &[Some(paint)]).is_empty());
        assert!(check_groups(&groups, &[Some(paint), Some(extras), Some(extras), None]).is_empty());
        let missing = check_groups(&groups, &[Some(wheels)]);
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].code, "group_required");
        let two = check_groups(&groups, &[Some(paint), Some(wheels), Some(wheels)]);
        assert_eq!(two[0].field, "option_ids[2]");
        assert_eq!(two[0].code, "group_conflict");
        let two_paints = check_groups(&groups, &[Some(paint), Some(paint)]);
        assert_eq!(two_paints[0].field, "option_ids[1]");
    }

    #[test]
    fn names_round_trip() {
        for r in [GroupRule::Single, GroupRule::Exclusive, GroupRule::Multi] {
            assert_eq!(GroupRule::parse(r.as_str()), Some(r));
        }
        assert_eq!(ItemKind::parse("accessory"), Some(ItemKind::Accessory));
        assert_eq!(ItemKind::parse("x"), None);
    }
}
