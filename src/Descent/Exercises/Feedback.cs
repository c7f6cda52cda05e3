namespace Descent.Exercises;

/// <summary>What a learner sees after checking an answer: a verdict, a message and, for a wrong
/// answer, a hint that gets stronger with each attempt.</summary>
/// <param name="ExerciseId">The exercise, e.g. "01.2".</param>
/// <param name="Verdict">Correct, close, wrong or invalid.</param>
/// <param name="Message">One friendly sentence on the answer itself.</param>
/// <param name="Hint">The hint for this attempt (null when correct).</param>
/// <param name="Attempt">1 for the first check of this exercise in the session, 2 for the next, ….</param>
public sealed record Feedback(string ExerciseId, Verdict Verdict, string Message, string? Hint, int Attempt)
{
    /// <summary>True when the answer is accepted.</summary>
    public bool IsCorrect => Verdict == Verdict.Correct;

    /// <inheritdoc />
    public override string ToString()
    {
        string mark = Verdict switch
        {
            Verdict.Correct => "✔ Correct",
            Verdict.Close => "≈ Close",
            Verdict.Wrong => "✘ Not yet",
            _ => "✘ Cannot check",
        };
        string text = $"[{ExerciseId}] {mark}: {Message}";
        return Hint is null ? text : $"{text}\nHint {Math.Min(Attempt, 99)}: {Hint}";
    }
}
