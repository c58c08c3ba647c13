using ImageDsl.Calibration;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    /// <summary>
    /// Saves the weights with the spec, pixel normalization and target statistics they belong to. The file is written
    /// beside <paramref name="path"/> and renamed into place, so an interrupted save never
    /// leaves a damaged model behind.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The model has been disposed: its weights are gone, and the file is left as it was.</exception>
    public void Save(string path)
    {
        using var lease = usage.Enter("be saved");
        ModelFile.Write(path, Spec, Normalization, TargetStatistics, Network, Calibration);
    }

    /// <summary>Loads weights saved by <see cref="Save"/>; refuses a file saved for a different spec, saying what differs.</summary>
    protected void LoadWeights(string path)
    {
        using var lease = usage.Enter("load weights");
        var header = ModelFile.Read(path, Spec, Network);
        Normalization = header.Normalization;
        TargetStatistics = header.TargetStatistics ?? Specs.TargetStatistics.Identity(Spec.EncodedWidth);
        Calibration = header.Calibration is { } saved && saved.Targets.Count == Spec.Targets.Count ? saved
            : header.Calibration is null ? ModelCalibration.None(Spec.Targets.Count)
            : throw new ModelFileException($"Model file {path} is damaged: its calibration has {header.Calibration.Targets.Count} targets; {Spec.Name} has {Spec.Targets.Count}.", path, "calibration");
        Network.eval();
        IsTrained = true;
    }
}
