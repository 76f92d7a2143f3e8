using Reporting.Core.Strategy;
using Reporting.Testing;

namespace Reporting.Core.Tests;

public sealed class StrategyRecipientsTests
{
    private static StrategyLoadResult Parse(string recipients, string ownerEmail = "owner@example.org") =>
        StrategyYaml.Parse($"""
            organisation: Test
            {recipients}
            departments:
              - id: sales
                name: Sales
                owner: Ann
                ownerEmail: {ownerEmail}
                kpis:
                  - {"{"} id: revenue, name: Revenue, unit: count, direction: higher, target: 1 {"}"}
            """);

    [Fact]
    public void Sample_HasLeadershipAdminsAndEveryOwnersAddress_AllOnExampleDomains()
    {
        var strategy = SampleOrganisation.Strategy();

        Assert.Equal(["ceo@northwind.example.org", "cfo@northwind.example.org", "strategy-office@northwind.example.org"], strategy.Mail.Leadership);
        Assert.Equal(["reporting-admin@northwind.example.org"], strategy.Mail.Admins);
        Assert.All(strategy.Departments, d => Assert.EndsWith("@northwind.example.org", d.OwnerEmail));
    }

    [Fact]
    public void WellFormedLists_AreRead_AndNoListsMeanNobody()
    {
        var strategy = Parse("leadership: [a@example.org, b.c+d@sub.example.org]\nadmins: [admin@example.org]").GetValidStrategy();

        Assert.Equal(["a@example.org", "b.c+d@sub.example.org"], strategy.Mail.Leadership);
        Assert.Equal("owner@example.org", strategy.Departments[0].OwnerEmail);
        Assert.Empty(Parse("").GetValidStrategy().Mail.Leadership);
    }

    [Theory]
    [InlineData("leadership: [ceo@northwind]", "leadership[0]: 'ceo@northwind' is not a mail address like name@example.org")]
    [InlineData("leadership: [\"Ann <ann@example.org>\"]", "leadership[0]: 'Ann <ann@example.org>' is not a mail address like name@example.org")]
    [InlineData("admins: [a@example.org, b@example.org, A@Example.org]", "admins[2]: 'A@Example.org' is listed twice")]
    [InlineData("admins: [\"two words@example.org\"]", "admins[0]: 'two words@example.org' is not a mail address like name@example.org")]
    public void BadOrDuplicateAddresses_AreProblems(string recipients, string problem)
    {
        Assert.Contains(problem, Parse(recipients).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void BadOwnerAddress_IsAProblemAtTheDepartment()
    {
        Assert.Contains("departments[sales].ownerEmail: 'owner.example.org' is not a mail address like name@example.org", Parse("", "owner.example.org").Problems.Select(p => p.ToString()));
    }
}
