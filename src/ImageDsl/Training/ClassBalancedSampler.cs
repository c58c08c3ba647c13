using ImageDsl.Data;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// The order of a class-balanced epoch (<see cref="Sampling.ClassBalanced"/>): as many draws as
/// there are images, with replacement, each image weighted 1 / (its class's size).
/// </summary>
internal sealed class ClassBalancedSampler
{
    private readonly float[] weights;

    /// <param name="classes">Each training image's class index.</param>
    public ClassBalancedSampler(IReadOnlyList<int> classes)
    {
        var sizes = classes.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        weights = classes.Select(c => 1f / sizes[c]).ToArray();
    }

    /// <summary>The sampler for <paramref name="options"/>' balance target of <paramref name="spec"/>, or null when the options shuffle.</summary>
    public static ClassBalancedSampler? For(ModelSpec spec, TrainingOptions options, IReadOnlyList<ImageSample> samples)
    {
        if (options.Sampling != Sampling.ClassBalanced) return null;
        int index = options.BalanceTarget is { } name
            ? spec.Targets.ToList().FindIndex(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            : spec.Targets.ToList().FindIndex(t => t.BalancedClasses > 0);
        if (options.BalanceTarget is { } named && index < 0)
            throw new ArgumentException($"BalanceTarget '{named}' is not a target of {spec.Name}; its targets are {string.Join(", ", spec.Targets.Select(t => t.Name))}.", nameof(options));
        if (index < 0 || spec.Targets[index].BalancedClasses == 0)
            throw new ArgumentException(
                $"Sampling = ClassBalanced needs a multi-class or yes/no [Labels] target to balance; {(index < 0 ? $"{spec.Name} has none" : $"{spec.Targets[index].Describe()} is not one")}.", nameof(options));
        int column = spec.EncodedOffset(index);
        return new ClassBalancedSampler(samples.Select(s => (int)s.Targets[column]).ToArray());
    }

    /// <summary>One epoch's image indices, drawn from <paramref name="generator"/>.</summary>
    public long[] Epoch(Generator generator)
    {
        using var scope = NewDisposeScope();
        return multinomial(tensor(weights, device: generator.device), weights.Length, replacement: true, generator: generator).cpu().data<long>().ToArray();
    }
}
