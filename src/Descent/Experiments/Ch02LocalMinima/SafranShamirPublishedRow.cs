namespace Descent.Experiments;

/// <summary>One row of Safran &amp; Shamir's published tables (arXiv:1712.08968; Yarotsky, "Optimization of neural networks" reproduces them): 1000 runs of
/// gradient descent for this (k, n).</summary>
/// <param name="K">Input dimension = teacher neurons.</param>
/// <param name="N">Student neurons.</param>
/// <param name="Percent">% of runs converging to spurious local minima.</param>
/// <param name="AverageMinEigenvalue">Average smallest Hessian eigenvalue at those minima.</param>
/// <param name="AverageObjective">Average objective value at those minima.</param>
public sealed record SafranShamirPublishedRow(int K, int N, double Percent, double AverageMinEigenvalue, double AverageObjective)
{
    /// <summary>Runs behind each published percentage.</summary>
    public const int Runs = 1000;

    /// <summary>Binomial standard error of the published percentage, 100·√(p(1 − p)/1000), in percentage points.</summary>
    public double StandardError => 100 * Math.Sqrt(Percent / 100 * (1 - Percent / 100) / Runs);

    /// <inheritdoc />
    public override string ToString() =>
        $"k = {K}, n = {N}: {Percent:G3}% ± {StandardError:G2} spurious, λmin {AverageMinEigenvalue:G2}, F {AverageObjective:G2} (paper)";
}
