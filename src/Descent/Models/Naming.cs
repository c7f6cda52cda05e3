namespace Descent.Models;

/// <summary>Display names shared by the models' ToString().</summary>
internal static class Naming
{
    public static string Of(Activation activation, int maxoutPieces = 2) => activation switch
    {
        Activation.Identity => "linear",
        Activation.Tanh => "tanh",
        Activation.Relu => "ReLU",
        Activation.Sigmoid => "sigmoid",
        Activation.Softplus => "softplus",
        Activation.Maxout => $"maxout({maxoutPieces} pieces)",
        _ => activation.ToString(),
    };

    public static string Of(LossFunction loss) => loss switch
    {
        LossFunction.SquaredError => "squared error",
        LossFunction.SoftmaxCrossEntropy => "softmax cross-entropy",
        LossFunction.Logistic => "logistic",
        LossFunction.Hinge => "hinge",
        _ => loss.ToString(),
    };
}
