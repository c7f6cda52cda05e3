using Descent.Exercises;

namespace Descent.Tests.Exercises;

public sealed class Chapter08ExerciseTests
{
    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(0.0, -5.0)]
    [InlineData(0.0, 0.3)]
    public void Any_start_on_the_line_x_0_converges_to_the_saddle(double x, double y)
    {
        var feedback = Check.Find("08.2").Evaluate(new[] { x, y });
        Assert.True(feedback.IsCorrect, feedback.ToString());
        Assert.Contains("saddle", feedback.ToString());
    }

    [Theory]
    [InlineData(1e-9, 1.0)]
    [InlineData(-0.5, 0.0)]
    public void A_start_off_the_line_ends_at_a_minimum_and_gets_the_targeted_hint(double x, double y)
    {
        var feedback = Check.Find("08.2").Evaluate(new[] { x, y });
        Assert.False(feedback.IsCorrect);
        Assert.Contains("exactly 0", feedback.Hint);
    }

    [Fact]
    public void The_starter_answer_is_rejected_with_a_message_not_an_exception()
    {
        var feedback = Check.Find("08.2").Evaluate(new[] { double.NaN, double.NaN });
        Assert.False(feedback.IsCorrect);
        Assert.Contains("finite", feedback.ToString());
        Assert.False(Check.Find("08.1").Evaluate(double.NaN).IsCorrect);
    }

    [Fact]
    public void The_references_are_the_seed_answers()
    {
        // 08.1: M = max(1, a − 1, b) = 2 for a = 3, b = 0.5, so α = 1/M = 0.5 (hand computation).
        Assert.Equal(0.5, (double)Check.Find("08.1").ReferenceAnswer, 15);
        // 08.4: (1/8)(1/6 − 1/22) = 1/66.
        Assert.Equal(1.0 / 66, (double)Check.Find("08.4").ReferenceAnswer, 15);
    }
}
