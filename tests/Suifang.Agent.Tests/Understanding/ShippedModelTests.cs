using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Tests.Understanding;

/// <summary>
/// The intent model ships trained (data/nlu/intent-model.zip) so start-up loads it instead of training; it must be the
/// model of exactly the shipped data and rules, and training must be deterministic so that "the same" means something.
/// </summary>
public sealed class ShippedModelTests
{
    [Fact]
    public void The_shipped_intent_model_was_trained_on_the_shipped_data_and_rules()
    {
        const string retrain = "data/nlu/intent-model.zip does not match data/nlu or the understanding rules: retrain with " +
            "`dotnet run -c Release --project bench/Suifang.Bench -- understand-train` and commit both files";
        Assert.True(ChineseUnderstander.Shared.UsesShippedModel, retrain);
        Assert.True(ChineseUnderstander.Fingerprint(UtteranceDataset.All) == ChineseUnderstander.ShippedFingerprint, retrain);
    }

    [Fact]
    public void Training_on_the_same_utterances_gives_the_same_answers()
    {
        var sample = UtteranceDataset.All.Where((_, i) => i % 8 == 0).ToList();
        var first = ChineseUnderstander.Create(sample);
        var second = ChineseUnderstander.Create(sample);
        foreach (var u in UtteranceDataset.All.Where(u => u.IsTest).Take(200))
        {
            var context = QuestionCatalogue.ContextOf(u);
            var a = first.Understand(u.Text, context);
            var b = second.Understand(u.Text, context);
            Assert.Equal(a.Intent, b.Intent);
            Assert.Equal(a.Confidence, b.Confidence, 6);
        }
    }

    [Fact]
    public void The_fingerprint_changes_with_the_data()
    {
        var all = UtteranceDataset.All;
        Assert.Equal(ChineseUnderstander.Fingerprint(all), ChineseUnderstander.Fingerprint(all));
        Assert.NotEqual(ChineseUnderstander.Fingerprint(all), ChineseUnderstander.Fingerprint(all.Skip(1)));
    }
}
