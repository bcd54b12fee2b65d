using System.Reflection;

namespace Suifang.Web.Hosting;

/// Endpoints an assembly other than the host adds (registered in DI before the app is built): a plug-in's API, or a
/// test's endpoint that fails on purpose to prove the error handling (8.2.2).
public sealed record AdditionalEndpoints(Action<IEndpointRouteBuilder> Map);

/// Routable Blazor pages from another assembly (the router and the endpoint map both take them).
public sealed record AdditionalPages(Assembly Assembly);
