using MathNet.Numerics.LinearAlgebra;

namespace Descent.Models;

/// <summary>
/// Filter-wise normalized directions for loss-landscape slices (Li, Xu, Taylor, Studer &amp; Goldstein 2018,
/// arXiv:1712.09913): a random Gaussian direction d whose every filter — for an MLP, the incoming weights of one
/// unit, a row of Wₗ — is rescaled to the norm of the same filter of θ, dᵢ ← dᵢ/‖dᵢ‖ · ‖θᵢ‖, and whose bias entries
/// are zero. A slice θ + αd then moves every unit by the same relative amount, so plots of networks whose weights
/// have different scales can be compared.
/// </summary>
public static class FilterNormalization
{
    /// <summary>A Gaussian direction drawn from <paramref name="seed"/> and filter-normalized to <paramref name="theta"/>.</summary>
    public static Vector<double> RandomDirection(Mlp model, Vector<double> theta, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var random = new Random(seed);
        var d = Vector<double>.Build.Dense(model.Dimension, _ => Data.Sampling.Gaussian(random));
        return Normalize(model, d, theta);
    }

    /// <summary>The direction with each weight row rescaled to the norm of the same row of <paramref name="theta"/> and the biases set to 0.
    /// A row of d that is zero stays zero.</summary>
    public static Vector<double> Normalize(Mlp model, Vector<double> direction, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(model);
        Check(model, direction, nameof(direction));
        Check(model, theta, nameof(theta));
        var result = Vector<double>.Build.Dense(model.Dimension);
        for (int l = 0; l < model.LayerCount; l++)
        {
            int fanIn = model.LayerSizes[l];
            int rows = model.LayerSizes[l + 1] * model.MaxoutPieces;
            int offset = model.WeightOffset(l);
            for (int r = 0; r < rows; r++)
            {
                int start = offset + r * fanIn;
                double dn = 0, tn = 0;
                for (int c = 0; c < fanIn; c++)
                {
                    dn += direction[start + c] * direction[start + c];
                    tn += theta[start + c] * theta[start + c];
                }
                if (dn == 0)
                {
                    continue;
                }

                double s = Math.Sqrt(tn / dn);
                for (int c = 0; c < fanIn; c++)
                {
                    result[start + c] = s * direction[start + c];
                }
            }
        }
        return result;
    }

    private static void Check(Mlp model, Vector<double> v, string name)
    {
        ArgumentNullException.ThrowIfNull(v, name);
        if (v.Count != model.Dimension)
        {
            throw new ArgumentException($"{name} has length {v.Count}, but the model has {model.Dimension} parameters.", name);
        }

        if (!v.ForAll(double.IsFinite))
        {
            throw new ArgumentException($"{name} has a non-finite entry; every entry must be finite.", name);
        }
    }
}
