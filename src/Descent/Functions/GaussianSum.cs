using MathNet.Numerics.LinearAlgebra;

namespace Descent.Functions;

/// <summary>
/// G(θ) = Σⱼ aⱼ·exp(−‖θ − cⱼ‖² / (2sⱼ²)) with signed amplitudes aⱼ (bumps &gt; 0, wells &lt; 0) and its exact
/// derivatives: ∇G = −Σⱼ aⱼeⱼ(θ − cⱼ)/sⱼ², ∇²G = Σⱼ aⱼeⱼ[(θ − cⱼ)(θ − cⱼ)ᵀ/sⱼ⁴ − I/sⱼ²], eⱼ the j-th exponential.
/// </summary>
internal sealed class GaussianSum
{
    private readonly Vector<double>[] _centers;
    private readonly double[] _amplitudes;
    private readonly double[] _widths;

    public GaussianSum(IEnumerable<(Vector<double> Center, double Amplitude, double Width)> terms)
    {
        var list = terms.ToArray();
        _centers = list.Select(t => t.Center.Clone()).ToArray();
        _amplitudes = list.Select(t => t.Amplitude).ToArray();
        _widths = list.Select(t => t.Width).ToArray();
    }

    private double Exp(Vector<double> theta, int j, out Vector<double> diff)
    {
        diff = theta - _centers[j];
        double s2 = _widths[j] * _widths[j];
        return Math.Exp(-diff.DotProduct(diff) / (2 * s2));
    }

    public double Value(Vector<double> theta)
    {
        double v = 0;
        for (int j = 0; j < _centers.Length; j++)
        {
            v += _amplitudes[j] * Exp(theta, j, out _);
        }

        return v;
    }

    public void AddGradient(Vector<double> theta, Vector<double> gradient)
    {
        for (int j = 0; j < _centers.Length; j++)
        {
            double e = Exp(theta, j, out var diff);
            gradient.Add(diff * (-_amplitudes[j] * e / (_widths[j] * _widths[j])), gradient);
        }
    }

    public void AddHessian(Vector<double> theta, Matrix<double> hessian)
    {
        int n = theta.Count;
        for (int j = 0; j < _centers.Length; j++)
        {
            double e = Exp(theta, j, out var diff);
            double s2 = _widths[j] * _widths[j], a = _amplitudes[j] * e / s2;
            for (int r = 0; r < n; r++)
            {
                hessian[r, r] -= a;
                for (int c = 0; c < n; c++)
                {
                    hessian[r, c] += a * diff[r] * diff[c] / s2;
                }
            }
        }
    }
}
