#!/usr/bin/env python3
"""Alternating A/B runner for two builds of baocao (or any two commands):
runs them in turn, the order swapped every pair, N pairs, and prints for
wall time and for CPU time (user + system, from getrusage) the median of
each and the median of the paired differences (B - A). Alternating keeps the drift of a shared VM out of
the difference, which separate hyperfine runs cannot.

    benches/ab.py PAIRS "OLD_BIN year-end SEED -o a.pdf" "NEW_BIN year-end SEED -o b.pdf"
"""
import resource, statistics, subprocess, sys, time

n = int(sys.argv[1]); a = sys.argv[2].split(); b = sys.argv[3].split()

def one(cmd):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    s = time.perf_counter()
    subprocess.run(cmd, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - s
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall * 1000, cpu * 1000

for _ in range(20):
    one(a); one(b)
res = {"A": [], "B": []}
for i in range(n):
    for name, cmd in ((("A", a), ("B", b)) if i % 2 == 0 else (("B", b), ("A", a))):
        res[name].append(one(cmd))
for k, label in ((0, "wall"), (1, "cpu ")):
    ta = [r[k] for r in res["A"]]; tb = [r[k] for r in res["B"]]
    d = [y - x for x, y in zip(ta, tb)]
    q = statistics.quantiles(d, n=4)
    print(f"{label}: pairs {n}: A median {statistics.median(ta):.3f} ms, B median {statistics.median(tb):.3f} ms, "
          f"paired B-A median {statistics.median(d):+.3f} ms (IQR {q[0]:+.3f} .. {q[2]:+.3f})")
