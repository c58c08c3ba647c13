namespace ImageDsl;

/// <summary>The feature extractors a spec can choose with <see cref="ImageModelAttribute.Backbone"/>.</summary>
public enum Backbone
{
    /// <summary>
    /// A compact convolutional network for small images (up to about 64x64): three
    /// conv / batch-norm / ReLU blocks with pooling, then a 128-unit fully connected layer.
    /// Images must be at least 8x8.
    /// </summary>
    SmallCnn = 0,

    /// <summary>
    /// torchvision's ResNet-18 without its classifier (512 features, 11.2 M parameters), with
    /// torchvision's parameter names so its pretrained weights load directly. Images must be
    /// at least 32x32; 64x64 and up makes sense, 224x224 is what ImageNet weights were trained on.
    /// </summary>
    ResNet18 = 1,

    /// <summary>
    /// torchvision's ResNet-34 without its classifier (512 features, 21.3 M parameters); as
    /// <see cref="ResNet18"/> but deeper and about twice as slow. Images must be at least 32x32.
    /// </summary>
    ResNet34 = 2,

    /// <summary>
    /// A VGG-style network for small images: three blocks of two conv / batch-norm / ReLU layers
    /// and a max-pool (32, 64, 128 channels), then global average pooling to 128 features. Its
    /// size does not grow with the image. Images must be at least 8x8.
    /// </summary>
    PlainCnn = 3,

    /// <summary>
    /// A coordinate-aware network for small images (about 32x32 to 96x96) whose targets depend on
    /// position, such as boxes and keypoints: x and y coordinate channels, five conv / batch-norm /
    /// ReLU blocks, a 4x4 grid flattened into 256 features (see <see cref="Networks.CoordCnn"/>).
    /// </summary>
    CoordCnn = 10,

    /// <summary>
    /// torchvision's ResNet-50 without its classifier: bottleneck blocks (1x1, 3x3, 1x1
    /// convolutions), 2048 features, 23.5 M parameters, with torchvision's parameter names so
    /// its pretrained weights load directly. About twice ResNet-34's cost. Images must be at least 32x32.
    /// </summary>
    ResNet50 = 4,

    /// <summary>
    /// torchvision's MobileNetV3-Small without its last linear layer: inverted residual blocks
    /// with depthwise convolutions, squeeze-excitation and hard-swish, 1024 features, 1.5 M
    /// parameters, torchvision's parameter names. The cheapest backbone that takes pretrained
    /// weights. Images must be at least 32x32.
    /// </summary>
    MobileNetV3Small = 5,

    /// <summary>
    /// torchvision's MobileNetV3-Large without its last linear layer: as
    /// <see cref="MobileNetV3Small"/>, wider and deeper, 1280 features, 4.2 M parameters.
    /// Images must be at least 32x32.
    /// </summary>
    MobileNetV3Large = 6,

    /// <summary>
    /// torchvision's EfficientNet-B0 without its classifier: MBConv blocks (depthwise
    /// convolutions, squeeze-excitation, SiLU, stochastic depth while training), 1280 features,
    /// 4.0 M parameters, torchvision's parameter names. Images must be at least 32x32.
    /// </summary>
    EfficientNetB0 = 7,
}
