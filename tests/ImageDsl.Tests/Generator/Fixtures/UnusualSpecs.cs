using System.Diagnostics.CodeAnalysis;

namespace ImageDsl.Tests.Generator.Fixtures;

#pragma warning disable CS1591 // test input: members named for the tests that read them

/// <summary>Fruit with obsolete members: a warning-level one, an error-level one and an old alias.</summary>
public enum Fruit
{
    Apple,
    [System.Obsolete("Out of season.")] Banana,
    [System.Obsolete("Never again.", error: true)] Durian,
    Cherry,
    [System.Obsolete("Misspelt: use Apple.")] Aple = Apple,
}

/// <summary>Toppings, one of them obsolete as an error.</summary>
[System.Flags]
public enum Topping
{
    Cream = 1,
    [System.Obsolete("Discontinued.")] Sprinkles = 2,
    [System.Obsolete("Banned.", error: true)] Gold = 4,
    Nuts = 8,
}

/// <summary>A spec whose label enums have obsolete members, built by the real build with warnings as errors.</summary>
[ImageModel(Width = 8, Height = 8)]
public partial class FruitSpec
{
    [Labels] public Fruit Fruit { get; init; }

    [Labels] public Topping Toppings { get; init; }
}

/// <summary>A base class declaring targets: a generic one and one with a protected setter.</summary>
public abstract class MeasuredBase<TShape> where TShape : struct, System.Enum
{
    [Labels] public TShape Shape { get; init; }

    [Range(0, 100, Unit = "mm")] public virtual double Size { get; protected set; }
}

/// <summary>A vector class whose numbers are required init members.</summary>
public sealed class RequiredOffset
{
    public required float Dx { get; init; }

    public required float Dy { get; init; }
}

/// <summary>A spec whose first targets are inherited (one overridden), with a required-init vector.</summary>
[ImageModel(Width = 8, Height = 8)]
public partial class InheritedSpec : MeasuredBase<SmokeShape>
{
    public override double Size { get; protected set; }

    [Vector] public RequiredOffset Offset { get; init; } = new() { Dx = 0, Dy = 0 };
}
