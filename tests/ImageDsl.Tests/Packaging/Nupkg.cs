using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace ImageDsl.Tests.Packaging;

/// <summary>Reads what a packed .nupkg holds: its file list, its nuspec and its assemblies' embedded PDBs.</summary>
internal static class Nupkg
{
    /// <summary>Every entry's path inside the package.</summary>
    public static HashSet<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToHashSet();
    }

    /// <summary>The nuspec's <c>metadata</c> element (the nuspec is <c>&lt;id&gt;.nuspec</c> at the root).</summary>
    public static XElement Metadata(string package, string id)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    /// <summary>The source paths in the portable PDB embedded in the assembly at <paramref name="entry"/>: what stack traces print.</summary>
    public static List<string> EmbeddedPdbSourcePaths(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        using var copy = new MemoryStream();
        using (var dll = zip.GetEntry(entry)!.Open()) dll.CopyTo(copy);
        copy.Position = 0;
        using var pe = new PEReader(copy);
        var embedded = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        var reader = pdb.GetMetadataReader();
        return reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
    }
}
