using Suifang.Bench;

// One benchmark per file; each prints its figures. Usage: dotnet run -c Release --project bench/Suifang.Bench -- <name> [options]
switch (args.FirstOrDefault())
{
    case "import":
        return await ImportBenchmark.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: Suifang.Bench import --rows 100000 --provider sqlite|postgres [--pg \"connection string\"] [--file path.xlsx] [--batch 1000] [--wal]");
        return 2;
}
