using System.Globalization;
using System.Reflection;

namespace Descent.Experiments;

/// <summary>Finds the course's experiments and builds their parameters from command-line text.</summary>
public static class ExperimentRegistry
{
    private static readonly Lazy<IReadOnlyList<IExperiment>> Experiments = new(Discover);

    /// <summary>Every experiment, ordered by chapter then name.</summary>
    public static IReadOnlyList<IExperiment> All => Experiments.Value;

    /// <summary>The experiment with this name.</summary>
    public static IExperiment Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(e => e.Name == name)
            ?? throw new ArgumentException(
                $"There is no experiment '{name}'. Known: {string.Join(", ", All.Select(e => e.Name))}.", nameof(name));
    }

    /// <summary>The parameters' names (kebab-case), types and default values.</summary>
    public static IReadOnlyList<(string Name, Type Type, object? Default)> Describe(IExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var defaults = experiment.DefaultParameters;
        return Settable(defaults.GetType()).Select(p => (Kebab(p.Name), p.PropertyType, p.GetValue(defaults))).ToArray();
    }

    /// <summary>The default parameters with the given values (kebab-case or property names) replaced; each value is
    /// parsed as the property's type (numbers in invariant culture, arrays as comma-separated lists).
    /// The parameter records validate each value in its init accessor; a value out of range throws an
    /// <see cref="ArgumentException"/> naming the option, e.g. "--max-steps must be at least 1. (got 0)".</summary>
    public static object WithArguments(IExperiment experiment, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(arguments);
        var parameters = experiment.DefaultParameters;
        var props = Settable(parameters.GetType()).ToDictionary(p => Kebab(p.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, text) in arguments)
        {
            string k = key.TrimStart('-');
            if (!props.TryGetValue(k, out var prop) && !props.TryGetValue(Kebab(k), out prop))
            {
                throw new ArgumentException(
                    $"{experiment.Name} has no parameter '{k}'. Parameters: {string.Join(", ", props.Keys)}.", nameof(arguments));
            }

            object value;
            try
            {
                value = Parse(text, prop.PropertyType);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                throw new ArgumentException($"--{Kebab(prop.Name)} expects {TypeText(prop.PropertyType)}, got '{text}'.", nameof(arguments));
            }
            try
            {
                prop.SetValue(parameters, value);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is ArgumentException invalid)
            {
                // The record validated the value in its init accessor (paramName = the property): name the option.
                string reason = invalid.Message;
                int cut = reason.IndexOf(" (Parameter '", StringComparison.Ordinal);
                if (cut >= 0)
                {
                    reason = reason[..cut];
                }

                if (reason.StartsWith(prop.Name + " ", StringComparison.Ordinal))
                {
                    reason = reason[(prop.Name.Length + 1)..];
                }

                throw new ArgumentException($"--{Kebab(prop.Name)} {reason} (got {text})", nameof(arguments), invalid);
            }
        }
        return parameters;
    }

    private static object Parse(string text, Type type)
    {
        var inv = CultureInfo.InvariantCulture;
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(int))
        {
            return int.Parse(text, NumberStyles.Integer, inv);
        }

        if (type == typeof(long))
        {
            return long.Parse(text, NumberStyles.Integer, inv);
        }

        if (type == typeof(double))
        {
            return double.Parse(text, NumberStyles.Float, inv);
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(text, out var b) ? b : throw new FormatException();
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, text, true, out var e) ? e! : throw new FormatException();
        }

        if (type.IsArray)
        {
            var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var arr = Array.CreateInstance(type.GetElementType()!, parts.Length);
            for (int i = 0; i < parts.Length; i++)
            {
                arr.SetValue(Parse(parts[i], type.GetElementType()!), i);
            }

            return arr;
        }
        throw new FormatException();
    }

    private static string TypeText(Type t) => t.IsArray ? $"a comma-separated list of {t.GetElementType()!.Name}" :
        t.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(t))}" : $"a {t.Name}";

    private static IEnumerable<PropertyInfo> Settable(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.Name != "EqualityContract");

    internal static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static IReadOnlyList<IExperiment> Discover() =>
        typeof(ExperimentRegistry).Assembly.GetTypes()
            .Where(t => typeof(IExperiment).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IExperiment)Activator.CreateInstance(t)!)
            .OrderBy(e => e.Chapter, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToArray();
}
