using Suifang.Core.Patients;

namespace Suifang.Web.Demo;

/// A family contact who fits the patient: a parent for children and young adults, a spouse or a grown child for adults.
internal static class DemoFamily
{
    public static (string Name, string Relation, Gender Gender)? For(Random random, string surname, Gender gender, int age, int birthYear)
    {
        var chance = age switch { < 18 => 1.0, >= 75 => 0.85, >= 60 => 0.6, _ => 0.35 };
        if (random.NextDouble() >= chance)
            return null;
        if (age < 23)
        {
            var parentYear = birthYear - random.Next(24, 36);
            return random.NextDouble() < 0.5
                ? (surname + ChineseNames.GivenName(random, Gender.Male, parentYear), "父亲", Gender.Male)
                : (ChineseNames.FullName(random, Gender.Female, parentYear), "母亲", Gender.Female);
        }
        if (age >= 65 && random.NextDouble() < 0.6)
        {
            var childYear = birthYear + random.Next(22, 34);
            var childGender = random.NextDouble() < 0.5 ? Gender.Male : Gender.Female;
            var childSurname = gender == Gender.Male ? surname : ChineseNames.Surname(random);
            return (childSurname + ChineseNames.GivenName(random, childGender, childYear), childGender == Gender.Male ? "儿子" : "女儿", childGender);
        }
        var spouseGender = gender == Gender.Male ? Gender.Female : Gender.Male;
        return (ChineseNames.FullName(random, spouseGender, birthYear + random.Next(-4, 5)), "配偶", spouseGender);
    }
}
