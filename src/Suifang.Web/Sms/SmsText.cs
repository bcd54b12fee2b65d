namespace Suifang.Web.Sms;

/// Marker for SmsText.resx: the words of the SMS pages.
public sealed class SmsText;
