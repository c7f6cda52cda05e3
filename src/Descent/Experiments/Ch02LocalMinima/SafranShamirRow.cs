namespace Descent.Experiments;

/// <summary>One (k, n) of <see cref="SafranShamir"/>: how the runs ended, and the spurious minima's statistics.</summary>
/// <param name="K">Input dimension = teacher neurons.</param>
/// <param name="N">Student neurons.</param>
/// <param name="Runs">Gradient-descent runs.</param>
/// <param name="GlobalMinima">Runs that ended at a global minimum.</param>
/// <param name="SpuriousMinima">Runs that ended at a spurious local minimum.</param>
/// <param name="SaddlesOrDegenerate">Runs that ended at a critical point whose Hessian is not positive definite.</param>
/// <param name="NotConverged">Runs that exhausted the step budget.</param>
/// <param name="AverageMinEigenvalue">Mean λmin of the exact Hessian over the spurious minima (NaN if none).</param>
/// <param name="AverageObjective">Mean F over the spurious minima (NaN if none).</param>
/// <param name="DistinctSpuriousMinima">Spurious minima that differ up to the symmetries (permuting students,
/// permuting coordinates with the teachers), told apart by F and the singular values of W.</param>
/// <param name="MeanSteps">Mean gradient-descent steps per run.</param>
/// <param name="MaxGradientNorm">Largest ‖∇F‖ (exact) over the spurious minima (NaN if none).</param>
public sealed record SafranShamirRow(int K, int N, int Runs, int GlobalMinima, int SpuriousMinima, int SaddlesOrDegenerate, int NotConverged,
    double AverageMinEigenvalue, double AverageObjective, int DistinctSpuriousMinima, double MeanSteps, double MaxGradientNorm)
{
    /// <summary>% of runs that ended at a spurious local minimum.</summary>
    public double SpuriousPercent => 100.0 * SpuriousMinima / Runs;

    /// <summary>Binomial standard error of <see cref="SpuriousPercent"/>, 100·√(p̂(1 − p̂)/runs), in percentage points.</summary>
    public double StandardError
    {
        get
        {
            double p = (double)SpuriousMinima / Runs;
            return 100 * Math.Sqrt(p * (1 - p) / Runs);
        }
    }

    /// <summary>The paper's row for this (k, n), if it published one.</summary>
    public SafranShamirPublishedRow? Paper => SafranShamirPaper.Find(K, N);

    /// <summary>(ours − paper) in units of the standard error of the difference of two independent binomial estimates,
    /// √(p(1 − p)(1/runs + 1/1000)) with p the pooled rate; NaN when the paper has no row.</summary>
    public double ZScore
    {
        get
        {
            if (Paper is not { } paper) return double.NaN;
            double pooled = (SpuriousMinima + paper.Percent / 100 * SafranShamirPublishedRow.Runs) / (Runs + SafranShamirPublishedRow.Runs);
            double se = 100 * Math.Sqrt(pooled * (1 - pooled) * (1.0 / Runs + 1.0 / SafranShamirPublishedRow.Runs));
            return se == 0 ? 0 : (SpuriousPercent - paper.Percent) / se;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"k = {K}, n = {N}: {SpuriousPercent:G3}% ± {StandardError:G2} spurious ({SpuriousMinima}/{Runs}, {DistinctSpuriousMinima} distinct), "
        + $"λmin {AverageMinEigenvalue:G2}, F {AverageObjective:G2}; {SaddlesOrDegenerate} saddles, {NotConverged} not converged"
        + (Paper is { } p ? $"; paper {p.Percent:G3}%" : "");
}
