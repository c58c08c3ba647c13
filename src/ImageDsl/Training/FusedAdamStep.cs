using Microsoft.Extensions.Logging;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// Performs an Adam or AdamW update with libtorch's fused CPU kernel (<c>_fused_adam_</c> /
/// <c>_fused_adamw_</c>), one native call per parameter group, on the TorchSharp optimizer's own
/// state tensors.
/// </summary>
/// <remarks>
/// TorchSharp's <c>step()</c> updates one parameter at a time with eight tensor operations and
/// two temporaries each; on a small network that is about a sixth of a training step (measured on
/// SmallCnn, 28x28, batch 64). The fused kernel reads and writes each element once. The kernel is
/// reached through TorchScript because TorchSharp binds no function for it; the optimizer object
/// stays TorchSharp's, so its moment estimates and step counts are what checkpoints save and
/// restore, in TorchSharp's format, whichever update ran.
/// </remarks>
internal sealed class FusedAdamStep : IDisposable
{
    // Step counts are float tensors, as the kernel takes them; the script advances them first,
    // as TorchSharp advances its own count before computing the bias corrections.
    private const string Script = """
        def adam_step(parameters: List[Tensor], gradients: List[Tensor], averages: List[Tensor], squares: List[Tensor], steps: List[Tensor], lr: float, beta1: float, beta2: float, weight_decay: float, eps: float, decoupled: bool) -> Tensor:
            torch._foreach_add_(steps, 1.0)
            if decoupled:
                torch._fused_adamw_(parameters, gradients, averages, squares, [], steps, lr=lr, beta1=beta1, beta2=beta2, weight_decay=weight_decay, eps=eps, amsgrad=False, maximize=False)
            else:
                torch._fused_adam_(parameters, gradients, averages, squares, [], steps, lr=lr, beta1=beta1, beta2=beta2, weight_decay=weight_decay, eps=eps, amsgrad=False, maximize=False)
            return steps[0]

        """;

    private readonly OptimizerHelper optimizer;
    private readonly bool decoupled;
    private readonly jit.CompilationUnit unit;
    // The kernel's step count per parameter, kept in step with TorchSharp's own (a checkpoint
    // restores only TorchSharp's, so it is compared before every update).
    private readonly Dictionary<IntPtr, (Tensor Count, long Value)> steps = [];

    private FusedAdamStep(OptimizerHelper optimizer, bool decoupled, jit.CompilationUnit unit)
    {
        this.optimizer = optimizer;
        this.decoupled = decoupled;
        this.unit = unit;
    }

    /// <summary>
    /// The fused update for <paramref name="optimizer"/> if it is an Adam or AdamW without AMSGrad
    /// or maximization and its parameters are on the CPU; otherwise (or where this libtorch cannot
    /// compile the kernel call) null, and the optimizer's own <c>step()</c> is the one to use.
    /// </summary>
    public static FusedAdamStep? TryCreate(OptimizerHelper optimizer, ILogger logger)
    {
        bool decoupled;
        switch (optimizer)
        {
            case Adam adam when adam.ParamGroups.Cast<Adam.ParamGroup>().All(g => g.Options is Adam.Options { amsgrad: not true, maximize: not true }):
                decoupled = false;
                break;
            case AdamW adamW when adamW.ParamGroups.Cast<AdamW.ParamGroup>().All(g => g.Options is AdamW.Options { amsgrad: not true, maximize: not true }):
                decoupled = true;
                break;
            default:
                return null;
        }
        if (optimizer.parameters().Any(p => p.device_type != DeviceType.CPU)) return null;
        try
        {
            return new FusedAdamStep(optimizer, decoupled, jit.compile(Script));
        }
        catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or EntryPointNotFoundException)
        {
            logger.LogWarning("The fused Adam kernel is not available in this libtorch ({Reason}); using TorchSharp's per-parameter update", e.Message);
            return null;
        }
    }

    /// <summary>Updates every parameter that has a gradient, as the optimizer's <c>step()</c> would.</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var states = optimizer.state_dict().State;
        int index = 0;
        foreach (var group in optimizer.ParamGroups.Cast<ParamGroup>())
        {
            var (beta1, beta2, eps, weightDecay) = Hyperparameters(group.Options);
            var parameters = new List<Tensor>();
            var gradients = new List<Tensor>();
            var averages = new List<Tensor>();
            var squares = new List<Tensor>();
            var counts = new List<Tensor>();
            var updated = new List<(IntPtr Handle, OptimizerState State)>();
            foreach (var parameter in group.Parameters)
            {
                var state = states[index++];
                var gradient = parameter.grad;
                if (gradient is null) continue;
                var (average, square, step) = Moments(state);
                parameters.Add(parameter);
                gradients.Add(gradient);
                averages.Add(average);
                squares.Add(square);
                counts.Add(CountFor(parameter.Handle, step));
                updated.Add((parameter.Handle, state));
            }
            if (parameters.Count == 0) continue;

            // The float arguments go in as scalars held here until the call returns. Given a
            // double, TorchSharp's invoke makes a native scalar that nothing references once its
            // handle is read, so a collection during the call could finalize it before libtorch
            // copies it: a crash in c10::Scalar::toLong ("Expected false to be true", the freed
            // scalar's type tag being garbage) or, with the memory reused, a wrong learning rate.
            using Scalar lr = group.LearningRate, b1 = beta1, b2 = beta2, decay = weightDecay, epsilon = eps;
            using var first = (Tensor)unit.invoke("adam_step", parameters.ToArray(), gradients.ToArray(), averages.ToArray(), squares.ToArray(), counts.ToArray(),
                lr, b1, b2, decay, epsilon, decoupled);
            foreach (var (handle, state) in updated)
            {
                long step = Advance(state);
                steps[handle] = (steps[handle].Count, step);
            }
        }
    }

    private Tensor CountFor(IntPtr handle, long step)
    {
        if (!steps.TryGetValue(handle, out var entry))
        {
            var count = zeros(1, ScalarType.Float32, device: CPU); // this step runs only on the CPU (TryCreate)
            count.DetachFromDisposeScope();
            entry = (count, -1);
        }
        if (entry.Value != step) entry.Count.fill_(step);
        steps[handle] = (entry.Count, step);
        return entry.Count;
    }

    private static (double Beta1, double Beta2, double Eps, double WeightDecay) Hyperparameters(OptimizerOptions options) => options switch
    {
        Adam.Options o => (o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.weight_decay!.Value),
        AdamW.Options o => (o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.weight_decay!.Value),
        _ => throw new InvalidOperationException($"Not an Adam optimizer's options: {options.GetType().Name}."),
    };

    private static (Tensor Average, Tensor Square, long Step) Moments(OptimizerState state) => state switch
    {
        Adam.State s => (s.exp_avg, s.exp_avg_sq, s.step),
        AdamW.State s => (s.exp_avg, s.exp_avg_sq, s.step),
        _ => throw new InvalidOperationException($"Not an Adam optimizer's state: {state.GetType().Name}."),
    };

    private static long Advance(OptimizerState state) => state switch
    {
        Adam.State s => ++s.step,
        AdamW.State s => ++s.step,
        _ => throw new InvalidOperationException($"Not an Adam optimizer's state: {state.GetType().Name}."),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (count, _) in steps.Values) count.Dispose();
        steps.Clear();
        unit.Dispose();
    }
}
