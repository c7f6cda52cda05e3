using MathNet.Numerics.LinearAlgebra;

namespace Descent.Models;

/// <summary>
/// A rule for drawing initial weights. Biases always start at zero. Every draw comes from an explicit
/// seed (the model's <c>Initialize(init, seed)</c>), so a rerun reproduces θ₀ exactly.
/// </summary>
/// <param name="Kind">Which rule.</param>
/// <param name="Scale">σ for <see cref="InitializationKind.Gaussian"/>, the gain for
/// <see cref="InitializationKind.Orthogonal"/>; a multiplier on the standard σ for Glorot and He.</param>
public sealed record Initialization(InitializationKind Kind, double Scale = 1.0)
{
    /// <summary>Wᵢⱼ ~ N(0, σ²).</summary>
    public static Initialization Gaussian(double sigma)
    {
        if (!(sigma >= 0) || !double.IsFinite(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be a finite number ≥ 0.");
        }

        return new(InitializationKind.Gaussian, sigma);
    }

    /// <summary>Glorot/Xavier normal: σ² = 2/(fan_in + fan_out).</summary>
    public static Initialization Glorot { get; } = new(InitializationKind.Glorot);

    /// <summary>He normal: σ² = 2/fan_in.</summary>
    public static Initialization He { get; } = new(InitializationKind.He);

    /// <summary>Orthogonal with the given gain: rows (or columns, whichever are fewer) orthonormal, times gain.</summary>
    public static Initialization Orthogonal(double gain = 1.0)
    {
        if (!double.IsFinite(gain))
        {
            throw new ArgumentOutOfRangeException(nameof(gain), gain, "gain must be finite.");
        }

        return new(InitializationKind.Orthogonal, gain);
    }

    /// <summary>All weights zero.</summary>
    public static Initialization Zero { get; } = new(InitializationKind.Zero, 0.0);

    /// <summary>Standard deviation of each weight for a fan-out × fan-in matrix (gain/√max(fan) for orthogonal).</summary>
    public double StandardDeviation(int fanOut, int fanIn) => Kind switch
    {
        InitializationKind.Gaussian => Scale,
        InitializationKind.Glorot => Scale * Math.Sqrt(2.0 / (fanIn + fanOut)),
        InitializationKind.He => Scale * Math.Sqrt(2.0 / fanIn),
        InitializationKind.Orthogonal => Math.Abs(Scale) / Math.Sqrt(Math.Max(fanIn, fanOut)),
        _ => 0.0,
    };

    /// <summary>Fills a row-major fan-out × fan-in weight block from <paramref name="random"/>.</summary>
    internal void Fill(Span<double> weights, int fanOut, int fanIn, Random random)
    {
        switch (Kind)
        {
            case InitializationKind.Zero:
                weights.Clear();
                return;
            case InitializationKind.Orthogonal:
            {
                int big = Math.Max(fanOut, fanIn), small = Math.Min(fanOut, fanIn);
                var g = Matrix<double>.Build.Dense(big, small, (_, _) => StandardNormal(random));
                var qr = g.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
                var q = qr.Q; // big × small, orthonormal columns
                for (int j = 0; j < small; j++)
                {
                    double sign = qr.R[j, j] < 0 ? -1.0 : 1.0;
                    for (int i = 0; i < big; i++)
                    {
                        double value = Scale * sign * q[i, j];
                        if (fanOut >= fanIn)
                        {
                            weights[i * fanIn + j] = value;  // W = Q: orthonormal columns
                        }
                        else
                        {
                            weights[j * fanIn + i] = value;                  // W = Qᵀ: orthonormal rows
                        }
                    }
                }
                return;
            }
            default:
            {
                double sigma = StandardDeviation(fanOut, fanIn);
                for (int i = 0; i < weights.Length; i++)
                {
                    weights[i] = sigma * StandardNormal(random);
                }

                return;
            }
        }
    }

    /// <summary>One standard normal draw by Box–Muller (two uniforms per draw, reproducible across platforms).</summary>
    internal static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        InitializationKind.Gaussian => $"Gaussian(σ = {Scale:G4})",
        InitializationKind.Glorot => Scale == 1.0 ? "Glorot normal" : $"Glorot normal × {Scale:G4}",
        InitializationKind.He => Scale == 1.0 ? "He normal" : $"He normal × {Scale:G4}",
        InitializationKind.Orthogonal => $"orthogonal(gain = {Scale:G4})",
        _ => "zero",
    };
}
