namespace ImageDsl.Tests.Generator;

/// <summary>The generated file of each representative spec, compared with its baseline and compiled.</summary>
public class SnapshotTests
{
    public static TheoryData<string> Specs => new(SpecSources.All.Keys);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_matches_the_baseline(string name)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(SpecSources.All[name]));

        Assert.Null(run.Result.Exception);
        var generated = Assert.Single(run.Result.GeneratedSources);
        Snapshot.Match(name, generated.SourceText.ToString());
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Generated_code_compiles_without_any_warning(string name)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(SpecSources.All[name]));

        Assert.Empty(GeneratorHarness.Problems(run.Diagnostics));
        var problems = GeneratorHarness.Problems(run.Output.GetDiagnostics());
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems) + "\n\n" + string.Join("\n", run.Sources));
        // The analyzer sees the generated members too, and must not take them for the user's.
        Assert.Empty(await GeneratorHarness.AnalyzeAsync(run.Output));
    }

    [Fact]
    public void Hint_names_are_namespace_and_type()
    {
        var hints = SpecSources.All.Values
            .Select(source => GeneratorHarness.Run(GeneratorHarness.Compile(source)).Result.GeneratedSources.Single().HintName)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            [
                "Demo.Augmented.PetLocator.g.cs",
                "Demo.Compass.CompassReader.g.cs",
                "Demo.DigitClassifier.g.cs",
                "Demo.Grading.DamageGrader.g.cs",
                "Demo.Inspection.DefectDetector.g.cs",
                "Demo.Locator.DigitLocator.g.cs",
                "Demo.Nesting.Feature.Specs.LidCheck.g.cs",
                "Demo.Parts.PartInspector.g.cs",
                "Demo.Pets.PetClassifier.g.cs",
                "Demo.Pose.PoseEstimator.g.cs",
                "Demo.Restricted.Grader.g.cs",
                "Demo.Rotation.RotationEstimator.g.cs",
                "Demo.Scenes.SceneTagger.g.cs",
                "Demo.Tags.DigitTagger.g.cs",
                "Demo.class.public.g.cs",
                "WeatherClassifier.g.cs",
            ],
            hints);
    }

    [Fact]
    public void All_specs_in_one_compilation_generate_one_file_each()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile([.. SpecSources.All.Values]));

        Assert.Null(run.Result.Exception);
        Assert.Equal(SpecSources.All.Count, run.Result.GeneratedSources.Length);
        Assert.Empty(GeneratorHarness.Problems(run.Output.GetDiagnostics()));
    }
}
