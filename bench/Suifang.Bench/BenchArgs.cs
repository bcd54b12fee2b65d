namespace Suifang.Bench;

/// "--name value" pairs from the command line.
internal sealed class BenchArgs(string[] args)
{
    public string? this[string name]
    {
        get
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
    }

    public int Int(string name, int fallback) => this[name] is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
