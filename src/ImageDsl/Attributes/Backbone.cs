namespace ImageDsl;

/// <summary>The feature extractors a spec can choose with <see cref="ImageModelAttribute.Backbone"/>.</summary>
public enum Backbone
{
    /// <summary>
    /// A compact convolutional network for small images (up to about 64x64): three
    /// conv / batch-norm / ReLU blocks with pooling, then a 128-unit fully connected layer.
    /// </summary>
    SmallCnn = 0,

    /// <summary>
    /// A coordinate-aware network for small images (about 32x32 to 96x96) whose targets depend on
    /// position, such as boxes and keypoints: x and y coordinate channels, five conv / batch-norm /
    /// ReLU blocks, a 4x4 grid flattened into 256 features (see <see cref="Networks.CoordCnn"/>).
    /// </summary>
    CoordCnn = 10,
}
