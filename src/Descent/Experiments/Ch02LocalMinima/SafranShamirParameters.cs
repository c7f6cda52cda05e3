namespace Descent.Experiments;

/// <summary>Parameters of <see cref="SafranShamir"/>. The defaults are the authors' protocol (Safran &amp; Shamir 2018,
/// arXiv:1712.08968, and their published code): N(0, 1/k) initial weights, plain gradient descent with step ε = 5/k
/// until ‖∇F‖ ≤ 1e-9.</summary>
public sealed record SafranShamirParameters
{
    /// <summary>Input dimensions k = number of teacher neurons (each ≥ 2).</summary>
    public int[] Ks { get; set; } = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];

    /// <summary>Extra student neurons: every k is run with n = k + e for each e here (each ≥ 0; 0 is the paper's n = k).</summary>
    public int[] ExtraNeurons { get; set; } = [0, 1];

    /// <summary>Gradient-descent runs per (k, n), each from its own seeded start (≥ 1). The paper uses 1000.</summary>
    public int Runs { get; set; } = 1000;

    /// <summary>Step size ε = StepScale/k (&gt; 0); the authors use 5/k.</summary>
    public double StepScale { get; set; } = 5;

    /// <summary>Use ε = StepScale/n instead of StepScale/k. The authors' 5/k is at the edge of stability: with n = k + 3
    /// students GD diverges from most starts (the curvature along "all students move together" grows with n), so
    /// the over-parametrization sweep scales the step by the student count.</summary>
    public bool StepPerStudent { get; set; }

    /// <summary>Stop a run when ‖∇F‖₂ ≤ this (&gt; 0).</summary>
    public double GradientTolerance { get; set; } = 1e-9;

    /// <summary>Also stop a run once F ≤ this (≥ 0, below <see cref="ObjectiveThreshold"/>): since F ≥ 0 = F*, such a point is a
    /// global minimum to within this value (the closed form is accurate to about 1e-13 for k ≤ 20, so 1e-10 is safe).
    /// Over-parametrized students otherwise creep towards their degenerate global minima (a neuron split in two parallel
    /// halves) for 10⁵ steps; for n = k it only saves the last digits of the global runs. 0 switches it off.</summary>
    public double GlobalObjective { get; set; } = 1e-10;

    /// <summary>Step budget per run (≥ 1); a run that exhausts it is "not converged".</summary>
    public int MaxSteps { get; set; } = 300_000;

    /// <summary>An end point with F at most this is a global minimum (F* = 0); the spurious minima the paper reports
    /// have F ≈ 0.02–0.04, and a point with ‖∇F‖ ≤ 1e-9 near the global minimum has F ≈ ½gᵀH⁻¹g ≲ 1e-16.</summary>
    public double ObjectiveThreshold { get; set; } = 1e-6;

    /// <summary>The Hessian counts as positive definite when λmin exceeds this (&gt; 0): far above the rounding of the
    /// eigenvalues (≈ 1e-15·‖H‖) and far below the paper's smallest average λmin (0.0015).</summary>
    public double EigenvalueTolerance { get; set; } = 1e-6;

    /// <summary>Master seed; run r of (k, n) starts from <see cref="SafranShamir.RunSeed"/>(Seed, k, n, r).</summary>
    public int Seed { get; set; }

    /// <summary>Worker threads (0 = all cores). Results do not depend on it.</summary>
    public int Threads { get; set; }
}
