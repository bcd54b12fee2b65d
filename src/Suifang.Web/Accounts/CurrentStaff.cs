using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Suifang.Core.Accounts;

namespace Suifang.Web.Accounts;

/// The signed-in staff member and what they may see, for pages and endpoints alike.
internal sealed class CurrentStaff(AuthenticationStateProvider auth, ClientAddress address)
{
    public async Task<StaffScope> GetAsync()
    {
        var state = await auth.GetAuthenticationStateAsync();
        return StaffScopes.From(state.User, address.Value);
    }
}

/// The address a staff member works from, kept for the audit log.
internal sealed class ClientAddress(IHttpContextAccessor http)
{
    private string? _captured;

    public string? Value => _captured ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public void Capture() => _captured ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}

internal sealed class ClientAddressCircuitHandler(ClientAddress address) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken ct)
    {
        address.Capture();
        return Task.CompletedTask;
    }
}
