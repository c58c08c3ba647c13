using ImageDsl.Native;
using TorchSharp;

namespace ImageDsl.Tests.Native;

public class LibTorchLoadTests
{
    [Fact]
    public void Libtorch_loads_and_computes()
    {
        // Throws with the platform loader's reason (e.g. a missing GLIBCXX version) if it cannot load.
        LibTorch.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        var sum = torch.ones(3, 4).sum().item<float>();
        Assert.Equal(12f, sum);
    }
}
