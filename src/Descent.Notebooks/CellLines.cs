using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace Descent.Notebooks;

/// <summary>
/// The cell line of a stack frame that runs in a cell, found only when an error needs it: the cell's submission is
/// compiled again with its symbols and the frame's IL offset is looked up among its sequence points.
/// </summary>
/// <remarks>
/// <para>Cells are compiled without symbols (issue 14, item 5). With symbols, every cell handed the runtime a 13 KB
/// portable PDB, 11 KB of it the list of the 164 assemblies the cell was compiled against (Roslyn writes it into every
/// PDB), and the runtime kept it for good: about 27 KB of resident memory per cell, a third of the kernel's growth.</para>
/// <para>Emitting the same compilation again gives the same methods with the same metadata tokens and the same IL (the
/// IL does not depend on whether a PDB is written), so the frame's method token and IL offset locate the sequence
/// point that covers it. A test checks the line against a cell that throws on a known line.</para>
/// </remarks>
internal sealed class CellLines(Func<Script?> latestScript)
{
    private readonly Lock _gate = new();
    private string? _cachedAssembly;
    private MetadataReaderProvider? _cachedSymbols;

    /// <summary>Whether the frame's method was compiled from a cell.</summary>
    public static bool IsCellFrame(StackFrame frame) =>
        frame.GetMethod()?.DeclaringType is { } type && Outermost(type).Name.StartsWith("Submission#", StringComparison.Ordinal);

    /// <summary>The 1-based cell line of a frame in a cell, or <c>null</c> when it cannot be found.</summary>
    public int? Line(StackFrame frame)
    {
        var method = frame.GetMethod();
        var offset = frame.GetILOffset();
        if (method is null || offset == StackFrame.OFFSET_UNKNOWN || !IsCellFrame(frame))
        {
            return null;
        }

        var assembly = method.Module.Assembly.GetName().Name;
        lock (_gate)
        {
            if (assembly is null || Symbols(assembly) is not { } reader)
            {
                return null;
            }

            var handle = MetadataTokens.MethodDefinitionHandle(method.MetadataToken).ToDebugInformationHandle();
            int? line = null;
            foreach (var point in reader.GetMethodDebugInformation(handle).GetSequencePoints())
            {
                if (point.Offset > offset)
                {
                    break;
                }

                if (!point.IsHidden)
                {
                    line = point.StartLine;
                }
            }

            return line;
        }
    }

    private MetadataReader? Symbols(string assembly)
    {
        if (_cachedAssembly != assembly)
        {
            _cachedSymbols?.Dispose();
            _cachedSymbols = null;
            _cachedAssembly = assembly;
            for (var script = latestScript(); script is not null; script = script.Previous)
            {
                var compilation = script.GetCompilation();
                if (compilation.AssemblyName == assembly)
                {
                    _cachedSymbols = EmitSymbols(compilation);
                    break;
                }
            }
        }

        return _cachedSymbols?.GetMetadataReader();
    }

    private static MetadataReaderProvider? EmitSymbols(Compilation compilation)
    {
        using var pe = new MemoryStream();
        var pdb = new MemoryStream();
        var result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success)
        {
            pdb.Dispose();
            return null;
        }

        pdb.Position = 0;
        return MetadataReaderProvider.FromPortablePdbStream(pdb, MetadataStreamOptions.PrefetchMetadata);
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }
}
