namespace Descent.Experiments;

/// <summary>One (initialization, clipping, lag) cell of <see cref="MemoryTaskExperiment"/>.</summary>
/// <param name="Initialization">"gaussian", "orthogonal" or "identity".</param>
/// <param name="ClipNorm">v (0 = no clipping).</param>
/// <param name="Lag">T.</param>
/// <param name="SuccessRate">Fraction of seeds whose test accuracy reached the success level.</param>
/// <param name="MeanAccuracy">Mean test accuracy over the seeds.</param>
/// <param name="MeanFinalLoss">Mean final training loss over the seeds.</param>
/// <param name="MeanGradientToStart">Mean over seeds of ‖∂h_T/∂h₁‖ at initialization: how much signal reaches the symbol's step.</param>
/// <param name="LargestGradient">Largest ‖∇L‖ seen during training, over all seeds (before clipping).</param>
public sealed record MemoryTaskRow(string Initialization, double ClipNorm, int Lag, double SuccessRate, double MeanAccuracy, double MeanFinalLoss,
    double MeanGradientToStart, double LargestGradient)
{
    /// <summary>Legend name of the configuration.</summary>
    public string Configuration => ClipNorm > 0 ? $"{Initialization}, clip ‖g‖ ≤ {ClipNorm:G3}" : Initialization;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Configuration}, lag {Lag}: success {SuccessRate:P0}, test accuracy {MeanAccuracy:P0}, loss {MeanFinalLoss:G3}, ‖∂h_T/∂h₁‖ at start {MeanGradientToStart:G3}, largest ‖g‖ {LargestGradient:G3}";
}
