using System.Text.RegularExpressions;

namespace Suifang.Agent.Speech;

/// <summary>
/// Every text passes here before it is spoken (9.3.1 content safety; 8.1.1 and 8.3.2 plain, short wording):
/// cure promises and disrespectful words are blocked from any source, diagnoses and dosing are blocked unless they
/// come from a reviewed script or the knowledge base, personal numbers are masked, long sentences and jargon are
/// flagged with a plain alternative. Thread-safe; one instance serves every call.
/// </summary>
public sealed class SpeechGuard
{
    private static readonly Regex IdNumber = new(@"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])", RegexOptions.Compiled);
    private static readonly Regex Mobile = new(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])", RegexOptions.Compiled);
    private static readonly Regex Landline = new(@"(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])", RegexOptions.Compiled);
    private static readonly Regex SentenceEnd = new(@"(?<=[。！？；!?;])", RegexOptions.Compiled);

    private readonly SpeechGuardRules _rules;
    private readonly Regex[] _advice;

    /// <summary>Uses <paramref name="rules"/>, or the defaults.</summary>
    public SpeechGuard(SpeechGuardRules? rules = null)
    {
        _rules = rules ?? new SpeechGuardRules();
        _advice = _rules.MedicalAdvicePatterns.Select(p => new Regex(p, RegexOptions.Compiled | RegexOptions.IgnoreCase)).ToArray();
    }

    /// <summary>The rules in force.</summary>
    public SpeechGuardRules Rules => _rules;

    /// <summary>Checks <paramref name="text"/> from <paramref name="origin"/>; speak <see cref="GuardedText.Text"/>.</summary>
    public GuardedText Check(string text, SpokenTextOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<GuardFinding>();
        foreach (var word in _rules.CurePromises.Where(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            findings.Add(new(GuardFindingKind.CurePromise, word,
                $"“{word}”是对疗效的承诺，医疗机构不能向患者保证治疗结果，请删去或改为“请按医嘱治疗和复查”。", true));
        foreach (var word in _rules.Disrespectful.Where(w => text.Contains(w, StringComparison.Ordinal)))
            findings.Add(new(GuardFindingKind.Disrespect, word,
                $"“{word}”带有侮辱或歧视意味，不能对患者说，请改用尊重、中性的说法。", true));
        if (origin == SpokenTextOrigin.Generated)
            foreach (var match in _advice.Select(r => r.Match(text)).Where(m => m.Success))
                findings.Add(new(GuardFindingKind.MedicalAdvice, match.Value,
                    $"“{match.Value}”像是诊断或用药建议，但不是来自知识库或已审核的话术；这类内容只能由医生或知识库给出，已改为请护士回电。", true));

        var masked = MaskNumbers(text, findings);
        FlagLongSentences(masked, findings);
        FlagJargon(masked, findings);

        var blocked = findings.Any(f => f.Blocking);
        return new GuardedText(text, blocked ? _rules.Fallback : masked, blocked, findings);
    }

    private string MaskNumbers(string text, List<GuardFinding> findings)
    {
        string Mask(Match m, string what)
        {
            if (_rules.AllowedNumbers.Contains(m.Value))
                return m.Value;
            findings.Add(new(GuardFindingKind.PersonalData, m.Value,
                $"文本里有{what}，可能是患者的个人信息，不能在电话里读出来，已隐去。", false));
            return "（号码已隐去）";
        }

        var result = IdNumber.Replace(text, m => Mask(m, "身份证号"));
        result = Mobile.Replace(result, m => Mask(m, "手机号"));
        return Landline.Replace(result, m => Mask(m, "电话号码"));
    }

    private void FlagLongSentences(string text, List<GuardFinding> findings)
    {
        foreach (var sentence in SentenceEnd.Split(text).Select(s => s.Trim()).Where(s => s.Length > _rules.MaxSentenceChars))
            findings.Add(new(GuardFindingKind.LongSentence, sentence,
                $"这句话有 {sentence.Length} 个字，超过 {_rules.MaxSentenceChars} 个字，患者在电话里不容易听明白，请拆成几句短话。", false));
    }

    private void FlagJargon(string text, List<GuardFinding> findings)
    {
        foreach (var (term, plain) in _rules.Jargon)
            if (text.Contains(term, StringComparison.OrdinalIgnoreCase) && !text.Contains(plain, StringComparison.Ordinal))
                findings.Add(new(GuardFindingKind.Jargon, term,
                    $"“{term}”是医学术语，患者可能听不懂，请说成“{plain}”，或在后面加上这句解释。", false));
    }
}
