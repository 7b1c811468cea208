using System.Net.Http.Json;
using System.Text.Json;

namespace QuartierPflege.Testing;

/// <summary>
/// Case Management driven through its own API, as a case manager would: a resident with the consents, a case, a
/// problem and a referral step to a partner. The step publishes <c>referral-requested</c>; nothing here touches
/// Case Management's documents.
/// </summary>
public sealed class CaseManagementApi(HttpClient caseManager)
{
    public const string Api = "/api/case-management";

    public async Task<(Guid CaseId, Guid ReferralId)> OpenCaseWithReferralAsync(
        Guid partnerId, string category, string quartier, bool discloseContact, string summary, NodaTime.LocalDate respondBy)
    {
        var resident = await CreatedIdAsync(await caseManager.PostAsJsonAsync($"{Api}/residents", new
        {
            firstName = "Ilse",
            lastName = "Wendt",
            dateOfBirth = "1937-09-03",
            street = "Lindenstraße",
            houseNumber = "8",
            flat = "EG rechts",
            postalCode = "04746",
            city = "Hartha",
            quartier,
            phone = "034328 77777",
            careLevel = "None",
            languages = new[] { "de" },
            relatives = Array.Empty<object>(),
            // The same test resident again and again in one database: not a duplicate to warn about.
            createDespiteDuplicates = true,
        }));
        await CreatedIdAsync(await caseManager.PostAsJsonAsync($"{Api}/residents/{resident}/consents", new { purpose = "StoreData", givenOn = "2026-03-02", form = "Written" }));
        await CreatedIdAsync(await caseManager.PostAsJsonAsync($"{Api}/residents/{resident}/consents",
            new { purpose = "ShareWithPartners", serviceCategory = category, givenOn = "2026-03-02", form = "Written" }));
        var opened = await caseManager.PostAsJsonAsync($"{Api}/cases", new { residentId = resident });
        var caseId = await CreatedIdAsync(opened);
        var problem = await CreatedIdAsync(await caseManager.PostAsJsonAsync($"{Api}/cases/{caseId}/problems", new { kind = "CareNeed", description = "Braucht Hilfe" }));
        await CreatedIdAsync(await caseManager.PostAsJsonAsync($"{Api}/cases/{caseId}/problems/{problem}/steps", new
        {
            kind = "Referral",
            title = "Vermittlung an den Netzwerkpartner",
            owner = "Fallmanagement",
            dueOn = respondBy.PlusDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            isMilestone = false,
            referral = new { partnerId, serviceCategory = category, disclosedSummary = summary, discloseContactDetails = discloseContact, respondBy = respondBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        }));
        var referral = (await ReferralStepAsync(caseId)).GetProperty("referral");
        return (caseId, referral.GetProperty("referralId").GetGuid());
    }

    /// <summary>
    /// A resident at Lessingstraße 7 (2. OG links) in <paramref name="quartier"/> who agreed to storing data and to
    /// involving neighbours, with a case and a problem (Pflegebedarf) to plan neighbour help for.
    /// </summary>
    public async Task<Guid> OpenCaseForNeighbourHelpAsync(string quartier)
    {
        var resident = await CreatedIdAsync(await caseManager.PostAsJsonAsync($"{Api}/residents", new
        {
            firstName = "Erna",
            lastName = "Lessing",
            dateOfBirth = "1936-05-12",
            street = "Lessingstraße",
            houseNumber = "7",
            flat = "2. OG links",
            postalCode = "04720",
            city = "Döbeln",
            quartier,
            phone = "03431 700700",
            careLevel = "None",
            languages = new[] { "de" },
            relatives = Array.Empty<object>(),
            createDespiteDuplicates = true,
        }));
        foreach (var purpose in new[] { "StoreData", "InvolveNeighbours" })
        {
            await CreatedIdAsync(await caseManager.PostAsJsonAsync($"{Api}/residents/{resident}/consents", new { purpose, givenOn = "2026-03-02", form = "Written" }));
        }

        var caseId = await CreatedIdAsync(await caseManager.PostAsJsonAsync($"{Api}/cases", new { residentId = resident }));
        await CreatedIdAsync(await caseManager.PostAsJsonAsync($"{Api}/cases/{caseId}/problems", new { kind = "CareNeed", description = "Kommt allein nicht mehr zur Hausärztin." }));
        return caseId;
    }

    /// <summary>The (only) referral step of the case as the plan API shows it.</summary>
    public async Task<JsonElement> ReferralStepAsync(Guid caseId)
    {
        var plan = await caseManager.GetFromJsonAsync<JsonElement>($"{Api}/cases/{caseId}/plan");
        return plan.GetProperty("problems").EnumerateArray().SelectMany(p => p.GetProperty("steps").EnumerateArray())
            .Single(s => s.GetProperty("referral").ValueKind == JsonValueKind.Object);
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }
}
