using System.Globalization;
using System.Text.RegularExpressions;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.EndToEnd.Tests;

/// Test double of the dialogue engine (written by another helper in parallel): walks the script's questions in order,
/// takes "没/不" as no, a number as a value, a key press through the question's Dtmf map, anything else as yes.
/// Enough for the editor's test console to show turns, intents and values; it understands nothing else.
internal sealed partial class ScriptedConversations : IConversationFactory
{
    public IConversation Start(Script script, ConversationSetup setup) => new Conversation(script, setup);

    private sealed partial class Conversation(Script script, ConversationSetup setup) : IConversation
    {
        private int _next = -1;
        private readonly List<CollectedAnswer> _answers = [];
        private bool _ended;

        public ConversationOutcome Outcome => new()
        {
            Ending = _ended ? CallEnding.Completed : CallEnding.InProgress,
            Answers = _answers,
        };

        public AgentTurn Open() => new($"{Fill(script.Opening)}{Fill(script.IdentityCheck)}");

        public AgentTurn Reply(PatientInput input)
        {
            var understood = Understand(input);
            if (_next >= 0 && understood.Intent is Intent.Affirm or Intent.Deny or Intent.Inform)
            {
                var q = script.Questions[_next];
                var value = understood.Values.FirstOrDefault()?.Number?.ToString(CultureInfo.InvariantCulture)
                    ?? understood.Values.FirstOrDefault()?.Choice ?? (understood.Intent == Intent.Deny ? "no" : "yes");
                _answers.Add(new(q.Key, value, input.Text ?? input.Dtmf ?? "", _answers.Count + 1));
            }
            _next++;
            if (_next >= script.Questions.Count)
            {
                _ended = true;
                return new(script.Closing, EndsCall: true, Understood: understood);
            }
            var question = script.Questions[_next];
            return new(question.Text, AcceptsDtmf: question.Dtmf.Count > 0, Understood: understood, QuestionKey: question.Key);
        }

        private UtteranceUnderstanding Understand(PatientInput input)
        {
            if (input.Dtmf is { } digits && _next >= 0 && script.Questions[_next].Dtmf.TryGetValue(digits, out var answer))
                return new() { Text = digits, Intent = answer == "no" ? Intent.Deny : Intent.Affirm, Confidence = 1, Source = "按键",
                    Values = answer is "yes" or "no" ? [] : [new() { Surface = digits, Choice = answer, Type = AnswerType.Choice }] };
            var text = input.Text ?? "";
            if (Number().Match(text) is { Success: true } m)
                return new() { Text = text, Intent = Intent.Inform, Confidence = 0.9, Source = "test-double",
                    Values = [new() { Surface = m.Value, Number = double.Parse(m.Value, CultureInfo.InvariantCulture), Type = AnswerType.Number, Start = m.Index, Length = m.Length }] };
            return new() { Text = text, Intent = text.Contains('没') || text.Contains('不') ? Intent.Deny : Intent.Affirm, Confidence = 0.8, Source = "test-double" };
        }

        private string Fill(string text) => text.Replace("{patient}", setup.PatientName).Replace("{hospital}", setup.Hospital)
            .Replace("{department}", setup.Department ?? "");

        [GeneratedRegex(@"\d+(\.\d+)?")]
        private static partial Regex Number();
    }
}
