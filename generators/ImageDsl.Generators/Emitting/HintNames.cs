using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

/// <summary>
/// The generated file's name of each spec, unique ignoring case. Roslyn compares hint names
/// ignoring case and throws on a repeat, which drops the code of every spec in the project
/// (CS8785); two specs whose full names differ only in case (<c>Banking.Ocr.Reader</c> and
/// <c>Banking.OCR.Reader</c>) are valid C#, so their files are told apart by a number.
/// </summary>
internal static class HintNames
{
    /// <summary>
    /// One file per spec, in the order given: each spec's <see cref="SpecModel.HintName"/>, or,
    /// when other specs' names equal it ignoring case, that name with <c>-2</c>, <c>-3</c>... in the
    /// ordinal order of their <see cref="SpecModel.Identity"/> (the first keeps the plain name).
    /// <c>-</c> never occurs in a plain hint name, so a numbered name cannot meet another spec's.
    /// </summary>
    public static ImmutableArray<GeneratedFile> Assign(ImmutableArray<SpecModel> specs)
    {
        var names = new string[specs.Length];
        var groups = Enumerable.Range(0, specs.Length).GroupBy(i => specs[i].HintName, StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            // Ties (one type declared twice, which the compiler reports) keep their order and still get their own names.
            var ranked = group.OrderBy(i => specs[i].Identity, StringComparer.Ordinal).ToList();
            for (int rank = 0; rank < ranked.Count; rank++)
                names[ranked[rank]] = Numbered(specs[ranked[rank]].HintName, rank);
        }
        return Enumerable.Range(0, specs.Length).Select(i => new GeneratedFile(specs[i], names[i])).ToImmutableArray();
    }

    private static string Numbered(string plain, int rank) =>
        rank == 0
            ? plain
            : plain.Substring(0, plain.Length - SpecModel.HintNameSuffix.Length) + "-" +
              (rank + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + SpecModel.HintNameSuffix;
}

/// <summary>One file to add: a spec and its unique hint name.</summary>
/// <param name="Spec">The spec.</param>
/// <param name="HintName">Its file's name, unique in the compilation ignoring case.</param>
internal sealed record GeneratedFile(SpecModel Spec, string HintName);
