#!/usr/bin/env python3
"""Safran & Shamir's spurious-minima table in NumPy: the same protocol as Descent's `safran-shamir` experiment.

For each k (n = k + extra students): `runs` starts w_ij ~ N(0, 1/k); plain gradient descent with step 5/k on the
population objective F = 1/2 E[(sum_i relu(w_i.x) - sum_j relu(e_j.x))^2] (closed form, arc-cosine kernel) until
||grad F|| <= 1e-9 or F <= 1e-10 or 300,000 steps; then each end point is a global minimum (F <= 1e-6), a spurious
minimum (exact Hessian with lambda_min > 1e-6) or a saddle/degenerate point.

NumPy runs all starts of one k as a batch (arrays of shape runs x n x k): every operation of a step works on the whole
batch (batched matmul for the two contractions, in-place elementwise operations), runs that stop are frozen and dropped
from the batch once a quarter of it has stopped, so the per-call overhead of NumPy is paid once per step for the whole
batch instead of once per run. (The authors' own code loops over runs with one k x k matrix each, far slower.) Random
starts come from numpy's generator, so individual runs differ from Descent's; the percentages agree within their
standard errors.

    /usr/bin/python3 bench/safran_shamir_numpy.py --ks 6,7,8,9,10,11,12 --runs 1000
    bench/safran_shamir_race.sh      # the same table here and in Descent, back to back (see bench/README.md)
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


def gradient(W, out):
    """∇F, F and ‖∇F‖ for a batch W (R, n, k), teacher e_1..e_k, gradient written into `out` (R, n, k).

    Vectorized over the batch: every operation works on the whole (R, n, k) or (R, n, n) array, in place where it can,
    and the two contractions are batched matrix products (np.matmul). Sines come without cancellation where it matters
    (near the global minimum wᵢ → eᵢ): for the teacher, sin θᵢⱼ = ‖wᵢ without entry j‖/‖wᵢ‖ for the one coordinate with
    cos²θ ≥ ½; for nearly parallel students, the rejection ‖ŵ' − cos θ ŵ‖ (the same rules as Descent)."""
    R, n, k = W.shape
    W2 = W * W
    sq = W2.sum(-1)                                   # (R, n)
    r = np.sqrt(sq)
    inv = 1.0 / r
    # Teacher angles.
    C = W * inv[..., None]
    S = 1.0 - C * C
    np.maximum(S, 0.0, out=S)
    np.sqrt(S, out=S)
    dom = W2 >= 0.5 * sq[..., None]                   # at most one coordinate per neuron
    if dom.any():
        excl = np.sqrt(np.where(dom, 0.0, W2).sum(-1)) * inv    # ‖wᵢ without its dominant entry‖/‖wᵢ‖
        np.copyto(S, np.minimum(1.0, excl)[..., None], where=dom)
    rest = np.pi - angle(S, C)                        # π − θᵢⱼ
    cross = (r * (S + rest * C).sum(-1)).sum(-1) / TWO_PI
    coef = S.sum(-1)                                  # Σⱼ sin θᵢⱼ (times −1/2π below)
    # Student pairs.
    Cp = np.matmul(C, C.transpose(0, 2, 1))           # cos θᵢᵢ' (C = ŵ rows)
    np.clip(Cp, -1.0, 1.0, out=Cp)
    Sp = 1.0 - Cp * Cp
    np.maximum(Sp, 0.0, out=Sp)
    np.sqrt(Sp, out=Sp)
    near = np.abs(Cp) >= 0.9
    near[:, EYE[n]] = False
    if near.any():
        rr, ii, jj = np.nonzero(near)
        d = C[rr, jj] - Cp[rr, ii, jj][:, None] * C[rr, ii]
        Sp[rr, ii, jj] = np.minimum(1.0, np.sqrt(np.einsum("ij,ij->i", d, d)))
    # The angles of the n(n−1)/2 pairs i < i' only (the matrix is symmetric), scattered back to both halves.
    iu, ju = TRIU[n]
    A = np.zeros_like(Cp)                             # (π − θᵢᵢ'), zero diagonal
    a = np.pi - angle(Sp[:, iu, ju], Cp[:, iu, ju])
    A[:, iu, ju] = a
    A[:, ju, iu] = a
    Sp[:, EYE[n]] = 0.0
    # ∇_{wᵢ}F = ½wᵢ + (1/2π)[(Σᵢ' ‖wᵢ'‖ sin θᵢᵢ' − Σⱼ sin θᵢⱼ) ŵᵢ + Σᵢ' (π − θᵢᵢ') wᵢ' − (π − θᵢⱼ)ⱼ]
    scale = np.matmul(Sp, r[..., None])[..., 0]       # Σᵢ' ‖wᵢ'‖ sin θᵢᵢ'
    scale -= coef
    scale *= inv
    scale /= TWO_PI
    scale += 0.5
    np.multiply(W, scale[..., None], out=out)
    out += np.matmul(A, W) / TWO_PI
    out -= rest / TWO_PI
    Kp = (Sp + A * Cp) * r[:, :, None] * r[:, None, :]
    Kp[:, EYE[n]] = 0.0
    students = 0.25 * sq.sum(-1) + Kp.sum((-1, -2)) / (2 * TWO_PI)
    F = students - cross + 0.5 * (k / 2 + k * (k - 1) / TWO_PI)
    return F, np.sqrt(np.einsum("rij,rij->r", out, out))


def angle(s, c):
    """θ = atan2(s, c) for s ≥ 0, as arctan(s/c) (+π where c < 0): NumPy's arctan is SIMD-vectorized, its arctan2 is
    not (3× slower here); the result is the same to an ulp or two (arctan's relative accuracy)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.arctan(s / c)                          # c = 0 (s > 0): s/c = ±inf, arctan = ±π/2
    t[np.signbit(c)] += np.pi                         # c < 0, and c = −0 (where s/c = −inf)
    return t


class _Cache(dict):
    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, n):
        self[n] = self.make(n)
        return self[n]


EYE = _Cache(lambda n: np.eye(n, dtype=bool))
TRIU = _Cache(lambda n: np.triu_indices(n, 1))


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
    """All `runs` starts advance together; a run that meets a stop rule is frozen (its end point stored) and dropped
    from the batch once a quarter of the batch has stopped, so a step costs work only for the live runs."""
    rng = np.random.default_rng([seed, k, n])
    W = rng.standard_normal((runs, n, k)) / math.sqrt(k)
    step = step_scale / k
    idx = np.arange(runs)
    live = np.ones(runs, dtype=bool)                  # over the current batch
    final_W = np.zeros_like(W)
    final_F = np.zeros(runs)
    steps = np.zeros(runs, dtype=np.int64)
    converged = np.zeros(runs, dtype=bool)
    G = np.empty_like(W)
    t = 0
    while True:
        F, gn = gradient(W, G)
        finite = np.isfinite(F) & np.isfinite(gn)
        done = live & ((gn <= tol) | (F <= global_f) | ~finite | (t >= max_steps))
        if done.any():
            d = idx[done]
            final_W[d] = W[done]
            final_F[d] = F[done]
            steps[d] = t
            converged[d] = finite[done] & ((gn[done] <= tol) | (F[done] <= global_f))
            live &= ~done
            count = int(live.sum())
            if count == 0:
                break
            if count <= 0.75 * len(idx):              # compact: drop the frozen runs
                idx, W, G, live = idx[live], W[live], G[live], live[live]
        # Frozen runs still in the batch take no step (their G is zeroed).
        if not live.all():
            G[~live] = 0.0
        W -= step * G
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
