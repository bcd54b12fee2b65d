[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Suifang.Agent.Tests")]
