using ImageDsl.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// The fine-tuning controls of <see cref="TrainingOptions"/> applied to a network: the backbone's
/// parameters in their own optimizer group (with <see cref="TrainingOptions.BackboneLearningRateFactor"/>),
/// and frozen — no gradients, batch norm in evaluation mode — in the epochs
/// <see cref="TrainingOptions.FreezeBackbone"/> covers. Disposing it gives the parameters their
/// trainability back, so a later <c>Train</c> with other options starts clean.
/// </summary>
internal sealed class FineTuning : IDisposable
{
    private readonly TrainingOptions options;
    private readonly BackboneModule? backbone;
    private readonly (Parameter Parameter, bool RequiresGrad)[] backboneParameters;
    private readonly AdamW.ParamGroup? backboneGroup;
    private readonly AdamW.ParamGroup headGroup;

    public FineTuning(nn.Module network, TrainingOptions options)
    {
        this.options = options;
        backbone = BackboneModule.Find(network);
        if (backbone is null && (options.FreezeBackbone || options.BackboneLearningRateFactor != 1.0))
            throw new InvalidOperationException(
                $"{nameof(TrainingOptions.FreezeBackbone)} and {nameof(TrainingOptions.BackboneLearningRateFactor)} need a network with a {nameof(BackboneModule)}; {network.GetName()} has none.");

        backboneParameters = backbone?.parameters().Select(p => (p, p.requires_grad)).ToArray() ?? [];
        var inBackbone = backboneParameters.Select(p => p.Parameter.Handle).ToHashSet();
        // Only the learning rate is set per group: the optimizer's own defaults fill in the rest.
        headGroup = Group(network.parameters().Where(p => !inBackbone.Contains(p.Handle)), options.LearningRate);
        if (backbone is not null)
            backboneGroup = Group(backboneParameters.Select(p => p.Parameter), options.LearningRate * options.BackboneLearningRateFactor);
    }

    /// <summary>The optimizer's parameter groups: the backbone's (if any), then everything else.</summary>
    public IEnumerable<AdamW.ParamGroup> ParameterGroups => backboneGroup is null ? [headGroup] : [backboneGroup, headGroup];

    /// <summary>Sets the scheduled rate: the heads get <paramref name="learningRate"/>, the backbone its share.</summary>
    public void SetLearningRate(double learningRate)
    {
        headGroup.LearningRate = learningRate;
        if (backboneGroup is not null) backboneGroup.LearningRate = learningRate * options.BackboneLearningRateFactor;
    }

    /// <summary>Freezes or unfreezes the backbone for <paramref name="epoch"/> (1-based); call after <c>network.train()</c>.</summary>
    public void BeginEpoch(int epoch)
    {
        if (backbone is null) return;
        bool frozen = options.BackboneFrozenIn(epoch);
        foreach (var (parameter, requiresGrad) in backboneParameters)
        {
            parameter.requires_grad = requiresGrad && !frozen;
            // A parameter without a gradient is one AdamW skips entirely (no decay, no momentum).
            if (frozen && parameter.grad is { } grad)
            {
                grad.Dispose();
                parameter.grad = null;
            }
        }
        // Frozen features come from the statistics they were trained with, not this batch's.
        if (frozen) backbone.eval();
    }

    public void Dispose()
    {
        foreach (var (parameter, requiresGrad) in backboneParameters) parameter.requires_grad = requiresGrad;
    }

    private static AdamW.ParamGroup Group(IEnumerable<Parameter> parameters, double learningRate) =>
        new() { Parameters = parameters.ToArray(), Options = new AdamW.Options { LearningRate = learningRate } };
}
