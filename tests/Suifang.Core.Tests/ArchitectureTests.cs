using System.Reflection;

namespace Suifang.Core.Tests;

/// DESIGN.md: dependencies point inward. Web → Core, Agent, Integrations; Integrations → Core/Agent; Agent and Core → nothing of ours.
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Data.SuifangDbContext).Assembly;
    private static readonly Assembly Integrations = Assembly.Load("Suifang.Integrations");
    private static readonly Assembly Agent = Assembly.Load("Suifang.Agent");

    private static IEnumerable<string> OurReferences(Assembly a) =>
        a.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("Suifang.", StringComparison.Ordinal));

    [Fact]
    public void Core_depends_on_no_other_Suifang_project() => Assert.Empty(OurReferences(Core));

    [Fact]
    public void The_agent_depends_on_no_other_Suifang_project() => Assert.Empty(OurReferences(Agent));

    [Fact]
    public void Integrations_depend_only_on_Core_and_Agent() =>
        Assert.All(OurReferences(Integrations), n => Assert.Contains(n, new[] { "Suifang.Core", "Suifang.Agent" }));

    [Fact]
    public void Core_has_no_web_or_ui_types() =>
        Assert.DoesNotContain(Core.GetTypes(), t => t.Namespace?.Contains(".Web", StringComparison.Ordinal) == true
            || typeof(Microsoft.AspNetCore.Components.IComponent).IsAssignableFrom(t));
}
