using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages;

internal sealed class IndexModel : PageModel
{
}
