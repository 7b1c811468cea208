using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Quartiere.List;

namespace QuartierPflege.Quartiere.DataProtection;

/// <summary>
/// The managed list of Quartiere holds no personal data. The Quartiersarbeit to come here (Lagebild, surveys, forum)
/// declares its own kinds when it stores them.
/// </summary>
internal sealed class QuartierePersonalData : IPersonalDataRegister
{
    public const string ModuleName = "Quartiere";

    public string Module => ModuleName;

    public IReadOnlyList<PersonalDataKind> Kinds { get; } = [];

    public IReadOnlyList<StoredTypeWithoutPersonalData> WithoutPersonalData { get; } =
    [
        new(typeof(Quartier), "Name eines Quartiers, seine Nachbarquartiere und ob es aktiv ist: Angaben über Orte, nicht über Menschen"),
    ];
}
