using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// Locates a local minimum of a smooth objective to machine precision from a start inside its basin:
/// Newton steps −H⁻¹g where H is positive definite, gradient steps otherwise, with Armijo backtracking.
/// Used only to state the minima of surfaces that have no closed form (the tests check them independently).
/// </summary>
internal static class NewtonRefinement
{
    public static Vector<double>? Minimize(Objective f, Vector<double> start, int maxIterations = 500)
    {
        var x = start.Clone();
        for (int it = 0; it < maxIterations; it++)
        {
            var g = f.Gradient(x);
            double scale = Math.Max(1.0, x.InfinityNorm());
            if (g.InfinityNorm() <= 1e-13 * scale && IsPositiveDefinite(f.Hessian(x)))
            {
                return x;
            }

            var h = f.Hessian(x);
            Vector<double> d;
            bool newton = IsPositiveDefinite(h);
            d = newton ? -h.Cholesky().Solve(g) : -g;
            if (newton && d.InfinityNorm() < 1e-6 * scale)
            {
                x += d; // quadratic convergence; a line search would only see rounding here
                continue;
            }
            double fx = f.Value(x), slope = g.DotProduct(d), t = 1.0;
            while (t > 1e-14 && !(f.Value(x + t * d) <= fx + 1e-4 * t * slope))
            {
                t *= 0.5;
            }

            if (t <= 1e-14)
            {
                break;
            }

            x += t * d;
        }
        var gEnd = f.Gradient(x);
        return gEnd.InfinityNorm() <= 1e-10 * Math.Max(1.0, x.InfinityNorm()) && IsPositiveDefinite(f.Hessian(x)) ? x : null;
    }

    private static bool IsPositiveDefinite(Matrix<double> h)
    {
        var ev = h.Evd(Symmetricity.Symmetric).EigenValues;
        return ev.All(z => z.Real > 1e-12 * Math.Max(1.0, h.InfinityNorm()));
    }
}
