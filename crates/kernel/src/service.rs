//! How a module's use cases are called: each module declares a service with
//! [`module_service!`](crate::module_service), a borrowed view of the kernel's [`App`](crate::App)
//! whose methods are the module's use cases (`app.sales().create_lead(&actor, input)`). Inside
//! a use case `self` reads as the `App` (its database, clock and the kernel's own use cases).

/// Declares a module's service type and the extension trait that reaches it from the
/// kernel's handle: `module_service!(Sales, SalesExt, sales)` gives `app.sales()`.
#[macro_export]
macro_rules! module_service {
    ($(#[$doc:meta])* $name:ident, $ext:ident, $accessor:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $name<'a> {
            app: &'a $crate::App,
        }

        impl ::std::fmt::Debug for $name<'_> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(stringify!($name))
            }
        }

        impl ::std::ops::Deref for $name<'_> {
            type Target = $crate::App;
            fn deref(&self) -> &$crate::App {
                self.app
            }
        }

        #[doc = concat!("Reaches the use cases of [`", stringify!($name), "`] from the kernel's handle.")]
        pub trait $ext {
            #[doc = concat!("This module's use cases: `app.", stringify!($accessor), "().…`.")]
            fn $accessor(&self) -> $name<'_>;
        }

        impl $ext for $crate::App {
            fn $accessor(&self) -> $name<'_> {
                $name { app: self }
            }
        }
    };
}
