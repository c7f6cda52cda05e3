namespace Descent.Experiments;

/// <summary>The same data and start point trained on two surrogates of the 0-1 loss.</summary>
/// <param name="Parameters">What was run.</param>
/// <param name="Logistic">Curves when minimizing the logistic loss log(1 + e^{−y·f(x)}).</param>
/// <param name="Hinge">Curves when minimizing the hinge loss max(0, 1 − y·f(x)).</param>
public sealed record SurrogateLossResult(SurrogateLossParameters Parameters, LossCurves Logistic, LossCurves Hinge) : IExperimentResult
{
    /// <inheritdoc />
    public string Summary =>
        $"logistic: train error {Logistic.TrainZeroOne[^1]:P1}, validation error {Logistic.ValidationZeroOne[^1]:P1} (best {Logistic.ValidationZeroOne[Logistic.BestValidationIndex]:P1} at step {Logistic.EarlyStoppingStep}); " +
        $"hinge: train error {Hinge.TrainZeroOne[^1]:P1}, validation error {Hinge.ValidationZeroOne[^1]:P1}";

    /// <summary>Both runs as one table: step, then train/validation surrogate and error for logistic and hinge.</summary>
    public ResultTable ToTable() => new(
        ["step", "logistic_train_loss", "logistic_train_error", "logistic_validation_loss", "logistic_validation_error",
         "hinge_train_loss", "hinge_train_error", "hinge_validation_loss", "hinge_validation_error"],
        Logistic.Steps.Select((s, i) => (IReadOnlyList<object>)[s, Logistic.TrainSurrogate[i], Logistic.TrainZeroOne[i], Logistic.ValidationSurrogate[i],
            Logistic.ValidationZeroOne[i], Hinge.TrainSurrogate[i], Hinge.TrainZeroOne[i], Hinge.ValidationSurrogate[i], Hinge.ValidationZeroOne[i]]).ToArray());

    /// <inheritdoc />
    public override string ToString() => $"Surrogate losses (seed {Parameters.Seed}, {Parameters.TrainCount} train / {Parameters.ValidationCount} validation, " +
        $"{(Parameters.Hidden == 0 ? "linear" : $"{Parameters.Hidden} hidden tanh units")}, {Parameters.LabelNoise:P0} flipped labels)\n  {Logistic}\n  {Hinge}";
}
