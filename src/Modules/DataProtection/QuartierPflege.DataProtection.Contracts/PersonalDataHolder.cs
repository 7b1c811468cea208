using NodaTime;

namespace QuartierPflege.DataProtection.Contracts;

/// <summary>One value of a record in a person's copy (Art. 15), labelled in German.</summary>
public sealed record PersonalDataField(string Label, string? Value);

/// <summary>One record in a person's copy ("Fall 2026-0012", "Einwilligung: Weitergabe an Netzwerkpartner").</summary>
public sealed record PersonalDataRecord(string KindKey, string Title, IReadOnlyList<PersonalDataField> Fields);

/// <summary>What one module holds about one person.</summary>
public sealed record PersonalDataSection(string Module, IReadOnlyList<PersonalDataRecord> Records);

/// <summary>
/// The read side every module that stores personal data offers the data-protection module. Writes (erasure, the sweep)
/// are messages. Each module registers one (<c>services.AddScoped&lt;IPersonalDataHolder, …&gt;()</c>).
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>As in <see cref="IPersonalDataRegister.Module"/>.</summary>
    string Module { get; }

    /// <summary>What a sweep on <paramref name="date"/> would anonymise or delete now (the forecast: "fällig bis …").</summary>
    Task<IReadOnlyList<RetentionCount>> DueAsync(LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken);

    /// <summary>Everything this module holds about <paramref name="subject"/>, readable; an empty section when nothing.</summary>
    Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// German reasons why the person cannot be erased now (an open case, an active assignment); empty when erasure may
    /// start. Retention duties are not objections: those records are restricted instead (see <see cref="ErasureLine"/>).
    /// </summary>
    Task<IReadOnlyList<string>> ErasureObjectionsAsync(DataSubject subject, CancellationToken cancellationToken);
}
