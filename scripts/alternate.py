#!/usr/bin/env python3
"""alternate.py N name=cmd ... : runs the commands in alternation N times (after
one warm-up round); prints the median wall and CPU (user+system) time of each
and its ratio to the first command. Used by scripts/engine-bench.sh."""
import resource, statistics, subprocess, sys, time
n = int(sys.argv[1])
cmds = [a.split('=', 1) for a in sys.argv[2:]]
wall = {k: [] for k, _ in cmds}; cpu = {k: [] for k, _ in cmds}
for i in range(n + 1):
    for k, c in cmds:
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        p = subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        t1 = time.perf_counter()
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        if p.returncode > 1:
            sys.exit(f"{k}: exit {p.returncode}: {p.stderr.decode()[:300]}")
        if i == 0:
            continue
        wall[k].append(t1 - t0)
        cpu[k].append((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
base = cmds[0][0]
bw, bc = statistics.median(wall[base]), statistics.median(cpu[base])
print(f"{'command':16} {'wall median':>12} {'ratio':>6} {'cpu median':>11} {'ratio':>6}")
for k, _ in cmds:
    w, c = statistics.median(wall[k]), statistics.median(cpu[k])
    print(f"{k:16} {w*1000:10.1f}ms {w/bw:6.2f} {c*1000:9.1f}ms {c/bc:6.2f}")
