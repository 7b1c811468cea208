using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class IndexModel : PageModel
{
}
