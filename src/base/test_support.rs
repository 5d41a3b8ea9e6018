//! For unit tests: a file of a rule case (`fixtures/rules/<CODE>/<case>.txt`, see
//! `fixtures/rules/README.md`), read from its plain `--- path` section.

/// The text of `file` in case `<code>/<case>` (a section without options).
pub fn case_file(code: &str, case: &str, file: &str) -> String {
    let path = format!(
        "{}/fixtures/rules/{code}/{case}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let marker = format!("--- {file}\n");
    let at = if text.starts_with(&marker) {
        0
    } else {
        text.find(&format!("\n{marker}"))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("{path}: no section {marker:?}"))
    };
    let body = &text[at + marker.len()..];
    let end = body.find("\n--- ").map_or(body.len(), |i| i + 1);
    body[..end].to_string()
}

/// A small deterministic generator (xorshift) for the randomized equivalence tests.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Fewer than `max` items of `pieces`, picked at random.
    pub fn pieces<'a>(&mut self, pieces: &[&'a str], max: u64) -> Vec<&'a str> {
        let n = self.next_u64() % max;
        (0..n)
            .map(|_| pieces[(self.next_u64() % pieces.len() as u64) as usize])
            .collect()
    }
}
