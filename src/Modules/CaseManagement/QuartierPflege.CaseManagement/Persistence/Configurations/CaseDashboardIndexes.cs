using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Persistence.Configurations;

/// <summary>
/// Indexes of the dashboard (kept apart from <see cref="CaseConfiguration"/>, which owns the table): coordination sees
/// every open case ordered by last contact, which without this index is a sort of all open cases on every page view.
/// </summary>
internal sealed class CaseDashboardIndexes : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> @case)
    {
        @case.HasIndex(c => new { c.LastContactOn, c.Number })
            .HasFilter("status <> 'Closed'")
            .HasDatabaseName("ix_cases_open_last_contact_on_number");
        @case.HasIndex(c => new { c.Quartier, c.LastContactOn })
            .HasFilter("status <> 'Closed'")
            .HasDatabaseName("ix_cases_open_quartier_last_contact_on");
    }
}
