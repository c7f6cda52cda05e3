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
                    handle.Update(Plot.TrainingCurves(losses, norms, title: $"{title} — step {step.Step}"));
                }

                if (user is not null && step.Step % options.CallbackEvery == 0 && !interrupt.IsCancellationRequested)
                {
                    user(step);
                }
            },
        }, interrupt);
        var ending = result.Reason == StopReason.Cancelled ? "cancelled" : result.Reason.ToString();
        handle.Update(Plot.TrainingCurves(result.Losses, result.GradientNorms, title: $"{title} — {ending} after {result.Steps} steps"));
        return result;
    }
}
