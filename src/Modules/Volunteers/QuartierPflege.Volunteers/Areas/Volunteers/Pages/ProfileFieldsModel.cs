using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

internal sealed record ProfileFieldsModel(ProfileForm Form, ModelStateDictionary State, IReadOnlyList<string> Quartiere, bool WithEmail);
