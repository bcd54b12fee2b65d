using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Tasks;

namespace Suifang.Core.Contact;

public static class ContactModule
{
    /// The contact gate the task engine asks before a channel acts, with its cache of each hospital's rules.
    public static IServiceCollection AddContactRules(this IServiceCollection services) =>
        services.AddSingleton<ContactPolicies>().AddSingleton<IContactGate, ContactRulesGate>();
}
