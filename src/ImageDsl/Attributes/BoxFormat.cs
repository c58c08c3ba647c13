namespace ImageDsl;

/// <summary>How the four numbers of a <see cref="BoxAttribute"/> target describe a box.</summary>
public enum BoxFormat
{
    /// <summary>Left, top, width, height (x, y, w, h).</summary>
    XYWH = 0,

    /// <summary>Left, top, right, bottom (x1, y1, x2, y2).</summary>
    XYXY = 1,
}
