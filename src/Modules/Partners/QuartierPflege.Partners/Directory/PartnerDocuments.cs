using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.Partners.DataProtection;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Meetings;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners.Directory;

/// <summary>The module's documents in the product's one Marten store, in schema <c>partners</c>.</summary>
internal static class PartnerDocuments
{
    public const string SchemaName = "partners";

    /// <summary>Table name for hand-written SQL (the coverage matrix counts over the JSON lists).</summary>
    public const string Partners = SchemaName + ".mt_doc_partner";

    /// <summary>PostgreSQL's German text search configuration: stems "Pflegedienste" to "pflegedienst".</summary>
    public const string TextSearchConfig = "german";

    public const string ContactReadsAlias = "partner_contact_read";

    /// <summary>The append-only audit of reads of partners' contact persons.</summary>
    public const string ContactReads = SchemaName + ".mt_doc_" + ContactReadsAlias;

    public static IServiceCollection AddPartnerDocuments(this IServiceCollection services)
        => services.ConfigureMarten(o =>
        {
            o.Schema.For<Partner>()
                .DatabaseSchemaName(SchemaName)
                .DocumentAlias("partner")
                // Names identify partners for people (and make the demo seeder idempotent): two with one name would confuse.
                .UniqueIndex(p => p.Name)
                // The directory filters on the category, Quartier and language lists: containment queries use this index.
                .GinIndexJsonData()
                .Duplicate(p => p.Status)
                .Duplicate(p => p.Capacity)
                .FullTextIndex(TextSearchConfig, p => p.SearchText);
            o.Schema.For<PartnerReferral>()
                .DatabaseSchemaName(SchemaName)
                .DocumentAlias("partner_referral")
                .Duplicate(r => r.PartnerId)
                .Duplicate(r => r.CaseId)
                .Duplicate(r => r.Status)
                .Duplicate(r => r.RequestedAt);
            o.Schema.For<NetworkMeeting>()
                .DatabaseSchemaName(SchemaName)
                .DocumentAlias("network_meeting")
                .Duplicate(m => m.Date);
            o.Schema.For<PartnerContactRead>()
                .DatabaseSchemaName(SchemaName)
                .DocumentAlias(ContactReadsAlias)
                .Duplicate(r => r.PartnerId)
                .Duplicate(r => r.ReadAt);
            // The database refuses to change an entry, and deletes it only in the retention sweep's transaction.
            o.MakeAppendOnly<PartnerContactRead>(SchemaName, ContactReadsAlias);
        });
}
