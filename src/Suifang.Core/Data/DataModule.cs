using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Suifang.Core.Common;
using Suifang.Core.Security;

namespace Suifang.Core.Data;

public static class DataModule
{
    /// Registers the provider's context (scoped, and a factory for Blazor components) under the SuifangDbContext type.
    public static IServiceCollection AddSuifangData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SuifangOptions>().BindConfiguration(SuifangOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);

        var suifang = configuration.GetSection(SuifangOptions.Section).Get<SuifangOptions>() ?? new SuifangOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        Directory.CreateDirectory(suifang.DataDirectory);

        services.AddSingleton(sp => new HospitalClock(TimeProvider.System, HospitalClock.FindZone(suifang.TimeZone)));
        services.AddSingleton(_ => new SensitiveDataProtector(
            FieldKeyStore.LoadOrCreate(configuration["Suifang:Security:FieldKey"], suifang.DataDirectory)));

        if (database.Provider == DatabaseProvider.Postgres)
        {
            var cs = database.ConnectionString
                ?? throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
                    ["已选择 PostgreSQL（Database:Provider=Postgres），但没有配置 Database:ConnectionString。"]);
            services.AddDbContextFactory<PostgresSuifangDbContext>(o => o.UseNpgsql(cs));
            Alias<PostgresSuifangDbContext>(services);
        }
        else
        {
            var cs = database.ConnectionString ?? $"Data Source={Path.Combine(suifang.DataDirectory, "suifang.db")}";
            services.AddDbContextFactory<SqliteSuifangDbContext>(o => o.UseSuifangSqlite(cs));
            Alias<SqliteSuifangDbContext>(services);
        }
        return services;
    }

    private static void Alias<TContext>(IServiceCollection services) where TContext : SuifangDbContext
    {
        services.AddScoped<SuifangDbContext>(sp => Stamp(sp, sp.GetRequiredService<TContext>()));
        services.AddSingleton<IDbContextFactory<SuifangDbContext>>(sp =>
            new StampingFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>(), sp.GetRequiredService<HospitalClock>()));
    }

    private static SuifangDbContext Stamp(IServiceProvider sp, SuifangDbContext db)
    {
        var clock = sp.GetRequiredService<HospitalClock>();
        db.Now = () => clock.Now;
        return db;
    }

    private sealed class StampingFactory<TContext>(IDbContextFactory<TContext> inner, HospitalClock clock)
        : IDbContextFactory<SuifangDbContext> where TContext : SuifangDbContext
    {
        public SuifangDbContext CreateDbContext()
        {
            var db = inner.CreateDbContext();
            db.Now = () => clock.Now;
            return db;
        }
    }
}
