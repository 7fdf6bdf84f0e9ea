pub mod article;
pub mod parse;
pub mod tag;
