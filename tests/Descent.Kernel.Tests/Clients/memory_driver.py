#!/usr/bin/env python3
"""Memory through many cells, driven with jupyter_client (used by Descent.Kernel.Tests' MemoryTests):

    memory_driver.py memory --kernel NAME [--warmup 20] [--cells 120] [--charts 8] [--chart-warmup 4] [--chart CODE] [--heap CODE]

Prints one JSON object: the kernel process's resident size (psutil, process and children) when it is ready, after
the warm-up cells and after the trivial cells (with samples), and around the chart cells both the resident size and
the managed heap's live bytes after full collections (the --heap cell's text/plain), plus the bytes of output data the
chart cells sent over IOPub.
"""
import argparse
import json
import queue
import sys
import time

import psutil
from jupyter_client import KernelManager

TIMEOUT = 120


def rss(pid):
    proc = psutil.Process(pid)
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def run(kc, code):
    """Runs a cell; returns (status, text/plain of its result, bytes of output data sent on IOPub)."""
    msg_id = kc.execute(code)
    deadline = time.monotonic() + TIMEOUT
    reply = None
    idle = False
    text = None
    data_bytes = 0
    while not idle and time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.05, deadline - time.monotonic()))
        except queue.Empty:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind in ("execute_result", "display_data", "update_display_data"):
            data = msg["content"].get("data", {})
            data_bytes += len(json.dumps(data))
            text = data.get("text/plain", text)
        idle = kind == "status" and msg["content"]["execution_state"] == "idle"
    while reply is None and time.monotonic() < deadline:
        msg = kc.get_shell_msg(timeout=max(0.05, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            reply = msg
    if reply is None or not idle:
        raise TimeoutError(f"no reply for {code!r}")
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell {code!r} failed: {reply['content']}")
    return text, data_bytes


def scenario_memory(args):
    km = KernelManager(kernel_name=args.kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        pid = km.provisioner.process.pid
        result = {"rss_ready": rss(pid)}
        for _ in range(args.warmup):
            run(kc, "1 + 1")
        result["rss_warm"] = rss(pid)
        samples = [[0, result["rss_warm"]]]
        heap = [[0, int(float(run(kc, args.heap)[0]))]]
        t0 = time.monotonic()
        for i in range(1, args.cells + 1):
            run(kc, "1 + 1")
            if i % 25 == 0 or i == args.cells:
                samples.append([i, rss(pid)])
            if i == args.cells // 2 or i == args.cells:
                heap.append([i, int(float(run(kc, args.heap)[0]))])
        result["trivial_heap"] = heap
        result["trivial_seconds"] = time.monotonic() - t0
        result["trivial_cells"] = args.cells
        result["trivial_samples"] = samples
        result["rss_trivial"] = samples[-1][1]

        for _ in range(args.chart_warmup):
            # The first charts load and JIT the chart code and fill the runtime's buffer pools: warm-up, not counted.
            run(kc, args.chart)
        result["heap_before_charts"] = int(float(run(kc, args.heap)[0]))
        result["rss_before_charts"] = rss(pid)
        sent = 0
        for _ in range(args.charts):
            sent += run(kc, args.chart)[1]
        result["heap_after_charts"] = int(float(run(kc, args.heap)[0]))
        result["rss_after_charts"] = rss(pid)
        result["charts"] = args.charts
        result["chart_output_bytes"] = sent
        return result
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", choices=["memory"])
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--cells", type=int, default=120)
    parser.add_argument("--charts", type=int, default=8)
    parser.add_argument("--chart-warmup", type=int, default=4)
    parser.add_argument("--chart", default="Plot.Contour(new Rosenbrock(2))")
    # Live bytes after two full compacting collections. (GC.GetTotalMemory(true) is no measure of what is kept: after
    # one chart it reported 119 MB while a heap dump found 26 MB of live objects.)
    parser.add_argument("--heap", default=(
        "((Func<long>)(() => { for (var i = 0; i < 2; i++) { GC.Collect(2, GCCollectionMode.Forced, true, true); "
        "GC.WaitForPendingFinalizers(); } var info = GC.GetGCMemoryInfo(GCKind.FullBlocking); "
        "return info.PromotedBytes; }))()"))
    args = parser.parse_args()
    result = scenario_memory(args)
    sys.stdout.write("\n@@JSON@@" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
