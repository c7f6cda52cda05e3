namespace Descent.Experiments;

/// <summary>The curves of <see cref="GradientPropagation"/> that differ only in ρ: their fitted slopes against ln ρ.</summary>
/// <param name="Name">The family (activation, recurrent matrix, input scale).</param>
/// <param name="LogSpectralRadii">ln ρ of each member.</param>
/// <param name="Slopes">Fitted slope of ln‖∂h_T/∂h_{T−k}‖ in k of each member.</param>
public sealed record PropagationFamily(string Name, double[] LogSpectralRadii, double[] Slopes)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: " + string.Join(", ", LogSpectralRadii.Zip(Slopes, (x, y) => $"ln ρ = {x:F4} → slope {y:F4}"));
}
