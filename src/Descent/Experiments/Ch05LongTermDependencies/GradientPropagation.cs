using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>
/// Vanishing and exploding gradients in a vanilla RNN hₜ = φ(W hₜ₋₁ + U xₜ + b) (Bengio, Simard &amp; Frasconi 1994; Pascanu,
/// Mikolov &amp; Bengio 2013, arXiv:1211.5063, §2): ∂h_T/∂h_{T−k} = Πⱼ diag(φ'(zⱼ)) W, so for a linear RNN its norm is ‖Wᵏ‖,
/// which grows like ρᵏ (Gelfand's formula), and ln‖∂h_T/∂h_{T−k}‖ has slope ln ρ in k. With tanh, |φ'| ≤ 1 can only shrink
/// it, and saturated units (|z| large, φ' ≈ 0) make it vanish even when ρ &gt; 1.
/// </summary>
public sealed class GradientPropagation : Experiment<GradientPropagationParameters, GradientPropagationResult>
{
    /// <inheritdoc />
    public override string Name => "gradient-propagation";

    /// <inheritdoc />
    public override string Chapter => "05";

    /// <inheritdoc />
    public override string Summary => "log ‖∂h_T/∂h_t‖ against T − t in an RNN for spectral radius 0.9, 1, 1.1, linear and tanh, with the fitted slope vs ln ρ.";

    /// <summary>Least-squares slope of ln yₖ against k = 0 … n − 1.</summary>
    public static double FitLogSlope(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        if (n < 2) throw new ArgumentException("need at least two values.", nameof(values));
        double kMean = (n - 1) / 2.0, yMean = values.Average(Math.Log), num = 0, den = 0;
        for (int k = 0; k < n; k++)
        {
            num += (k - kMean) * (Math.Log(values[k]) - yMean);
            den += (k - kMean) * (k - kMean);
        }
        return num / den;
    }

    /// <summary>W = ρQ with Q a Haar-random orthogonal matrix (QR of a Gaussian matrix, signs fixed): every |λᵢ| = ρ and ‖Wᵏ‖ = ρᵏ.</summary>
    public static Matrix<double> ScaledOrthogonal(int size, double spectralRadius, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var g = Matrix<double>.Build.Dense(size, size, (_, _) => Initialization.StandardNormal(random));
        var qr = g.QR();
        var q = qr.Q;
        for (int j = 0; j < size; j++)
            if (qr.R[j, j] < 0) q.SetColumn(j, -q.Column(j));
        return q * spectralRadius;
    }

    /// <summary>A Gaussian matrix (entries N(0, 1/n)) rescaled so that max|λᵢ| = ρ.</summary>
    public static Matrix<double> GaussianWithRadius(int size, double spectralRadius, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var g = Matrix<double>.Build.Dense(size, size, (_, _) => Initialization.StandardNormal(random) / Math.Sqrt(size));
        return g * (spectralRadius / g.Evd().EigenValues.Max(z => z.Magnitude));
    }

    /// <inheritdoc />
    public override GradientPropagationResult Run(GradientPropagationParameters parameters, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var random = new Random(parameters.Seed);
        var x = Matrix<double>.Build.Dense(parameters.Length, 1, (_, _) => Initialization.StandardNormal(random));
        var curves = new List<PropagationCurve>();
        var configs = new (Activation Phi, bool Orthogonal, double InputScale)[]
        {
            (Activation.Identity, true, parameters.InputScale), (Activation.Identity, false, parameters.InputScale),
            (Activation.Tanh, true, parameters.InputScale), (Activation.Tanh, true, parameters.SaturatingInputScale),
        };
        int done = 0;
        foreach (var (phi, orthogonal, inputScale) in configs)
            foreach (double rho in parameters.SpectralRadii)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rnn = new Rnn(parameters.Hidden, phi, LossFunction.SquaredError, [x], Matrix<double>.Build.Dense(1, 1));
                var w = orthogonal ? ScaledOrthogonal(parameters.Hidden, rho, random) : GaussianWithRadius(parameters.Hidden, rho, random);
                var theta = rnn.WithRecurrentMatrix(rnn.Initialize(Initialization.Gaussian(inputScale), parameters.Seed), w);
                var byTime = rnn.HiddenJacobianNorms(theta, 0);
                var byLag = byTime.Reverse().ToArray();   // lag k = T − t
                curves.Add(new PropagationCurve(phi, orthogonal ? "orthogonal" : "Gaussian", rho, inputScale, w, byLag, FitLogSlope(byLag)));
                progress?.Report(++done / (double)(configs.Length * parameters.SpectralRadii.Length));
            }
        return new GradientPropagationResult(curves);
    }
}
