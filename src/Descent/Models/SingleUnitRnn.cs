using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Models;

/// <summary>
/// The one-unit recurrent network of Pascanu, Mikolov &amp; Bengio (2013, "On the difficulty of training
/// recurrent neural networks", §3) whose loss surface has cliffs: h₀ given, hₜ = w·σ(hₜ₋₁) + b for
/// t = 1 … T, loss L(w, b) = (h_T − target)². θ = (w, b).
/// </summary>
/// <remarks>
/// Exact first and second derivatives by forward-mode recursion through the T steps (2 parameters, so the
/// full Hessian is as cheap as the gradient): with s = σ(hₜ₋₁), h' = ∂hₜ₋₁/∂θ,
/// ∂hₜ/∂w = s + w σ' h'_w, ∂hₜ/∂b = 1 + w σ' h'_b,
/// ∂²hₜ/∂w² = 2σ' h'_w + w σ'' h'_w² + w σ' h''_ww, ∂²hₜ/∂w∂b = σ' h'_b + w σ'' h'_w h'_b + w σ' h''_wb,
/// ∂²hₜ/∂b² = w σ'' h'_b² + w σ' h''_bb; then ∇L = 2r ∇h_T, ∇²L = 2(∇h_T ∇h_Tᵀ + r ∇²h_T), r = h_T − target.
/// The loss has no ½, as in Pascanu et al.
/// </remarks>
public sealed class SingleUnitRnn : Objective
{
    /// <summary>Creates the cliff RNN.</summary>
    /// <param name="steps">T ≥ 1 (Pascanu et al. use 50).</param>
    /// <param name="initialState">h₀.</param>
    /// <param name="target">Target for h_T.</param>
    /// <param name="activation">σ: sigmoid (default) or tanh.</param>
    public SingleUnitRnn(int steps = 50, double initialState = 0.5, double target = 0.7, Activation activation = Activation.Sigmoid)
        : base(2, $"single-unit RNN (T = {steps})")
    {
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be at least 1.");
        }

        if (!double.IsFinite(initialState))
        {
            throw new ArgumentOutOfRangeException(nameof(initialState), initialState, "initialState must be finite.");
        }

        if (!double.IsFinite(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "target must be finite.");
        }

        if (activation is not (Activation.Sigmoid or Activation.Tanh))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "activation must be Sigmoid or Tanh.");
        }

        Steps = steps;
        InitialState = initialState;
        Target = target;
        Activation = activation;
    }

    /// <summary>T.</summary>
    public int Steps { get; }

    /// <summary>h₀.</summary>
    public double InitialState { get; }

    /// <summary>Target for h_T.</summary>
    public double Target { get; }

    /// <summary>σ.</summary>
    public Activation Activation { get; }

    /// <inheritdoc />
    public override Domain Domain => Domain.UnboundedPlottedOver([-4.0, -4.0], [12.0, 4.0]);

    /// <summary>The trajectory h₀ … h_T for θ = (w, b).</summary>
    public double[] States(Vector<double> theta)
    {
        CheckPoint(theta);
        var h = new double[Steps + 1];
        h[0] = InitialState;
        for (int t = 1; t <= Steps; t++)
        {
            h[t] = theta[0] * Elementwise.Apply(Activation, h[t - 1]) + theta[1];
        }

        return h;
    }

    private (double Loss, double[] G, double[,] H) Evaluate(Vector<double> theta)
    {
        double w = theta[0], b = theta[1];
        double h = InitialState, hw = 0, hb = 0, hww = 0, hwb = 0, hbb = 0;
        for (int t = 1; t <= Steps; t++)
        {
            double s = Elementwise.Apply(Activation, h);
            double s1 = Elementwise.First(Activation, h, s);
            double s2 = Elementwise.Second(Activation, h, s);
            double nww = 2 * s1 * hw + w * s2 * hw * hw + w * s1 * hww;
            double nwb = s1 * hb + w * s2 * hw * hb + w * s1 * hwb;
            double nbb = w * s2 * hb * hb + w * s1 * hbb;
            double nw = s + w * s1 * hw;
            double nb = 1 + w * s1 * hb;
            h = w * s + b;
            (hw, hb, hww, hwb, hbb) = (nw, nb, nww, nwb, nbb);
        }
        double r = h - Target;
        return (r * r, [2 * r * hw, 2 * r * hb],
            new[,] { { 2 * (hw * hw + r * hww), 2 * (hw * hb + r * hwb) }, { 2 * (hw * hb + r * hwb), 2 * (hb * hb + r * hbb) } });
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta)
    {
        double h = InitialState;
        for (int t = 1; t <= Steps; t++)
        {
            h = theta[0] * Elementwise.Apply(Activation, h) + theta[1];
        }

        return (h - Target) * (h - Target);
    }

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) => Vector<double>.Build.DenseOfArray(Evaluate(theta).G);

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta) => Matrix<double>.Build.DenseOfArray(Evaluate(theta).H);

    /// <inheritdoc />
    public override string ToString() =>
        $"single-unit RNN hₜ = w·{Naming.Of(Activation)}(hₜ₋₁) + b, h₀ = {InitialState:G4}, T = {Steps}, L = (h_T − {Target:G4})²";
}
