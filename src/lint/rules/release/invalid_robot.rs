//! MP605: `mpcheck release --robot` is not one of miniprogram-ci's choices, `"1"` … `"30"`
//! (as written: yargs compares strings, so `01` and ` 1` are refused too).

use super::quoted;
use crate::base::diagnostic::{ARGUMENTS, Diagnostic};
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidRobot, code: "MP605", name: "invalid-robot", group: Release, severity: Error,
    summary: ["The upload robot is not a whole number from 1 to 30", "上传机器人编号不是 1 到 30 之间的整数"],
}

/// Whether `robot` is one of `"1"` … `"30"`, as written.
fn is_robot(robot: &str) -> bool {
    !robot.starts_with('0')
        && robot.len() <= 2
        && robot.bytes().all(|b| b.is_ascii_digit())
        && robot.parse::<u8>().is_ok_and(|n| (1..=30).contains(&n))
}

/// The finding at the arguments when `--robot` is not one of `"1"` … `"30"`.
fn invalid_robot(ctx: &Ctx, robot: &str) -> Diagnostic {
    let r = quoted(robot);
    let (en, zh) = if robot.starts_with('0') && robot.len() > 1 {
        (
            format!(
                "--robot {r} has a leading zero; miniprogram-ci takes \"1\" … \"30\" as written"
            ),
            format!("--robot {r} 以 0 开头；miniprogram-ci 只接受 \"1\" … \"30\" 这样的写法"),
        )
    } else {
        (
            format!("--robot {r} is not a whole number from 1 to 30"),
            format!("--robot {r} 不是 1 到 30 之间的整数"),
        )
    };
    Diagnostic::new(&META, ARGUMENTS, None, ctx.t(en, zh)).help(ctx.t(
        "pass a robot number from 1 to 30, or leave --robot out for 1".into(),
        "请传入 1 到 30 之间的机器人编号，或省略 --robot（默认为 1）".into(),
    ))
}

impl Rule for InvalidRobot {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(args) = ctx.release else { return };
        if is_robot(&args.robot) {
            return;
        }
        out.push(invalid_robot(ctx, &args.robot));
    }
}

#[cfg(test)]
mod tests {
    use super::is_robot;

    #[test]
    fn robots() {
        for ok in ["1", "9", "10", "30"] {
            assert!(is_robot(ok), "{ok}");
        }
        for bad in [
            "",
            "0",
            "31",
            "01",
            " 1",
            "1 ",
            "+1",
            "1.0",
            "-1",
            "99999999999",
            "一",
        ] {
            assert!(!is_robot(bad), "{bad}");
        }
    }
}
