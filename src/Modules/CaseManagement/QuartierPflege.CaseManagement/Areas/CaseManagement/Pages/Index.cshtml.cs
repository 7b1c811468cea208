using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages;

internal sealed class IndexModel : PageModel
{
}
