using System.Collections.Generic;
using ImageDsl.Generators.Emitting;
using ImageDsl.Generators.Parsing;

namespace ImageDsl.Generators.Model;

/// <summary>
/// One target property of a spec, as a kind's model: each kind is one subclass, in
/// <c>Model/Kinds/</c>, holding what the parser read and writing every piece of generated code
/// that depends on the kind. The emitter writes the frame and calls these members; it never
/// switches on the kind.
/// </summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column: the declared one, else the property name.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The <c>ImageDsl.Metric</c> members named by <c>Metrics = ...</c>; empty for the kind's defaults.</param>
internal abstract record TargetModel(string Name, string Column, double LossWeight, EquatableArray<string> Metrics)
{
    /// <summary>
    /// <c>public</c>, <c>internal</c> or <c>private</c>: how accessible a member of the spec class
    /// exposing this target's type (<c>XLabels</c>) may be; see <see cref="SpecModel.ExposedAccessibility"/>.
    /// </summary>
    public string TypeAccessibility { get; init; } = "public";

    /// <summary>
    /// How a doc comment's <c>cref</c> names the property when a base class declares it
    /// (<c>global::Demo.Base{T}.Name</c>: a cref does not find inherited members); null when the
    /// spec class declares it, and the name alone will do.
    /// </summary>
    public string? InheritedCref { get; init; }

    /// <summary>The property as a doc comment's <c>cref</c>.</summary>
    public string Cref => InheritedCref ?? SymbolText.Identifier(Name);

    /// <summary>The runtime <c>TargetSpec</c> of the target, as a C# expression over two lines (the frame adds the headline metrics).</summary>
    public abstract (string First, string Second) SpecExpression();

    /// <summary>The members the target adds to <c>Prediction</c>: name, XML doc and declaration, in order.</summary>
    public abstract IEnumerable<(string Name, string Doc, string Declaration)> PredictionParameters();

    /// <summary>The arguments of <c>Prediction</c>'s constructor for this target, read from <c>outputs</c> (a <c>PredictionOutputs</c>), the target being number <paramref name="index"/>.</summary>
    public abstract IEnumerable<string> PredictionArguments(int index);

    /// <summary>The property's value from the encoded floats <c>encoded</c>, this target's starting at <paramref name="offset"/>.</summary>
    public abstract string FromEncoded(int offset, int index);

    /// <summary>Writes statements storing <paramref name="value"/> (the property read from <c>labels</c>) into <c>encoded</c> from <paramref name="offset"/>.</summary>
    public abstract void WriteEncode(SourceWriter w, string value, int offset, int index);

    /// <summary>The typed evaluation of the target and what it is, for the <c>Evaluation</c> property's doc.</summary>
    public abstract (string Type, string What) Evaluation { get; }

    /// <summary>What the target's head outputs, for the network's doc: <c>10 logits</c>.</summary>
    public abstract string Outputs { get; }

    /// <summary>Floats the target takes in the encoded matrix (the runtime kind's <c>EncodedWidth</c>).</summary>
    public virtual int EncodedWidth => 1;

    /// <summary>The CSV columns the target is read from, in order.</summary>
    public virtual IReadOnlyList<string> CsvColumns => new[] { Column };

    /// <summary>True when one folder per value can hold its images (a spec of this one target can be read from folders).</summary>
    public virtual bool ReadsFolders => false;

    /// <summary>The names the target adds to the spec class (label arrays and lists), checked for clashes with the user's members.</summary>
    public virtual IEnumerable<string> SpecClassMembers => System.Array.Empty<string>();

    /// <summary>The names the target adds to <c>Prediction</c>, checked for clashes with other targets'.</summary>
    public IEnumerable<string> PredictionMembers => System.Linq.Enumerable.Select(PredictionParameters(), p => p.Name);

    /// <summary>The unit of a value that turning or mirroring the image would change (an angle not declared the image's own rotation); else null.</summary>
    public virtual string? AngleUnit => null;

    /// <summary>True when the values may be positions in the image that augmentation cannot move with it (a plain vector).</summary>
    public virtual bool IsUnmovablePosition => false;

    /// <summary>True when Mixup and CutMix can mix two images' values as soft targets (multi-class, multi-label and yes/no labels).</summary>
    public virtual bool MixesAsLabels => false;

    /// <summary>The label names a mirror could swap if they name a side (labels, a yes/no's names); none for other kinds.</summary>
    public virtual IEnumerable<string> LabelNames => System.Array.Empty<string>();

    /// <summary>Writes the target's own members of the spec class (label arrays and lists).</summary>
    public virtual void WriteSpecMembers(SourceWriter w)
    {
    }

    /// <summary>
    /// Writes the target's members of <c>ExplainTargets</c>: the numbers a heatmap can explain
    /// (<c>ImageDsl.Explanations.ExplainTarget</c>s). By default one property, the target's value;
    /// kinds with labels or components write one per label or component, dense kinds none.
    /// </summary>
    public virtual void WriteExplainTargets(SourceWriter w)
    {
        w.WriteLine($"/// <summary>The value of <c>{Literals.XmlText(Name)}</c>: a heatmap of it shows where the evidence that raises it lies.</summary>");
        w.WriteLine($"public static {TypeNames.ExplainTarget} {Code.Id(Name)} {{ get; }} = {TypeNames.ExplainTarget}.Value({Literals.String(Name)});");
    }

    /// <summary>A method of <c>ExplainTargets</c> taking one of the target's labels (an enum member, or a string label checked at run time).</summary>
    protected void WriteExplainLabel(SourceWriter w, string labelType, bool isString, IEnumerable<LabelModel> labels)
    {
        w.WriteLine($"/// <summary>The score of one label of <c>{Literals.XmlText(Name)}</c>: a heatmap of it shows where the evidence for that label lies.</summary>");
        w.WriteLine("/// <param name=\"label\">The label to explain.</param>");
        var id = Code.Id(Name);
        // A label type the spec keeps private (or protected) cannot be a parameter of a member of
        // the nested ExplainTargets class (CS0051): such a target is selected by its label's name.
        if (isString || TypeAccessibility is not (GeneratedAccessibility.Public or GeneratedAccessibility.Internal))
        {
            w.WriteLine($"public static {TypeNames.ExplainTarget} {id}(string label) => {TypeNames.ExplainTarget}.Score({Literals.String(Name)}, label);");
            return;
        }
        w.WriteLine($"{TypeAccessibility} static {TypeNames.ExplainTarget} {id}({labelType} label) => {TypeNames.ExplainTarget}.Score({Literals.String(Name)}, label switch");
        w.OpenBlock();
        foreach (var label in labels) w.WriteLine($"{Code.LabelValue(labelType, false, label)} => {Literals.String(label.Name)},");
        w.WriteLine($"_ => throw new {TypeNames.ArgumentOutOfRangeException}(nameof(label), label, {Literals.String($"Not a label of {Name}.")}),");
        w.CloseBlock(");");
    }

    /// <summary>Writes the target's own helpers in the <c>Binding</c> class (number <paramref name="index"/>).</summary>
    public virtual void WriteBindingHelpers(SourceWriter w, int index)
    {
    }
}
