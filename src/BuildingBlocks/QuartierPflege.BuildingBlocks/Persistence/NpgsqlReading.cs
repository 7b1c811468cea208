using System.Data.Common;
using NodaTime;

namespace QuartierPflege.BuildingBlocks.Persistence;

public static class NpgsqlReading
{
    /// <summary>A timestamptz column read by hand-written SQL, as an <see cref="Instant"/> (Npgsql gives UTC DateTimes).</summary>
    public static Instant GetInstant(this DbDataReader reader, int ordinal)
        => Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    public static Instant? GetNullableInstant(this DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);
}
