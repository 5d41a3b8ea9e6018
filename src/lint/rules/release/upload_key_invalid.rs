//! MP604: the code-upload key `mpcheck release` would hand to miniprogram-ci (`--key`, else
//! `$MPCHECK_UPLOAD_KEY`) is missing, unreadable, or not an unencrypted RSA private key in PEM:
//! PKCS#1 (`BEGIN RSA PRIVATE KEY`) or PKCS#8 (`BEGIN PRIVATE KEY` with rsaEncryption), the two
//! forms Node's `privateEncrypt` signs with (release-handoff §5). The key's content never
//! appears in a finding: only its path, the PEM label and what is wrong.
//!
//! PEM framing is read here (any line width, text before the block, RFC 1421 headers), the
//! base64 body decoded with `base64ct` and the DER structures with RustCrypto's `pkcs1` and
//! `pkcs8` (decode only).

use super::Given;
use crate::base::diagnostic::{ARGUMENTS, Diagnostic};
use crate::base::escape;
use crate::base::fsread::ReadError;
use crate::base::i18n::Text;
use crate::lint::rule::{Ctx, Rule};
use std::path::Path;

crate::declare_rule! {
    UploadKeyInvalid, code: "MP604", name: "upload-key-invalid", group: Release, severity: Error,
    summary: ["The upload key is missing, unreadable, or not an unencrypted RSA private key in PEM", "上传密钥缺失、无法读取，或不是未加密的 PEM 格式 RSA 私钥"],
}

/// A code-upload key is under 2 KB; anything over this is not one (and is not read whole).
pub const KEY_SIZE_CAP: u64 = 64 * 1024;

/// What is wrong with a key file's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// No `-----BEGIN …-----` line at all.
    NotPem,
    /// PEM blocks, none of them a private key (the first block's label).
    NotPrivateKey(String),
    /// `ENCRYPTED PRIVATE KEY`, or a PKCS#1 key with a `Proc-Type: 4,ENCRYPTED` header.
    Encrypted,
    /// A private key of another kind: a description in English and Chinese, such as
    /// `an EC key (SEC1)`.
    NotRsa(String, String),
    /// The block has no matching END line, or its body is not base64.
    BadPem,
    /// The base64 decodes, but not to this structure (`PKCS#1 RSAPrivateKey`, ...).
    BadDer(&'static str),
}

/// A PEM label from the file, only when it looks like one (else a placeholder): it is shown.
fn shown_label(label: &str) -> String {
    if !label.is_empty()
        && label.len() <= 40
        && label
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ')
    {
        label.to_string()
    } else {
        "(unrecognised label)".to_string()
    }
}

/// A key of another kind, in English and Chinese.
fn not_rsa(en: impl Into<String>, zh: impl Into<String>) -> KeyProblem {
    KeyProblem::NotRsa(en.into(), zh.into())
}

/// Private-key algorithms other than rsaEncryption, by PKCS#8 OID.
fn algorithm(oid: &str) -> KeyProblem {
    match oid {
        "1.2.840.10045.2.1" => not_rsa("an EC key (PKCS#8)", "EC 密钥（PKCS#8）"),
        "1.3.101.112" => not_rsa("an Ed25519 key (PKCS#8)", "Ed25519 密钥（PKCS#8）"),
        "1.3.101.113" => not_rsa("an Ed448 key (PKCS#8)", "Ed448 密钥（PKCS#8）"),
        "1.3.101.110" => not_rsa("an X25519 key (PKCS#8)", "X25519 密钥（PKCS#8）"),
        "1.3.101.111" => not_rsa("an X448 key (PKCS#8)", "X448 密钥（PKCS#8）"),
        "1.2.840.10040.4.1" => not_rsa("a DSA key (PKCS#8)", "DSA 密钥（PKCS#8）"),
        "1.2.840.113549.1.1.10" => {
            not_rsa("an RSASSA-PSS key (PKCS#8)", "RSASSA-PSS 密钥（PKCS#8）")
        }
        other => not_rsa(
            format!("a PKCS#8 key of algorithm {other}"),
            format!("算法为 {other} 的 PKCS#8 密钥"),
        ),
    }
}

/// Checks a key file's bytes: `Ok` for an unencrypted RSA private key in PKCS#1 or PKCS#8 PEM.
pub fn inspect(bytes: &[u8]) -> Result<(), KeyProblem> {
    use base64ct::{Base64, Encoding};
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.lines().map(str::trim);
    let mut first_label: Option<String> = None;
    // The first block whose label ends with PRIVATE KEY, as OpenSSL's PEM reader takes it.
    let block = loop {
        let Some(line) = lines.next() else {
            return Err(match first_label {
                Some(l) => KeyProblem::NotPrivateKey(l),
                None => KeyProblem::NotPem,
            });
        };
        let Some(label) = line
            .strip_prefix("-----BEGIN ")
            .and_then(|l| l.strip_suffix("-----"))
        else {
            continue;
        };
        if label.ends_with("PRIVATE KEY") {
            let end = format!("-----END {label}-----");
            let mut body = String::new();
            let mut encrypted_header = false;
            let mut closed = false;
            for line in lines.by_ref() {
                if line == end {
                    closed = true;
                    break;
                }
                if let Some((name, value)) = line.split_once(':') {
                    // An RFC 1421 header (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: ...`).
                    if name.trim() == "Proc-Type" && value.contains("ENCRYPTED") {
                        encrypted_header = true;
                    }
                    continue;
                }
                body.push_str(line);
            }
            break (label.to_string(), body, encrypted_header, closed);
        }
        first_label.get_or_insert_with(|| shown_label(label));
    };
    let (label, body, encrypted_header, closed) = block;
    match label.as_str() {
        "ENCRYPTED PRIVATE KEY" => return Err(KeyProblem::Encrypted),
        "RSA PRIVATE KEY" if encrypted_header => return Err(KeyProblem::Encrypted),
        "RSA PRIVATE KEY" | "PRIVATE KEY" => {}
        "EC PRIVATE KEY" => return Err(not_rsa("an EC key (SEC1)", "EC 密钥（SEC1）")),
        "DSA PRIVATE KEY" => return Err(not_rsa("a DSA key", "DSA 密钥")),
        "OPENSSH PRIVATE KEY" => {
            return Err(not_rsa("an OpenSSH-format key", "OpenSSH 格式的密钥"));
        }
        other => {
            let l = shown_label(other);
            return Err(not_rsa(format!("a \"{l}\" block"), format!("\"{l}\" 块")));
        }
    }
    if !closed || body.is_empty() {
        return Err(KeyProblem::BadPem);
    }
    let der = Base64::decode_vec(&body).map_err(|_| KeyProblem::BadPem)?;
    if label == "RSA PRIVATE KEY" {
        pkcs1::RsaPrivateKey::try_from(der.as_slice())
            .map_err(|_| KeyProblem::BadDer("PKCS#1 RSAPrivateKey"))?;
        return Ok(());
    }
    let info = pkcs8::PrivateKeyInfo::try_from(der.as_slice())
        .map_err(|_| KeyProblem::BadDer("PKCS#8 PrivateKeyInfo"))?;
    if info.algorithm.oid != pkcs1::ALGORITHM_OID {
        return Err(algorithm(&info.algorithm.oid.to_string()));
    }
    pkcs1::RsaPrivateKey::try_from(info.private_key)
        .map_err(|_| KeyProblem::BadDer("RSA key inside PKCS#8"))?;
    Ok(())
}

const DOWNLOAD_EN: &str = "it is the private.<appid>.key file from the admin console (开发管理 → 开发设置 → 小程序代码上传)";
const DOWNLOAD_ZH: &str =
    "代码上传密钥是管理后台“开发管理 → 开发设置 → 小程序代码上传”中下载的 private.<appid>.key 文件";

/// The finding when no upload key is given.
fn no_key(ctx: &Ctx) -> Diagnostic {
    Diagnostic::new(
        &META,
        ARGUMENTS,
        None,
        ctx.t(
            "no upload key: neither --key nor MPCHECK_UPLOAD_KEY is set".into(),
            "没有上传密钥：既没有 --key，也没有设置 MPCHECK_UPLOAD_KEY".into(),
        ),
    )
    .help(ctx.t(
        format!("pass --key FILE, or set MPCHECK_UPLOAD_KEY to the file's path (a CI secret); {DOWNLOAD_EN}"),
        format!("请传入 --key FILE，或将 MPCHECK_UPLOAD_KEY 设为该文件的路径（CI 密钥）；{DOWNLOAD_ZH}"),
    ))
}

/// The finding when the value given (`from`: where, in English and Chinese) as the key's
/// path looks like the key's content (`len` bytes, never shown).
fn key_content_given(ctx: &Ctx, (from_en, from_zh): (&str, &str), len: usize) -> Diagnostic {
    Diagnostic::new(
        &META,
        ARGUMENTS,
        None,
        ctx.t(
            format!("the upload key (from {from_en}) is not a file path: the value looks like the key's content, which is not shown ({} bytes)", len),
            format!("上传密钥（来自 {from_zh}）不是文件路径：该值看起来是密钥内容本身，不予显示（{} 字节）", len),
        ),
    )
    .help(ctx.t(
        format!("{from_en} takes the path of the key file: write the secret to a file outside the project and pass its path, e.g. printf '%s' \"$UPLOAD_KEY\" > \"$RUNNER_TEMP/upload.key\" then --key \"$RUNNER_TEMP/upload.key\"; if the key was printed in a log, reset it (开发管理 → 开发设置 → 小程序代码上传 → 重置)"),
        format!("{from_zh} 需要密钥文件的路径：请把密钥写入项目之外的文件并传入其路径，例如 printf '%s' \"$UPLOAD_KEY\" > \"$RUNNER_TEMP/upload.key\"，再用 --key \"$RUNNER_TEMP/upload.key\"；如果密钥曾出现在日志中，请重置（开发管理 → 开发设置 → 小程序代码上传 → 重置）"),
    ))
}

/// The finding at the key file `path` (`from`: where it was given) that cannot be used: `en`,
/// `zh` say why.
fn bad_key(
    ctx: &Ctx,
    path: &Path,
    (from_en, from_zh): (&str, &str),
    (en, zh): (String, String),
    help: Text,
) -> Diagnostic {
    let shown = escape::line(&path.to_string_lossy()).into_owned();
    let subject_en = format!("upload key {shown} (from {from_en})");
    let subject_zh = format!("上传密钥 {shown}（来自 {from_zh}）");
    Diagnostic::new(
        &META,
        ARGUMENTS,
        None,
        ctx.t(format!("{subject_en} {en}"), format!("{subject_zh}{zh}")),
    )
    .help(help)
}

impl Rule for UploadKeyInvalid {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(args) = ctx.release else { return };
        let Some((path, given)) = &args.key else {
            out.push(no_key(ctx));
            return;
        };
        if let Some(d) = check_key(ctx, path, *given) {
            out.push(d);
        }
    }
}

/// Whether a `--key`/`MPCHECK_UPLOAD_KEY` value that names no file is the key itself (or its
/// base64) pasted where a path belongs: a PEM line, a line break, or longer than any path a
/// user types. Such a value is never shown.
pub fn looks_like_key_content(value: &std::ffi::OsStr) -> bool {
    let v = value.to_string_lossy();
    v.contains('\n')
        || v.contains('\r')
        || v.contains("-----")
        || v.contains("PRIVATE KEY")
        || (v.len() > 256 && !Path::new(value).exists())
}

/// The finding for the key file at `path`, if any.
fn check_key(ctx: &Ctx, path: &Path, given: Given) -> Option<Diagnostic> {
    let (from_en, from_zh) = match given {
        Given::Option => ("--key", "--key"),
        Given::Env => ("MPCHECK_UPLOAD_KEY", "MPCHECK_UPLOAD_KEY"),
        other => (other.describe(), other.describe_zh()),
    };
    if !path.exists() && looks_like_key_content(path.as_os_str()) {
        // The key itself where its path belongs (a CI secret put straight into the variable):
        // its content must not reach the log, so nothing of the value is shown.
        return Some(key_content_given(
            ctx,
            (from_en, from_zh),
            path.as_os_str().len(),
        ));
    }
    let download_help = ctx.t(
        format!("check the path; {DOWNLOAD_EN}"),
        format!("请检查路径；{DOWNLOAD_ZH}"),
    );
    let (en, zh, help) = match crate::base::fsread::read_capped(path, KEY_SIZE_CAP) {
        Err(e) => {
            let (en, zh) = match &e {
                ReadError::NotFound => ("does not exist".to_string(), "不存在".to_string()),
                ReadError::Folder => (
                    "is a folder, not a file".to_string(),
                    "是目录而不是文件".to_string(),
                ),
                ReadError::TooLarge { size, limit } => (
                    format!("is {size} bytes, over the {limit}-byte cap: not a key file"),
                    format!("大小为 {size} 字节，超过 {limit} 字节的上限：不是密钥文件"),
                ),
                other => (other.describe(), format!("无法读取（{}）", other.describe())),
            };
            (en, zh, download_help)
        }
        Ok(bytes) => match inspect(&bytes) {
            Ok(()) => return None,
            Err(KeyProblem::NotPem) => (
                "is not a PEM file (no -----BEGIN ... PRIVATE KEY----- line)".to_string(),
                "不是 PEM 文件（没有 -----BEGIN ... PRIVATE KEY----- 行）".to_string(),
                ctx.t(
                    format!("give the code-upload key in PEM: {DOWNLOAD_EN}; a binary (DER) RSA key converts with openssl pkey -inform DER -in KEY -out key.pem"),
                    format!("{DOWNLOAD_ZH}；二进制（DER）RSA 密钥可用 openssl pkey -inform DER -in KEY -out key.pem 转换"),
                ),
            ),
            Err(KeyProblem::NotPrivateKey(label)) => (
                format!("holds a PEM \"{label}\" block but no private key"),
                format!("包含 PEM \"{label}\" 块，但没有私钥"),
                ctx.t(
                    format!("give the private key, not a certificate or public key; {DOWNLOAD_EN}"),
                    format!("请使用私钥，而不是证书或公钥；{DOWNLOAD_ZH}"),
                ),
            ),
            Err(KeyProblem::Encrypted) => (
                "is encrypted with a passphrase, and miniprogram-ci has no way to pass one".to_string(),
                "已用口令加密，而 miniprogram-ci 无法传入口令".to_string(),
                ctx.t(
                    "decrypt it into a file kept as a CI secret: openssl pkey -in KEY -out key.pem (PKCS#8) or openssl rsa -in KEY -out key.pem -traditional (PKCS#1)".into(),
                    "请解密后作为 CI 密钥保存：openssl pkey -in KEY -out key.pem（PKCS#8）或 openssl rsa -in KEY -out key.pem -traditional（PKCS#1）".into(),
                ),
            ),
            Err(KeyProblem::NotRsa(kind, kind_zh)) => (
                format!("is {kind}, not an RSA private key (PKCS#1, or PKCS#8 rsaEncryption)"),
                format!("是{kind_zh}，不是 RSA 私钥（PKCS#1，或 PKCS#8 rsaEncryption）"),
                ctx.t(
                    format!("the code-upload key is an RSA key: {DOWNLOAD_EN}; download it again there (重置 makes a new one)"),
                    format!("代码上传密钥是 RSA 密钥：{DOWNLOAD_ZH}；请在该处重新下载（重置会生成新密钥）"),
                ),
            ),
            Err(KeyProblem::BadPem) => (
                "is a PEM block that does not decode (no END line, or a body that is not base64)".to_string(),
                "PEM 块无法解码（缺少 END 行，或内容不是 base64）".to_string(),
                ctx.t(
                    format!("the file is damaged, often by an incomplete copy into a CI secret; {DOWNLOAD_EN}"),
                    format!("文件已损坏（常因复制到 CI 密钥时不完整）；{DOWNLOAD_ZH}"),
                ),
            ),
            Err(KeyProblem::BadDer(what)) => (
                format!("is PEM, but its content is not a valid {what}"),
                format!("是 PEM 文件，但内容不是有效的 {what}"),
                ctx.t(
                    format!("the file is damaged, often by an incomplete copy into a CI secret; {DOWNLOAD_EN}"),
                    format!("文件已损坏（常因复制到 CI 密钥时不完整）；{DOWNLOAD_ZH}"),
                ),
            ),
        },
    };
    Some(bad_key(ctx, path, (from_en, from_zh), (en, zh), help))
}

#[cfg(test)]
mod tests {
    use super::{KeyProblem, inspect};

    fn fixture(case: &str, file: &str) -> String {
        crate::base::test_support::case_file("MP604", case, file)
    }

    #[test]
    fn accepts_rsa_keys_as_openssl_reads_them() {
        let pkcs1 = fixture("pass-pkcs1", "key.pem");
        assert_eq!(inspect(pkcs1.as_bytes()), Ok(()));
        assert_eq!(inspect(fixture("pass-pkcs8", "key.pem").as_bytes()), Ok(()));
        // CRLF line ends, indentation, and the body re-wrapped at 76 columns.
        let crlf = pkcs1.replace('\n', "\r\n");
        assert_eq!(inspect(crlf.as_bytes()), Ok(()));
        let mut lines = pkcs1.lines();
        let (begin, mut body, mut end) = (lines.next().unwrap(), String::new(), "");
        for l in lines {
            if l.starts_with("-----END") {
                end = l;
            } else {
                body.push_str(l);
            }
        }
        let wrapped: Vec<String> = body
            .as_bytes()
            .chunks(76)
            .map(|c| format!("  {}", String::from_utf8_lossy(c)))
            .collect();
        let rewrapped = format!("{begin}\n{}\n{end}\n", wrapped.join("\n"));
        assert_eq!(inspect(rewrapped.as_bytes()), Ok(()));
    }

    #[test]
    fn names_what_is_wrong() {
        assert_eq!(inspect(b""), Err(KeyProblem::NotPem));
        assert_eq!(inspect(&[0x30, 0x82, 0x02, 0x5c]), Err(KeyProblem::NotPem));
        assert_eq!(
            inspect(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
            Err(KeyProblem::NotPrivateKey("PUBLIC KEY".into()))
        );
        assert_eq!(
            inspect(fixture("fail-encrypted-pkcs1", "key.pem").as_bytes()),
            Err(KeyProblem::Encrypted)
        );
        assert_eq!(
            inspect(fixture("fail-encrypted-pkcs8", "key.pem").as_bytes()),
            Err(KeyProblem::Encrypted)
        );
        assert!(matches!(
            inspect(fixture("fail-ed25519", "key.pem").as_bytes()),
            Err(KeyProblem::NotRsa(en, _)) if en.contains("Ed25519")
        ));
        assert!(matches!(
            inspect(b"-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----"),
            Err(KeyProblem::NotRsa(en, _)) if en.contains("OpenSSH")
        ));
        assert_eq!(
            inspect(fixture("fail-truncated", "key.pem").as_bytes()),
            Err(KeyProblem::BadPem)
        );
        assert_eq!(
            inspect(b"-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"),
            Err(KeyProblem::BadDer("PKCS#8 PrivateKeyInfo"))
        );
    }
}
