using Descent.Experiments;

namespace Descent.Tests.Experiments;

public sealed class SurrogateLossExperimentTests
{
    private static readonly SurrogateLossResult Overfit = new SurrogateLossExperiment().Run(SurrogateLossParameters.Overfitting());

    [Fact]
    public void Data_has_the_requested_sizes_and_flips_about_the_requested_fraction()
    {
        var p = new SurrogateLossParameters { TrainCount = 400, ValidationCount = 400, Separation = 100, LabelNoise = 0.2 };
        var (xTrain, yTrain, xValid, yValid) = SurrogateLossExperiment.Data(p);

        Assert.Equal(400, xTrain.RowCount);
        Assert.Equal(400, xValid.RowCount);
        // With centres 100 apart the class is the side of the input, so a label disagreeing with it was flipped.
        var labels = yTrain.Concat(yValid).ToArray();
        var inputs = xTrain.Stack(xValid);
        double rate = Enumerable.Range(0, 800).Count(i => labels[i] != Side(inputs[i, 0])) / 800.0;
        // Binomial(800, 0.2): σ = √(800·0.2·0.8)/800 ≈ 0.014, so ±0.05 is more than 3σ either way.
        Assert.InRange(Math.Min(rate, 1 - rate), 0.15, 0.25);
    }

    private static int Side(double x) => x > 0 ? 0 : 1;

    [Fact]
    public void The_same_seed_reproduces_the_curves_exactly()
    {
        var p = new SurrogateLossParameters { Steps = 50, RecordEvery = 5 };
        var a = new SurrogateLossExperiment().Run(p);
        var b = new SurrogateLossExperiment().Run(p);

        Assert.Equal(a.Logistic.TrainSurrogate, b.Logistic.TrainSurrogate);
        Assert.Equal(a.Hinge.ValidationZeroOne, b.Hinge.ValidationZeroOne);
    }

    [Fact]
    public void Gradient_descent_lowers_both_surrogates()
    {
        Assert.True(Overfit.Logistic.TrainSurrogate[^1] < Overfit.Logistic.TrainSurrogate[0] / 2);
        Assert.True(Overfit.Hinge.TrainSurrogate[^1] < Overfit.Hinge.TrainSurrogate[0] / 2);
        // The logistic loss at θ with f ≈ 0 is log 2 ≈ 0.693 per example; Glorot-initialized outputs are small.
        Assert.InRange(Overfit.Logistic.TrainSurrogate[0], 0.5, 0.9);
    }

    [Fact]
    public void The_training_error_still_falls_after_the_logistic_surrogate_has_flattened()
    {
        // Seed 001: we minimize a surrogate, but the 0-1 loss is what we care about; here the surrogate has made
        // 95 % of its total decrease while the training error is still coming down, to zero (memorization).
        Assert.True(Overfit.Logistic.TrainZeroOneFallAfterFlat > 0, Overfit.Logistic.ToString());
        Assert.Equal(0.0, Overfit.Logistic.TrainZeroOne[^1]);
    }

    [Fact]
    public void Early_stopping_on_validation_error_halts_long_before_the_end_and_beats_the_final_model()
    {
        var curves = Overfit.Logistic;
        Assert.True(curves.EarlyStoppingStep < SurrogateLossParameters.Overfitting().Steps / 2, curves.ToString());
        // 200 validation points: one example is 0.5 %; a gap of 5 points (10 examples) is no tie.
        Assert.True(curves.ValidationZeroOne[^1] > curves.ValidationZeroOne[curves.BestValidationIndex] + 0.05, curves.ToString());
    }

    [Fact]
    public void Bad_parameters_name_the_parameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SurrogateLossExperiment().Run(new SurrogateLossParameters { LabelNoise = 0.5 }));
        Assert.Equal("LabelNoise", e.ParamName);
    }
}
