using QuartierPflege.CaseManagement.Features.Planning.Plan;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle.Planung;

/// <summary>The problem form (new or change); <paramref name="Problem"/> is null for a new one.</summary>
internal sealed record ProblemFields(string FormId, string Handler, ProblemView? Problem, FormFeedback Form);

internal sealed record NewStepFields(string FormId, Guid ProblemId, IReadOnlyList<PartnerListing> Partners, FormFeedback Form);
