using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Features.Planning.Referrals;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages;

/// <summary>Koordination's monthly report of referrals sent without the sharing consent (Notfall).</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class NotfallweitergabenModel(EmergencyDisclosureReport report, IClock clock) : PageModel
{
    public string MonthValue { get; private set; } = string.Empty;

    public string? MonthError { get; private set; }

    public EmergencyDisclosureMonth? Report { get; private set; }

    public string MonthName { get; private set; } = string.Empty;

    public async Task OnGetAsync(string? monat, CancellationToken cancellationToken)
    {
        var month = clock.ThisMonth();
        if (monat is not null && !EmergencyDisclosureReport.TryParseMonth(monat, out month))
        {
            MonthValue = monat;
            MonthError = EmergencyDisclosureReport.BadMonthMessage;
            return;
        }

        MonthValue = YearMonthPattern.Iso.Format(month);
        MonthName = new LocalDate(month.Year, month.Month, 1).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("de-DE"));
        Report = await report.ForAsync(month, cancellationToken);
    }
}
