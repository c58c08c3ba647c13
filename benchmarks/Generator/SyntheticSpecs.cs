namespace ImageDsl.Benchmarks.Generator;

/// <summary>
/// A project of specs of mixed kinds, as source text: one file per spec, five shapes in turn
/// (multi-class with augmentation, binary with a range and a value, multi-label flags and set,
/// periodic with an image rotation, vectors, points and a box), plus unrelated files.
/// </summary>
internal static class SyntheticSpecs
{
    /// <summary>The source of an ordinary class that is not a spec, whose method body the benchmark edits.</summary>
    public const string Unrelated = """
        namespace Bench.Other;

        public static class Helper
        {
            public static int Compute(int x) { return x + 1; }
        }
        """;

    public const string Shared = """
        using System;
        using System.Collections.Generic;
        namespace Bench;

        public enum Digit { Zero, One, Two, Three, Four, Five, Six, Seven, Eight, Nine }

        [Flags] public enum Marks { Spots = 1, Stripes = 2, Patches = 4, Dots = 8 }

        public enum Kind { A, B, C }

        public readonly record struct Point(float X, float Y);

        public sealed class Offset
        {
            public required float Dx { get; init; }
            public required float Dy { get; init; }
        }
        """;

    /// <summary>The source file of spec number <paramref name="i"/>.</summary>
    public static string Spec(int i) => (i % 5) switch
    {
        0 => $$"""
            using ImageDsl;
            namespace Bench.Specs{{i}};

            [ImageModel(Width = 28, Height = 28, Channels = 1, Backbone = Backbone.CoordCnn)]
            [Augment(Shift = 2, Rotation = 10, Scale = 0.1, Brightness = 0.1)]
            public partial class Classifier{{i}}
            {
                [Labels(LabelSmoothing = 0.1, Metrics = Metric.Accuracy | Metric.F1)] public Bench.Digit Digit { get; init; }
            }
            """,
        1 => $$"""
            using ImageDsl;
            namespace Bench.Specs{{i}};

            [ImageModel(Width = 64, Height = 48)]
            internal partial class Inspector{{i}}
            {
                [Labels("ok", "defect", Threshold = 0.7, PositiveWeight = 2)] public bool IsDefect { get; init; }
                [Range(0, 100, Unit = "mm", Tolerance = 5)] public float Size { get; init; }
                [Value(Unit = "g", Loss = LossFunction.Huber)] public double Weight { get; init; }
            }
            """,
        2 => $$"""
            using System.Collections.Generic;
            using ImageDsl;
            namespace Bench.Specs{{i}};

            [ImageModel(Width = 32, Height = 32, Backbone = Backbone.PlainCnn, BackboneBlocks = 4)]
            public partial class Tagger{{i}}
            {
                [Labels(Thresholds = [0.4, 0.5, 0.5, 0.6])] public Bench.Marks Marks { get; init; }
                [Labels] public IReadOnlySet<Bench.Kind> Kinds { get; init; } = new HashSet<Bench.Kind>();
                [Labels("cat", "dog", "bird")] public string Animal { get; init; } = "cat";
            }
            """,
        3 => $$"""
            using ImageDsl;
            namespace Bench.Specs{{i}};

            [ImageModel(Width = 64, Height = 64)]
            [Augment(Rotation = 30, FlipHorizontal = true)]
            public sealed partial record Compass{{i}}
            {
                [Range(0, 360, Periodic = true, Unit = "degrees", ImageRotation = RotationSense.CounterClockwise)] public float Heading { get; init; }
                [Labels] public Bench.Kind Kind { get; init; }
            }
            """,
        _ => $$"""
            using ImageDsl;
            namespace Bench.Specs{{i}};

            public partial class Outer{{i}}
            {
                [ImageModel(Width = 64, Height = 64)]
                public partial class Locator{{i}}
                {
                    [Vector(Points = true)] public Bench.Point Center { get; init; }
                    [Box(BoxFormat.XYXY, Min = 0, Max = 64, Columns = ["x1", "y1", "x2", "y2"])] public BoundingBox Box { get; init; }
                    [Vector(Length = 3, Columns = ["a", "b", "c"])] public float[] Embedding { get; init; } = [];
                    [Vector(Columns = ["dx", "dy"])] public required Bench.Offset Offset { get; init; }
                }
            }
            """,
    };
}
