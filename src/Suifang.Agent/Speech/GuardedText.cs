namespace Suifang.Agent.Speech;

/// <summary>Where a text to be spoken comes from; reviewed sources may carry medical content, generated text may not.</summary>
public enum SpokenTextOrigin
{
    /// <summary>A script written and reviewed by the department (话术).</summary>
    Script = 1,
    /// <summary>An answer from the department's reviewed knowledge base (7.3.2.2).</summary>
    KnowledgeBase = 2,
    /// <summary>Text composed at run time, e.g. by the optional language model.</summary>
    Generated = 3,
}

/// <summary>What the guard found in a text (9.3.1 content safety, 8.1.1 and 8.3.2 plain wording).</summary>
public enum GuardFindingKind
{
    /// <summary>A diagnosis or dosing advice that does not come from the knowledge base or a reviewed script.</summary>
    MedicalAdvice = 1,
    /// <summary>A promise of cure or of a certain outcome.</summary>
    CurePromise = 2,
    /// <summary>Abusive or discriminatory words (9.3.1 a, b).</summary>
    Disrespect = 3,
    /// <summary>An ID card number, phone number or similar personal data; it is masked.</summary>
    PersonalData = 4,
    /// <summary>A sentence too long to follow on the phone (8.3.2 b).</summary>
    LongSentence = 5,
    /// <summary>A medical term a patient may not know (8.1.1); a plain wording is suggested.</summary>
    Jargon = 6,
}

/// <summary>One finding; <paramref name="Reason"/> is Chinese and says what to change.</summary>
/// <param name="Blocking">True when the text must not be spoken.</param>
public sealed record GuardFinding(GuardFindingKind Kind, string Fragment, string Reason, bool Blocking);

/// <summary>The result of checking one text before it is spoken.</summary>
/// <param name="Text">What may be spoken: the text itself, with personal data masked, or the fallback when blocked.</param>
public sealed record GuardedText(string Original, string Text, bool Blocked, IReadOnlyList<GuardFinding> Findings)
{
    /// <summary>True when nothing at all was found.</summary>
    public bool IsClean => Findings.Count == 0;
}
