namespace Suifang.Web.Tasks;

/// Marker for TasksText.resx: the words of the task pages.
public sealed class TasksText;
