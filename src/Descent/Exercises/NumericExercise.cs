using System.Globalization;

namespace Descent.Exercises;

/// <summary>
/// An exercise whose answer is one number, compared with a reference the library computes.
/// Correct when |answer − reference| ≤ tolerance·max(|reference|, floor); close when within
/// <see cref="CloseFactor"/> times that.
/// </summary>
public sealed class NumericExercise : Exercise
{
    private readonly Func<double> _reference;
    private readonly IReadOnlyList<Mistake> _mistakes;
    private double? _cached;

    /// <summary>A mistake learners make: the value it produces and what to tell them.</summary>
    /// <param name="Value">Computes the wrong answer this mistake gives (from the library, not typed by hand).</param>
    /// <param name="Explanation">The targeted hint shown when the answer matches it.</param>
    public sealed record Mistake(Func<double> Value, string Explanation);

    /// <summary>Creates a numeric exercise.</summary>
    /// <param name="id">"NN.k".</param>
    /// <param name="title">Short title.</param>
    /// <param name="prompt">Markdown task.</param>
    /// <param name="reference">Computes the correct answer with the library.</param>
    /// <param name="hints">Graded hints.</param>
    /// <param name="relativeTolerance">Relative tolerance in (0, 1).</param>
    /// <param name="mistakes">Typical mistakes with targeted hints (at least one).</param>
    /// <param name="absoluteFloor">Scale below which the tolerance is absolute (for references near 0).</param>
    public NumericExercise(string id, string title, string prompt, Func<double> reference, IReadOnlyList<string> hints,
        double relativeTolerance, IReadOnlyList<Mistake> mistakes, double absoluteFloor = 1e-12)
        : base(id, title, prompt, hints)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(mistakes);
        if (!(relativeTolerance > 0 && relativeTolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "relativeTolerance must be in (0, 1).");
        }

        if (!(absoluteFloor > 0) || !double.IsFinite(absoluteFloor))
        {
            throw new ArgumentOutOfRangeException(nameof(absoluteFloor), absoluteFloor, "absoluteFloor must be a finite positive number.");
        }

        if (mistakes.Count == 0)
        {
            throw new ArgumentException("give at least one typical mistake.", nameof(mistakes));
        }

        _reference = reference;
        _mistakes = mistakes;
        RelativeTolerance = relativeTolerance;
        AbsoluteFloor = absoluteFloor;
    }

    /// <summary>Relative tolerance of a correct answer.</summary>
    public double RelativeTolerance { get; }

    /// <summary>Scale below which the tolerance is absolute.</summary>
    public double AbsoluteFloor { get; }

    /// <summary>An answer within this many tolerances is "close".</summary>
    public double CloseFactor { get; init; } = 20;

    /// <summary>The reference value (computed once by the library).</summary>
    public double Reference => _cached ??= _reference();

    /// <inheritdoc />
    public override object ReferenceAnswer => Reference;

    /// <inheritdoc />
    public override IReadOnlyList<object> TypicalWrongAnswers => _mistakes.Select(m => (object)m.Value()).ToArray();

    /// <inheritdoc />
    protected override (Verdict, string, string?) Assess(object? answer)
    {
        if (!TryNumber(answer, out double x))
        {
            return (Verdict.Invalid, $"expected one number, got {Describe(answer)}.", null);
        }

        if (!double.IsFinite(x))
        {
            return (Verdict.Invalid, $"{x} is not a finite number.", null);
        }

        double r = Reference;
        double scale = Math.Max(Math.Abs(r), AbsoluteFloor);
        double err = Math.Abs(x - r);
        if (err <= RelativeTolerance * scale)
        {
            return (Verdict.Correct, $"{Format(x)} agrees with the library's {Format(r)}.", null);
        }

        foreach (var m in _mistakes)
        {
            double w = m.Value();
            if (Math.Abs(x - w) <= RelativeTolerance * Math.Max(Math.Abs(w), AbsoluteFloor))
            {
                return (Verdict.Wrong, $"{Format(x)} is a common slip.", m.Explanation);
            }
        }
        double rel = err / scale;
        if (err <= CloseFactor * RelativeTolerance * scale)
        {
            return (Verdict.Close, $"{Format(x)} is within {rel:P2} of the answer; tighten your computation (tolerance {RelativeTolerance:P2}).", null);
        }

        string direction = x > r ? "too large" : "too small";
        return (Verdict.Wrong, $"{Format(x)} is {direction} (off by {rel:P0}).", null);
    }

    internal static bool TryNumber(object? answer, out double x)
    {
        switch (answer)
        {
            case double d: x = d; return true;
            case float f: x = f; return true;
            case int i: x = i; return true;
            case long l: x = l; return true;
            case decimal m: x = (double)m; return true;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p): x = p; return true;
            default: x = double.NaN; return false;
        }
    }

    internal static string Describe(object? answer) => answer is null ? "nothing (null)" : $"a {answer.GetType().Name}";

    private static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
