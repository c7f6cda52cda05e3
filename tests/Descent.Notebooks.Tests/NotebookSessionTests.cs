namespace Descent.Notebooks.Tests;

/// <summary>The session contract: outputs, errors with the cell's line, cancellation, language services.</summary>
[Collection(SessionCollection.Name)]
public sealed class NotebookSessionTests(SessionFixture fixture)
{
    private NotebookSession Session => fixture.Session;

    [Fact]
    public async Task Result_has_plain_text_and_html()
    {
        var run = await Session.ExecuteAsync("6 * 7");

        Assert.True(run.Succeeded);
        var result = Assert.IsType<ResultOutput>(Assert.Single(run.Outputs));
        Assert.Equal("42", result.Data[MimeTypes.PlainText]);
        Assert.Contains("42", result.Data[MimeTypes.Html]);
    }

    [Fact]
    public async Task Standard_output_and_display_are_reported_in_order()
    {
        var seen = new List<CellOutput>();
        var run = await Session.ExecuteAsync("Console.Write(\"a\");\ndisplay(\"shown\");\n1", seen.Add);

        Assert.True(run.Succeeded);
        Assert.Collection(run.Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "a"), o),
            o => Assert.Equal("shown", Assert.IsType<DisplayOutput>(o).Data[MimeTypes.PlainText]),
            o => Assert.Equal("1", Assert.IsType<ResultOutput>(o).Data[MimeTypes.PlainText]));
        Assert.Equal(run.Outputs, seen); // streamed as they happened, and the same ones
    }

    [Fact]
    public async Task An_update_targets_the_display_it_came_from()
    {
        var run = await Session.ExecuteAsync("var handle = display(\"first\");\nhandle.Update(\"second\");\ndisplay(\"other\");");

        Assert.True(run.Succeeded, string.Join("\n", run.Outputs));
        var displays = run.Outputs.OfType<DisplayOutput>().ToList();
        Assert.Equal(3, displays.Count);
        var (first, update, other) = (displays[0], displays[1], displays[2]);
        Assert.False(first.IsUpdate);
        Assert.True(update.IsUpdate);
        Assert.Contains("second", update.Data[MimeTypes.PlainText], StringComparison.Ordinal);
        Assert.NotNull(first.DisplayId);
        Assert.Equal(first.DisplayId, update.DisplayId);   // the front end replaces "first" in place
        Assert.NotEqual(first.DisplayId, other.DisplayId); // and leaves the other display alone
    }

    [Fact]
    public async Task Live_training_redraws_one_chart_in_place()
    {
        var run = await Session.ExecuteAsync(
            "var live = Live.Train(new Rosenbrock(), Optimizers.GradientDescent(1e-3), Point.Of(-1.2, 1.0), new TrainingOptions { MaxSteps = 100 }, redrawEvery: 25);\nlive.Steps");

        Assert.True(run.Succeeded, string.Join("\n", run.Outputs));
        var displays = run.Outputs.OfType<DisplayOutput>().ToList();
        Assert.False(displays[0].IsUpdate);
        Assert.All(displays.Skip(1), d => Assert.True(d.IsUpdate));
        Assert.Single(displays.Select(d => d.DisplayId).Distinct());          // one output, redrawn
        Assert.Equal(1 + 4 + 1, displays.Count);                              // shown, steps 25/50/75/100, final
        Assert.Contains(MimeTypes.PlotlyJson, displays[^1].Data.Keys);
        Assert.Equal("100", Assert.IsType<ResultOutput>(run.Outputs[^1]).Data[MimeTypes.PlainText]);
    }

    [Fact]
    public async Task Interrupting_live_training_stops_the_loop_and_keeps_the_session()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var run = await Session.ExecuteAsync(
            "Live.Train(new Rosenbrock(), Optimizers.GradientDescent(1e-4), Point.Of(-1.2, 1.0), new TrainingOptions { MaxSteps = 100_000_000 }, redrawEvery: 100_000);",
            cancellationToken: stop.Token);

        // A clean stop (issue 14): the cell succeeds with the partial run, no exception.
        Assert.True(run.Succeeded, string.Join("\n", run.Outputs));
        Assert.False(run.Cancelled);
        Assert.DoesNotContain(run.Outputs, o => o is ErrorOutput);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"took {run.Elapsed}"); // 1e8 steps would take minutes; the loop checks the token every step
        var after = await Session.ExecuteAsync("1 + 1");
        Assert.Equal("2", Assert.IsType<ResultOutput>(Assert.Single(after.Outputs)).Data[MimeTypes.PlainText]);
    }

    [Fact]
    public async Task Interrupting_a_cell_stops_library_training_given_no_token()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var run = await Session.ExecuteAsync(
            "var r = Trainer.Run(new Rosenbrock(), Optimizers.GradientDescent(1e-4), Point.Of(-1.2, 1.0), new TrainingOptions { MaxSteps = 100_000_000 });\nr.Reason",
            cancellationToken: stop.Token);

        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"took {run.Elapsed}"); // 1e8 steps would take minutes
        Assert.True(run.Cancelled || run.Outputs.OfType<ResultOutput>().Any(o => o.Data[MimeTypes.PlainText] == "Cancelled"), string.Join("\n", run.Outputs));

        // The loop really stopped (not just the wait for it): the engine runs one cell at a time, so a next cell would
        // queue behind 1e8 steps (≈ 100 s) if the loop had ignored the interrupt.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var after = await Session.ExecuteAsync("1 + 1");
        Assert.Equal("2", Assert.IsType<ResultOutput>(Assert.Single(after.Outputs)).Data[MimeTypes.PlainText]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the next cell waited {clock.Elapsed}");
    }

    [Fact]
    public async Task The_first_cell_convention_alone_says_the_library_is_ready()
    {
        var run = await Session.ExecuteAsync("#load \"../descent.csx\"");

        Assert.True(run.Succeeded, string.Join("\n", run.Outputs));
        Assert.Equal(NotebookSession.ReadyMessage, Assert.IsType<ResultOutput>(Assert.Single(run.Outputs)).Data[MimeTypes.PlainText]);
    }

    [Fact]
    public async Task Descent_and_MathNet_are_preloaded_and_the_first_cell_convention_is_a_no_op()
    {
        var run = await Session.ExecuteAsync("#load \"descent.csx\"\nvar q = Quadratic.D2l();\nq.Dimension");

        Assert.True(run.Succeeded, string.Join("\n", run.Outputs));
        Assert.Equal("2", Assert.IsType<ResultOutput>(Assert.Single(run.Outputs)).Data[MimeTypes.PlainText]);
    }

    [Fact]
    public async Task A_chart_gives_the_plotly_figure_offline_html_and_plain_text()
    {
        var run = await Session.ExecuteAsync("Plot.Curve(new[] { 3.0, 2.0, 1.5 })");

        Assert.True(run.Succeeded, string.Join("\n", run.Outputs));
        var data = Assert.IsType<ResultOutput>(Assert.Single(run.Outputs)).Data;
        using var figure = System.Text.Json.JsonDocument.Parse(data[MimeTypes.PlotlyJson]);
        Assert.Equal(3, figure.RootElement.GetProperty("data")[0].GetProperty("y").GetArrayLength());
        Assert.StartsWith("Chart: 1 trace", data[MimeTypes.PlainText]);
        Assert.Contains("Plotly.newPlot", data[MimeTypes.Html]);
        Assert.DoesNotMatch("src=[\"']?(https?:)?//", data[MimeTypes.Html]); // never a CDN
    }

    [Fact]
    public async Task A_compile_error_names_the_line()
    {
        var run = await Session.ExecuteAsync("var ok = 1;\nvar alsoOk = 2;\nint bad = \"text\";");

        Assert.False(run.Succeeded);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Outputs));
        Assert.Equal("CompilationError", error.Name);
        Assert.Equal(3, error.Line);
        Assert.Contains("CS0029", error.Message);
    }

    [Fact]
    public async Task A_runtime_exception_names_the_line_and_type()
    {
        var run = await Session.ExecuteAsync("var x = 1;\n\nthrow new ArgumentOutOfRangeException(\"learningRate\", \"must be positive\");\nvar y = 2;");

        Assert.False(run.Succeeded);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Outputs));
        Assert.Equal(nameof(ArgumentOutOfRangeException), error.Name);
        Assert.Equal(3, error.Line);
        Assert.Contains("learningRate", error.Message);
        Assert.Contains(error.Traceback, l => l.Contains("cell line 3"));
        Assert.DoesNotContain(error.Traceback, l => l.Contains("Microsoft.CodeAnalysis.Scripting"));
    }

    [Fact]
    public async Task Frames_in_an_earlier_cell_and_in_a_lambda_name_their_own_cells_lines()
    {
        // Cells are compiled without symbols; each cell frame's line is found again from its own submission.
        var define = await Session.ExecuteAsync("// helper\nint Checked(int n)\n{\n    if (n < 0) throw new ArgumentException(\"n must be >= 0\", nameof(n));\n    return n;\n}");
        Assert.True(define.Succeeded);
        var run = await Session.ExecuteAsync("var ok = Checked(1);\nFunc<int, int> f = k =>\n    Checked(k - 5);\nf(2);");

        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Outputs));
        Assert.Equal(nameof(ArgumentException), error.Name);
        var cellFrames = error.Traceback.Where(l => l.Contains("cell line", StringComparison.Ordinal)).ToList();
        // Innermost first: the throw (line 4 of the defining cell), the lambda's call (line 3), the call of f (line 4).
        Assert.Equal(3, cellFrames.Count);
        Assert.EndsWith("cell line 4", cellFrames[0]);
        Assert.EndsWith("cell line 3", cellFrames[1]);
        Assert.EndsWith("cell line 4", cellFrames[2]);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public async Task A_library_exception_names_the_cell_line_that_called_it()
    {
        var run = await Session.ExecuteAsync("var q = Quadratic.D2l();\nq.Value(Vector<double>.Build.Dense(5));");

        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Outputs));
        Assert.Equal(2, error.Line);
        Assert.StartsWith("Argument", error.Name);
    }

    [Fact]
    public async Task Cancelling_stops_a_loop_that_honours_the_cell_token()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var running = Session.ExecuteAsync(
            "Console.WriteLine(\"start\");\nwhile (true) { CellCancellation.Token.ThrowIfCancellationRequested(); Thread.Sleep(5); }",
            o => { if (o is StreamOutput) { started.TrySetResult(); } },
            cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        cts.Cancel();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(run.Cancelled);
        Assert.False(run.Succeeded);

        // The session is still usable afterwards.
        var next = await Session.ExecuteAsync("1 + 1");
        Assert.True(next.Succeeded);
    }

    [Fact]
    public async Task Execution_count_increases_per_cell()
    {
        var before = Session.ExecutionCount;
        await Session.ExecuteAsync("1");
        await Session.ExecuteAsync("2");

        Assert.Equal(before + 2, Session.ExecutionCount);
    }

    [Fact]
    public async Task Completion_offers_members_with_the_replaced_span()
    {
        const string code = "Console.WriteL";
        var completion = await Session.CompleteAsync(code, code.Length);

        Assert.Contains("WriteLine", completion.Matches);
        Assert.Equal("Console.".Length, completion.CursorStart);
        Assert.Equal(code.Length, completion.CursorEnd);
    }

    [Fact]
    public async Task Inspect_gives_the_signature_and_documentation()
    {
        const string code = "Math.Sqrt(2.0)";
        var inspect = await Session.InspectAsync(code, "Math.Sq".Length);

        Assert.NotNull(inspect);
        Assert.Contains("Sqrt", inspect.PlainText);
        Assert.Contains("square root", inspect.PlainText, StringComparison.OrdinalIgnoreCase);
    }
}
