using FluentValidation;
using JasperFx;
using Marten;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.Quartiere.Features.Forum;

/// <summary>A residents' group (e.g. "Seniorentreff Körnerplatz") with its contact person and rhythm in words.</summary>
internal sealed class ResidentGroup : IRevisioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = string.Empty;

    public string Quartier { get; set; } = string.Empty;

    public string ContactPerson { get; set; } = string.Empty;

    /// <summary>"jeden 2. Dienstag, 15 Uhr": people say it so, and the group keeps to it loosely.</summary>
    public string Rhythm { get; set; } = string.Empty;

    /// <summary>Where the group meets; optional, since groups recorded before the pages had none.</summary>
    public string? Place { get; set; }

    /// <summary>
    /// When the group stopped meeting. No page ends a group yet (see docs/decisions.md); the retention sweep already
    /// deletes a group (with its contact person) a year after this date.
    /// </summary>
    public NodaTime.LocalDate? EndedOn { get; set; }

    public int Version { get; set; }
}

internal sealed record SaveGroupRequest(string? Name, string? Quartier, string? ContactPerson, string? Rhythm, string? Place = null, int? Version = null);

internal sealed class SaveGroupRequestValidator : AbstractValidator<SaveGroupRequest>
{
    public SaveGroupRequestValidator(IQuartierList quartiere)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Bitte geben Sie den Namen der Gruppe an.")
            .Must(n => n!.Trim().Length <= 200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Quartier).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("Bitte wählen Sie das Quartier.")
            .MustAsync(async (q, ct) => await quartiere.FindAsync(q!, ct) is not null).WithMessage("Bitte wählen Sie ein Quartier aus der Liste.");
        RuleFor(r => r.ContactPerson).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Bitte geben Sie die Kontaktperson an.")
            .Must(c => c!.Trim().Length <= 200).WithMessage("Die Kontaktperson darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Rhythm).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Bitte geben Sie an, wann sich die Gruppe trifft (z. B. „jeden 2. Dienstag, 15 Uhr“).")
            .Must(r => r!.Trim().Length <= 200).WithMessage("Der Treffrhythmus darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Place).Must(p => p is null || p.Trim().Length <= 200).WithMessage("Der Treffpunkt darf höchstens 200 Zeichen lang sein.");
    }
}

internal sealed class GroupWork(IDocumentSession session, IValidator<SaveGroupRequest> validator)
{
    public const string NotFoundMessage = "Die Gruppe wurde nicht gefunden.";

    /// <summary>The groups of one Quartier, or of all; by Quartier, then name.</summary>
    public async Task<IReadOnlyList<ResidentGroup>> ListAsync(string? quartier, CancellationToken cancellationToken)
    {
        var query = session.Query<ResidentGroup>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(quartier))
        {
            query = query.Where(g => g.Quartier == quartier);
        }

        return [.. (await query.ToListAsync(cancellationToken)).OrderBy(g => g.Quartier, StringComparer.Ordinal).ThenBy(g => g.Name, StringComparer.Ordinal)];
    }

    public Task<ResidentGroup?> FindAsync(Guid id, CancellationToken cancellationToken) => session.LoadAsync<ResidentGroup>(id, cancellationToken);

    public async Task<Outcome<Guid>> CreateAsync(SaveGroupRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var group = new ResidentGroup();
        Apply(group, request);
        session.Insert(group);
        return await session.SaveOrConflictAsync(group.Id, cancellationToken);
    }

    public async Task<Outcome<int>> UpdateAsync(Guid id, SaveGroupRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        if (request.Version is not { } version)
        {
            return Outcome<int>.Invalid("version", "Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.");
        }

        var group = await session.LoadAsync<ResidentGroup>(id, cancellationToken);
        if (group is null)
        {
            return Outcome<int>.NotFound(NotFoundMessage);
        }

        Apply(group, request);
        session.UpdateRevision(group, version + 1);
        return await session.SaveOrConflictAsync(version + 1, cancellationToken);
    }

    private static void Apply(ResidentGroup group, SaveGroupRequest request)
    {
        group.Name = request.Name!.Trim();
        group.Quartier = request.Quartier!.Trim();
        group.ContactPerson = request.ContactPerson!.Trim();
        group.Rhythm = request.Rhythm!.Trim();
        group.Place = string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim();
    }
}
