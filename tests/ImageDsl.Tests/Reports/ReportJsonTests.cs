using System.Text.Json.Nodes;
using ImageDsl.Evaluation;
using static ImageDsl.Tests.Reports.ReportFixtures;

namespace ImageDsl.Tests.Reports;

/// <summary>report.json is read by scripts: its field names are a contract, checked here name by name.</summary>
public class ReportJsonTests
{
    private static JsonNode Parse(EvaluationResult result, Training.TrainingHistory? history = null)
    {
        using var temp = new TemporaryDirectory();
        result.WriteReport(temp.Path, history, new ImageDsl.Reports.ReportOptions { Plots = false });
        return JsonNode.Parse(File.ReadAllText(temp.File("report.json")))!;
    }

    private static string[] Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).ToArray();

    [Fact]
    public void Top_level_fields_are_stable()
    {
        var json = Parse(Result(Digits(), Rotation()), History());

        Assert.Equal(["schemaVersion", "model", "dataset", "count", "loss", "evaluatedAt", "imageDslVersion", "undefinedReasons", "training", "summary", "targets", "files", "warnings"],
            Keys(json));
        Assert.Equal(2, (int)json["schemaVersion"]!);
        // The overall table of a multi-task model: kind and headline metrics per target (kind defaults without a spec).
        Assert.Equal(["labels", "range"], json["summary"]!.AsArray().Select(t => (string)t!["kind"]!));
        Assert.Equal(["accuracy", "f1"], Keys(json["summary"]![0]!["headline"]!));
        Assert.Equal("Tests.Model", (string)json["model"]!);
        Assert.Equal("test-data", (string)json["dataset"]!);
        Assert.Equal(200, (int)json["count"]!);
        Assert.Equal(0.25, (double)json["loss"]!);
        Assert.Equal("2026-01-02T03:04:05Z", (string)json["evaluatedAt"]!);
        Assert.Equal("report.md", (string)json["files"]!["markdown"]!);
        Assert.Null(json["files"]!["loss"]); // plots were off
        Assert.Equal(8, json["training"]!["epochs"]!.AsArray().Count);
        Assert.Equal(["epoch", "trainingLoss", "validationLoss", "imagesPerSecond", "durationSeconds"], Keys(json["training"]!["epochs"]![0]));
        Assert.Equal(6, (int)json["training"]!["bestValidationEpoch"]!);
    }

    [Fact]
    public void Classification_fields_are_stable()
    {
        var target = Digits();
        var json = Parse(Result(target))["targets"]![0]!;

        Assert.Equal(["name", "kind", "count", "labels", "values", "metrics", "undefinedReasons", "perClass", "confusionMatrix", "worstPredictions", "files"], Keys(json));
        Assert.Equal("labels", (string)json["kind"]!);
        Assert.Equal("probabilities", (string)json["values"]!);
        Assert.Equal(["accuracy", "balancedAccuracy", "logLoss", "rocAucMacro", "rocAucWeighted", "top3Accuracy",
            "precisionMacro", "precisionMicro", "precisionWeighted", "recallMacro", "recallMicro", "recallWeighted",
            "f1Macro", "f1Micro", "f1Weighted"], Keys(json["metrics"]));
        Assert.Equal(target.Metrics.Accuracy!.Value, (double)json["metrics"]!["accuracy"]!);
        Assert.Equal(["label", "precision", "recall", "f1", "support", "rocAuc", "averagePrecision", "undefinedReasons"], Keys(json["perClass"]![0]));
        Assert.Equal("Zero", (string)json["perClass"]![0]!["label"]!);
        Assert.Equal(target.Metrics.ConfusionMatrix[3, 5], (long)json["confusionMatrix"]!["counts"]![3]![5]!);
        Assert.Equal(["image", "actual", "predicted", "confidence", "actualProbability"], Keys(json["worstPredictions"]![0]));
        Assert.Equal("Digit-predictions.csv", (string)json["files"]!["predictions"]!);
    }

    [Fact]
    public void Regression_fields_are_stable()
    {
        var target = Rotation();
        var json = Parse(Result(target))["targets"]![0]!;

        Assert.Equal(["name", "kind", "count", "unit", "metrics", "undefinedReasons", "tolerance", "worstPredictions", "files"], Keys(json));
        Assert.Equal("range", (string)json["kind"]!);
        Assert.Equal("degrees", (string)json["unit"]!);
        Assert.Equal(["mae", "mse", "rmse", "r2", "explainedVariance", "medianAbsoluteError", "maxError", "withinToleranceShare"], Keys(json["metrics"]));
        Assert.Equal(target.Metrics.Mae!.Value, (double)json["metrics"]!["mae"]!);
        Assert.Equal(["image", "actual", "predicted", "error"], Keys(json["worstPredictions"]![0]));
    }

    [Fact]
    public void A_class_never_present_makes_roc_auc_null_with_its_reason()
    {
        // Class "c" never occurs in the truth: its one-vs-rest ROC AUC, and so the macro average, is undefined.
        var target = Classification("T", ["a", "b", "c"], [Sample(0, 0, 0.8f, 3), Sample(1, 1, 0.7f, 3), Sample(0, 2, 0.5f, 3), Sample(1, 0, 0.6f, 3)]);
        var json = Parse(Result(target))["targets"]![0]!;

        Assert.True(json["metrics"]!.AsObject().ContainsKey("rocAucMacro"));
        Assert.Null(json["metrics"]!["rocAucMacro"]);
        Assert.Contains("'c'", (string)json["undefinedReasons"]!["rocAucMacro"]!);
        Assert.Null(json["metrics"]!["top3Accuracy"]); // 3 classes: top-3 is meaningless
        Assert.False(string.IsNullOrWhiteSpace((string?)json["undefinedReasons"]!["top3Accuracy"]));

        var c = json["perClass"]![2]!;
        Assert.Null(c["rocAuc"]);
        Assert.Null(c["averagePrecision"]);
        Assert.Contains("never occurs in the truth", (string)c["undefinedReasons"]!["rocAuc"]!);
        Assert.Contains("never occurs in the truth", (string)c["undefinedReasons"]!["averagePrecision"]!);
        Assert.NotNull(json["perClass"]![0]!["rocAuc"]);
        Assert.Empty(json["perClass"]![0]!["undefinedReasons"]!.AsObject());
    }

    [Fact]
    public void Every_null_metric_anywhere_has_a_reason_beside_it()
    {
        var sparse = Classification("T", ["a", "b", "c"], [Sample(0, 0, 0.8f, 3), Sample(0, 1, 0.7f, 3)]);
        var single = Regression("R", null, [new RegressionSample("x.png", 1, 2)]);
        var json = Parse(Result(sparse, single) with { Loss = double.NaN });

        int checkedNulls = 0;
        void Check(JsonObject scope, string metricsKey)
        {
            var values = metricsKey.Length == 0 ? scope : scope[metricsKey]!.AsObject();
            var reasons = scope["undefinedReasons"]!.AsObject();
            foreach (var (name, value) in values)
                if (value is null && name is not "training" and not "files" and not "unit" and not "tolerance")
                {
                    Assert.False(string.IsNullOrWhiteSpace((string?)reasons[name]), $"{name} is null without a reason");
                    checkedNulls++;
                }
        }
        Check(json.AsObject(), "");
        foreach (var target in json["targets"]!.AsArray())
        {
            Check(target!.AsObject(), "metrics");
            foreach (var cls in target["perClass"]?.AsArray() ?? []) Check(cls!.AsObject(), "");
        }

        Assert.Null(json["loss"]);
        Assert.True(checkedNulls >= 8, $"only {checkedNulls} nulls seen; the fixture should produce more");
    }

    [Fact]
    public void ToJson_is_the_report_without_file_references()
    {
        var json = JsonNode.Parse(Result(Digits()).ToJson())!;

        Assert.Equal(2, (int)json["schemaVersion"]!);
        Assert.False(json.AsObject().ContainsKey("files"));
        Assert.False(json["targets"]![0]!.AsObject().ContainsKey("files"));
    }

    [Fact]
    public void Text_is_not_escaped_beyond_what_json_requires()
    {
        var target = Regression("Tilt", "°", [new RegressionSample("a+b.png", 1, 2), new RegressionSample("c.png", 2, 2)]);

        var text = Result(target).ToJson();

        Assert.Contains("\"unit\": \"°\"", text);
        Assert.Contains("a+b.png", text);
    }
}
