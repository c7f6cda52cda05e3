using Descent.Functions;
using Descent.Tests.Support;

namespace Descent.Tests.Functions;

public sealed class GalleryTests
{
    [Fact]
    public void The_two_dimensional_gallery_holds_every_two_dimensional_surface_type_once()
    {
        var gallery = Gallery.TwoDimensional();
        Assert.All(gallery, f => Assert.Equal(2, f.Dimension));
        Assert.Equal(gallery.Count, gallery.Select(f => f.GetType()).Distinct().Count());
        // Every concrete objective type whose default instance is 2-D must be in the gallery.
        var types = typeof(Objective).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.IsSubclassOf(typeof(Objective)) && t.Namespace == "Descent.Functions");
        foreach (var t in types)
        {
            var ctor = t.GetConstructors().FirstOrDefault(c => c.GetParameters().All(p => p.IsOptional));
            if (ctor is null)
            {
                continue;
            }

            var f = (Objective)ctor.Invoke(ctor.GetParameters().Select(p => p.DefaultValue).ToArray());
            if (f.Dimension == 2)
            {
                Assert.Contains(gallery, g => g.GetType() == t);
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public void High_dimensional_surfaces_have_the_requested_dimension_and_pass_the_derivative_check(int n)
    {
        var rng = new Random(97);
        foreach (var f in Gallery.HighDimensional(n))
        {
            Assert.Equal(n, f.Dimension);
            for (int k = 0; k < 3; k++)
            {
                DerivativeCheck.At(f, DerivativeCheck.RandomPoint(f, rng), random: rng);
            }
        }
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => Gallery.HighDimensional(1)).ParamName);
    }
}
