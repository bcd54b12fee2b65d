using Suifang.Agent.Dialogue;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding.Chinese;
using Xunit.Abstractions;

namespace Suifang.Agent.Tests.EvalData;

/// The dialogue-summary set (data/eval/summaries.jsonl, 6.2): each line's turns replayed through the real DialogueEngine
/// with the shipped understanding and the line's script must end the call with the last turn, every turn taken, and the
/// reference summary's keywords must be words of the reference.
public sealed class SummaryReplayTests(ITestOutputHelper output)
{
    internal static readonly string Templates = Path.Combine("src", "Suifang.Core", "Scripts", "Templates");

    internal static (List<(string Patient, string Agent)> Transcript, ConversationOutcome Outcome, bool EndedAtLast) Replay(
        Script script, string patient, DateTime now, IReadOnlyList<string> turns)
    {
        using var knowledge = new KnowledgeIndex([]);
        var engine = new DialogueEngine(ChineseUnderstander.Shared, knowledge);
        var call = engine.Start(script, new ConversationSetup(patient, "市第一人民医院", script.Department, now, now.AddDays(-7), null, CallMemory.Empty));
        var transcript = new List<(string, string)> { ("", call.Open().Say) };
        var ended = false;
        for (var i = 0; i < turns.Count && !ended; i++)
        {
            var turn = call.Reply(PatientInput.Said(turns[i]));
            transcript.Add((turns[i], turn.Say));
            ended = turn.EndsCall;
            if (ended && i != turns.Count - 1) return (transcript, call.Outcome, false);
        }
        return (transcript, call.Outcome, ended);
    }

    [Fact]
    public void Every_replay_ends_the_call_with_its_last_turn_and_its_keywords_are_in_the_reference()
    {
        var failures = new List<string>();
        foreach (var (line, row) in EvalFiles.Lines("data/eval/summaries.jsonl"))
        {
            var script = ScriptJson.LoadFile(EvalFiles.PathOf(Path.Combine(Templates, row.Str("script"))));
            var now = DateTime.Parse(row.Str("now"), System.Globalization.CultureInfo.InvariantCulture);
            var (transcript, outcome, endedAtLast) = Replay(script, row.Str("patient"), now, row.Strs("turns"));
            output.WriteLine($"== {row.Str("id")} {row.Str("script")} ({outcome.Ending})");
            foreach (var (p, a) in transcript) output.WriteLine(p.Length > 0 ? $"  患者：{p}\n  AI：{a}" : $"  AI：{a}");
            output.WriteLine($"  summary: {outcome.Summary}\n  reference: {row.Str("reference")}");
            if (!endedAtLast) failures.Add($"{row.Str("id")} (line {line}): the call did not end exactly at the last turn ({outcome.Ending})");
            var missing = row.Strs("keywords").Where(k => !row.Str("reference").Contains(k, StringComparison.Ordinal)).ToList();
            if (missing.Count > 0) failures.Add($"{row.Str("id")}: keywords not in the reference: {string.Join("、", missing)}");
        }
        Assert.Empty(failures);
    }
}
