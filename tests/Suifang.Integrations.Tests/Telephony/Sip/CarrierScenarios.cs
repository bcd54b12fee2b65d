namespace Suifang.Integrations.Tests.Telephony.Sip;

/// SIPp UAS scenarios for the fake carrier.
internal static class CarrierScenarios
{
    private const string Headers = """
        [last_Via:]
        [last_From:]
        [last_To:];tag=[pid]SIPpTag01[call_number]
        [last_Call-ID:]
        [last_CSeq:]
        """;

    private static string Response(string status, string extra = "", string body = "") => $"""
          <send>
            <![CDATA[
        SIP/2.0 {status}
        {Headers}
        Contact: <sip:[local_ip]:[local_port];transport=[transport]>
        {extra}Content-Length: [len]

        {body}
            ]]>
          </send>
        """;

    private const string Sdp = """
        v=0
        o=carrier 53655765 2353687637 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [rtpstream_audio_port] RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        """;

    private static string Scenario(string body) => $"""
        <?xml version="1.0" encoding="UTF-8" ?>
        <scenario name="fake carrier">
          <recv request="INVITE" crlf="true"/>
        {body}
        </scenario>
        """;

    /// Rings briefly, then ends the call with <paramref name="status"/>, e.g. "486 Busy Here".
    public static string RingThen(string status) => Scenario(
        Response("180 Ringing") + "\n  <pause milliseconds=\"200\"/>\n" + Response(status) + "\n  <recv request=\"ACK\"/>");

    /// 183 with SDP, plays <paramref name="ulawFile"/> (raw 8 kHz µ-law) as early media for
    /// <paramref name="milliseconds"/>, then ends with <paramref name="status"/>.
    public static string EarlyMediaThen(string ulawFile, int milliseconds, string status) => Scenario(
        Response("183 Session Progress", "Content-Type: application/sdp\n", Sdp)
        + $"\n  <nop><action><exec rtp_stream=\"{ulawFile},1,0\"/></action></nop>\n  <pause milliseconds=\"{milliseconds}\"/>\n"
        + Response(status) + "\n  <recv request=\"ACK\"/>");

    /// Rings and never answers; accepts the caller's CANCEL.
    public static string RingForever() => Scenario(
        Response("180 Ringing") + """

          <recv request="CANCEL">
            <action><ereg regexp="([0-9]+)" search_in="hdr" header="CSeq:" assign_to="cseq"/></action>
          </recv>
        """ + Response("200 OK") + """

          <send>
            <![CDATA[
        SIP/2.0 487 Request Terminated
        [last_Via:]
        [last_From:]
        [last_To:];tag=[pid]SIPpTag01[call_number]
        [last_Call-ID:]
        CSeq: [$cseq] INVITE
        Content-Length: 0

            ]]>
          </send>
          <recv request="ACK"/>
        """);
}
