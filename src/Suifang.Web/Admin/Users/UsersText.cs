namespace Suifang.Web.Admin.Users;

/// Marker for UsersText.resx: the words of the account administration pages.
public sealed class UsersText;
