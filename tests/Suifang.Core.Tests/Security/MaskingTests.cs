using Suifang.Core.Security;

namespace Suifang.Core.Tests.Security;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("057188886666", "057****6666")]
    [InlineData("110", "*10")]
    public void Phone_numbers_show_the_first_three_and_last_four_digits(string number, string masked) =>
        Assert.Equal(masked, Masking.MaskPhone(number));

    [Fact]
    public void ID_numbers_hide_the_birth_date() =>
        Assert.Equal("110101********0015", Masking.MaskIdNumber("110101199003070015"));
}

public sealed class ContactNumberTests
{
    [Theory]
    [InlineData("+86 138-1234-1234", "13812341234")]
    [InlineData("0086 13812341234", "13812341234")]
    [InlineData("(0571) 8888 6666", "057188886666")]
    public void Phone_numbers_are_normalised_to_digits(string raw, string normalized) =>
        Assert.Equal(normalized, ContactNumbers.NormalizePhone(raw));

    [Theory]
    [InlineData("13812341234", true)]
    [InlineData("12812341234", false)]
    [InlineData("1381234123", false)]
    [InlineData("057188886666", true)]
    [InlineData("88886666", false)]
    public void Only_mobile_and_landline_numbers_with_area_code_are_valid(string number, bool valid) =>
        Assert.Equal(valid, ContactNumbers.IsValidPhone(number));

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("110105194913310028", false)]
    [InlineData("11010519491231002", false)]
    public void ID_numbers_are_checked_with_their_check_character(string id, bool valid) =>
        Assert.Equal(valid, ContactNumbers.IsValidIdNumber(id));

    [Fact]
    public void The_birth_date_is_read_from_the_ID_number() =>
        Assert.Equal(new DateOnly(1949, 12, 31), ContactNumbers.BirthDateOf("11010519491231002X"));
}
