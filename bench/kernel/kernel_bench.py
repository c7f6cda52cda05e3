#!/usr/bin/env python3
"""Side-by-side Jupyter kernel benchmark, one run, same machine: Descent vs ipykernel vs the stock .NET Interactive kernel.

For each kernel spec given (found through JUPYTER_PATH), REPEATS times:
  start      - KernelManager.start_kernel() until the kernel_info_reply arrives (wait_for_ready)
  first cell - the first `1 + 1`-style cell after start (includes engine warm-up)
  round trip - median over CELLS trivial cells: execute_request sent -> execute_reply and idle status received
  completion - median over COMPLETIONS complete_request -> complete_reply
Prints a Markdown table (medians over repeats) and the raw numbers as JSON.

    kernel_bench.py KERNEL[:LANG] ...   LANG is csharp or python (default: csharp unless the name contains "python")
"""
import json
import os
import queue
import statistics
import sys
import time

from jupyter_client import KernelManager

REPEATS = int(os.environ.get("REPEATS", "3"))
CELLS = int(os.environ.get("CELLS", "20"))
COMPLETIONS = int(os.environ.get("COMPLETIONS", "10"))
TIMEOUT = 180

SNIPPETS = {
    "csharp": {"cell": "1 + 1", "complete": ("Console.Wri", 11), "expect": "WriteLine"},
    "python": {"cell": "1 + 1", "complete": ("import os\nos.pa", 15), "expect": "path"},
}


def wait_idle_and_reply(kc, msg_id, deadline):
    idle = reply = None
    while (idle is None or reply is None) and time.monotonic() < deadline:
        if idle is None:
            try:
                msg = kc.get_iopub_msg(timeout=0.01)
                if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                        and msg["content"]["execution_state"] == "idle"):
                    idle = msg
            except queue.Empty:
                pass
        if reply is None:
            try:
                msg = kc.get_shell_msg(timeout=0.01)
                if msg["parent_header"].get("msg_id") == msg_id:
                    reply = msg
            except queue.Empty:
                pass
    if reply is None or idle is None:
        raise TimeoutError(f"no reply/idle for {msg_id}")
    return reply


def run_cell(kc, code):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    reply = wait_idle_and_reply(kc, msg_id, time.monotonic() + TIMEOUT)
    elapsed = time.perf_counter() - t0
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell failed: {reply['content']}")
    return elapsed


def complete(kc, code, pos):
    t0 = time.perf_counter()
    msg_id = kc.complete(code, pos)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        msg = kc.get_shell_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            return time.perf_counter() - t0, msg["content"].get("matches", [])
    raise TimeoutError("no complete_reply")


def measure(kernel, lang):
    s = SNIPPETS[lang]
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        start = time.perf_counter() - t0
        first = run_cell(kc, s["cell"])
        trips = [run_cell(kc, s["cell"]) for _ in range(CELLS)]
        completions, found = [], False
        for _ in range(COMPLETIONS):
            elapsed, matches = complete(kc, *s["complete"])
            completions.append(elapsed)
            found = found or any(s["expect"] in m for m in matches)
        return {"start": start, "first_cell": first, "round_trip": statistics.median(trips),
                "completion": statistics.median(completions), "completion_found": found}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def main():
    specs = []
    for arg in sys.argv[1:]:
        name, _, lang = arg.partition(":")
        specs.append((name, lang or ("python" if "python" in name else "csharp")))
    raw = {}
    for name, lang in specs:
        runs = []
        for _ in range(REPEATS):
            try:
                runs.append(measure(name, lang))
            except Exception as e:  # noqa: BLE001 - reported in the table
                runs.append({"error": f"{type(e).__name__}: {e}"})
        raw[name] = runs
        print(f"measured {name}: {runs}", file=sys.stderr)

    print(f"| kernel | start → kernel_info reply | first cell | trivial cell round trip | completion request |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, runs in raw.items():
        ok = [r for r in runs if "error" not in r]
        if not ok:
            print(f"| {name} | failed: {runs[0]['error']} | | | |")
            continue

        def med(key, unit_ms=True):
            v = statistics.median(r[key] for r in ok)
            return f"{v * 1000:.0f} ms" if v < 10 else f"{v:.1f} s"

        note = "" if all(r["completion_found"] for r in ok) else " (expected match missing)"
        print(f"| {name} | {med('start')} | {med('first_cell')} | {med('round_trip')} | {med('completion')}{note} |")
    print()
    print("```json")
    print(json.dumps(raw, indent=1))
    print("```")


if __name__ == "__main__":
    main()
