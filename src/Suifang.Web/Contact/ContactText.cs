namespace Suifang.Web.Contact;

/// Marker for ContactText.resx: the words of the contact-rules, do-not-call and consent pages.
public sealed class ContactText;
