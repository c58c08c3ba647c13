namespace ImageDsl;

/// <summary>The feature extractors a spec can choose with <see cref="ImageModelAttribute.Backbone"/>.</summary>
public enum Backbone
{
    /// <summary>
    /// A compact convolutional network for small images (up to about 64x64): three
    /// conv / batch-norm / ReLU blocks with pooling, then a 128-unit fully connected layer.
    /// </summary>
    SmallCnn = 0,
}
