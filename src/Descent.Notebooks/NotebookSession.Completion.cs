using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace Descent.Notebooks;

public sealed partial class NotebookSession
{
    private async Task<CompletionResult> CompleteCoreAsync(string code, int cursorPosition, CancellationToken cancellationToken)
    {
        var position = SourceText.ToLinePosition(code, cursorPosition);
        var result = await _kernel.SendAsync(new RequestCompletions(code, new LinePosition(position.Line, position.Character), _csharp.Name), cancellationToken);
        var produced = result.Events.OfType<CompletionsProduced>().FirstOrDefault();
        // The replaced text is the identifier typed before the cursor ("Math.Ma|" replaces "Ma"), whatever span the
        // engine reports, so that a front end inserting a match gets exactly what the user sees in the list.
        var start = SourceText.WordStart(code, cursorPosition);
        var prefix = code[start..cursorPosition];
        var candidates = (produced?.Completions ?? [])
            // FilterText is the bare name ("WriteLine"); InsertText may be a snippet ("WriteLine($1)") that a Jupyter
            // front end would insert literally.
            .Select(c => !string.IsNullOrEmpty(c.FilterText) ? c.FilterText : c.DisplayText)
            .Where(t => !string.IsNullOrEmpty(t));
        return new CompletionResult(CompletionRanking.Rank(candidates, prefix), start, cursorPosition);
    }

    private async Task<InspectResult?> InspectCoreAsync(string code, int cursorPosition, CancellationToken cancellationToken)
    {
        if (CallAt(code, cursorPosition) is var (callCode, helpPosition))
        {
            var at = SourceText.ToLinePosition(callCode, helpPosition);
            var help = await _kernel.SendAsync(new RequestSignatureHelp(callCode, new LinePosition(at.Line, at.Character), _csharp.Name), cancellationToken);
            if (help.Events.OfType<SignatureHelpProduced>().FirstOrDefault() is { Signatures.Count: > 0 } produced)
            {
                return FormatSignatures(produced);
            }
        }

        var position = SourceText.ToLinePosition(code, cursorPosition);
        var result = await _kernel.SendAsync(new RequestHoverText(code, new LinePosition(position.Line, position.Character), _csharp.Name), cancellationToken);
        var hover = result.Events.OfType<HoverTextProduced>().FirstOrDefault();
        if (hover is null || hover.Content.Count == 0)
        {
            return null;
        }

        var markdown = hover.Content.FirstOrDefault(c => c.MimeType == MimeTypes.Markdown)?.Value;
        var plain = hover.Content.FirstOrDefault(c => c.MimeType == MimeTypes.PlainText)?.Value ?? SourceText.MarkdownToPlain(markdown ?? "");
        return string.IsNullOrWhiteSpace(plain) && string.IsNullOrWhiteSpace(markdown) ? null : new InspectResult(plain, markdown);
    }

    /// <summary>
    /// Where to ask for signature help so that a cursor anywhere in a call gets it: in the innermost call around the
    /// cursor (on its name or in its argument list) just after its <c>(</c>; on a method name without parentheses
    /// (<c>Math.Max|</c>) the code with a <c>(</c> added after the name. Null when the cursor is in no call or name.
    /// </summary>
    internal static (string Code, int Position)? CallAt(string code, int cursorPosition)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script));
        var root = tree.GetRoot();
        // The token that ends at the cursor counts too ("Math.Max|" and "Math.Max(|").
        var token = root.FindToken(Math.Max(0, Math.Min(cursorPosition, code.Length) - (cursorPosition > 0 ? 1 : 0)));
        if (cursorPosition < code.Length && root.FindToken(cursorPosition) is { RawKind: (int)SyntaxKind.IdentifierToken } onName)
        {
            token = onName;
        }

        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var arguments = node switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                ConstructorInitializerSyntax initializer => initializer.ArgumentList,
                _ => null,
            };
            if (arguments is null || arguments.OpenParenToken.IsMissing)
            {
                continue;
            }

            // Anywhere from the called name to the closing parenthesis, ask just after the '(': there the engine
            // answers for the whole argument list typed so far (at a cursor after a comma it answers nothing), and
            // picks the overload that fits those arguments.
            var inCall = cursorPosition >= node.SpanStart
                         && (arguments.CloseParenToken.IsMissing || cursorPosition <= arguments.CloseParenToken.SpanStart);
            if (inCall)
            {
                return (code, arguments.OpenParenToken.Span.End);
            }
        }

        // A method group named without a call: ask as if the call had just been opened.
        if (token.IsKind(SyntaxKind.IdentifierToken) && cursorPosition >= token.SpanStart && cursorPosition <= token.Span.End
            && token.Parent is IdentifierNameSyntax or GenericNameSyntax)
        {
            var end = token.Parent is GenericNameSyntax generic ? generic.Span.End : token.Span.End;
            return (code[..end] + "(" + code[end..], end + 1);
        }

        return null;
    }

    private static InspectResult FormatSignatures(SignatureHelpProduced produced)
    {
        var signatures = produced.Signatures;
        var best = produced.ActiveSignatureIndex is var i && i >= 0 && i < signatures.Count ? i : 0;
        var ordered = signatures.Skip(best).Take(1).Concat(signatures.Take(best)).Concat(signatures.Skip(best + 1)).ToArray();
        var plain = new StringBuilder();
        var markdown = new StringBuilder();
        if (ordered.Length > 1)
        {
            plain.AppendLine($"{ordered.Length} overloads; the one that fits the arguments so far first.").AppendLine();
            markdown.AppendLine($"*{ordered.Length} overloads; the one that fits the arguments so far first.*").AppendLine();
        }

        foreach (var signature in ordered)
        {
            plain.AppendLine(signature.Label);
            markdown.AppendLine("```csharp").AppendLine(signature.Label).AppendLine("```");
            var summary = signature.Documentation?.Value?.Trim();
            if (!string.IsNullOrEmpty(summary))
            {
                plain.AppendLine("    " + SourceText.MarkdownToPlain(summary).ReplaceLineEndings("\n    "));
                // The engine puts summary, parameters and returns on separate lines; keep them apart in Markdown.
                markdown.AppendLine(summary.ReplaceLineEndings("  \n"));
            }

            foreach (var parameter in signature.Parameters ?? [])
            {
                var doc = parameter.Documentation?.Value?.Trim();
                if (!string.IsNullOrEmpty(doc))
                {
                    plain.AppendLine($"    {parameter.Label}: {SourceText.MarkdownToPlain(doc)}");
                    markdown.AppendLine($"- `{parameter.Label}`: {doc}");
                }
            }

            plain.AppendLine();
            markdown.AppendLine();
        }

        return new InspectResult(plain.ToString().TrimEnd() + "\n", markdown.ToString().TrimEnd() + "\n");
    }
}
