//! The words after-sales writes for people: task subjects, notices and messages, in zh-CN,
//! zh-TW and en (see [`forecourt_kernel::texts`]).

use forecourt_kernel::texts::Words;

pub static TEXTS: &[Words] = &[];
