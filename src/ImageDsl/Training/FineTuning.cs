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

    public FineTuning(nn.Module network, TrainingOptions options)
    {
        this.options = options;
        backbone = BackboneModule.Find(network);
        if (backbone is null && (options.FreezeBackbone || options.BackboneLearningRateFactor != 1.0))
            throw new InvalidOperationException(
                $"{nameof(TrainingOptions.FreezeBackbone)} and {nameof(TrainingOptions.BackboneLearningRateFactor)} need a network with a {nameof(BackboneModule)}; {network.GetName()} has none.");

        backboneParameters = backbone?.parameters().Select(p => (p, p.requires_grad)).ToArray() ?? [];
        var inBackbone = backboneParameters.Select(p => p.Parameter.Handle).ToHashSet();
        HeadParameters = network.parameters().Where(p => !inBackbone.Contains(p.Handle)).ToArray();
    }

    /// <summary>The backbone's parameters: the optimizer's first group when fine-tuning treats it apart.</summary>
    public IReadOnlyList<Parameter> BackboneParameters => backboneParameters.Select(p => p.Parameter).ToArray();

    /// <summary>Everything else (the heads): the optimizer's last group.</summary>
    public IReadOnlyList<Parameter> HeadParameters { get; }

    /// <summary>The backbone's share of the learning rate.</summary>
    public double BackboneFactor => options.BackboneLearningRateFactor;

    /// <summary>Sets the scheduled rate: the heads get <paramref name="learningRate"/>, the backbone its share.</summary>
    public void SetLearningRate(OptimizerHelper optimizer, double learningRate)
    {
        var groups = optimizer.ParamGroups.ToArray();
        for (int i = 0; i < groups.Length; i++)
            groups[i].LearningRate = i == groups.Length - 1 ? learningRate : learningRate * options.BackboneLearningRateFactor;
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
}
