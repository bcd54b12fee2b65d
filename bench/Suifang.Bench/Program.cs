using Suifang.Bench;

// Benchmarks print figures; they never fail a build. One command per benchmark:
//   dotnet run -c Release --project bench/Suifang.Bench -- patient-list --patients 1000000 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- import --rows 100000 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- pathway-covering --lookups 1000000 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- task-lease --tasks 1000000 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- dispatch --tasks 20000 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- plan-create --patients 100000 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- contact-gate --patients 20000 --checks 20000 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- dialogue --rounds 2000
//   dotnet run -c Release --project bench/Suifang.Bench -- sip-latency --turns 40 --port 41000
//   dotnet run -c Release --project bench/Suifang.Bench -- tts --memory-rounds 1000
//   dotnet run -c Release --project bench/Suifang.Bench -- calls --calls 500 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- understand --rounds 20 --threads 1
//   dotnet run -c Release --project bench/Suifang.Bench -- understand-eval --folds 5 --errors /tmp/nlu-errors
//   dotnet run -c Release --project bench/Suifang.Bench -- understand-train   (writes data/nlu/intent-model.zip + .sha256)
//   dotnet run -c Release --project bench/Suifang.Bench -- questionnaire-submit --submissions 1000 --concurrency 1000 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- sms --messages 2000 --mass 2000 --rate 200 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- alert-latency --alerts 100 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- dashboard --tasks 1000000 --calls 1000000 --provider sqlite|postgres
//   dotnet run -c Release --project bench/Suifang.Bench -- todo-list --patients 200000 --calls 1000000 --tasks 1000000 --provider sqlite|postgres
var commands = new Dictionary<string, Func<BenchArgs, Task<int>>>
{
    ["patient-list"] = PatientListBench.RunAsync,
    ["import"] = _ => ImportBenchmark.RunAsync(args[1..]),
    ["pathway-covering"] = PathwayCoveringBench.RunAsync,
    ["task-lease"] = TaskBench.LeaseAsync,
    ["dispatch"] = TaskBench.DispatchAsync,
    ["plan-create"] = PlanCreateBench.RunAsync,
    ["contact-gate"] = ContactGateBench.RunAsync,
    ["dialogue"] = DialogueBench.RunAsync,
    ["sip-latency"] = SipLatencyBench.RunAsync,
    ["tts"] = TtsBench.RunAsync,
    ["calls"] = CallsBench.RunAsync,
    ["understand"] = UnderstandBench.RunAsync,
    ["understand-eval"] = UnderstandEvalBench.RunAsync,
    ["understand-train"] = UnderstandTrainBench.RunAsync,
    ["questionnaire-submit"] = QuestionnaireSubmitBench.RunAsync,
    ["sms"] = SmsBench.RunAsync,
    ["alert-latency"] = AlertLatencyBench.RunAsync,
    ["dashboard"] = DashboardBench.RunAsync,
    ["todo-list"] = TodoListBench.RunAsync,
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"usage: Suifang.Bench <{string.Join('|', commands.Keys)}> [--option value ...]");
    return 2;
}
return await command(BenchArgs.Parse(args[1..]));
