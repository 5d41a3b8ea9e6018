//! Releasing: what must hold before the code is uploaded (MP600–MP699).

pub mod private_key_in_upload;
