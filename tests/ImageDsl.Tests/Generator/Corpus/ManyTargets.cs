// One spec with a target of every kind and several of some, CSV columns set explicitly.
using System;
using System.Collections.Generic;
using ImageDsl;

namespace Corpus.ManyTargets;

public enum Animal { Cat, Dog, Bird }

[Flags]
public enum Marks { Spots = 1, Stripes = 2, Patches = 4 }

public enum Mood { Calm, Playful }

public readonly record struct Eye(float X, float Y);

[ImageModel(Width = 64, Height = 64, Backbone = Backbone.PlainCnn, BackboneBlocks = 4, BackboneWidth = 8, BackboneGrid = 2)]
[Augment(Brightness = 0.1, Contrast = 0.1, Noise = 0.02)]
public partial class Zoo
{
    [Labels(Column = "animal", ClassWeights = [1, 2, 3])] public Animal Animal { get; init; }

    [Labels(Column = "mood")] public Mood Mood { get; init; }

    [Labels("asleep", "awake", Column = "awake", Threshold = 0.3)] public bool Awake { get; init; }

    [Labels(Column = "marks")] public Marks Marks { get; init; }

    [Labels(Column = "tags")] public IReadOnlySet<Mood> Tags { get; init; } = new HashSet<Mood>();

    [Range(0, 50, Unit = "kg", Column = "weight")] public float Weight { get; init; }

    [Range(0, 360, Periodic = true, Unit = "degrees", Column = "heading")] public double Heading { get; init; }

    [Value(Column = "age", Unit = "years", Loss = LossFunction.Huber)] public float Age { get; init; }

    [Vector(Points = true, Columns = ["eye_x", "eye_y"])] public Eye Eye { get; init; }

    [Box(Columns = ["bx", "by", "bw", "bh"])] public BoundingBox Body { get; init; }

    [Vector(Length = 4, Min = -1, Max = 1, Column = "embedding")] public float[] Embedding { get; init; } = [];
}
