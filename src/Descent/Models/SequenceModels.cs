using Descent.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Models;

/// <summary>Builds recurrent networks for a <see cref="SequenceDataset"/> and reads their predictions (chapters 04, 05).</summary>
public static class SequenceModels
{
    /// <summary>An <see cref="Rnn"/> reading each sequence and predicting from its final state: softmax cross-entropy on the
    /// labels when the data set has them (the memory task), squared error on the targets otherwise (the adding problem).</summary>
    /// <param name="data">The sequences.</param>
    /// <param name="hiddenSize">H ≥ 1.</param>
    /// <param name="activation">φ (default tanh, the vanilla RNN).</param>
    public static Rnn Rnn(SequenceDataset data, int hiddenSize, Activation activation = Activation.Tanh)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (hiddenSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenSize), hiddenSize, "hiddenSize must be at least 1.");
        }

        var inputs = data.Inputs.Select(seq => Matrix<double>.Build.DenseOfRowArrays(seq)).ToArray();
        if (data.Labels is { } labels)
        {
            return new Rnn(hiddenSize, activation, inputs, labels, data.ClassCount!.Value);
        }

        if (data.Targets is { } targets)
        {
            return new Rnn(hiddenSize, activation, LossFunction.SquaredError, inputs, Matrix<double>.Build.DenseOfRowArrays(targets));
        }

        throw new ArgumentException($"{data.Name} has neither labels nor targets.", nameof(data));
    }

    /// <summary>The output o = V h_T + c of every sequence of the network's data (row n = example n).</summary>
    public static Matrix<double> FinalOutputs(Rnn rnn, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(rnn);
        ArgumentNullException.ThrowIfNull(theta);
        if (theta.Count != rnn.Dimension)
        {
            throw new ArgumentException($"theta has length {theta.Count}, but the network has {rnn.Dimension} parameters.", nameof(theta));
        }

        int h = rnn.HiddenSize, k = rnn.OutputSize;
        var v = Matrix<double>.Build.Dense(k, h, (i, j) => theta[rnn.OutputOffset + i * h + j]);
        var c = Vector<double>.Build.Dense(k, i => theta[rnn.OutputBiasOffset + i]);
        var result = Matrix<double>.Build.Dense(rnn.ExampleCount, k);
        for (int n = 0; n < rnn.ExampleCount; n++)
        {
            result.SetRow(n, v * rnn.HiddenStates(theta, n).Row(rnn.SequenceLength) + c);
        }

        return result;
    }

    /// <summary>Fraction of sequences whose largest output is at the true label (classification data only).</summary>
    public static double Accuracy(Rnn rnn, Vector<double> theta, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var o = FinalOutputs(rnn, theta);
        if (labels.Count != o.RowCount)
        {
            throw new ArgumentException($"labels has {labels.Count} entries, but the network reads {o.RowCount} sequences.", nameof(labels));
        }

        int correct = 0;
        for (int n = 0; n < o.RowCount; n++)
        {
            if (o.Row(n).MaximumIndex() == labels[n])
            {
                correct++;
            }
        }

        return correct / (double)o.RowCount;
    }

    /// <summary>θ with the recurrent matrix set to scale·I (Le, Jaitly &amp; Hinton 2015, "IRNN", arXiv:1504.00941).</summary>
    public static Vector<double> WithIdentityRecurrence(Rnn rnn, Vector<double> theta, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(rnn);
        if (!double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be finite.");
        }

        return rnn.WithRecurrentMatrix(theta, Matrix<double>.Build.DenseIdentity(rnn.HiddenSize) * scale);
    }
}
