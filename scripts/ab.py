#!/usr/bin/env python3
"""Interleaved timing of commands: `scripts/ab.py N 'CMD A' 'CMD B' ...`.

Runs each command once per round, N rounds, alternating, and prints per command the median
wall time, user and system CPU, and peak RSS (from wait4). On a shared machine whose speed
drifts by 10-20 % within a minute, alternating compares binaries more fairly than hyperfine's
back-to-back runs. A command may start with VAR=value assignments. The RSS of a forked child
counts the launcher's own pages until it execs: figures below that floor print as `<floor`
(use GNU time, as scripts/bench-budget.sh does, for a small one).
"""
import os
import resource
import shlex
import statistics
import sys
import time


def run(cmd):
    args = shlex.split(cmd)
    env = dict(os.environ)
    while args and "=" in args[0] and not args[0].startswith("="):
        key, value = args.pop(0).split("=", 1)
        env[key] = value
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        try:
            os.execvpe(args[0], args, env)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    return wall * 1000, usage.ru_utime * 1000, usage.ru_stime * 1000, usage.ru_maxrss / 1024


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds, commands = int(sys.argv[1]), sys.argv[2:]
    for cmd in commands:  # warm-up
        run(cmd)
    results = {cmd: [] for cmd in commands}
    for _ in range(rounds):
        for cmd in commands:
            results[cmd].append(run(cmd))
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for cmd in commands:
        med = [statistics.median(r[k] for r in results[cmd]) for k in range(4)]
        rss = f"{med[3]:6.1f}" if med[3] > floor + 1 else f"<{floor:5.0f}"
        print(f"{med[0]:8.1f} ms  user {med[1]:7.1f}  sys {med[2]:7.1f}  RSS {rss} MB  {cmd}")


if __name__ == "__main__":
    main()
