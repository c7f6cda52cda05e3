using Descent.Data;
using Descent.Models;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Models;

public sealed class SequenceModelsTests
{
    [Fact]
    public void The_network_matches_the_data_set_kind()
    {
        var memory = SequenceModels.Rnn(Synthetic.MemoryTask(10, 3, seed: 1, symbols: 4), 5);
        Assert.Equal((5, 4, 4, LossFunction.SoftmaxCrossEntropy), (memory.InputSize, memory.OutputSize, memory.SequenceLength, memory.Loss));
        var adding = SequenceModels.Rnn(Synthetic.AddingProblem(10, 6, seed: 1), 3);
        Assert.Equal((2, 1, 6, LossFunction.SquaredError), (adding.InputSize, adding.OutputSize, adding.SequenceLength, adding.Loss));
    }

    [Fact]
    public void Outputs_and_accuracy_follow_the_final_state_by_hand()
    {
        // H = 1, identity activation, W = 1, U = 0 except the feature of symbol 1 (weight 1), V = (−1, +1)ᵀ… for 2 symbols:
        // h_T = 1 when the first step showed symbol 1 and 0 otherwise; o = V h + c with V = (−1, 1), c = (0.5, 0):
        // symbol 0 → o = (0.5, 0) → class 0; symbol 1 → o = (−0.5, 1) → class 1. So accuracy is 1.
        var data = Synthetic.MemoryTask(20, 3, seed: 2, symbols: 2);
        var rnn = SequenceModels.Rnn(data, 1, Activation.Identity);
        var theta = Vector<double>.Build.Dense(rnn.Dimension);
        theta[rnn.RecurrentOffset] = 1;
        theta[rnn.InputOffset + 1] = 1;               // U (1×3): weight 1 on the feature of symbol 1
        theta[rnn.OutputOffset] = -1;
        theta[rnn.OutputOffset + 1] = 1;
        theta[rnn.OutputBiasOffset] = 0.5;
        var o = SequenceModels.FinalOutputs(rnn, theta);
        for (int n = 0; n < data.Count; n++)
        {
            double h = data.Labels![n];
            Assert.Equal(-h + 0.5, o[n, 0], 14);
            Assert.Equal(h, o[n, 1], 14);
        }
        Assert.Equal(1.0, SequenceModels.Accuracy(rnn, theta, data.Labels!));
        var identity = SequenceModels.WithIdentityRecurrence(rnn, theta, 0.7);
        Assert.Equal(0.7, rnn.RecurrentMatrix(identity)[0, 0]);
    }
}
