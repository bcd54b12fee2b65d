using Suifang.Agent.Dialogue;

namespace Suifang.Agent.Tests;

public sealed class ContractTests
{
    [Fact]
    public void Input_with_neither_words_nor_keys_is_silence()
    {
        Assert.True(PatientInput.Silence.IsSilence);
        Assert.True(PatientInput.Said("  ").IsSilence);
        Assert.False(PatientInput.Said("没有").IsSilence);
        Assert.False(PatientInput.Pressed("1").IsSilence);
    }
}
