using ImageDsl.Data;
using ImageDsl.Specs;

namespace ImageDsl.Tests.Data;

public class DatasetReaderTests
{
    [Fact]
    public void Folder_per_class_maps_folder_names_to_label_indices_through_aliases()
    {
        var data = ImageDataset.Load(TestSpecs.Digits(), RepositoryPaths.BundledData("digits", "train"));

        Assert.Equal(1000, data.Count);
        Assert.All(data.Samples, s => Assert.Equal(int.Parse(Path.GetFileName(Path.GetDirectoryName(s.Path))!), (int)s.Targets[0]));
        Assert.Equal(Enumerable.Range(0, 10), data.Samples.Select(s => (int)s.Targets[0]).Distinct().Order());
    }

    [Fact]
    public void Csv_manifest_reads_values_in_user_units()
    {
        var data = ImageDataset.Load(TestSpecs.Rotation(), RepositoryPaths.BundledData("rotation", "test"));

        Assert.Equal(200, data.Count);
        var firstRow = File.ReadLines(RepositoryPaths.BundledData("rotation", "test", "labels.csv")).Skip(1).First().Split(',');
        Assert.EndsWith(firstRow[0].Replace('/', Path.DirectorySeparatorChar), data.Samples[0].Path);
        Assert.Equal(float.Parse(firstRow[1], System.Globalization.CultureInfo.InvariantCulture), data.Samples[0].Targets[0]);
    }

    [Fact]
    public void Folder_names_that_are_not_labels_are_all_reported()
    {
        using var temp = new TemporaryDirectory();
        foreach (var name in new[] { "3", "Seven", "cat", "dog" }) Directory.CreateDirectory(Path.Combine(temp.Path, name));

        var error = Assert.Throws<DatasetException>(() => ImageDataset.FromFolders(TestSpecs.Digits(), temp.Path));

        Assert.Equal(["cat", "dog"], error.Problems.Select(p => Path.GetFileName(p.File)).Order());
        Assert.Contains("'cat' is not a label of Digit", error.Message);
    }

    [Fact]
    public void Csv_problems_are_all_reported_with_line_and_column()
    {
        using var temp = new TemporaryDirectory();
        File.Copy(Directory.GetFiles(RepositoryPaths.BundledData("digits", "test", "0"))[0], temp.File("a.png"));
        File.WriteAllLines(temp.File("labels.csv"),
        [
            "file,angle",
            "a.png,10.5",      // line 2: fine
            "a.png,ninety",    // line 3: not a number
            "a.png,60",        // line 4: outside [-45, 45]
            "missing.png,1",   // line 5: no such image
            "a.png",           // line 6: too few fields
        ]);

        var error = Assert.Throws<DatasetException>(() => ImageDataset.FromCsv(TestSpecs.Rotation(), temp.File("labels.csv")));

        Assert.Equal([3, 4, 5, 6], error.Problems.Select(p => p.Line!.Value));
        Assert.Equal("angle", error.Problems[0].Column);
        Assert.Contains("'ninety' is not a number", error.Problems[0].Message);
        Assert.Contains("outside Angle's declared range [-45, 45]", error.Problems[1].Message);
        Assert.Equal("file", error.Problems[2].Column);
        Assert.Contains("labels.csv(3), column 'angle'", error.Message);
    }

    [Fact]
    public void Csv_without_a_target_column_names_the_column_and_the_header()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllLines(temp.File("labels.csv"), ["file,degrees", "a.png,1"]);

        var error = Assert.Throws<DatasetException>(() => ImageDataset.FromCsv(TestSpecs.Rotation(), temp.File("labels.csv")));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("Angle", 1), (problem.Column, problem.Line!.Value));
        Assert.Contains("header: file,degrees", problem.Message);
    }

    [Fact]
    public void Quoted_csv_fields_may_hold_commas_and_quotes()
    {
        var rows = CsvReader.Read(new StringReader("file,label\n\"a,b.png\",\"say \"\"hi\"\"\"\n\nc.png,x\n")).ToArray();

        Assert.Equal([1, 2, 4], rows.Select(r => r.Line));
        Assert.Equal(["a,b.png", "say \"hi\""], rows[1].Fields);
    }

    [Fact]
    public void A_missing_dataset_folder_is_named_in_the_error()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => ImageDataset.Load(TestSpecs.Digits(), "/no/such/folder"));
        Assert.Contains("/no/such/folder", error.Message);
    }

    [Fact]
    public void Seeded_split_is_disjoint_complete_and_repeatable()
    {
        var data = ImageDataset.Load(TestSpecs.Digits(), RepositoryPaths.BundledData("digits", "test"));

        var (a, b) = data.Split(0.25, seed: 3);
        var (c, _) = data.Split(0.25, seed: 3);

        Assert.Equal((150, 50), (a.Count, b.Count));
        Assert.Empty(a.Samples.Select(s => s.Path).Intersect(b.Samples.Select(s => s.Path)));
        Assert.Equal(a.Samples.Select(s => s.Path), c.Samples.Select(s => s.Path));
    }
}
