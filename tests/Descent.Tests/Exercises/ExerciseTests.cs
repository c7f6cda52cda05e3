using Descent.Exercises;
using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Exercises;

public sealed class ExerciseTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var e in Check.All)
        {
            data.Add(e.Id);
        }

        return data;
    }

    [Fact]
    public void The_course_has_exercises_and_every_chapter_with_exercises_has_at_least_three()
    {
        Assert.NotEmpty(Check.All);
        foreach (var chapter in Check.All.GroupBy(e => e.Chapter))
        {
            Assert.True(chapter.Count() >= 3, $"chapter {chapter.Key} has only {chapter.Count()} exercises");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Reference_solution_passes_its_own_check(string id)
    {
        var ex = Check.Find(id);
        var feedback = ex.Evaluate(ex.ReferenceAnswer);
        Assert.True(feedback.IsCorrect, feedback.ToString());
        Assert.Null(feedback.Hint);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_typical_wrong_answer_is_rejected_with_a_hint(string id)
    {
        var ex = Check.Find(id);
        Assert.NotEmpty(ex.TypicalWrongAnswers);
        foreach (var wrong in ex.TypicalWrongAnswers)
        {
            var feedback = ex.Evaluate(wrong);
            Assert.False(feedback.IsCorrect, $"{id}: typical wrong answer {wrong} was accepted");
            Assert.False(string.IsNullOrWhiteSpace(feedback.Hint), $"{id}: no hint for {wrong}");
        }
    }

    [Fact]
    public void Hints_get_stronger_with_each_attempt_and_reset_starts_over()
    {
        Check.Reset("01.2");
        var ex = Check.Find("01.2");
        var first = Check.Exercise("01.2", 123.0);
        var second = Check.Exercise("01.2", 123.0);
        Assert.Equal(ex.Hints[0], first.Hint);
        Assert.Equal(ex.Hints[1], second.Hint);
        Assert.Equal(2, second.Attempt);
        Check.Reset("01.2");
        Assert.Equal(1, Check.Exercise("01.2", 123.0).Attempt);
        Check.Reset("01.2");
    }

    [Fact]
    public void Numeric_check_says_close_too_large_or_invalid()
    {
        // Reference is computed by a Quadratic (λmax = 4 ⇒ 2/λmax = 0.5), tolerance 1e-3.
        var ex = new NumericExercise("99.1", "t", "p", () => 2 / Quadratic.D2l().Eigenvalues[^1], ["h1", "h2"], 1e-3,
            [new(() => 10.0, "targeted")]);
        Assert.Equal(Verdict.Correct, ex.Evaluate(0.5).Verdict);
        Assert.Equal(Verdict.Correct, ex.Evaluate(0.50004).Verdict);       // 8e-5 relative < 1e-3
        Assert.Equal(Verdict.Close, ex.Evaluate(0.505).Verdict);           // 1e-2 relative: within 20 tolerances
        var wrong = ex.Evaluate(0.9);
        Assert.Equal(Verdict.Wrong, wrong.Verdict);
        Assert.Contains("too large", wrong.Message);
        Assert.Equal("targeted", ex.Evaluate(10).Hint);                    // a recognised mistake gets its own hint
        Assert.Equal(Verdict.Invalid, ex.Evaluate("abc").Verdict);
        Assert.Equal(Verdict.Invalid, ex.Evaluate(double.NaN).Verdict);
        Assert.Equal(Verdict.Correct, ex.Evaluate(1 / 2m).Verdict);        // decimals and ints are numbers too
    }

    [Fact]
    public void Code_exercise_runs_the_answer_and_reports_exceptions_as_wrong()
    {
        var f = Quadratic.D2l();
        var ex = new CodeExercise<Func<Vector<double>, Vector<double>>>("99.2", "gradient", "Write ∇f.",
            grad =>
            {
                var x = Vector<double>.Build.DenseOfArray([1.0, -2.0]);
                double err = (grad(x) - f.Gradient(x)).InfinityNorm();
                return new CodeCheck(err < 1e-9, $"max error {err:G3}", "Differentiate each term.");
            },
            () => x => f.Gradient(x),
            () => [x => x],
            ["Use the power rule."]);
        Assert.True(ex.Evaluate(ex.ReferenceAnswer).IsCorrect);
        Assert.Equal("Differentiate each term.", ex.Evaluate((Func<Vector<double>, Vector<double>>)(x => x)).Hint);
        var thrown = ex.Evaluate((Func<Vector<double>, Vector<double>>)(_ => throw new InvalidOperationException("boom")));
        Assert.Equal(Verdict.Wrong, thrown.Verdict);
        Assert.Contains("boom", thrown.Message);
        Assert.Equal(Verdict.Invalid, ex.Evaluate(3.0).Verdict);
    }

    [Fact]
    public void Unknown_id_names_the_argument_and_lists_the_chapter()
    {
        var e = Assert.Throws<ArgumentException>(() => Check.Exercise("01.99", 1.0));
        Assert.Equal("id", e.ParamName);
        Assert.Contains("01.1", e.Message);
    }

    [Fact]
    public void Exercise_01_3_reference_matches_iterating_gradient_descent()
    {
        // Independent check of the formula: iterate GD at the optimal step on the exercise's bowl and count
        // steps until the error has shrunk by 10⁶ along the slowest mode (start on that eigenvector, where the
        // contraction is exactly (κ−1)/(κ+1) per step).
        var bowl = Chapter01Exercises.Bowl;
        var ev = bowl.Eigenvalues;
        double step = 2 / (ev[0] + ev[^1]);
        var xStar = bowl.Minimizer!;
        var slow = bowl.Eigen.EigenVectors.Column(0);
        var x = xStar + slow;
        int k = 0;
        while ((x - xStar).L2Norm() > 1e-6 && k < 10_000)
        {
            x -= step * bowl.Gradient(x);
            k++;
        }
        Assert.Equal((double)k, (double)Check.Find("01.3").ReferenceAnswer);
    }
}
