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
        [ImageModel(Width = 64, Height = 64)]
        public partial class RotationEstimator
        {
            /// <summary>The rotation.</summary>
            [Range(-45, 45, Unit = "degrees")] public float Angle { get; init; }
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
            [Range(1e-5, 250.5, Unit = "µm \"wide\" \\ C:\\temp\n<b>&", Loss = RegressionLoss.Huber, HuberDelta = 0.25, Column = "size", LossWeight = 0.5)]
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

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [nameof(SingleLabel)] = SingleLabel,
        [nameof(SingleRange)] = SingleRange,
        [nameof(Mixed)] = Mixed,
        [nameof(GlobalNamespace)] = GlobalNamespace,
        [nameof(Nested)] = Nested,
        [nameof(KeywordNames)] = KeywordNames,
    };
}
