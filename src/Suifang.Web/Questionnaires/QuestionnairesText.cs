namespace Suifang.Web.Questionnaires;

/// Marker for QuestionnairesText.resx: the words of the questionnaire list, designer, results and archive panel.
public sealed class QuestionnairesText;
