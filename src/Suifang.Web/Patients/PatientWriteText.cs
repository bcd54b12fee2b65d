namespace Suifang.Web.Patients;

/// Marker for PatientWriteText.resx: the words of the new-patient, edit and import pages.
public sealed class PatientWriteText;
