using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace QuartierPflege.BuildingBlocks.Persistence;

// The NodaTime Npgsql plugin is not available from our package source, so these converters map NodaTime types onto
// the BCL types Npgsql understands natively: Instant -> timestamptz, LocalDate -> date, YearMonth -> date (1st day).

public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    instant => instant.ToDateTimeUtc(),
    value => Instant.FromDateTimeUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc)));

public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
    date => date.ToDateOnly(),
    value => LocalDate.FromDateOnly(value));

public sealed class YearMonthConverter() : ValueConverter<YearMonth, DateOnly>(
    month => month.OnDayOfMonth(1).ToDateOnly(),
    value => new YearMonth(value.Year, value.Month));

public sealed class LocalTimeConverter() : ValueConverter<LocalTime, TimeOnly>(
    time => time.ToTimeOnly(),
    value => LocalTime.FromTimeOnly(value));
