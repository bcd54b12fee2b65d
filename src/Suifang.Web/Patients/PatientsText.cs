namespace Suifang.Web.Patients;

/// Marker for PatientsText.resx: the words of the patient lists, the archive and the patient figures.
public sealed class PatientsText;
