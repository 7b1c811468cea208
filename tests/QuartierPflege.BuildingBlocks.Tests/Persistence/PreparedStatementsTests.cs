using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.BuildingBlocks.Tests.Persistence;

public sealed class PreparedStatementsTests
{
    [Fact]
    public void Given_a_plain_connection_string_then_repeated_statements_are_prepared()
    {
        var connectionString = DataSourceFor("Host=localhost;Username=qp;Database=qp").ConnectionString;

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
    }

    [Fact]
    public void Given_a_connection_string_with_its_own_limit_then_that_limit_is_kept()
    {
        var connectionString = DataSourceFor("Host=localhost;Username=qp;Database=qp;Max Auto Prepare=5").ConnectionString;

        Assert.Equal(5, new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare);
    }

    private static NpgsqlDataSource DataSourceFor(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:" + DatabaseRegistration.ConnectionStringName] = connectionString })
            .Build();
        return new ServiceCollection().AddQuartierPflegeDatabase(configuration).BuildServiceProvider().GetRequiredService<NpgsqlDataSource>();
    }
}
