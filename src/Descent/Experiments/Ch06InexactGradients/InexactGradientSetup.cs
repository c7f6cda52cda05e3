using Descent.Data;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Experiments;

/// <summary>Shared set-up of chapter 06's digits experiments: the stratified split, a tanh MLP with softmax
/// cross-entropy and its Glorot initialization.</summary>
internal static class InexactGradientSetup
{
    public static int[] Layers(int[] hidden) => [Digits.PixelCount, .. hidden, Digits.ClassCount];

    public static Mlp Network(int[] hidden, Dataset data) =>
        new(Layers(hidden), Activation.Tanh, LossFunction.SoftmaxCrossEntropy, data.Inputs, data.Labels!);

    public static Vector<double> Start(Mlp model, int seed) => model.Initialize(Initialization.Glorot, seed);
}
