using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImageDsl.Generators.Parsing;

/// <summary>
/// Reads one attribute's arguments defensively: code being typed has missing, misspelled and
/// mistyped arguments, and the compiler already reports those. A value that is present but of
/// the wrong kind makes <see cref="IsBroken"/> true instead of throwing.
/// </summary>
internal sealed class AttributeReader
{
    private readonly AttributeData attribute;
    private readonly CancellationToken cancellation;

    public AttributeReader(AttributeData attribute, CancellationToken cancellation)
    {
        this.attribute = attribute;
        this.cancellation = cancellation;
    }

    /// <summary>True once an argument had a value the compiler must already have rejected.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Where the whole attribute is written (<c>Range(1, 0)</c>).</summary>
    public Location Location => Syntax?.GetLocation() ?? Location.None;

    private AttributeSyntax? Syntax => attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) as AttributeSyntax;

    /// <summary>Where the named argument <paramref name="name"/> is written (<c>Width = 4</c>), else the attribute.</summary>
    public Location ArgumentLocation(string name)
    {
        if (Syntax?.ArgumentList is { } list)
            foreach (var argument in list.Arguments)
                if (argument.NameEquals?.Name.Identifier.ValueText == name) return argument.GetLocation();
        return Location;
    }

    /// <summary>The named argument's constant, if it was given.</summary>
    private TypedConstant? Named(string name)
    {
        foreach (var pair in attribute.NamedArguments)
            if (pair.Key == name) return pair.Value;
        return null;
    }

    public int Int(string name, int defaultValue)
    {
        if (Named(name) is not { } constant) return defaultValue;
        if (constant.Kind == TypedConstantKind.Primitive && constant.Value is int value) return value;
        IsBroken = true;
        return defaultValue;
    }

    public double Double(string name, double defaultValue)
    {
        if (Named(name) is not { } constant) return defaultValue;
        return ToDouble(constant) ?? Broken(defaultValue);
    }

    public string? String(string name)
    {
        if (Named(name) is not { } constant || constant.IsNull) return null;
        if (constant.Kind == TypedConstantKind.Primitive && constant.Value is string value) return value;
        IsBroken = true;
        return null;
    }

    /// <summary>An enum-typed named argument: the member it names, or its number if it names none; null if not given.</summary>
    public EnumArgument? Enum(string name)
    {
        if (Named(name) is not { } constant) return null;
        return ToEnum(constant) ?? Broken<EnumArgument?>(null);
    }

    private static EnumArgument? ToEnum(TypedConstant constant)
    {
        if (constant.Kind != TypedConstantKind.Enum || constant.Type is not INamedTypeSymbol type || constant.Value is null) return null;
        foreach (var member in type.GetMembers())
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant.Value))
                return new EnumArgument(field.Name, null, type);
        return new EnumArgument(null, SymbolText.Constant(constant.Value), type);
    }

    /// <summary>A named bool argument; false if not given.</summary>
    public bool Bool(string name)
    {
        if (Named(name) is not { } constant) return false;
        if (constant.Kind == TypedConstantKind.Primitive && constant.Value is bool value) return value;
        return Broken(false);
    }

    /// <summary>True when the attribute is applied with constructor arguments.</summary>
    public bool HasConstructorArguments => attribute.ConstructorArguments.Length > 0 || attribute.AttributeConstructor is null;

    /// <summary>True when the named argument <paramref name="name"/> is written.</summary>
    public bool Has(string name) => Named(name) is not null;

    /// <summary>A named <c>string[]</c> argument; null if not given (or given as null).</summary>
    public string[]? Strings(string name)
    {
        if (Named(name) is not { } constant || constant.IsNull) return null;
        return ToStrings(constant) ?? Broken<string[]?>(null);
    }

    /// <summary>A named <c>double[]</c> argument; null if not given (or given as null).</summary>
    public double[]? Doubles(string name)
    {
        if (Named(name) is not { } constant || constant.IsNull) return null;
        if (constant.Kind != TypedConstantKind.Array) return Broken<double[]?>(null);
        var values = new double[constant.Values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (ToDouble(constant.Values[i]) is not { } value) return Broken<double[]?>(null);
            values[i] = value;
        }
        return values;
    }

    /// <summary>The strings of a <c>params string[]</c> constructor (empty for the parameterless one); null if malformed.</summary>
    public string[]? ConstructorStrings()
    {
        var arguments = attribute.ConstructorArguments;
        if (attribute.AttributeConstructor is null) return Broken<string[]?>(null);
        if (arguments.Length == 0) return new string[0];
        return arguments.Length == 1 ? ToStrings(arguments[0]) ?? Broken<string[]?>(null) : Broken<string[]?>(null);
    }

    private static string[]? ToStrings(TypedConstant constant)
    {
        if (constant.Kind != TypedConstantKind.Array || constant.IsNull) return null;
        var values = new string[constant.Values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (constant.Values[i].Value is not string text) return null;
            values[i] = text;
        }
        return values;
    }

    /// <summary>The constructor argument at <paramref name="index"/> as an enum: its member, or its number if it names none; null if malformed.</summary>
    public EnumArgument? ConstructorEnum(int index)
    {
        var arguments = attribute.ConstructorArguments;
        if (attribute.AttributeConstructor is null || index >= arguments.Length) return Broken<EnumArgument?>(null);
        return ToEnum(arguments[index]) ?? Broken<EnumArgument?>(null);
    }

    /// <summary>The members of a named <c>[Flags]</c> enum argument; the bits no member covers come back as a number. Null if not given.</summary>
    public (string[] Members, string? Unknown)? Flags(string name)
    {
        if (Named(name) is not { } constant) return null;
        if (constant.Kind != TypedConstantKind.Enum || constant.Type is not INamedTypeSymbol type || constant.Value is null)
            return Broken<(string[], string?)?>(null);
        if (SymbolText.Bits(constant.Value) is not { } value) return Broken<(string[], string?)?>(null);
        var members = new System.Collections.Generic.List<string>();
        foreach (var member in type.GetMembers())
        {
            if (member is not IFieldSymbol { HasConstantValue: true } field || SymbolText.Bits(field.ConstantValue) is not { } bits) continue;
            if (bits == 0 || (value & bits) != bits) continue;
            members.Add(field.Name);
            value &= ~bits;
        }
        return (members.ToArray(), value == 0 ? null : SymbolText.Constant(value));
    }

    /// <summary>The constructor argument at <paramref name="index"/> as a number.</summary>
    public double? ConstructorDouble(int index)
    {
        var arguments = attribute.ConstructorArguments;
        if (attribute.AttributeConstructor is null || index >= arguments.Length) return Broken<double?>(null);
        return ToDouble(arguments[index]) ?? Broken<double?>(null);
    }

    private static double? ToDouble(TypedConstant constant)
    {
        if (constant.Kind != TypedConstantKind.Primitive) return null;
        return constant.Value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            _ => null,
        };
    }

    private T Broken<T>(T value)
    {
        IsBroken = true;
        return value;
    }
}

/// <summary>An enum argument: <paramref name="Member"/> if the value names one, else its <paramref name="Number"/>.</summary>
internal readonly record struct EnumArgument(string? Member, string? Number, INamedTypeSymbol Type);
