namespace Suifang.Core.Patients;

public enum Access
{
    Granted,
    NotFound,
    Forbidden,
}

/// The answer of a query about one patient: the value, or why there is none (absent, or outside the user's scope).
public sealed record ScopedResult<T>(Access Access, T? Value) where T : class
{
    public static ScopedResult<T> Granted(T value) => new(Access.Granted, value);
    public static readonly ScopedResult<T> NotFound = new(Access.NotFound, null);
    public static readonly ScopedResult<T> Forbidden = new(Access.Forbidden, null);
}
