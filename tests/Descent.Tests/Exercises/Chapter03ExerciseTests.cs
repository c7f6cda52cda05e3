using Descent.Exercises;
using Descent.Functions;
using Descent.Optimization;

namespace Descent.Tests.Exercises;

public sealed class Chapter03ExerciseTests
{
    private static double Reference(string id) => (double)Check.Find(id).ReferenceAnswer;

    [Fact]
    public void Index_is_the_number_of_negative_eigenvalues_the_surface_was_built_with()
    {
        Assert.True(Chapter03Exercises.Surface.Gradient(Chapter03Exercises.Critical).L2Norm() < 1e-12);
        Assert.Equal(2.0, Reference("03.1"));   // eigenvalues 2, 1, 0.5, 0.8, −0.3, −1.5: two negative
    }

    [Fact]
    public void Newton_lands_where_its_one_dimensional_map_says()
    {
        // x is solved in one step (x' = 0); y' = 2y³/(3y² − 1) = 0.054/(−0.73) at y = 0.3.
        Assert.Equal(Math.Abs(2 * 0.027 / (3 * 0.09 - 1)), Reference("03.2"), 12);
        Assert.True(Reference("03.2") < Chapter03Exercises.NearSaddle.L2Norm() / 5);
    }

    [Fact]
    public void Escape_steps_match_an_actual_gradient_descent_run()
    {
        int escaped = -1;
        Trainer.Run(new SaddleQuadratic(), Optimizers.GradientDescent(0.1), Point.Of(0, 1e-6), new TrainingOptions
        {
            MaxSteps = 200,
            RecordThetaEvery = 0,
            DivergenceFactor = double.PositiveInfinity,
            OnStep = s => { if (escaped < 0 && Math.Abs(s.Theta[1]) >= 1) { escaped = s.Step; } },
        });
        Assert.Equal(escaped, Reference("03.3"));
        Assert.Equal(Math.Ceiling(Math.Log(1e6) / Math.Log(1.2)), Reference("03.3"));
    }

    [Fact]
    public void Saxe_half_time_and_perturbation_cost_follow_their_formulas()
    {
        Assert.Equal(Math.Log(1999) / 4, Reference("03.4"), 12);
        double trace = 10 * (1 - Math.Exp(-9 / 2.0)) / (0.15 * 0.15);   // n·f_a(b)/σ_b² with d = 3, σ_a = 1
        Assert.Equal(0.05 * 0.05 * trace / 20, Reference("03.5"), 10);
    }
}
