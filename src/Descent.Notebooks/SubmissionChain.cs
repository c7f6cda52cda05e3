using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;

namespace Descent.Notebooks;

/// <summary>
/// Keeps the memory of the engine's chain of script submissions linear and small (issue 14, item 5).
/// </summary>
/// <remarks>
/// <para>Every cell is a Roslyn script submission whose compilation keeps the previous one alive
/// (<c>ScriptCompilationInfo.PreviousScriptCompilation</c>): the chain itself is how a cell sees the variables of
/// earlier cells, so it stays. What made it grow quadratically is Roslyn's reference binding for scripts
/// (CommonReferenceManager.GetCompilationReferences): a submission's explicit references are its own references
/// <em>plus all explicit references of the previous submission</em>, duplicates included. With the session's 36
/// references, submission k keeps an array of 36·k references and a dictionary sized for them (about 1.3 KB·k), so the
/// 500th cell alone added 0.6 MB and 2,000 cells would need gigabytes.</para>
/// <para>After each cell this removes the duplicates from the new submission's explicit references (keeping the
/// last occurrence, which is the one Roslyn's reverse-order resolution binds first, so the next submission resolves
/// exactly the same references in the same order) and trims the reference map's spare capacity. The set of
/// references, their aliases and every symbol stay the same; only repeated entries of the same objects go.</para>
/// <para>What stayed linear but was still a copy of the previous submission's state (the bound references, compile-time
/// caches and the loader's dependency lists) is shared or released after each cell as well: see
/// SubmissionChain.Sharing.cs.</para>
/// <para>The engine is archived upstream and pinned, and Roslyn's private layout is checked by a test; if it changes,
/// <see cref="Trim"/> reports <c>false</c> and nothing is touched.</para>
/// </remarks>
internal static partial class SubmissionChain
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;

    private static readonly MethodInfo? GetBoundReferenceManager =
        typeof(Compilation).GetMethod("GetBoundReferenceManager", Instance, Type.EmptyTypes);

    /// <summary>Trims the latest submission's reference bookkeeping after every cell the C# kernel runs.</summary>
    public static void TrimAfterEachSubmission(CSharpKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        kernel.AddMiddleware(async (command, context, next) =>
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            await next(command, context).ConfigureAwait(false);
            if (command is SubmitCode)
            {
                Trim(kernel);
                if (kernel.ScriptState?.Script is { } script)
                {
                    ShareWithPreviousSubmission(script.GetCompilation());
                    ReleasePreviousSubmissionCaches(script.GetCompilation());
                    ForgetRepeatedDependencies(script);
                }

                ForgetWorkspaceClosures(kernel);
                ReclaimAfterHeavyCell(GC.GetTotalAllocatedBytes() - allocatedBefore);
            }
        });
    }

    /// <summary>Allocation by one cell above which the kernel compacts the heap and gives the memory back.</summary>
    /// <remarks>A chart cell (a 101×101 contour with its plotly JSON and HTML) allocates about 100 MB that is garbage
    /// once the outputs are sent; a trivial cell allocates about 1 MB. Without this the GC keeps the chart cells' peak
    /// committed and the resident size rose by about 3 MB per chart cell although nothing of the output was kept.</remarks>
    internal const long HeavyCellBytes = 64L << 20;

    /// <summary>After a cell that allocated more than <see cref="HeavyCellBytes"/>, one blocking, compacting, aggressive
    /// collection (tens of milliseconds, against the hundreds the cell took) returns the freed memory to the system.</summary>
    internal static bool ReclaimAfterHeavyCell(long allocatedBytes)
    {
        if (allocatedBytes < HeavyCellBytes)
        {
            return false;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return true;
    }

    /// <summary>
    /// Removes duplicate explicit references from the latest submission's reference manager and trims its reference
    /// map. Returns <c>false</c> when there is no submission yet or Roslyn's private layout is not the expected one.
    /// </summary>
    public static bool Trim(CSharpKernel kernel)
    {
        if (kernel.ScriptState?.Script.GetCompilation() is not { } compilation || GetBoundReferenceManager is null)
        {
            return false;
        }

        try
        {
            var manager = GetBoundReferenceManager.Invoke(compilation, null);
            if (manager is null
                || FindField(manager.GetType(), "_lazyExplicitReferences") is not { } explicitField
                || FindField(manager.GetType(), "_lazyReferencedAssembliesMap") is not { } mapField
                || explicitField.GetValue(manager) is not ImmutableArray<MetadataReference> { IsDefault: false } references)
            {
                return false;
            }

            var distinct = KeepLastOccurrence(references);
            if (distinct.Length < references.Length)
            {
                explicitField.SetValue(manager, distinct);
            }

            (mapField.GetValue(manager) as Dictionary<MetadataReference, int>)?.TrimExcess();
            return true;
        }
        catch (Exception e) when (e is TargetInvocationException or FieldAccessException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static readonly FieldInfo? WorkspaceField = typeof(CSharpKernel).GetField("_workspace", Instance);

    private static readonly string[] ClosureFields = ["_transitiveReferencesMap", "_reverseTransitiveReferencesMap"];

    /// <summary>
    /// Empties the transitive-reference caches of the language-service workspace's project graph (completion and
    /// inspection run on it). Returns the number of cached project sets dropped, or -1 when the layout is not the
    /// expected one (then nothing is touched).
    /// </summary>
    /// <remarks>
    /// The engine's workspace adds one project per cell, each referencing the previous one, and Roslyn checks every
    /// new reference for a cycle by computing the referenced project's transitive references — a fresh set of k
    /// project ids for cell k, which the graph then caches for good. That is quadratic: about 20 KB per cell at cell
    /// 500 and 80 KB per cell at cell 2,000, for nothing, since these maps are caches Roslyn fills again on demand
    /// ("a missing key/value pair indicates it needs to be computed"). The graph's own lock is held while they are
    /// emptied.
    /// </remarks>
    public static int ForgetWorkspaceClosures(CSharpKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (WorkspaceField?.GetValue(kernel) is not Workspace workspace)
        {
            return -1;
        }

        try
        {
            var graph = workspace.CurrentSolution.GetProjectDependencyGraph();
            var fields = ClosureFields.Select(name => FindField(graph.GetType(), name)).ToArray();
            if (FindField(graph.GetType(), "_dataLock")?.GetValue(graph) is not SemaphoreSlim dataLock
                || fields.Any(f => f?.FieldType != typeof(ImmutableDictionary<ProjectId, ImmutableHashSet<ProjectId>>)))
            {
                return -1;
            }

            dataLock.Wait();
            try
            {
                var dropped = 0;
                foreach (var field in fields)
                {
                    dropped += ((ImmutableDictionary<ProjectId, ImmutableHashSet<ProjectId>>)field!.GetValue(graph)!).Count;
                    field.SetValue(graph, ImmutableDictionary<ProjectId, ImmutableHashSet<ProjectId>>.Empty);
                }

                return dropped;
            }
            finally
            {
                dataLock.Release();
            }
        }
        catch (Exception e) when (e is FieldAccessException or ArgumentException or InvalidOperationException)
        {
            return -1;
        }
    }

    /// <summary>Explicit reference count of the latest submission (for tests and diagnostics), or -1.</summary>
    public static int ExplicitReferenceCount(CSharpKernel kernel)
    {
        if (kernel.ScriptState?.Script.GetCompilation() is not { } compilation || GetBoundReferenceManager is null)
        {
            return -1;
        }

        var manager = GetBoundReferenceManager.Invoke(compilation, null);
        return manager is not null && FindField(manager.GetType(), "_lazyExplicitReferences")?.GetValue(manager)
            is ImmutableArray<MetadataReference> { IsDefault: false } references
            ? references.Length
            : -1;
    }

    /// <summary>The same references without repeats of one object, each kept at its last position.</summary>
    internal static ImmutableArray<MetadataReference> KeepLastOccurrence(ImmutableArray<MetadataReference> references)
    {
        var seen = new HashSet<MetadataReference>(ReferenceEqualityComparer.Instance);
        var kept = new List<MetadataReference>(references.Length);
        for (var i = references.Length - 1; i >= 0; i--)
        {
            if (seen.Add(references[i]))
            {
                kept.Add(references[i]);
            }
        }

        kept.Reverse();
        return [.. kept];
    }

    private static FieldInfo? FindField(Type? type, string name)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.GetField(name, Instance | BindingFlags.DeclaredOnly) is { } field)
            {
                return field;
            }
        }

        return null;
    }
}
