using Descent.Curvature;
using Descent.Data;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Descent.Race;

/// <summary>MLP 64-32-10, tanh, softmax cross-entropy (mean over examples), on all 1797 digits.</summary>
internal static class MlpRows
{
    public static IEnumerable<RaceRow> Run(int threads, bool hessian, bool mathNetEvd)
    {
        var digits = Patterns.AllDigits();
        var mlp = new Mlp([64, 32, 10], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, digits.Inputs, digits.Labels!) { Threads = threads };
        var theta = Patterns.Theta(mlp.Dimension);
        var v = Patterns.Direction(mlp.Dimension);

        var (loss, gradient) = mlp.ValueAndGradient(theta);
        yield return new RaceRow("mlp_full_batch", Timer.Measure(() => mlp.ValueAndGradient(theta)),
            new() { ["loss"] = loss, ["grad_norm"] = gradient.L2Norm() });

        // Minibatch-32 SGD: batches from Descent's shuffled sampler, gradient into a reused buffer, θ ← θ − ηg in place.
        var sampler = MinibatchSampler.ShuffledEachEpoch(digits.Count, 32, seed: 1);
        var w = (DenseVector)theta.Clone();
        double[] wv = w.Values;
        var g = new double[mlp.Dimension];
        void Step()
        {
            mlp.ValueAndGradient(w, sampler.Next(), g);
            for (int i = 0; i < wv.Length; i++)
            {
                wv[i] -= 0.1 * g[i];
            }
        }
        yield return new RaceRow("mlp_sgd32_step", Timer.Measure(Step), null);

        var hv = mlp.HessianVectorProduct(theta, v);
        yield return new RaceRow("mlp_hvp", Timer.Measure(() => mlp.HessianVectorProduct(theta, v)),
            new() { ["hv_norm"] = hv.L2Norm() });

        if (!hessian)
        {
            yield break;
        }

        Matrix<double> h = null!;
        double seconds = Timer.Once(() => h = mlp.Hessian(theta));
        yield return new RaceRow("mlp_hessian", seconds, new() { ["trace"] = h.Trace() }, "Mlp.Hessian (structured: one forward/backward pass, R-passes per column)");

        double[] eigenvalues = [];
        seconds = Timer.Once(() => eigenvalues = SymmetricEigenvalues.Compute(h));
        yield return new RaceRow("mlp_hessian_eigenvalues", seconds,
            new() { ["min"] = eigenvalues[0], ["max"] = eigenvalues[^1] },
            SymmetricEigenvalues.PathFor(h.RowCount) == SymmetricEigenvalues.Solver.Lapack
                ? $"SymmetricEigenvalues via the platform LAPACK ({SymmetricEigenvalues.LapackDescription})"
                : "SymmetricEigenvalues, managed solver (no platform LAPACK found)");
        if (SymmetricEigenvalues.PathFor(h.RowCount) == SymmetricEigenvalues.Solver.Lapack)
        {
            seconds = Timer.Once(() => eigenvalues = SymmetricEigenvalues.Compute(h, SymmetricEigenvalues.Solver.Managed));
            yield return new RaceRow("mlp_hessian_eigenvalues_managed", seconds,
                new() { ["min"] = eigenvalues[0], ["max"] = eigenvalues[^1] }, "SymmetricEigenvalues, managed solver (the fallback)");
        }

        if (!mathNetEvd)
        {
            yield break;
        }

        seconds = Timer.Once(() => eigenvalues = h.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray());
        yield return new RaceRow("mlp_hessian_evd_mathnet", seconds,
            new() { ["min"] = eigenvalues[0], ["max"] = eigenvalues[^1] }, "MathNet Evd, managed provider (eigenvectors too)");
    }
}
