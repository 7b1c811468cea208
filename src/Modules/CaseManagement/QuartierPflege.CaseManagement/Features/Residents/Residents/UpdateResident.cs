using FluentValidation;
using Marten;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Residents.Residents;

internal sealed class UpdateResident(IDocumentSession session, CaseAccess access, AuditTrail audit, IValidator<SaveResidentRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid residentId, SaveResidentRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        if (request.Version is not { } version)
        {
            return Outcome<Guid>.Invalid("version", "Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.");
        }

        var resident = await session.LoadAsync<Resident>(residentId, cancellationToken);
        if (resident is null)
        {
            return Outcome<Guid>.NotFound(GetResident.NotFoundMessage);
        }

        if (!await access.MaySeeResidentAsync(residentId, cancellationToken))
        {
            return Outcome<Guid>.Denied(GetResident.NotFoundMessage);
        }

        if (resident.Version != version)
        {
            return Outcome<Guid>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        if (RelativeChanges.UnknownRelative(resident, request.Relatives ?? []) is { } unknownRelative)
        {
            return Outcome<Guid>.Invalid(unknownRelative, "Diese:n Angehörige:n gibt es bei dieser Person nicht.");
        }

        var nameBefore = resident.DisplayName;
        request.Apply(resident);
        RelativeChanges.Apply(resident, request.Relatives ?? []);

        // The relatives live inside the resident's document, so any change of them is a new revision of the resident:
        // a second person editing them from the same state gets a conflict.
        session.StoreNextRevision(resident);
        if (resident.DisplayName != nameBefore)
        {
            // Lists show the resident's name from the case (no joins): keep it in step.
            foreach (var @case in await session.Query<Case>().Where(c => c.ResidentId == resident.Id).ToListAsync(cancellationToken))
            {
                @case.ShowResident(resident);
                session.StoreNextRevision(@case);
            }
        }

        audit.Record(AuditAction.Update, "Resident", resident.Id, $"Bewohner:in geändert: {resident.DisplayName}", residentId: resident.Id);
        return await session.SaveOrConflictAsync(resident.Id, cancellationToken);
    }
}
