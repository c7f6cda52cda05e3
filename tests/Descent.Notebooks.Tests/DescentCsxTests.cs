using System.Text.RegularExpressions;

namespace Descent.Notebooks.Tests;

/// <summary>notebooks/descent.csx gives other front ends (the stock .NET Interactive kernel, Polyglot Notebooks) what the
/// Descent kernel preloads. Running it there is Descent.Kernel.Tests' StockKernelTests; this checks the file itself.</summary>
public sealed partial class DescentCsxTests
{
    private static readonly string Csx = File.ReadAllText(Path.Combine(RepositoryRoot.FullName, "notebooks", "descent.csx"));

    [Fact]
    public void Imports_the_namespaces_the_Descent_kernel_imports()
    {
        var imported = GlobalUsing().Matches(Csx).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToArray();
        // The stock kernel already imports System, System.Linq and System.Collections.Generic; Descent.Notebooks is the
        // Descent kernel's own (display handles, Live, CellCancellation) and does not exist elsewhere.
        string[] builtIn = ["System", "System.Linq", "System.Collections.Generic", "Descent.Notebooks"];
        var expected = NotebookSession.ImportedNamespaces.Except(builtIn).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, imported);
    }

    [Fact]
    public void References_the_build_output_by_relative_path_and_has_no_nuget_directive()
    {
        // The engine rejects "#r \"nuget: …\"" inside a #load'ed script (CS0006); paths are relative to descent.csx.
        var references = Reference().Matches(Csx).Select(m => m.Groups[1].Value).ToArray();
        Assert.DoesNotContain(references, r => r.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["MathNet.Numerics.dll", "Plotly.NET.dll", "Descent.dll", "Descent.Plots.dll"], references.Select(Path.GetFileName));
        Assert.All(references, r => Assert.StartsWith("../src/Descent.Plots/bin/Debug/net10.0/", r, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^global using ([A-Za-z.]+);", RegexOptions.Multiline)]
    private static partial Regex GlobalUsing();

    [GeneratedRegex("^#r \"([^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex Reference();
}
