using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// Builds the optimizer the options name, with the backbone's parameters in a group of their
/// own (first) when there is a backbone, so fine-tuning can give it a smaller learning rate.
/// </summary>
internal static class Optimizers
{
    public static OptimizerHelper Create(TrainingOptions options, FineTuning groups)
    {
        double lr = options.LearningRate, backboneLr = lr * groups.BackboneFactor;
        // The backbone always gets a group of its own, so the optimizer's layout (and so a
        // checkpoint's) does not depend on the fine-tuning options.
        bool split = groups.BackboneParameters.Count > 0;
        // Only the learning rate is set per group: each optimizer's own arguments fill in the rest.
        switch (options.Optimizer)
        {
            case OptimizerKind.AdamW:
                return optim.AdamW(Groups(groups, split, p => new AdamW.ParamGroup { Parameters = p.Parameters, Options = new AdamW.Options { LearningRate = p.Rate } }, lr, backboneLr),
                    lr, weight_decay: options.WeightDecay);
            case OptimizerKind.Sgd:
                return optim.SGD(Groups(groups, split, p => new SGD.ParamGroup { Parameters = p.Parameters, Options = new SGD.Options { LearningRate = p.Rate } }, lr, backboneLr),
                    lr, momentum: options.Momentum, weight_decay: options.WeightDecay);
            default:
                return optim.Adam(Groups(groups, split, p => new Adam.ParamGroup { Parameters = p.Parameters, Options = new Adam.Options { LearningRate = p.Rate } }, lr, backboneLr),
                    lr, weight_decay: options.WeightDecay);
        }
    }

    private static IEnumerable<T> Groups<T>(FineTuning groups, bool split, Func<(Parameter[] Parameters, double Rate), T> make, double lr, double backboneLr) =>
        split
            ? [make((groups.BackboneParameters.ToArray(), backboneLr)), make((groups.HeadParameters.ToArray(), lr))]
            : [make((groups.BackboneParameters.Concat(groups.HeadParameters).ToArray(), lr))];
}
