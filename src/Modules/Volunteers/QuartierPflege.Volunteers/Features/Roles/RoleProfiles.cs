using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Volunteers.Domain;
using Wolverine.Marten;

namespace QuartierPflege.Volunteers.Features.RoleProfiles;

internal sealed record RoleProfileInput(
    string? Name,
    string? Description,
    string? Tasks,
    string? Guidance,
    IReadOnlyList<string>? Requirements,
    string? CompensationModelKey,
    int? MaxHoursPerMonth,
    int? MaxPeoplePerHelper,
    bool Section45a,
    int? Version);

internal sealed record RoleCreated(string Key, int Version);

internal sealed class RoleProfileInputValidator : AbstractValidator<RoleProfileInput>
{
    public static IReadOnlyList<(string Key, string Name)> CompensationModels { get; } =
        [("unentgeltlich", "Unentgeltlich"), ("aufwandspauschale", "Aufwandspauschale"), ("stundensatz", "Stundensatz"), ("fahrtkosten", "Fahrtkosten")];

    public RoleProfileInputValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Bitte geben Sie den Namen der Rolle ein.")
            .MaximumLength(100).WithMessage("Der Name darf höchstens 100 Zeichen lang sein.");
        RuleFor(r => r.Description).MaximumLength(2000).WithMessage("Die Beschreibung darf höchstens 2000 Zeichen lang sein.");
        RuleFor(r => r.Tasks).MaximumLength(2000).WithMessage("Die Aufgaben dürfen höchstens 2000 Zeichen lang sein.");
        RuleFor(r => r.Guidance).MaximumLength(8000).WithMessage("Die Anleitung darf höchstens 8000 Zeichen lang sein.");
        RuleFor(r => r.Requirements).Must(r => r is null || r.All(k => Catalogue.Course(k) is not null))
            .WithMessage("Bitte wählen Sie die Nachweise aus der Liste.");
        RuleFor(r => r.CompensationModelKey).NotEmpty().WithMessage("Bitte wählen Sie ein Vergütungsmodell.")
            .Must(k => k is null || CompensationModels.Any(m => m.Key == k)).WithMessage("Bitte wählen Sie ein Vergütungsmodell aus der Liste.");
        RuleFor(r => r.MaxHoursPerMonth).NotNull().WithMessage("Bitte geben Sie die Stunden im Monat an (0 für unbegrenzt).")
            .InclusiveBetween(0, 200).WithMessage("Die Stunden im Monat müssen zwischen 0 und 200 liegen.");
        RuleFor(r => r.MaxPeoplePerHelper).NotNull().WithMessage("Bitte geben Sie an, wie viele Personen eine Helfer:in begleiten darf (0 für unbegrenzt).")
            .InclusiveBetween(0, 50).WithMessage("Die Zahl der Personen muss zwischen 0 und 50 liegen.");
        RuleFor(r => r).Must(r => !r.Section45a || r.MaxHoursPerMonth is null or (> 0 and <= AssignmentRules.Section45aMaxHoursPerMonth))
            .WithName("maxHoursPerMonth").WithMessage($"Bei §45a SGB XI sind höchstens {AssignmentRules.Section45aMaxHoursPerMonth} Stunden im Monat erlaubt.");
        RuleFor(r => r.Version).NotNull().WithMessage("Die Version fehlt. Bitte laden Sie die Seite neu.");
    }
}

internal sealed class RoleProfileFeatures(IDocumentSession session, IValidator<RoleProfileInput> validator, VolunteerAccess access, IClock clock, IMartenOutbox outbox)
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    public static IReadOnlyDictionary<string, string> AllowedFileTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = ".pdf", ["image/png"] = ".png", ["image/jpeg"] = ".jpg", ["image/webp"] = ".webp",
    };

    public Task<IReadOnlyDictionary<string, RoleProfile>> AllAsync(CancellationToken cancellationToken) => Catalogue.RolesAsync(session, cancellationToken);

    public async Task<Outcome<int>> UpdateAsync(string key, RoleProfileInput input, CancellationToken cancellationToken)
    {
        var role = await Catalogue.RoleAsync(session, key, cancellationToken);
        if (role is null)
        {
            return Outcome<int>.NotFound("Das Rollenprofil wurde nicht gefunden.");
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        if (input.Version != role.Version)
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        var requirementsChanged = !role.Requirements.SequenceEqual(input.Requirements ?? []);
        role.Name = input.Name!.Trim();
        role.Description = input.Description?.Trim() ?? string.Empty;
        role.Tasks = input.Tasks?.Trim() ?? string.Empty;
        role.Guidance = input.Guidance?.Trim() ?? string.Empty;
        role.Requirements = [.. (input.Requirements ?? []).Distinct(StringComparer.Ordinal)];
        role.CompensationModelKey = input.CompensationModelKey!;
        role.MaxHoursPerMonth = input.MaxHoursPerMonth!.Value;
        role.MaxPeoplePerHelper = input.MaxPeoplePerHelper!.Value;
        role.Section45a = input.Section45a;
        var newVersion = role.Version + 1;
        if (role.Version == 0)
        {
            // A default role edited for the first time becomes a stored document.
            session.Store(role);
        }
        else
        {
            session.UpdateRevision(role, role.Version + 1);
        }

        if (requirementsChanged)
        {
            // New requirements apply at once: enrolments in the role are checked again.
            var today = clock.Today();
            var now = clock.GetCurrentInstant();
            var enrolled = await session.Query<Volunteer>().Where(v => v.Enrolments.Any(e => e.RoleProfileKey == key)).ToListAsync(cancellationToken);
            foreach (var volunteer in enrolled)
            {
                var id = volunteer.Id;
                var certificates = await session.Query<Certificate>().Where(c => c.VolunteerId == id).ToListAsync(cancellationToken);
                var roles = new Dictionary<string, RoleProfile>(await Catalogue.RolesAsync(session, cancellationToken), StringComparer.Ordinal) { [key] = role };
                foreach (var message in Enrolments.Reevaluate(volunteer, roles, certificates, today, now))
                {
                    await outbox.PublishAsync(message);
                }

                session.UpdateRevision(volunteer, volunteer.Version + 1);
            }
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (BuildingBlocks.Documents.ConcurrentEdits.IsConflict(e))
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        return Outcome<int>.Done(newVersion);
    }

    /// <summary>
    /// A new role profile. Its key (the id other modules name it by) is made once from the name and never changes, so a
    /// later rename keeps every enrolment and request pointing at it.
    /// </summary>
    public async Task<Outcome<RoleCreated>> CreateAsync(RoleProfileInput input, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input with { Version = 0 }, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<RoleCreated>.Invalid(validation);
        }

        var key = KeyOf(input.Name!);
        var existing = await Catalogue.RolesAsync(session, cancellationToken);
        if (key.Length == 0)
        {
            return Outcome<RoleCreated>.Invalid("name", "Der Name braucht mindestens einen Buchstaben oder eine Ziffer.");
        }

        if (existing.ContainsKey(key) || existing.Values.Any(r => string.Equals(r.Name, input.Name!.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return Outcome<RoleCreated>.Invalid("name", "Eine Rolle mit diesem Namen gibt es schon.");
        }

        var role = new RoleProfile
        {
            Id = key, Name = input.Name!.Trim(), Description = input.Description?.Trim() ?? string.Empty, Tasks = input.Tasks?.Trim() ?? string.Empty,
            Guidance = input.Guidance?.Trim() ?? string.Empty, Requirements = [.. (input.Requirements ?? []).Distinct(StringComparer.Ordinal)],
            CompensationModelKey = input.CompensationModelKey!, MaxHoursPerMonth = input.MaxHoursPerMonth!.Value, MaxPeoplePerHelper = input.MaxPeoplePerHelper!.Value,
            Section45a = input.Section45a,
        };
        session.Insert(role);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e.GetType().Name == "DocumentAlreadyExistsException")
        {
            // Two coordinators creating the same role at once: the second one hears it exists. (Marten's exception type
            // lives in a namespace that moves between versions, hence the name.)
            return Outcome<RoleCreated>.Invalid("name", "Eine Rolle mit diesem Namen gibt es schon.");
        }

        return Outcome<RoleCreated>.Done(new RoleCreated(key, 1));
    }

    /// <summary>"Hilfe beim Vorlesen" → <c>hilfe-beim-vorlesen</c>; umlauts written out as in German addresses.</summary>
    public static string KeyOf(string name)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            var part = c switch
            {
                'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'ß' => "ss",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => "-",
            };
            if (part != "-" || (builder.Length > 0 && builder[^1] != '-'))
            {
                builder.Append(part);
            }
        }

        var key = builder.ToString().TrimEnd('-');
        return key.Length > 60 ? key[..60].TrimEnd('-') : key;
    }

    public async Task<Outcome<Guid>> AttachFileAsync(string key, string? fileName, string? contentType, byte[] content, CancellationToken cancellationToken)
    {
        if (await Catalogue.RoleAsync(session, key, cancellationToken) is null)
        {
            return Outcome<Guid>.NotFound("Das Rollenprofil wurde nicht gefunden.");
        }

        if (FileProblem(fileName, contentType, content) is { } problem)
        {
            return Outcome<Guid>.Invalid("file", problem);
        }

        var file = new GuidanceFile { RoleProfileKey = key, FileName = Path.GetFileName(fileName!), ContentType = contentType!.ToLowerInvariant(), Content = content };
        session.Insert(file);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(file.Id);
    }

    public async Task<IReadOnlyList<(Guid Id, string FileName)>> FilesAsync(string key, CancellationToken cancellationToken)
        => [.. (await session.Query<GuidanceFile>().Where(f => f.RoleProfileKey == key)
                .Select(f => new { f.Id, f.FileName }).ToListAsync(cancellationToken)).Select(f => (f.Id, f.FileName))];

    /// <summary>Staff, and volunteers enrolled in the role (in any state but ended); everyone else gets nothing (404).</summary>
    public async Task<GuidanceFile?> DownloadAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var file = await session.LoadAsync<GuidanceFile>(fileId, cancellationToken);
        return file is not null && await MaySeeFilesAsync(file.RoleProfileKey, cancellationToken) ? file : null;
    }

    /// <summary>The role's files as the signed-in person may see them (none unless enrolled or staff); null for an unknown role.</summary>
    public async Task<IReadOnlyList<(Guid Id, string FileName)>?> VisibleFilesAsync(string key, CancellationToken cancellationToken)
        => await Catalogue.RoleAsync(session, key, cancellationToken) is null ? null
            : await MaySeeFilesAsync(key, cancellationToken) ? await FilesAsync(key, cancellationToken)
            : [];

    public async Task<bool> MaySeeFilesAsync(string key, CancellationToken cancellationToken)
        => access.IsStaff || ((await access.MeAsync(cancellationToken))?.Enrolments.Any(e => e.RoleProfileKey == key && e.State != EnrolmentState.Ended) ?? false);

    /// <summary>PDF or image, at most 10 MB, and the content must look like what it claims to be.</summary>
    public static string? FileProblem(string? fileName, string? contentType, byte[] content)
    {
        if (content.Length == 0 || string.IsNullOrWhiteSpace(fileName))
        {
            return "Bitte wählen Sie eine Datei.";
        }

        if (content.Length > MaxFileBytes)
        {
            return "Die Datei ist größer als 10 MB. Bitte wählen Sie eine kleinere Datei.";
        }

        if (contentType is null || !AllowedFileTypes.ContainsKey(contentType) || !LooksLike(contentType.ToLowerInvariant(), content))
        {
            return "Bitte laden Sie eine PDF-Datei oder ein Bild (PNG, JPEG, WebP) hoch.";
        }

        if (fileName.Length > 200)
        {
            return "Der Dateiname darf höchstens 200 Zeichen lang sein.";
        }

        return null;
    }

    private static bool LooksLike(string contentType, byte[] c) => contentType switch
    {
        "application/pdf" => c.Length > 4 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F',
        "image/png" => c.Length > 8 && c[0] == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G',
        "image/jpeg" => c.Length > 3 && c[0] == 0xFF && c[1] == 0xD8 && c[2] == 0xFF,
        "image/webp" => c.Length > 12 && c[8] == 'W' && c[9] == 'E' && c[10] == 'B' && c[11] == 'P',
        _ => false,
    };
}
