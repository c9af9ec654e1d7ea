//! Applying fixes: non-overlapping edits of the fixes the run may apply
//! (the safe ones, or with `--unsafe-fixes` the suggestions too), all edits
//! of one fix or none. Display-only fixes are never applied.
//!
//! Edits are applied to the file's bytes (not the decoded text), so bytes
//! outside the edits — even invalid UTF-8 — are kept exactly.
//!
//! Writing: a file is replaced atomically (a temporary file renamed over
//! it), through a symbolic link to its target, with its permissions, and
//! only if it still holds the bytes the fixes were made from.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Span};
use std::io::{self, Write};
use std::path::Path;

/// Which fixes a run applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FixOptions {
    /// Apply the unsafe fixes (suggestions) too, as `--unsafe-fixes` asks.
    pub unsafe_fixes: bool,
}

impl FixOptions {
    /// The least applicability a fix must have to be applied.
    pub fn threshold(self) -> Applicability {
        if self.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        }
    }

    /// Whether this run applies `fix`.
    pub fn applies(self, fix: &Fix) -> bool {
        fix.applicability >= self.threshold()
    }
}

/// Apply every safe fix of `diagnostics` that does not overlap an earlier one.
/// Returns the new bytes and the number of fixes applied.
pub fn apply(bytes: &[u8], diagnostics: &[Diagnostic]) -> (Vec<u8>, usize) {
    let (out, applied, _) = apply_protected(bytes, diagnostics, &[], FixOptions::default());
    (out, applied)
}

/// Like [`apply`], with the fixes `options` allows, but skips fixes that
/// touch a `protected` span (text that an earlier round of fixes wrote: one
/// fix's output is never another's input). Also returns the spans the
/// applied edits wrote, in the new bytes, together with the protected spans
/// carried over to the new bytes.
pub fn apply_protected(
    bytes: &[u8],
    diagnostics: &[Diagnostic],
    protected: &[Span],
    options: FixOptions,
) -> (Vec<u8>, usize, Vec<Span>) {
    let chosen = choose(bytes.len(), diagnostics, protected, options);
    let applied = chosen.len();
    let edits: Vec<&Edit> = chosen.into_iter().flat_map(|(_, edits)| edits).collect();
    let mut out = Vec::with_capacity(bytes.len());
    let mut pos = 0;
    let mut written = Vec::new();
    // (old offset, shift) pairs to carry protected spans over.
    let mut shifts: Vec<(usize, isize)> = Vec::new();
    let mut shift: isize = 0;
    for e in &edits {
        out.extend_from_slice(&bytes[pos..e.span.start]);
        let start = out.len();
        out.extend_from_slice(e.replacement.as_bytes());
        written.push(Span::new(start, out.len()));
        pos = e.span.end;
        shift += e.replacement.len() as isize - e.span.len() as isize;
        shifts.push((e.span.end, shift));
    }
    out.extend_from_slice(&bytes[pos..]);
    let map = |p: usize| -> usize {
        let i = shifts.partition_point(|&(end, _)| end <= p);
        let s = if i == 0 { 0 } else { shifts[i - 1].1 };
        (p as isize + s).max(0) as usize
    };
    for p in protected {
        written.push(Span::new(map(p.start), map(p.end).max(map(p.start))));
    }
    (out, applied, written)
}

/// The fixes one round applies to a text of `len` bytes, with their edits
/// in order: those `options` allows, touching no `protected` span, taken
/// by position, none overlapping an earlier one (all edits of a fix or
/// none). [`apply_protected`] applies them; front ends that report what a
/// round changed ask for them.
pub fn choose<'a>(
    len: usize,
    diagnostics: &'a [Diagnostic],
    protected: &[Span],
    options: FixOptions,
) -> Vec<(&'a Diagnostic, Vec<&'a Edit>)> {
    let touches = |f: &Fix| {
        f.edits.iter().any(|e| {
            // (A deletion wrote no text: a fix the deletion made possible,
            // `we\u{200b}llKim` → `wellKim`, may span the place.)
            protected
                .iter()
                .filter(|p| p.start < p.end)
                .any(|p| e.span.start < p.end && p.start < e.span.end.max(e.span.start + 1))
        })
    };
    let mut fixes: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref().map(|f| (d, f)))
        .filter(|(_, f)| options.applies(f) && !f.edits.is_empty())
        .filter(|(_, f)| !touches(f))
        .collect();
    fixes.sort_by_key(|(_, f)| f.edits.iter().map(|e| e.span.start).min());
    let mut chosen = Vec::new();
    let mut last_end = 0usize;
    for (d, fix) in fixes {
        let mut mine: Vec<_> = fix.edits.iter().collect();
        mine.sort_by_key(|e| (e.span.start, e.span.end));
        let starts_after = mine.first().is_some_and(|e| e.span.start >= last_end);
        let disjoint = mine.windows(2).all(|w| w[0].span.end <= w[1].span.start);
        let in_bounds = mine.iter().all(|e| e.span.end <= len);
        if !(starts_after && disjoint && in_bounds) {
            continue;
        }
        last_end = mine.last().map_or(last_end, |e| e.span.end);
        chosen.push((d, mine));
    }
    chosen
}

/// Write `contents` to `path` atomically: a temporary file in the same folder,
/// flushed, given the original's permissions (and, on Unix, its owner where
/// the process may set it), then renamed over the original. A symbolic link
/// is written through: its target is replaced and the link stays a link. A
/// read-only file is not written (`PermissionDenied`).
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    replace(path, contents, |_| Ok(()))
}

/// Why fixes were not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file changed after it was read (an editor saved it, another
    /// hook rewrote it): writing would lose that change, so it is left as
    /// it is.
    Changed,
    Io(io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => f.write_str(
                "the file changed after it was read; fixes not written (run again to fix it)",
            ),
            WriteError::Io(e) => write!(f, "could not write fixes: {e}"),
        }
    }
}

/// Write fixed `contents` over `path` (as [`write_atomic`]), unless the file
/// no longer holds `original`, the bytes the fixes were made from. The file
/// is compared again just before the temporary file is renamed over it.
pub fn write_fixed(path: &Path, original: &[u8], contents: &[u8]) -> Result<(), WriteError> {
    let mut changed = false;
    let result = replace(path, contents, |target| {
        let now = match crate::input::read_capped(target, original.len() as u64) {
            Ok(now) => now,
            Err(e) if e.kind() == io::ErrorKind::FileTooLarge => Vec::new(),
            Err(e) => return Err(e),
        };
        changed = now != original;
        match changed {
            true => Err(io::Error::other("changed")),
            false => Ok(()),
        }
    });
    match result {
        Ok(()) => Ok(()),
        Err(_) if changed => Err(WriteError::Changed),
        Err(e) => Err(WriteError::Io(e)),
    }
}

/// Replace the file `path` points to with `contents`, after `check` (given
/// the real path) accepts it; the temporary file is removed otherwise.
fn replace(
    path: &Path,
    contents: &[u8],
    check: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let target = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(e) if e.kind() == io::ErrorKind::NotFound => path.to_path_buf(),
        Err(e) => return Err(e),
    };
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    // A read-only file stays as it is, though its folder would let the
    // rename through (and root may write anything).
    if std::fs::metadata(&target).is_ok_and(|m| m.permissions().readonly()) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".copydesk-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(&target) {
        tmp.as_file().set_permissions(meta.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Only a privileged process may give a file away: elsewhere the
            // new file keeps the writer's owner, as any editor's save does.
            let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()));
        }
    }
    check(&target)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Edit, Fix, Severity};

    fn diag(start: usize, end: usize, rep: &str) -> Diagnostic {
        Diagnostic {
            rule: "r".into(),
            severity: Severity::Warning,
            span: Span::new(start, end),
            message: String::new(),
            note: None,
            labels: vec![],
            fix: Some(Fix::safe(
                "t",
                vec![Edit {
                    span: Span::new(start, end),
                    replacement: rep.into(),
                }],
            )),
        }
    }

    #[test]
    fn applies_non_overlapping_in_order() {
        let (out, n) = apply(
            b"abcdef",
            &[diag(4, 5, "E"), diag(0, 1, "A"), diag(0, 2, "X")],
        );
        assert_eq!(out, b"AbcdEf");
        assert_eq!(n, 2);
    }

    #[test]
    fn keeps_invalid_bytes_outside_edits() {
        let (out, _) = apply(b"a\xffb c", &[diag(3, 4, "")]);
        assert_eq!(out, b"a\xffbc");
    }

    #[test]
    fn display_only_is_not_applied() {
        let mut d = diag(0, 1, "Z");
        d.fix.as_mut().unwrap().applicability = crate::diagnostic::Applicability::DisplayOnly;
        assert_eq!(apply(b"abc", &[d]).0, b"abc");
    }

    /// An unsafe fix (a suggestion) is applied only when the run asks
    /// for unsafe fixes; a display-only fix never.
    #[test]
    fn unsafe_fixes_are_applied_only_on_request() {
        let mut unsafe_fix = diag(0, 1, "U");
        unsafe_fix.fix.as_mut().unwrap().applicability = Applicability::Unsafe;
        let mut shown = diag(2, 3, "D");
        shown.fix.as_mut().unwrap().applicability = Applicability::DisplayOnly;
        let diags = [unsafe_fix, shown, diag(4, 5, "S")];
        let run = |unsafe_fixes| {
            let (out, n, _) = apply_protected(b"abcdef", &diags, &[], FixOptions { unsafe_fixes });
            (String::from_utf8(out).unwrap(), n)
        };
        assert_eq!(run(false), ("abcdSf".to_string(), 1));
        assert_eq!(run(true), ("UbcdSf".to_string(), 2));
    }

    #[test]
    fn atomic_write_replaces_contents() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("draft.txt");
        std::fs::write(&p, "old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn fixes_are_not_written_over_a_file_that_changed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("draft.txt");
        std::fs::write(&p, "saved by the editor meanwhile").unwrap();
        let err = write_fixed(&p, b"what copydesk read", b"fixed").unwrap_err();
        assert!(matches!(err, WriteError::Changed), "{err}");
        assert_eq!(std::fs::read(&p).unwrap(), b"saved by the editor meanwhile");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // A file that grew or shrank changed too; one that did not is written.
        std::fs::write(&p, "what copydesk read, and more").unwrap();
        assert!(write_fixed(&p, b"what copydesk read", b"x").is_err());
        std::fs::write(&p, "what copydesk read").unwrap();
        write_fixed(&p, b"what copydesk read", b"fixed").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"fixed");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_with_the_targets_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_fixed(&link, b"old", b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[test]
    fn a_read_only_file_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("draft.txt");
        std::fs::write(&p, "old").unwrap();
        let mut perms = std::fs::metadata(&p).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&p, perms).unwrap();
        let err = write_fixed(&p, b"old", b"new").unwrap_err();
        assert_eq!(
            err.to_string(),
            "could not write fixes: the file is read-only"
        );
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn protected_spans_are_skipped_and_carried_over() {
        let (out, n, written) =
            apply_protected(b"aa XX bb", &[diag(3, 5, "Y")], &[], FixOptions::default());
        assert_eq!((out.as_slice(), n), (&b"aa Y bb"[..], 1));
        assert_eq!(written, [Span::new(3, 4)]);
        // A later fix over the written text is skipped; one elsewhere applies, and the
        // protected span moves with the text.
        let (out, n, written) = apply_protected(
            &out,
            &[diag(0, 2, "A"), diag(3, 4, "")],
            &written,
            FixOptions::default(),
        );
        assert_eq!((out.as_slice(), n), (&b"A Y bb"[..], 1));
        assert_eq!(written, [Span::new(0, 1), Span::new(2, 3)]);
    }
}
