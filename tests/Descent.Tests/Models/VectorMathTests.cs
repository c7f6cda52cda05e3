using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Descent.Models;

namespace Descent.Tests.Models;

/// <summary>The vector tanh must give <see cref="Elementwise.Tanh"/>'s bits exactly: every stored chapter output of a tanh
/// network was computed by the scalar function, and a student's rerun must reproduce them.</summary>
public sealed class VectorMathTests
{
    [Fact]
    public void The_vector_path_runs_on_linux_x64_with_avx2_and_fma()
    {
        // glibc's exp is the algorithm VectorMath replays; there the probe must pass, or a silent fallback would hide a
        // regression of either the algorithm or the probe. Elsewhere (another C library) the probe decides.
        if (OperatingSystem.IsLinux() && Avx2.IsSupported && Fma.IsSupported)
        {
            Assert.True(VectorMath.Supported);
        }
    }

    [Fact]
    public void Exp_gives_the_bits_of_Math_Exp_on_a_million_arguments()
    {
        if (!VectorMath.Supported)
        {
            Assert.False(OperatingSystem.IsLinux() && Avx2.IsSupported && Fma.IsSupported); // only where the probe may say no
            return;
        }

        var random = new Random(11);
        long differing = 0;
        for (int i = 0; i < 250_000; i++)
        {
            // Four magnitudes per vector: uniform on ±511, on ±2, log-uniform over 2⁻⁵⁴ … 2⁹, and near the table's knots.
            double u = random.NextDouble() * 2 - 1;
            double logUniform = Math.Sign(u) * Math.Pow(2, -54 + 62.99 * random.NextDouble());
            double knot = (random.Next(-8000, 8000) + (random.NextDouble() - 0.5) * 1e-6) * Math.Log(2) / 128;
            var x = Vector256.Create(511 * u, 2 * (random.NextDouble() * 2 - 1), logUniform, knot);
            var e = VectorMath.ExpCore(x);
            for (int k = 0; k < 4; k++)
            {
                if (BitConverter.DoubleToInt64Bits(e[k]) != BitConverter.DoubleToInt64Bits(Math.Exp(x[k])))
                {
                    differing++;
                }
            }
        }
        Assert.Equal(0, differing);
    }

    [Fact]
    public void Tanh_over_a_span_gives_the_bits_of_the_scalar_tanh()
    {
        var random = new Random(12);
        var z = new double[1_000_003]; // not a multiple of four: the scalar tail runs too
        for (int i = 0; i < z.Length; i++)
        {
            double scale = (i % 5) switch { 0 => 0.625, 1 => 3, 2 => 30, 3 => 1e-8, _ => 400 };
            z[i] = scale * (random.NextDouble() * 2 - 1);
        }
        double below = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(0.625) - 1);
        double[] special = [0.0, -0.0, 0.625, -0.625, below, -below, 255.99, 256, 300, 710, 1e300, double.Epsilon, -double.Epsilon,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e-300, 19.06, -19.06];
        special.CopyTo(z, 0);
        special.CopyTo(z, 101); // also at an offset that is not a multiple of four
        var a = new double[z.Length];

        VectorMath.Tanh(z, a);

        for (int i = 0; i < z.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(a[i]) == BitConverter.DoubleToInt64Bits(Elementwise.Tanh(z[i])),
                $"z = {z[i]:R}: vector {a[i]:R}, scalar {Elementwise.Tanh(z[i]):R}");
        }
    }

    [Fact]
    public void Exp_over_a_span_gives_the_bits_of_Math_Exp_including_the_edges()
    {
        var random = new Random(13);
        var x = new double[100_002];
        for (int i = 0; i < x.Length; i++)
        {
            // The softmax's range (o − max ≤ 0), and both signs over glibc's main path.
            x[i] = i % 2 == 0 ? -40 * random.NextDouble() : 600 * (random.NextDouble() * 2 - 1);
        }
        double[] special = [0.0, -0.0, 1e-17, -1e-17, 5.551115123125783E-17, 1e-300, -745.2, -708.5, 511.99, 512, -512, 709.7, 710,
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon];
        special.CopyTo(x, 0);
        special.CopyTo(x, 1001);
        var e = new double[x.Length];

        VectorMath.Exp(x, e);

        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(e[i]) == BitConverter.DoubleToInt64Bits(Math.Exp(x[i])),
                $"x = {x[i]:R}: vector {e[i]:R}, Math.Exp {Math.Exp(x[i]):R}");
        }
    }

    [Fact]
    public void Tanh_over_a_span_names_a_short_input()
    {
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => VectorMath.Tanh(new double[3], new double[4])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => VectorMath.Exp(new double[3], new double[4])).ParamName);
    }
}
