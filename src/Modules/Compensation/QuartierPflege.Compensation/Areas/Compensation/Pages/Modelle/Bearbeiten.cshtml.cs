using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Models;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages.Modelle;

/// <summary>One row of the rate table as typed (strings, so that "12,50" and a mistyped value come back as entered).</summary>
internal sealed class RateRow
{
    public string? EffectiveFrom { get; set; }

    public string? MonthlyFlat { get; set; }

    public string? FlatHoursCap { get; set; }

    public string? HourlyRate { get; set; }

    public string? PerKilometre { get; set; }

    public bool IsBlank => new[] { EffectiveFrom, MonthlyFlat, FlatHoursCap, HourlyRate, PerKilometre }.All(string.IsNullOrWhiteSpace);
}

internal sealed class ModelInput
{
    public string? Key { get; set; }

    public string? Name { get; set; }

    public string? Allowance { get; set; }

    public int? Version { get; set; }

    public List<RateRow> Rates { get; set; } = [];
}

/// <summary>
/// Creating or editing a compensation model with its rate periods (Koordination/Finanzen), through the API's use case
/// <see cref="SaveModel"/>: the same German messages, inline and in the error summary. Two empty rows are offered for
/// new periods (no script needed); empty rows are ignored.
/// </summary>
[Authorize(Policy = Policies.Finance)]
internal sealed class ModelleBearbeitenModel(IQuerySession session, SaveModel save) : PageModel
{
    private const int BlankRows = 2;

    [BindProperty]
    public ModelInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            IsNew = true;
            Input = new ModelInput { Version = 0, Allowance = nameof(AllowanceKind.Ehrenamtspauschale) };
        }
        else
        {
            var models = await Catalogue.ModelsAsync(session, cancellationToken);
            if (!models.TryGetValue(key, out var model))
            {
                return NotFound();
            }

            Input = new ModelInput
            {
                Key = model.Id, Name = model.Name, Allowance = model.Allowance.ToString(), Version = model.Version,
                Rates = [.. model.Rates.OrderBy(r => r.EffectiveFrom).Select(r => new RateRow
                {
                    EffectiveFrom = r.EffectiveFrom.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    MonthlyFlat = FormNumbers.Field(r.MonthlyFlat), FlatHoursCap = FormNumbers.Field(r.FlatHoursCap),
                    HourlyRate = FormNumbers.Field(r.HourlyRate), PerKilometre = FormNumbers.Field(r.PerKilometre),
                })],
            };
        }

        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        IsNew = key is null;
        ModelState.Clear();
        var modelKey = (IsNew ? Input.Key : key)?.Trim() ?? string.Empty;
        Input.Key = modelKey;
        var rows = new List<(int Index, RateInput Rate)>();
        for (var i = 0; i < Input.Rates.Count; i++)
        {
            var row = Input.Rates[i];
            if (row.IsBlank)
            {
                continue;
            }

            var prefix = $"Input.Rates[{i}]";
            if (!FormNumbers.TryDate(row.EffectiveFrom, out var from))
            {
                ModelState.AddModelError($"{prefix}.EffectiveFrom", "Bitte geben Sie das Datum als TT.MM.JJJJ an (z. B. 01.01.2027).");
            }

            decimal? Amount(string? text, string field)
            {
                if (FormNumbers.TryAmount(text, out var value))
                {
                    return value;
                }

                ModelState.AddModelError($"{prefix}.{field}", "Bitte geben Sie eine Zahl wie 12,50 ein (Komma vor den Cent, ohne Tausenderpunkt).");
                return null;
            }

            rows.Add((i, new RateInput(from, Amount(row.MonthlyFlat, nameof(RateRow.MonthlyFlat)), Amount(row.FlatHoursCap, nameof(RateRow.FlatHoursCap)),
                Amount(row.HourlyRate, nameof(RateRow.HourlyRate)), Amount(row.PerKilometre, nameof(RateRow.PerKilometre)))));
        }

        if (ModelState.IsValid)
        {
            AllowanceKind? allowance = Enum.TryParse<AllowanceKind>(Input.Allowance, out var a) && Enum.IsDefined(a) ? a : null;
            var outcome = await save.HandleAsync(modelKey, new SaveModelRequest(Input.Name, allowance, [.. rows.Select(r => r.Rate)], Input.Version), cancellationToken);
            if (outcome.IsDone)
            {
                TempData["Message"] = $"Das Vergütungsmodell „{Input.Name?.Trim()}“ ist gespeichert.";
                return Redirect("/Compensation/Modelle");
            }

            outcome.CopyTo(ModelState, field => FormKey(field, rows));
        }

        // The rows stay as they were sent (blank ones included), so that each message stays next to its row.
        return Page();
    }

    /// <summary>The use case names rows by their place in what it was given ("rates[1].hourlyRate"); the form has blank rows in between.</summary>
    private static string FormKey(string field, List<(int Index, RateInput Rate)> rows)
    {
        if (field.StartsWith("rates[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is var end and > 6
            && int.TryParse(field.AsSpan(6, end - 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var given)
            && given < rows.Count)
        {
            return $"Input.Rates[{rows[given].Index}]";
        }

        return field switch
        {
            "key" => "Input.Key",
            "name" => "Input.Name",
            "allowance" => "Input.Allowance",
            "rates" => "Input.Rates",
            _ => string.Empty,
        };
    }

    private void AddBlankRows()
    {
        Input.Rates.RemoveAll(r => r.IsBlank);
        for (var i = 0; i < BlankRows; i++)
        {
            Input.Rates.Add(new RateRow());
        }
    }
}
