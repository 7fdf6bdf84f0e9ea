pub mod analyzer;
pub mod article;
pub mod error;
pub mod index;
pub mod ingest;
pub mod parse;
pub mod schema;
mod sum_query;
pub mod tag;
pub mod walk;

pub use article::{Article, Origin};
pub use error::{Error, Result};
pub mod search;
