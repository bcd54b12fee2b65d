using System.Net;
using System.Net.Sockets;

namespace Suifang.Integrations.Tests.Telephony.Sip;

/// A block of 40 loopback ports for one test, so SIP tests can run in parallel in one process:
/// +0 line SIP (+1 TLS, +2 control), +4 patient SIP (+5, +6), +8 carrier SIP, +10 carrier media,
/// +20..+29 line RTP, +30..+39 patient RTP.
internal sealed record TestPorts(int Base)
{
    private const int BlockSize = 40;
    private static int next = 30000 + Environment.ProcessId % 200 * BlockSize % 20000;

    public int LineSip => Base;
    public int PatientSip => Base + 4;
    public int PatientControl => Base + 6;
    public int CarrierSip => Base + 8;
    public int CarrierMedia => Base + 10;
    public int LineRtpMin => Base + 20;
    public int LineRtpMax => Base + 29;
    public int PatientRtpMin => Base + 30;
    public int PatientRtpMax => Base + 39;

    public static TestPorts Allocate()
    {
        while (true)
        {
            var start = Interlocked.Add(ref next, BlockSize) - BlockSize;
            if (start + BlockSize > 60000)
                Interlocked.CompareExchange(ref next, 30000, start + BlockSize);
            else if (Free(start, BlockSize))
                return new TestPorts(start);
        }
    }

    private static bool Free(int start, int count)
    {
        for (var port = start; port < start + count; port++)
        {
            try
            {
                using var tcp = new TcpListener(IPAddress.Loopback, port);
                tcp.Start();
                tcp.Stop();
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            }
            catch (SocketException)
            {
                return false;
            }
        }
        return true;
    }
}
