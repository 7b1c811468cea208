using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages;

[Authorize(Policy = Policies.Finance)]
internal sealed class IndexModel : PageModel
{
}
