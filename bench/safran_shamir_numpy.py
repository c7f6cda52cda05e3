#!/usr/bin/env python3
"""Safran & Shamir's spurious-minima table in NumPy: the same protocol as Descent's `safran-shamir` experiment.

For each k (n = k + extra students): `runs` starts w_ij ~ N(0, 1/k); plain gradient descent with step 5/k on the
population objective F = 1/2 E[(sum_i relu(w_i.x) - sum_j relu(e_j.x))^2] (closed form, arc-cosine kernel) until
||grad F|| <= 1e-9 or F <= 1e-10 or 300,000 steps; then each end point is a global minimum (F <= 1e-6), a spurious
minimum (exact Hessian with lambda_min > 1e-6) or a saddle/degenerate point.

NumPy runs all starts of one k as a batch (arrays of shape runs x n x k), dropping runs as they stop, so the per-call
overhead of NumPy is paid once per step for the whole batch instead of once per run: the strongest NumPy version of the
protocol we know. (The authors' own code loops over runs with one k x k matrix each, far slower.) Random starts come from
numpy's generator, so individual runs differ from Descent's; the percentages agree within their standard errors.

    /usr/bin/python3 bench/safran_shamir_numpy.py --ks 6,7,8,9,10,11,12 --runs 1000
    bench/safran_shamir_race.sh      # the full table here and in Descent, back to back

Measured 2026-11-26 (AMD EPYC, 2 shared cores, load 1-3, one thread each), full table k = n = 6..20, 1000 runs:
Descent 284.9 s wall / 286.9 s CPU, NumPy 812.2 s wall / 794.5 s CPU (2.8x); identical protocol, rates within SE.
"""
import argparse
import json
import math
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one thread, as Descent's --threads 1
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

TWO_PI = 2 * math.pi


def gradient(W):
    """Gradient and value of F for a batch W (R, n, k), teacher e_1..e_k. Returns (G, F, gnorm)."""
    R, n, k = W.shape
    W2 = W * W
    sq = W2.sum(-1)                                   # (R, n)
    r = np.sqrt(sq)
    inv = 1.0 / r
    # Teacher angles: cos = w_j/|w|, sin = |w without j|/|w| (exact for the dominant coordinate, no cancellation).
    C = W * inv[..., None]
    S = np.sqrt(np.clip(1.0 - C * C, 0.0, 1.0))
    dom = np.argmax(W2, axis=-1)                      # (R, n)
    excl = W2.copy()
    np.put_along_axis(excl, dom[..., None], 0.0, axis=-1)
    s_dom = np.minimum(1.0, np.sqrt(excl.sum(-1)) * inv)
    np.put_along_axis(S, dom[..., None], s_dom[..., None], axis=-1)
    T = np.arctan2(S, C)
    rest = math.pi - T
    cross = (r * (S + rest * C).sum(-1)).sum(-1) / TWO_PI
    coef = -S.sum(-1) / TWO_PI                        # (R, n)
    G = -rest / TWO_PI                                # teacher part of the gradient
    # Student pairs.
    Wn = W * inv[..., None]
    Cp = np.clip(Wn @ Wn.transpose(0, 2, 1), -1.0, 1.0)   # (R, n, n)
    Sp = np.sqrt(np.clip(1.0 - Cp * Cp, 0.0, 1.0))
    eye = np.eye(n, dtype=bool)
    near = (np.abs(Cp) >= 0.9) & ~eye
    if near.any():
        rr, ii, jj = np.nonzero(near)
        d = Wn[rr, jj] - Cp[rr, ii, jj][:, None] * Wn[rr, ii]
        Sp[rr, ii, jj] = np.minimum(1.0, np.sqrt((d * d).sum(-1)))
    Tp = np.arctan2(Sp, Cp)
    A = (math.pi - Tp) / TWO_PI
    A[:, eye] = 0.0
    Sp[:, eye] = 0.0
    coef += (Sp * r[:, None, :]).sum(-1) / TWO_PI
    G += (0.5 + coef * inv)[..., None] * W + A @ W
    Kp = r[:, :, None] * r[:, None, :] * (Sp + (math.pi - Tp) * Cp) / TWO_PI
    Kp[:, eye] = 0.0
    students = 0.25 * sq.sum(-1) + 0.5 * Kp.sum((-1, -2))
    F = students - cross + 0.5 * (k / 2 + k * (k - 1) / TWO_PI)
    return G, F, np.sqrt((G * G).sum((-1, -2)))


def hessian(w):
    """Exact Hessian of F at one point w (n, k): the blocks of ReluTeacherStudent's closed form."""
    n, k = w.shape
    H = np.zeros((n * k, n * k))
    I = np.eye(k)
    norms = np.linalg.norm(w, axis=1)
    hat = w / norms[:, None]

    def pair(a, u, nu):
        c = float(np.clip(hat[a] @ (u / nu), -1, 1))
        rej = u / nu - c * hat[a]
        s = min(1.0, float(np.linalg.norm(rej)))
        return c, s, math.atan2(s, c)

    for i in range(n):
        block = 0.5 * I.copy()
        for j in range(k):  # teacher e_j, with sign -1
            u = I[j]
            c, s, t = pair(i, u, 1.0)
            if s > 0:
                nw = (u - c * hat[i]) / s
                block -= s / (TWO_PI * norms[i]) * (I - np.outer(hat[i], hat[i]) + np.outer(nw, nw))
        for i2 in range(n):
            if i2 == i:
                continue
            u = w[i2]
            c, s, t = pair(i, u, norms[i2])
            uh = u / norms[i2]
            cross = (math.pi - t) * I
            if s > 0:
                nw = (uh - c * hat[i]) / s
                nu = (hat[i] - c * uh) / s
                block += norms[i2] * s / (TWO_PI * norms[i]) * (I - np.outer(hat[i], hat[i]) + np.outer(nw, nw))
                cross = cross + s * (np.outer(hat[i], uh) + np.outer(nw, nu))
            H[i * k:(i + 1) * k, i2 * k:(i2 + 1) * k] = cross / TWO_PI
        H[i * k:(i + 1) * k, i * k:(i + 1) * k] = block
    return 0.5 * (H + H.T)


def run_k(k, n, runs, seed, tol=1e-9, global_f=1e-10, max_steps=300_000, step_scale=5.0):
    rng = np.random.default_rng([seed, k, n])
    W = rng.standard_normal((runs, n, k)) / math.sqrt(k)
    step = step_scale / k
    idx = np.arange(runs)
    final_W = np.zeros_like(W)
    final_F = np.zeros(runs)
    steps = np.zeros(runs, dtype=np.int64)
    converged = np.zeros(runs, dtype=bool)
    t = 0
    while len(idx) > 0:
        G, F, gn = gradient(W)
        finite = np.isfinite(F) & np.isfinite(gn)
        done = (gn <= tol) | (F <= global_f) | ~finite | (t >= max_steps)
        if done.any():
            final_W[idx[done]] = W[done]
            final_F[idx[done]] = F[done]
            steps[idx[done]] = t
            converged[idx[done]] = finite[done] & ((gn[done] <= tol) | (F[done] <= global_f))
            keep = ~done
            idx, W, G = idx[keep], W[keep], G[keep]
        if len(idx) == 0:
            break
        W = W - step * G
        t += 1
    kinds = {"global": 0, "spurious": 0, "saddle": 0, "not_converged": 0}
    lam, obj = [], []
    for r in range(runs):
        if not converged[r]:
            kinds["not_converged"] += 1
        elif final_F[r] <= 1e-6:
            kinds["global"] += 1
        else:
            lmin = float(np.linalg.eigvalsh(hessian(final_W[r]))[0])
            if lmin > 1e-6:
                kinds["spurious"] += 1
                lam.append(lmin)
                obj.append(float(final_F[r]))
            else:
                kinds["saddle"] += 1
    p = kinds["spurious"] / runs
    return {"k": k, "n": n, "runs": runs, **kinds, "spurious_percent": 100 * p,
            "standard_error": 100 * math.sqrt(p * (1 - p) / runs),
            "avg_min_eigenvalue": float(np.mean(lam)) if lam else float("nan"),
            "avg_objective": float(np.mean(obj)) if obj else float("nan"),
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
