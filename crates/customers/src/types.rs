//! The closed vocabularies of customer records. Stored as their snake_case names.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }

            /// Reads a stored value; unknown values (from a newer version) are `None`.
            pub fn from_db(value: &str) -> Option<Self> {
                match value { $($key => Some($name::$variant),)* _ => None }
            }
        }
    };
}

vocabulary! {
    /// A private person or a company (fleet customers).
    CustomerKind { Person => "person", Company => "company", }
}

vocabulary! {
    Gender { Male => "male", Female => "female", }
}

vocabulary! {
    /// The channels a customer can consent to being contacted on.
    ConsentChannel { Sms => "sms", Phone => "phone", Email => "email", Wechat => "wechat", }
}

vocabulary! {
    /// How consent was given or withdrawn.
    ConsentMethod {
        /// Said so to a member of staff (in person or on the phone).
        Verbal => "verbal",
        /// Signed a paper form (e.g. the showroom reception form).
        WrittenForm => "written_form",
        /// Ticked a box on a web form or in a mini program.
        WebForm => "web_form",
        /// Replied to a message (e.g. "TD" to unsubscribe).
        MessageReply => "message_reply",
        /// Came with an imported record.
        Import => "import",
    }
}

vocabulary! {
    /// How a companion relates to the customer (陪同人员 who influence the purchase).
    Relation {
        Spouse => "spouse",
        Parent => "parent",
        Child => "child",
        Sibling => "sibling",
        Relative => "relative",
        Friend => "friend",
        Colleague => "colleague",
        Other => "other",
    }
}

vocabulary! {
    PhoneLabel { Mobile => "mobile", Home => "home", Work => "work", Other => "other", }
}
