namespace Suifang.Core.Sms;

/// Reads a patient's SMS reply for what the inbox must do: an opt-out ("TD", "退订"), a wish to talk with someone, or a
/// symptom (then a nurse gets a to-do, 7.2.4). Implemented outside Core by the voice agent's understanding, so a reply is
/// read with the same negation, symptoms and intents as an answer on the phone ("不发烧了" is no complaint, "还是有点疼" is).
public interface ISmsReplyReader
{
    /// <param name="now">Hospital local time, for relative words ("明天").</param>
    SmsReplyKind Read(string text, DateTime now);
}
