using Descent.Data;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Shared set-up of chapter 06's digits experiments: the stratified split, a tanh MLP with softmax
/// cross-entropy and its Glorot initialization, and argument checks with the course's messages.</summary>
internal static class InexactGradientSetup
{
    public static int[] Layers(int[] hidden) => [Digits.PixelCount, .. hidden, Digits.ClassCount];

    public static Mlp Network(int[] hidden, Dataset data) =>
        new(Layers(hidden), Activation.Tanh, LossFunction.SoftmaxCrossEntropy, data.Inputs, data.Labels!);

    public static Vector<double> Start(Mlp model, int seed) => model.Initialize(Initialization.Glorot, seed);

    public static void Hidden(int[]? hidden)
    {
        if (hidden is null || hidden.Length == 0 || hidden.Any(h => h < 1))
            throw new ArgumentOutOfRangeException(nameof(hidden), "Hidden must list one or more widths ≥ 1.");
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0.");
    }

    public static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum) throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}.");
    }

    public static void NonEmpty<T>(T[]? values, string name)
    {
        if (values is null || values.Length == 0) throw new ArgumentException($"{name} must list at least one value.", name);
    }
}
