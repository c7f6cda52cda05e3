using System.Collections.Immutable;
using Descent.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace Descent.Kernel.Tests.Engine;

/// <summary>The engine tweak behind issue 14 item 5, on the real C# kernel: without it each script submission carries
/// the explicit references of all earlier ones (Roslyn appends them), with it the count stays put and cells still see
/// earlier cells' variables. Also fails if Roslyn's private layout ever changes (Trim then reports false).</summary>
public sealed class SubmissionChainTests
{
    [Fact]
    public async Task WithoutTrim_ExplicitReferencesGrowWithEverySubmission_WithTrim_TheyStayPut()
    {
        var untrimmed = await CountsPerCell(tweak: false, SubmissionChain.ExplicitReferenceCount);
        var trimmed = await CountsPerCell(tweak: true, SubmissionChain.ExplicitReferenceCount);
        // The control shows what the fix is for: one more copy of the kernel's references per submission.
        Assert.True(untrimmed[^1] > untrimmed[0], $"untrimmed counts did not grow: {string.Join(", ", untrimmed)}");
        Assert.All(trimmed, c => Assert.Equal(trimmed[0], c));
        Assert.True(trimmed[0] > 0);
    }

    [Fact]
    public async Task TrimmedSubmissions_StillSeeEarlierVariables()
    {
        using var kernel = new CSharpKernel();
        SubmissionChain.TrimAfterEachSubmission(kernel);
        await kernel.SendAsync(new SubmitCode("var first = 40;"));
        await kernel.SendAsync(new SubmitCode("var second = 2;"));
        var result = await kernel.SendAsync(new SubmitCode("first + second"));
        Assert.Empty(result.Events.OfType<CommandFailed>());
        Assert.Equal(42, result.Events.OfType<ReturnValueProduced>().Single().Value);
    }

    [Fact]
    public async Task WorkspaceClosures_PileUpOnePerCellWithoutTheTweak_AndAreEmptiedAfterEachCellWithIt()
    {
        // Control: the engine's language-service workspace caches a transitive-reference set per cell (sizes 1, 2, 3, ...).
        using (var plain = new CSharpKernel())
        {
            for (var i = 0; i < 4; i++)
            {
                await SubmitVariable(plain, i);
            }

            var cached = SubmissionChain.ForgetWorkspaceClosures(plain);
            Assert.True(cached >= 3, $"expected a cached set per earlier cell, found {cached}");
            Assert.Equal(0, SubmissionChain.ForgetWorkspaceClosures(plain));
        }

        using var kernel = new CSharpKernel();
        SubmissionChain.TrimAfterEachSubmission(kernel);
        for (var i = 0; i < 4; i++)
        {
            await SubmitVariable(kernel, i);
            Assert.Equal(0, SubmissionChain.ForgetWorkspaceClosures(kernel));
        }
    }

    [Fact]
    public async Task CompletionAfterForgettingClosures_StillSeesEveryEarlierCell()
    {
        using var kernel = new CSharpKernel();
        SubmissionChain.TrimAfterEachSubmission(kernel);
        await kernel.SendAsync(new SubmitCode("var firstValue = 40;"));
        await kernel.SendAsync(new SubmitCode("var secondValue = 2;"));
        await kernel.SendAsync(new SubmitCode("var third = firstValue + secondValue;"));
        var result = await kernel.SendAsync(new RequestCompletions("firstV", new Microsoft.DotNet.Interactive.LinePosition(0, 6)));
        var items = result.Events.OfType<CompletionsProduced>().Single().Completions.Select(c => c.DisplayText).ToList();
        Assert.Contains("firstValue", items);
        Assert.Contains("secondValue", items);
    }

    [Fact]
    public async Task ConsecutiveSubmissions_ShareEqualReferenceState_WhichTheEngineAloneGivesEachItsOwnCopyOf()
    {
        // Control: without the middleware each submission binds and keeps its own copy of the same reference state.
        using (var plain = new CSharpKernel())
        {
            var (previous, latest) = await LastTwoReferenceStates(plain);
            Assert.NotSame(previous["ObservedMetadata"], latest["ObservedMetadata"]);
            Assert.True(SubmissionChain.SameEntries(previous["ObservedMetadata"]!, latest["ObservedMetadata"]!));
        }

        using var kernel = new CSharpKernel();
        SubmissionChain.TrimAfterEachSubmission(kernel);
        var (before, after) = await LastTwoReferenceStates(kernel);
        // Already shared by the middleware after the last cell: all eight pieces (six of the manager, the module's, the
        // compilation's reference list) are the previous submission's objects, so sharing again finds each one equal.
        Assert.Equal(8, SubmissionChain.ShareWithPreviousSubmission(kernel.ScriptState.Script.GetCompilation()));
        Assert.Equal(6, after.Count);
        // Equals is identity here: for the dictionaries by reference, for the boxed immutable arrays by their array.
        Assert.All(after, field => Assert.True(field.Value!.Equals(before[field.Key]), $"{field.Key} is a copy"));
    }

    [Fact]
    public async Task LoaderDependencyLists_GrowWithEveryCellWithoutTheTweak_AndStayPutWithIt()
    {
        var plain = await CountsPerCell(tweak: false, k => SubmissionChain.DependencyEntryCount(k.ScriptState.Script));
        var tweaked = await CountsPerCell(tweak: true, k => SubmissionChain.DependencyEntryCount(k.ScriptState.Script));
        Assert.True(plain[^1] > plain[1], $"control did not grow: {string.Join(", ", plain)}");
        Assert.All(tweaked.Skip(1), c => Assert.Equal(tweaked[1], c));
        Assert.True(tweaked[1] > 0);
    }

    [Fact]
    public async Task AfterThePreviousSubmissionsCachesAreReleased_LaterCellsStillUseItsTypesAndAwait()
    {
        using var kernel = new CSharpKernel();
        SubmissionChain.TrimAfterEachSubmission(kernel);
        await kernel.SendAsync(new SubmitCode("record Point(double X, double Y); var p = new Point(3, 4);"));
        await kernel.SendAsync(new SubmitCode("var q = p with { Y = 0 };"));
        // The middleware already emptied them after the last cell: nothing is left to release.
        Assert.Equal(0, SubmissionChain.ReleasePreviousSubmissionCaches(kernel.ScriptState.Script.GetCompilation()));
        var result = await kernel.SendAsync(new SubmitCode("await Task.Delay(1); System.Math.Sqrt(p.X * p.X + p.Y * p.Y) + q.X"));
        Assert.Empty(result.Events.OfType<CommandFailed>());
        Assert.Equal(8.0, result.Events.OfType<ReturnValueProduced>().Single().Value);
    }

    [Fact]
    public void SameEntries_ComparesDictionariesAndSequencesByTheObjectsTheyHold()
    {
        var a = new object();
        var b = new object();
        Assert.True(SubmissionChain.SameEntries(new Dictionary<string, object> { ["x"] = a }, new Dictionary<string, object> { ["x"] = a }));
        Assert.False(SubmissionChain.SameEntries(new Dictionary<string, object> { ["x"] = a }, new Dictionary<string, object> { ["x"] = b }));
        Assert.True(SubmissionChain.SameEntries(ImmutableArray.Create(a, b), ImmutableArray.Create(a, b)));
        Assert.False(SubmissionChain.SameEntries(ImmutableArray.Create(a, b), ImmutableArray.Create(b, a)));
        Assert.True(SubmissionChain.SameEntries(ImmutableArray.Create(ImmutableArray.Create("s")), ImmutableArray.Create(ImmutableArray.Create("s"))));
        Assert.False(SubmissionChain.SameEntries(default(ImmutableArray<object>), ImmutableArray<object>.Empty));
    }

    [Fact]
    public void KeepLastOccurrence_DropsRepeatsOfTheSameObjectKeepingTheLastPosition()
    {
        var a = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);
        var b = MetadataReference.CreateFromFile(typeof(Enumerable).Assembly.Location);
        var c = MetadataReference.CreateFromFile(typeof(object).Assembly.Location); // same file, another object: kept
        var kept = SubmissionChain.KeepLastOccurrence([a, b, a, c, b]);
        Assert.Equal([a, c, b], kept.ToArray());
    }

    /// <summary>Runs four cells on a fresh kernel, with or without the middleware, and measures after each.</summary>
    private static async Task<int[]> CountsPerCell(bool tweak, Func<CSharpKernel, int> measure)
    {
        using var kernel = new CSharpKernel();
        if (tweak)
        {
            SubmissionChain.TrimAfterEachSubmission(kernel);
        }

        var counts = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            await SubmitVariable(kernel, i);
            counts.Add(measure(kernel));
        }

        return [.. counts];
    }

    private static async Task<(IReadOnlyDictionary<string, object?> Previous, IReadOnlyDictionary<string, object?> Latest)> LastTwoReferenceStates(CSharpKernel kernel)
    {
        for (var i = 0; i < 3; i++)
        {
            await SubmitVariable(kernel, i);
        }

        var latest = kernel.ScriptState.Script.GetCompilation();
        return (SubmissionChain.ReferenceState(latest.ScriptCompilationInfo!.PreviousScriptCompilation!), SubmissionChain.ReferenceState(latest));
    }

    /// <summary>Runs <c>var x{i} = {i};</c> as a cell and checks it succeeded.</summary>
    private static async Task SubmitVariable(CSharpKernel kernel, int i)
    {
        var result = await kernel.SendAsync(new SubmitCode($"var x{i} = {i};"));
        Assert.Empty(result.Events.OfType<CommandFailed>());
    }
}
