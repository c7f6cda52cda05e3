using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Curvature;

/// <summary>
/// Central finite differences. They exist to <em>check</em> exact derivatives (tests, exercises)
/// and as a clearly flagged fallback; they never replace an exact derivative the objective provides.
/// </summary>
/// <remarks>
/// Central differences have truncation error O(h²)·|f'''| and rounding error O(u·|f|/h), u ≈ 1.1e-16,
/// so the default step h = ε^{1/3}·max(1, |θᵢ|) ≈ 6e-6 balances both at a relative error near 1e-10.
/// </remarks>
public static class FiniteDifference
{
    /// <summary>Default relative step for first differences: the cube root of machine epsilon.</summary>
    public static readonly double DefaultStep = Math.Cbrt(2.220446049250313e-16);

    /// <summary>∂L/∂θᵢ ≈ (L(θ + hᵢeᵢ) − L(θ − hᵢeᵢ)) / 2hᵢ for every i.</summary>
    public static Vector<double> Gradient(Objective objective, Vector<double> theta, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Gradient(objective.Value, theta, step);
    }

    /// <summary>Central-difference gradient of any scalar function.</summary>
    public static Vector<double> Gradient(Func<Vector<double>, double> f, Vector<double> theta, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(theta);
        double h0 = CheckStep(step ?? DefaultStep);
        var g = Vector<double>.Build.Dense(theta.Count);
        var x = theta.Clone();
        for (int i = 0; i < theta.Count; i++)
        {
            double h = h0 * Math.Max(1.0, Math.Abs(theta[i]));
            x[i] = theta[i] + h;
            double fp = f(x);
            x[i] = theta[i] - h;
            double fm = f(x);
            x[i] = theta[i];
            g[i] = (fp - fm) / (2 * h);
        }
        return g;
    }

    /// <summary>Hessian by central differences of the exact gradient, symmetrized:
    /// column j ≈ (∇L(θ + hⱼeⱼ) − ∇L(θ − hⱼeⱼ)) / 2hⱼ.</summary>
    public static Matrix<double> Hessian(Objective objective, Vector<double> theta, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(theta);
        double h0 = CheckStep(step ?? DefaultStep);
        int n = theta.Count;
        var hess = Matrix<double>.Build.Dense(n, n);
        var x = theta.Clone();
        for (int j = 0; j < n; j++)
        {
            double h = h0 * Math.Max(1.0, Math.Abs(theta[j]));
            x[j] = theta[j] + h;
            var gp = objective.Gradient(x);
            x[j] = theta[j] - h;
            var gm = objective.Gradient(x);
            x[j] = theta[j];
            hess.SetColumn(j, (gp - gm) / (2 * h));
        }
        return (hess + hess.Transpose()) * 0.5;
    }

    /// <summary>Hessian-vector product by central differences of the gradient along v:
    /// H·v ≈ (∇L(θ + r·v) − ∇L(θ − r·v)) / 2r with r = h / ‖v‖·max(1, ‖θ‖∞).</summary>
    public static Vector<double> HessianVectorProduct(Objective objective, Vector<double> theta, Vector<double> v, double? step = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(v);
        double h0 = CheckStep(step ?? DefaultStep);
        double norm = v.L2Norm();
        if (norm == 0)
        {
            return Vector<double>.Build.Dense(theta.Count);
        }

        double r = h0 * Math.Max(1.0, theta.InfinityNorm()) / norm;
        var gp = objective.Gradient(theta + r * v);
        var gm = objective.Gradient(theta - r * v);
        return (gp - gm) / (2 * r);
    }

    private static double CheckStep(double step)
    {
        if (!(step > 0) || !double.IsFinite(step) || step > 0.1)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "step must be a finite number in (0, 0.1].");
        }

        return step;
    }
}
