namespace ImageDsl.Tests.Generator;

/// <summary>Representative specs, as a user writes them. Public types carry docs: the tests compile with CS1591 on.</summary>
internal static class SpecSources
{
    public const string SingleLabel = """
        using ImageDsl;

        namespace Demo;

        /// <summary>A handwritten digit.</summary>
        #pragma warning disable CS1591 // enum members: test input, not generated code
        public enum Digit { Zero, One, Two, Three, Four, Five, Six, Seven, Eight, Nine }
        #pragma warning restore CS1591

        /// <summary>Reads digits.</summary>
        [ImageModel(Width = 28, Height = 28, Channels = 1)]
        public partial class DigitClassifier
        {
            /// <summary>The digit shown.</summary>
            [Labels] public Digit Digit { get; init; }
        }
        """;

    public const string SingleRange = """
        using ImageDsl;

        namespace Demo.Rotation;

        /// <summary>Estimates how far a photo is rotated.</summary>
        [ImageModel(Width = 64, Height = 64, Backbone = Backbone.PlainCnn, BackboneBlocks = 4, BackboneWidth = 16)]
        public partial class RotationEstimator
        {
            /// <summary>The rotation.</summary>
            [Range(-45, 45, Unit = "degrees", Tolerance = 10)] public float Angle { get; init; }
        }
        """;

    /// <summary>Two targets, every named argument, enum values that are not 0..n-1, a unit that is hard to quote, an exponent.</summary>
    public const string Mixed = """
        using ImageDsl;

        namespace Demo.Parts;

        /// <summary>The shape of a part.</summary>
        #pragma warning disable CS1591 // enum members: test input, not generated code
        public enum Shape : short { Circle = 1, Square = 4, Triangle = -2 }
        #pragma warning restore CS1591

        /// <summary>Inspects parts.</summary>
        [ImageModel(Width = 96, Height = 48, Channels = 3, Backbone = Backbone.SmallCnn)]
        internal sealed partial class PartInspector
        {
            /// <summary>The part's shape.</summary>
            [Labels(Column = "shape kind", LossWeight = 2, LabelSmoothing = 0.1)]
            public Shape Shape { get; set; }

            /// <summary>The part's size.</summary>
            [Range(1e-5, 250.5, Unit = "µm \"wide\" \\ C:\\temp\n<b>&", Loss = LossFunction.Huber, HuberDelta = 0.25, Column = "size", LossWeight = 0.5)]
            public double Size { get; set; }

            /// <summary>Not a target.</summary>
            public string? Comment { get; set; }
        }
        """;

    public const string GlobalNamespace = """
        using ImageDsl;

        /// <summary>Weather in a sky photo.</summary>
        #pragma warning disable CS1591 // enum members: test input, not generated code
        public enum Weather { Sunny, Cloudy, Rainy }
        #pragma warning restore CS1591

        /// <summary>Classifies the weather.</summary>
        [ImageModel]
        public partial class WeatherClassifier
        {
            /// <summary>The weather.</summary>
            [Labels] public Weather Weather { get; init; }
        }
        """;

    public const string Nested = """
        using ImageDsl;

        namespace Demo.Nesting;

        /// <summary>Holds the specs of a feature.</summary>
        public static partial class Feature
        {
            /// <summary>Grouping of specs.</summary>
            public partial struct Specs
            {
                /// <summary>Is the lid on?</summary>
                #pragma warning disable CS1591 // enum members: test input, not generated code
                public enum Lid { Off, On }
                #pragma warning restore CS1591

                /// <summary>Checks lids.</summary>
                [ImageModel(Width = 8, Height = 4096, Channels = 1)]
                public partial class LidCheck
                {
                    /// <summary>The lid.</summary>
                    [Labels] public Lid Lid { get; init; }
                }
            }
        }
        """;

    /// <summary>A positional record whose names are keywords or TorchSharp member names, so the generator must escape and rename.</summary>
    public const string KeywordNames = """
        using ImageDsl;

        namespace Demo.@class;

        /// <summary>Kinds, with keyword names.</summary>
        #pragma warning disable CS1591 // enum members: test input, not generated code
        public enum Kind { @int, @string, @event }
        #pragma warning restore CS1591

        /// <summary>A record spec.</summary>
        /// <param name="event">The kind.</param>
        /// <param name="Name">Called name: a TorchSharp Module member once camel-cased.</param>
        /// <param name="Compute">Its loss field would be ComputeLoss, which Model already has.</param>
        [ImageModel(Width = 32, Height = 32)]
        public partial record @public(
            [property: Labels] Kind @event,
            [property: Range(0, 1)] double Name,
            [property: Range(0, 1)] float Compute);
        """;

    /// <summary>A string target with its labels listed, class weights and label smoothing.</summary>
    public const string StringLabels = """
        using ImageDsl;

        namespace Demo.Pets;

        /// <summary>Which pet a photo shows.</summary>
        [ImageModel(Width = 64, Height = 64)]
        public partial class PetClassifier
        {
            /// <summary>The species.</summary>
            [Labels("cat", "dog", "bird", ClassWeights = new[] { 1.0, 1.0, 2.5 }, LabelSmoothing = 0.05, Metrics = Metric.Accuracy | Metric.BalancedAccuracy)]
            public string Species { get; set; } = "cat";
        }
        """;

    /// <summary>A bool target with named labels, a threshold and a positive weight.</summary>
    public const string Binary = """
        using ImageDsl;

        namespace Demo.Inspection;

        /// <summary>Finds defects.</summary>
        [ImageModel(Width = 32, Height = 32, Channels = 1)]
        public partial class DefectDetector
        {
            /// <summary>Whether the part is defective.</summary>
            [Labels("ok", "defect", Threshold = 0.7, PositiveWeight = 3)]
            public bool IsDefect { get; init; }
        }
        """;

    /// <summary>A [Flags] enum target: multi-label, one threshold per label.</summary>
    public const string FlagsLabels = """
        using System;
        using ImageDsl;

        namespace Demo.Tags;

        /// <summary>Properties of a digit.</summary>
        #pragma warning disable CS1591 // enum members: test input, not generated code
        [Flags] public enum DigitTags { Even = 1, GreaterThanFour = 2, HasLoop = 4 }
        #pragma warning restore CS1591

        /// <summary>Tags digits.</summary>
        [ImageModel(Width = 28, Height = 28, Channels = 1)]
        public partial class DigitTagger
        {
            /// <summary>The tags.</summary>
            [Labels(Thresholds = new[] { 0.5, 0.4, 0.6 })] public DigitTags Tags { get; init; }
        }
        """;

    /// <summary>A set of an enum: multi-label, with per-label positive weights.</summary>
    public const string SetLabels = """
        using System.Collections.Generic;
        using ImageDsl;

        namespace Demo.Scenes;

        /// <summary>Things in a scene.</summary>
        #pragma warning disable CS1591 // enum members: test input, not generated code
        public enum Thing { Person, Car, Tree }
        #pragma warning restore CS1591

        /// <summary>Tags scenes.</summary>
        [ImageModel(Width = 64, Height = 48)]
        public partial class SceneTagger
        {
            /// <summary>What is in the scene.</summary>
            [Labels(PositiveWeights = new[] { 1.0, 2.0, 0.5 }, Column = "things")]
            public IReadOnlySet<Thing> Things { get; init; } = new HashSet<Thing>();
        }
        """;

    /// <summary>A periodic angle and an unbounded value with a Huber loss.</summary>
    public const string PeriodicAndValue = """
        using ImageDsl;

        namespace Demo.Compass;

        /// <summary>Reads a compass.</summary>
        [ImageModel(Width = 32, Height = 32)]
        public partial class CompassReader
        {
            /// <summary>Where the needle points.</summary>
            [Range(0, 360, Periodic = true, Unit = "degrees")] public float Heading { get; init; }

            /// <summary>How deep the photo was taken.</summary>
            [Value(Unit = "m", Loss = LossFunction.Huber, HuberDelta = 0.5)] public double Depth { get; init; }
        }
        """;

    /// <summary>Vectors: a fixed-length array, a record struct, and a class with settable members.</summary>
    public const string Vectors = """
        using ImageDsl;

        namespace Demo.Pose;

        /// <summary>Where someone looks.</summary>
        /// <param name="Yaw">Left-right.</param>
        /// <param name="Pitch">Up-down.</param>
        public readonly record struct Gaze(float Yaw, double Pitch);

        /// <summary>A light's colour.</summary>
        public sealed class Rgb
        {
            /// <summary>Red.</summary>
            public float R { get; set; }
            /// <summary>Green.</summary>
            public float G { get; set; }
            /// <summary>Blue.</summary>
            public float B { get; set; }
        }

        /// <summary>Estimates a pose.</summary>
        [ImageModel(Width = 64, Height = 64)]
        public partial class PoseEstimator
        {
            /// <summary>Five (x, y) keypoints.</summary>
            [Vector(Length = 10, Min = 0, Max = 64, Unit = "px")] public float[] Keypoints { get; init; } = new float[10];

            /// <summary>The gaze.</summary>
            [Vector(Columns = new[] { "yaw", "pitch" }, Loss = LossFunction.MeanAbsoluteError)] public Gaze Gaze { get; init; }

            /// <summary>The light.</summary>
            [Vector(Length = 3)] public Rgb Light { get; init; } = new();
        }
        """;

    /// <summary>The DigitLocator task: a class and its bounding box, with per-target loss weights.</summary>
    public const string ClassAndBox = """
        using ImageDsl;

        namespace Demo.Locator;

        /// <summary>A digit.</summary>
        #pragma warning disable CS1591 // enum members: test input, not generated code
        public enum Digit { Zero, One, Two, Three, Four, Five, Six, Seven, Eight, Nine }
        #pragma warning restore CS1591

        /// <summary>Finds and reads a digit.</summary>
        [ImageModel(Width = 64, Height = 64, Channels = 1)]
        public partial class DigitLocator
        {
            /// <summary>Which digit.</summary>
            [Labels(Column = "digit")] public Digit Digit { get; init; }

            /// <summary>Where it is.</summary>
            [Box(BoxFormat.XYWH, Min = 0, Max = 64, LossWeight = 2, Metrics = Metric.MeanIoU)] public BoundingBox Box { get; init; }
        }
        """;

    /// <summary>A spec that declares its augmentation: every [Augment] value, a flip beside a box (boxes move with the image).</summary>
    public const string Augmented = """
        using ImageDsl;

        namespace Demo.Augmented;

        /// <summary>An animal.</summary>
        #pragma warning disable CS1591 // enum members: test input, not generated code
        public enum Animal { Cat, Dog }
        #pragma warning restore CS1591

        /// <summary>Finds pets.</summary>
        [ImageModel(Width = 64, Height = 64, Backbone = Backbone.CoordCnn)]
        [Augment(Shift = 4, Rotation = 12.5, Scale = 0.1, FlipHorizontal = true, Brightness = 0.2, Contrast = 0.15, Noise = 0.02)]
        public partial class PetLocator
        {
            /// <summary>Which pet.</summary>
            [Labels] public Animal Animal { get; init; }

            /// <summary>Where it is.</summary>
            [Box(BoxFormat.XYWH, Min = 0, Max = 64)] public BoundingBox Box { get; init; }
        }
        """;

    /// <summary>Ordinal targets from an enum and an integer range, beside hinge-trained labels and a yes/no.</summary>
    public const string OrdinalAndHinge = """
        using ImageDsl;

        namespace Demo.Grading;

        /// <summary>How bad the damage is, least first.</summary>
        public enum Severity
        {
            /// <summary>No damage.</summary>
            None = 0,
            /// <summary>Cosmetic.</summary>
            Minor = 1,
            /// <summary>Needs a repair.</summary>
            Major = 2,
            /// <summary>Beyond repair.</summary>
            Total = 3,
        }

        /// <summary>A part.</summary>
        public enum Part
        {
            /// <summary>The hood.</summary>
            Hood,
            /// <summary>A door.</summary>
            Door,
            /// <summary>A wheel.</summary>
            Wheel,
        }

        /// <summary>Grades a photo.</summary>
        [ImageModel(Width = 32, Height = 32, Channels = 3)]
        public partial class DamageGrader
        {
            /// <summary>The damage.</summary>
            [Ordinal] public Severity Damage { get; init; }

            /// <summary>A grade from 1 to 5.</summary>
            [Ordinal(1, 5, Metrics = Metric.QuadraticKappa)] public int Grade { get; init; }

            /// <summary>Which part, scored with categorical hinge.</summary>
            [Labels(Loss = LossFunction.CategoricalHinge)] public Part Part { get; init; }

            /// <summary>Repairable, scored with hinge.</summary>
            [Labels(Loss = LossFunction.Hinge)] public bool Repairable { get; init; }
        }
        """;

    /// <summary>
    /// A public spec with an internal label enum (so internal shared types), a private vector, an
    /// obsolete label and an error-obsolete one (left out), and a target inherited from a base class.
    /// </summary>
    public const string Restricted = """
        using System;
        using ImageDsl;

        namespace Demo.Restricted;

        #pragma warning disable CS1591 // enum members: test input, not generated code
        /// <summary>A grade.</summary>
        internal enum Grade { Low, [Obsolete("Use Low.")] Lower, [Obsolete("Gone.", true)] Lowest, High }
        #pragma warning restore CS1591

        /// <summary>What every inspection reads.</summary>
        public abstract class Inspection
        {
            /// <summary>Whether it passed.</summary>
            [Labels("fail", "pass")] public bool Passed { get; init; }
        }

        /// <summary>Grades parts.</summary>
        [ImageModel(Width = 32, Height = 32)]
        public partial class Grader : Inspection
        {
            private readonly record struct Spot(float X, float Y);

            /// <summary>The grade.</summary>
            [Labels] internal Grade Grade { get; init; }

            [Vector] private Spot Where { get; init; }
        }
        """;

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [nameof(OrdinalAndHinge)] = OrdinalAndHinge,
        [nameof(SingleLabel)] = SingleLabel,
        [nameof(SingleRange)] = SingleRange,
        [nameof(Mixed)] = Mixed,
        [nameof(GlobalNamespace)] = GlobalNamespace,
        [nameof(Nested)] = Nested,
        [nameof(KeywordNames)] = KeywordNames,
        [nameof(StringLabels)] = StringLabels,
        [nameof(Binary)] = Binary,
        [nameof(FlagsLabels)] = FlagsLabels,
        [nameof(SetLabels)] = SetLabels,
        [nameof(PeriodicAndValue)] = PeriodicAndValue,
        [nameof(Vectors)] = Vectors,
        [nameof(ClassAndBox)] = ClassAndBox,
        [nameof(Augmented)] = Augmented,
        [nameof(Restricted)] = Restricted,
    };
}
