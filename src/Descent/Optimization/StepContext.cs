using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// What a transform may know about the current step besides the incoming update: the iterate θ,
/// the raw gradient g = ∇L(θ), the loss L(θ), the step index t (0 for the first step) and the
/// <see cref="Objective"/> itself, for the Hessian (Newton-type transforms) and Hessian-vector
/// products (ε* = gᵀg / gᵀHg).
/// </summary>
/// <remarks>
/// The vectors are the caller's: transforms read them and never write into them. The Hessian is
/// computed at most once per context and shared by every transform of a chain.
/// </remarks>
public sealed class StepContext
{
    private Matrix<double>? _hessian;

    /// <summary>Creates the context of step <paramref name="step"/> at θ.</summary>
    /// <param name="objective">The objective being minimized.</param>
    /// <param name="theta">The current iterate θₜ (length = objective dimension).</param>
    /// <param name="gradient">The raw gradient ∇L(θₜ).</param>
    /// <param name="loss">L(θₜ).</param>
    /// <param name="step">Step index t ≥ 0.</param>
    public StepContext(Objective objective, Vector<double> theta, Vector<double> gradient, double loss, int step)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(gradient);
        if (theta.Count != objective.Dimension)
        {
            throw new ArgumentException($"theta has length {theta.Count}, but {objective.Name} has dimension {objective.Dimension}.", nameof(theta));
        }

        if (gradient.Count != objective.Dimension)
        {
            throw new ArgumentException($"gradient has length {gradient.Count}, but {objective.Name} has dimension {objective.Dimension}.", nameof(gradient));
        }

        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "step must be ≥ 0.");
        }

        Objective = objective;
        Theta = theta;
        Gradient = gradient;
        Loss = loss;
        Step = step;
    }

    /// <summary>The objective being minimized.</summary>
    public Objective Objective { get; }

    /// <summary>The current iterate θₜ (read only).</summary>
    public Vector<double> Theta { get; }

    /// <summary>The raw gradient gₜ = ∇L(θₜ) (read only), before any transform of the chain.</summary>
    public Vector<double> Gradient { get; }

    /// <summary>L(θₜ).</summary>
    public double Loss { get; }

    /// <summary>The step index t: 0 for the first update.</summary>
    public int Step { get; }

    /// <summary>∇²L(θₜ), computed on first use and shared afterwards (do not modify it).</summary>
    public Matrix<double> Hessian() => _hessian ??= Objective.Hessian(Theta);

    /// <summary>∇²L(θₜ)·v, from the Hessian when it was already formed, otherwise from the objective's product.</summary>
    public Vector<double> HessianVectorProduct(Vector<double> v) =>
        _hessian is { } h ? h * v : Objective.HessianVectorProduct(Theta, v);

    /// <inheritdoc />
    public override string ToString() => $"step {Step} on {Objective.Name}: L = {Loss:G6}, ‖g‖ = {Gradient.L2Norm():G4}";
}
