using ImageDsl.Networks;
using ImageDsl.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Tests.Networks;

/// <summary>
/// The small CNNs run their blocks channels-last and pool before the ReLU (for speed); both must
/// leave every value and every gradient as the textbook order in the default layout gives them.
/// </summary>
public class ChannelsLastTests
{
    public static TheoryData<string> Blocks => new(["SmallCnn.block1", "SmallCnn.block3", "PlainCnn.blocks.0", "CoordCnn.blocks.1"]);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void A_block_gives_the_values_and_gradients_of_conv_bn_relu_pool_in_the_default_layout(string name)
    {
        foreach (bool training in new[] { true, false })
        {
            var (block, input) = Block(name);
            block.train(training);
            using var x = input.requires_grad_(true);

            using var fast = ChannelsLast.Run(block, x);
            var fastGradients = Gradients(block, x, fast);
            using var reference = TextbookOrder(block, x);
            var referenceGradients = Gradients(block, x, reference);

            Assert.Equal(reference.shape, fast.shape);
            Assert.InRange(BackboneData.MaxAbsDifference(reference, fast), 0, 1e-5);
            Assert.True(reference.abs().max().item<float>() > 0.1f, "the block's output should not be trivially zero");
            Assert.Equal(referenceGradients.Keys, fastGradients.Keys);
            // Relative to the gradient's size: a weight's gradient sums thousands of products, in another order.
            foreach (var (parameter, expected) in referenceGradients)
            {
                double relative = BackboneData.MaxAbsDifference(expected, fastGradients[parameter]) / expected.abs().max().item<float>();
                Assert.True(relative <= 1e-5, $"{name} ({(training ? "training" : "evaluation")}): gradient of {parameter} differs by {relative:E2} of its largest element");
            }
        }
    }

    [Fact]
    public void A_block_hands_on_a_channels_last_map_even_from_a_one_channel_image()
    {
        var (block, input) = Block("SmallCnn.block1");
        using var output = ChannelsLast.Run(block, input);
        // Channels-last: the channel index moves by one element, a pixel by all the channels.
        Assert.Equal(1, output.stride(1));
        Assert.Equal(output.shape[1], output.stride(3));
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(5, 4)]
    [InlineData(9, 12)]
    public void Pooling_to_the_grid_equals_adaptive_pooling_whatever_the_map(int height, int width)
    {
        using var pool = AdaptiveAvgPool2d(7);
        using var x = randn(2, 3, height, width);
        using var expected = pool.call(x);
        var actual = GridPooling.Apply(pool, x);
        Assert.Equal(expected.shape, actual.shape);
        Assert.InRange(BackboneData.MaxAbsDifference(expected, actual), 0, 1e-6);
        // A map already the grid's size is handed on without pooling.
        Assert.Equal(height == 7 && width == 7, ReferenceEquals(x, actual));
        if (!ReferenceEquals(x, actual)) actual.Dispose();
    }

    /// <summary>A block of one of the small CNNs with its batch norms made non-trivial, and a random input for it.</summary>
    private static (Sequential Block, Tensor Input) Block(string name)
    {
        manual_seed(5);
        var (backbone, input) = name.Split('.')[0] switch
        {
            "SmallCnn" => ((Module)new SmallCnn(new InputSpec(28, 28, 1)), randn(4, 1, 28, 28)),
            "PlainCnn" => (new PlainCnn(new InputSpec(16, 16, 3)), randn(4, 3, 16, 16)),
            _ => (new CoordCnn(new InputSpec(24, 20, 1)), randn(4, 24, 10, 12)),
        };
        var block = (Sequential)backbone.named_modules().Single(m => m.name == name[(name.IndexOf('.') + 1)..]).module;
        if (name == "SmallCnn.block3") input = randn(4, 64, 7, 7);
        using (no_grad())
            foreach (var norm in block.modules().OfType<BatchNorm2d>())
            {
                norm.weight.uniform_(0.5, 1.5);
                norm.bias!.normal_(0, 0.3);
                norm.running_mean!.normal_(0, 0.2);
                norm.running_var!.uniform_(0.5, 2);
            }
        return (block, input);
    }

    /// <summary>The block as it reads in the literature: ReLU before max pooling, each layer's output in the default layout.</summary>
    private static Tensor TextbookOrder(Sequential block, Tensor x)
    {
        var layers = block.named_children().Select(c => (nn.Module<Tensor, Tensor>)c.module).ToList();
        for (int i = 1; i < layers.Count; i++)
            if (layers[i] is ReLU && layers[i - 1] is MaxPool2d) (layers[i - 1], layers[i]) = (layers[i], layers[i - 1]);
        foreach (var layer in layers) x = layer.call(x).contiguous();
        return x;
    }

    /// <summary>The gradients of a fixed random projection of <paramref name="output"/> w.r.t. the block's parameters and its input.</summary>
    private static Dictionary<string, Tensor> Gradients(Sequential block, Tensor input, Tensor output)
    {
        block.zero_grad();
        input.grad?.zero_();
        var generator = new TorchSharp.torch.Generator(9);
        using var weights = randn(output.shape, generator: generator);
        (output * weights).sum().backward();
        var gradients = block.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
        gradients["input"] = input.grad!.clone();
        return gradients;
    }
}
