using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// The perturbation of perturbed gradient descent (Jin, Ge, Netrapalli, Kakade &amp; Jordan 2017,
/// "How to Escape Saddle Points Efficiently", Algorithm 1): when ‖∇L(θₜ)‖ ≤ gradientThreshold and no
/// perturbation happened in the last <c>quietSteps</c> steps (t − t_noise &gt; t_thres), output u + ξ with ξ
/// uniform in the ball of radius <c>radius</c>; otherwise output u.
/// </summary>
/// <remarks>
/// <para>Place it after the learning-rate scale (ξ is a displacement of θ, not a gradient). Jin et al.
/// first move to θ + ξ and then take the gradient step there; here θ + ξ − ε∇L(θ) is taken in one step
/// and the gradient at the perturbed point is used from the next step on, which changes nothing in
/// the escape argument (the perturbation is what breaks the symmetry of the saddle).</para>
/// <para>Seeded: ξ depends only on (seed, t).</para>
/// </remarks>
public sealed class AddPerturbation : GradientTransform<AddPerturbation.State>
{
    /// <summary>When the last perturbation happened and how many there were.</summary>
    /// <param name="LastPerturbationStep">t_noise, or null before the first perturbation.</param>
    /// <param name="Perturbations">Number of perturbations so far.</param>
    public sealed record State(int? LastPerturbationStep, int Perturbations) : TransformState
    {
        /// <inheritdoc />
        public override string ToString() => LastPerturbationStep is { } t
            ? $"{Perturbations} perturbation(s), last at step {t}"
            : "no perturbation yet";
    }

    /// <summary>Creates the perturbation rule.</summary>
    /// <param name="radius">r &gt; 0, radius of the ball ξ is drawn from.</param>
    /// <param name="gradientThreshold">g_thres ≥ 0: perturb only when ‖∇L(θ)‖ ≤ g_thres.</param>
    /// <param name="quietSteps">t_thres ≥ 0: at least this many steps without perturbation in between.</param>
    /// <param name="seed">Seed of ξ.</param>
    public AddPerturbation(double radius, double gradientThreshold, int quietSteps, int seed)
    {
        Radius = Guard.Positive(radius, nameof(radius));
        GradientThreshold = Guard.NonNegative(gradientThreshold, nameof(gradientThreshold));
        QuietSteps = Guard.AtLeast(quietSteps, 0, nameof(quietSteps));
        Seed = seed;
    }

    /// <summary>r.</summary>
    public double Radius { get; }

    /// <summary>g_thres.</summary>
    public double GradientThreshold { get; }

    /// <summary>t_thres.</summary>
    public int QuietSteps { get; }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    protected override State InitCore(Vector<double> theta) => new State(null, 0);

    /// <inheritdoc />
    protected override (Vector<double> Update, State State) UpdateCore(Vector<double> update, State state, StepContext context)
    {
        int t = context.Step;
        bool quiet = state.LastPerturbationStep is not { } last || t - last > QuietSteps;
        if (!quiet || context.Gradient.L2Norm() > GradientThreshold)
        {
            return (update.Clone(), state);
        }

        var stream = new SeededStream(Seed, t, 0x7065727475UL);
        return (update + stream.UniformInBall(update.Count, Radius), new State(t, state.Perturbations + 1));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"perturb(r={Text.Num(Radius)} when ‖g‖≤{Text.Num(GradientThreshold)}, {QuietSteps} quiet steps, seed {Seed})";
}
