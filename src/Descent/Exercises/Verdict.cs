namespace Descent.Exercises;

/// <summary>How an answer compares with the library's reference computation.</summary>
public enum Verdict
{
    /// <summary>Within the exercise's tolerance.</summary>
    Correct,

    /// <summary>Not within tolerance, but near (within the exercise's "close" band).</summary>
    Close,

    /// <summary>Wrong.</summary>
    Wrong,

    /// <summary>The answer has the wrong type or shape, or is not a finite number.</summary>
    Invalid,
}
