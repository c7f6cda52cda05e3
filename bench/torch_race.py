#!/usr/bin/python3
"""The PyTorch side of the Descent-vs-PyTorch race (see bench/README.md).

Runs the same work as bench/Descent.Race on CPU in float64 at the same sizes, times it the same
way (warm-up, then the median of several rounds of many repetitions), and prints one JSON object
per row. With --descent FILE it also reads the Descent rows and prints the side-by-side table.

Usage: /usr/bin/python3 bench/torch_race.py --threads 1 [--descent descent.json] [--rows mlp,rnn,...]
"""
import argparse
import ctypes
import gzip
import json
import math
import os
import platform
import re
import sys
import time

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


# ---------------------------------------------------------------- which BLAS / LAPACK this process really runs on
BLAS_NAME = re.compile(r"(blas|lapack|mkl|accelerate|blis|atlas)", re.I)


def classify_library(path):
    """'OpenBLAS', 'MKL', 'BLIS', 'FlexiBLAS', 'reference' (Netlib, Debian's libblas3/liblapack3) or 'other'."""
    real = os.path.realpath(path).lower()
    if "openblas" in real:
        return "OpenBLAS"
    if "mkl" in real:
        return "MKL"
    if "blis" in real:
        return "BLIS"
    if "flexiblas" in real:
        return "FlexiBLAS"
    if "atlas" in real:
        return "ATLAS"
    # Debian's reference implementations live in …/blas/libblas.so.3 and …/lapack/liblapack.so.3.
    if re.search(r"/(blas/libblas|lapack/liblapack)\.so", real) or re.search(r"/lib(blas|lapack|cblas)\.so", real):
        return "reference"
    return "other"


def blas_report():
    """The BLAS/LAPACK shared objects mapped into this process (from /proc/self/maps, after numpy and torch have
    done a matrix product and an eigvalsh, so lazily loaded libraries are in), each with its kind, and the
    OpenBLAS thread count read from the library itself."""
    a = np.ones((64, 64))
    _ = a @ a
    _ = np.linalg.eigvalsh(a)
    t = torch.ones(64, 64)
    _ = t @ t
    _ = torch.linalg.eigvalsh(t)
    libs = []
    with open("/proc/self/maps") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 6 and BLAS_NAME.search(os.path.basename(parts[5])) and parts[5] not in libs:
                libs.append(parts[5])
    kinds = {lib: classify_library(lib) for lib in libs}
    openblas_threads = None
    for lib, kind in kinds.items():
        if kind == "OpenBLAS":
            try:
                openblas_threads = ctypes.CDLL(lib).openblas_get_num_threads()
                break
            except (OSError, AttributeError):
                pass
    return dict(libraries={os.path.realpath(k): v for k, v in kinds.items()}, openblas_threads=openblas_threads,
                numpy=np.__version__)


def reference_blas(report):
    return [lib for lib, kind in report["libraries"].items() if kind == "reference"]

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "data", "digits.csv.gz")


# ---------------------------------------------------------------- timing (same rule as Race/Timer.cs)
def measure(op, min_round_seconds=0.2, rounds=7, max_seconds=20.0, warm_up_seconds=1.0):
    """Median seconds per call: warm-up calls for ≥ warm_up_seconds (at least two), pick k from one warm call so a
    round of k calls takes ≥ min_round_seconds, then time `rounds` rounds (fewer when one call is slow) and take the
    median per-call time. The same rule as Race/Timer.cs (whose JIT needs the timed warm-up)."""
    t0 = time.perf_counter()
    calls = 0
    while calls < 2 or time.perf_counter() - t0 < warm_up_seconds:
        op()
        calls += 1
    t0 = time.perf_counter()
    op()
    per_call = max(time.perf_counter() - t0, 1e-9)
    k = max(1, int(min_round_seconds / per_call))
    if per_call * k * rounds > max_seconds:
        rounds = max(3, int(max_seconds / (per_call * k)))
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(k):
            op()
        times.append((time.perf_counter() - t0) / k)
    times.sort()
    return times[len(times) // 2], k, rounds


# ---------------------------------------------------------------- shared deterministic inputs
def theta_pattern(n, a=0.2, b=1.7, c=0.3):
    """θᵢ = a·sin(b·i + c): the same point on both sides, no RNG to match."""
    i = torch.arange(n, dtype=torch.float64)
    return a * torch.sin(b * i + c)


def load_digits():
    rows = np.loadtxt(gzip.open(DIGITS, "rt"), delimiter=",")
    x = rows[:, :64]
    y = rows[:, 64].astype(np.int64)
    mean = x.mean(axis=0)
    sd = x.std(axis=0)  # population sd, as Descent's Standardizer
    sd[sd <= 1e-12 * np.maximum(1.0, np.abs(mean))] = 1.0
    return torch.tensor((x - mean) / sd), torch.tensor(y)


# ---------------------------------------------------------------- MLP 64-32-10 tanh, softmax CE
SIZES = [64, 32, 10]


def mlp_unpack(theta):
    """Descent's layout: for each layer W (rows = units, row-major) then b."""
    parts, o = [], 0
    for fan_in, units in zip(SIZES[:-1], SIZES[1:]):
        w = theta[o:o + units * fan_in].view(units, fan_in)
        o += units * fan_in
        b = theta[o:o + units]
        o += units
        parts.append((w, b))
    return parts


MLP_DIM = sum(u * f + u for f, u in zip(SIZES[:-1], SIZES[1:]))


def mlp_loss(theta, x, y):
    (w1, b1), (w2, b2) = mlp_unpack(theta)
    h = torch.tanh(x @ w1.T + b1)
    return torch.nn.functional.cross_entropy(h @ w2.T + b2, y)


def rows_mlp(x, y, hessian=True):
    out = []
    theta = theta_pattern(MLP_DIM).requires_grad_(True)
    v = torch.cos(0.9 * torch.arange(MLP_DIM, dtype=torch.float64))

    def fwd_bwd():
        loss = mlp_loss(theta, x, y)
        (g,) = torch.autograd.grad(loss, theta)
        return loss, g

    loss, g = fwd_bwd()
    t, k, r = measure(fwd_bwd)
    out.append(dict(row="mlp_full_batch", seconds=t, check=dict(loss=loss.item(), grad_norm=g.norm().item())))

    # Minibatch-32 SGD steps: a fixed shuffled order (seeded), one step = forward, backward, θ ← θ − ηg.
    gen = torch.Generator().manual_seed(1)
    perm = torch.randperm(x.shape[0], generator=gen)
    state = dict(pos=0)
    w = theta.detach().clone().requires_grad_(True)

    def sgd_step():
        p = state["pos"]
        if p + 32 > x.shape[0]:
            p = 0
        idx = perm[p:p + 32]
        state["pos"] = p + 32
        loss = mlp_loss(w, x[idx], y[idx])
        (gw,) = torch.autograd.grad(loss, w)
        with torch.no_grad():
            w.sub_(0.1 * gw)

    t, k, r = measure(sgd_step)
    out.append(dict(row="mlp_sgd32_step", seconds=t, check=None))

    def hvp():
        loss = mlp_loss(theta, x, y)
        (gg,) = torch.autograd.grad(loss, theta, create_graph=True)
        (hv,) = torch.autograd.grad(gg @ v, theta)
        return hv

    hv = hvp()
    t, k, r = measure(hvp)
    out.append(dict(row="mlp_hvp", seconds=t, check=dict(hv_norm=hv.norm().item())))

    if not hessian:
        return out

    # Full Hessian: the best of torch's vectorized hessian (vmap over HVPs) and a loop of HVPs.
    th = theta.detach()

    def hessian_vectorized():
        return torch.autograd.functional.hessian(lambda p: mlp_loss(p, x, y), th, vectorize=True)

    def hessian_loop():
        p = th.clone().requires_grad_(True)
        loss = mlp_loss(p, x, y)
        (gg,) = torch.autograd.grad(loss, p, create_graph=True)
        eye = torch.eye(MLP_DIM)
        return torch.stack([torch.autograd.grad(gg, p, grad_outputs=eye[j], retain_graph=True)[0]
                            for j in range(MLP_DIM)])

    best = None
    for name, fn in (("vectorized", hessian_vectorized), ("HVP loop", hessian_loop)):
        try:
            t0 = time.perf_counter()  # one call: at tens of seconds, warm-up is noise
            h = fn()
            t = time.perf_counter() - t0
            if best is None or t < best[0]:
                best = (t, name, h)
        except Exception as e:  # vectorize=True may be unsupported on an old torch
            print(f"note: torch hessian {name} failed: {e}", file=sys.stderr)
    t, name, h = best
    out.append(dict(row="mlp_hessian", seconds=t, check=dict(trace=torch.trace(h).item()), note=f"torch {name}"))

    hs = 0.5 * (h + h.T)
    ev = torch.linalg.eigvalsh(hs)
    t0 = time.perf_counter()
    ev = torch.linalg.eigvalsh(hs)
    t = time.perf_counter() - t0
    out.append(dict(row="mlp_hessian_eigenvalues", seconds=t,
                    check=dict(min=ev[0].item(), max=ev[-1].item())))
    return out


# ---------------------------------------------------------------- vanilla tanh RNN, BPTT
def rows_rnn(lengths, hidden=32, inputs=2, outputs=1, batch=32):
    """h_t = tanh(W h_{t−1} + U x_t + b), h_0 = 0, output o = V h_T + c, loss ½‖o − y‖² averaged
    over `batch` sequences (deterministic inputs). Parameter layout W, U, b, V, c as Descent.Models.Rnn."""
    out = []
    dim = hidden * hidden + hidden * inputs + hidden + outputs * hidden + outputs
    for T in lengths:
        # Deterministic inputs shared with Race/RnnRows.cs: x[b][t][i] = ½ + ½ sin(0.37b + 0.11t + 1.3i), y[b] = cos(0.5b).
        b_ = torch.arange(batch, dtype=torch.float64).view(batch, 1, 1)
        t_ = torch.arange(T, dtype=torch.float64).view(1, T, 1)
        i_ = torch.arange(inputs, dtype=torch.float64).view(1, 1, inputs)
        xs = 0.5 + 0.5 * torch.sin(0.37 * b_ + 0.11 * t_ + 1.3 * i_)
        ys = torch.cos(0.5 * torch.arange(batch, dtype=torch.float64)).view(batch, 1)
        theta = theta_pattern(dim, a=0.1).requires_grad_(True)

        def loss_fn(p):
            o = 0
            W = p[o:o + hidden * hidden].view(hidden, hidden); o += hidden * hidden
            U = p[o:o + hidden * inputs].view(hidden, inputs); o += hidden * inputs
            b = p[o:o + hidden]; o += hidden
            V = p[o:o + outputs * hidden].view(outputs, hidden); o += outputs * hidden
            c = p[o:o + outputs]
            h = torch.zeros(batch, hidden)
            for t in range(T):
                h = torch.tanh(h @ W.T + xs[:, t, :] @ U.T + b)
            r = h @ V.T + c - ys
            return 0.5 * (r * r).sum(dim=1).mean()

        def bptt():
            loss = loss_fn(theta)
            (g,) = torch.autograd.grad(loss, theta)
            return loss, g

        loss, g = bptt()
        t, k, r = measure(bptt)
        out.append(dict(row=f"rnn_bptt_T{T}", seconds=t, check=dict(loss=loss.item(), grad_norm=g.norm().item())))
    return out


# ---------------------------------------------------------------- Safran–Shamir population gradient
def rows_safran_shamir(k=10, n=10):
    """L(W) = ½ Σᵢⱼ f(wᵢ, wⱼ) − Σᵢⱼ f(wᵢ, vⱼ) + ½ Σᵢⱼ f(vᵢ, vⱼ), f(w, v) = ‖w‖‖v‖(sin θ + (π − θ) cos θ)/(2π),
    teacher V = I (k = n = d); the population objective E_x ½(Σ relu(wᵢ·x) − Σ relu(vⱼ·x))² for x ~ N(0, I)."""
    d = n
    theta = (theta_pattern(k * d, a=0.5) + torch.eye(k, d).reshape(-1)).requires_grad_(True)
    V = torch.eye(n, d)

    def f(A, B, same=False):
        na = A.norm(dim=1, keepdim=True)
        nb = B.norm(dim=1, keepdim=True)
        cos = (A @ B.T) / (na * nb.T)
        if same:
            # θ = 0 on the diagonal, where acos has an infinite derivative: f(w, w) = ‖w‖²/2 exactly.
            eye = torch.eye(A.shape[0], dtype=torch.bool)
            cos = torch.where(eye, torch.zeros_like(cos), cos)
        th = torch.acos(cos.clamp(-1.0, 1.0))
        val = (na * nb.T) * (torch.sin(th) + (math.pi - th) * cos) / (2 * math.pi)
        if same:
            val = torch.where(eye, 0.5 * (na * na).expand_as(val), val)
        return val

    def grad():
        W = theta.view(k, d)
        loss = 0.5 * f(W, W, True).sum() - f(W, V).sum() + 0.5 * f(V, V, True).sum()
        (g,) = torch.autograd.grad(loss, theta)
        return loss, g

    loss, g = grad()
    t, kk, r = measure(grad)
    return [dict(row="safran_shamir_population_gradient", seconds=t,
                 check=dict(loss=loss.item(), grad_norm=g.norm().item()))]


# ---------------------------------------------------------------- table
LABELS = {
    "mlp_full_batch": "MLP 64-32-10 tanh, softmax CE, 1797 digits: forward+backward",
    "mlp_sgd32_step": "MLP minibatch-32 SGD step (steps/s)",
    "mlp_hvp": "MLP Hessian-vector product, 1797 digits",
    "mlp_hessian": "MLP full Hessian 2442×2442",
    "mlp_hessian_eigenvalues": "eigenvalues of the 2442×2442 Hessian",
    "mlp_hessian_eigenvalues_managed": "eigenvalues, Descent's managed fallback (no LAPACK)",
    "safran_shamir_population_gradient": "Safran–Shamir population loss+gradient, k = n = 10",
}


def label(row):
    if row.startswith("rnn_bptt_T"):
        return f"RNN h=32, batch 32, BPTT loss+gradient, T = {row[len('rnn_bptt_T'):]}"
    return LABELS.get(row, row)


def fmt_time(s):
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.2f} ms"
    return f"{s * 1e6:.1f} µs"


def agree(a, b):
    if not a or not b:
        return ""
    worst = 0.0
    for key, va in a.items():
        vb = b.get(key)
        if vb is None:
            continue
        worst = max(worst, abs(va - vb) / max(1e-300, abs(va), abs(vb)))
    return f"{worst:.0e}"


def table(descent, torch_rows, torch_threads, blas, one_thread_goals):
    """The side-by-side table. No ratio when a reference BLAS/LAPACK is mapped into either process: that is not what
    a PyTorch or NumPy install runs on, so such a ratio would flatter Descent."""
    by = {r["row"]: r for r in torch_rows}
    bad = reference_blas(blas) + [lib for lib, kind in descent.get("blas", {}).items() if kind == "reference"]
    s_ = "" if descent["threads"] == 1 else "s"
    lines = [
        f"| row | Descent ({descent['threads']} thread{s_}) | PyTorch + {blas_summary(blas)} ({torch_threads} thread{'' if torch_threads == 1 else 's'}) | PyTorch / Descent | goal | checks agree (rel.) |",
        "| --- | ---: | ---: | ---: | --- | ---: |",
    ]
    for d in descent["rows"]:
        t = by.get(d["row"]) or by.get(d["row"].removesuffix("_managed"))
        if t is None:
            continue
        ratio = t["seconds"] / d["seconds"]
        # Issue 16's goals at one thread: every row ≥ 1.5× PyTorch + OpenBLAS, the eigenvalue row ≥ 1× LAPACK.
        goal = 1.0 if d["row"].startswith("mlp_hessian_eigenvalues") else 1.5
        if bad:
            ratio_text, verdict = "— (reference BLAS)", "—"
        else:
            ratio_text = f"{ratio:.2f}×"
            verdict = (("met" if ratio >= goal else "not met") + f" (≥{goal:g}×)") if one_thread_goals else ""
        dt, tt = fmt_time(d["seconds"]), fmt_time(t["seconds"])
        if d["row"] == "mlp_sgd32_step":
            dt += f" ({1 / d['seconds']:,.0f}/s)"
            tt += f" ({1 / t['seconds']:,.0f}/s)"
        lines.append(f"| {label(d['row'])} | {dt} | {tt} | {ratio_text} | {verdict} | {agree(d.get('check'), t.get('check'))} |")
    notes = [f"- {r['row']}: Descent {r['note']}" for r in descent["rows"] if r.get("note")]
    notes += [f"- {r['row']}: PyTorch {r['note']}" for r in torch_rows if r.get("note")]
    if notes:
        lines += ["", "Methods:"] + notes
    if bad:
        lines += ["", "NO RATIOS: a reference (Netlib) BLAS/LAPACK is loaded: " + ", ".join(bad)
                  + ". Install an optimized one (Debian: apt-get install libopenblas0-pthread) and rerun."]
    return "\n".join(lines)


def blas_summary(report):
    kinds = sorted(set(report["libraries"].values()) - {"other"})
    return "/".join(kinds) if kinds else "no BLAS mapped"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--descent", help="JSON written by Descent.Race; prints the side-by-side table")
    ap.add_argument("--rows", default="mlp,rnn,ss")
    ap.add_argument("--rnn-lengths", default="10,50,100,200")
    ap.add_argument("--no-hessian", action="store_true", help="skip the full Hessian and its eigenvalues")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    blas = blas_report()
    print(f"PyTorch/NumPy process: torch {torch.__version__} ({torch.get_num_threads()} threads), numpy {blas['numpy']}, "
          f"OpenBLAS threads {blas['openblas_threads']}", file=sys.stderr)
    for lib, kind in blas["libraries"].items():
        print(f"  mapped {lib}: {kind}", file=sys.stderr)
    want = set(args.rows.split(","))
    rows = []
    if "mlp" in want:
        x, y = load_digits()
        rows += rows_mlp(x, y, hessian=not args.no_hessian)
    if "rnn" in want:
        rows += rows_rnn([int(t) for t in args.rnn_lengths.split(",")])
    if "ss" in want:
        rows += rows_safran_shamir()
    for r in rows:
        print(f"{r['row']}: {r['seconds'] * 1e3:.3f} ms", file=sys.stderr)
    result = dict(torch=torch.__version__, threads=torch.get_num_threads(), python=platform.python_version(), blas=blas, rows=rows)
    print(json.dumps(result, indent=1))
    if args.descent:
        with open(args.descent) as fh:
            descent = json.load(fh)
        print()
        print(table(descent, rows, torch.get_num_threads(), blas, one_thread_goals=args.threads == 1))
        if reference_blas(blas):
            sys.exit(3)


if __name__ == "__main__":
    main()
