using FluentValidation;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using Marten;

namespace QuartierPflege.CaseManagement.Features.Residents.Residents;

internal sealed class CreateResident(
    IDocumentSession session,
    AuditTrail audit,
    ICurrentUser user,
    IClock clock,
    IValidator<SaveResidentRequest> validator,
    PossibleDuplicates duplicates)
{
    public async Task<Outcome<Guid>> HandleAsync(SaveResidentRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        if (!request.CreateDespiteDuplicates && await duplicates.FindAsync(request, cancellationToken) is { Count: > 0 } found)
        {
            return Outcome<Guid>.Invalid("createDespiteDuplicates", PossibleDuplicates.Warning(found));
        }

        var resident = new Resident
        {
            FirstName = string.Empty,
            LastName = string.Empty,
            Street = string.Empty,
            HouseNumber = string.Empty,
            PostalCode = string.Empty,
            City = string.Empty,
            Quartier = string.Empty,
            CreatedAt = clock.GetCurrentInstant(),
            CreatedBy = user.Id,
        };
        request.Apply(resident);
        foreach (var relative in request.Relatives ?? [])
        {
            resident.Relatives.Add(RelativeChanges.New(relative));
        }

        session.Insert(resident);
        audit.Record(AuditAction.Create, "Resident", resident.Id, $"Bewohner:in angelegt: {resident.DisplayName}", residentId: resident.Id);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(resident.Id);
    }
}

internal static class RelativeChanges
{
    public static Relative New(RelativeInput input) => new()
    {
        Name = input.Name!.Trim(),
        Role = input.Role!.Trim(),
        Phone = ResidentTexts.Optional(input.Phone),
        MayBeContacted = input.MayBeContacted,
    };

    /// <summary>The field of an edited relative whose id this resident does not have, if any.</summary>
    public static string? UnknownRelative(Resident resident, IReadOnlyList<RelativeInput> edited)
    {
        for (var i = 0; i < edited.Count; i++)
        {
            if (edited[i].Id is { } id && resident.Relatives.All(r => r.Id != id))
            {
                return $"relatives[{i}].id";
            }
        }

        return null;
    }

    /// <summary>Brings the embedded relatives in line with the edited list (ids checked before).</summary>
    public static void Apply(Resident resident, IReadOnlyList<RelativeInput> edited)
    {
        resident.Relatives.RemoveAll(r => edited.All(e => e.Id != r.Id));

        foreach (var input in edited)
        {
            if (input.Id is { } id)
            {
                var relative = resident.Relatives.Single(r => r.Id == id);
                relative.Name = input.Name!.Trim();
                relative.Role = input.Role!.Trim();
                relative.Phone = ResidentTexts.Optional(input.Phone);
                relative.MayBeContacted = input.MayBeContacted;
            }
            else
            {
                resident.Relatives.Add(New(input));
            }
        }
    }
}
