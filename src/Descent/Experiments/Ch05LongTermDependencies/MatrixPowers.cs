using Complex = System.Numerics.Complex;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Parameters of <see cref="MatrixPowers"/>.</summary>
public sealed record MatrixPowersParameters
{
    /// <summary>Size n of the random matrix (entries N(0, scale²/n), so its spectral radius is near scale by the circular law).</summary>
    public int Size { get; init => field = Guard.AtLeast(value, 1, nameof(Size)); } = 8;

    /// <summary>Scale of the random matrix.</summary>
    public double Scale { get; init => field = Guard.Positive(value, nameof(Scale)); } = 1.0;

    /// <summary>Powers t = 0 … Steps.</summary>
    public int Steps { get; init => field = Guard.AtLeast(value, 1, nameof(Steps)); } = 40;

    /// <summary>Seed of the random matrix and the start vectors.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>
/// Srihari, "Challenges in Neural Network Optimization" §5 and Goodfellow et al. (2016, §8.2.5): a computational graph that applies the same W again and again computes
/// Wᵗ = V diag(λ)ᵗ V⁻¹, so the part of x along an eigenvector with |λᵢ| &gt; 1 explodes like |λᵢ|ᵗ and one with |λᵢ| &lt; 1
/// vanishes. Computes ‖Wᵗx‖ by repeated multiplication and by the (complex) eigendecomposition, for a hand-built and a
/// random matrix, with the size of each eigen-component.
/// </summary>
public sealed class MatrixPowers : Experiment<MatrixPowersParameters, MatrixPowersResult>
{
    /// <inheritdoc />
    public override string Name => "matrix-powers";

    /// <inheritdoc />
    public override string Chapter => "05";

    /// <inheritdoc />
    public override string Summary => "Wᵗx by repeated multiplication and by V diag(λ)ᵗ V⁻¹x: components along |λ| > 1 explode, along |λ| < 1 vanish.";

    /// <summary>The hand-built matrix: upper triangular, eigenvalues 1.1, 0.9, 0.5 on the diagonal, not symmetric.</summary>
    public static Matrix<double> HandBuiltMatrix() =>
        Matrix<double>.Build.DenseOfArray(new[,] { { 1.1, 0.3, 0.0 }, { 0.0, 0.9, 0.3 }, { 0.0, 0.0, 0.5 } });

    /// <inheritdoc />
    public override MatrixPowersResult Run(MatrixPowersParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var hand = Compute("hand-built W (eigenvalues 1.1, 0.9, 0.5)", HandBuiltMatrix(), Vector<double>.Build.Dense(3, 1.0), parameters.Steps);
        var random = new Random(parameters.Seed);
        int n = parameters.Size;
        var w = Matrix<double>.Build.Dense(n, n, (_, _) => parameters.Scale / Math.Sqrt(n) * Initialization.StandardNormal(random));
        var x = Vector<double>.Build.Dense(n, _ => Initialization.StandardNormal(random));
        progress?.Report(1);
        return new MatrixPowersResult(hand, Compute($"random Gaussian W ({n}×{n}, entries N(0, {parameters.Scale:G3}²/{n}))", w, x / x.L2Norm(), parameters.Steps));
    }

    /// <summary>Powers of <paramref name="w"/> applied to <paramref name="x"/>, directly and through the eigendecomposition.</summary>
    public static MatrixPowerRun Compute(string name, Matrix<double> w, Vector<double> x, int steps)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(x);
        if (w.RowCount != w.ColumnCount || x.Count != w.RowCount)
        {
            throw new ArgumentException($"w must be square and x of matching length (w is {w.RowCount}×{w.ColumnCount}, x has {x.Count}).", nameof(w));
        }

        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0.");
        }

        var (lambda, v) = ComplexEigen(w);
        int n = w.RowCount;
        var order = Enumerable.Range(0, n).OrderByDescending(i => lambda[i].Magnitude).ThenBy(i => lambda[i].Imaginary).ToArray();
        var c = v.Solve(x.ToComplex());
        var direct = new double[steps + 1];
        var eigen = new double[steps + 1];
        var components = order.Select(_ => new double[steps + 1]).ToArray();
        var current = x.Clone();
        for (int t = 0; t <= steps; t++)
        {
            direct[t] = current.L2Norm();
            var lt = Vector<Complex>.Build.Dense(n, i => Complex.Pow(lambda[i], t) * c[i]);
            eigen[t] = (v * lt).L2Norm();
            for (int k = 0; k < n; k++)
            {
                int i = order[k];
                components[k][t] = c[i].Magnitude * Math.Pow(lambda[i].Magnitude, t) * v.Column(i).L2Norm();
            }
            current = w * current;
        }
        return new MatrixPowerRun(name, order.Select(i => lambda[i]).ToArray(), direct, eigen, components);
    }

    /// <summary>Eigenvalues λ and complex eigenvectors V (columns) of a real square matrix, W V = V diag(λ).</summary>
    /// <remarks>MathNet returns a complex pair's eigenvector as two real columns (real and imaginary part); this rebuilds
    /// the complex vectors and picks, for each pair, the conjugation that satisfies W v = λ v.</remarks>
    public static (Complex[] Eigenvalues, Matrix<Complex> Eigenvectors) ComplexEigen(Matrix<double> w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var evd = w.Evd();
        int n = w.RowCount;
        var lambda = evd.EigenValues.ToArray();
        var p = evd.EigenVectors;
        var v = Matrix<Complex>.Build.Dense(n, n);
        var wc = w.ToComplex();
        for (int j = 0; j < n; j++)
        {
            if (Math.Abs(lambda[j].Imaginary) <= 1e-14 * Math.Max(1, lambda[j].Magnitude) || j + 1 >= n)
            {
                v.SetColumn(j, p.Column(j).ToComplex());
                continue;
            }
            var re = p.Column(j);
            var im = p.Column(j + 1);
            var plus = Vector<Complex>.Build.Dense(n, i => new Complex(re[i], im[i]));
            var minus = Vector<Complex>.Build.Dense(n, i => new Complex(re[i], -im[i]));
            // Assign to λⱼ the vector with the smaller residual ‖Wv − λⱼv‖, and its conjugate to λⱼ₊₁ = conj(λⱼ).
            bool plusFits = (wc * plus - lambda[j] * plus).L2Norm() <= (wc * minus - lambda[j] * minus).L2Norm();
            v.SetColumn(j, plusFits ? plus : minus);
            v.SetColumn(j + 1, plusFits ? minus : plus);
            j++;
        }
        return (lambda, v);
    }
}

/// <summary>Result of <see cref="MatrixPowers"/>: a hand-built matrix and a random one.</summary>
/// <param name="HandBuilt">W = [[1.1, 0.3, 0], [0, 0.9, 0.3], [0, 0, 0.5]] (eigenvalues 1.1, 0.9, 0.5) from x = (1, 1, 1).</param>
/// <param name="Random">A Gaussian n×n matrix from a random unit x.</param>
public sealed record MatrixPowersResult(MatrixPowerRun HandBuilt, MatrixPowerRun Random) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary => $"{HandBuilt}\n{Random}";

    /// <inheritdoc />
    public ResultTable ToTable() => new(
        ["t", "hand_direct", "hand_eigen", "random_direct", "random_eigen"],
        Enumerable.Range(0, HandBuilt.DirectNorms.Length).Select(t =>
            (IReadOnlyList<object>)[t, HandBuilt.DirectNorms[t], HandBuilt.EigenNorms[t], Random.DirectNorms[t], Random.EigenNorms[t]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>Repeated multiplication Wᵗx for one matrix, directly and by the eigendecomposition.</summary>
/// <param name="Name">Which matrix.</param>
/// <param name="Eigenvalues">λᵢ of W, by decreasing |λᵢ|.</param>
/// <param name="DirectNorms">‖Wᵗx‖ by t repeated products, t = 0 … Steps.</param>
/// <param name="EigenNorms">‖V diag(λ)ᵗ V⁻¹ x‖ from the eigendecomposition.</param>
/// <param name="Components">Components[i][t] = |cᵢ|·|λᵢ|ᵗ·‖vᵢ‖, the size of the part of Wᵗx along eigenvector vᵢ (c = V⁻¹x), in
/// the order of <see cref="Eigenvalues"/>.</param>
public sealed record MatrixPowerRun(string Name, Complex[] Eigenvalues, double[] DirectNorms, double[] EigenNorms, double[][] Components)
{
    /// <summary>Largest relative difference |direct − eigen| / direct over t.</summary>
    public double MaxRelativeError => DirectNorms.Zip(EigenNorms, (d, e) => Math.Abs(d - e) / d).Max();

    /// <summary>Spectral radius ρ = max|λᵢ|.</summary>
    public double SpectralRadius => Eigenvalues.Max(z => z.Magnitude);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: |λ| = {string.Join(", ", Eigenvalues.Select(z => z.Magnitude.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}; "
        + $"‖Wᵗx‖ from {DirectNorms[0]:G3} to {DirectNorms[^1]:G3} at t = {DirectNorms.Length - 1}; eigen formula agrees to {MaxRelativeError:G2} (relative)";
}
