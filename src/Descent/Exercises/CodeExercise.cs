namespace Descent.Exercises;

/// <summary>
/// An exercise whose answer is code or a structured value (a function, an optimizer configuration,
/// a vector): the check runs it against the library and reports what it observed.
/// </summary>
/// <typeparam name="T">The answer's type, e.g. <c>Func&lt;double, double&gt;</c>.</typeparam>
public sealed class CodeExercise<T> : Exercise
{
    private readonly Func<T, CodeCheck> _check;
    private readonly Func<T> _reference;
    private readonly Func<IReadOnlyList<T>> _wrong;

    /// <summary>Creates a code exercise.</summary>
    /// <param name="id">"NN.k".</param>
    /// <param name="title">Short title.</param>
    /// <param name="prompt">Markdown task.</param>
    /// <param name="check">Runs an answer and says whether it works, with a message and an optional targeted hint.</param>
    /// <param name="reference">The worked solution.</param>
    /// <param name="typicalWrong">Typical wrong answers (at least one).</param>
    /// <param name="hints">Graded hints.</param>
    public CodeExercise(string id, string title, string prompt, Func<T, CodeCheck> check, Func<T> reference,
        Func<IReadOnlyList<T>> typicalWrong, IReadOnlyList<string> hints)
        : base(id, title, prompt, hints)
    {
        _check = check ?? throw new ArgumentNullException(nameof(check));
        _reference = reference ?? throw new ArgumentNullException(nameof(reference));
        _wrong = typicalWrong ?? throw new ArgumentNullException(nameof(typicalWrong));
    }

    /// <inheritdoc />
    public override object ReferenceAnswer => _reference()!;

    /// <inheritdoc />
    public override IReadOnlyList<object> TypicalWrongAnswers => _wrong().Select(w => (object)w!).ToArray();

    /// <inheritdoc />
    protected override (Verdict, string, string?) Assess(object? answer)
    {
        if (answer is not T typed)
        {
            return (Verdict.Invalid, $"expected a {typeof(T).Name}, got {NumericExercise.Describe(answer)}.", null);
        }

        CodeCheck result;
        try
        {
            result = _check(typed);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (Verdict.Wrong, $"running your answer threw {ex.GetType().Name}: {ex.Message}", null);
        }
        return (result.Passed ? Verdict.Correct : Verdict.Wrong, result.Message, result.Passed ? null : result.Hint);
    }
}

/// <summary>The outcome of running a code answer.</summary>
/// <param name="Passed">Whether it does what was asked.</param>
/// <param name="Message">What was observed, e.g. "loss fell from 3.2 to 0.01 in 40 steps".</param>
/// <param name="Hint">A targeted hint when it failed (else the graded hint is shown).</param>
public sealed record CodeCheck(bool Passed, string Message, string? Hint = null);
