namespace Descent.Extend;

/// <summary>Chapter 00 — a new surrogate loss: the squared hinge L(m) = max(0, 1 − m)² of the margin m = y·f(x).
/// Task: implement both members (docs/extend.md, chapter 00), then run  dotnet test extend --filter Chapter00</summary>
public static class SquaredHinge
{
    /// <summary>max(0, 1 − m)².</summary>
    public static double Loss(double margin) => throw new NotImplementedException("Chapter 00: implement max(0, 1 − m)²");

    /// <summary>dL/dm.</summary>
    public static double Derivative(double margin) => throw new NotImplementedException("Chapter 00: implement dL/dm");
}
