namespace Suifang.Web.Todos;

/// Marker for TodosText.resx: the words of the to-do pages.
public sealed class TodosText;
