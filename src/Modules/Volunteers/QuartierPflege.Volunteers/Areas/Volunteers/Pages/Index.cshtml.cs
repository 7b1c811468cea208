using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

internal sealed class IndexModel : PageModel
{
}
