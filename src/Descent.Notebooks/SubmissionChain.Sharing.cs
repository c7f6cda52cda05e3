using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Descent.Notebooks;

/// <summary>
/// What each submission kept of the reference binding although the previous submission already had the same: issue 14,
/// item 5, after the quadratic parts were gone (about 85 KB of managed heap per trivial cell, measured on the heap of a
/// 500-cell session, cells 125 to 500).
/// </summary>
/// <remarks>
/// <para>Every script submission binds the session's references afresh: 37 explicit ones and the 127 assemblies they
/// depend on, 164 in all. Its reference manager then keeps a metadata map (232 entries), a reference-to-assembly map
/// (164), a map of merged references (84 entries, each with an array) and the arrays of assemblies and aliases, about
/// 35 KB, all equal, entry for entry and object for object, to the previous submission's. Roslyn itself shares these
/// when it derives one compilation from another with the same references; it does not for script submissions.
/// <see cref="ShareWithPreviousSubmission"/> points the new submission's manager at the previous one's objects when they
/// are equal; the objects are not modified after binding, and the metadata map is the one Roslyn documents as shareable
/// between managers (it locks it before use). The source module's record of the same 164 assemblies (identities,
/// symbols, unifications; about 2.7 KB) is shared the same way.</para>
/// <para>Two lazily filled caches of a compilation are only needed while it compiles: the well-known types and members
/// (about 7 KB) and the set of assemblies it used (136 entries, about 7 KB). Once the next cell has compiled,
/// <see cref="ReleasePreviousSubmissionCaches"/> empties them on the previous submission; Roslyn fills them again on
/// demand with the same symbols.</para>
/// <para>The script assembly loader records, per assembly name, where each submission's dependencies live, and appends
/// the same 164 (identity, path) pairs again for every submission (about 3 KB per cell).
/// <see cref="ForgetRepeatedDependencies"/> removes exact repeats under the loader's own lock; the loader resolves an
/// assembly from the distinct pairs, so which of two identical entries it would have met first makes no difference.</para>
/// </remarks>
internal static partial class SubmissionChain
{
    private static readonly string[] SharedManagerFields =
    [
        "ObservedMetadata", "_lazyReferencedAssembliesMap", "_lazyMergedAssemblyReferencesMap",
        "_lazyReferencedAssemblies", "_lazyAliasesOfReferencedAssemblies", "_lazyExplicitReferences",
    ];

    private static readonly string[] CompilationCaches = ["_lazyWellKnownTypes", "_lazyWellKnownTypeMembers"];

    /// <summary>
    /// Points the submission's bound reference state (the six pieces of its reference manager and its source module's
    /// references, and the compilation's list of explicit references) at the previous submission's equal objects. Returns
    /// how many of the eight pieces were shared, or -1 when there is no previous submission or the layout is not the expected one.
    /// </summary>
    public static int ShareWithPreviousSubmission(Compilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        if (compilation.ScriptCompilationInfo?.PreviousScriptCompilation is not { } previous
            || GetBoundReferenceManager is null)
        {
            return -1;
        }

        try
        {
            var mine = GetBoundReferenceManager.Invoke(compilation, null);
            var theirs = GetBoundReferenceManager.Invoke(previous, null);
            if (mine is null || theirs is null || mine.GetType() != theirs.GetType())
            {
                return -1;
            }

            var fields = SharedManagerFields.Select(name => FindField(mine.GetType(), name)).ToArray();
            if (fields.Any(f => f is null))
            {
                return -1;
            }

            var shared = fields.Count(field => ShareIfEqual(field!, mine, theirs));
            var module = SourceModule(compilation) is { } ownModule && SourceModule(previous) is { } earlierModule
                && FindField(ownModule.GetType(), "_moduleReferences") is { } moduleField
                && ShareIfEqual(moduleField, ownModule, earlierModule);
            var list = FindField(compilation.GetType(), "<ExternalReferences>k__BackingField") is { } listField
                && ShareIfEqual(listField, compilation, previous);
            return shared + (module ? 1 : 0) + (list ? 1 : 0);
        }
        catch (Exception e) when (e is TargetInvocationException or FieldAccessException or ArgumentException or InvalidOperationException)
        {
            return -1;
        }
    }

    /// <summary>
    /// Points <paramref name="field"/> of <paramref name="mine"/> at the value <paramref name="theirs"/> holds when the two
    /// hold the same entries (<see cref="SameEntries"/>; for an object with public fields, such as the source module's
    /// record of identities, symbols and unifications, each of its fields compared that way).
    /// </summary>
    private static bool ShareIfEqual(FieldInfo field, object mine, object theirs)
    {
        if (field.GetValue(mine) is not { } own || field.GetValue(theirs) is not { } earlier)
        {
            return false;
        }

        if (!own.Equals(earlier) && !SameEntries(own, earlier) && !SamePublicFields(own, earlier))
        {
            return false;
        }

        field.SetValue(mine, earlier);
        return true;
    }

    private static bool SamePublicFields(object a, object b)
    {
        var fields = a.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public);
        return a.GetType() == b.GetType() && !IsImmutableArray(a.GetType()) && a is not IEnumerable && fields.Length > 0
            && fields.All(f => f.GetValue(a) is { } x && f.GetValue(b) is { } y && (x.Equals(y) || SameEntries(x, y)));
    }

    private static object? SourceModule(Compilation compilation) =>
        compilation.GetType().GetProperty("SourceModule", Instance | BindingFlags.DeclaredOnly)?.GetValue(compilation);

    /// <summary>
    /// Empties the compile-time caches (well-known types and members, used assemblies, an empty bag of declaration
    /// diagnostics) of the submission before
    /// <paramref name="compilation"/>. Returns how many caches were emptied, or -1 when the layout is not the expected one.
    /// </summary>
    public static int ReleasePreviousSubmissionCaches(Compilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        if (compilation.ScriptCompilationInfo?.PreviousScriptCompilation is not { } previous)
        {
            return -1;
        }

        var caches = CompilationCaches.Select(name => FindField(previous.GetType(), name)).ToArray();
        var used = FindField(previous.GetType(), "_lazyUsedAssemblyReferences");
        if (caches.Any(f => f is null || !f.FieldType.IsArray) || used is null)
        {
            return -1;
        }

        var released = 0;
        foreach (var cache in caches)
        {
            if (cache!.GetValue(previous) is not null)
            {
                cache.SetValue(previous, null);
                released++;
            }
        }

        // An empty bag of declaration diagnostics still holds its queue; Roslyn creates the bag again when asked.
        if (FindField(previous.GetType(), "_lazyDeclarationDiagnostics") is { } declarations
            && declarations.GetValue(previous) is { } bag
            && bag.GetType().GetProperty("IsEmptyWithoutResolution", Instance | BindingFlags.Public)?.GetValue(bag) is true)
        {
            declarations.SetValue(previous, null);
            released++;
        }

        // A fresh empty set rather than null: code that adds to it while the set is frozen expects an instance.
        if (used.GetValue(previous) is { } set && set.GetType().GetProperty("Count")?.GetValue(set) is > 0
            && set.GetType().GetConstructor(Type.EmptyTypes) is { } create)
        {
            used.SetValue(previous, create.Invoke(null));
            released++;
        }

        return released;
    }

    /// <summary>
    /// Removes repeated (identity, path) pairs from the script assembly loader's dependency lists. Returns the number of
    /// entries removed, or -1 when the layout is not the expected one.
    /// </summary>
    public static int ForgetRepeatedDependencies(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (DependencyLists(script) is not var (gate, lists))
        {
            return -1;
        }

        var removed = 0;
        lock (gate)
        {
            foreach (var list in lists)
            {
                var seen = new HashSet<object>();
                for (var i = 0; i < list.Count;)
                {
                    if (seen.Add(list[i]!))
                    {
                        i++;
                    }
                    else
                    {
                        list.RemoveAt(i);
                        removed++;
                    }
                }

                list.GetType().GetMethod("TrimExcess", Type.EmptyTypes)?.Invoke(list, null);
            }
        }

        return removed;
    }

    /// <summary>Total entries in the script assembly loader's dependency lists (for tests), or -1.</summary>
    public static int DependencyEntryCount(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (DependencyLists(script) is not var (gate, lists))
        {
            return -1;
        }

        lock (gate)
        {
            return lists.Sum(l => l.Count);
        }
    }

    /// <summary>The objects of the latest submission's bound reference state, by field name (for tests).</summary>
    internal static IReadOnlyDictionary<string, object?> ReferenceState(Compilation compilation)
    {
        var manager = GetBoundReferenceManager?.Invoke(compilation, null);
        return manager is null
            ? new Dictionary<string, object?>()
            : SharedManagerFields.ToDictionary(name => name, name => FindField(manager.GetType(), name)?.GetValue(manager));
    }

    private static (object Gate, IList[] Lists)? DependencyLists(Script script)
    {
        var builder = typeof(Script).GetField("Builder", Instance | BindingFlags.Public)?.GetValue(script);
        var loader = builder is null ? null : FindField(builder.GetType(), "_assemblyLoader")?.GetValue(builder);
        if (loader is null
            || FindField(loader.GetType(), "_referencesLock")?.GetValue(loader) is not { } gate
            || FindField(loader.GetType(), "_dependenciesWithLocationBySimpleName")?.GetValue(loader) is not IDictionary byName)
        {
            return null;
        }

        lock (gate)
        {
            return (gate, byName.Values.OfType<IList>().ToArray());
        }
    }

    /// <summary>
    /// Whether two pieces of bound state hold the same entries: dictionaries with the same keys mapped to the same
    /// objects, sequences with the same objects in the same order (nested immutable arrays compared the same way).
    /// </summary>
    internal static bool SameEntries(object a, object b)
    {
        if (a is IDictionary left && b is IDictionary right)
        {
            if (left.Count != right.Count)
            {
                return false;
            }

            foreach (DictionaryEntry entry in right)
            {
                if (!left.Contains(entry.Key) || !SameValue(left[entry.Key], entry.Value))
                {
                    return false;
                }
            }

            return true;
        }

        if (IsDefaultArray(a) || IsDefaultArray(b))
        {
            return false;
        }

        if (a is IEnumerable first && b is IEnumerable second && a is not string)
        {
            var x = first.GetEnumerator();
            var y = second.GetEnumerator();
            while (true)
            {
                var more = x.MoveNext();
                if (more != y.MoveNext())
                {
                    return false;
                }

                if (!more)
                {
                    return true;
                }

                if (!SameValue(x.Current, y.Current))
                {
                    return false;
                }
            }
        }

        return false;
    }

    private static bool SameValue(object? a, object? b) => a switch
    {
        _ when ReferenceEquals(a, b) => true,
        null => false,
        string s => b is string t && s == t,
        int i => b is int j && i == j,
        _ when b is not null && IsImmutableArray(a.GetType()) && a.GetType() == b.GetType() => SameEntries(a, b),
        _ => false,
    };

    private static bool IsDefaultArray(object value) =>
        IsImmutableArray(value.GetType()) && value.GetType().GetProperty("IsDefault")?.GetValue(value) is true;

    private static bool IsImmutableArray(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>);
}
