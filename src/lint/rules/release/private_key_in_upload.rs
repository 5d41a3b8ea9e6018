//! MP600: a PEM private key (`-----BEGIN … PRIVATE KEY-----`) inside a file the packer
//! uploads: a JS or JSON string, or a certificate file (`.crt`, `.cer`, `.cert`) holding the
//! key with the certificate. Everything uploaded ships to every user's phone. Key files
//! themselves (`private.<appid>.key`, `.pem`) are not uploaded (their extensions are not on
//! the packer's list) and are not reported.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    PrivateKeyInUpload, code: "MP600", name: "private-key-in-upload", group: Release, severity: Error,
    summary: ["A private key is inside a file that is uploaded with the code", "上传的代码包中包含私钥"],
    needs: [Upload],
}

/// Certificate files are shipped; one may hold the key too. Read here (nothing else reads
/// them), at most this many bytes.
const CERT_EXTENSIONS: &[&str] = &["crt", "cer", "cert"];
const CERT_READ_LIMIT: u64 = 1 << 20;

/// The span of the first `-----BEGIN … PRIVATE KEY-----` line in `text`.
fn private_key(text: &str) -> Option<Span> {
    let mut from = 0;
    while let Some(i) = text[from..].find("-----BEGIN ") {
        let start = from + i;
        let rest = &text[start + 11..];
        let end = rest.find("-----").map(|e| start + 11 + e + 5)?;
        let label = &text[start + 11..end - 5];
        if label.ends_with("PRIVATE KEY") && label.len() <= 40 {
            return Some(Span::new(start, end));
        }
        from = end;
    }
    None
}

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
            let ext = f.path.rsplit_once('.').map_or("", |(_, e)| e);
            let found = match p.source(&f.path) {
                Some(src) => private_key(&src.text),
                None if CERT_EXTENSIONS.contains(&ext) => {
                    crate::base::fsread::read_inside(&p.dir, &p.dir.join(&f.path), CERT_READ_LIMIT)
                        .ok()
                        .and_then(|bytes| private_key(&String::from_utf8_lossy(&bytes)))
                }
                None => None,
            };
            let Some(span) = found else { continue };
            // The finding names the line but shows no excerpt: CI logs are often public, and
            // the lines around the header are the key.
            let line = p.source(&f.path).map_or(String::new(), |src| {
                let n = src.text[..span.start as usize].matches('\n').count() + 1;
                format!(" (line {n})")
            });
            out.push(key_uploaded(ctx, &f.path, &line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::private_key;

    #[test]
    fn finds_pem_private_keys() {
        let rsa = "const k = `-----BEGIN RSA PRIVATE KEY-----\nMIIE…`";
        assert_eq!(private_key(rsa).map(|s| (s.start, s.end)), Some((11, 42)));
        assert!(private_key("-----BEGIN PRIVATE KEY-----").is_some());
        assert!(private_key("-----BEGIN ENCRYPTED PRIVATE KEY-----").is_some());
        assert!(
            private_key("-----BEGIN CERTIFICATE-----\nMII…\n-----END CERTIFICATE-----").is_none()
        );
        assert!(private_key("-----BEGIN PUBLIC KEY-----").is_none());
        assert!(private_key("-----BEGIN ").is_none());
    }
}
