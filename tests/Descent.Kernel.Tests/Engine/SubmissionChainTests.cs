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
        var untrimmed = await ExplicitReferenceCounts(trim: false);
        var trimmed = await ExplicitReferenceCounts(trim: true);
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
    public void KeepLastOccurrence_DropsRepeatsOfTheSameObjectKeepingTheLastPosition()
    {
        var a = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);
        var b = MetadataReference.CreateFromFile(typeof(Enumerable).Assembly.Location);
        var c = MetadataReference.CreateFromFile(typeof(object).Assembly.Location); // same file, another object: kept
        var kept = SubmissionChain.KeepLastOccurrence([a, b, a, c, b]);
        Assert.Equal([a, c, b], kept.ToArray());
    }

    private static async Task<int[]> ExplicitReferenceCounts(bool trim)
    {
        using var kernel = new CSharpKernel();
        if (trim)
        {
            SubmissionChain.TrimAfterEachSubmission(kernel);
        }

        var counts = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            await SubmitVariable(kernel, i);
            counts.Add(SubmissionChain.ExplicitReferenceCount(kernel));
        }

        return [.. counts];
    }

    /// <summary>Runs <c>var x{i} = {i};</c> as a cell and checks it succeeded.</summary>
    private static async Task SubmitVariable(CSharpKernel kernel, int i)
    {
        var result = await kernel.SendAsync(new SubmitCode($"var x{i} = {i};"));
        Assert.Empty(result.Events.OfType<CommandFailed>());
    }
}
