using FluentValidation;
using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Residents.Residents;

internal sealed class UpdateResident(CaseManagementDbContext db, AuditTrail audit, IValidator<SaveResidentRequest> validator)
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

        var resident = await db.Residents.Include(r => r.Relatives).SingleOrDefaultAsync(r => r.Id == residentId, cancellationToken);
        if (resident is null)
        {
            return Outcome<Guid>.NotFound("Die Bewohnerin bzw. der Bewohner wurde nicht gefunden.");
        }

        if (resident.Version != version)
        {
            return Outcome<Guid>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        if (RelativeChanges.UnknownRelative(resident, request.Relatives ?? []) is { } unknownRelative)
        {
            return Outcome<Guid>.Invalid(unknownRelative, "Diese:n Angehörige:n gibt es bei dieser Person nicht.");
        }

        request.Apply(resident);
        RelativeChanges.Apply(resident, request.Relatives ?? [], db);

        // The resident's row is the aggregate's version: a change of relatives alone must still bump it, so that a
        // second person editing the relatives gets a conflict too.
        db.Entry(resident).Property(r => r.Version).OriginalValue = version;
        db.Entry(resident).State = EntityState.Modified;
        audit.Record(AuditAction.Update, "Resident", resident.Id, $"Bewohner:in geändert: {resident.DisplayName}", residentId: resident.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Guid>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        return Outcome<Guid>.Done(resident.Id);
    }
}
