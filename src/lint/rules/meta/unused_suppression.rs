//! MP004: a suppression that suppresses nothing: an inline `mpcheck-disable…` directive or an
//! `ignores` entry in mpcheck.json whose rules are enabled but found nothing there, or that
//! names a rule that does not exist. Stale suppressions hide the next real finding.
//! (The engine produces these after applying suppressions; this rule only carries the metadata.)

use crate::lint::rule::Rule;

crate::declare_rule! {
    UnusedSuppression, code: "MP004", name: "unused-suppression", group: Meta, severity: Warning,
    summary: ["A suppression directive or ignores entry suppresses nothing", "抑制注释或 ignores 配置没有抑制任何问题"],
}

impl Rule for UnusedSuppression {}
