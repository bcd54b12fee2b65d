namespace Suifang.Web.Questionnaires.Patient;

/// Marker for PatientText.resx: the words of the patient's questionnaire page (plain and polite, 8.1.1, 8.3.2).
public sealed class PatientText;
