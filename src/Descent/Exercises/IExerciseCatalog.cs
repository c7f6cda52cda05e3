namespace Descent.Exercises;

/// <summary>A chapter's exercises. Implementations in the Descent assembly with a public parameterless
/// constructor are discovered by <see cref="Check"/>.</summary>
public interface IExerciseCatalog
{
    /// <summary>The chapter's exercises.</summary>
    IEnumerable<Exercise> Exercises { get; }
}
