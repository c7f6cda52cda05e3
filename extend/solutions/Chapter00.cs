namespace Descent.Extend;

/// <summary>Chapter 00 — a new surrogate loss: the squared hinge L(m) = max(0, 1 − m)² of the margin m = y·f(x).</summary>
public static class SquaredHinge
{
    /// <summary>max(0, 1 − m)².</summary>
    public static double Loss(double margin) => margin >= 1 ? 0 : (1 - margin) * (1 - margin);

    /// <summary>dL/dm = −2·max(0, 1 − m).</summary>
    public static double Derivative(double margin) => margin >= 1 ? 0 : -2 * (1 - margin);
}
