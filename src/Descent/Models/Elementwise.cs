using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Models;

/// <summary>Scalar activation functions, their derivatives and per-example losses, shared by the models.</summary>
internal static class Elementwise
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double z) => z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Softplus(double z) => Math.Max(z, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(z)));

    /// <summary>tanh z to a few ulp, about 3× faster than <see cref="Math.Tanh"/>: Cephes' rational
    /// approximation z + z³P(z²)/Q(z²) for |z| &lt; 0.625 (relative error ≈ 2.5e-16), else
    /// sign(z)(1 − 2/(e^{2|z|} + 1)) (no cancellation there since the result is ≥ 0.55).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Tanh(double z)
    {
        double a = Math.Abs(z);
        if (a >= 0.625)
        {
            double t = 1.0 - 2.0 / (Math.Exp(2.0 * a) + 1.0);
            return z < 0 ? -t : t;
        }
        double s = z * z;
        double p = (-9.64399179425052238628E-1 * s - 9.92877231001918586564E1) * s - 1.61468768441708447952E3;
        double q = ((s + 1.12811678491632931402E2) * s + 2.23548839060100448583E3) * s + 4.84406305325125486048E3;
        return z + z * s * (p / q);
    }

    /// <summary>φ(z) for the smooth and ReLU activations (not maxout).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Apply(Activation activation, double z) => activation switch
    {
        Activation.Tanh => Tanh(z),
        Activation.Relu => z > 0 ? z : 0.0,
        Activation.Sigmoid => Sigmoid(z),
        Activation.Softplus => Softplus(z),
        _ => z,
    };

    /// <summary>a[i] = φ(z[i]) for the smooth and ReLU activations; tanh runs four values per vector where the machine
    /// allows, with the same bits (<see cref="VectorMath"/>).</summary>
    public static void Apply(Activation activation, ReadOnlySpan<double> z, Span<double> a)
    {
        if (activation == Activation.Tanh)
        {
            VectorMath.Tanh(z, a);
            return;
        }

        for (int i = 0; i < a.Length; i++)
        {
            a[i] = Apply(activation, z[i]);
        }
    }

    /// <summary>φ'(z) given z and a = φ(z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double First(Activation activation, double z, double a) => activation switch
    {
        Activation.Tanh => 1.0 - a * a,
        Activation.Relu => z > 0 ? 1.0 : 0.0,
        Activation.Sigmoid => a * (1.0 - a),
        Activation.Softplus => Sigmoid(z),
        _ => 1.0,
    };

    /// <summary>dz[i] = da[i]·φ'(z[i]) given a = φ(z); for tanh, da·(1 − a²) a vector at a time (the same operations).</summary>
    public static void BackThrough(Activation activation, ReadOnlySpan<double> z, ReadOnlySpan<double> a, ReadOnlySpan<double> da, Span<double> dz)
    {
        int n = da.Length, i = 0;
        if (z.Length < n || a.Length < n || dz.Length < n)
        {
            throw new ArgumentException($"BackThrough: z, a and dz need at least the {n} entries of da");
        }

        if (activation == Activation.Tanh && Vector.IsHardwareAccelerated)
        {
            var one = Vector<double>.One;
            for (; i + Vector<double>.Count <= n; i += Vector<double>.Count)
            {
                var ai = new Vector<double>(a[i..]);
                (new Vector<double>(da[i..]) * (one - ai * ai)).CopyTo(dz[i..]);
            }
        }
        for (; i < n; i++)
        {
            dz[i] = da[i] * First(activation, z[i], a[i]);
        }
    }

    /// <summary>φ''(z) given z and a = φ(z) (zero almost everywhere for ReLU and identity).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Second(Activation activation, double z, double a)
    {
        switch (activation)
        {
            case Activation.Tanh: return -2.0 * a * (1.0 - a * a);
            case Activation.Sigmoid: return a * (1.0 - a) * (1.0 - 2.0 * a);
            case Activation.Softplus:
                double s = Sigmoid(z);
                return s * (1.0 - s);
            default: return 0.0;
        }
    }

    /// <summary>ℓ(o, y) and, when <paramref name="d"/> is not empty, d = scale·∂ℓ/∂o; p receives softmax(o)
    /// (softmax loss only). Returns ℓ (unscaled).</summary>
    public static double Loss(LossFunction loss, ReadOnlySpan<double> o, ReadOnlySpan<double> y, Span<double> d, Span<double> p, double scale)
    {
        int k = o.Length;
        switch (loss)
        {
            case LossFunction.SquaredError:
            {
                double sum = 0;
                for (int j = 0; j < k; j++)
                {
                    double e = o[j] - y[j];
                    sum += e * e;
                    if (!d.IsEmpty)
                    {
                        d[j] = scale * e;
                    }
                }
                return 0.5 * sum;
            }
            case LossFunction.SoftmaxCrossEntropy:
            {
                double max = double.NegativeInfinity;
                for (int j = 0; j < k; j++)
                {
                    max = Math.Max(max, o[j]);
                }

                for (int j = 0; j < k; j++)
                {
                    p[j] = o[j] - max;
                }

                VectorMath.Exp(p[..k], p[..k]);
                double z = 0;
                for (int j = 0; j < k; j++)
                {
                    z += p[j];
                }
                double lse = max + Math.Log(z), s = 0, yo = 0;
                for (int j = 0; j < k; j++)
                {
                    p[j] /= z;
                    s += y[j];
                    yo += y[j] * o[j];
                }
                if (!d.IsEmpty)
                {
                    for (int j = 0; j < k; j++)
                    {
                        d[j] = scale * (s * p[j] - y[j]);
                    }
                }

                return s * lse - yo;
            }
            case LossFunction.Logistic:
            {
                double sig = Sigmoid(o[0]);
                if (!d.IsEmpty)
                {
                    d[0] = scale * (sig - y[0]);
                }

                return Softplus(o[0]) - y[0] * o[0];
            }
            default: // hinge
            {
                double margin = y[0] * o[0];
                if (!d.IsEmpty)
                {
                    d[0] = margin < 1 ? -scale * y[0] : 0.0;
                }

                return Math.Max(0.0, 1.0 - margin);
            }
        }
    }

    /// <summary>rd = scale · (∂²ℓ/∂o²) · ro, given the output o, the target y and p = softmax(o) from <see cref="Loss"/>.</summary>
    public static void LossCurvature(LossFunction loss, ReadOnlySpan<double> o, ReadOnlySpan<double> y, ReadOnlySpan<double> p,
        ReadOnlySpan<double> ro, Span<double> rd, double scale)
    {
        int k = o.Length;
        switch (loss)
        {
            case LossFunction.SquaredError:
                for (int j = 0; j < k; j++)
                {
                    rd[j] = scale * ro[j];
                }

                return;
            case LossFunction.SoftmaxCrossEntropy:
            {
                double s = 0, pr = 0;
                for (int j = 0; j < k; j++)
                {
                    s += y[j];
                    pr += p[j] * ro[j];
                }
                for (int j = 0; j < k; j++)
                {
                    rd[j] = scale * s * p[j] * (ro[j] - pr);
                }

                return;
            }
            case LossFunction.Logistic:
            {
                double sig = Sigmoid(o[0]);
                rd[0] = scale * sig * (1.0 - sig) * ro[0];
                return;
            }
            default:
                rd[0] = 0.0;
                return;
        }
    }
}
