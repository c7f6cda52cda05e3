using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Descent.Notebooks.Interrupt;

/// <summary>
/// Makes a cell's own loops and recursion stop on interrupt: before the engine compiles a cell, a call to
/// <see cref="CellInterrupt"/> is written at every loop back-edge (<c>while</c>, <c>do</c>, <c>for</c>, <c>foreach</c>,
/// <c>goto</c>) and at the entry of every method, local function, accessor and lambda.
/// </summary>
/// <remarks>
/// <para>Only text is inserted, never a line break, so every line of the cell keeps its number (runtime stack traces
/// name the user's lines). Compile errors are reported from the user's own text anyway: when the rewritten cell does
/// not compile, the session compiles the original instead (see <c>NotebookSession.ExecuteAsync</c>).</para>
/// <para>A cell with syntax errors, or with nothing to check, is returned unchanged. An expression-bodied lambda
/// whose body could be a statement (a call, an assignment, <c>await</c>, <c>new</c>) gets no entry check, because
/// whether it returns a value cannot be told from the syntax; its loops and the methods it calls are still checked.</para>
/// </remarks>
internal static class InterruptRewriter
{
    /// <summary>The loop back-edge check, fully qualified so no name in the cell can hide it.</summary>
    internal const string Check = "global::Descent.Notebooks.Interrupt.CellInterrupt.Check();";

    /// <summary>The entry check (also usable as an expression: it returns true).</summary>
    internal const string Enter = "global::Descent.Notebooks.Interrupt.CellInterrupt.Enter()";

    private static readonly CSharpParseOptions ScriptOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Preview);

    /// <summary>The cell with checks inserted, or <paramref name="code"/> itself when there is nothing to check or it
    /// does not parse.</summary>
    public static string Rewrite(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length == 0)
        {
            return code;
        }

        var tree = CSharpSyntaxTree.ParseText(code, ScriptOptions);
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return code;
        }

        var edits = new List<Edit>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case WhileStatementSyntax loop:
                    AtBackEdge(loop.Statement, edits);
                    break;
                case DoStatementSyntax loop:
                    AtBackEdge(loop.Statement, edits);
                    break;
                case ForStatementSyntax loop:
                    AtBackEdge(loop.Statement, edits);
                    break;
                case CommonForEachStatementSyntax loop:
                    AtBackEdge(loop.Statement, edits);
                    break;
                case GotoStatementSyntax jump:
                    // Any goto may close a loop (a backward label, goto case); checking every one is cheap.
                    Wrap(jump, Check + " ", edits);
                    break;
                case BaseMethodDeclarationSyntax method:
                    AtEntry(method.Body, method.ExpressionBody, method.SemicolonToken, ReturnsValue(method), edits);
                    break;
                case LocalFunctionStatementSyntax function:
                    AtEntry(function.Body, function.ExpressionBody, function.SemicolonToken,
                        ReturnsValue(function.ReturnType, function.Modifiers), edits);
                    break;
                case AccessorDeclarationSyntax accessor:
                    AtEntry(accessor.Body, accessor.ExpressionBody, accessor.SemicolonToken,
                        accessor.IsKind(SyntaxKind.GetAccessorDeclaration), edits);
                    break;
                case AnonymousFunctionExpressionSyntax lambda:
                    AtLambdaEntry(lambda, edits);
                    break;
            }
        }

        return edits.Count == 0 ? code : Apply(code, edits);
    }

    private static void AtBackEdge(StatementSyntax body, List<Edit> edits)
    {
        if (body is BlockSyntax block)
        {
            edits.Add(Edit.Insert(block.OpenBraceToken.Span.End, " " + Check, block, EditOrder.Inner));
        }
        else
        {
            Wrap(body, Check + " ", edits);
        }
    }

    /// <summary><c>statement</c> → <c>{ prefix statement }</c> (a block is valid wherever an embedded statement is).</summary>
    private static void Wrap(StatementSyntax statement, string prefix, List<Edit> edits)
    {
        edits.Add(Edit.Insert(statement.SpanStart, "{ " + prefix, statement, EditOrder.Open));
        edits.Add(Edit.Insert(statement.Span.End, " }", statement, EditOrder.Close));
    }

    private static void AtEntry(BlockSyntax? body, ArrowExpressionClauseSyntax? expressionBody, SyntaxToken semicolon,
                                bool returnsValue, List<Edit> edits)
    {
        if (body is not null)
        {
            edits.Add(Edit.Insert(body.OpenBraceToken.Span.End, " " + Enter + ";", body, EditOrder.Inner));
        }
        else if (expressionBody is not null && !semicolon.IsMissing)
        {
            // "=> e;" → "{ Enter(); return e; }" ("{ Enter(); e; }" for void, async Task and throw).
            var value = returnsValue && expressionBody.Expression is not ThrowExpressionSyntax;
            edits.Add(Edit.Replace(expressionBody.ArrowToken.Span, "{ " + Enter + ";" + (value ? " return" : ""), expressionBody, EditOrder.Open));
            edits.Add(Edit.Replace(semicolon.Span, "; }", expressionBody, EditOrder.Close));
        }
    }

    private static void AtLambdaEntry(AnonymousFunctionExpressionSyntax lambda, List<Edit> edits)
    {
        if (lambda.Block is { } block)
        {
            edits.Add(Edit.Insert(block.OpenBraceToken.Span.End, " " + Enter + ";", block, EditOrder.Inner));
        }
        else if (lambda.ExpressionBody is { } body && AlwaysHasAValue(body))
        {
            // "x => e" → "x => Enter() ? (e) : default": same type (the conditional takes e's type, or the lambda's
            // return type when e has none), also inside an expression tree.
            edits.Add(Edit.Insert(body.SpanStart, Enter + " ? (", body, EditOrder.Open));
            edits.Add(Edit.Insert(body.Span.End, ") : default", body, EditOrder.Close));
        }
    }

    /// <summary>Whether an expression body must produce a value: it is not a statement expression (a call, an
    /// assignment, ++/--, await or new could also be the body of a void lambda), nor a throw, ref or nested lambda.</summary>
    private static bool AlwaysHasAValue(ExpressionSyntax body) => body switch
    {
        InvocationExpressionSyntax or AssignmentExpressionSyntax or AwaitExpressionSyntax or ObjectCreationExpressionSyntax
            or ImplicitObjectCreationExpressionSyntax or ThrowExpressionSyntax or RefExpressionSyntax
            or AnonymousFunctionExpressionSyntax or StackAllocArrayCreationExpressionSyntax
            or ImplicitStackAllocArrayCreationExpressionSyntax => false,
        PrefixUnaryExpressionSyntax p => !p.IsKind(SyntaxKind.PreIncrementExpression) && !p.IsKind(SyntaxKind.PreDecrementExpression),
        PostfixUnaryExpressionSyntax p => !p.IsKind(SyntaxKind.PostIncrementExpression) && !p.IsKind(SyntaxKind.PostDecrementExpression),
        ConditionalAccessExpressionSyntax c => AlwaysHasAValue(c.WhenNotNull),
        ParenthesizedExpressionSyntax p => AlwaysHasAValue(p.Expression),
        _ => true,
    };

    private static bool ReturnsValue(BaseMethodDeclarationSyntax method) => method switch
    {
        MethodDeclarationSyntax m => ReturnsValue(m.ReturnType, m.Modifiers),
        OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => true,
        _ => false, // constructors, finalizers
    };

    private static bool ReturnsValue(TypeSyntax returnType, SyntaxTokenList modifiers)
    {
        if (returnType is PredefinedTypeSyntax p && p.Keyword.IsKind(SyntaxKind.VoidKeyword))
        {
            return false;
        }

        if (modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            var name = returnType switch
            {
                IdentifierNameSyntax i => i.Identifier.ValueText,
                QualifiedNameSyntax { Right: IdentifierNameSyntax i } => i.Identifier.ValueText,
                AliasQualifiedNameSyntax { Name: IdentifierNameSyntax i } => i.Identifier.ValueText,
                _ => null,
            };
            return name is not ("Task" or "ValueTask");
        }

        return true;
    }

    private static string Apply(string code, List<Edit> edits)
    {
        // At one position: closing text first (innermost first), then opening text (outermost first), then insertions
        // just inside a brace.
        var ordered = edits
            .OrderBy(e => e.Start)
            .ThenBy(e => e.Order)
            .ThenBy(e => e.Order == EditOrder.Close ? -e.Depth : e.Depth)
            .ToList();
        var builder = new StringBuilder(code.Length + (edits.Count * 64));
        var position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Start < position)
            {
                // Overlapping replacements cannot happen for the syntax above; refuse rather than corrupt the cell.
                return code;
            }

            builder.Append(code, position, edit.Start - position).Append(edit.Text);
            position = edit.Start + edit.Length;
        }

        builder.Append(code, position, code.Length - position);
        return builder.ToString();
    }

    private enum EditOrder
    {
        Close = 0,
        Open = 1,
        Inner = 2,
    }

    private readonly record struct Edit(int Start, int Length, string Text, EditOrder Order, int Depth)
    {
        public static Edit Insert(int position, string text, SyntaxNode owner, EditOrder order) =>
            new(position, 0, text, order, owner.Ancestors().Count());

        public static Edit Replace(Microsoft.CodeAnalysis.Text.TextSpan span, string text, SyntaxNode owner, EditOrder order) =>
            new(span.Start, span.Length, text, order, owner.Ancestors().Count());
    }
}
