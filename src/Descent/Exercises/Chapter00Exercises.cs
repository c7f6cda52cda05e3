using Descent.Experiments;

namespace Descent.Exercises;

/// <summary>Exercises of chapter 00 (the tour: learning vs pure optimization). Every reference answer is computed by
/// the library.</summary>
public sealed class Chapter00Exercises : IExerciseCatalog
{
    /// <summary>Real-valued classifier scores f(xᵢ) for exercise 00.2 (class 1 when f &gt; 0).</summary>
    public static IReadOnlyList<double> Scores { get; } = [2.1, -0.3, 0.8, -1.7, 0.1, -0.05, 1.2, -2.4, 0.4, -0.9];

    /// <summary>True labels yᵢ ∈ {0, 1} for exercise 00.2.</summary>
    public static IReadOnlyList<int> Labels { get; } = [1, 0, 0, 0, 1, 1, 1, 0, 0, 0];

    private static readonly Lazy<SurrogateLossResult> s_run = new(() => new SurrogateLossExperiment().Run(SurrogateLossParameters.Overfitting()));

    /// <inheritdoc />
    public IEnumerable<Exercise> Exercises
    {
        get
        {
            yield return new NumericExercise(
                "00.1", "The surrogate at the start",
                "A freshly initialized classifier outputs f(x) = 0 for every input. What is its mean logistic loss "
                + "ℓ = log(1 + e^{f}) − y·f on any data set (natural log)?",
                () => Math.Log(2),
                ["Put f = 0 into log(1 + e^f) − y·f: the label no longer matters.",
                 "log(1 + e⁰) = log 2."],
                relativeTolerance: 1e-6,
                mistakes:
                [
                    new(() => 0.5, "0.5 is the predicted probability σ(0), not the loss −log σ(0)."),
                    new(() => Math.Log10(2), "Use the natural logarithm (Math.Log), as the library does."),
                ]);

            yield return new NumericExercise(
                "00.2", "The 0-1 loss",
                "Classify xᵢ as 1 when `Chapter00Exercises.Scores[i]` > 0, else 0. What fraction of the ten predictions "
                + "disagrees with `Chapter00Exercises.Labels`? (That is the empirical risk under the 0-1 loss.)",
                () => ZeroOne(Scores, Labels),
                ["Count i with (Scores[i] > 0 ? 1 : 0) != Labels[i], divide by 10.",
                 "Scores.Select((s, i) => (s > 0 ? 1 : 0) != Labels[i] ? 1.0 : 0.0).Average()"],
                relativeTolerance: 1e-9,
                mistakes:
                [
                    new(() => 1 - ZeroOne(Scores, Labels), "That is the accuracy; the 0-1 loss counts the mistakes."),
                    new(() => ZeroOne(Scores, Labels) * Scores.Count, "Divide the count of mistakes by the number of examples."),
                ]);

            yield return new NumericExercise(
                "00.3", "Where early stopping halts",
                "Run `new SurrogateLossExperiment().Run(SurrogateLossParameters.Overfitting())`. At which step does early "
                + "stopping on the validation 0-1 loss of the logistic run halt (the earliest step with the lowest "
                + "validation error)?",
                () => s_run.Value.Logistic.EarlyStoppingStep,
                ["Look at run.Logistic.ValidationZeroOne and run.Logistic.Steps.",
                 "run.Logistic.EarlyStoppingStep gives it; find it yourself from the arrays first."],
                relativeTolerance: 1e-9,
                mistakes:
                [
                    new(() => s_run.Value.Logistic.Steps[^1], "That is the end of training: the validation error is worse there."),
                    new(() => s_run.Value.Logistic.Steps[Array.IndexOf(s_run.Value.Logistic.TrainZeroOne, s_run.Value.Logistic.TrainZeroOne.Min())],
                        "That is where the training error is lowest; early stopping watches the validation set."),
                ]);
        }
    }

    private static double ZeroOne(IReadOnlyList<double> scores, IReadOnlyList<int> labels) =>
        scores.Select((s, i) => (s > 0 ? 1 : 0) != labels[i] ? 1.0 : 0.0).Average();
}
