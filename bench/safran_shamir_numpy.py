#!/usr/bin/env python3
"""Safran & Shamir's spurious-minima table in NumPy: the same protocol as Descent's `safran-shamir` experiment.

For each k (n = k + extra students): `runs` starts w_ij ~ N(0, 1/k); plain gradient descent with step 5/k on the
population objective F = 1/2 E[(sum_i relu(w_i.x) - sum_j relu(e_j.x))^2] (closed form, arc-cosine kernel) until
||grad F|| <= 1e-9 or F <= 1e-10 or 300,000 steps; then each end point is a global minimum (F <= 1e-6), a spurious
minimum (exact Hessian with lambda_min > 1e-6) or a saddle/degenerate point.

NumPy runs all starts of one k as a batch (arrays of shape runs x n x k), written the way one writes fast NumPy: every
operation of a step works on the whole batch, into buffers allocated once per k (`out=`, in place, no temporaries).
Contractions with a matrix shared by all runs are one GEMM over the batch (the teacher's leave-one-out sums of
squares, the sums over each neuron's pairs); per-run ones are batched matmul (the Gram matrix W Wᵀ, and the gradient as
one product A W per run). The arctangents, most of the time, are taken once per teacher angle and once per student
pair i < i' (gathered from the Gram matrix with np.take and spread back into A the same way). F comes from the same
sums as the gradient (Euler's identity for its homogeneous parts), and the step size is folded into the gradient's
coefficients. A run that meets a stop rule is stored and dropped from the batch in the same step, so a step costs work
only for the live runs. The Hessians of the end points are built and diagonalized in batches. (The authors' own code
loops over runs with one k x k matrix each, far slower.) Random starts come from numpy's generator, so individual
runs differ from Descent's; the percentages agree within their standard errors.

    /usr/bin/python3 bench/safran_shamir_numpy.py --ks 6,7,8,9,10,11,12 --runs 1000
    bench/safran_shamir_race.sh      # the same table here and in Descent, back to back (see bench/README.md)
"""
import argparse
import json
import math
import os
import time
import types

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one thread, as Descent's --threads 1
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

TWO_PI = 2 * math.pi


class Workspace:
    """Buffers for batches of up to R runs of n students in k dimensions, allocated once, and the index tables of the
    P = n(n−1)/2 student pairs p = (i, i'), i < i'. `rows(R)` gives views of the first R rows (cached per R)."""

    def __init__(self, R, n, k):
        self.R, self.n, self.k = R, n, k
        self.loo = 1.0 - np.eye(k)                    # W² @ loo: Σ_{l≠j} w_il², a sum of squares (no cancellation)
        self.ones_k = np.ones(k)
        self.ones_n = np.full(n, 1 / (2 * TWO_PI))
        iu, ju = np.triu_indices(n, 1)
        P = len(iu)
        self.P, self.iu, self.ju = P, iu, ju
        self.tri = iu * n + ju                        # pair p in a flattened n x n matrix
        self.inc = np.zeros((P, n))                   # z @ inc: Σ over the pairs of each neuron
        self.inc[np.arange(P), iu] = 1.0
        self.inc[np.arange(P), ju] = 1.0
        pid = np.zeros((n, n), dtype=np.intp)         # (i, i') -> p (the diagonal is overwritten every step)
        pid[iu, ju] = pid[ju, iu] = np.arange(P)
        self.pid = pid.ravel()
        self.const = 0.5 * (k / 2 + k * (k - 1) / TWO_PI)
        names = {"W2": (n, k), "L": (n, k), "Q": (n, k), "Wc": (n, k), "sq": (n,), "r": (n,), "inv": (n,),
                 "tsum": (n,), "zi": (n,), "cp": (P,), "sp": (P,), "ab": (P,), "t": (P,), "q": (P,),
                 "Gm": (n, n), "A": (n, n)}
        self._buf = {name: np.empty((R, *shape)) for name, shape in names.items()}
        self._rows = {}

    def rows(self, R):
        v = self._rows.get(R)
        if v is None:
            n, k, P = self.n, self.k, self.P
            v = types.SimpleNamespace(**{name: b[:R] for name, b in self._buf.items()})
            v.W2f, v.Lf, v.tsumf = v.W2.reshape(R * n, k), v.L.reshape(R * n, k), v.tsum.reshape(R * n)
            v.L0, v.W20 = v.L[..., 0], v.W2[..., 0]
            v.WcT = v.Wc.transpose(0, 2, 1)
            v.Gmf, v.Af = v.Gm.reshape(R, n * n), v.A.reshape(R, n * n)
            v.Adiag = v.Af[:, ::n + 1]
            self._rows[R] = v
        return v


def gradient(W, out, h=1.0, ws=None):
    """h·∇F, F and ‖∇F‖ for a batch W (R, n, k), teacher e_1..e_k; h·∇F is written into `out` (R, n, k).

    ∇_{wᵢ}F = ½wᵢ + (1/2π)[(Σᵢ' ‖wᵢ'‖ sin θᵢᵢ' − Σⱼ sin θᵢⱼ) ŵᵢ + Σᵢ'≠ᵢ (π − θᵢᵢ') wᵢ' − (π − θᵢⱼ)ⱼ], computed as one
    matrix product per run, h·∇F = A W − h(π − θᵢⱼ)/2π, where A holds h(π − θᵢᵢ')/2π off the diagonal and the
    coefficient of wᵢ on it. The sines come without cancellation where it matters (near the global minimum wᵢ → eᵢ):
    for the teacher, ‖wᵢ‖ sin θᵢⱼ = (Σ_{l≠j} wᵢₗ²)^½, the leave-one-out sums of squares as one GEMM with the 0/1 matrix
    1 − I; for nearly parallel students (cos² θ ≥ 0.81, rare) the rejection ‖ŵ' − cos θ ŵ‖ (the same rules as Descent).
    Angles are π − θ = π/2 + arctan(cos θ/sin θ), θ ∈ [0, π] (NumPy's arctan is ~2× faster than its arctan2)."""
    R, n, k = W.shape
    if ws is None:
        ws = Workspace(R, n, k)
    v = ws.rows(R)
    # Teacher angles: ‖wᵢ‖ sin θᵢⱼ = sL, ‖wᵢ‖ cos θᵢⱼ = wᵢⱼ.
    np.multiply(W, W, out=v.W2)
    np.matmul(v.W2f, ws.loo, out=v.Lf)
    sq = np.add(v.L0, v.W20, out=v.sq)                          # ‖wᵢ‖²
    r = np.sqrt(sq, out=v.r)
    inv = np.divide(1.0, r, out=v.inv)
    sL = np.sqrt(v.L, out=v.L)
    Q = np.divide(W, sL, out=v.Q)                               # cot θᵢⱼ (±inf if wᵢ ∥ eⱼ: the angle is still right)
    np.arctan(Q, out=Q)
    Q *= h / TWO_PI
    Q += h / 4                                                  # h(π − θᵢⱼ)/2π
    tsum = v.tsum
    np.matmul(v.Lf, ws.ones_k, out=v.tsumf)                     # ‖wᵢ‖ Σⱼ sin θᵢⱼ
    # Student pairs i < i': cos θ = (wᵢ·wᵢ')/(‖wᵢ‖‖wᵢ'‖).
    np.copyto(v.Wc, W)                                          # a second buffer: W Wᵀ as GEMM, not numpy's SYRK path
    np.matmul(W, v.WcT, out=v.Gm)
    cp = np.take(v.Gmf, ws.tri, axis=1, out=v.cp, mode="clip")
    ab = np.take(inv, ws.iu, axis=1, out=v.ab, mode="clip")
    ab *= np.take(inv, ws.ju, axis=1, out=v.t, mode="clip")     # 1/(‖wᵢ‖‖wᵢ'‖)
    cp *= ab
    sp = np.multiply(cp, cp, out=v.sp)
    near = np.nonzero(sp >= 0.81) if sp.size and sp.max() >= 0.81 else None  # |cos θ| ≥ 0.9 (rare)
    np.subtract(1.0, sp, out=sp)
    if near is not None:
        np.maximum(sp, 0.0, out=sp)
    np.sqrt(sp, out=sp)                                         # sin θᵢᵢ'
    if near is not None:                                        # the rejection norm instead
        rr, pp = near
        ii, jj = ws.iu[pp], ws.ju[pp]
        c = np.clip(cp[rr, pp], -1.0, 1.0)
        cp[rr, pp] = c
        d = W[rr, jj] * inv[rr, jj][:, None] - c[:, None] * (W[rr, ii] * inv[rr, ii][:, None])
        sp[rr, pp] = np.minimum(1.0, np.sqrt(np.einsum("ij,ij->i", d, d)))
    q = np.divide(cp, sp, out=v.q)
    np.arctan(q, out=q)
    q *= h / TWO_PI
    q += h / 4                                                  # h(π − θᵢᵢ')/2π
    z = np.divide(sp, ab, out=ab)                               # ‖wᵢ‖‖wᵢ'‖ sin θᵢᵢ'
    scale = np.matmul(z, ws.inc, out=v.zi)                      # ‖wᵢ‖ Σᵢ' ‖wᵢ'‖ sin θᵢᵢ'
    # Coefficient of wᵢ: h/2 + h(Σᵢ' ‖wᵢ'‖ sin θᵢᵢ' − Σⱼ sin θᵢⱼ)/(2π‖wᵢ‖).
    scale -= tsum
    scale /= sq
    scale *= h / TWO_PI
    scale += h / 2
    if ws.P:
        np.take(q, ws.pid, axis=1, out=v.Af, mode="clip")
    v.Adiag[...] = scale
    G = np.matmul(v.A, W, out=out)
    Z = np.einsum("rij,rij->r", W, G)
    G -= Q
    Y = np.einsum("rij,rij->r", W, Q)
    gn = np.sqrt(np.einsum("rij,rij->r", G, G))
    gn /= h
    # F = F_students − F_cross + const, F_students of degree 2 and F_cross of degree 1 in W, so W·∇F = 2F_s − F_c and
    # F = ½(W·∇F − F_c) + const, with W·∇F = (Z − Y)/h and F_c = Y/h + Σᵢ ‖wᵢ‖ Σⱼ sin θᵢⱼ/2π.
    F = Z - 2 * Y
    F *= 0.5 / h
    F -= np.matmul(tsum, ws.ones_n)
    F += ws.const
    return F, gn


def hessians(w):
    """Exact Hessians of F at the points w (m, n, k), all at once: the blocks of ReluTeacherStudent's closed form, as
    hessian() for one point. Returns (m, nk, nk)."""
    m, n, k = w.shape
    I = np.eye(k)
    ar = np.arange(n)
    r = np.linalg.norm(w, axis=2)                      # (m, n)
    hat = w / r[..., None]
    # Teacher e_j for neuron i: c = ŵᵢ·eⱼ, d = eⱼ − c ŵᵢ (m, n, j, k), s = ‖d‖.
    ct = np.clip(hat, -1.0, 1.0)
    dt = I - ct[..., None] * hat[:, :, None, :]
    st = np.minimum(1.0, np.linalg.norm(dt, axis=-1))
    # Student i' for neuron i: c = ŵᵢ·ŵᵢ', d = ŵᵢ' − c ŵᵢ (m, i, i', k), s = ‖d‖, θ = atan2(s, c).
    cs = np.clip(np.matmul(hat, hat.transpose(0, 2, 1)), -1.0, 1.0)
    ds = hat[:, None, :, :] - cs[..., None] * hat[:, :, None, :]
    ss = np.minimum(1.0, np.linalg.norm(ds, axis=-1))
    ss[:, ar, ar] = 0.0
    ts = np.arctan2(ss, cs)
    pos_t, pos_s = st > 0, ss > 0
    inv_t = np.divide(1.0, st, out=np.zeros_like(st), where=pos_t)
    inv_s = np.divide(1.0, ss, out=np.zeros_like(ss), where=pos_s)
    # Diagonal block i: ½I + βᵢ(I − ŵᵢŵᵢᵀ) − Σⱼ dᵢⱼdᵢⱼᵀ/(2π‖wᵢ‖sᵢⱼ) + Σᵢ' ‖wᵢ'‖ dᵢᵢ'dᵢᵢ'ᵀ/(2π‖wᵢ‖sᵢᵢ').
    beta = ((ss * r[:, None, :]).sum(-1) - st.sum(-1)) / (TWO_PI * r)
    wt = -inv_t / (TWO_PI * r[..., None])
    wsd = inv_s * r[:, None, :] / (TWO_PI * r[..., None])
    diag = np.matmul((dt * wt[..., None]).transpose(0, 1, 3, 2), dt)
    diag += np.matmul((ds * wsd[..., None]).transpose(0, 1, 3, 2), ds)
    diag += beta[..., None, None] * (I - hat[..., :, None] * hat[..., None, :])
    diag += 0.5 * I
    # Off-diagonal block (i, i'): [(π − θ)I + s ŵᵢŵᵢ'ᵀ + dᵢᵢ' dᵢ'ᵢᵀ/s]/2π.
    off = ss[..., None, None] * hat[:, :, None, :, None] * hat[:, None, :, None, :]
    off += ds[..., :, None] * ds.transpose(0, 2, 1, 3)[..., None, :] * inv_s[..., None, None]
    off += (np.pi - ts)[..., None, None] * I
    off /= TWO_PI
    off[:, ar, ar] = diag
    h = off.transpose(0, 1, 3, 2, 4).reshape(m, n * k, n * k)
    return 0.5 * (h + h.transpose(0, 2, 1))


def hessian(w):
    """Exact Hessian of F at one point w (n, k)."""
    return hessians(w[None])[0]


def run_k(k, n, runs, seed, tol=1e-9, global_f=1e-10, max_steps=300_000, step_scale=5.0, chunk=32):
    """All `runs` starts advance together; a run that meets a stop rule is stored and dropped from the batch in the
    same step (the batch is compacted into a second buffer), so a step costs work only for the live runs. The end
    points that are not global minima are classified by their Hessians, `chunk` at a time."""
    rng = np.random.default_rng([seed, k, n])
    W = rng.standard_normal((runs, n, k)) / math.sqrt(k)
    step = step_scale / k
    ws = Workspace(runs, n, k)
    bufs = [W, np.empty_like(W)]                      # the batch lives in one and is compacted into the other
    Gbuf = np.empty_like(W)
    idx = np.arange(runs)                             # run number of each batch row
    final_W = np.zeros_like(W)
    final_F = np.zeros(runs)
    steps = np.zeros(runs, dtype=np.int64)
    converged = np.zeros(runs, dtype=bool)
    t = 0
    with np.errstate(divide="ignore", invalid="ignore"):   # a run that turns non-finite is stopped and reported
        while True:
            G = Gbuf[:len(idx)]
            F, gn = gradient(W, G, step, ws)          # G = step·∇F
            ok = gn <= tol
            ok |= F <= global_f
            stop = ~np.isfinite(F + gn)               # F, ‖∇F‖ ≥ 0: non-finite iff either is
            if t >= max_steps:
                stop[:] = True
            stop |= ok
            if stop.any():
                d = np.flatnonzero(stop)
                e = idx[d]
                final_W[e] = W[d]
                final_F[e] = F[d]
                steps[e] = t
                converged[e] = ok[d] & np.isfinite(F[d] + gn[d])
                keep = ~stop
                idx = idx[keep]
                if len(idx) == 0:
                    break
                W -= G
                bufs.reverse()
                W = np.compress(keep, W, axis=0, out=bufs[0][:len(idx)])
            else:
                W -= G
            t += 1
    glob = converged & (final_F <= 1e-6)
    rest = np.flatnonzero(converged & ~glob)
    lmin = np.concatenate([np.zeros(0)] + [np.linalg.eigvalsh(hessians(final_W[rest[i:i + chunk]]))[:, 0]
                                           for i in range(0, len(rest), chunk)])
    spur = lmin > 1e-6
    lam, obj = lmin[spur], final_F[rest[spur]]
    kinds = {"global": int(glob.sum()), "spurious": int(spur.sum()), "saddle": int((~spur).sum()),
             "not_converged": int((~converged).sum())}
    p = kinds["spurious"] / runs
    return {"k": k, "n": n, "runs": runs, **kinds, "spurious_percent": 100 * p,
            "standard_error": 100 * math.sqrt(p * (1 - p) / runs),
            "avg_min_eigenvalue": float(np.mean(lam)) if len(lam) else float("nan"),
            "avg_objective": float(np.mean(obj)) if len(obj) else float("nan"),
            "mean_steps": float(steps.mean())}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ks", default="6,7,8,9,10,11,12,13,14,15,16,17,18,19,20")
    ap.add_argument("--extra-neurons", default="0")
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="print one JSON object per row")
    a = ap.parse_args()
    start, cpu0 = time.perf_counter(), time.process_time()
    for k in [int(x) for x in a.ks.split(",")]:
        for e in [int(x) for x in a.extra_neurons.split(",")]:
            t0 = time.perf_counter()
            row = run_k(k, k + e, a.runs, a.seed)
            row["seconds"] = time.perf_counter() - t0
            print(json.dumps(row) if a.json else
                  f"k={k:2d} n={k + e:2d}: {row['spurious_percent']:5.1f}% ± {row['standard_error']:.1f} spurious, "
                  f"lambda_min {row['avg_min_eigenvalue']:.4f}, F {row['avg_objective']:.4f}, "
                  f"{row['not_converged']} not converged, mean steps {row['mean_steps']:.0f}, {row['seconds']:.1f} s", flush=True)
    print(f"total: {time.perf_counter() - start:.1f} s wall, {time.process_time() - cpu0:.1f} s CPU (numpy {np.__version__})")


if __name__ == "__main__":
    main()
