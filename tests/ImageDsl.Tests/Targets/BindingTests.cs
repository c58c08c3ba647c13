using ImageDsl.Binding;
using ImageDsl.Data;

namespace ImageDsl.Tests.Targets;

/// <summary>The generated binding reads every kind from CSV (vectors from several columns) and folders, and reports bad data precisely.</summary>
public class BindingTests
{
    [Fact]
    public void A_csv_row_becomes_the_typed_spec_and_its_encoding()
    {
        using var temp = new TemporaryDirectory();
        var manifest = FixtureData.WriteAllKinds(temp.Path, 6);

        var rows = DatasetReader.ReadCsv(AllKinds.Binding.Instance, manifest);
        var data = AllKinds.LoadDataset(temp.Path);

        Assert.Equal(6, rows.Count);
        var row = rows[2]; // i = 2: cat, ok, Even, Car;Tree, heading 74, depth 1020, box (2, 0, 6, 6)
        Assert.Equal("cat", row.Labels.Species);
        Assert.False(row.Labels.IsDefect);
        Assert.Equal(FixtureTags.Even, row.Labels.Tags);
        Assert.Equal(new HashSet<FixtureThing> { FixtureThing.Car, FixtureThing.Tree }, row.Labels.Things);
        Assert.Equal(74f, row.Labels.Heading);
        Assert.Equal(1020.0, row.Labels.Depth);
        Assert.Equal([2f, 0f, 8f, 6f], row.Labels.Corners);
        Assert.Equal(new FixturePoint(5, 3), row.Labels.Center);
        Assert.Equal(new BoundingBox(2, 0, 6, 6), row.Labels.Box);
        Assert.Equal("DOG", File.ReadAllLines(manifest)[2].Split(',')[1]);
        Assert.Equal("dog", rows[1].Labels.Species); // matched ignoring case, stored as declared
        Assert.Equal(FixtureTags.Big | FixtureTags.Even, rows[0].Labels.Tags & (FixtureTags.Big | FixtureTags.Even));

        // species, defect, 3 tags, 3 things, heading, depth, 4 corners, 2 center, 4 box
        Assert.Equal(1 + 1 + 3 + 3 + 1 + 1 + 4 + 2 + 4, AllKinds.Spec.EncodedWidth);
        Assert.Equal([0f, 0f, 1f, 0f, 0f, 0f, 1f, 1f, 74f, 1020f, 2f, 0f, 8f, 6f, 5f, 3f, 2f, 0f, 6f, 6f], data.Samples[2].Targets);
    }

    [Fact]
    public void Every_bad_cell_and_missing_column_is_reported_with_file_line_and_column()
    {
        using var temp = new TemporaryDirectory();
        var manifest = FixtureData.WriteAllKinds(temp.Path, 3);
        var lines = File.ReadAllLines(manifest);
        lines[1] = lines[1].Replace(",cat,", ",cow,");                      // line 2: not a label
        var cells = lines[2].Split(',');
        cells[6] = "deep";                                                   // line 3: Depth not a number
        cells[13] = "99";                                                    // line 3: box x outside [0, 16]
        cells[3] = "Even|Odd";                                               // line 3: not a tag
        lines[2] = string.Join(",", cells);
        File.WriteAllLines(manifest, lines);

        var error = Assert.Throws<DatasetException>(() => AllKinds.LoadCsv(manifest));

        Assert.Contains(error.Problems, p => p.Line == 2 && p.Column == "Species" && p.Message.Contains("'cow' is not a label of Species; expected one of cat, dog"));
        Assert.Contains(error.Problems, p => p.Line == 3 && p.Column == "Depth" && p.Message.Contains("'deep' is not a number"));
        Assert.Contains(error.Problems, p => p.Line == 3 && p.Column == "x" && p.Message.Contains("99 is outside Box.X's declared range [0, 16]"));
        Assert.Contains(error.Problems, p => p.Line == 3 && p.Column == "Tags" && p.Message.Contains("'Odd' is not a label of Tags"));
        Assert.All(error.Problems, p => Assert.Equal(manifest, p.File));
        Assert.Contains("labels.csv(2), column 'Species'", error.Message);

        File.WriteAllLines(manifest, [lines[0].Replace(",cy,", ",centre_y,"), lines[1]]);
        var missing = Assert.Throws<DatasetException>(() => AllKinds.LoadCsv(manifest));
        var problem = Assert.Single(missing.Problems);
        Assert.Equal((1, "cy"), (problem.Line!.Value, problem.Column));
        Assert.Contains("missing column 'cy'", problem.Message);
    }

    [Fact]
    public void A_bool_target_reads_folders_named_after_its_labels()
    {
        using var temp = new TemporaryDirectory();
        FixtureData.WriteAllKinds(Path.Combine(temp.Path, "src"), 4);
        foreach (var (folder, index) in new[] { ("ok", 0), ("defect", 1), ("Defect", 2) })
        {
            Directory.CreateDirectory(Path.Combine(temp.Path, "data", folder));
            File.Copy(Path.Combine(temp.Path, "src", "images", $"{index:000}.png"), Path.Combine(temp.Path, "data", folder, "a.png"));
        }

        var rows = DatasetReader.ReadFolders(DefectFolders.Binding.Instance, Path.Combine(temp.Path, "data"));

        Assert.Equal([true, true, false], rows.Select(r => r.Labels.IsDefect));
        Directory.CreateDirectory(Path.Combine(temp.Path, "data", "maybe"));
        var error = Assert.Throws<DatasetException>(() => DefectFolders.LoadDataset(Path.Combine(temp.Path, "data")));
        Assert.Contains("'maybe' is not a value of IsDefect; expected defect or ok", error.Message);
    }

    [Fact]
    public void A_spec_without_a_single_label_target_needs_a_manifest()
    {
        using var temp = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "cat"));

        var error = Assert.Throws<DatasetException>(() => AllKinds.LoadDataset(temp.Path));

        Assert.Contains("needs a labels.csv manifest with the columns file, Species, IsDefect", error.Message);
    }
}
