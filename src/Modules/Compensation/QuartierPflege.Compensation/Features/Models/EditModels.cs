using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Documents;
using QuartierPflege.Compensation.Domain;
using Wolverine.Marten;

namespace QuartierPflege.Compensation.Features.Models;

internal sealed record RateInput(LocalDate? EffectiveFrom, decimal? MonthlyFlat, decimal? FlatHoursCap, decimal? HourlyRate, decimal? PerKilometre);

/// <summary>A model as edited: <see cref="Version"/> is the revision read (0 for a model never saved, i.e. a default).</summary>
internal sealed record SaveModelRequest(string? Name, AllowanceKind? Allowance, IReadOnlyList<RateInput>? Rates, int? Version);

internal sealed class SaveModelRequestValidator : AbstractValidator<SaveModelRequest>
{
    public const decimal MaxAmount = 10_000m;

    public SaveModelRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Bitte geben Sie den Namen des Vergütungsmodells ein.")
            .MaximumLength(100).WithMessage("Der Name darf höchstens 100 Zeichen lang sein.");
        RuleFor(r => r.Allowance).NotNull().WithMessage("Bitte wählen Sie, welcher Freibetrag gilt.")
            .IsInEnum().WithMessage("Diesen Freibetrag gibt es nicht.");
        RuleFor(r => r.Rates).NotEmpty().WithMessage("Bitte geben Sie mindestens einen Zeitraum mit Sätzen an.")
            .Must(r => r is null || r.Count <= 50).WithMessage("Höchstens 50 Zeiträume.");
        RuleForEach(r => r.Rates).ChildRules(rate =>
        {
            rate.RuleFor(x => x.EffectiveFrom).NotNull().WithMessage("Bitte geben Sie an, ab wann die Sätze gelten.");
            rate.RuleFor(x => x.MonthlyFlat).InclusiveBetween(0m, MaxAmount).WithMessage("Die Pauschale muss zwischen 0 und 10.000 € liegen.");
            rate.RuleFor(x => x.HourlyRate).InclusiveBetween(0m, 1000m).WithMessage("Der Stundensatz muss zwischen 0 und 1.000 € liegen.");
            rate.RuleFor(x => x.PerKilometre).InclusiveBetween(0m, 10m).WithMessage("Der Satz je Kilometer muss zwischen 0 und 10 € liegen.");
            rate.RuleFor(x => x.FlatHoursCap).InclusiveBetween(0.25m, 744m).WithMessage("Die Stunden für die volle Pauschale müssen zwischen 0,25 und 744 liegen.");
            rate.RuleFor(x => x).Must(x => x.FlatHoursCap is null || x.MonthlyFlat is > 0m)
                .WithName("flatHoursCap").WithMessage("Stunden für eine anteilige Pauschale gibt es nur mit einer Pauschale.");
            rate.RuleFor(x => x).Must(x => new[] { x.MonthlyFlat, x.HourlyRate, x.PerKilometre }.All(v => v is null || Decimal.Round(v.Value, 2) == v.Value))
                .WithName("rate").WithMessage("Beträge höchstens mit zwei Nachkommastellen (Cent).");
        }).OverridePropertyName("rates");
        RuleFor(r => r.Rates).Must(r => r is null || r.Where(x => x.EffectiveFrom is not null).GroupBy(x => x.EffectiveFrom).All(g => g.Count() == 1))
            .WithMessage("Zwei Zeiträume beginnen am selben Tag und überschneiden sich. Jeder Zeitraum gilt bis zum Beginn des nächsten.");
        RuleFor(r => r.Version).NotNull().WithMessage("Die Version fehlt. Bitte laden Sie die Seite neu.");
    }
}

/// <summary>
/// Saves a model's name, allowance and rate periods (Koordination/Finanzen). Periods run from their start until the next
/// one starts, so two can only overlap by starting on the same day, which is refused.
/// </summary>
internal sealed class SaveModel(IDocumentSession session, IMartenOutbox outbox, IValidator<SaveModelRequest> validator)
{
    public async Task<Outcome<int>> HandleAsync(string key, SaveModelRequest request, CancellationToken cancellationToken)
    {
        if (key.Length is 0 or > 40 || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return Outcome<int>.Invalid("key", "Der Schlüssel besteht aus höchstens 40 Kleinbuchstaben, Ziffern und Bindestrichen.");
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        var stored = await session.LoadAsync<CompensationModel>(key, cancellationToken);
        var model = stored ?? new CompensationModel { Id = key };
        if (request.Version!.Value != model.Version)
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        model.Name = request.Name!.Trim();
        model.Allowance = request.Allowance!.Value;
        model.Rates = [.. request.Rates!.OrderBy(r => r.EffectiveFrom).Select(r => new RatePeriod(r.EffectiveFrom!.Value,
            r.MonthlyFlat is > 0m ? r.MonthlyFlat : null, r.MonthlyFlat is > 0m ? r.FlatHoursCap : null,
            r.HourlyRate is > 0m ? r.HourlyRate : null, r.PerKilometre is > 0m ? r.PerKilometre : null))];
        var next = model.Version + 1;
        if (stored is null)
        {
            model.Version = next;
            session.Insert(model);
        }
        else
        {
            session.UpdateRevision(model, next);
        }

        try
        {
            return await session.SaveOrConflictAsync(outbox, next, cancellationToken);
        }
        catch (Exception ex) when (Duplicates.IsDuplicate(ex))
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }
    }
}

internal sealed record SaveCapsRequest(decimal? Ehrenamtspauschale, decimal? Uebungsleiterpauschale, decimal? MinijobPerMonth, int? Version);

internal sealed class SaveCapsRequestValidator : AbstractValidator<SaveCapsRequest>
{
    public SaveCapsRequestValidator()
    {
        RuleFor(r => r.Ehrenamtspauschale).NotNull().WithMessage("Bitte geben Sie die Ehrenamtspauschale ein.")
            .InclusiveBetween(0m, 100_000m).WithMessage("Der Betrag muss zwischen 0 und 100.000 € liegen.");
        RuleFor(r => r.Uebungsleiterpauschale).NotNull().WithMessage("Bitte geben Sie die Übungsleiterpauschale ein.")
            .InclusiveBetween(0m, 100_000m).WithMessage("Der Betrag muss zwischen 0 und 100.000 € liegen.");
        RuleFor(r => r.MinijobPerMonth).NotNull().WithMessage("Bitte geben Sie die Minijob-Grenze ein.")
            .InclusiveBetween(0m, 100_000m).WithMessage("Der Betrag muss zwischen 0 und 100.000 € liegen.");
        RuleFor(r => r.Version).NotNull().WithMessage("Die Version fehlt. Bitte laden Sie die Seite neu.");
    }
}

/// <summary>The caps of a future year; the running and past years are fixed (runs have paid against them).</summary>
internal sealed class SaveCaps(IDocumentSession session, IMartenOutbox outbox, IClock clock, IValidator<SaveCapsRequest> validator)
{
    public async Task<Outcome<int>> HandleAsync(int year, SaveCapsRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        if (year <= clock.Today().Year || year > clock.Today().Year + 5)
        {
            return Outcome<int>.Invalid("year", $"Freibeträge können nur für die kommenden Jahre ({clock.Today().Year + 1} bis {clock.Today().Year + 5}) eingetragen werden; laufende und vergangene Jahre sind festgeschrieben.");
        }

        var stored = await session.LoadAsync<CapYear>(year, cancellationToken);
        var caps = stored ?? new CapYear { Id = year };
        if (request.Version!.Value != caps.Version)
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        caps.Ehrenamtspauschale = request.Ehrenamtspauschale!.Value;
        caps.Uebungsleiterpauschale = request.Uebungsleiterpauschale!.Value;
        caps.MinijobPerMonth = request.MinijobPerMonth!.Value;
        var next = caps.Version + 1;
        if (stored is null)
        {
            caps.Version = next;
            session.Insert(caps);
        }
        else
        {
            session.UpdateRevision(caps, next);
        }

        try
        {
            return await session.SaveOrConflictAsync(outbox, next, cancellationToken);
        }
        catch (Exception ex) when (Duplicates.IsDuplicate(ex))
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }
    }
}
