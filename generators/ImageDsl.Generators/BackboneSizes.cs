using System.Collections.Generic;

namespace ImageDsl.Generators;

/// <summary>
/// The smallest image side each backbone accepts, and why. This mirrors the runtime's
/// <c>Backbones.MinimumSide</c> (<c>SmallCnn.MinimumSide</c>, <c>PlainCnn.MinimumSide</c>,
/// <c>ResNet.MinimumSide</c>, <c>CoordCnn.MinimumSide</c>), which the generator cannot call: it is
/// netstandard2.0 and does not reference the runtime. <c>BackboneSizeTests</c> asserts that this
/// table and <c>Backbones.MinimumSide</c> agree for every <c>Backbone</c> member, so changing one
/// without the other fails the tests.
/// </summary>
internal static class BackboneSizes
{
    /// <summary>Per <c>ImageDsl.Backbone</c> member name: the smallest side, and why (completing "because ...").</summary>
    public static readonly IReadOnlyDictionary<string, (int MinimumSide, string Reason)> All = new Dictionary<string, (int, string)>
    {
        ["SmallCnn"] = (8, "its two 2x2 poolings must leave at least a 2x2 feature map"),
        ["PlainCnn"] = (8, "each of its three blocks halves the image (2x2 max-pooling)"),
        ["ResNet18"] = (32, "it halves the image five times (stem convolution, max-pool and three strided stages)"),
        ["ResNet34"] = (32, "it halves the image five times (stem convolution, max-pool and three strided stages)"),
        ["CoordCnn"] = (4, "it pools its feature map to a 4x4 grid"),
    };
}
