using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Tests.Understanding;

/// <summary>Shared instances and contexts for the understanding tests (the classifier trains once per test run).</summary>
internal static class Understanders
{
    public static readonly DateTime Sunday10 = new(2026, 11, 29, 10, 0, 0);

    public static ChineseUnderstander Shipped => ChineseUnderstander.Shared;

    public static UnderstandingContext After(string questionKey, params string[] mentioned) =>
        new(QuestionCatalogue.Get(questionKey) ?? throw new ArgumentException(questionKey), Sunday10, mentioned);

    public static UnderstandingContext Open(params string[] mentioned) => new(null, Sunday10, mentioned);

    public static UnderstandingContext Asking(ScriptQuestion question) => new(question, Sunday10, []);

    public static SymptomStatus? StatusOf(this UtteranceUnderstanding u, string term) => u.Symptoms.LastOrDefault(s => s.Term == term)?.Status;
}
