using ImageDsl.Binding;
using ImageDsl.Specs;

namespace ImageDsl.Data;

// Datasets of a spec without generated code (a ModelSpec built at run time): read by the same
// reader as generated specs, through a binding whose labels are the encoded floats.
public sealed partial class ImageDataset
{
    /// <summary>
    /// Reads <c>DIRECTORY/&lt;label&gt;/*.png</c>: each sub-folder's name is a value of the spec's
    /// only target (a label, a yes/no or a rank). Folders whose names are no value are reported, all at once.
    /// </summary>
    public static ImageDataset FromFolders(ModelSpec spec, string directory)
    {
        var binding = new EncodedBinding(spec);
        if (!binding.HasFolderLabels)
            throw new InvalidOperationException(
                $"A folder-per-label dataset needs a spec with exactly one label target; {spec.Name} has {string.Join(", ", spec.Targets.Select(t => t.Describe()))}. Use a labels.csv manifest instead.");
        return DatasetReader.Encode(binding, DatasetReader.ReadFolders(binding, directory), directory);
    }

    /// <summary>
    /// Reads a CSV manifest with a header row: a file column (<c>file</c>, <c>path</c>, <c>image</c>
    /// or <c>filename</c>) and one column per target, named like the target (case-insensitive)
    /// or as its attribute's <c>Column</c> says (one per component of a vector). Image paths are
    /// relative to <paramref name="imageDirectory"/>, or else to the manifest's folder (or its
    /// <c>images/</c> sub-folder, for manifests listing bare file names). Every problem in the file
    /// is reported at once, with its line and column.
    /// </summary>
    public static ImageDataset FromCsv(ModelSpec spec, string manifestPath, string? imageDirectory = null, DatasetOptions? options = null) =>
        DatasetReader.FromCsv(new EncodedBinding(spec), manifestPath, imageDirectory, options);
}
