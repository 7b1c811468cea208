using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Testing;

namespace QuartierPflege.DataProtection.Tests;

/// <summary>
/// The Host with one finder for volunteers that tests fill themselves: the real finders are Case Management's and
/// Volunteers' (their data-protection parts are built beside this module), and erasing a sign-in account needs only a
/// person with an e-mail address.
/// </summary>
public sealed class DataProtectionApp : QpApp
{
    public KnownVolunteers Volunteers { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IDataSubjectFinder>(Volunteers);
}

public sealed class KnownVolunteers : IDataSubjectFinder
{
    private readonly ConcurrentDictionary<Guid, DataSubject> _people = new();

    public DataSubjectKind Kind => DataSubjectKind.Volunteer;

    public DataSubject Add(string name, string? email)
    {
        var subject = new DataSubject(DataSubjectKind.Volunteer, Guid.NewGuid(), name, [], email);
        _people[subject.Id] = subject;
        return subject;
    }

    public Task<IReadOnlyList<DataSubjectMatch>> SearchAsync(string query, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<DataSubjectMatch>>([.. _people.Values
            .Where(p => p.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Select(p => new DataSubjectMatch(p.Kind, p.Id, p.DisplayName, "Test"))]);

    public Task<DataSubject?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(_people.GetValueOrDefault(id));
}
