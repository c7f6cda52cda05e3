using System.Diagnostics;
using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// The one training loop: runs any <see cref="Optimizer"/> (or other <see cref="GradientTransform"/>) on any <see cref="Objective"/>,
/// θₖ₊₁ = θₖ + Δθₖ, recording the trajectory and stopping at the first rule met.
/// </summary>
/// <remarks>
/// At each iterate θₖ, in this order: record L, ‖g‖ (and gᵀHg, θ, the monitor value when asked), call
/// the callback; then stop if the loss or gradient is not finite or the loss exceeds the divergence
/// threshold (<see cref="StopReason.Diverged"/>), if ‖g‖ &lt; tolerance, if L ≤ target, if the monitor has not
/// improved for <see cref="TrainingOptions.Patience"/> evaluations (early stopping), if k = MaxSteps,
/// if the token is cancelled, or if the time budget is spent; otherwise take one update, and stop
/// with <see cref="StopReason.Diverged"/> if it is not finite. A stopped run — cancelled, diverged,
/// failed — always returns the trajectory so far; the start θ₀ is never modified.
/// </remarks>
public static class Trainer
{
    /// <summary>Minimizes <paramref name="objective"/> from <paramref name="theta0"/>.</summary>
    /// <param name="objective">What to minimize.</param>
    /// <param name="optimizer">The optimizer: an <see cref="Optimizer"/>, a <see cref="Chain"/> or any transform whose output is the step Δθ.</param>
    /// <param name="theta0">Start point (finite, of the objective's dimension); copied, never modified.</param>
    /// <param name="options">Stop rules and recording; defaults to 1000 steps.</param>
    /// <param name="cancellationToken">Checked every step; cancellation stops with <see cref="StopReason.Cancelled"/>.
    /// When none is given, the host's <see cref="AmbientCancellation.Token"/> is used (in a notebook: the cell's).</param>
    public static TrainingResult Run(Objective objective, GradientTransform optimizer, Vector<double> theta0,
        TrainingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(theta0);
        if (theta0.Count != objective.Dimension)
        {
            throw new ArgumentException(
                $"theta0 has length {theta0.Count}, but {objective.Name} expects a point of dimension {objective.Dimension}.", nameof(theta0));
        }

        for (int i = 0; i < theta0.Count; i++)
        {
            if (!double.IsFinite(theta0[i]))
            {
                throw new ArgumentException($"theta0[{i}] is {theta0[i]}; the start point must be finite.", nameof(theta0));
            }
        }

        options ??= new TrainingOptions();
        cancellationToken = AmbientCancellation.Or(cancellationToken);
        if (options.Monitor is { } mon && mon.Dimension != objective.Dimension)
        {
            throw new ArgumentException(
                $"options.Monitor ({mon.Name}) has dimension {mon.Dimension}, but {objective.Name} has dimension {objective.Dimension}.", nameof(options));
        }

        if (options.Patience is not null && options.Monitor is null)
        {
            throw new ArgumentException("options.Patience (early stopping) needs options.Monitor, the objective to watch.", nameof(options));
        }

        if (optimizer.UsesHessian && !objective.HasExactHessian)
        {
            throw new ArgumentException(
                $"{optimizer} needs second derivatives, which {objective.Name} does not provide; use a first-order optimizer.", nameof(optimizer));
        }

        if (options.RecordCurvature && !objective.HasExactHessian)
        {
            throw new ArgumentException(
                $"options.RecordCurvature needs Hessian-vector products, which {objective.Name} does not provide.", nameof(options));
        }

        var clock = Stopwatch.StartNew();
        var theta = theta0.Clone();
        var state = optimizer.Init(theta);
        var (loss, gradient) = objective.ValueAndGradient(theta);
        double initialLoss = loss;
        double explosion = initialLoss + options.DivergenceFactor * Math.Max(Math.Abs(initialLoss), 1.0);

        var losses = new List<double>();
        var gradientNorms = new List<double>();
        var stepLengths = new List<double>();
        var curvatures = options.RecordCurvature ? new List<double>() : null;
        var thetaSteps = new List<int>();
        var thetas = new List<Vector<double>>();
        var monitorSteps = new List<int>();
        var monitorLosses = new List<double>();
        double bestMonitor = double.PositiveInfinity;
        int bestMonitorStep = -1, sinceBest = 0;
        Vector<double>? bestMonitorTheta = null;

        StopReason reason;
        string message;
        int k = 0;
        while (true)
        {
            double gradientNorm = gradient.L2Norm();
            bool finiteGradient = AllFinite(gradient);
            losses.Add(loss);
            gradientNorms.Add(gradientNorm);
            curvatures?.Add(finiteGradient ? gradient.DotProduct(objective.HessianVectorProduct(theta, gradient)) : double.NaN);
            if (k == 0 || (options.RecordThetaEvery > 0 && k % options.RecordThetaEvery == 0))
            {
                thetaSteps.Add(k);
                thetas.Add(theta.Clone());
            }
            if (options.Monitor is { } monitor && k % options.MonitorEvery == 0)
            {
                monitorSteps.Add(k);
                double value = monitor.Value(theta);
                monitorLosses.Add(value);
                if (value < bestMonitor)
                {
                    (bestMonitor, bestMonitorStep, bestMonitorTheta, sinceBest) = (value, k, theta.Clone(), 0);
                }
                else
                {
                    sinceBest++;
                }
            }
            if (options.OnStep is { } onStep && k % options.CallbackEvery == 0)
            {
                onStep(new TrainingStep(k, theta, loss, gradientNorm, clock.Elapsed));
            }

            if (!double.IsFinite(loss))
            {
                (reason, message) = (StopReason.Diverged, $"the loss became {loss} at step {k}");
            }
            else if (!finiteGradient)
            {
                (reason, message) = (StopReason.Diverged, $"the gradient has a non-finite entry at step {k}");
            }
            else if (loss > explosion)
            {
                (reason, message) = (StopReason.Diverged,
                    $"the loss {Text.Num(loss)} at step {k} exceeded L₀ + {Text.Num(options.DivergenceFactor)}·max(|L₀|, 1) = {Text.Num(explosion)} (L₀ = {Text.Num(initialLoss)})");
            }
            else if (gradientNorm < options.GradientTolerance)
            {
                (reason, message) = (StopReason.GradientTolerance, $"‖g‖ = {Text.Num(gradientNorm)} < tolerance {Text.Num(options.GradientTolerance)} at step {k}");
            }
            else if (options.TargetLoss is { } target && loss <= target)
            {
                (reason, message) = (StopReason.TargetLoss, $"loss {Text.Num(loss)} ≤ target {Text.Num(target)} at step {k}");
            }
            else if (options.Patience is { } patience && sinceBest >= patience)
            {
                (reason, message) = (StopReason.EarlyStopping,
                    $"the monitor ({options.Monitor!.Name}) did not improve for {patience} evaluations; best {Text.Num(bestMonitor)} at step {bestMonitorStep}");
            }
            else if (k >= options.MaxSteps)
            {
                (reason, message) = (StopReason.MaxSteps, $"reached the maximum of {options.MaxSteps} steps");
            }
            else if (cancellationToken.IsCancellationRequested)
            {
                (reason, message) = (StopReason.Cancelled, $"cancelled after {k} steps; the partial trajectory is kept");
            }
            else if (options.TimeBudget is { } budget && clock.Elapsed >= budget)
            {
                (reason, message) = (StopReason.TimeBudget, $"the time budget of {budget.TotalSeconds:G3} s was used up after {k} steps");
            }
            else
            {
                Vector<double> update;
                try
                {
                    (update, state) = optimizer.Update(gradient, state, new StepContext(objective, theta, gradient, loss, k));
                }
                catch (ArithmeticException ex)
                {
                    (reason, message) = (StopReason.Failed, ex.Message);
                    break;
                }
                var next = theta + update;
                if (!AllFinite(next))
                {
                    (reason, message) = (StopReason.Diverged, $"the update at step {k} is not finite (‖Δθ‖ = {Text.Num(update.L2Norm())})");
                    break;
                }
                stepLengths.Add(update.L2Norm());
                theta = next;
                (loss, gradient) = objective.ValueAndGradient(theta);
                k++;
                continue;
            }
            break;
        }

        if (thetaSteps.Count == 0 || thetaSteps[^1] != k)
        {
            thetaSteps.Add(k);
            thetas.Add(theta.Clone());
        }
        if (options.Monitor is { } last && (monitorSteps.Count == 0 || monitorSteps[^1] != k))
        {
            monitorSteps.Add(k);
            double value = last.Value(theta);
            monitorLosses.Add(value);
            if (value < bestMonitor)
            {
                (bestMonitor, bestMonitorStep, bestMonitorTheta) = (value, k, theta.Clone());
            }
        }
        if (options.OnStep is { } final && k % options.CallbackEvery != 0)
        {
            final(new TrainingStep(k, theta, loss, gradientNorms[^1], clock.Elapsed));
        }

        return new TrainingResult
        {
            Objective = objective.Name,
            Optimizer = optimizer.ToString(),
            Reason = reason,
            Message = message,
            Steps = k,
            Theta = theta.Clone(),
            FinalState = state,
            Losses = [.. losses],
            GradientNorms = [.. gradientNorms],
            StepLengths = [.. stepLengths],
            Curvatures = curvatures?.ToArray(),
            ThetaSteps = [.. thetaSteps],
            Thetas = thetas,
            MonitorSteps = [.. monitorSteps],
            MonitorLosses = [.. monitorLosses],
            BestMonitorStep = bestMonitorTheta is null ? null : bestMonitorStep,
            BestMonitorTheta = bestMonitorTheta,
            Elapsed = clock.Elapsed,
        };
    }

    private static bool AllFinite(Vector<double> v)
    {
        for (int i = 0; i < v.Count; i++)
        {
            if (!double.IsFinite(v[i]))
            {
                return false;
            }
        }

        return true;
    }
}
