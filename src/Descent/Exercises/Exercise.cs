namespace Descent.Exercises;

/// <summary>
/// An exercise: a prompt the learner reads, hints that get stronger on each wrong attempt, and a
/// check that evaluates an answer against the library — never against a number typed by hand.
/// </summary>
public abstract class Exercise
{
    /// <summary>Creates an exercise.</summary>
    /// <param name="id">Chapter-qualified id, "NN.k" (e.g. "01.3").</param>
    /// <param name="title">Short title.</param>
    /// <param name="prompt">The task in markdown.</param>
    /// <param name="hints">Hints in order of strength; at least one.</param>
    protected Exercise(string id, string title, string prompt, IReadOnlyList<string> hints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        ArgumentNullException.ThrowIfNull(hints);
        if (hints.Count == 0)
        {
            throw new ArgumentException("an exercise needs at least one hint.", nameof(hints));
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(id, @"^\d\d\.\d+$"))
        {
            throw new ArgumentException($"id '{id}' must look like 'NN.k' (chapter.number), e.g. '01.3'.", nameof(id));
        }

        Id = id;
        Title = title;
        Prompt = prompt;
        Hints = hints;
    }

    /// <summary>Chapter-qualified id, e.g. "01.3".</summary>
    public string Id { get; }

    /// <summary>Two-digit chapter number the exercise belongs to.</summary>
    public string Chapter => Id[..2];

    /// <summary>Short title.</summary>
    public string Title { get; }

    /// <summary>The task, in markdown.</summary>
    public string Prompt { get; }

    /// <summary>Hints in order of strength.</summary>
    public IReadOnlyList<string> Hints { get; }

    /// <summary>The worked solution's answer, computed by the library (used by the tests and the solutions notebooks).</summary>
    public abstract object ReferenceAnswer { get; }

    /// <summary>Answers a learner typically gives by mistake; each must be rejected with a hint.</summary>
    public abstract IReadOnlyList<object> TypicalWrongAnswers { get; }

    /// <summary>Checks an answer; <paramref name="attempt"/> (1-based) selects the hint.</summary>
    public Feedback Evaluate(object? answer, int attempt = 1)
    {
        if (attempt < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "attempt must be at least 1.");
        }

        var (verdict, message, mistakeHint) = Assess(answer);
        string? hint = verdict == Verdict.Correct
            ? null
            : mistakeHint ?? Hints[Math.Min(attempt, Hints.Count) - 1];
        return new Feedback(Id, verdict, message, hint, attempt);
    }

    /// <summary>Compares an answer with the reference. Returns a verdict, a message, and optionally a
    /// targeted hint for a recognised mistake (which replaces the graded hint).</summary>
    protected abstract (Verdict Verdict, string Message, string? MistakeHint) Assess(object? answer);

    /// <inheritdoc />
    public override string ToString() => $"Exercise {Id}: {Title}";
}
