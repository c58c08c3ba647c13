using System.Collections.Generic;

namespace ImageDsl.Generators;

/// <summary>
/// The smallest image side each backbone accepts, and why. This mirrors the runtime's
/// <c>Backbones.MinimumSide</c> (<c>SmallCnn.MinimumSide</c>, <c>PlainCnn.MinimumSide</c>,
/// <c>ResNet.MinimumSide</c>, <c>CoordCnn.MinimumSide</c>, <c>MobileNetV3.MinimumSide</c>,
/// <c>EfficientNet.MinimumSide</c>), which the generator cannot call: it is
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
        ["ResNet50"] = (32, "it halves the image five times (stem convolution, max-pool and three strided stages)"),
        ["MobileNetV3Small"] = (32, "it halves the image five times (stem convolution and four strided blocks)"),
        ["MobileNetV3Large"] = (32, "it halves the image five times (stem convolution and four strided blocks)"),
        ["EfficientNetB0"] = (32, "it halves the image five times (stem convolution and four strided stages)"),
    };

    /// <summary>PlainCnn's block count when <c>BackboneBlocks</c> is not set (the runtime's <c>PlainCnn.DefaultBlocks</c>).</summary>
    public const int PlainCnnDefaultBlocks = 3;

    /// <summary>Which backbone accepts <c>BackboneBlocks</c>, <c>BackboneWidth</c> and <c>BackboneGrid</c>.</summary>
    public const string Shaped = "PlainCnn";

    /// <summary>The allowed values of <c>BackboneBlocks</c>, <c>BackboneWidth</c> and <c>BackboneGrid</c> (0 means the default), as the runtime's <c>PlainCnn</c> checks them.</summary>
    public static readonly (int Min, int Max) BlocksRange = (1, 6), WidthRange = (4, 256), GridRange = (1, 8);

    /// <summary>
    /// The smallest side of <paramref name="backbone"/> with <paramref name="blocks"/> blocks (0 for the
    /// default): a PlainCnn's depends on its block count, every other backbone's is fixed.
    /// </summary>
    public static bool TryGet(string backbone, int blocks, out (int MinimumSide, string Reason) size)
    {
        if (backbone == Shaped && blocks is > 0 and not PlainCnnDefaultBlocks)
        {
            size = (1 << blocks, $"each of its {blocks} blocks halves the image (2x2 max-pooling)");
            return true;
        }
        return All.TryGetValue(backbone, out size);
    }
}
