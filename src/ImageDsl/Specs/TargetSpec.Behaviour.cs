using ImageDsl.Binding;
using ImageDsl.Evaluation;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Specs;

// What a target kind does, beyond describing itself: each kind's file overrides these, and the
// network, trainer, predictor, scorer, exporter, augmentation and data reader call them.
public abstract partial record TargetSpec
{
    /// <summary>The output layer for this target: a linear layer from the backbone's features to <see cref="OutputWidth"/> outputs.</summary>
    /// <param name="featureCount">The backbone's feature count.</param>
    internal virtual Module<Tensor, Tensor> CreateHead(int featureCount) => Linear(featureCount, OutputWidth);

    /// <summary>True when the target's output is a map decoded from the backbone's feature maps (<see cref="CreateMapHead"/>) rather than a head over its features.</summary>
    internal virtual bool ReadsFeatureMaps => false;

    /// <summary>The decoder of a dense target, given the shape of each of the backbone's feature maps (<c>BackboneModule.ForwardMaps</c>).</summary>
    internal virtual Module<Tensor[], Tensor> CreateMapHead(IReadOnlyList<(int Channels, int Height, int Width)> maps) =>
        throw new NotSupportedException($"{Name} is a {KindName} target, which has a head over the backbone's features, not a decoder.");

    /// <summary>
    /// The number a heatmap explains (see <see cref="Explanations.ExplainTarget"/>), per image, from the
    /// head's raw output <c>[N, OutputWidth]</c>; checks the selector first, so a wrong label or
    /// component fails before the network runs. By default a target's one output (a range's value,
    /// a yes/no target's logit); kinds with labels or components override it.
    /// </summary>
    internal virtual Func<Tensor, Tensor> ExplainScore(Explanations.ExplainTarget target)
    {
        if (ReadsFeatureMaps)
            throw new ArgumentException($"{Name} is a {KindName} target: its output is a map, not one number, so it has no heatmap (explain another target).", nameof(target));
        if (target.Label is not null)
            throw new ArgumentException($"{Name} is a {KindName} target, which has no labels; explain its value with ExplainTarget.Value(\"{Name}\").", nameof(target));
        if (target.Component is not null)
            throw new ArgumentException($"{Name} is a {KindName} target, which has one value and no components; explain it with ExplainTarget.Value(\"{Name}\").", nameof(target));
        return head => head[.., 0];
    }

    /// <summary>The training loss of this target, whose encoded values start at column <paramref name="offset"/>.</summary>
    internal abstract TargetLoss CreateLoss(int offset);

    /// <summary>
    /// The head's raw output <c>[N, OutputWidth]</c> made into what prediction decodes per image
    /// (probabilities for labels; the raw output itself for regression). A new tensor.
    /// </summary>
    internal virtual Tensor Activate(Tensor output) => output.alias();

    /// <summary>
    /// Test-time augmentation: the activated outputs (<see cref="Activate"/>, <c>[N, OutputWidth]</c>) of
    /// images shown moved, mapped back to what they say about the unmoved image, given the
    /// inverse of each image's move (<c>[N, 2, 3]</c>, as augmentation's forward pixel transforms).
    /// The views' results are then averaged in this same space (probabilities, values, a periodic
    /// target's sine and cosine, so its angles average on the circle), ignoring NaN (a dense map's
    /// pixels a view did not see). Only moves that <see cref="Augmentation.Conflicts"/> allows reach
    /// here, so a target that is not <see cref="IGeometricTarget.MovesWithImage"/> is unchanged by them
    /// (the default); a kind that moves with the image maps its values back.
    /// </summary>
    internal virtual Tensor FromView(Tensor activated, Tensor inverseTransforms, InputSpec input, TargetStatistics statistics, int offset) => activated.alias();

    /// <summary>Floats per image that <see cref="Decode"/> returns (and an ONNX export outputs).</summary>
    internal virtual int DecodedWidth => OutputWidth;

    /// <summary>
    /// One image's activated outputs (<see cref="OutputWidth"/> floats) in user terms: what
    /// <c>PredictionOutputs</c> holds for the target (probabilities, or values in user units).
    /// </summary>
    /// <param name="activated">The image's row of <see cref="Activate"/>.</param>
    /// <param name="statistics">The training set's target statistics.</param>
    /// <param name="offset">The target's first column in the encoded matrix (and so in the statistics).</param>
    internal virtual float[] Decode(ReadOnlySpan<float> activated, TargetStatistics statistics, int offset) => activated.ToArray();

    /// <summary>Accumulates this target's metrics over a dataset; <paramref name="index"/> is its position in the spec.</summary>
    internal abstract TargetScorer CreateScorer(int index);

    /// <summary>Appended to the snake_case name to name the target's ONNX output: <c>_probabilities</c> for labels, empty for values.</summary>
    internal virtual string OnnxSuffix => "";

    /// <summary>
    /// Writes this target's post-processing into an ONNX graph, from its head's raw output to
    /// per image the same <see cref="DecodedWidth"/> floats <see cref="Decode"/> gives; returns the
    /// value holding them. Unless a kind says otherwise, it cannot be exported.
    /// </summary>
    internal virtual string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context) =>
        throw new NotSupportedException($"ONNX export has no mapping for {GetType().Name} (target {Name}); register one with OnnxTargets.Register.");

    /// <summary>True when <see cref="ExportOnnx"/> has a mapping for this kind.</summary>
    internal virtual bool ExportsOnnx => false;

    /// <summary>The ONNX output's description: what its values are, in which units or order.</summary>
    internal virtual string DescribeOutput() => Describe();

    /// <summary>The names an ONNX output lists in its metadata (labels or components, in order), with the metadata key's prefix; null for none.</summary>
    internal virtual (string KeyPrefix, IReadOnlyList<string> Names)? OnnxOrder => null;

    /// <summary>The unit of a value that is an angle turning or mirroring the image would change (when not declared the image's rotation); else null.</summary>
    internal virtual string? AngleUnit => null;

    /// <summary>
    /// The turns that keep this target in its range when it is the image's own rotation and
    /// bounded (a range declared as the rotation), given its encoded column; null for every other
    /// target (a periodic one wraps, so any turn is fine).
    /// </summary>
    internal virtual RotationWindow? RotationWindow(Tensor values) => null;

    /// <summary>
    /// Which of the target's labels a prediction says are present, from its decoded values: a
    /// yes/no's one answer, a multi-label target's each label. Other kinds have no such labels.
    /// </summary>
    internal virtual bool[] Present(ReadOnlySpan<float> decoded) =>
        throw new InvalidOperationException($"{Name} is a {KindName} target; only yes/no and multi-label targets have labels that are present or not.");

    /// <summary>
    /// Temperature scaling's divisors for this target's raw head outputs, one per output column,
    /// fitted to minimise the negative log-likelihood of held-out images (see
    /// <see cref="Calibration.TemperatureScaling"/>); null when its outputs are not probabilities
    /// (regression, or a classifier trained on raw scores), which leaves them as they are.
    /// </summary>
    /// <param name="logits">The raw head outputs, row-major <c>[count, OutputWidth]</c>.</param>
    /// <param name="truths">The encoded true values, row-major <c>[count, EncodedWidth]</c>.</param>
    internal virtual float[]? FitTemperatures(float[] logits, float[] truths) => null;

    /// <summary>
    /// What a learned interval scale (<c>IntervalScaling.Learned</c>) reads to judge how far off a
    /// prediction may be, per decoded component, from the image's row of <see cref="Activate"/>;
    /// null for the decoded values themselves.
    /// </summary>
    internal virtual float[]? ScaleInputs(ReadOnlySpan<float> activated) => null;

    /// <summary>What <see cref="ScaleInputs"/> is, in words, for reports.</summary>
    internal virtual string ScaleInputName => "the predicted value";

    /// <summary>The interval of component <paramref name="component"/> of a prediction <paramref name="value"/> with half-width <paramref name="radius"/>, in user units.</summary>
    internal virtual PredictionInterval Interval(double value, double radius, int component) => new(value - radius, value + radius);

    /// <summary>The labels that name a side ("left", "right"), which a mirror would swap.</summary>
    internal virtual IReadOnlyList<string> SideLabels => [];

    /// <summary>
    /// True when this target is a label set whose loss is linear in a one-hot (or 0/1) truth, so
    /// Mixup and CutMix can mix two images' values as soft targets (multi-class, multi-label, yes/no).
    /// </summary>
    internal virtual bool MixesAsLabels => false;

    /// <summary>
    /// This target's encoded truth <c>[N, EncodedWidth]</c> as the probabilities its loss trains
    /// towards <c>[N, OutputWidth]</c> (a class index as one-hot; 0/1 flags as they are), for
    /// targets that <see cref="MixesAsLabels"/>.
    /// </summary>
    internal virtual Tensor SoftTruth(Tensor encoded) =>
        throw new InvalidOperationException($"{Name} ({Describe()}) has no soft targets: only labels can be mixed.");

    /// <summary>
    /// The number of classes a class-balanced sampler can balance this target over (its encoded
    /// value is then the class index), or 0 when it is not a single choice among classes.
    /// </summary>
    internal virtual int BalancedClasses => 0;

    /// <summary>True when a folder named after a value of this target can hold its images (labels, yes/no, ranks).</summary>
    internal virtual bool ReadsFolders => false;

    /// <summary>True when a validation split should keep each encoded value's share (multi-class labels and ranks).</summary>
    internal virtual bool Stratifies => false;

    /// <summary>The CSV columns this target reads, in order: its <see cref="Column"/>, or one per component.</summary>
    internal virtual IReadOnlyList<string> CsvColumns => [Column];

    /// <summary>
    /// Reads this target from its cells of a CSV row, starting at cell <paramref name="first"/>, into
    /// <paramref name="encoded"/> (its own <see cref="EncodedWidth"/> floats); reports each problem to
    /// <paramref name="cells"/> and returns false if there was one.
    /// </summary>
    internal virtual bool Read(CsvCells cells, int first, Span<float> encoded) =>
        TryEncode(cells[first], encoded) is not { } error || cells.Fail(first, error);
}
