using Descent.Functions;
using Descent.Optimization;

namespace Descent.Tests;

public sealed class AmbientCancellationTests
{
    [Fact]
    public void Training_without_a_token_stops_when_the_ambient_token_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        TrainingResult run;
        using (AmbientCancellation.Use(cancelled.Token))
        {
            run = Trainer.Run(new Rosenbrock(), Optimizers.GradientDescent(1e-4), Point.Of(-1.2, 1.0), new TrainingOptions { MaxSteps = 1_000_000 });
        }

        Assert.Equal(StopReason.Cancelled, run.Reason);
        Assert.True(run.Steps < 10, $"ran {run.Steps} steps"); // checked every step
        Assert.False(AmbientCancellation.Token.IsCancellationRequested); // the scope ended with the using block
    }

    [Fact]
    public void An_explicit_token_wins_over_the_ambient_one()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var live = new CancellationTokenSource();
        using (AmbientCancellation.Use(cancelled.Token))
        {
            var run = Trainer.Run(new Rosenbrock(), Optimizers.GradientDescent(1e-4), Point.Of(-1.2, 1.0), new TrainingOptions { MaxSteps = 50 }, live.Token);
            Assert.Equal(50, run.Steps);
        }
    }
}
