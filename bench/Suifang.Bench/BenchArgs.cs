namespace Suifang.Bench;

/// "--name value" options; a flag without a value reads as "true".
internal sealed class BenchArgs(Dictionary<string, string> values)
{
    public BenchArgs(string[] args) : this(ParseValues(args))
    {
    }

    public static BenchArgs Parse(string[] args) => new(ParseValues(args));

    private static Dictionary<string, string> ParseValues(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument '{args[i]}': options are written --name value");
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i][2..]] = hasValue ? args[++i] : "true";
        }
        return values;
    }

    public string? this[string name] => values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int GetInt(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public int Int(string name, int fallback) => GetInt(name, fallback);

    public bool Has(string name) => values.ContainsKey(name);
}
