#!/usr/bin/env python3
"""Drives the Descent kernel with Jupyter's own client libraries and prints one JSON object of observations.

Used by Descent.Kernel.Tests (which asserts on the JSON) and by bench/kernel. Plain Python, no pytest:

    kernel_driver.py protocol  --kernel NAME --cells CELLS.json --marker-dir DIR
    kernel_driver.py interrupt --kernel NAME --cells CELLS.json
    kernel_driver.py loops     --kernel NAME --cells CELLS.json
    kernel_driver.py notebooks --kernel NAME NOTEBOOK...

The kernel is found through JUPYTER_PATH (the test installs it with `descent kernel install --prefix`).
"""
import argparse
import json
import os
import queue
import sys
import time

import zmq
from jupyter_client import KernelManager
from jupyter_client.session import Session

TIMEOUT = float(os.environ.get("DESCENT_KERNEL_TIMEOUT", "120"))


def start(kernel_name):
    t0 = time.monotonic()
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    return km, kc, time.monotonic() - t0


def slim(msg):
    return {"msg_type": msg["msg_type"], "content": msg["content"],
            "parent_msg_id": msg["parent_header"].get("msg_id"), "header_version": msg["header"].get("version")}


def collect(kc, msg_id, timeout=TIMEOUT, wait_reply=True):
    """IOPub messages for msg_id up to its idle status, and the shell reply."""
    iopub, reply = [], None
    deadline = time.monotonic() + timeout
    idle = False
    while not idle and time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.05, deadline - time.monotonic()))
        except queue.Empty:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        iopub.append(slim(msg))
        idle = msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"
    while wait_reply and reply is None and time.monotonic() < deadline:
        try:
            msg = kc.get_shell_msg(timeout=max(0.05, deadline - time.monotonic()))
        except queue.Empty:
            break
        if msg["parent_header"].get("msg_id") == msg_id:
            reply = slim(msg)
    return {"reply": reply, "iopub": iopub, "idle": idle}


def execute(kc, code, **kwargs):
    t0 = time.monotonic()
    msg_id = kc.execute(code, **kwargs)
    result = collect(kc, msg_id)
    result["seconds"] = time.monotonic() - t0
    return result


def control_request(kc, msg_type, content=None, timeout=10):
    msg = kc.session.msg(msg_type, content or {})
    kc.control_channel.send(msg)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            reply = kc.get_control_msg(timeout=max(0.05, deadline - time.monotonic()))
        except queue.Empty:
            return None
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return slim(reply)
    return None


def shell_request(kc, msg_type, content, timeout=TIMEOUT):
    msg = kc.session.msg(msg_type, content)
    kc.shell_channel.send(msg)
    return collect(kc, msg["header"]["msg_id"], timeout)


def heartbeat(km, timeout=3.0):
    """One ping on the heartbeat socket, as a front end's HBChannel does: True when echoed."""
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.REQ)
    sock.linger = 0
    sock.connect(f"tcp://{km.ip}:{km.hb_port}")
    try:
        sock.send(b"ping")
        if sock.poll(int(timeout * 1000)):
            return sock.recv() == b"ping"
        return False
    finally:
        sock.close()


def listening_sockets(pid):
    """TCP sockets the process listens on, from /proc (Linux): [[address, port], ...], or None elsewhere."""
    try:
        inodes = set()
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        result = []
        for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
            with open(table) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    local, state, inode = fields[1], fields[3], fields[9]
                    if state != "0A" or inode not in inodes:
                        continue
                    address_hex, port_hex = local.split(":")
                    if width == 8:
                        address = ".".join(str(int(address_hex[i:i + 2], 16)) for i in (6, 4, 2, 0))
                    else:
                        address = "ipv6:" + address_hex
                    result.append([address, int(port_hex, 16)])
        return sorted(result)
    except OSError:
        return None


def send_forged(kc, key, code):
    """An execute_request signed with `key` (b'' = no signature) on the real shell socket."""
    forged = Session(key=key, username="intruder", session=kc.session.session)
    msg = forged.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                         "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    forged.send(kc.shell_channel.socket, msg)
    return msg["header"]["msg_id"]


def shutdown(km, kc, restart=False):
    reply = control_request(kc, "shutdown_request", {"restart": restart})
    deadline = time.monotonic() + 15
    while km.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    exited = not km.is_alive()
    kc.stop_channels()
    if not exited:
        km.shutdown_kernel(now=True)
    else:
        km.cleanup_resources()
    return {"reply": reply, "process_exited": exited}


def scenario_protocol(args):
    cells = json.load(open(args.cells))
    out = {}
    km, kc, out["start_seconds"] = start(args.kernel)
    try:
        out["kernel_info_shell"] = slim(kc.kernel_info(reply=True, timeout=TIMEOUT))
        out["kernel_info_control"] = control_request(kc, "kernel_info_request")
        out["cells"] = {name: execute(kc, code) for name, code in cells["execute"].items()}
        out["silent"] = execute(kc, cells["silent"], silent=True)
        out["no_history"] = execute(kc, cells["no_history"], store_history=False)
        out["after_silent"] = execute(kc, "1 + 1")
        out["user_expressions"] = execute(kc, cells["user_expressions_cell"], user_expressions=cells["user_expressions"])
        out["complete"] = {name: shell_request(kc, "complete_request", c) for name, c in cells["complete"].items()}
        out["inspect"] = {name: shell_request(kc, "inspect_request", c) for name, c in cells["inspect"].items()}
        out["is_complete"] = {code: shell_request(kc, "is_complete_request", {"code": code}) for code in cells["is_complete"]}
        out["history"] = shell_request(kc, "history_request", {"output": False, "raw": True, "hist_access_type": "tail", "n": 10})
        out["comm_info"] = shell_request(kc, "comm_info_request", {})
        out["comm_open"] = shell_request(kc, "comm_open", {"comm_id": "descent-test-comm", "target_name": "jupyter.widget", "data": {}}, timeout=5)

        # Security: the same marker-writing cell, forged with a wrong key and unsigned, must not run; signed, it does.
        marker = os.path.join(args.marker_dir, "forged-marker")
        signed_marker = os.path.join(args.marker_dir, "signed-marker")
        code = 'System.IO.File.WriteAllText(@"{}", "ran");'
        wrong_id = send_forged(kc, b"not-the-kernel-key", code.format(marker))
        unsigned_id = send_forged(kc, b"", code.format(marker))
        time.sleep(3)
        forged_replies = []
        while True:
            try:
                msg = kc.get_shell_msg(timeout=0.5)
            except queue.Empty:
                break
            if msg["parent_header"].get("msg_id") in (wrong_id, unsigned_id):
                forged_replies.append(slim(msg))
        out["forged"] = {"marker_exists": os.path.exists(marker), "replies": forged_replies,
                         "kernel_alive": km.is_alive(),
                         "kernel_info_after": slim(kc.kernel_info(reply=True, timeout=30))}
        out["signed_marker"] = execute(kc, code.format(signed_marker))
        out["signed_marker"]["marker_exists"] = os.path.exists(signed_marker)
        out["heartbeat"] = heartbeat(km)
        out["listening"] = listening_sockets(km.provisioner.pid)
        out["connection_ports"] = sorted([km.shell_port, km.iopub_port, km.stdin_port, km.control_port, km.hb_port])
        out["connection_ip"] = km.ip

        # stop_on_error: a cell queued behind a failing one is aborted, as "Run All" expects.
        failing_id = kc.execute('throw new Exception("stop here");')
        queued_id = kc.execute("1 + 1")
        out["stop_on_error"] = {"failed": collect(kc, failing_id), "queued": collect(kc, queued_id)}
    finally:
        out["shutdown"] = shutdown(km, kc)
    return out


def scenario_interrupt(args):
    cells = json.load(open(args.cells))
    out = {}
    km, kc, out["start_seconds"] = start(args.kernel)
    try:
        out["define"] = execute(kc, cells["define"])
        first_pid = km.provisioner.pid if km.provisioner else None

        # 1. A Descent loop that honours the cell's cancellation token.
        msg_id = kc.execute(cells["cooperative"])
        queued_id = kc.execute("1 + 1")  # "Run All": queued behind the cell that gets interrupted
        time.sleep(cells.get("run_before_interrupt", 2.0))
        t0 = time.monotonic()
        out["cooperative_interrupt_reply"] = control_request(kc, "interrupt_request")
        result = collect(kc, msg_id, timeout=30)
        result["seconds_after_interrupt"] = time.monotonic() - t0
        out["cooperative"] = result
        out["queued_behind_cooperative"] = collect(kc, queued_id, timeout=30)
        out["after_cooperative"] = execute(kc, "1 + 1")

        # 2. A loop that ignores cancellation: the kernel must keep answering control and heartbeat.
        msg_id = kc.execute(cells.get("hung", "while (true) { }"))
        time.sleep(1.5)
        t0 = time.monotonic()
        out["hung_interrupt_reply"] = control_request(kc, "interrupt_request")
        result = collect(kc, msg_id, timeout=30)
        result["seconds_after_interrupt"] = time.monotonic() - t0
        out["hung"] = result
        out["hung_heartbeat"] = heartbeat(km)
        out["hung_kernel_info_control"] = control_request(kc, "kernel_info_request")
        second = kc.session.msg("interrupt_request", {})
        kc.control_channel.send(second)
        out["second_interrupt"] = collect(kc, second["header"]["msg_id"], timeout=10, wait_reply=False)
        out["execute_while_hung"] = execute(kc, "1 + 1")
        out["hung_heartbeat_later"] = heartbeat(km)

        # 3. Restart: jupyter_client sends shutdown_request(restart=True), waits for the process to exit, starts a new one.
        t0 = time.monotonic()
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=TIMEOUT)
        out["restart_seconds"] = time.monotonic() - t0
        second_pid = km.provisioner.pid if km.provisioner else None
        out["restart_new_process"] = first_pid is not None and second_pid is not None and first_pid != second_pid
        out["after_restart"] = execute(kc, "1 + 1")
        out["after_restart_old_variable"] = execute(kc, cells["old_variable"])
    finally:
        out["shutdown"] = shutdown(km, kc)
    return out


def thread_cpu(pid):
    """CPU seconds (user + system) of each thread of the process, {tid: (name, seconds)}, from /proc (Linux), or None."""
    try:
        result = {}
        tick = os.sysconf("SC_CLK_TCK")
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/stat") as f:
                    head, tail = f.read().rsplit(")", 1)
            except OSError:
                continue
            fields = tail.split()
            result[tid] = (head.split("(", 1)[1], (int(fields[11]) + int(fields[12])) / tick)
        return result
    except OSError:
        return None


# The runtime's own threads, which never run a cell's code (the tiered JIT keeps recompiling hot code for seconds
# after a burst of cells, using most of a core on a busy machine).
RUNTIME_THREADS = (".NET Tiered Com", ".NET Finalizer", ".NET BGC", ".NET SigHandler", ".NET EventPipe")


def busiest_thread(pid, window):
    """The thread that used the most CPU during `window` seconds, among those that can run a cell's code:
    {"name", "cpu_seconds", "window"}, or None."""
    before = thread_cpu(pid)
    time.sleep(window)
    after = thread_cpu(pid)
    if before is None or after is None:
        return None
    best = {"name": None, "cpu_seconds": 0.0, "window": window}
    for tid, (name, seconds) in after.items():
        used = seconds - before.get(tid, (name, 0.0))[1]
        if used > best["cpu_seconds"] and not name.startswith(RUNTIME_THREADS):
            best = {"name": f"{tid}:{name}", "cpu_seconds": used, "window": window}
    return best


def interrupt_running(kc, code, marker, settle, marker_type="stream"):
    """Runs code, waits until it printed `marker` (so its loop is running; with marker_type another IOPub message type,
    e.g. update_display_data), lets it run `settle` s more, interrupts it over the control channel and collects its
    IOPub and reply; seconds_after_interrupt is interrupt-to-reply."""
    msg_id = kc.execute(code)
    early, started = [], False
    deadline = time.monotonic() + TIMEOUT
    while not started and time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.05, deadline - time.monotonic()))
        except queue.Empty:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        early.append(slim(msg))
        started = msg["msg_type"] == marker_type and (marker_type != "stream" or marker in msg["content"].get("text", ""))
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    if not started:
        result = {"reply": None, "iopub": early, "idle": False, "started": False}
        result.update(collect(kc, msg_id, timeout=10))
        result["iopub"] = early + result["iopub"]
        return result
    time.sleep(settle)
    t0 = time.monotonic()
    result = {"interrupt_reply": control_request(kc, "interrupt_request")}
    rest = collect(kc, msg_id, timeout=30)
    result["seconds_after_interrupt"] = time.monotonic() - t0
    result.update(rest)
    result["iopub"] = early + rest["iopub"]
    result["started"] = True
    return result


def scenario_loops(args):
    """Every loop kind written in a cell, interrupted while it runs; then the session's variable and the next cell."""
    cells = json.load(open(args.cells))
    out = {"loops": {}}
    km, kc, out["start_seconds"] = start(args.kernel)
    try:
        pid = km.provisioner.pid if km.provisioner else None
        out["define"] = execute(kc, cells["define"])
        for name, code in cells["loops"].items():
            entry = interrupt_running(kc, code, cells["marker"], cells.get("settle", 0.5))
            entry["variable_after"] = execute(kc, cells["variable"])
            entry["next_cell"] = execute(kc, cells["next"])
            out["loops"][name] = entry
        if "live" in cells:
            # The first chart of a session costs its JIT time inside Plotly.NET (library code, about a second): interrupt
            # once the live chart is drawing, as a reader would.
            out["live"] = interrupt_running(kc, cells["live"], cells["marker"], cells.get("settle", 0.5), "update_display_data")
            out["live"]["variable_after"] = execute(kc, cells["live_after"])
        out["deep_recursion"] = execute(kc, cells["deep_recursion"])
        out["after_deep_recursion"] = execute(kc, cells["next"])
        for name, cell in cells.get("checks", {}).items():
            out.setdefault("checks", {})[name] = execute(kc, cell)
        # No runaway thread left: the busiest thread of the idle kernel, compared (in the test) with a thread that
        # spins on purpose, measured the same way right after; CPU time alone would depend on how busy the machine is.
        time.sleep(1.0)
        out["busiest_thread_after_interrupts"] = busiest_thread(pid, 3.0) if pid else None
        out["spinner"] = execute(kc, cells["spinner"])
        out["busiest_thread_with_spinner"] = busiest_thread(pid, 3.0) if pid else None
        out["kernel_alive"] = km.is_alive()
    finally:
        out["shutdown"] = shutdown(km, kc)
    return out


def kinds(outputs):
    result = []
    for output in outputs:
        kind = output.get("output_type")
        if not result or result[-1] != kind:
            result.append(kind)
    return result


def is_chart(output):
    data = output.get("data", {})
    return "application/vnd.plotly.v1+json" in data or 'class="descent-chart"' in str(data.get("text/html", ""))


def scenario_notebooks(args):
    import nbformat
    from nbclient import NotebookClient
    results = {}
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        stored = [cell.get("outputs", []) for cell in nb.cells if cell.cell_type == "code"]
        t0 = time.monotonic()
        client = NotebookClient(nb, kernel_name=args.kernel, timeout=int(TIMEOUT), allow_errors=True,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        failure = None
        try:
            client.execute()
        except Exception as e:  # noqa: BLE001 - reported to the test
            failure = f"{type(e).__name__}: {e}"
        errors = []
        code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
        for index, cell in enumerate(code_cells):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    errors.append({"cell": index, "ename": output.get("ename"), "evalue": output.get("evalue")})
        results[os.path.basename(path)] = {
            "seconds": time.monotonic() - t0, "code_cells": len(code_cells), "failure": failure, "errors": errors,
            # Charts drawn now (a Plotly figure, or Descent's chart HTML) and charts in the stored outputs.
            "charts": sum(is_chart(o) for cell in code_cells for o in cell.get("outputs", [])),
            "stored_charts": sum(is_chart(o) for outs in stored for o in outs),
            # Output kinds per cell, consecutive repeats collapsed (stream chunking differs between front ends).
            "outputs": [kinds(cell.get("outputs", [])) for cell in code_cells],
            "stored_outputs": [kinds(outs) for outs in stored],
        }
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", choices=["protocol", "interrupt", "loops", "notebooks"])
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--cells")
    parser.add_argument("--marker-dir")
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_intermixed_args()
    result = {"protocol": scenario_protocol, "interrupt": scenario_interrupt, "loops": scenario_loops,
              "notebooks": scenario_notebooks}[args.scenario](args)
    sys.stdout.write("\n@@JSON@@" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
