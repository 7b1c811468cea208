using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Persistence.Configurations;

internal sealed class HomeVisitConfiguration : IEntityTypeConfiguration<HomeVisit>
{
    public void Configure(EntityTypeBuilder<HomeVisit> visit)
    {
        visit.ToTable("home_visits");
        visit.Property(v => v.VisitedBy).HasMaxLength(200);
        visit.Property(v => v.TemplateKey).HasMaxLength(50);
        visit.Property(v => v.Content).AsJsonb();
        visit.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Cascade);
        visit.HasIndex(v => new { v.CaseId, v.VisitedOn });
    }
}

internal sealed class ProblemSituationConfiguration : IEntityTypeConfiguration<ProblemSituation>
{
    public void Configure(EntityTypeBuilder<ProblemSituation> problem)
    {
        problem.ToTable("problem_situations");
        problem.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        problem.Property(p => p.OtherText).HasMaxLength(200);
        problem.Property(p => p.Description).HasMaxLength(2000);
        problem.Property(p => p.ChosenAlternative).HasMaxLength(1000);
        problem.Property(p => p.ChoiceReason).HasMaxLength(2000);
        problem.Property(p => p.SourceDomain).HasMaxLength(50);
        problem.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(20);
        problem.Property(p => p.OutcomeNote).HasMaxLength(1000);
        problem.Property(p => p.Version).IsRowVersion();
        problem.Ignore(p => p.Title);
        problem.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        problem.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.ProblemId).OnDelete(DeleteBehavior.Cascade);
        problem.HasIndex(p => p.CaseId);
    }
}

internal sealed class PlanStepConfiguration : IEntityTypeConfiguration<PlanStep>
{
    public void Configure(EntityTypeBuilder<PlanStep> step)
    {
        step.ToTable("plan_steps");
        step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Title).HasMaxLength(200);
        step.Property(s => s.Owner).HasMaxLength(200);
        step.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Flag).AsJsonb();
        step.Property(s => s.Version).IsRowVersion();
        step.Ignore(s => s.IsOpen);
        step.HasOne(s => s.Referral).WithOne().HasForeignKey<Referral>(r => r.StepId).OnDelete(DeleteBehavior.Cascade);
        step.HasOne(s => s.NeighbourHelp).WithOne().HasForeignKey<NeighbourHelpRequest>(r => r.StepId).OnDelete(DeleteBehavior.Cascade);
        step.HasMany(s => s.History).WithOne().HasForeignKey(c => c.StepId).OnDelete(DeleteBehavior.Cascade);
        step.HasIndex(s => s.CaseId);
    }
}

internal sealed class StepChangeConfiguration : IEntityTypeConfiguration<StepChange>
{
    public void Configure(EntityTypeBuilder<StepChange> change)
    {
        change.ToTable("plan_step_changes");
        change.Property(c => c.Id).UseIdentityAlwaysColumn();
        change.Property(c => c.ByName).HasMaxLength(200);
        change.Property(c => c.Field).HasMaxLength(50);
        change.Property(c => c.From).HasMaxLength(1000);
        change.Property(c => c.To).HasMaxLength(1000);
        change.HasIndex(c => new { c.StepId, c.At });
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.ToTable("referrals");
        referral.Property(r => r.PartnerName).HasMaxLength(200);
        referral.Property(r => r.ServiceCategory).HasMaxLength(50);
        referral.Property(r => r.DisclosedSummary).HasMaxLength(2000);
        referral.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        referral.Property(r => r.ContactPerson).HasMaxLength(200);
        referral.Property(r => r.Reason).HasMaxLength(1000);
        referral.Ignore(r => r.IsOpen);
        referral.HasIndex(r => r.StepId).IsUnique();
        // Flagging open referrals when a partner becomes unavailable.
        referral.HasIndex(r => new { r.PartnerId, r.Status });
    }
}

internal sealed class NeighbourHelpRequestConfiguration : IEntityTypeConfiguration<NeighbourHelpRequest>
{
    public void Configure(EntityTypeBuilder<NeighbourHelpRequest> request)
    {
        request.ToTable("neighbour_help_requests");
        request.Property(r => r.RoleProfileKey).HasMaxLength(50);
        request.Property(r => r.Description).HasMaxLength(2000);
        request.Property(r => r.PreferredTimes).HasMaxLength(500);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Candidates).AsJsonb();
        request.Property(r => r.ChosenVolunteerName).HasMaxLength(200);
        request.HasIndex(r => r.StepId).IsUnique();
        // Flagging steps when a helper's enrolment is suspended.
        request.HasIndex(r => r.ChosenVolunteerId);
    }
}

internal static class JsonbColumns
{
    /// <summary>Stores a value as a jsonb document (System.Text.Json, camelCase); compared by content for change tracking.</summary>
    public static PropertyBuilder<T> AsJsonb<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
                v => JsonSerializer.Serialize(v, MessageJson.Options),
                v => JsonSerializer.Deserialize<T>(v, MessageJson.Options)!,
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, MessageJson.Options) == JsonSerializer.Serialize(b, MessageJson.Options),
                    v => JsonSerializer.Serialize(v, MessageJson.Options).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, MessageJson.Options), MessageJson.Options)!))
            .HasColumnType("jsonb");
        return property;
    }
}
