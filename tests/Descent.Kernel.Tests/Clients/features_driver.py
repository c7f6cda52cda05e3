#!/usr/bin/env python3
"""Checks the Descent kernel's history store and editor requests through jupyter_client and prints one JSON object of observations.

    features_driver.py --kernel NAME persist   # two kernel processes one after the other, same store
    features_driver.py --kernel NAME locked --db PATH   # the store is locked by another writer while cells run

The store's path comes from DESCENT_HISTORY in the environment; the kernel is found through JUPYTER_PATH.
"""
import argparse
import json
import sqlite3
import sys
import time

from jupyter_client import KernelManager

TIMEOUT = 120


def start(kernel_name):
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    return km, kc


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def execute(kc, code):
    t0 = time.monotonic()
    reply = kc.execute_interactive(code, timeout=TIMEOUT, output_hook=lambda msg: None)
    return {"status": reply["content"]["status"], "seconds": time.monotonic() - t0,
            "execution_count": reply["content"].get("execution_count")}


def history(kc, **content):
    msg_id = kc.history(raw=True, **content)
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def scenario_persist(kernel):
    out = {}
    km, kc = start(kernel)
    try:
        out["first_cells"] = [execute(kc, "var persisted = 6 * 7;"), execute(kc, "persisted")]
        out["first_tail"] = history(kc, output=True, hist_access_type="tail", n=2)
    finally:
        stop(km, kc)
    km, kc = start(kernel)
    try:
        out["second_cells"] = [execute(kc, "\"after restart\"")]
        out["previous_range"] = history(kc, output=False, hist_access_type="range", session=-1, start=1, stop=None)
        out["current_range"] = history(kc, output=False, hist_access_type="range", session=0, start=1, stop=None)
        out["tail"] = history(kc, output=False, hist_access_type="tail", n=3)
        out["search"] = history(kc, output=False, hist_access_type="search", pattern="*persisted*", unique=True)
    finally:
        stop(km, kc)
    return out


def scenario_locked(kernel, db):
    out = {}
    km, kc = start(kernel)
    try:
        out["before_lock"] = execute(kc, "1 + 1")
        time.sleep(0.5)  # the writer thread stores the cell before the lock is taken
        holder = sqlite3.connect(db, timeout=5, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            out["locked_cells"] = [execute(kc, f"{i} * 10") for i in range(1, 4)]
            out["locked_tail"] = history(kc, output=False, hist_access_type="tail", n=2)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        out["after_lock"] = execute(kc, "\"still alive\"")
        out["after_tail"] = history(kc, output=False, hist_access_type="tail", n=1)
    finally:
        stop(km, kc)
    return out


def shell(kc, msg_type, content):
    msg = kc.session.msg(msg_type, content)
    kc.shell_channel.send(msg)
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return reply["content"]


def scenario_editor(kernel):
    out = {}
    km, kc = start(kernel)
    try:
        out["define"] = execute(kc, "var objective = new Descent.Functions.Rosenbrock(2);")
        completions = {"math_ma": "Math.Ma", "console_writel": "Console.WriteL", "console_wl": "Console.WL",
                       "math_dot": "Math."}
        out["complete"] = {name: shell(kc, "complete_request", {"code": code, "cursor_pos": len(code)})
                           for name, code in completions.items()}
        # Latency of a warm completion (the bench's goal is 150 ms), median of 7.
        times = []
        for _ in range(7):
            t0 = time.monotonic()
            shell(kc, "complete_request", {"code": "Console.WriteL", "cursor_pos": 14})
            times.append(time.monotonic() - t0)
        out["complete_seconds"] = sorted(times)[3]
        inspections = {
            "max_open": ("Math.Max(", 9),
            "max_second_arg": ("Math.Max(1.5, ", 14),
            "max_name": ("Math.Max(1, 2)", 7),
            "trainer": ("Descent.Optimization.Trainer.Run(objective, ", 44),
        }
        out["inspect"] = {name: shell(kc, "inspect_request", {"code": code, "cursor_pos": pos, "detail_level": 0})
                          for name, (code, pos) in inspections.items()}
    finally:
        stop(km, kc)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    parser.add_argument("scenario", choices=["persist", "locked", "editor"])
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.scenario == "persist":
        result = scenario_persist(args.kernel)
    elif args.scenario == "locked":
        result = scenario_locked(args.kernel, args.db)
    else:
        result = scenario_editor(args.kernel)
    sys.stdout.write("\n@@JSON@@" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
