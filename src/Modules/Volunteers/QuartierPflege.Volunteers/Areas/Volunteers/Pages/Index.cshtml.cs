using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

[Authorize(Policy = Policies.Volunteering)]
internal sealed class IndexModel : PageModel
{
}
