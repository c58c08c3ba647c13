using static TorchSharp.torch;

namespace ImageDsl.Tests.Losses;

/// <summary>Autograd gradients of a scalar loss, checked against central finite differences in double precision.</summary>
internal static class GradientCheck
{
    /// <summary>The gradient of <paramref name="loss"/> at <paramref name="input"/> (float64) by autograd.</summary>
    public static double[] Autograd(Func<Tensor, Tensor> loss, double[] input, long[] shape)
    {
        using var scope = NewDisposeScope();
        var x = tensor(input, dtype: ScalarType.Float64).reshape(shape).requires_grad_(true);
        loss(x).backward();
        return x.grad!.contiguous().data<double>().ToArray();
    }

    /// <summary>(f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h for every element.</summary>
    public static double[] FiniteDifferences(Func<Tensor, Tensor> loss, double[] input, long[] shape, double step = 1e-6)
    {
        double At(double[] point)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            return loss(tensor(point, dtype: ScalarType.Float64).reshape(shape)).item<double>();
        }

        var gradient = new double[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            var plus = (double[])input.Clone();
            var minus = (double[])input.Clone();
            plus[i] += step;
            minus[i] -= step;
            gradient[i] = (At(plus) - At(minus)) / (2 * step);
        }

        return gradient;
    }

    /// <summary>Asserts that autograd and finite differences agree to <paramref name="tolerance"/> everywhere.</summary>
    public static void Matches(Func<Tensor, Tensor> loss, double[] input, long[] shape, double tolerance = 1e-6)
    {
        var analytic = Autograd(loss, input, shape);
        var numeric = FiniteDifferences(loss, input, shape);
        Assert.Contains(analytic, g => g != 0); // a zero gradient everywhere would prove nothing
        for (var i = 0; i < input.Length; i++)
        {
            Assert.True(
                Math.Abs(analytic[i] - numeric[i]) <= tolerance,
                $"element {i}: autograd {analytic[i]:R}, finite differences {numeric[i]:R}");
        }
    }

    /// <summary>Random values away from 0, reproducible.</summary>
    public static double[] Random(int count, int seed, double scale = 2.0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (random.NextDouble() * 2 - 1) * scale).ToArray();
    }
}
