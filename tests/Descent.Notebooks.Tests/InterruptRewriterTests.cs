using Descent.Notebooks.Interrupt;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Descent.Notebooks.Tests;

/// <summary>The rewriter alone: where checks go, that lines stay put, and that rewritten cells compile and compute
/// exactly what the user's text computes (run side by side as Roslyn scripts, without the engine).</summary>
public sealed class InterruptRewriterTests
{
    private static readonly ScriptOptions Options = ScriptOptions.Default
        .AddReferences(typeof(CellInterrupt).Assembly, typeof(System.Linq.Expressions.Expression).Assembly)
        .AddImports("System", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq.Expressions");

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("for (;;) { }")]
    [InlineData("foreach (var x in new[] { 1 }) { }")]
    [InlineData("do { } while (true);")]
    [InlineData("while (true) ;")]
    [InlineData("for (;;) x++;")]
    public void Every_loop_gets_a_check_in_its_body(string loop)
    {
        var rewritten = InterruptRewriter.Rewrite(loop);
        Assert.Equal(1, Count(rewritten, InterruptRewriter.Check));
    }

    [Fact]
    public void A_goto_gets_a_check_before_it_jumps()
    {
        var rewritten = InterruptRewriter.Rewrite("var n = 0;\nagain:\nn++;\nif (n < 3) goto again;\nn");
        Assert.Contains("if (n < 3) { " + InterruptRewriter.Check + " goto again; }", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int F(int n) { return n; }")]
    [InlineData("int F(int n) => n;")]
    [InlineData("void F() => Console.WriteLine();")]
    [InlineData("class C { public int P { get { return 1; } } }")]
    [InlineData("class C { public C() => Console.WriteLine(); }")]
    [InlineData("Func<int, int> f = x => x + 1;")]
    [InlineData("Func<int, int> f = x => { return x; };")]
    [InlineData("Func<int, int> f = delegate (int x) { return x; };")]
    public void Methods_local_functions_accessors_and_lambdas_get_an_entry_check(string code)
    {
        Assert.Equal(1, Count(InterruptRewriter.Rewrite(code), InterruptRewriter.Enter));
    }

    [Theory]
    [InlineData("Action<int> a = x => Console.WriteLine(x);")]
    [InlineData("Func<Task> f = async () => await Task.Delay(1);")]
    [InlineData("var x = 1 + 2;")]
    [InlineData("Console.WriteLine(\"no loops\");")]
    public void Code_without_loops_or_checkable_bodies_is_returned_unchanged(string code)
    {
        Assert.Same(code, InterruptRewriter.Rewrite(code));
    }

    [Fact]
    public void A_cell_with_a_syntax_error_is_returned_unchanged()
    {
        const string code = "while (true) {\nint x = ;";
        Assert.Same(code, InterruptRewriter.Rewrite(code));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Lines_are_kept_and_text_is_only_inserted(string code, object expected)
    {
        _ = expected;
        var rewritten = InterruptRewriter.Rewrite(code);
        Assert.NotEqual(code, rewritten);
        var before = code.Split('\n');
        var after = rewritten.Split('\n');
        Assert.Equal(before.Length, after.Length);
        for (var i = 0; i < before.Length; i++)
        {
            // Every character of the user's line is still there, in order (only insertions, or "=>" becoming a block).
            Assert.True(IsSubsequence(before[i].Replace("=>", "", StringComparison.Ordinal), after[i]),
                $"line {i + 1}: '{before[i]}' became '{after[i]}'");
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Rewritten_cells_compile_and_compute_the_same_result(string code, object expected)
    {
        var rewritten = InterruptRewriter.Rewrite(code);
        var errors = CSharpScript.Create(rewritten, Options).GetCompilation().GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{rewritten}\n{string.Join("\n", errors)}");
        var original = await CSharpScript.EvaluateAsync<object>(code, Options);
        var checkedResult = await CSharpScript.EvaluateAsync<object>(rewritten, Options);
        Assert.Equal(expected, original);
        Assert.Equal(original, checkedResult);
    }

    /// <summary>Cells whose rewriting is easy to get wrong, with the value each computes.</summary>
    public static TheoryData<string, object> Cells() => new()
    {
        { "var sum = 0;\nfor (var i = 0; i < 10; i++) sum += i;\nsum", 45 },
        { "var n = 0;\nwhile (n < 5) n++;\nwhile (n < 9) { n++; }\ndo n++; while (n < 12);\nn", 12 },
        { "var total = 0;\nforeach (var (a, b) in new[] { (1, 2), (3, 4) }) total += a * b;\ntotal", 14 },
        { "var k = 0;\nfor (var i = 0; i < 3; i++) for (var j = 0; j < 3; j++) while (k < i * j) k++;\nk", 4 },
        { "var n = 0;\nagain:\nn++;\nif (n < 3) goto again;\nn", 3 },
        { "int Step(int s) { switch (s) { case 0: s = 5; goto case 1; case 1: return s + 1; default: goto case 0; } }\nStep(7)", 6 },
        // yield: an iterator local function with a loop inside.
        { "IEnumerable<int> Squares(int n) { for (var i = 1; i <= n; i++) yield return i * i; }\nSquares(4).Sum()", 30 },
        // async local function and async lambdas (value and Task).
        { "async Task<int> TwiceAsync(int x) { await Task.Yield(); return 2 * x; }\nawait TwiceAsync(21)", 42 },
        { "async Task Nap() => await Task.Delay(1);\nFunc<Task<int>> later = async () => { await Nap(); return 7; };\nawait later()", 7 },
        // Expression-bodied local functions: value, void, throw, ref return.
        { "int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);\nFib(15)", 610 },
        { "var log = new List<int>();\nvoid Note(int v) => log.Add(v);\nNote(3); Note(4);\nlog.Sum()", 7 },
        { "int Fail() => throw new InvalidOperationException();\nvar caught = 0;\ntry { Fail(); } catch (InvalidOperationException) { caught = 1; }\ncaught", 1 },
        { "var cells = new[] { 1, 2, 3 };\nref int At(int i) => ref cells[i];\nAt(1) = 20;\ncells.Sum()", 24 },
        // Lambdas: expression-bodied with and without a value, nested, returning null or a lambda, static, in LINQ.
        { "Func<int, int> twice = x => x * 2;\nAction<int> ignore = x => Console.Write(\"\");\nignore(1);\ntwice(21)", 42 },
        { "Func<int, Func<int, int>> add = x => y => x + y;\nadd(40)(2)", 42 },
        { "Func<string?> nothing = () => null;\nnothing() is null ? 1 : 0", 1 },
        { "Func<int, int> sq = static x => x * x;\nEnumerable.Range(1, 3).Select(x => new { x, y = sq(x) }).Sum(p => p.y)", 14 },
        { "Func<long, long> fact = null!;\nfact = n => n <= 1 ? 1 : n * fact(n - 1);\nfact(10)", 3628800L },
        { "Func<int, bool> even = delegate (int x) { return x % 2 == 0; };\nEnumerable.Range(0, 10).Count(even)", 5 },
        { "Func<int, int> neg = x => -x;\nFunc<int, int> inc = x => ++x;\nneg(inc(1))", -2 },
        // An expression tree keeps compiling and evaluating.
        { "Expression<Func<int, int>> e = x => x + 1;\ne.Compile()(41)", 42 },
        // Types declared in the cell: methods, accessors, constructors, operators, expression bodies.
        { "struct V { public int X; public V(int x) => X = x; public static V operator +(V a, V b) => new V(a.X + b.X); }\n(new V(40) + new V(2)).X", 42 },
        { "class Counter { private int _n; public int N { get => _n; set { _n = value; } } public int Next() { return ++N; } }\nvar c = new Counter();\nc.Next(); c.Next();\nc.N", 2 },
        { "class Tree { public static int Depth(int n) { if (n == 0) return 0; return 1 + Depth(n - 1); } }\nTree.Depth(100)", 100 },
        // A loop on one line with code after it, and a block on the same line as the loop.
        { "var s = 0; for (var i = 0; i < 4; i++) { s += i; } s += 100; s", 106 },
    };

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static bool IsSubsequence(string part, string whole)
    {
        var j = 0;
        foreach (var c in whole)
        {
            if (j < part.Length && part[j] == c)
            {
                j++;
            }
        }

        return j == part.Length;
    }
}
