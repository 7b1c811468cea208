using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace QuartierPflege.BuildingBlocks.Persistence;

public static class ModelConventions
{
    /// <summary>The conventions every module's DbContext shares: NodaTime types and money as numeric(12,2).</summary>
    public static void ApplyQuartierPflegeConventions(this ModelConfigurationBuilder builder)
    {
        builder.Properties<Instant>().HaveConversion<InstantConverter>().HaveColumnType("timestamp with time zone");
        builder.Properties<LocalDate>().HaveConversion<LocalDateConverter>().HaveColumnType("date");
        builder.Properties<YearMonth>().HaveConversion<YearMonthConverter>().HaveColumnType("date");
        builder.Properties<LocalTime>().HaveConversion<LocalTimeConverter>().HaveColumnType("time without time zone");
        builder.Properties<decimal>().HavePrecision(12, 2);
    }
}
