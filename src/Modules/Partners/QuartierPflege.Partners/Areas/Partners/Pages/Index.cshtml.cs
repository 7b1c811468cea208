using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

internal sealed class IndexModel : PageModel
{
}
