using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>One snapshot of <see cref="RandomWalkControl"/>: progress along the line θ₀ → θ* (α, 1 at θ*), distance
/// from that line (ρ, in units of ‖θ* − θ₀‖) and training loss, for SGD and for the random walk.</summary>
public sealed record RandomWalkRow(int Step, double SgdAlpha, double SgdResidual, double SgdLoss, double WalkAlpha, double WalkResidual, double WalkLoss);

/// <summary>The snapshots of <see cref="RandomWalkControl"/>.</summary>
public sealed record RandomWalkResult(IReadOnlyList<RandomWalkRow> Rows) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary
    {
        get
        {
            var end = Rows[^1];
            return $"After {end.Step} steps of equal length: SGD reaches α = {end.SgdAlpha:0.00} at distance ρ = {end.SgdResidual:0.00} from the line, "
                + $"loss {Rows[0].SgdLoss:G3} → {end.SgdLoss:G3}; the random walk reaches α = {end.WalkAlpha:0.00} at ρ = {end.WalkResidual:0.00}, loss {Rows[0].WalkLoss:G3} → {end.WalkLoss:G3}";
        }
    }

    /// <inheritdoc />
    public ResultTable ToTable() => new(["step", "sgd_alpha", "sgd_residual", "sgd_loss", "walk_alpha", "walk_residual", "walk_loss"],
        [.. Rows.Select(r => new object[] { r.Step, r.SgdAlpha, r.SgdResidual, r.SgdLoss, r.WalkAlpha, r.WalkResidual, r.WalkLoss })]);

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>
/// Goodfellow et al.'s random-walk control (Goodfellow, "Gradient Descent and the Structure of Neural Network Cost Functions"): is the structure of the SGD path seen through the line
/// θ₀ → θ* real, or would any path look like that when projected? A random walk from θ₀ takes, between snapshots,
/// steps of the same length as SGD's, in uniformly random directions; both paths are measured against the same line.
/// </summary>
public static class RandomWalkControl
{
    /// <summary>Compares <paramref name="run"/> with a random walk of the same snapshot step lengths.</summary>
    public static RandomWalkResult Compare(DigitsNetwork network, DigitsTrainingRun run, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(run);
        var line = run.Theta - run.Start;
        var length = line.L2Norm();
        var unit = line / length;
        (double Alpha, double Residual) Measure(Vector<double> theta)
        {
            var d = theta - run.Start;
            var along = d.DotProduct(unit);
            return (along / length, (d - along * unit).L2Norm() / length);
        }

        var random = new Random(seed);
        var walk = run.Start.Clone();
        var rows = new List<RandomWalkRow>();
        for (int k = 0; k < run.Snapshots.Count; k++)
        {
            if (k > 0)
            {
                var stepLength = (run.Snapshots[k] - run.Snapshots[k - 1]).L2Norm();
                var direction = Vector<double>.Build.Dense(walk.Count, _ => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
                walk += direction * (stepLength / direction.L2Norm());
            }

            var (sa, sr) = Measure(run.Snapshots[k]);
            var (wa, wr) = Measure(walk);
            rows.Add(new RandomWalkRow(run.SnapshotSteps[k], sa, sr, network.Train.Value(run.Snapshots[k]), wa, wr, network.Train.Value(walk)));
        }

        return new RandomWalkResult(rows);
    }
}
