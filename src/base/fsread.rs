//! Reading files with a boundary and a budget: only regular files, never more than a cap, and
//! (for files named by the project) never through a link that leaves the project folder.

use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    /// A folder where a file was expected.
    Folder,
    /// A FIFO, socket or device: opening it could block or never end.
    NotRegular,
    /// Larger than the cap (the size on disk, or the cap when the size is unknown).
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// A symlink (or a path through one) that resolves outside the project folder.
    Outside,
    Io(String),
}

impl ReadError {
    /// A short English description, without the path.
    pub fn describe(&self) -> String {
        match self {
            ReadError::NotFound => "not found".into(),
            ReadError::Folder => "is a folder, not a file".into(),
            ReadError::NotRegular => "is not a regular file (a pipe, socket or device)".into(),
            ReadError::TooLarge { size, limit } => {
                format!("is too large ({size} bytes; the limit is {limit})")
            }
            ReadError::Outside => "is a link to a place outside the project folder".into(),
            ReadError::Io(e) => format!("cannot be read: {e}"),
        }
    }
}

/// The largest mpcheck.json, `--config` or `--domains` file read.
pub const MAX_CONFIG_BYTES: u64 = 4 * 1024 * 1024;

/// Reads the regular file at `path`, at most `limit` bytes: as long as it was when opened (a
/// file that grows meanwhile is read up to that size, within the cap). Symlinks are followed;
/// see [`read_inside`].
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Opened first, then asked what it is: one path lookup instead of two (a check reads
    // thousands of files). Non-blocking, so that opening a FIFO returns at once; the file's
    // own metadata then refuses it.
    // Elsewhere a folder cannot be opened (Windows): asked by path first, as it always was.
    #[cfg(not(unix))]
    {
        let meta = std::fs::metadata(path).map_err(io_error)?;
        if meta.is_dir() {
            return Err(ReadError::Folder);
        }
        if !meta.is_file() {
            return Err(ReadError::NotRegular);
        }
    }
    read_open(open_nonblocking(path).map_err(io_error)?, limit)
}

/// A folder opened once, whose files are then opened by their path relative to it: one lookup
/// per name below the folder instead of one per component from `/` (a check opens every file
/// of the project).
pub struct Folder {
    path: std::path::PathBuf,
    #[cfg(unix)]
    handle: Option<std::fs::File>,
}

impl Folder {
    /// `path` must be a folder; if it cannot be opened, files are opened by their full path.
    pub fn open(path: &Path) -> Folder {
        #[cfg(unix)]
        let handle = {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_DIRECTORY)
                .open(path)
                .ok()
        };
        Folder {
            path: path.to_path_buf(),
            #[cfg(unix)]
            handle,
        }
    }

    /// [`read_capped`] for `rel`, a `/`-separated path below the folder (symlinks followed).
    pub fn read_capped(&self, rel: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
        #[cfg(unix)]
        if let Some(dir) = &self.handle
            && !rel.is_empty()
            && !rel.starts_with('/')
            && let Ok(c_rel) = std::ffi::CString::new(rel)
        {
            use std::os::fd::{AsRawFd, FromRawFd};
            // SAFETY: `dir` is an open folder and `c_rel` a NUL-terminated path; the returned
            // descriptor is owned by the `File` made from it.
            let fd = unsafe {
                libc::openat(
                    dir.as_raw_fd(),
                    c_rel.as_ptr(),
                    libc::O_RDONLY | libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC,
                )
            };
            if fd < 0 {
                return Err(io_error(std::io::Error::last_os_error()));
            }
            return read_open(unsafe { std::fs::File::from_raw_fd(fd) }, limit);
        }
        read_capped(&self.path.join(rel), limit)
    }
}

/// The checks of [`read_capped`] on an opened file, then its bytes.
fn read_open(file: std::fs::File, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = file.metadata().map_err(io_error)?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    if meta.len() > 0 {
        // As long as it was: one read, no second one to find the end.
        file.take(meta.len())
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
        return Ok(bytes);
    }
    // Size unknown (0 for some special file systems): read to the end, within the cap.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Like [`read_capped`], for a file the project names: the path must resolve (symlinks
/// included) inside `root`, the canonical project folder.
pub fn read_inside(root: &Path, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    check_inside(root, path)?;
    read_capped(path, limit)
}

/// `Ok` when `path` exists and resolves inside the canonical folder `root`.
pub fn check_inside(root: &Path, path: &Path) -> Result<(), ReadError> {
    let real = path.canonicalize().map_err(io_error)?;
    if real.starts_with(root) {
        Ok(())
    } else {
        Err(ReadError::Outside)
    }
}

/// Whether something is at `path` (a broken link counts: it is there, and unreadable).
pub fn is_present(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

fn io_error(e: std::io::Error) -> ReadError {
    if e.kind() == std::io::ErrorKind::NotFound {
        ReadError::NotFound
    } else {
        ReadError::Io(e.to_string())
    }
}

/// Writes `file` as a new file: a temporary file in the same folder, renamed over the path. A
/// symlink at the path is replaced, never followed (a report must not land wherever a link in
/// a shared folder points); a regular file keeps its permissions. A device, FIFO or socket
/// (`/dev/null`, a named pipe), a link to one, and anything under `/dev` or `/proc` (where
/// `/dev/stdout` is a link to whatever stdout is, a regular file included) are written to
/// as they are.
pub fn write_replacing(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let special = std::fs::metadata(file).is_ok_and(|m| !m.is_file() && !m.is_dir());
    let system = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .and_then(|d| d.canonicalize().ok())
        .is_some_and(|d| d.starts_with("/dev") || d.starts_with("/proc"));
    if special || system {
        return std::fs::write(file, bytes);
    }
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = file
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let existing = std::fs::symlink_metadata(file).ok();
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a folder",
        ));
    }
    let mut attempt = 0u32;
    let (tmp, mut handle) = loop {
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".mpcheck-{}-{attempt}.tmp", std::process::id()));
        let tmp = dir.join(tmp_name);
        // create_new: fails on anything already there, a symlink included.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(h) => break (tmp, h),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let written = handle
        .write_all(bytes)
        .and_then(|_| handle.flush())
        .and_then(|_| match &existing {
            Some(m) if m.is_file() => std::fs::set_permissions(&tmp, m.permissions()),
            _ => Ok(()),
        })
        .and_then(|_| {
            drop(handle);
            std::fs::rename(&tmp, file)
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_and_file_types() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.json");
        std::fs::write(&f, b"0123456789").unwrap();
        assert_eq!(read_capped(&f, 10).unwrap(), b"0123456789");
        assert_eq!(
            read_capped(&f, 9),
            Err(ReadError::TooLarge { size: 10, limit: 9 })
        );
        assert_eq!(read_capped(dir.path(), 9), Err(ReadError::Folder));
        assert_eq!(
            read_capped(&dir.path().join("nope"), 9),
            Err(ReadError::NotFound)
        );
        // A device that never ends is refused before it is opened.
        assert_eq!(
            read_capped(Path::new("/dev/zero"), 9),
            Err(ReadError::NotRegular)
        );
    }

    /// Files read through an opened folder answer as the same files read by path.
    #[test]
    fn folder_reads_match_path_reads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("pages/a")).unwrap();
        std::fs::write(dir.path().join("pages/a/index.js"), b"Page({})").unwrap();
        std::fs::write(dir.path().join("empty.js"), b"").unwrap();
        std::os::unix::fs::symlink("pages/a/index.js", dir.path().join("link.js")).unwrap();
        let folder = Folder::open(dir.path());
        for (rel, limit) in [
            ("pages/a/index.js", 100),
            ("pages/a/index.js", 8),
            ("pages/a/index.js", 7),
            ("empty.js", 0),
            ("link.js", 100),
            ("pages/a", 100),
            ("pages/nope.js", 100),
            ("", 100),
        ] {
            assert_eq!(
                folder.read_capped(rel, limit),
                read_capped(&dir.path().join(rel), limit),
                "{rel} {limit}"
            );
        }
        assert_eq!(folder.read_capped("link.js", 100).unwrap(), b"Page({})");
        assert_eq!(
            folder.read_capped("pages/a/index.js", 7),
            Err(ReadError::TooLarge { size: 8, limit: 7 })
        );
        // A FIFO is refused, not waited on.
        let fifo = std::ffi::CString::new(dir.path().join("pipe").to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        assert_eq!(folder.read_capped("pipe", 100), Err(ReadError::NotRegular));
        // A folder that cannot be opened: files are read by their full path.
        let gone = Folder::open(&dir.path().join("nope"));
        assert_eq!(gone.read_capped("x.js", 100), Err(ReadError::NotFound));
    }

    #[test]
    fn links_out_of_the_root_are_refused() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("p");
        std::fs::create_dir(&root).unwrap();
        std::fs::write(outer.path().join("secret"), b"x").unwrap();
        std::os::unix::fs::symlink("../secret", root.join("link.json")).unwrap();
        std::fs::write(root.join("in.json"), b"{}").unwrap();
        let root = root.canonicalize().unwrap();
        assert_eq!(
            read_inside(&root, &root.join("link.json"), 100),
            Err(ReadError::Outside)
        );
        assert_eq!(
            read_inside(&root, &root.join("in.json"), 100).unwrap(),
            b"{}"
        );
    }
}
