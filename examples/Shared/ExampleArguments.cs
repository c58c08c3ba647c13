namespace ImageDsl.Examples;

/// <summary>The command line every dataset example takes: --train DIR --test DIR [--epochs N] [--out DIR].</summary>
internal sealed record ExampleArguments(string Train, string Test, int? Epochs, string Out)
{
    public static string Usage(string program) =>
        $"usage: dotnet run --project examples/{program} -- --train DIR --test DIR [--epochs N] [--out DIR]";

    /// <summary>Parses and checks the arguments; on any problem returns null and an error message.</summary>
    public static ExampleArguments? Parse(string[] args, string defaultOut, out string? error)
    {
        string? train = null, test = null, output = null;
        int? epochs = null;
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string option = args[i];
            if (option is "-h" or "--help") { error = ""; return null; }
            if (i + 1 >= args.Length) { error = $"option {option} needs a value"; return null; }
            string value = args[++i];
            switch (option)
            {
                case "--train": train = value; break;
                case "--test": test = value; break;
                case "--out": output = value; break;
                case "--epochs":
                    if (!int.TryParse(value, out var n) || n < 1) { error = $"--epochs must be a whole number of at least 1, not '{value}'"; return null; }
                    epochs = n;
                    break;
                default: error = $"unknown option '{option}'"; return null;
            }
        }
        if (train is null) { error = "missing --train DIR"; return null; }
        if (test is null) { error = "missing --test DIR"; return null; }
        foreach (var (name, dir) in new[] { ("--train", train), ("--test", test) })
            if (!Directory.Exists(dir)) { error = $"{name} folder not found: {Path.GetFullPath(dir)}"; return null; }
        return new ExampleArguments(train, test, epochs, output ?? defaultOut);
    }
}
