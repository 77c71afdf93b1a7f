//! Job handlers by kind.

use crate::app::App;
use forecourt_db::entities::job;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// What a handler gets: the application and the job (its payload, dealer and attempt).
#[derive(Clone, Debug)]
pub struct JobContext {
    pub app: App,
    pub job: job::Model,
}

pub type JobFuture = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>>;

/// A job handler: succeeds, or fails with an error that is kept on the job (and retried).
pub type JobHandler = Arc<dyn Fn(JobContext) -> JobFuture + Send + Sync>;

/// The handlers a runner knows. A runner leases only the kinds it has handlers for.
#[derive(Clone, Default)]
pub struct JobRegistry {
    handlers: HashMap<String, JobHandler>,
}

impl std::fmt::Debug for JobRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JobRegistry")
            .field("kinds", &self.kinds())
            .finish()
    }
}

impl JobRegistry {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every kind the process handles: the kernel's (message delivery) and each installed
    /// module's ([`Module::register_jobs`](crate::module::Module::register_jobs)).
    pub fn builtin() -> Self {
        Self::for_modules(crate::module::installed())
    }

    /// The kernel's kinds and those of `modules`.
    pub fn for_modules(modules: &[&'static dyn crate::module::Module]) -> Self {
        let mut registry = Self::new();
        crate::messaging::register_jobs(&mut registry);
        for module in modules {
            module.register_jobs(&mut registry);
        }
        registry
    }

    /// Registers (or replaces) the handler of a kind.
    pub fn register<F, Fut>(&mut self, kind: &str, handler: F) -> &mut Self
    where
        F: Fn(JobContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        let handler: JobHandler = Arc::new(move |ctx| Box::pin(handler(ctx)));
        self.handlers.insert(kind.to_owned(), handler);
        self
    }

    pub fn get(&self, kind: &str) -> Option<JobHandler> {
        self.handlers.get(kind).cloned()
    }

    pub fn kinds(&self) -> Vec<String> {
        let mut kinds: Vec<String> = self.handlers.keys().cloned().collect();
        kinds.sort();
        kinds
    }
}
