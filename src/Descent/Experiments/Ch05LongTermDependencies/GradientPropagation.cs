using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="GradientPropagation"/>.</summary>
public sealed record GradientPropagationParameters
{
    /// <summary>Hidden size H of the RNN.</summary>
    public int Hidden { get; init => field = Guard.AtLeast(value, 1, nameof(Hidden)); } = 16;

    /// <summary>Sequence length T (lags 0 … T are measured).</summary>
    public int Length { get; init => field = Guard.AtLeast(value, 2, nameof(Length)); } = 100;

    /// <summary>Spectral radii ρ of the recurrent matrix.</summary>
    public double[] SpectralRadii { get; init => field = Guard.AllPositive(value, nameof(SpectralRadii)); } = [0.9, 1.0, 1.1];

    /// <summary>Standard deviation of the input weights U for the unsaturated runs (inputs xₜ ~ N(0, 1)).</summary>
    public double InputScale { get; init; } = 0.01;

    /// <summary>Standard deviation of U for the saturated tanh runs: large inputs push tanh into its flat tails.</summary>
    public double SaturatingInputScale { get; init; } = 2.0;

    /// <summary>Seed of the matrices and the inputs.</summary>
    public int Seed { get; init; } = 1;
}

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
        if (n < 2)
        {
            throw new ArgumentException("need at least two values.", nameof(values));
        }

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
        {
            if (qr.R[j, j] < 0)
            {
                q.SetColumn(j, -q.Column(j));
            }
        }

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
        {
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
        }

        return new GradientPropagationResult(curves);
    }
}

/// <summary>Result of <see cref="GradientPropagation"/>: one curve per (activation, recurrent matrix, ρ, input scale).</summary>
/// <param name="Curves">The curves.</param>
public sealed record GradientPropagationResult(IReadOnlyList<PropagationCurve> Curves) : IExperimentResult
{
    /// <summary>The curves grouped by everything but ρ, for a plot of fitted slope against ln ρ.</summary>
    public IReadOnlyList<PropagationFamily> Families =>
        Curves.GroupBy(c => (c.Activation, c.RecurrentKind, c.InputScale))
            .Select(g => new PropagationFamily(
                (g.Key.Activation == Models.Activation.Identity ? "linear" : Models.Naming.Of(g.Key.Activation)) + $", {g.Key.RecurrentKind}"
                    + (g.Key.Activation == Models.Activation.Identity ? "" : $", σ_U = {g.Key.InputScale:G3}"),
                g.Select(c => c.LogSpectralRadius).ToArray(), g.Select(c => c.Slope).ToArray()))
            .ToArray();

    /// <inheritdoc />
    public string Summary => string.Join("\n", Curves);

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["curve", "spectral_radius", "log_rho", "slope", "norm_at_T"],
        Curves.Select(c => (IReadOnlyList<object>)[c.Name, c.SpectralRadius, c.LogSpectralRadius, c.Slope, c.Norms[^1]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>‖∂h_T/∂h_{T−k}‖ against the lag k for one RNN, and the fitted growth rate.</summary>
/// <param name="Activation">φ (identity: a linear RNN).</param>
/// <param name="RecurrentKind">"orthogonal" (W = ρQ, Q orthogonal) or "Gaussian" (entries N(0, 1/H), rescaled to spectral radius ρ).</param>
/// <param name="SpectralRadius">ρ = max|λᵢ(W)|.</param>
/// <param name="InputScale">Standard deviation of the input weights.</param>
/// <param name="Recurrent">W.</param>
/// <param name="Norms">Norms[k] = ‖∂h_T/∂h_{T−k}‖₂, k = 0 … T.</param>
/// <param name="Slope">Least-squares slope of ln Norms[k] against k over every lag.</param>
public sealed record PropagationCurve(Activation Activation, string RecurrentKind, double SpectralRadius, double InputScale,
    Matrix<double> Recurrent, double[] Norms, double Slope)
{
    /// <summary>ln ρ: the slope a linear RNN approaches (Gelfand: ‖Wᵏ‖^(1/k) → ρ).</summary>
    public double LogSpectralRadius => Math.Log(SpectralRadius);

    /// <summary>Legend name.</summary>
    public string Name => $"{(Activation == Activation.Identity ? "linear" : Naming.Of(Activation))}, {RecurrentKind}, ρ = {SpectralRadius:G3}"
        + (Activation == Activation.Identity ? "" : $", σ_U = {InputScale:G3}");

    /// <inheritdoc />
    public override string ToString() => $"{Name}: fitted slope {Slope:F4} vs ln ρ = {LogSpectralRadius:F4}; ‖∂h_T/∂h₀‖ = {Norms[^1]:G3}";
}

/// <summary>The curves of <see cref="GradientPropagation"/> that differ only in ρ: their fitted slopes against ln ρ.</summary>
/// <param name="Name">The family (activation, recurrent matrix, input scale).</param>
/// <param name="LogSpectralRadii">ln ρ of each member.</param>
/// <param name="Slopes">Fitted slope of ln‖∂h_T/∂h_{T−k}‖ in k of each member.</param>
public sealed record PropagationFamily(string Name, double[] LogSpectralRadii, double[] Slopes)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: " + string.Join(", ", LogSpectralRadii.Zip(Slopes, (x, y) => $"ln ρ = {x:F4} → slope {y:F4}"));
}
