//! MP600: a PEM private key (`-----BEGIN … PRIVATE KEY-----`) inside a file the packer
//! uploads: a JS or JSON string, or a certificate file (`.crt`, `.cer`, `.cert`) holding the
//! key with the certificate. Everything uploaded ships to every user's phone. Key files
//! themselves (`private.<appid>.key`, `.pem`) are not uploaded (their extensions are not on
//! the packer's list) and are not reported.

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::project::text::private_key;

crate::declare_rule! {
    PrivateKeyInUpload, code: "MP600", name: "private-key-in-upload", group: Release, severity: Error,
    summary: ["A private key is inside a file that is uploaded with the code", "上传的代码包中包含私钥"],
    needs: [Upload],
}

/// Certificate files are shipped; one may hold the key too. Read here (nothing else reads
/// them), at most this many bytes.
const CERT_EXTENSIONS: &[&str] = &["crt", "cer", "cert"];
const CERT_READ_LIMIT: u64 = 1 << 20;

/// The finding at the uploaded file `path` holding a private key (`line`: ` (line N)` or
/// empty).
fn key_uploaded(ctx: &Ctx, path: &str, line: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        None,
        ctx.t(
            format!("{} holds a private key{line}, and it is uploaded: it ships to every user's phone", path),
            format!("{} 中包含私钥{line}，且会随代码包上传：每个用户的手机上都会有它", path),
        ),
    )
    .help(ctx.t(
        "keep keys out of the mini program (on the server, or as a CI secret outside the project); a key that was uploaded is leaked: replace it (for the code-upload key: 开发管理 → 开发设置 → 小程序代码上传 → 重置)".into(),
        "私钥不应放在小程序中（放在服务器端，或作为项目之外的 CI 密钥）；已上传的私钥已经泄露，请更换（代码上传密钥：开发管理 → 开发设置 → 小程序代码上传 → 重置）".into(),
    ))
}

impl Rule for PrivateKeyInUpload {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        for f in &ctx.analysis.upload().files {
            let ext = crate::base::relpath::rsplit_once_byte(&f.path, b'.').map_or("", |(_, e)| e);
            // The finding names the line (not in certificate files) but shows no excerpt: CI
            // logs are often public, and the lines around the header are the key.
            let line = if p.has_text(&f.path) {
                p.private_key_line(&f.path).map(|n| format!(" (line {n})"))
            } else if CERT_EXTENSIONS.contains(&ext) {
                crate::base::fsread::read_inside(&p.dir, &p.dir.join(&f.path), CERT_READ_LIMIT)
                    .ok()
                    .and_then(|bytes| private_key(&String::from_utf8_lossy(&bytes)))
                    .map(|_| String::new())
            } else {
                None
            };
            if let Some(line) = line {
                out.push(key_uploaded(ctx, &f.path, &line));
            }
        }
    }
}
