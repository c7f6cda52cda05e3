using System.Reflection;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.CSharp;

namespace Descent.Notebooks;

/// <summary>
/// Adjustments to the engine that its public API does not offer. The engine is archived upstream and pinned
/// (1.0.0-beta.26120.1), so its private layout no longer changes; a test fails if it ever does.
/// </summary>
internal static class EngineTweaks
{
    /// <summary>File name the cells are compiled under (compile errors and symbols name it).</summary>
    public const string CellFileName = "cell.csx";

    /// <summary>
    /// Compiles cells as <see cref="CellFileName"/> (UTF-8), without symbols: a runtime error's cell line is found on
    /// demand by <see cref="CellLines"/>, because symbols handed to the runtime stay in memory for every cell.
    /// </summary>
    /// <returns><c>true</c> when the options could be set.</returns>
    public static bool CompileCellsAs(CSharpKernel kernel)
    {
        var field = typeof(CSharpKernel).GetField("_scriptOptions", BindingFlags.Instance | BindingFlags.NonPublic);
        if (field?.GetValue(kernel) is not ScriptOptions options)
        {
            return false;
        }

        field.SetValue(kernel, options.WithEmitDebugInformation(false).WithFileEncoding(System.Text.Encoding.UTF8).WithFilePath(CellFileName));
        return true;
    }
}
