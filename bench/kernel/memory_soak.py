#!/usr/bin/env python3
"""Memory soak (issue 14, item 5): does a kernel's resident memory stay flat through a lecture's worth of cells?

For each kernel spec given (found through JUPYTER_PATH), one kernel process, driven by jupyter_client:
  1. WARMUP trivial cells (engine and compiler warm-up; not counted),
  2. TRIVIAL trivial cells (`1 + 1`), RSS sampled every SAMPLE cells,
  3. CHARTS chart cells (C#: a chapter-style contour chart, `Plot.Contour(new Rosenbrock(2))`, about 0.5 MB of
     plotly JSON each; Python: a matplotlib-free stand-in, a 0.5 MB JSON display), RSS sampled every few cells.
RSS is the resident set of the kernel process and its children (/proc via psutil). MB per cell is the least-squares
slope of RSS over the cell index (robust to one GC's step), and also (end - start) / cells.
Prints the machine, the load average before and after, a Markdown table and the raw samples as JSON.

    memory_soak.py KERNEL[:LANG] ...   LANG is csharp or python (default: csharp unless the name contains "python")
Environment: WARMUP (default 50), TRIVIAL (2000), CHARTS (100), SAMPLE (50).
"""
import json
import os
import platform
import sys
import time

import psutil
from jupyter_client import KernelManager

from kernel_bench import wait_idle_and_reply  # the same reply-and-idle wait as the latency bench

WARMUP = int(os.environ.get("WARMUP", "50"))
TRIVIAL = int(os.environ.get("TRIVIAL", "2000"))
CHARTS = int(os.environ.get("CHARTS", "100"))
SAMPLE = int(os.environ.get("SAMPLE", "50"))
TIMEOUT = 180

CELLS = {
    "csharp": {"trivial": "1 + 1", "chart": "Plot.Contour(new Rosenbrock(2))"},
    # ipykernel has no chart library here; a display of comparable size exercises the same output path.
    "python": {"trivial": "1 + 1",
               "chart": "from IPython.display import display, JSON\n"
                        "display(JSON({'data': [{'z': [[i * j for j in range(101)] for i in range(101)]}]}))"},
}


def rss_mb(pid):
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return float("nan")
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


def kernel_pid(km):
    provisioner = getattr(km, "provisioner", None)
    process = getattr(provisioner, "process", None) or getattr(km, "kernel", None)
    return process.pid


def run_cell(kc, code):
    msg_id = kc.execute(code)
    reply = wait_idle_and_reply(kc, msg_id, time.monotonic() + TIMEOUT)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell {code!r} failed: {reply['content']}")


def slope(points):
    """Least-squares slope of (cell, MB) points: MB per cell."""
    n = len(points)
    if n < 2:
        return float("nan")
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else float("nan")


def phase(kc, pid, code, cells, every):
    points = [(0, rss_mb(pid))]
    t0 = time.monotonic()
    for i in range(1, cells + 1):
        run_cell(kc, code)
        if i % every == 0 or i == cells:
            points.append((i, rss_mb(pid)))
    return {"cells": cells, "seconds": time.monotonic() - t0, "samples": points,
            "start_mb": points[0][1], "end_mb": points[-1][1],
            "mb_per_cell": (points[-1][1] - points[0][1]) / max(cells, 1), "slope_mb_per_cell": slope(points)}


def soak(kernel, lang):
    cells = CELLS[lang]
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        pid = kernel_pid(km)
        ready = rss_mb(pid)
        for _ in range(WARMUP):
            run_cell(kc, cells["trivial"])
        trivial = phase(kc, pid, cells["trivial"], TRIVIAL, SAMPLE)
        charts = phase(kc, pid, cells["chart"], CHARTS, max(1, min(SAMPLE, CHARTS // 10)))
        return {"ready_mb": ready, "trivial": trivial, "charts": charts}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def machine():
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), " \
           f"{psutil.virtual_memory().total / 2**30:.1f} GiB RAM"


def main():
    specs = []
    for arg in sys.argv[1:]:
        name, _, lang = arg.partition(":")
        specs.append((name, lang or ("python" if "python" in name else "csharp")))
    load_before = os.getloadavg()
    raw = {}
    for name, lang in specs:
        try:
            raw[name] = soak(name, lang)
        except Exception as e:  # noqa: BLE001 - reported in the table
            raw[name] = {"error": f"{type(e).__name__}: {e}"}
        print(f"soaked {name}", file=sys.stderr)
    load_after = os.getloadavg()

    print(f"machine: {machine()}")
    print(f"load average (1, 5, 15 min): before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    print(f"cells: {WARMUP} warm-up, {TRIVIAL} trivial, {CHARTS} chart cells")
    print()
    print("| kernel | RSS ready | trivial cells: RSS start → end | MB per trivial cell (slope) | "
          "chart cells: RSS start → end | MB per chart cell (slope) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, r in raw.items():
        if "error" in r:
            print(f"| {name} | failed: {r['error']} | | | | |")
            continue
        t, c = r["trivial"], r["charts"]
        print(f"| {name} | {r['ready_mb']:.0f} MB | {t['start_mb']:.0f} → {t['end_mb']:.0f} MB "
              f"({t['cells']} cells, {t['seconds']:.0f} s) | {t['mb_per_cell']:.3f} ({t['slope_mb_per_cell']:.3f}) | "
              f"{c['start_mb']:.0f} → {c['end_mb']:.0f} MB ({c['cells']} cells, {c['seconds']:.0f} s) | "
              f"{c['mb_per_cell']:.3f} ({c['slope_mb_per_cell']:.3f}) |")
    print()
    print("```json")
    print(json.dumps(raw, indent=1))
    print("```")


if __name__ == "__main__":
    main()
