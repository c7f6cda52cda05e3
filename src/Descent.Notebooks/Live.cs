using Descent.Functions;
using Descent.Optimization;
using Descent.Plots;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Notebooks;

/// <summary>
/// Live training in a notebook: one chart of the loss and ‖g‖ that redraws in place while the loop runs, and a loop
/// that stops cleanly when the cell is interrupted (the kernel's ■ button) — the chart then shows where it stopped.
/// </summary>
public static class Live
{
    /// <summary>How long code written in the cell (a callback, the objective) may keep running after an interrupt before
    /// its own checks stop it; the trainer stops at its next step, well within this.</summary>
    private static readonly TimeSpan UserCodeGrace = TimeSpan.FromSeconds(0.5);

    /// <summary>Runs <see cref="Trainer.Run"/> and redraws the training curves every <paramref name="redrawEvery"/>
    /// steps (and once at the end). Returns the run, cancelled or not: an interrupt stops it within a step, the final
    /// chart's title says "cancelled after N steps", and the cell ends without an error.</summary>
    /// <param name="objective">What to minimize.</param>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="theta0">The start point.</param>
    /// <param name="options">Stop rules (default 1000 steps); its own <c>OnStep</c> still runs.</param>
    /// <param name="redrawEvery">Steps between redraws, ≥ 1 (redrawing costs a few milliseconds).</param>
    /// <param name="title">The chart title.</param>
    public static TrainingResult Train(Objective objective, Optimizer optimizer, Vector<double> theta0,
        TrainingOptions? options = null, int redrawEvery = 25, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(redrawEvery, 1);
        options ??= new TrainingOptions();
        title ??= $"{optimizer.Name} on {objective.Name}";
        var losses = new List<double>();
        var norms = new List<double>();
        var handle = DisplayHandle.Show($"{title}: starting …");
        var user = options.OnStep;
        var interrupt = CellCancellation.Token;
        // The cell's own code (a callback, an objective defined in the cell) carries interrupt checks; give it a short
        // grace so the trainer, which checks the token every step, stops first and the run ends cleanly with its chart.
        using var grace = new CancellationTokenSource();
        using var onInterrupt = interrupt.Register(() => grace.CancelAfter(UserCodeGrace));
        using var shield = CellCancellation.Enter(grace.Token);
        var result = Trainer.Run(objective, optimizer, theta0, options with
        {
            CallbackEvery = 1,
            OnStep = step =>
            {
                losses.Add(step.Loss);
                norms.Add(step.GradientNorm);
                if (step.Step > 0 && step.Step % redrawEvery == 0 && !interrupt.IsCancellationRequested)
                {
                    handle.Update(Curves(losses, norms, $"{title} — step {step.Step}"));
                }

                if (user is not null && step.Step % options.CallbackEvery == 0 && !interrupt.IsCancellationRequested)
                {
                    user(step);
                }
            },
        }, interrupt);
        var ending = result.Reason == StopReason.Cancelled ? "cancelled" : result.Reason.ToString();
        handle.Update(Curves(result.Losses, result.GradientNorms, $"{title} — {ending} after {result.Steps} steps"));
        return result;
    }

    /// <summary>Most points a redrawn curve carries: a screen shows no more, and a chart of a million steps would take
    /// seconds to serialize — longer than an interrupt may take to end the cell.</summary>
    internal const int MaxPlottedPoints = 2000;

    /// <summary>Loss and ‖g‖ against step, every k-th step (and the last) once a run is longer than
    /// <see cref="MaxPlottedPoints"/>, with the true step numbers on the x axis.</summary>
    internal static Plotly.NET.GenericChart Curves(IReadOnlyList<double> losses, IReadOnlyList<double> norms, string title)
    {
        var n = Math.Min(losses.Count, norms.Count);
        if (n <= MaxPlottedPoints)
        {
            return Plot.TrainingCurves(losses, norms, title: title);
        }

        var stride = (n + MaxPlottedPoints - 2) / (MaxPlottedPoints - 1);
        var steps = Enumerable.Range(0, n).Where(i => i % stride == 0 || i == n - 1).ToArray();
        var x = steps.Select(i => (double)i).ToArray();
        var left = Plot.Curves([new Series("loss", steps.Select(i => losses[i]).ToArray(), x)], "step", "L(θ)", logY: true);
        var right = Plot.Curves([new Series("‖∇L‖", steps.Select(i => norms[i]).ToArray(), x)], "step", "‖∇L(θ)‖", logY: true);
        return Plot.Grid([left, right], columns: 2, titles: ["loss", "gradient norm"], title: title);
    }
}
