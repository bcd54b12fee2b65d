using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Tests.Understanding;

/// <summary>One understander serves every call at once (IUnderstander: implementations must be thread-safe).</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Understanding_from_many_threads_at_once_gives_the_same_answers_as_one_thread()
    {
        var understander = ChineseUnderstander.Shared;
        var cases = UtteranceDataset.All.Where(u => u.IsTest).Take(300).ToList();
        var alone = cases.Select(u => understander.Understand(u.Text, QuestionCatalogue.ContextOf(u))).ToList();
        var together = new Suifang.Agent.Understanding.UtteranceUnderstanding[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
            together[t] = cases.Select(u => understander.Understand(u.Text, QuestionCatalogue.ContextOf(u))).ToArray());
        foreach (var run in together)
            for (var i = 0; i < cases.Count; i++)
            {
                Assert.Equal(alone[i].Intent, run[i].Intent);
                Assert.Equal(alone[i].Confidence, run[i].Confidence, 6);
                Assert.Equal(alone[i].Symptoms, run[i].Symptoms);
                Assert.Equal(alone[i].Values.Count, run[i].Values.Count);
            }
    }
}
