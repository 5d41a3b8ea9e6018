//! `mpcheck release`: what is checked and printed around an upload.
pub mod checklist;
