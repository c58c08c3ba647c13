using ImageDsl.Modeling;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Tuning;

/// <summary>
/// A model whose "network" is a fixed function of the image, so a test knows exactly what it
/// predicts for a view: here the box around the bright pixels (in pixels, XYXY), which moves
/// exactly as the image does.
/// </summary>
internal sealed class FunctionModel : ImageModel<float, PredictionOutputs>
{
    public static readonly ModelSpec BoxSpec = new("Tests.Tuning.Box", new InputSpec(32, 32, 1), Backbone.SmallCnn,
        [new VectorTargetSpec("Box", ["X1", "Y1", "X2", "Y2"], box: BoxFormat.XYXY)]);

    private FunctionModel(ModelSpec spec, nn.Module<Tensor, Tensor[]> network) : base(spec, network) => AllowUntrained = true;

    public static FunctionModel BrightBox() => new(BoxSpec, new BrightBoxNetwork());

    protected override PredictionOutputs CreatePrediction(PredictionOutputs outputs) => outputs;

    protected override void Encode(float labels, Span<float> encoded) => throw new NotSupportedException();

    /// <summary>[x1, y1, x2, y2] of the pixels brighter than the image's mean: x2 and y2 one past the last bright column and row.</summary>
    private sealed class BrightBoxNetwork() : nn.Module<Tensor, Tensor[]>("BrightBox")
    {
        public override Tensor[] forward(Tensor images)
        {
            using var scope = NewDisposeScope();
            var bright = images.gt(images.mean([1, 2, 3], keepdim: true)).any(1); // [N, H, W]
            var columns = bright.any(1).to_type(ScalarType.Int32); // [N, W]
            var rows = bright.any(2).to_type(ScalarType.Int32);    // [N, H]
            long width = columns.shape[1], height = rows.shape[1];
            var x1 = columns.argmax(1);
            var x2 = width - columns.flip(1).argmax(1);
            var y1 = rows.argmax(1);
            var y2 = height - rows.flip(1).argmax(1);
            return [stack([x1, y1, x2, y2], 1).to_type(ScalarType.Float32).MoveToOuterDisposeScope()];
        }
    }
}
