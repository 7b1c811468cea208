using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.DataProtection;

/// <summary>Case Management's part of data protection: the append-only audit, retention, a resident's copy and erasure.</summary>
public sealed class CaseDataProtectionTests(QpApp app) : IClassFixture<QpApp>
{
    private const string AuditTable = "case_management.mt_doc_audit_entry";

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_entry_but_takes_new_ones()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync(lastName: "Unveränderlich");
        var entry = await app.QueryAsync(db => db.AuditEntries.FirstAsync(e => e.ResidentId == residentId));
        await app.InScopeAsync(async services =>
        {
            var session = services.GetRequiredService<IDocumentSession>();
            session.Insert(new AuditEntry { RecordKind = "Test", UserName = "Test", Description = "noch ein Eintrag", ResidentId = residentId });
            await session.SaveChangesAsync();
        });

        var update = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"UPDATE {AuditTable} SET data = data WHERE id = $1", entry.Id));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"DELETE FROM {AuditTable} WHERE id = $1", entry.Id));

        Assert.Contains("nur fortschreibbar", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("DELETE", delete.MessageText, StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.ResidentId == residentId)));
    }

    [Fact]
    public async Task The_retention_sweep_may_delete_audit_entries_within_its_own_transaction_only()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync(lastName: "Verjährt");

        await app.InScopeAsync(async services =>
        {
            var session = services.GetRequiredService<IDocumentSession>();
            session.AllowRetentionDeletes();
            session.DeleteWhere<AuditEntry>(e => e.ResidentId == residentId);
            await session.SaveChangesAsync();
        });

        Assert.Equal(0, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.ResidentId == residentId)));
        // The flag ended with that transaction: the next delete on a pooled connection is refused again.
        var another = await client.CreateResidentAsync(lastName: "Danach");
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"DELETE FROM {AuditTable} WHERE data->>'ResidentId' = $1", another.ToString()));
    }

    private async Task ExecuteAsync(string sql, object parameter)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }
}
