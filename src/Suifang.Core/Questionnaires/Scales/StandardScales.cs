namespace Suifang.Core.Questionnaires.Scales;

/// One shipped scale: its content and the diagnoses (ICD-10 prefixes) and ages it suits.
public sealed record StandardScale(string Key, string Title, string Description, QuestionnaireKind Kind, QuestionnaireContent Content,
    IReadOnlyList<string> IcdPrefixes, int? MinimumAge = null, bool ForEveryone = false);

/// 标准量表: shipped with Suifang and installed into every hospital as published questionnaires (see ScaleInstaller).
public static class StandardScales
{
    public static IReadOnlyList<StandardScale> All { get; } =
    [
        MoodScales.Phq9(), MoodScales.Gad7(), SurveyScales.Nrs(), CareScales.Barthel(), CareScales.Morse(), CareScales.Braden(),
        SurveyScales.Satisfaction(),
    ];

    public static StandardScale Get(string key) => All.First(s => s.Key == key);
}

/// A scale that fits a patient, and why.
public sealed record ScaleRecommendation(StandardScale Scale, string Reason);

/// 量表推荐 (the seed paper's risk-scale agent): the scales whose diagnoses match the patient's, those the patient's
/// age calls for (falls from 65, pressure injuries from 80), and the satisfaction survey for everyone.
public static class ScaleRecommender
{
    public static IReadOnlyList<ScaleRecommendation> Recommend(IEnumerable<(string Code, string Name)> diagnoses, int? age)
    {
        var list = diagnoses.ToList();
        var result = new List<ScaleRecommendation>();
        foreach (var scale in StandardScales.All)
        {
            var match = list.FirstOrDefault(d => scale.IcdPrefixes.Any(p => d.Code.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
            if (match.Code is not null)
                result.Add(new(scale, $"诊断“{match.Name}”（{match.Code}）"));
            else if (scale.MinimumAge is { } min && age >= min)
                result.Add(new(scale, $"年龄 {age} 岁（{min} 岁及以上）"));
            else if (scale.ForEveryone)
                result.Add(new(scale, "出院或就诊后的满意度调查"));
        }
        return result;
    }
}
