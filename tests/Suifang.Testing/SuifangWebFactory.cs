using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Data;

namespace Suifang.Testing;

/// The real host on a throwaway database. Demo data is off unless a test asks for it;
/// the admin password is known so tests can log in (it must still be changed at first login).
/// testServices replaces or adds services after the host's own (a test double of a part written elsewhere).
public sealed class SuifangWebFactory(TestDatabase database, IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? testServices = null) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "first-Login-2026";

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets(); // MudBlazor and Blazor scripts from the build output, as in Development
        var values = new Dictionary<string, string?>
        {
            ["Suifang:DataDirectory"] = Database.Directory,
            ["Suifang:AdminPassword"] = AdminPassword,
            ["Suifang:DemoData"] = "false",
            ["Database:Provider"] = Database.Provider.ToString(),
            ["Database:ConnectionString"] = Database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            values[k] = v;
        // Host settings are read before Program's configuration is built, so they go in both places.
        foreach (var (k, v) in values)
            builder.UseSetting(k, v);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(values));
        if (testServices is not null)
            builder.ConfigureTestServices(testServices);
    }

    public static async Task<SuifangWebFactory> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var factory = new SuifangWebFactory(db, settings);
        _ = factory.Server; // build the host: migrations and first-run admin happen here
        return factory;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
