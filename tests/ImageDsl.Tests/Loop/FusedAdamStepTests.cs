using ImageDsl.Training;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Loop;

/// <summary>
/// The fused Adam / AdamW update must do exactly what TorchSharp's own <c>step()</c> does: the
/// same parameters, moment estimates and step counts after several steps, with weight decay,
/// two parameter groups at different learning rates, a parameter without a gradient, and a step
/// count changed from outside (as resuming from a checkpoint changes it).
/// </summary>
public sealed class FusedAdamStepTests
{
    [Theory]
    [InlineData(OptimizerKind.Adam, 0.0)]
    [InlineData(OptimizerKind.Adam, 0.01)]
    [InlineData(OptimizerKind.AdamW, 0.05)]
    public void Fused_update_matches_TorchSharps_step(OptimizerKind kind, double weightDecay)
    {
        using var reference = new Pair(seed: 3);
        using var fused = new Pair(seed: 3);
        fused.CopyFrom(reference); // the process-wide generator may have been drawn from in between
        using var referenceOptimizer = Create(kind, reference, weightDecay);
        using var fusedOptimizer = Create(kind, fused, weightDecay);
        using var step = FusedAdamStep.TryCreate(fusedOptimizer, NullLogger.Instance);
        Assert.NotNull(step);

        for (int i = 0; i < 6; i++)
        {
            if (i == 3)
                foreach (var optimizer in new[] { referenceOptimizer, fusedOptimizer })
                    SetSteps(optimizer, 40); // a later bias correction, as after resuming
            reference.Backward(seed: 100 + i);
            fused.Backward(seed: 100 + i);
            referenceOptimizer.step();
            step!.Step();
        }

        foreach (var ((name, expected), (_, actual)) in reference.named_parameters().Zip(fused.named_parameters()))
        {
            double difference = (expected - actual).abs().max().item<float>();
            Assert.True(difference < 1e-6, $"{kind} {name}: fused update differs from TorchSharp's by {difference:E2}");
        }
        Assert.Equal(Steps(referenceOptimizer), Steps(fusedOptimizer));
        Assert.Equal([43L, 43L, 43L, 43L, 0L], Steps(fusedOptimizer)); // the idle parameter never stepped
        // The idle parameter (no gradient) is untouched by both.
        Assert.Equal(0f, (fused.Idle.weight! - reference.Idle.weight!).abs().max().item<float>());
        var moments = referenceOptimizer.state_dict().State.Zip(fusedOptimizer.state_dict().State);
        foreach (var (expected, actual) in moments)
            Assert.True(expected.ApproximatelyEquals(actual), "moment estimates differ");
    }

    /// <summary>
    /// The learning rate, betas, weight decay and epsilon reach the kernel as native scalars. If a
    /// garbage collection finalizes one before libtorch copies it, libtorch reads freed memory: the
    /// crash seen at epoch 30 of a DigitLocator run (<c>c10::Scalar::toLong</c>, "Expected false to
    /// be true": the freed scalar's type tag matches no type) or, with the memory reused, a wrong
    /// learning rate. A thread that collects without pause makes a long run's rare timing common:
    /// before the fix about one step in 600 crashed here.
    /// One small parameter keeps each step cheap, so many steps fit in a second.
    /// </summary>
    [Fact]
    public void Hyperparameters_survive_collections_during_the_kernel_call()
    {
        const int steps = 5_000;
        using var scope = NewDisposeScope();
        manual_seed(11);
        var start = randn(16);
        using var reference = new Parameter(start.clone());
        using var fused = new Parameter(start.clone());
        using var referenceOptimizer = optim.AdamW([reference], 1e-3, weight_decay: 0.01);
        using var fusedOptimizer = optim.AdamW([fused], 1e-3, weight_decay: 0.01);
        using var step = FusedAdamStep.TryCreate(fusedOptimizer, NullLogger.Instance);
        Assert.NotNull(step);
        // The same gradient before every step: the loop is the update alone.
        var gradient = linspace(-1, 1, 16);
        reference.grad = gradient.clone();
        fused.grad = gradient.clone();
        for (int i = 0; i < steps; i++) referenceOptimizer.step();

        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect(0);
                GC.WaitForPendingFinalizers();
            }
        }) { IsBackground = true };
        collector.Start();
        try
        {
            for (int i = 0; i < steps; i++) step!.Step();
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }

        // Float rounding differs between the two updates and adds up over the steps; one step at
        // a wrong rate moves a value by about that rate or more.
        double difference = (reference - fused).abs().max().item<float>();
        Assert.True(difference < 1e-4, $"the fused update differs from TorchSharp's by {difference:E2} after {steps} steps under collections");
    }

    [Fact]
    public void Sgd_and_AMSGrad_keep_TorchSharps_own_step()
    {
        using var pair = new Pair(seed: 1);
        using var sgd = optim.SGD(pair.parameters(), 0.1, momentum: 0.9);
        using var amsgrad = optim.Adam(pair.parameters(), 1e-3, amsgrad: true);

        Assert.Null(FusedAdamStep.TryCreate(sgd, NullLogger.Instance));
        Assert.Null(FusedAdamStep.TryCreate(amsgrad, NullLogger.Instance));
    }

    private static OptimizerHelper Create(OptimizerKind kind, Pair network, double weightDecay)
    {
        Parameter[] first = [.. network.First.parameters()], second = [.. network.Second.parameters(), .. network.Idle.parameters()];
        return kind == OptimizerKind.AdamW
            ? optim.AdamW([
                new AdamW.ParamGroup { Parameters = first, Options = new AdamW.Options { LearningRate = 3e-3 } },
                new AdamW.ParamGroup { Parameters = second, Options = new AdamW.Options { LearningRate = 1e-2 } }], weight_decay: weightDecay)
            : optim.Adam([
                new Adam.ParamGroup { Parameters = first, Options = new Adam.Options { LearningRate = 3e-3 } },
                new Adam.ParamGroup { Parameters = second, Options = new Adam.Options { LearningRate = 1e-2 } }], weight_decay: weightDecay);
    }

    // Parameter order: first.weight, first.bias, second.weight, second.bias, idle.weight.
    private static long[] Steps(OptimizerHelper optimizer) =>
        optimizer.state_dict().State.Select(s => s switch { Adam.State a => a.step, AdamW.State w => w.step, _ => -1 }).ToArray();

    private static void SetSteps(OptimizerHelper optimizer, long step)
    {
        foreach (var state in optimizer.state_dict().State)
        {
            if (state is Adam.State a && a.step > 0) a.step = step;
            if (state is AdamW.State w && w.step > 0) w.step = step;
        }
    }

    /// <summary>Two linear layers that learn, and one that never gets a gradient.</summary>
    private sealed class Pair : nn.Module<Tensor, Tensor>
    {
        public readonly Linear First;
        public readonly Linear Second;
        public readonly Linear Idle;

        public Pair(int seed) : base(nameof(Pair))
        {
            manual_seed(seed);
            First = nn.Linear(12, 16);
            Second = nn.Linear(16, 3);
            Idle = nn.Linear(3, 3, hasBias: false);
            RegisterComponents();
        }

        public void CopyFrom(Pair other)
        {
            using var _ = no_grad();
            foreach (var (mine, theirs) in parameters().Zip(other.parameters())) mine.copy_(theirs);
        }

        public override Tensor forward(Tensor input) => Second.call(nn.functional.relu(First.call(input)));

        public void Backward(int seed)
        {
            using var scope = NewDisposeScope();
            var generator = new TorchSharp.torch.Generator((ulong)seed);
            var input = randn([8, 12], generator: generator);
            var target = randn([8, 3], generator: generator);
            foreach (var p in parameters()) p.grad?.zero_();
            nn.functional.mse_loss(call(input), target).backward();
        }
    }
}
