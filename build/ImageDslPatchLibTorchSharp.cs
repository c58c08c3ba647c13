// Compiled by MSBuild's RoslynCodeTaskFactory; see ImageDsl.LibTorchFix.targets for why it exists.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class ImageDslPatchLibTorchSharp : Task
{
    private const string LibraryName = "libLibTorchSharp.so";
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>
    /// The package's libLibTorchSharp.so files, each with a Destination: the copy to write
    /// (under obj/), which the build then copies to its output in place of the package's file.
    /// </summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        bool patch = !MachineHasVersion();
        if (!patch)
            Log.LogMessage(MessageImportance.Low, "libstdc++ provides " + MissingVersion + "; libLibTorchSharp.so copied as shipped.");

        foreach (var file in Files)
        {
            string source = file.ItemSpec;
            string destination = file.GetMetadata("Destination");
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            byte[] image = File.ReadAllBytes(source);
            if (patch) Patch(image, source);

            // Write beside and rename over: a crash leaves either the old or the new file, and
            // a hard link from an earlier build output is replaced, never written through.
            string temporary = destination + ".imgdsl-tmp";
            File.WriteAllBytes(temporary, image);
            if (File.Exists(destination)) File.Delete(destination);
            File.Move(temporary, destination);
        }
        return !Log.HasLoggedErrors;
    }

    private void Patch(byte[] image, string path)
    {
        string problem;
        int flagsOffset = FindVersionFlags(image, out problem);
        if (flagsOffset < 0)
        {
            // Not this library's layout any more (a newer TorchSharp?): say so, do not guess.
            Log.LogWarning("ImageDsl: could not patch " + path + ": " + problem);
            return;
        }

        ushort flags = BitConverter.ToUInt16(image, flagsOffset);
        flags |= VerFlagWeak;
        image[flagsOffset] = (byte)(flags & 0xff);
        image[flagsOffset + 1] = (byte)(flags >> 8);
        Log.LogMessage(MessageImportance.Normal, "ImageDsl: marked " + MissingVersion + " weak in a copy of " + path + " (this machine's libstdc++ lacks it).");
    }

    /// <summary>Returns the file offset of the vna_flags field of the GLIBCXX_3.4.32 requirement, or -1.</summary>
    private static int FindVersionFlags(byte[] elf, out string problem)
    {
        problem = "";
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        { problem = "not an ELF file"; return -1; }
        if (elf[4] != 2 || elf[5] != 1)
        { problem = "not a little-endian 64-bit ELF file"; return -1; }

        long sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int sectionSize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        if (sectionTable <= 0 || sectionTable + (long)sectionSize * sectionCount > elf.Length)
        { problem = "section table out of range"; return -1; }

        for (int i = 0; i < sectionCount; i++)
        {
            int header = checked((int)(sectionTable + (long)i * sectionSize));
            if (BitConverter.ToUInt32(elf, header + 4) != ShtGnuVerneed) continue;

            int offset = checked((int)BitConverter.ToUInt64(elf, header + 0x18));
            int link = (int)BitConverter.ToUInt32(elf, header + 0x28);
            int needCount = (int)BitConverter.ToUInt32(elf, header + 0x2C);
            int stringsHeader = checked((int)(sectionTable + (long)link * sectionSize));
            int strings = checked((int)BitConverter.ToUInt64(elf, stringsHeader + 0x18));

            int need = offset;
            for (int n = 0; n < needCount; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, need + 2);
                int aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    int name = strings + (int)BitConverter.ToUInt32(elf, aux + 8);
                    if (ReadCString(elf, name) == MissingVersion) return aux + 4;
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                need += (int)BitConverter.ToUInt32(elf, need + 12);
            }
            problem = "it does not require " + MissingVersion;
            return -1;
        }
        problem = "no .gnu.version_r section";
        return -1;
    }

    private static string ReadCString(byte[] bytes, int start)
    {
        int end = start;
        while (end < bytes.Length && bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }

    private static bool MachineHasVersion()
    {
        foreach (var directory in new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/usr/lib", "/lib" })
        {
            string path = Path.Combine(directory, "libstdc++.so.6");
            if (!File.Exists(path)) continue;
            return Contains(File.ReadAllBytes(path), Encoding.ASCII.GetBytes(MissingVersion + "\0"));
        }
        return false; // no system libstdc++ found: the weak flag is harmless, so patch
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }
}
