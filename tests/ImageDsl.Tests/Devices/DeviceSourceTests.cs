using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImageDsl.Tests.Devices;

/// <summary>
/// Reads the runtime's sources (as KindIsolationTests does) for the two mistakes that break a GPU
/// run and pass every CPU test: a tensor factory call that names no device (it lands on the
/// default device, the CPU, whatever device the model is on), and reading a tensor's data without
/// bringing it to the CPU first (TorchSharp refuses to read GPU memory). <see cref="FixedDeviceTests"/>
/// catches the first at run time on the paths it runs; this covers every line.
/// </summary>
public class DeviceSourceTests
{
    /// <summary>Factories that place a new tensor on a device. The <c>_like</c> ones follow their input's device and are left out.</summary>
    private static readonly HashSet<string> Factories =
    [
        "tensor", "zeros", "ones", "full", "empty", "arange", "linspace", "logspace", "eye", "rand", "randn", "randint", "randperm",
        "as_tensor", "from_array", "frombuffer", "scalar_tensor", "normal", "empty_strided", "tril_indices", "triu_indices",
    ];

    [Fact]
    public void Every_tensor_the_runtime_makes_names_its_device_and_every_read_is_on_the_CPU()
    {
        var root = Path.Combine(RepositoryPaths.Root, "src", "ImageDsl");
        var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToArray();
        Assert.True(files.Length > 100, $"{files.Length} files under {root}");
        var offenders = files.SelectMany(f => Offences(File.ReadAllText(f), Path.GetRelativePath(root, f))).ToArray();
        Assert.True(offenders.Length == 0, "tensors made on a fixed device, or read off the CPU:\n  " + string.Join("\n  ", offenders));
    }

    [Theory]
    [InlineData("var t = torch.zeros(3);")]
    [InlineData("var t = tensor(new float[] { 1, 2 }).reshape(1, 2);")]
    [InlineData("var o = randperm(n, generator: g);")]
    [InlineData("var t = full(n, 1.0, ScalarType.Float64);")]
    [InlineData("var a = x.mean([0]).data<float>().ToArray();")]
    public void The_check_finds_an_injected_bad_call(string statement)
    {
        var offences = Offences(Wrap(statement), "Injected.cs");
        Assert.Single(offences);
        Assert.StartsWith("Injected.cs:", offences[0]);
    }

    [Theory]
    [InlineData("var t = torch.zeros(3, device: x.device);")]
    [InlineData("var t = tensor(new float[] { 1, 2 }, device: images.device).reshape(1, 2);")]
    [InlineData("var o = randperm(n, device: g.device, generator: g);")]
    [InlineData("var z = zeros_like(x);")]
    [InlineData("var a = x.mean([0]).cpu().data<float>().ToArray();")]
    [InlineData("var s = samples.Zeros(3); var r = Tensor(2);")]
    public void The_check_passes_calls_that_place_their_tensor(string statement) => Assert.Empty(Offences(Wrap(statement), "Fine.cs"));

    private static string Wrap(string statement) => $"class C {{ void M() {{ {statement} }} }}";

    /// <summary>Each offending call as "file:line: call".</summary>
    private static List<string> Offences(string source, string name)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var found = new List<string>();
        foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var (method, receiver) = call.Expression switch
            {
                IdentifierNameSyntax id => (id.Identifier.Text, (ExpressionSyntax?)null),
                GenericNameSyntax g => (g.Identifier.Text, null),
                MemberAccessExpressionSyntax m => (m.Name.Identifier.Text, m.Expression),
                _ => ("", null),
            };
            bool offends =
                // A factory, unqualified (using static TorchSharp.torch) or as torch.X.
                (Factories.Contains(method) && (receiver is null || receiver.ToString() is "torch" or "TorchSharp.torch")
                    && !call.ArgumentList.Arguments.Any(a => a.NameColon?.Name.Identifier.Text == "device"))
                // x.data<T>() whose receiver chain has no .cpu().
                || (call.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.Text: "data" } } access
                    && !access.Expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
                        .Any(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "cpu" }));
            if (offends) found.Add($"{name}:{call.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {call}");
        }
        return found;
    }
}
