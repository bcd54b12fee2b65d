namespace Suifang.Web.Admin.Departments;

/// Marker for DepartmentsText.resx: the words of the department administration page.
public sealed class DepartmentsText;
