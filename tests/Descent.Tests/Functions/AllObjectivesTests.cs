using System.Reflection;
using Descent.Functions;
using Descent.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Tests.Functions;

/// <summary>
/// Every concrete objective in Descent.Functions, found by reflection, passes the shared checks — so an
/// objective added later is checked without anyone writing a test for it. An instance comes from each
/// public constructor whose parameters are all optional and each public static parameterless factory
/// returning an objective (e.g. <c>Quadratic.D2l()</c>).
/// </summary>
public sealed class AllObjectivesTests
{
    private static readonly Type[] ObjectiveTypes = typeof(Objective).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.IsSubclassOf(typeof(Objective))
                    && t.Namespace == "Descent.Functions")
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> TypeNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in ObjectiveTypes)
        {
            data.Add(t.Name);
        }

        return data;
    }

    private static List<Objective> Instances(string typeName)
    {
        var type = ObjectiveTypes.Single(t => t.Name == typeName);
        var result = new List<Objective>();
        foreach (var ctor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            var ps = ctor.GetParameters();
            if (ps.All(p => p.IsOptional))
            {
                result.Add((Objective)ctor.Invoke(ps.Select(p => p.DefaultValue).ToArray()));
            }
        }
        foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            var ps = m.GetParameters();
            if (typeof(Objective).IsAssignableFrom(m.ReturnType) && !m.IsGenericMethod && ps.All(p => p.IsOptional))
            {
                result.Add((Objective)m.Invoke(null, ps.Select(p => p.DefaultValue).ToArray())!);
            }
        }
        return result;
    }

    [Fact]
    public void The_catalogue_finds_the_objectives_this_issue_ships()
    {
        // A guard on the reflection itself: if the filter broke, every theory below would silently run on nothing.
        string[] expected =
        [
            "Quadratic", "Rosenbrock", "RosenbrockRavine", "SaddleQuadratic", "MonkeySaddle", "DegenerateSaddle",
            "IndexSaddle", "BaityJesiValley", "Plateau", "Cliff", "NoCriticalPoint", "MultiMinimum", "WrongSideOfMountain",
            "FlatAndSharpMinima", "ScalarDeepLinear",
        ];
        Assert.All(expected, name => Assert.Contains(name, ObjectiveTypes.Select(t => t.Name)));
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Every_objective_can_be_built_without_arguments(string typeName)
    {
        Assert.True(Instances(typeName).Count > 0,
            $"{typeName} has neither a constructor with all-optional parameters nor a public static parameterless factory; add one so the shared checks cover it.");
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Every_objective_passes_the_derivative_check_at_20_random_points_of_its_plot_box(string typeName)
    {
        foreach (var f in Instances(typeName))
        {
            var rng = new Random(20261125);
            for (int k = 0; k < 20; k++)
            {
                DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Every_objective_rejects_a_point_of_the_wrong_length_naming_its_dimension(string typeName)
    {
        foreach (var f in Instances(typeName))
        {
            var wrong = Vector<double>.Build.Dense(f.Dimension + 1);
            var right = Vector<double>.Build.Dense(f.Dimension);
            foreach (Action call in new Action[]
                     {
                         () => f.Value(wrong), () => f.Gradient(wrong), () => f.ValueAndGradient(wrong), () => f.Hessian(wrong),
                         () => f.HessianVectorProduct(wrong, right),
                     })
            {
                var ex = Assert.Throws<ArgumentException>(call);
                Assert.Equal("theta", ex.ParamName);
                Assert.Contains($"dimension {f.Dimension}", ex.Message);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Every_objective_has_a_finite_plot_box_a_name_and_a_readable_description(string typeName)
    {
        foreach (var f in Instances(typeName))
        {
            var d = f.Domain;
            Assert.Equal(f.Dimension, d.PlotLower.Length);
            Assert.Equal(f.Dimension, d.PlotUpper.Length);
            for (int i = 0; i < f.Dimension; i++)
            {
                Assert.True(double.IsFinite(d.PlotLower[i]) && double.IsFinite(d.PlotUpper[i]) && d.PlotLower[i] < d.PlotUpper[i],
                    $"{f.Name}: plot box coordinate {i} is [{d.PlotLower[i]}, {d.PlotUpper[i]}]");
            }
            Assert.False(string.IsNullOrWhiteSpace(f.ToString()));
            Assert.Contains(f.Name, f.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Known_critical_points_have_zero_gradient_the_stated_value_and_index(string typeName)
    {
        foreach (var f in Instances(typeName))
        {
            foreach (var cp in f.KnownCriticalPoints)
            {
                var g = f.Gradient(cp.Theta);
                // Critical points are closed-form (or solved to machine precision); the gradient there is rounding only.
                double scale = Math.Max(1.0, cp.Theta.InfinityNorm());
                Assert.True(g.InfinityNorm() <= 1e-9 * scale, $"{f.Name}: ‖∇L‖ = {g.InfinityNorm():G3} at {cp}");
                Assert.Equal(cp.Value, f.Value(cp.Theta), 9);

                // Index and degeneracy from an independent symmetric eigen-solver on the exact Hessian.
                var ev = f.Hessian(cp.Theta).Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).ToArray();
                double tol = 1e-9 * Math.Max(1.0, ev.Max(Math.Abs));
                Assert.Equal(cp.Index, ev.Count(l => l < -tol));
                Assert.Equal(cp.IsDegenerate, ev.Any(l => Math.Abs(l) <= tol));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void A_stated_gradient_Lipschitz_constant_bounds_the_Hessian_norm(string typeName)
    {
        foreach (var f in Instances(typeName))
        {
            if (f is not ILipschitzGradient lipschitz)
            {
                continue;
            }

            var rng = new Random(11);
            for (int k = 0; k < 50; k++)
            {
                var h = f.Hessian(DerivativeCheck.RandomPoint(f, rng));
                double norm = h.Evd(Symmetricity.Symmetric).EigenValues.Max(z => Math.Abs(z.Real));
                // Eigen-solver rounding: relative 1e-12.
                Assert.True(norm <= lipschitz.GradientLipschitzConstant * (1 + 1e-12), $"{f.Name}: ‖H‖ = {norm} > M");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Known_minimizers_are_critical_points_no_higher_than_random_points(string typeName)
    {
        foreach (var f in Instances(typeName))
        {
            var rng = new Random(7);
            foreach (var m in f.KnownMinimizers)
            {
                double scale = Math.Max(1.0, m.InfinityNorm());
                Assert.True(f.Gradient(m).InfinityNorm() <= 1e-9 * scale, $"{f.Name}: gradient at a known minimizer");
                Assert.True(f.Domain.Contains(m), $"{f.Name}: minimizer outside the domain");
                double best = f.Value(m);
                for (int k = 0; k < 200; k++)
                {
                    var p = DerivativeCheck.RandomPoint(f, rng);
                    // Global minimizers: no sampled point may be lower (1e-12 absorbs rounding of equal values).
                    Assert.True(f.Value(p) >= best - 1e-12, $"{f.Name}: L({p}) = {f.Value(p)} < L(minimizer) = {best}");
                }
            }
        }
    }
}
