using ImageDsl.Generators.Emitting;
using ImageDsl.Generators.Model;
using ImageDsl.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImageDsl.Generators;

/// <summary>
/// Generates the model of every class marked <c>[ImageDsl.ImageModel]</c>: the spec, typed
/// prediction and evaluation, the TorchSharp network and the trainable <c>Model</c>. A spec that
/// breaks a rule gets no code; <see cref="Analyzers.ImageModelAnalyzer"/> says why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ImageModelGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
    public static class TrackingNames
    {
        /// <summary>Each [ImageModel] class parsed into a model, or null if invalid.</summary>
        public const string Parse = "ImageDsl.Parse";

        /// <summary>The valid models only: what is emitted.</summary>
        public const string ValidSpecs = "ImageDsl.ValidSpecs";

        /// <summary>Each valid model with its hint name, unique among all of them.</summary>
        public const string Files = "ImageDsl.Files";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeNames.ImageModelAttributeMetadataName,
                predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (context, cancellation) => Parse(context, cancellation))
            .WithTrackingName(TrackingNames.Parse)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ValidSpecs);

        // The names are made unique over all specs at once; an edit inside one spec still
        // changes only its own file (the files are compared one by one).
        var files = specs
            .Collect()
            .SelectMany(static (all, _) => HintNames.Assign(all))
            .WithTrackingName(TrackingNames.Files);

        context.RegisterSourceOutput(files, static (output, file) => output.AddSource(file.HintName, SpecEmitter.Emit(file.Spec)));
    }

    private static SpecModel? Parse(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellation) =>
        context.TargetSymbol is INamedTypeSymbol type && context.Attributes.Length == 1
            ? SpecParser.Parse(type, context.Attributes[0], report: null, cancellation)
            : null;
}
