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
    /// <summary>File name the cells are compiled under, so runtime stack traces carry <c>cell.csx:line N</c>.</summary>
    public const string CellFileName = "cell.csx";

    /// <summary>
    /// Compiles cells with debug information, so a runtime exception's stack trace names the cell's line.
    /// Without this the engine reports only <c>Submission#N.&lt;&lt;Initialize&gt;&gt;</c>.
    /// </summary>
    /// <returns><c>true</c> when the option could be set.</returns>
    public static bool EmitLineNumbers(CSharpKernel kernel)
    {
        var field = typeof(CSharpKernel).GetField("_scriptOptions", BindingFlags.Instance | BindingFlags.NonPublic);
        if (field?.GetValue(kernel) is not ScriptOptions options)
        {
            return false;
        }

        field.SetValue(kernel, options.WithEmitDebugInformation(true).WithFileEncoding(System.Text.Encoding.UTF8).WithFilePath(CellFileName));
        return true;
    }
}
