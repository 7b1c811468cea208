using System.Globalization;
using FluentValidation;
using Marten;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.List;

namespace QuartierPflege.Quartiere.Features;

/// <summary>A new Quartier of the programme with the Quartiere next to it.</summary>
internal sealed record AddQuartierRequest(string? Name, IReadOnlyList<string>? Neighbours);

/// <summary>Changes a Quartier: its neighbours, and whether it may still be chosen (retired ones stay for old records).</summary>
internal sealed record ChangeQuartierRequest(IReadOnlyList<string>? Neighbours, bool? Active, int? Version);

/// <summary>A Quartier as coordination edits it (with the revision the change must start from).</summary>
internal sealed record QuartierEntry(string Name, IReadOnlyList<string> Neighbours, bool Active, int Version);

internal sealed class AddQuartierRequestValidator : AbstractValidator<AddQuartierRequest>
{
    public AddQuartierRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Bitte geben Sie den Namen des Quartiers ein.")
            .Must(n => n!.Trim().Length <= 100).WithMessage("Der Name darf höchstens 100 Zeichen lang sein.")
            .Must(n => !n!.Contains('/', StringComparison.Ordinal)).WithMessage("Der Name darf keinen Schrägstrich enthalten.");
    }
}

internal sealed class ChangeQuartierRequestValidator : AbstractValidator<ChangeQuartierRequest>
{
    public ChangeQuartierRequestValidator()
    {
        RuleFor(r => r.Active).NotNull().WithMessage("Bitte geben Sie an, ob das Quartier gewählt werden kann.");
        RuleFor(r => r.Version).NotNull().WithMessage("Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.");
    }
}

/// <summary>
/// Coordination keeps the list: adds Quartiere, sets who lies next to whom (kept symmetric: if A is next to B, B is
/// next to A) and retires Quartiere that are no longer worked in. Names never change (records carry them).
/// </summary>
internal sealed class MaintainQuartiere(
    IDocumentSession session,
    IValidator<AddQuartierRequest> addValidator,
    IValidator<ChangeQuartierRequest> changeValidator)
{
    private static readonly StringComparer German = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true);

    public async Task<IReadOnlyList<QuartierEntry>> ListAsync(CancellationToken cancellationToken)
        => [.. (await session.Query<Quartier>().ToListAsync(cancellationToken))
            .OrderBy(q => q.Id, German)
            .Select(q => new QuartierEntry(q.Id, [.. q.Neighbours.Order(German)], q.Active, q.Version))];

    public async Task<Outcome<string>> AddAsync(AddQuartierRequest request, CancellationToken cancellationToken)
    {
        var validation = await addValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<string>.Invalid(validation);
        }

        var name = request.Name!.Trim();
        var all = await session.Query<Quartier>().ToListAsync(cancellationToken);
        if (all.Any(q => German.Equals(q.Id, name) || German.Equals(Squeezed(q.Id), Squeezed(name))))
        {
            return Outcome<string>.Invalid("name", $"Ein Quartier „{all.First(q => German.Equals(Squeezed(q.Id), Squeezed(name))).Id}“ gibt es schon.");
        }

        if (UnknownNeighbour(request.Neighbours, all, name) is { } unknown)
        {
            return Outcome<string>.Invalid("neighbours", $"Das Nachbarquartier „{unknown}“ steht nicht in der Liste.");
        }

        var quartier = new Quartier { Id = name };
        SetNeighbours(quartier, request.Neighbours ?? [], all);
        return await session.SaveOrConflictAsync(name, cancellationToken);
    }

    public async Task<Outcome<string>> ChangeAsync(string name, ChangeQuartierRequest request, CancellationToken cancellationToken)
    {
        var validation = await changeValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<string>.Invalid(validation);
        }

        var all = await session.Query<Quartier>().ToListAsync(cancellationToken);
        var quartier = all.FirstOrDefault(q => q.Id == name);
        if (quartier is null)
        {
            return Outcome<string>.NotFound("Das Quartier wurde nicht gefunden.");
        }

        if (quartier.Version != request.Version)
        {
            return Outcome<string>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        if (UnknownNeighbour(request.Neighbours, all, name) is { } unknown)
        {
            return Outcome<string>.Invalid("neighbours", $"Das Nachbarquartier „{unknown}“ steht nicht in der Liste.");
        }

        quartier.Active = request.Active!.Value;
        SetNeighbours(quartier, request.Neighbours ?? [], all);
        session.UpdateRevision(quartier, quartier.Version + 1);
        return await session.SaveOrConflictAsync(name, cancellationToken);
    }

    /// <summary>"Döbeln Nord" and "Döbeln-Nord" are the same place: compared without spaces and hyphens.</summary>
    private static string Squeezed(string name) => new([.. name.Where(c => c is not (' ' or '-' or '–'))]);

    private static string? UnknownNeighbour(IReadOnlyList<string>? neighbours, IReadOnlyList<Quartier> all, string self)
        => (neighbours ?? []).FirstOrDefault(n => n == self || all.All(q => q.Id != n));

    /// <summary>Sets the neighbours of <paramref name="quartier"/> and mirrors the change on the others.</summary>
    private void SetNeighbours(Quartier quartier, IReadOnlyList<string> neighbours, IReadOnlyList<Quartier> all)
    {
        var wanted = neighbours.Distinct().ToHashSet();
        quartier.Neighbours = [.. wanted.Order(German)];
        foreach (var other in all.Where(q => q.Id != quartier.Id))
        {
            var listed = other.Neighbours.Contains(quartier.Id);
            if (listed == wanted.Contains(other.Id))
            {
                continue;
            }

            other.Neighbours = listed ? [.. other.Neighbours.Where(n => n != quartier.Id)] : [.. other.Neighbours.Append(quartier.Id).Order(German)];
            // Only on the revision read: a concurrent edit of the neighbour makes the whole change a conflict.
            session.UpdateRevision(other, other.Version + 1);
        }

        if (all.All(q => q.Id != quartier.Id))
        {
            session.Insert(quartier);
        }
    }
}
