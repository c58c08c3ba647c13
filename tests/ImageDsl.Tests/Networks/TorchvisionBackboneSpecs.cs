using ImageDsl.Tests.EndToEnd;

namespace ImageDsl.Tests.Networks;

// Generated like users' specs, one per torchvision backbone, at its 32-pixel minimum, with target
// kinds spread over them: labels, binary, multi-label, bounded and periodic ranges, values, boxes.

/// <summary>Tags of a digit, for the multi-label target.</summary>
[Flags] public enum DigitTraits { Even = 1, Big = 2, Loop = 4 }

/// <summary>MobileNetV3-Small on gray digits: a label and a box.</summary>
[ImageModel(Width = 32, Height = 32, Channels = 1, Backbone = Backbone.MobileNetV3Small)]
public partial class SmallMobileDigits
{
    [Labels] public Digit Digit { get; init; }
    [Box(BoxFormat.XYWH, Min = 0, Max = 32)] public BoundingBox Box { get; init; }
}

/// <summary>MobileNetV3-Large on RGB digits: multi-label tags and an unbounded value.</summary>
[ImageModel(Width = 32, Height = 32, Channels = 3, Backbone = Backbone.MobileNetV3Large)]
public partial class LargeMobileDigits
{
    [Labels] public DigitTraits Traits { get; init; }
    [Value(Unit = "mm")] public double Size { get; init; }
}

/// <summary>EfficientNet-B0 on gray digits: a binary label and a periodic range.</summary>
[ImageModel(Width = 32, Height = 32, Channels = 1, Backbone = Backbone.EfficientNetB0)]
public partial class EfficientDigits
{
    [Labels("odd", "even")] public bool IsEven { get; init; }
    [Range(0, 360, Periodic = true, Unit = "degrees")] public float Heading { get; init; }
}

/// <summary>ResNet-50 on RGB digits: a label and a bounded range.</summary>
[ImageModel(Width = 32, Height = 32, Channels = 3, Backbone = Backbone.ResNet50)]
public partial class BottleneckDigits
{
    [Labels] public Digit Digit { get; init; }
    [Range(-45, 45, Unit = "degrees")] public float Tilt { get; init; }
}
