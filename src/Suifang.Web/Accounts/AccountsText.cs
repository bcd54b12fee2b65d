namespace Suifang.Web.Accounts;

/// Marker for AccountsText.resx: the words of login, password and account pages.
public sealed class AccountsText;
