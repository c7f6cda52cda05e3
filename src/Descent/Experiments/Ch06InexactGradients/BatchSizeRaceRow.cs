namespace Descent.Experiments;

/// <summary>One batch size of <see cref="BatchSizeRace"/>.</summary>
/// <param name="BatchSize">B.</param>
/// <param name="LearningRate">ε.</param>
/// <param name="Reached">Whether the training loss reached the target within the epoch budget.</param>
/// <param name="Steps">SGD steps taken.</param>
/// <param name="Examples">Example gradients computed (about steps × B; the last batch of an epoch can be smaller): the
/// deterministic cost.</param>
/// <param name="WallSeconds">Wall-clock seconds of the SGD steps alone (the loss checks excluded): machine-dependent,
/// varies from run to run.</param>
/// <param name="TrainLoss">Training loss at the end.</param>
/// <param name="ValidationLoss">Validation loss at the end.</param>
/// <param name="ValidationError">Validation 0-1 error at the end.</param>
public sealed record BatchSizeRaceRow(int BatchSize, double LearningRate, bool Reached, int Steps, long Examples, double WallSeconds,
    double TrainLoss, double ValidationLoss, double ValidationError)
{
    /// <summary>Examples per epoch-equivalent are N; this is Examples / N.</summary>
    public double Epochs(int exampleCount) => Examples / (double)exampleCount;

    /// <inheritdoc />
    public override string ToString() =>
        $"B = {BatchSize}, ε = {LearningRate:G3}: {(Reached ? "reached" : "missed")} the target after {Steps} steps = {Examples} examples "
        + $"({WallSeconds:F2} s on this machine); validation loss {ValidationLoss:G3}, error {ValidationError:P1}";
}
