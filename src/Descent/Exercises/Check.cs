using System.Collections.Concurrent;

namespace Descent.Exercises;

/// <summary>
/// The one call a notebook makes: <c>Check.Exercise("01.3", answer)</c>. It finds the exercise,
/// counts the attempt (hints get stronger each time) and returns readable feedback.
/// </summary>
public static class Check
{
    private static readonly Lazy<IReadOnlyDictionary<string, Exercise>> Catalog = new(Discover);
    private static readonly ConcurrentDictionary<string, int> Attempts = new();

    /// <summary>All exercises of the course, ordered by id.</summary>
    public static IReadOnlyList<Exercise> All => Catalog.Value.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();

    /// <summary>The exercise with this id.</summary>
    public static Exercise Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Catalog.Value.TryGetValue(id, out var ex))
        {
            return ex;
        }

        string known = string.Join(", ", Catalog.Value.Keys.Where(k => k[..2] == (id.Length >= 2 ? id[..2] : id)).Order());
        throw new ArgumentException(
            $"There is no exercise '{id}'." + (known.Length > 0 ? $" This chapter has: {known}." : " Ids look like '01.3'."), nameof(id));
    }

    /// <summary>Checks an answer and returns feedback (the attempt counter of this id goes up by one).</summary>
    public static Feedback Exercise(string id, object? answer)
    {
        var ex = Find(id);
        int attempt = Attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        return ex.Evaluate(answer, attempt);
    }

    /// <summary>Shows the prompt of an exercise.</summary>
    public static string Prompt(string id) => Find(id).Prompt;

    /// <summary>Forgets attempts (all, or of one exercise), so hints start again from the first.</summary>
    public static void Reset(string? id = null)
    {
        if (id is null)
        {
            Attempts.Clear();
        }
        else
        {
            Attempts.TryRemove(id, out _);
        }
    }

    private static IReadOnlyDictionary<string, Exercise> Discover()
    {
        var result = new Dictionary<string, Exercise>(StringComparer.Ordinal);
        var catalogs = typeof(Check).Assembly.GetTypes()
            .Where(t => typeof(IExerciseCatalog).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in catalogs)
        {
            var catalog = (IExerciseCatalog)Activator.CreateInstance(type)!;
            foreach (var ex in catalog.Exercises)
            {
                if (!result.TryAdd(ex.Id, ex))
                {
                    throw new InvalidOperationException($"Exercise id '{ex.Id}' is defined twice (second time in {type.Name}).");
                }
            }
        }
        return result;
    }
}
