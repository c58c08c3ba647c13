namespace ImageDsl.Tests.Generator;

/// <summary>
/// Generated file names are unique ignoring case (the compiler compares them so, and one repeat
/// would make the generator throw and drop every spec's code: CS8785).
/// </summary>
public class HintNameTests
{
    private const string Digit = "namespace Banking; public enum Digit { Zero, One }";

    private static string Reader(string ns, string name) =>
        $"namespace {ns} {{ /// <summary>Reads a digit.</summary>\n[ImageDsl.ImageModel] public partial class {name} {{ /// <summary>The digit.</summary>\n[ImageDsl.Labels] public global::Banking.Digit Digit {{ get; init; }} }} }}";

    [Fact]
    public async Task Specs_whose_full_names_differ_only_in_case_get_numbered_files()
    {
        var run = await GeneratorHarness.AssertCompilesCleanlyAsync(4, "#pragma warning disable CS1591\n" + Digit,
            Reader("Banking.Ocr", "ChequeDigitReader"), Reader("Banking.OCR", "ChequeDigitReader"),
            Reader("Banking.OCR", "CHEQUEDIGITREADER"), Reader("Banking.Other", "ChequeDigitReader"));

        Assert.Equal(
            [
                "Banking.OCR.CHEQUEDIGITREADER.g.cs",
                "Banking.OCR.ChequeDigitReader-2.g.cs",
                "Banking.Ocr.ChequeDigitReader-3.g.cs",
                "Banking.Other.ChequeDigitReader.g.cs",
            ],
            run.Result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_specs_of_one_name_do_not_make_the_generator_throw()
    {
        // A partial class and a partial record of one name are two types (CS0261), with one name.
        var asClass = "namespace Demo { [ImageDsl.ImageModel] public partial class S { [ImageDsl.Labels] public bool A { get; init; } } }";
        var asRecord = "namespace Demo { [ImageDsl.ImageModel] public partial record S { [ImageDsl.Labels] public bool B { get; init; } } }";
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(asClass, asRecord, Digit, Reader("Demo.Other", "S")));

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        Assert.Equal(["Demo.Other.S.g.cs", "Demo.S-2.g.cs", "Demo.S.g.cs"], run.Result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }
}
